// The client log on the command line (client_log.h): `rapport log DOC` lists the entries
// (--json too), `rapport log DOC add ...` records one (a promise becomes a checklist item
// with its due date, in the same batch), `rapport log DOC resolve N ...` records how it was
// resolved or, for a change request, accepted or declined. Every write is a change through
// Store::apply, as the sidebar's would be.
#include "command_table.h"

#include "calendar.h"
#include "client_log.h"
#include "json_writer.h"

#include <boost/locale/format.hpp>

#include <algorithm>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

std::string orDash(const std::string& value) { return value.empty() ? "-" : value; }

// Now, as an entry's time: local "YYYY-MM-DDTHH:MM".
std::string nowAsLogTime()
{
    std::string text = localDateTime(nowSeconds());
    std::replace(text.begin(), text.end(), ' ', 'T');
    return text;
}

class LogCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("ACTION", action_);
        app.add_option("N", number_);
        app.add_flag("--json", json_);
        app.add_option("--kind", kind_);
        app.add_option("--channel", channel_);
        app.add_option("--said", said_);
        app.add_option("--answer", answer_);
        app.add_option("--who", who_);
        app.add_option("--when", when_);
        app.add_option("--promise", promise_);
        app.add_option("--due", due_);
        app.add_flag("--internal", internal_);
        app.add_option("--resolution", resolution_);
        app.add_flag("--accept", accept_);
        app.add_option("--decline", decline_);
    }

    std::string check() override
    {
        const bool adding = action_ == "add";
        const bool resolving = action_ == "resolve";
        if (!action_.empty() && !adding && !resolving)
            // TRANSLATORS: {1} is what was typed after "rapport log DOC"; keep "add" and "resolve" as they are.
            return formatted(bl::translate("\"{1}\" is not an action of \"log\": use add or resolve"), {action_});
        const bool addOptions = kind_ || channel_ || said_ || answer_ || who_ || when_ || promise_ || due_ || internal_;
        const bool resolveOptions = resolution_ || accept_ || decline_;
        if ((!adding && addOptions) || (!resolving && resolveOptions) || (json_ && !action_.empty()) ||
            (!resolving && number_))
            // TRANSLATORS: options of "rapport log" given with an action they do not belong to.
            return say(bl::translate("these options do not go with this action of \"log\"; see the usage below"));
        if (adding) {
            if (!kind_ || !parseLogKindKeyword(*kind_))
                // TRANSLATORS: keep the keywords as they are.
                return say(bl::translate("--kind is one of request, change-request, complaint, approval, feedback, "
                                         "question"));
            if (!channel_ || !parseChannelKeyword(*channel_))
                // TRANSLATORS: keep the keywords as they are.
                return say(bl::translate("--channel is one of call, email, meeting, message"));
            if (!said_ || said_->empty())
                // TRANSLATORS: "rapport log DOC add" without --said, or with an empty one.
                return say(bl::translate("--said is needed: what the client said"));
            if (when_ && !isLogDateTime(*when_))
                // TRANSLATORS: keep YYYY-MM-DDTHH:MM as it is (a date, the letter T, a time).
                return say(bl::translate("--when is a local date and time, YYYY-MM-DDTHH:MM"));
            if (due_ && !promise_)
                // TRANSLATORS: keep --due and --promise as they are.
                return say(bl::translate("--due is the date of a --promise"));
            if (promise_ && promise_->empty())
                // TRANSLATORS: "rapport log DOC add" with an empty --promise.
                return say(bl::translate("--promise needs the text of what was promised"));
            if (due_ && !isDateOrEmpty(*due_))
                // TRANSLATORS: keep YYYY-MM-DD as it is.
                return say(bl::translate("--due is a date, YYYY-MM-DD"));
            for (const auto& [name, value] : {std::pair{"--said", &said_}, std::pair{"--answer", &answer_},
                                             std::pair{"--promise", &promise_}})
                if (*value)
                    if (std::string problem = checkArgument(name, **value, name == std::string("--promise")
                                                                                ? TextField::ItemTitle
                                                                                : TextField::LogText);
                        !problem.empty())
                        return problem;
            if (who_)
                return checkArgument("--who", *who_, TextField::ClientName);
        }
        if (resolving) {
            if (!number_ || *number_ <= 0)
                // TRANSLATORS: "rapport log DOC resolve" without the entry's number.
                return say(bl::translate("resolve needs the number of the entry (log lists them)"));
            if (!resolution_ && !accept_ && !decline_)
                // TRANSLATORS: keep the option names as they are.
                return say(bl::translate("resolve needs --resolution, --accept or --decline"));
            if (accept_ && decline_)
                // TRANSLATORS: keep the option names as they are.
                return say(bl::translate("--accept and --decline cannot go together"));
            if (decline_ && decline_->empty())
                // TRANSLATORS: keep --decline as it is.
                return say(bl::translate("--decline needs the reason"));
            for (const auto& [name, value] : {std::pair{"--resolution", &resolution_}, std::pair{"--decline", &decline_}})
                if (*value)
                    if (std::string problem = checkArgument(name, **value, TextField::LogText); !problem.empty())
                        return problem;
        }
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        if (action_ == "add")
            return add(context, checklist);
        if (action_ == "resolve")
            return resolve(context, checklist);
        return list(context, checklist);
    }

private:
    int list(CliContext& context, const Checklist& checklist)
    {
        auto entries = context.store()->clientLog(checklist.document_id);
        if (!entries)
            return context.failure(entries.error());
        auto fullHistory = context.store()->history(checklist.document_id);
        if (!fullHistory)
            return context.failure(fullHistory.error());
        const std::vector<HistoryEntry> promiseRows = promiseHistoryOf(fullHistory.value());
        const std::string today = localToday();
        const auto promiseOf = [&](const LogEntry& entry) -> std::optional<std::pair<const ChecklistItem*, PromiseState>> {
            if (entry.promise_item_id == 0)
                return std::nullopt;
            const auto item = std::find_if(checklist.items.begin(), checklist.items.end(),
                                           [&](const ChecklistItem& i) { return i.id == entry.promise_item_id; });
            return std::pair{item == checklist.items.end() ? nullptr : &*item,
                             promiseState(promiseFactsOf(checklist, promiseRows, entry.promise_item_id), today)};
        };
        const PromiseFigures figures = promiseFiguresOf(entries.value(), checklist, promiseRows, today, true);
        if (json_) {
            JsonWriter json(context.out());
            json.beginObject().key("document").value(checklist.document_path).key("entries").beginArray();
            for (const LogEntry& entry : entries.value()) {
                json.beginObject().key("number").value(entry.id);
                json.key("when").value(entry.when);
                json.key("channel").value(channelKeyword(entry.channel));
                json.key("who").stringOrNull(entry.who);
                json.key("kind").value(logKindKeyword(entry.kind));
                json.key("said").value(entry.said);
                json.key("answer").stringOrNull(entry.answer);
                json.key("internal").value(entry.internal);
                json.key("resolution").stringOrNull(entry.resolution);
                json.key("outcome").stringOrNull(outcomeKeyword(entry.outcome));
                json.key("decline_reason").stringOrNull(entry.decline_reason);
                json.key("promise");
                if (const auto promise = promiseOf(entry)) {
                    json.beginObject().key("item").value(entry.promise_item_id);
                    json.key("due").stringOrNull(promise->first ? std::string_view(promise->first->due) : "");
                    json.key("state").value(promiseStateKeyword(promise->second));
                    json.endObject();
                } else {
                    json.null();
                }
                json.endObject();
            }
            json.endArray().key("promises").beginObject();
            json.key("kept_on_time").value(static_cast<std::int64_t>(figures.kept_on_time));
            json.key("kept_late").value(static_cast<std::int64_t>(figures.kept_late));
            json.key("broken").value(static_cast<std::int64_t>(figures.broken));
            json.key("open").value(static_cast<std::int64_t>(figures.open));
            json.endObject().endObject();
            return context.out() ? kExitOk : kExitFailed;
        }
        for (const LogEntry& entry : entries.value()) {
            std::string promise = "-";
            if (const auto found = promiseOf(entry))
                promise = std::to_string(entry.promise_item_id) + " " +
                          (found->first && !found->first->due.empty() ? found->first->due : std::string("-")) + " " +
                          std::string(promiseStateKeyword(found->second));
            context.row({std::to_string(entry.id), entry.when, std::string(channelKeyword(entry.channel)),
                         std::string(logKindKeyword(entry.kind)), orDash(entry.who), entry.said, orDash(entry.answer),
                         entry.internal ? "internal" : "visible",
                         orDash(std::string(outcomeKeyword(entry.outcome))), orDash(entry.decline_reason),
                         orDash(entry.resolution), promise});
        }
        if (figures.judged() > 0)
            // TRANSLATORS: after the list of "rapport log"; {1} promises kept on time of {2} whose time has come.
            context.note(formatted(bl::translate("promises kept: {1} of {2} on time"),
                                   {std::to_string(figures.kept_on_time), std::to_string(figures.judged())}));
        return context.out() ? kExitOk : kExitFailed;
    }

    int add(CliContext& context, const Checklist& checklist)
    {
        LogEntry entry;
        entry.when = when_.value_or(nowAsLogTime());
        entry.channel = *parseChannelKeyword(*channel_);
        entry.kind = *parseLogKindKeyword(*kind_);
        entry.who = who_.value_or(std::string());
        entry.said = *said_;
        entry.answer = answer_.value_or(std::string());
        entry.internal = internal_;
        if (entry.kind == LogKind::ChangeRequest)
            entry.outcome = ChangeOutcome::Awaiting;
        std::vector<Change> batch;
        if (promise_)
            batch = changes::logEntryWithPromise(checklist.document_id, entry, *promise_, due_.value_or(std::string()));
        else
            batch.push_back(changes::logEntryAdded(checklist.document_id, entry));
        auto applied = context.store()->apply(std::move(batch));
        if (!applied)
            return context.failure(applied.error());
        const std::int64_t number = logEntryIdOf(applied.value().back());
        // TRANSLATORS: the result of "rapport log DOC add"; {1} is the entry's number.
        context.out() << formatted(bl::translate("logged entry {1}"), {std::to_string(number)}) << "\n";
        if (promise_)
            // TRANSLATORS: after "logged entry N"; {1} is the checklist item made for the promise, {2} its due date or "-".
            context.out() << formatted(bl::translate("the promise is item {1}, due {2}"),
                                       {std::to_string(applied.value().front().item_id), orDash(due_.value_or(""))})
                          << "\n";
        return kExitOk;
    }

    int resolve(CliContext& context, const Checklist& checklist)
    {
        auto entries = context.store()->clientLog(checklist.document_id);
        if (!entries)
            return context.failure(entries.error());
        const auto found = std::find_if(entries.value().begin(), entries.value().end(),
                                        [&](const LogEntry& e) { return e.id == *number_; });
        if (found == entries.value().end())
            // TRANSLATORS: {1} is the number given to "rapport log DOC resolve".
            return context.failure(formatted(bl::translate("there is no entry {1} in this client log"),
                                             {std::to_string(*number_)}));
        LogEntry resolved = *found;
        if ((accept_ || decline_) && resolved.kind != LogKind::ChangeRequest)
            // TRANSLATORS: --accept or --decline given for an entry that is not a change request.
            return context.failure(say(bl::translate("only a change request is accepted or declined")));
        if (resolution_)
            resolved.resolution = *resolution_;
        if (accept_) {
            resolved.outcome = ChangeOutcome::Accepted;
            resolved.decline_reason.clear();
        }
        if (decline_) {
            resolved.outcome = ChangeOutcome::Declined;
            resolved.decline_reason = *decline_;
        }
        auto applied = context.store()->apply(changes::logEntryResolved(checklist.document_id, resolved));
        if (!applied)
            return context.failure(applied.error());
        // TRANSLATORS: the result of "rapport log DOC resolve"; {1} is the entry's number.
        context.out() << formatted(bl::translate("entry {1} resolved"), {std::to_string(resolved.id)}) << "\n";
        return kExitOk;
    }

    std::string action_;
    std::optional<std::int64_t> number_;
    bool json_ = false;
    std::optional<std::string> kind_, channel_, said_, answer_, who_, when_, promise_, due_, resolution_, decline_;
    bool internal_ = false;
    bool accept_ = false;
};

} // namespace

std::unique_ptr<Command> makeLogCommand() { return std::make_unique<LogCommand>(); }

} // namespace rapport::cli
