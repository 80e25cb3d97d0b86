// Commands on one document's checklist: attach, add, set, show, history; and templates.
#include "calendar.h"
#include "command_table.h"

#include "item_text.h"

#include <ctime>
#include <functional>
#include <locale>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

class AttachCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("DOC", document_)->required();
        app.add_option("--template", template_)->required();
    }

    int run(CliContext& context) override
    {
        const auto* chosen = context.templates().find(template_);
        if (!chosen)
            return context.failure({ErrorCode::TemplateUnknown, template_, {}});
        std::vector<NewItem> items;
        for (const auto& section : chosen->sections)
            for (const auto& item : section.items)
                items.push_back({chosen->key, item.key, {}, section.key});
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        auto attached = store->attach(canonicalDocumentPath(document_), chosen->key, items);
        if (!attached)
            return context.failure(attached.error());
        context.out() << "attached " << attached.value().items.size() << " items\n";
        return kExitOk;
    }

private:
    std::string document_;
    std::string template_;
};

class AddCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("TEXT", text_)->required();
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto added = context.store()->addCustomItem(checklist.document_id, 0, text_);
        if (!added)
            return context.failure(added.error());
        context.out() << "added item " << added.value() << "\n";
        return kExitOk;
    }

private:
    std::string text_;
};

class SetCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("ITEM", item_)->required();
        app.add_option("--status", status_);
        app.add_option("--reason", reason_);
        app.add_option("--due", due_);
        app.add_option("--note", note_);
        app.add_option("--owner", owner_);
        app.add_flag("--internal", internal_);
        app.add_flag("--visible", visible_);
    }

    std::string check() override
    {
        if (!status_ && !reason_ && !due_ && !note_ && !owner_ && !internal_ && !visible_)
            return "set takes DOC ITEM and at least one option";
        if (status_ && !parseStatusKeyword(*status_))
            return "unknown status \"" + *status_ + "\"";
        if (owner_ && *owner_ != "us" && *owner_ != "client")
            return "--owner takes us or client";
        if (internal_ && visible_)
            return "--internal and --visible contradict each other";
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistItem* item = nullptr;
        for (const auto& candidate : checklist.items)
            if (std::to_string(candidate.id) == item_ || (!candidate.item_key.empty() && candidate.item_key == item_))
                item = &candidate;
        if (!item)
            return context.failure({ErrorCode::ItemUnknown, item_, {}});
        const std::string due = due_ && *due_ == "none" ? std::string() : due_.value_or(std::string());
        if (due_ && !isDateOrEmpty(due))
            return context.failure({ErrorCode::InvalidArgument, *due_, "expected a date written YYYY-MM-DD"});
        Store& store = *context.store();
        const auto doc = checklist.document_id;
        const auto now = nowSeconds();
        // Everything was validated above; each change is committed on its own, in order.
        const std::function<Status()> changes[] = {
            [&] { return due_ ? store.setDue(doc, item->id, due) : Status{}; },
            [&] {
                return status_ || reason_
                           ? store.setStatus(doc, item->id, status_ ? *parseStatusKeyword(*status_) : item->status,
                                             reason_.value_or(item->status_reason), now)
                           : Status{};
            },
            [&] { return note_ ? store.setNote(doc, item->id, *note_) : Status{}; },
            [&] {
                return owner_ ? store.setOwner(doc, item->id, *owner_ == "client" ? Owner::Client : Owner::Us)
                              : Status{};
            },
            [&] { return internal_ || visible_ ? store.setInternal(doc, item->id, internal_) : Status{}; },
        };
        for (const auto& change : changes)
            if (const Status result = change(); !result)
                return context.failure(result.error());
        return kExitOk;
    }

private:
    std::string item_;
    std::optional<std::string> status_, reason_, due_, note_, owner_;
    bool internal_ = false;
    bool visible_ = false;
};

class ShowCommand : public ChecklistCommand {
public:
    int runOn(CliContext& context, Checklist& checklist) override
    {
        for (const auto& item : checklist.items) {
            context.out() << item.id << "\t" << (item.status == ItemStatus::Done ? "[x]" : "[ ]") << "\t"
                          << itemTitle(context.templates(), item, std::locale::classic()) << "\t"
                          << statusKeyword(item.status) << "\t" << (item.due.empty() ? "-" : item.due) << "\t"
                          << (item.owner == Owner::Client ? "client" : "us") << "\t"
                          << (item.internal ? "internal" : "visible");
            if (!item.status_reason.empty())
                context.out() << "\t" << item.status_reason;
            context.out() << "\n";
        }
        return kExitOk;
    }

};

class HistoryCommand : public ChecklistCommand {
public:
    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto entries = context.store()->history(checklist.document_id);
        if (!entries)
            return context.failure(entries.error());
        for (const auto& entry : entries.value())
            context.out() << entry.sequence << "\t" << entry.at << "\t" << entry.item_id << "\t" << entry.field << "\t"
                          << entry.old_value << "\t" << entry.new_value << "\n";
        return kExitOk;
    }

};

class TemplatesCommand : public Command {
public:
    void define(CLI::App&) override {}

    int run(CliContext& context) override
    {
        const TemplateLibrary& library = context.templates();
        for (const auto& entry : library.templates())
            context.out() << entry.key << "\t" << entry.title << "\n";
        for (const auto& error : library.errors())
            context.err() << "rapport: " << error.description() << "\n";
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeAttachCommand() { return std::make_unique<AttachCommand>(); }
std::unique_ptr<Command> makeAddCommand() { return std::make_unique<AddCommand>(); }
std::unique_ptr<Command> makeSetCommand() { return std::make_unique<SetCommand>(); }
std::unique_ptr<Command> makeShowCommand() { return std::make_unique<ShowCommand>(); }
std::unique_ptr<Command> makeHistoryCommand() { return std::make_unique<HistoryCommand>(); }
std::unique_ptr<Command> makeTemplatesCommand() { return std::make_unique<TemplatesCommand>(); }

} // namespace rapport::cli
