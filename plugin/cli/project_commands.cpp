// Project settings on the command line: project (show or set the client, the client's
// report language, the deadline, the update rhythm, the next update, the rounds agreed),
// round (start a revision round) and update-sent (the next update moves by the rhythm).
// Each edit is a change through Store::apply, built by project_settings.h as the sidebar's.
#include "command_table.h"

#include "localization.h"
#include "project_settings.h"
#include "revision_rounds.h"
#include "update_rhythm.h"

#include <boost/locale/format.hpp>

#include <charconv>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

std::string orDash(const std::string& value) { return value.empty() ? "-" : value; }

// "none" clears a setting; anything else is taken as it is.
std::string orNone(const std::string& value) { return value == "none" ? std::string() : value; }

std::optional<int> countOf(const std::string& text)
{
    int count = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (text.empty() || text.size() > 6 || error != std::errc() || end != text.data() + text.size() || count < 0)
        return std::nullopt;
    return count;
}

std::string roundsUsed(const Checklist& checklist)
{
    if (!checklist.revision_rounds_agreed)
        // TRANSLATORS: revision rounds started when no number was agreed; {1} is a number.
        return (bl::format(bl::translate("{1} round used", "{1} rounds used", checklist.revision_rounds_used)) %
                checklist.revision_rounds_used)
            .str(messageLocale());
    // TRANSLATORS: revision rounds: {1} started of the {2} agreed with the client.
    return (bl::format(bl::translate("{1} of {2} round used", "{1} of {2} rounds used", *checklist.revision_rounds_agreed)) %
            checklist.revision_rounds_used % *checklist.revision_rounds_agreed)
        .str(messageLocale());
}

class ProjectCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("--client", client_);
        app.add_option("--client-lang", clientLanguage_);
        app.add_option("--deadline", deadline_);
        app.add_option("--rhythm", rhythm_);
        app.add_option("--next-update", nextUpdate_);
        app.add_option("--rounds-agreed", roundsAgreed_);
    }

    std::string check() override
    {
        if (client_)
            if (std::string problem = checkArgument("--client", *client_, TextField::ClientName); !problem.empty())
                return problem;
        if (clientLanguage_ && *clientLanguage_ != "none") {
            if (!languageWithExactCode(*clientLanguage_))
                // TRANSLATORS: {1} is the list of language codes ("en, ru, tr, zh_CN"), {2} what was typed;
                // keep "--client-lang" and "none" as they are.
                return formatted(bl::translate("--client-lang takes one of {1} or none, not \"{2}\""),
                                 {languageCodeList(), *clientLanguage_});
        }
        for (const std::optional<std::string>* date : {&deadline_, &nextUpdate_})
            if (*date && **date != "none" && !isDateOrEmpty(**date))
                return Error{ErrorCode::DateInvalid, **date, {}}.description(messageLocale());
        if (rhythm_ && (rhythm_->empty() || !parseUpdateRhythm(orNone(*rhythm_))))
            // TRANSLATORS: keep the option and the keywords as they are; "Nd" means a number of days, like 10d.
            return formatted(bl::translate("--rhythm takes weekly, biweekly, monthly, Nd (every N days, 1 to 366) "
                                           "or none, not \"{1}\""),
                             {*rhythm_});
        if (roundsAgreed_ && *roundsAgreed_ != "none" && !countOf(*roundsAgreed_))
            // TRANSLATORS: keep "--rounds-agreed" and "none" as they are.
            return formatted(bl::translate("--rounds-agreed takes a number from 0 to 999999 or none, not \"{1}\""),
                             {*roundsAgreed_});
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        if (!client_ && !clientLanguage_ && !deadline_ && !rhythm_ && !nextUpdate_ && !roundsAgreed_)
            return show(context, checklist);
        ProjectSettings wanted = projectSettingsOf(checklist);
        if (client_)
            wanted.client_name = *client_;
        if (clientLanguage_)
            wanted.client_language = orNone(*clientLanguage_);
        if (deadline_)
            wanted.deadline = orNone(*deadline_);
        if (rhythm_)
            wanted.update_rhythm = orNone(*rhythm_);
        if (nextUpdate_)
            wanted.next_update_due = orNone(*nextUpdate_);
        else if (rhythm_ && wanted.next_update_due.empty())
            // A rhythm with no next update yet: the first one is a period from today.
            wanted.next_update_due = advanceByRhythm(*parseUpdateRhythm(wanted.update_rhythm), localToday());
        if (roundsAgreed_)
            wanted.revision_rounds_agreed = *roundsAgreed_ == "none" ? std::nullopt : countOf(*roundsAgreed_);
        auto batch = projectSettingsChanges(checklist, wanted);
        if (batch.empty())
            return kExitOk;
        auto applied = context.store()->apply(std::move(batch));
        if (!applied)
            return context.failure(applied.error());
        auto reloaded = context.store()->checklistFor(checklist.document_path);
        if (!reloaded || !reloaded.value())
            return kExitOk;
        return show(context, *reloaded.value());
    }

private:
    // One row per setting: its stable keyword and its value ("-" for none), then the
    // rounds started, one row each: "round", number, date, what it was for.
    int show(CliContext& context, const Checklist& checklist)
    {
        const ProjectSettings settings = projectSettingsOf(checklist);
        context.row({"client", orDash(settings.client_name)});
        context.row({"client-lang", orDash(settings.client_language)});
        context.row({"deadline", orDash(settings.deadline)});
        context.row({"rhythm", orDash(settings.update_rhythm)});
        context.row({"next-update", orDash(settings.next_update_due)});
        context.row({"rounds-agreed",
                     settings.revision_rounds_agreed ? std::to_string(*settings.revision_rounds_agreed) : "-"});
        context.row({"rounds-used", std::to_string(checklist.revision_rounds_used), roundsUsed(checklist)});
        auto history = context.store()->history(checklist.document_id);
        if (!history)
            return context.failure(history.error());
        for (const RevisionRound& round : revisionRoundsOf(history.value()))
            context.row({"round", std::to_string(round.number), localDate(round.at), orDash(round.purpose)});
        return kExitOk;
    }

    std::optional<std::string> client_, clientLanguage_, deadline_, rhythm_, nextUpdate_, roundsAgreed_;
};

class RoundCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("--start", purpose_)->required();
        app.add_flag("--beyond-agreed", beyond_);
    }

    std::string check() override
    {
        if (purpose_.empty())
            // TRANSLATORS: "rapport round" was given an empty --start.
            return say(bl::translate("a revision round needs to say what it is for"));
        return checkArgument("--start", purpose_, TextField::RoundPurpose);
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const int next = checklist.revision_rounds_used + 1;
        if (roundWouldExceedAgreed(checklist)) {
            const std::string agreed = std::to_string(*checklist.revision_rounds_agreed);
            if (!beyond_) {
                // TRANSLATORS: {1} is the round that would start, {2} the number agreed with the client.
                context.failure(formatted(bl::translate("round {1} would go beyond the {2} agreed with the client; "
                                                        "nothing was started"),
                                          {std::to_string(next), agreed}));
                // TRANSLATORS: a hint; keep "--beyond-agreed" as it is.
                context.note(say(bl::translate("Agree more rounds first, or add --beyond-agreed to start it anyway.")));
                return kExitFailed;
            }
            // TRANSLATORS: a warning; {1} is the round started, {2} the number agreed with the client.
            context.note(formatted(bl::translate("warning: round {1} goes beyond the {2} agreed with the client"),
                                   {std::to_string(next), agreed}));
        }
        auto applied = context.store()->apply(revisionRoundStart(checklist.document_id, purpose_));
        if (!applied)
            return context.failure(applied.error());
        checklist.revision_rounds_used = next;
        // TRANSLATORS: the result of "rapport round"; {1} is the round's number, {2} e.g. "2 of 3 rounds used".
        context.out() << formatted(bl::translate("started revision round {1} ({2})"),
                                   {std::to_string(next), roundsUsed(checklist)})
                      << "\n";
        return kExitOk;
    }

private:
    std::string purpose_;
    bool beyond_ = false;
};

class UpdateSentCommand : public ChecklistCommand {
public:
    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto change = updateSentChange(checklist, localToday());
        if (!change) {
            // TRANSLATORS: "rapport update-sent" on a checklist without an update rhythm.
            context.failure(say(bl::translate("this checklist has no update rhythm, so there is no next update to "
                                              "move")));
            // TRANSLATORS: a hint; keep the command as it is.
            context.note(say(bl::translate("Set one with: rapport project DOC --rhythm weekly|biweekly|monthly|Nd")));
            return kExitFailed;
        }
        const std::string next = change->new_value;
        auto applied = context.store()->apply(std::move(*change));
        if (!applied)
            return context.failure(applied.error());
        // TRANSLATORS: the result of "rapport update-sent"; {1} is a date, YYYY-MM-DD.
        context.out() << formatted(bl::translate("update sent; the next one is due {1}"), {next}) << "\n";
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeProjectCommand() { return std::make_unique<ProjectCommand>(); }
std::unique_ptr<Command> makeRoundCommand() { return std::make_unique<RoundCommand>(); }
std::unique_ptr<Command> makeUpdateSentCommand() { return std::make_unique<UpdateSentCommand>(); }

} // namespace rapport::cli
