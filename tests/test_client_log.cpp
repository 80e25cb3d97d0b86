// The client log (client_log.h, store_log_changes.cpp): entries kept through Store::apply
// with one history row each and undone by their inverse; promises as checklist items
// linked both ways; promise states across dates; change-request outcomes.
#include "change.h"
#include "checklist_xml.h"
#include "client_log.h"
#include "hlc.h"
#include "store.h"
#include "text_rules.h"

#include "store_fixture.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rapport;

namespace {

struct Fixture : testing::StoreFixture {
    Fixture() : StoreFixture("rapport-client-log", {{"kickoff", "scope-in-out", {}, "scope"}}) {}

    std::vector<LogEntry> log()
    {
        auto entries = store.clientLog(doc);
        REQUIRE(entries);
        return entries.value();
    }

    std::size_t historyRows() { return history().size(); }

    // Applies `change` and returns it as recorded; fails the test when refused.
    Change applied(Change change)
    {
        auto result = store.apply(std::move(change));
        REQUIRE_MESSAGE(result, (result ? std::string() : result.error().description()));
        return result.value();
    }
};

std::string replaced_uid(std::string xml, const std::string& uid, const std::string& by)
{
    const auto at = xml.find("uid=\"" + uid + "\"");
    REQUIRE(at != std::string::npos);
    return xml.replace(at + 5, uid.size(), by);
}

LogEntry entry(LogKind kind, std::string said)
{
    LogEntry e;
    e.when = "2026-11-20T14:30";
    e.channel = LogChannel::Call;
    e.who = "Ms Smith";
    e.kind = kind;
    e.said = std::move(said);
    e.answer = "We will look at it";
    if (kind == LogKind::ChangeRequest)
        e.outcome = ChangeOutcome::Awaiting;
    return e;
}

} // namespace

TEST_CASE("keywords of channels, kinds and outcomes read back, and nothing else does")
{
    for (auto channel : {LogChannel::Call, LogChannel::Email, LogChannel::Meeting, LogChannel::Message})
        CHECK(parseChannelKeyword(channelKeyword(channel)) == channel);
    for (auto kind : {LogKind::Request, LogKind::ChangeRequest, LogKind::Complaint, LogKind::Approval,
                      LogKind::Feedback, LogKind::Question})
        CHECK(parseLogKindKeyword(logKindKeyword(kind)) == kind);
    for (auto outcome : {ChangeOutcome::None, ChangeOutcome::Awaiting, ChangeOutcome::Accepted, ChangeOutcome::Declined})
        CHECK(parseOutcomeKeyword(outcomeKeyword(outcome)) == outcome);
    CHECK_FALSE(parseChannelKeyword("fax"));
    CHECK_FALSE(parseLogKindKeyword("Request"));
    CHECK_FALSE(parseOutcomeKeyword("maybe"));
}

TEST_CASE("an entry encodes and decodes exactly, whatever its text holds")
{
    LogEntry e = entry(LogKind::ChangeRequest, "a|b%7C|%25 \xE2\x80\xAE|\n\t<script>&amp;");
    e.id = 12;
    e.who = "|%|";
    e.answer = "%";
    e.outcome = ChangeOutcome::Declined;
    e.decline_reason = "too late|%";
    e.resolution = "|";
    e.internal = true;
    e.promise_item_id = 7;
    const auto decoded = decodeLogEntry(encodeLogEntry(e));
    REQUIRE(decoded);
    CHECK(*decoded == e);
    CHECK_FALSE(decodeLogEntry("1|2026-11-20T14:30|call"));
    CHECK_FALSE(decodeLogEntry(encodeLogEntry(e) + "|x"));
    CHECK_FALSE(decodeLogEntry("%zz"));
    // The uid goes last, when there is one: rows from before uids (twelve fields) still read.
    const std::string withoutUid = encodeLogEntry(e);
    e.uid = "0123456789abcdef";
    const std::string withUid = encodeLogEntry(e);
    CHECK(withUid == withoutUid + "|0123456789abcdef");
    CHECK(decodeLogEntry(withUid) == e);
    CHECK(decodeLogEntry(withoutUid)->uid.empty());
    CHECK_FALSE(decodeLogEntry(withoutUid + "|0123456789ABCDEF"));
    CHECK_FALSE(decodeLogEntry(withUid + "|0123456789abcdef"));
}

TEST_CASE("every entry gets a uid of its own; an edit keeps it, and undoing a deletion puts the entry back with it")
{
    Fixture f;
    LogEntry given = entry(LogKind::Request, "first");
    given.uid = "0123456789abcdef"; // a new entry's uid is the store's to give
    f.applied(changes::logEntryAdded(f.doc, given));
    f.applied(changes::logEntryAdded(f.doc, entry(LogKind::Request, "second")));
    const auto log = f.log();
    REQUIRE(log.size() == 2);
    CHECK(isReplicaId(log[0].uid));
    CHECK(isReplicaId(log[1].uid));
    CHECK(log[0].uid != log[1].uid);
    CHECK(log[0].uid != given.uid);
    LogEntry edited = log[0];
    edited.answer = "edited";
    edited.uid = "fedcba9876543210";
    f.applied(changes::logEntryEdited(f.doc, edited));
    CHECK(f.log()[0].uid == log[0].uid);
    const Change deleted = f.applied(changes::logEntryDeleted(f.doc, log[0].id));
    f.applied(*inverseOf(deleted));
    CHECK(f.log()[0].uid == log[0].uid);
    CHECK(f.log()[0].answer == "edited");
    // One uid names one entry: putting back an entry whose uid is taken is refused.
    Change again = *inverseOf(deleted);
    auto taken = decodeLogEntry(again.new_value);
    REQUIRE(taken);
    taken->id = 9;
    again.new_value = encodeLogEntry(*taken);
    CHECK_FALSE(f.store.apply(again));
}

TEST_CASE("entry times are YYYY-MM-DDTHH:MM of a real day and hour")
{
    CHECK(isLogDateTime("2026-11-20T14:30"));
    CHECK(isLogDateTime("2028-02-29T00:00"));
    CHECK_FALSE(isLogDateTime("2026-02-29T10:00"));
    CHECK_FALSE(isLogDateTime("2026-11-20T24:00"));
    CHECK_FALSE(isLogDateTime("2026-11-20T10:60"));
    CHECK_FALSE(isLogDateTime("2026-11-20 10:00"));
    CHECK_FALSE(isLogDateTime("2026-11-20"));
    CHECK_FALSE(isLogDateTime(""));
}

TEST_CASE("an entry is added, edited, resolved and deleted through apply, one history row each, and undone")
{
    Fixture f;
    const std::size_t before = f.historyRows();
    const Change added = f.applied(changes::logEntryAdded(f.doc, entry(LogKind::Complaint, "The logo is too small")));
    CHECK(added.sequence > 0);
    CHECK(f.historyRows() == before + 1);
    REQUIRE(f.log().size() == 1);
    LogEntry kept = f.log().front();
    CHECK(kept.id == 1);
    CHECK(logEntryIdOf(added) == 1);
    CHECK(kept.said == "The logo is too small");
    CHECK(kept.who == "Ms Smith");

    LogEntry edited = kept;
    edited.answer = "We will make it larger";
    edited.channel = LogChannel::Email;
    const Change edit = f.applied(changes::logEntryEdited(f.doc, edited));
    CHECK(f.historyRows() == before + 2);
    CHECK(f.log().front() == edited);

    LogEntry resolved = edited;
    resolved.resolution = "Made it twice as large";
    const Change resolve = f.applied(changes::logEntryResolved(f.doc, resolved));
    CHECK(f.historyRows() == before + 3);
    CHECK(f.log().front().resolution == "Made it twice as large");
    // The same again changes nothing and records nothing.
    CHECK(f.applied(changes::logEntryResolved(f.doc, resolved)).sequence == 0);
    CHECK(f.historyRows() == before + 3);

    // Undone one by one, newest first: each inverse is a recorded change of its own.
    f.applied(*inverseOf(resolve));
    CHECK(f.log().front().resolution.empty());
    f.applied(*inverseOf(edit));
    CHECK(f.log().front() == kept);
    const Change deleted = f.applied(changes::logEntryDeleted(f.doc, 1));
    CHECK(f.log().empty());
    f.applied(*inverseOf(deleted)); // back exactly, with its number
    REQUIRE(f.log().size() == 1);
    CHECK(f.log().front() == kept);
    f.applied(*inverseOf(added));
    CHECK(f.log().empty());
    CHECK(f.historyRows() == before + 8);

    // The history names each row and carries the entry.
    auto rows = f.store.history(f.doc);
    REQUIRE(rows);
    CHECK(rows.value()[before].field == "log-added");
    CHECK(decodeLogEntry(rows.value()[before].new_value)->said == "The logo is too small");
    CHECK(rows.value()[before + 1].field == "log-edited");
    CHECK(rows.value()[before + 2].field == "log-resolved");
}

TEST_CASE("a log survives reopening the store")
{
    Fixture f;
    f.applied(changes::logEntryAdded(f.doc, entry(LogKind::Question, "When is the beta?")));
    Store again = f.open();
    auto log = again.clientLog(f.doc);
    REQUIRE(log);
    REQUIRE(log.value().size() == 1);
    CHECK(log.value().front().said == "When is the beta?");
}

TEST_CASE("entries that may not be kept are refused and nothing is recorded")
{
    Fixture f;
    const std::size_t before = f.historyRows();
    LogEntry noWords = entry(LogKind::Request, "");
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, noWords)));
    LogEntry badTime = entry(LogKind::Request, "x");
    badTime.when = "2026-13-01T10:00";
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, badTime)));
    LogEntry control = entry(LogKind::Request, "bell \a here");
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, control)));
    LogEntry tooLong = entry(LogKind::Request, std::string(maxLength(TextField::LogText) + 1, 'a'));
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, tooLong)));
    LogEntry outcomeOnRequest = entry(LogKind::Request, "x");
    outcomeOnRequest.outcome = ChangeOutcome::Accepted;
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, outcomeOnRequest)));
    LogEntry undecided = entry(LogKind::ChangeRequest, "x");
    undecided.outcome = ChangeOutcome::None;
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, undecided)));
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc, entry(LogKind::Request, "x"), 999))); // no such item
    CHECK_FALSE(f.store.apply(changes::logEntryAdded(f.doc + 1, entry(LogKind::Request, "x")))); // no checklist
    CHECK_FALSE(f.store.apply(changes::logEntryDeleted(f.doc, 5)));
    CHECK_FALSE(f.store.apply(changes::logPromiseLinked(f.doc, 5, 1)));
    Change garbled = changes::logEntryAdded(f.doc, entry(LogKind::Request, "x"));
    garbled.new_value = "not an entry";
    CHECK_FALSE(f.store.apply(garbled));
    CHECK(f.historyRows() == before);
    CHECK(f.log().empty());

    // The longest text that may be kept, escaped in every field, still fits a history value.
    LogEntry longest = entry(LogKind::ChangeRequest, std::string(maxLength(TextField::LogText), '|'));
    longest.answer = longest.said;
    longest.resolution = longest.said;
    longest.outcome = ChangeOutcome::Declined;
    longest.decline_reason = longest.said;
    longest.who = std::string(maxLength(TextField::ClientName), '%');
    CHECK(encodeLogEntry(longest).size() <= maxLength(TextField::HistoryValue));
    CHECK(f.store.apply(changes::logEntryAdded(f.doc, longest)));
}

TEST_CASE("a change request is awaiting, then accepted or declined with a reason, and undone")
{
    Fixture f;
    f.applied(changes::logEntryAdded(f.doc, entry(LogKind::ChangeRequest, "Add a French version")));
    LogEntry request = f.log().front();
    CHECK(request.outcome == ChangeOutcome::Awaiting);

    LogEntry declined = request;
    declined.outcome = ChangeOutcome::Declined;
    CHECK_FALSE(f.store.apply(changes::logEntryResolved(f.doc, declined))); // no reason
    declined.decline_reason = "Outside the budget agreed";
    const Change decline = f.applied(changes::logEntryResolved(f.doc, declined));
    CHECK(f.log().front().outcome == ChangeOutcome::Declined);
    CHECK(f.log().front().decline_reason == "Outside the budget agreed");

    LogEntry accepted = request;
    accepted.outcome = ChangeOutcome::Accepted;
    f.applied(changes::logEntryResolved(f.doc, accepted));
    CHECK(f.log().front().outcome == ChangeOutcome::Accepted);
    CHECK(f.log().front().decline_reason.empty());

    LogEntry none = request;
    none.outcome = ChangeOutcome::None; // a change request always has an outcome
    CHECK_FALSE(f.store.apply(changes::logEntryResolved(f.doc, none)));
    f.applied(*inverseOf(decline)); // back to awaiting
    CHECK(f.log().front().outcome == ChangeOutcome::Awaiting);
}

TEST_CASE("a promise is a checklist item with its due date, linked both ways, in one batch")
{
    Fixture f;
    const std::size_t itemsBefore = f.checklist().items.size();
    auto batch = f.store.apply(changes::logEntryWithPromise(
        f.doc, entry(LogKind::Request, "Can we see the mock-ups?"), "Send the revised mock-ups", "2026-11-27"));
    REQUIRE(batch);
    const Checklist checklist = f.checklist();
    REQUIRE(checklist.items.size() == itemsBefore + 1);
    const ChecklistItem& promise = checklist.items.back();
    CHECK(promise.custom_text == "Send the revised mock-ups");
    CHECK(promise.due == "2026-11-27");
    const auto log = f.log();
    REQUIRE(log.size() == 1);
    CHECK(log.front().promise_item_id == promise.id); // entry -> item
    const LogEntry* back = promiseEntryOf(log, promise.id); // item -> entry
    REQUIRE(back);
    CHECK(back->id == log.front().id);
    CHECK(promiseEntryOf(log, checklist.items.front().id) == nullptr);

    // All or nothing: a promise with an impossible date adds neither item nor entry.
    CHECK_FALSE(f.store.apply(changes::logEntryWithPromise(f.doc, entry(LogKind::Request, "y"), "z", "2026-02-30")));
    CHECK(f.checklist().items.size() == itemsBefore + 1);
    CHECK(f.log().size() == 1);

    // Undone newest first, the batch leaves nothing behind.
    std::vector<Change> recorded = batch.value();
    for (auto change = recorded.rbegin(); change != recorded.rend(); ++change)
        if (change->recorded())
            f.applied(*inverseOf(*change));
    CHECK(f.log().empty());
    CHECK(f.checklist().items.size() == itemsBefore);

    // A promise linked later, and unlinked, each one row undone by its inverse.
    f.applied(changes::logEntryAdded(f.doc, entry(LogKind::Feedback, "Nice colours")));
    const std::int64_t id = f.log().front().id;
    const Change link = f.applied(changes::logPromiseLinked(f.doc, id, f.checklist().items.front().id));
    CHECK(f.log().front().promise_item_id == f.checklist().items.front().id);
    CHECK_FALSE(f.store.apply(changes::logPromiseLinked(f.doc, id, 4242)));
    f.applied(*inverseOf(link));
    CHECK(f.log().front().promise_item_id == 0);
}

TEST_CASE("promise states across dates: open, kept on time, kept late, broken, reopened, withdrawn")
{
    PromiseFacts facts;
    facts.due = "2026-11-27";
    CHECK(promiseState(facts, "2026-11-20") == PromiseState::Open);
    CHECK(promiseState(facts, "2026-11-27") == PromiseState::Open); // due today is not late yet
    CHECK(promiseState(facts, "2026-11-28") == PromiseState::Broken);
    facts.status = ItemStatus::InProgress;
    CHECK(promiseState(facts, "2026-12-01") == PromiseState::Broken);

    facts.status = ItemStatus::Done;
    facts.done_on = "2026-11-27";
    CHECK(promiseState(facts, "2026-12-05") == PromiseState::KeptOnTime); // on the day
    facts.done_on = "2026-11-02";
    CHECK(promiseState(facts, "2026-12-05") == PromiseState::KeptOnTime);
    facts.done_on = "2026-11-28";
    CHECK(promiseState(facts, "2026-12-05") == PromiseState::KeptLate);

    facts.status = ItemStatus::ToDo;
    facts.done_on.clear();
    facts.was_done_before = true;
    CHECK(promiseState(facts, "2026-11-25") == PromiseState::Reopened);
    CHECK(promiseState(facts, "2026-11-30") == PromiseState::Broken); // reopened and now overdue

    PromiseFacts noDate;
    CHECK(promiseState(noDate, "2030-01-01") == PromiseState::Open);
    noDate.status = ItemStatus::Done;
    CHECK(promiseState(noDate, "2030-01-01") == PromiseState::KeptOnTime);
    noDate.status = ItemStatus::NotApplicable;
    CHECK(promiseState(noDate, "2030-01-01") == PromiseState::Withdrawn);
    PromiseFacts gone;
    gone.exists = false;
    CHECK(promiseState(gone, "2030-01-01") == PromiseState::Withdrawn);
}

TEST_CASE("promise facts come from the item and the history; the figures count what is judged")
{
    Fixture f;
    const auto promise = [&](const char* said, const char* text, const char* due) {
        auto batch = f.store.apply(changes::logEntryWithPromise(f.doc, entry(LogKind::Request, said), text, due));
        REQUIRE(batch);
        return batch.value().front().item_id;
    };
    const std::int64_t early = promise("a", "kept early", "2099-12-31");
    const std::int64_t late = promise("b", "kept late", "2000-01-03");
    const std::int64_t broken = promise("c", "broken", "2000-01-03");
    const std::int64_t reopened = promise("d", "reopened", "2099-12-31");
    promise("e", "open", "");
    REQUIRE(f.store.setStatus(f.doc, early, ItemStatus::Done, {}, 0));
    REQUIRE(f.store.setStatus(f.doc, late, ItemStatus::Done, {}, 0)); // done today, long after 2000
    REQUIRE(f.store.setStatus(f.doc, reopened, ItemStatus::Done, {}, 0));
    REQUIRE(f.store.setStatus(f.doc, reopened, ItemStatus::ToDo, {}, 0));
    // An internal entry's promise counts only when asked for.
    LogEntry hidden = entry(LogKind::Request, "internal");
    hidden.internal = true;
    REQUIRE(f.store.apply(changes::logEntryWithPromise(f.doc, hidden, "hidden", "2000-01-01")));
    CHECK(f.checklist().items.back().custom_text == "hidden");
    CHECK(f.checklist().items.back().internal); // what we promise in an internal entry stays internal
    CHECK_FALSE(f.checklist().items[f.checklist().items.size() - 2].internal);

    auto history = f.store.history(f.doc);
    REQUIRE(history);
    const Checklist checklist = f.checklist();
    const std::string today = "2050-06-01";
    CHECK(promiseState(promiseFactsOf(checklist, history.value(), early), today) == PromiseState::KeptOnTime);
    CHECK(promiseState(promiseFactsOf(checklist, history.value(), late), today) == PromiseState::KeptLate);
    CHECK(promiseState(promiseFactsOf(checklist, history.value(), broken), today) == PromiseState::Broken);
    CHECK(promiseState(promiseFactsOf(checklist, history.value(), reopened), today) == PromiseState::Reopened);
    CHECK_FALSE(promiseFactsOf(checklist, history.value(), 4242).exists);

    const auto figures = promiseFiguresOf(f.log(), checklist, history.value(), today, false);
    CHECK(figures.kept_on_time == 1);
    CHECK(figures.kept_late == 1);
    CHECK(figures.broken == 1);
    CHECK(figures.open == 2);
    CHECK(figures.judged() == 3);
    CHECK(promiseFiguresOf(f.log(), checklist, history.value(), today, true).broken == 2);
}

TEST_CASE("the store reads only the history rows promises are judged from: those promiseHistoryOf keeps")
{
    Fixture f;
    // To Done and away from it twice, a reason and a note: only the two moves away from Done count.
    const std::int64_t item = f.checklist().items.front().id;
    REQUIRE(f.store.setStatus(f.doc, item, ItemStatus::Done, {}, 0));
    REQUIRE(f.store.setStatus(f.doc, item, ItemStatus::Blocked, "no hosting yet", 0));
    REQUIRE(f.store.setStatus(f.doc, item, ItemStatus::Done, {}, 0));
    REQUIRE(f.store.setStatus(f.doc, item, ItemStatus::InProgress, {}, 0));
    REQUIRE(f.store.apply(changes::itemField(ChangeKind::Note, f.doc, item, "done by Friday")));
    auto read = f.store.promiseHistory(f.doc);
    REQUIRE(read);
    const std::vector<HistoryEntry>& only = read.value();
    const std::vector<HistoryEntry> kept = promiseHistoryOf(f.history());
    REQUIRE(kept.size() == 2);
    REQUIRE(only.size() == kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        CHECK(only[i].sequence == kept[i].sequence);
        CHECK(only[i].item_id == item);
        CHECK(only[i].old_value == "done");
        CHECK(only[i].new_value == kept[i].new_value);
    }
    CHECK(only[0].new_value == "blocked");
    CHECK(only[1].new_value == "in-progress");
}

TEST_CASE("export -> import -> export is byte-identical with a client log, hostile text and promises included")
{
    Fixture f;
    const std::string hostile = "<b>&amp;</b> ]]> \"quotes\" |%7C| \xE2\x80\xAE\ttab\nline";
    LogEntry asked = entry(LogKind::Request, "Mock-ups? " + hostile);
    asked.answer = "Yes " + hostile;
    asked.who = "O'Brien <&>";
    REQUIRE(f.store.apply(changes::logEntryWithPromise(f.doc, asked, "Send them " + hostile, "2026-11-27")));
    LogEntry change = entry(LogKind::ChangeRequest, "French " + hostile);
    f.applied(changes::logEntryAdded(f.doc, change));
    LogEntry declined = f.log().back();
    declined.outcome = ChangeOutcome::Declined;
    declined.decline_reason = "Budget " + hostile;
    declined.resolution = "Told them " + hostile;
    f.applied(changes::logEntryResolved(f.doc, declined));
    LogEntry secret = entry(LogKind::Complaint, "internal " + hostile);
    secret.internal = true;
    f.applied(changes::logEntryAdded(f.doc, secret));

    auto history = f.store.history(f.doc);
    REQUIRE(history);
    const std::string xml = writeChecklistXml({f.checklist(), history.value(), f.log()});
    CHECK(xml.find("<client-log>") != std::string::npos);
    auto read = readChecklistXml(xml);
    REQUIRE_MESSAGE(read, (read ? std::string() : read.error().description()));
    CHECK(read.value().log == f.log());
    CHECK(writeChecklistXml(read.value()) == xml);

    // Into another store, and out again: the same bytes.
    testing::TempFolder other{"rapport-client-log-import"};
    auto second = Store::open(other.store);
    REQUIRE(second);
    REQUIRE(second.value().importChecklist(read.value().checklist, read.value().history, read.value().log));
    auto imported = second.value().checklistFor("/docs/brief.md");
    REQUIRE(imported);
    REQUIRE(imported.value());
    auto importedLog = second.value().clientLog(imported.value()->document_id);
    REQUIRE(importedLog);
    CHECK(importedLog.value() == f.log());
    auto importedHistory = second.value().history(imported.value()->document_id);
    REQUIRE(importedHistory);
    CHECK(writeChecklistXml({*imported.value(), importedHistory.value(), importedLog.value()}) == xml);

    // Entries keep their uids through export and import (a shared checklist's entries are
    // named by them); two entries with one uid are refused.
    CHECK(xml.find("uid=\"" + f.log().front().uid + "\"") != std::string::npos);
    const std::string first = f.log()[0].uid;
    const std::string second_uid = f.log()[1].uid;
    std::string twice = xml;
    twice.replace(twice.find("uid=\"" + second_uid + "\""), 22, "uid=\"" + first + "\"");
    auto duplicated = readChecklistXml(twice);
    REQUIRE(duplicated);
    testing::TempFolder third{"rapport-client-log-import"};
    auto refusing = Store::open(third.store);
    REQUIRE(refusing);
    CHECK_FALSE(refusing.value().importChecklist(duplicated.value().checklist, duplicated.value().history,
                                                 duplicated.value().log));
    CHECK_FALSE(readChecklistXml(replaced_uid(xml, first, "not-a-uid")));

    // Without a log, an export has no log element: older exports read back byte for byte.
    CHECK(writeChecklistXml({f.checklist(), history.value()}).find("client-log") == std::string::npos);
}

TEST_CASE("an import refuses a client log it could not keep, and keeps nothing of it")
{
    Fixture f;
    f.applied(changes::logEntryAdded(f.doc, entry(LogKind::Request, "x")));
    auto history = f.store.history(f.doc);
    REQUIRE(history);
    const std::string good = writeChecklistXml({f.checklist(), history.value(), f.log()});
    const auto replaced = [&](const std::string& from, const std::string& to) {
        std::string xml = good;
        const auto at = xml.find(from);
        REQUIRE(at != std::string::npos);
        return xml.replace(at, from.size(), to);
    };
    CHECK_FALSE(readChecklistXml(replaced("channel=\"call\"", "channel=\"fax\"")));
    CHECK_FALSE(readChecklistXml(replaced("kind=\"request\"", "kind=\"rant\"")));
    CHECK_FALSE(readChecklistXml(replaced("when=\"2026-11-20T14:30\"", "when=\"2026-11-20\"")));
    CHECK_FALSE(readChecklistXml(replaced("<said>x</said>", "<said></said>")));
    CHECK_FALSE(readChecklistXml(replaced("<said>x</said>", "<said>" + std::string(maxLength(TextField::LogText) + 1, 'x') + "</said>")));
    CHECK_FALSE(readChecklistXml(replaced("<entry id=\"1\"", "<entry id=\"0\"")));
    // A promise that is no item of the checklist: refused by the store, all or nothing.
    auto read = readChecklistXml(replaced("<entry id=\"1\"", "<entry id=\"1\" promise=\"77\""));
    REQUIRE(read);
    testing::TempFolder other{"rapport-client-log-import"};
    auto second = Store::open(other.store);
    REQUIRE(second);
    CHECK_FALSE(second.value().importChecklist(read.value().checklist, read.value().history, read.value().log));
    auto none = second.value().checklistFor("/docs/brief.md");
    REQUIRE(none);
    CHECK_FALSE(none.value().has_value());
}
