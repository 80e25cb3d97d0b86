// Commands on one document's checklist: attach, add, set, show, history; and templates.
#include "calendar.h"
#include "command_table.h"

#include "item_text.h"
#include "json_writer.h"

#include <boost/locale/format.hpp>

#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

class AttachCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("DOC", document_)->required();
        app.add_option("--template", template_);
    }

    // Without --template, an empty checklist (as the sidebar's "Start empty").
    int run(CliContext& context) override
    {
        std::vector<NewItem> items;
        std::string key;
        if (template_) {
            const auto* chosen = context.templates().find(*template_);
            if (!chosen) {
                context.failure({ErrorCode::TemplateUnknown, *template_, {}});
                // TRANSLATORS: a hint after an unknown template; keep "rapport templates" as it is.
                context.note(say(bl::translate("\"rapport templates\" lists the templates there are.")));
                return kExitFailed;
            }
            key = chosen->key;
            for (const auto& section : chosen->sections)
                for (const auto& item : section.items)
                    items.push_back({chosen->key, item.key, {}, section.key});
        }
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        if (const int rc = context.sync(canonicalDocumentPath(document_))) // the team's checklist, if any
            return rc;
        auto attached = store->attach(canonicalDocumentPath(document_), key, items);
        if (!attached)
            return context.failure(attached.error());
        const auto count = attached.value().items.size();
        // TRANSLATORS: the result of "rapport attach"; {1} is a number of checklist items.
        context.out() << (bl::format(bl::translate("attached {1} item", "attached {1} items", static_cast<int>(count))) %
                          count)
                             .str(messageLocale())
                      << "\n";
        return kExitOk;
    }

private:
    std::string document_;
    std::optional<std::string> template_;
};

class AddCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_option("TEXT", text_)->required(); }

    std::string check() override
    {
        if (text_.empty())
            // TRANSLATORS: "rapport add" was given an empty text.
            return say(bl::translate("an item needs a text"));
        return checkArgument("TEXT", text_, TextField::ItemTitle);
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto added = context.store()->addCustomItem(checklist.document_id, 0, text_);
        if (!added)
            return context.failure(added.error());
        // TRANSLATORS: the result of "rapport add"; {1} is the new item's number.
        context.out() << (bl::format(bl::translate("added item {1}")) % added.value()).str(messageLocale()) << "\n";
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

    // Everything the options alone can tell is bad usage (exit 2), the date included:
    // nothing is read or written before it is all right.
    std::string check() override
    {
        if (!status_ && !reason_ && !due_ && !note_ && !owner_ && !internal_ && !visible_)
            // TRANSLATORS: "rapport set" needs at least one of its options.
            return say(bl::translate("set takes DOC ITEM and at least one option"));
        if (status_ && !parseStatusKeyword(*status_))
            // TRANSLATORS: {1} is what was typed; keep the status keywords as they are.
            return (bl::format(bl::translate("unknown status \"{1}\": use todo, in-progress, waiting, blocked, done "
                                             "or na")) %
                    *status_)
                .str(messageLocale());
        if (owner_ && *owner_ != "us" && *owner_ != "client")
            // TRANSLATORS: keep "--owner", "us" and "client" as they are.
            return say(bl::translate("--owner takes us or client"));
        if (internal_ && visible_)
            // TRANSLATORS: keep the option names as they are.
            return say(bl::translate("--internal and --visible contradict each other"));
        if (due_ && *due_ != "none" && !isDateOrEmpty(*due_))
            return Error{ErrorCode::DateInvalid, *due_, {}}.description(messageLocale());
        if (reason_)
            if (std::string problem = checkArgument("--reason", *reason_, TextField::Reason); !problem.empty())
                return problem;
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const ChecklistItem* item = nullptr;
        for (const auto& candidate : checklist.items)
            if (std::to_string(candidate.id) == item_ || (!candidate.item_key.empty() && candidate.item_key == item_))
                item = &candidate;
        if (!item) {
            context.failure({ErrorCode::ItemUnknown, item_, {}});
            // TRANSLATORS: a hint; keep "rapport show" as it is.
            context.note(say(bl::translate("\"rapport show DOC\" lists the items with their numbers.")));
            return kExitFailed;
        }
        const auto doc = checklist.document_id;
        // All of it or none of it: one batch, one transaction.
        std::vector<Change> batch;
        if (due_)
            batch.push_back(changes::itemField(ChangeKind::Due, doc, item->id, *due_ == "none" ? std::string() : *due_));
        if (status_ || reason_)
            for (Change& change : changes::status(doc, item->id, status_ ? *parseStatusKeyword(*status_) : item->status,
                                                  reason_.value_or(item->status_reason), nowSeconds()))
                batch.push_back(std::move(change));
        if (note_)
            batch.push_back(changes::itemField(ChangeKind::Note, doc, item->id, *note_));
        if (owner_)
            batch.push_back(changes::itemField(ChangeKind::Owner, doc, item->id, *owner_ == "client" ? "1" : "0"));
        if (internal_ || visible_)
            batch.push_back(changes::itemField(ChangeKind::Internal, doc, item->id, internal_ ? "1" : "0"));
        if (auto applied = context.store()->apply(std::move(batch)); !applied)
            return context.failure(applied.error());
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
    void defineMore(CLI::App& app) override { app.add_flag("--json", json_); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        if (json_)
            return writeJson(context, checklist);
        for (const auto& item : checklist.items) {
            const std::string id = std::to_string(item.id);
            const std::string title = itemTitle(context.templates(), item, messageLocale());
            const std::string_view tick = item.status == ItemStatus::Done ? "[x]" : "[ ]";
            const std::string_view due = item.due.empty() ? "-" : std::string_view(item.due);
            const std::string_view owner = item.owner == Owner::Client ? "client" : "us";
            const std::string_view shown = item.internal ? "internal" : "visible";
            if (item.status_reason.empty())
                context.row({id, tick, title, statusKeyword(item.status), due, owner, shown});
            else
                context.row({id, tick, title, statusKeyword(item.status), due, owner, shown, item.status_reason});
        }
        return kExitOk;
    }

private:
    int writeJson(CliContext& context, const Checklist& checklist)
    {
        JsonWriter json(context.out());
        json.beginObject().key("document").value(checklist.document_path);
        json.key("template").stringOrNull(checklist.template_key);
        json.key("deadline").stringOrNull(checklist.deadline);
        json.key("sections").beginArray();
        for (const auto& section : checklist.sections) {
            json.beginObject().key("id").value(section.id);
            json.key("key").stringOrNull(section.section_key);
            json.key("title").value(sectionTitle(context.templates(), section, messageLocale()));
            json.endObject();
        }
        json.endArray().key("items").beginArray();
        for (const auto& item : checklist.items) {
            json.beginObject().key("id").value(item.id);
            json.key("section").value(item.section_id);
            json.key("key").stringOrNull(item.item_key);
            json.key("title").value(itemTitle(context.templates(), item, messageLocale()));
            json.key("status").value(statusKeyword(item.status));
            json.key("done").value(item.status == ItemStatus::Done);
            json.key("reason").stringOrNull(item.status_reason);
            json.key("status_since").time(item.status_since);
            json.key("due").stringOrNull(item.due);
            json.key("owner").value(item.owner == Owner::Client ? "client" : "us");
            json.key("internal").value(item.internal);
            json.key("note").stringOrNull(item.note);
            json.endObject();
        }
        json.endArray().endObject();
        return context.out() ? kExitOk : kExitFailed;
    }

    bool json_ = false;
};

class HistoryCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_flag("--json", json_); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto entries = context.store()->history(checklist.document_id);
        if (!entries)
            return context.failure(entries.error());
        if (json_) {
            JsonWriter json(context.out());
            json.beginObject().key("document").value(checklist.document_path).key("changes").beginArray();
            for (const auto& entry : entries.value()) {
                json.beginObject().key("sequence").value(entry.sequence);
                json.key("at").time(entry.at);
                json.key("item").value(entry.item_id);
                json.key("field").value(entry.field);
                json.key("old").value(entry.old_value);
                json.key("new").value(entry.new_value);
                json.key("author").value(entry.author);
                json.key("change_id").value(entry.change_id);
                json.endObject();
            }
            json.endArray().endObject();
            return context.out() ? kExitOk : kExitFailed;
        }
        for (const auto& entry : entries.value())
            context.row({std::to_string(entry.sequence), std::to_string(entry.at), std::to_string(entry.item_id),
                         entry.field, entry.old_value, entry.new_value, entry.author, entry.change_id});
        return kExitOk;
    }

private:
    bool json_ = false;
};

class TemplatesCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_flag("--json", json_); }

    int run(CliContext& context) override
    {
        const TemplateLibrary& library = context.templates();
        if (json_) {
            JsonWriter json(context.out());
            json.beginObject().key("templates").beginArray();
            for (const auto& entry : library.templates()) {
                std::size_t items = 0;
                for (const auto& section : entry.sections)
                    items += section.items.size();
                json.beginObject().key("key").value(entry.key);
                json.key("title").value(bl::translate(entry.context(), entry.title).str(messageLocale()));
                json.key("items").value(static_cast<std::int64_t>(items));
                json.key("file").value(entry.source.string());
                json.endObject();
            }
            json.endArray().endObject();
        } else {
            for (const auto& entry : library.templates())
                context.row({entry.key, bl::translate(entry.context(), entry.title).str(messageLocale())});
        }
        for (const auto& error : library.errors()) {
            std::string where = error.file.string();
            if (error.line > 0)
                where += ":" + std::to_string(error.line) + ":" + std::to_string(error.column);
            context.note(Error{ErrorCode::TemplateInvalid, where, error.what}.description(messageLocale()));
        }
        return context.out() ? kExitOk : kExitFailed;
    }

private:
    bool json_ = false;
};

} // namespace

std::unique_ptr<Command> makeAttachCommand() { return std::make_unique<AttachCommand>(); }
std::unique_ptr<Command> makeAddCommand() { return std::make_unique<AddCommand>(); }
std::unique_ptr<Command> makeSetCommand() { return std::make_unique<SetCommand>(); }
std::unique_ptr<Command> makeShowCommand() { return std::make_unique<ShowCommand>(); }
std::unique_ptr<Command> makeHistoryCommand() { return std::make_unique<HistoryCommand>(); }
std::unique_ptr<Command> makeTemplatesCommand() { return std::make_unique<TemplatesCommand>(); }

} // namespace rapport::cli
