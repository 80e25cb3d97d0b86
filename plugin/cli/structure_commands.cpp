// Commands on a checklist's structure: sections, add-section, move, delete, move-section,
// delete-section. Items and sections are named by the numbers show and sections print.
#include "command_table.h"

#include "item_text.h"

#include <boost/locale/message.hpp>

#include <locale>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

const ChecklistItem* findItem(const Checklist& checklist, const std::string& name)
{
    for (const auto& item : checklist.items)
        if (std::to_string(item.id) == name || (!item.item_key.empty() && item.item_key == name))
            return &item;
    return nullptr;
}

const ChecklistSection* findSection(const Checklist& checklist, const std::string& name)
{
    for (const auto& section : checklist.sections)
        if (std::to_string(section.id) == name || (!section.section_key.empty() && section.section_key == name))
            return &section;
    return nullptr;
}

int noSection(CliContext& context, const std::string& name)
{
    // TRANSLATORS: {1} is what the user typed to name a section; keep the command as it is.
    return context.failure(formatted(bl::translate("This checklist has no section {1}. The command "
                                                   "'rapport sections DOC' lists its sections and their numbers."),
                                     {name}));
}

class SectionsCommand : public ChecklistCommand {
public:
    int runOn(CliContext& context, Checklist& checklist) override
    {
        for (const auto& section : checklist.sections) {
            std::size_t items = 0;
            for (const auto& item : checklist.items)
                items += item.section_id == section.id ? 1 : 0;
            context.row({std::to_string(section.id),
                         sectionTitle(context.templates(), section, std::locale::classic()), std::to_string(items)});
        }
        return kExitOk;
    }
};

class AddSectionCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_option("TITLE", title_)->required(); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto added = context.store()->addSection(checklist.document_id, title_);
        if (!added)
            return context.failure(added.error());
        context.out() << "added section " << added.value() << "\n";
        return kExitOk;
    }

private:
    std::string title_;
};

class MoveCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("ITEM", item_)->required();
        app.add_option("INDEX", index_)->required();
        app.add_option("--section", section_);
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistItem* item = findItem(checklist, item_);
        if (!item)
            return context.failure({ErrorCode::ItemUnknown, item_, {}});
        std::int64_t section = item->section_id;
        if (!section_.empty()) {
            const ChecklistSection* to = findSection(checklist, section_);
            if (!to)
                return noSection(context, section_);
            section = to->id;
        }
        if (const Status moved = context.store()->moveItem(checklist.document_id, item->id, section, index_); !moved)
            return context.failure(moved.error());
        return kExitOk;
    }

private:
    std::string item_;
    std::size_t index_ = 0;
    std::string section_;
};

class DeleteCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_option("ITEM", item_)->required(); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistItem* item = findItem(checklist, item_);
        if (!item)
            return context.failure({ErrorCode::ItemUnknown, item_, {}});
        // As in the sidebar: a template's promise stays on record; mark it na instead.
        if (!isDeletable(*item))
            // TRANSLATORS: {1} is an item's number; keep the command and "na" as they are.
            return context.failure(formatted(bl::translate("Item {1} came from the template, so it stays on record: "
                                                           "mark it not applicable instead (rapport set DOC {1} "
                                                           "--status na)."),
                                             {item_}));
        if (auto deleted = context.store()->deleteItem(checklist.document_id, item->id); !deleted)
            return context.failure(deleted.error());
        return kExitOk;
    }

private:
    std::string item_;
};

class MoveSectionCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("SECTION", section_)->required();
        app.add_option("INDEX", index_)->required();
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistSection* section = findSection(checklist, section_);
        if (!section)
            return noSection(context, section_);
        if (const Status moved = context.store()->moveSection(checklist.document_id, section->id, index_); !moved)
            return context.failure(moved.error());
        return kExitOk;
    }

private:
    std::string section_;
    std::size_t index_ = 0;
};

class DeleteSectionCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_option("SECTION", section_)->required(); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistSection* section = findSection(checklist, section_);
        if (!section)
            return noSection(context, section_);
        if (auto deleted = context.store()->deleteSection(checklist.document_id, section->id); !deleted)
            return context.failure(deleted.error());
        return kExitOk;
    }

private:
    std::string section_;
};

} // namespace

std::unique_ptr<Command> makeSectionsCommand() { return std::make_unique<SectionsCommand>(); }
std::unique_ptr<Command> makeAddSectionCommand() { return std::make_unique<AddSectionCommand>(); }
std::unique_ptr<Command> makeMoveCommand() { return std::make_unique<MoveCommand>(); }
std::unique_ptr<Command> makeDeleteCommand() { return std::make_unique<DeleteCommand>(); }
std::unique_ptr<Command> makeMoveSectionCommand() { return std::make_unique<MoveSectionCommand>(); }
std::unique_ptr<Command> makeDeleteSectionCommand() { return std::make_unique<DeleteSectionCommand>(); }

} // namespace rapport::cli
