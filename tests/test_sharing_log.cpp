// The client log of a shared checklist travels in its sidecar (plugin/core/sidecar_log.h,
// store_log_sharing.cpp, docs/sidecar-format.md "The client log"): sharing writes the log
// as it is, a replica that joins gets it, two writers' entries, promises, edits and
// resolutions merge without conflict to the same log whatever the order, promises follow
// their items by uid, internal entries are the team's too, hostile text in every field
// round-trips, sidecars without log lines still read and a newer sidecar's unknown log
// lines are skipped and reported.
#include "sharing_support.h"

#include "change.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace rapport;
using namespace rapport::testing;

namespace {

LogEntry said(const std::string& text, LogKind kind = LogKind::Request)
{
    LogEntry entry;
    entry.when = "2026-11-20T10:00";
    entry.channel = LogChannel::Call;
    entry.who = "Dana (client)";
    entry.kind = kind;
    entry.said = text;
    if (kind == LogKind::ChangeRequest)
        entry.outcome = ChangeOutcome::Awaiting;
    return entry;
}

std::vector<LogEntry> logOf(Replica& replica)
{
    auto log = replica.store->clientLog(replica.id());
    REQUIRE(log);
    return log.value();
}

// Sorted by number, as the replay gives it: two replicas agree when these texts are equal.
std::string logText(Replica& replica)
{
    auto log = logOf(replica);
    std::sort(log.begin(), log.end(), [](const LogEntry& a, const LogEntry& b) { return a.id < b.id; });
    return describeLog(log);
}

// Everything a replica shows: its checklist and its client log.
std::string state(Replica& replica) { return describe(replica.checklist()) + logText(replica); }

// What replaying a sidecar's text gives, checklist and log.
std::string replayOf(const std::string& text)
{
    const sidecar::Parsed parsed = sidecar::parse(text);
    std::vector<const sidecar::Block*> blocks;
    for (const auto& block : parsed.blocks)
        blocks.push_back(&block);
    const sidecar::Replayed replayed = sidecar::replay(blocks);
    return describe(replayed.checklist) + describeLog(replayed.log.entries);
}

// What replaying the store's own copy of the log gives: the store's rows, log included.
std::string replayOfStore(Replica& replica)
{
    auto log = replica.store->sharedLog(replica.id());
    REQUIRE(log);
    std::string text = sidecar::header();
    for (const auto& change : log.value())
        text += change.lines;
    return replayOf(text);
}

const LogEntry& entrySaying(const std::vector<LogEntry>& log, const std::string& text)
{
    const auto found = std::find_if(log.begin(), log.end(), [&](const LogEntry& e) { return e.said == text; });
    REQUIRE_MESSAGE(found != log.end(), "no entry says " << text);
    return *found;
}

const ChecklistItem* itemWithId(const Checklist& checklist, std::int64_t id)
{
    for (const ChecklistItem& item : checklist.items)
        if (item.id == id)
            return &item;
    return nullptr;
}

// A change made after this sorts after every change made before it, on any replica.
void laterMillisecond()
{
    for (const std::int64_t at = nowMillis(); nowMillis() <= at + 1;)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
}

Change applied(Replica& replica, Change change)
{
    auto done = replica.store->apply(std::move(change));
    REQUIRE_MESSAGE(done, (done ? std::string() : done.error().description()));
    return done.value();
}

void withPromise(Replica& replica, const LogEntry& entry, const std::string& promise, const std::string& due)
{
    auto batch = replica.store->apply(changes::logEntryWithPromise(replica.id(), entry, promise, due));
    REQUIRE_MESSAGE(batch, (batch ? std::string() : batch.error().description()));
}

// Two replicas sharing one checklist, Bo joined from Ana's sidecar.
struct Pair {
    testing::TempFolder temp{"rapport-sharing-log"};
    Replica ana{temp.path, "ana", "Ana"};
    Replica bo{temp.path, "bo", "Bo"};

    Pair()
    {
        shareFirst(ana);
        exchange(ana, bo);
        bo.sync();
    }
};

std::string textOf(const fs::path& file) { return readBytes(file); }

} // namespace

TEST_CASE("sharing writes the client log as it is; a replica that joins gets it, internal entries and promises included")
{
    testing::TempFolder temp{"rapport-sharing-log"};
    Replica ana(temp.path, "ana", "Ana"), bo(temp.path, "bo", "Bo");
    REQUIRE(ana.store->attach(ana.document, "kickoff", starterItems()));
    withPromise(ana, said("Can we see the mock-ups?"), "Send the mock-ups", "2026-11-27");
    LogEntry internal = said("The client sounded unsure about the budget");
    internal.internal = true;
    withPromise(ana, internal, "Prepare a cheaper option", "2026-11-30");
    applied(ana, changes::logEntryAdded(ana.id(), said("Add a French version", LogKind::ChangeRequest)));
    auto shared = ana.sharing->share(ana.document);
    REQUIRE(shared);

    // The log's snapshot is a change of its own after the checklist's, which carries no entry.
    const std::string text = textOf(ana.sidecar());
    const sidecar::Parsed parsed = sidecar::parse(text);
    CHECK(parsed.bad_lines == 0);
    CHECK(parsed.canonical);
    std::size_t entryRows = 0;
    for (const auto& block : parsed.blocks) {
        const std::string& kind = block.bodies.front().kind;
        for (std::size_t i = 1; i < block.bodies.size(); ++i)
            if (block.bodies[i].kind == "+entry") {
                CHECK(kind == "log-shared");
                ++entryRows;
            }
    }
    CHECK(entryRows == 3);
    CHECK(ana.store->history(ana.id()).value().back().field == "log-shared");
    CHECK(ana.store->history(ana.id()).value().back().new_value == "3");
    CHECK(replayOfStore(ana) == state(ana));

    exchange(ana, bo);
    CHECK(bo.sync().joined);
    CHECK(state(bo) == state(ana));
    const auto log = logOf(bo);
    REQUIRE(log.size() == 3);
    // Internal entries are the team's own: shared, and still internal.
    CHECK(entrySaying(log, "The client sounded unsure about the budget").internal);
    const Checklist checklist = bo.checklist();
    const ChecklistItem* promise = itemWithId(checklist, entrySaying(log, "Can we see the mock-ups?").promise_item_id);
    REQUIRE(promise);
    CHECK(promise->custom_text == "Send the mock-ups");
    CHECK(promise->due == "2026-11-27");
    const ChecklistItem* hidden =
        itemWithId(checklist, entrySaying(log, "The client sounded unsure about the budget").promise_item_id);
    REQUIRE(hidden);
    CHECK(hidden->custom_text == "Prepare a cheaper option");
    CHECK(hidden->internal);
    CHECK(entrySaying(log, "Add a French version").outcome == ChangeOutcome::Awaiting);
}

TEST_CASE("two writers add entries, promises, edits and resolutions at once: merged in either order, every replica "
          "keeps the same log")
{
    testing::TempFolder temp{"rapport-sharing-log"};
    Replica ana(temp.path, "ana", "Ana"), bo(temp.path, "bo", "Bo"), cy(temp.path, "cy", "Cy"), di(temp.path, "di", "Di");
    shareFirst(ana);
    applied(ana, changes::logEntryAdded(ana.id(), said("Add a French version", LogKind::ChangeRequest)));
    applied(ana, changes::logEntryAdded(ana.id(), said("The staging site is down", LogKind::Complaint)));
    applied(ana, changes::logEntryAdded(ana.id(), said("A question we will drop", LogKind::Question)));
    for (Replica* other : {&bo, &cy, &di}) {
        exchange(ana, *other);
        other->sync();
    }
    REQUIRE(state(bo) == state(ana));
    const auto base = logOf(ana);
    const LogEntry request = entrySaying(base, "Add a French version");
    const LogEntry complaint = entrySaying(base, "The staging site is down");
    const LogEntry dropped = entrySaying(base, "A question we will drop");

    // Ana first (the earlier clocks), then Bo; neither sees the other's changes.
    withPromise(ana, said("Can we see the mock-ups?"), "Ana: send the mock-ups", "2026-11-27");
    LogEntry answered = request;
    answered.answer = "Ana: we can, in the next round";
    applied(ana, changes::logEntryEdited(ana.id(), answered));
    LogEntry fixed = complaint;
    fixed.resolution = "Ana: restarted the server";
    applied(ana, changes::logEntryResolved(ana.id(), fixed));
    LogEntry edited = dropped;
    edited.answer = "Ana answered it";
    applied(ana, changes::logEntryEdited(ana.id(), edited));
    laterMillisecond();
    withPromise(bo, said("Please send the invoice"), "Bo: send the invoice", "2026-12-01");
    LogEntry who = request;
    who.who = "Dana's assistant";
    applied(bo, changes::logEntryEdited(bo.id(), who));
    LogEntry declined = request;
    declined.outcome = ChangeOutcome::Declined;
    declined.decline_reason = "Bo: not in this contract";
    applied(bo, changes::logEntryResolved(bo.id(), declined));
    LogEntry fixedLater = complaint;
    fixedLater.resolution = "Bo: moved the site to a new host";
    applied(bo, changes::logEntryResolved(bo.id(), fixedLater));
    applied(bo, changes::logEntryDeleted(bo.id(), dropped.id));
    // Both took the same next entry number and the same next item id for their promise.
    CHECK(entrySaying(logOf(ana), "Can we see the mock-ups?").id == entrySaying(logOf(bo), "Please send the invoice").id);

    const std::string anaText = textOf(ana.sidecar());
    const std::string boText = textOf(bo.sidecar());
    // The merge driver's union is the same in either order, and replays to the same state.
    const auto ab = sidecar::mergeTexts({anaText, boText});
    const auto ba = sidecar::mergeTexts({boText, anaText});
    REQUIRE(ab);
    REQUIRE(ba);
    CHECK(*ab == *ba);
    CHECK(sidecar::parse(*ab).bad_lines == 0);

    // Cy reads Bo's sidecar, then Ana's; Di the other way round; Ana and Bo each other's.
    writeFile(cy.sidecar(), boText);
    cy.sync();
    writeFile(cy.sidecar(), *sidecar::mergeTexts({textOf(cy.sidecar()), anaText}));
    cy.sync();
    writeFile(di.sidecar(), anaText);
    di.sync();
    writeFile(di.sidecar(), *sidecar::mergeTexts({textOf(di.sidecar()), boText}));
    di.sync();
    exchange(bo, ana);
    ana.sync();
    exchange(ana, bo);
    bo.sync();
    const std::string reference = state(ana);
    CHECK(state(bo) == reference);
    CHECK(state(cy) == reference);
    CHECK(state(di) == reference);
    CHECK(replayOf(*ab) == reference);
    CHECK(textOf(bo.sidecar()) == textOf(ana.sidecar()));

    const auto log = logOf(ana);
    CHECK(log.size() == 4); // the request, the complaint and both new entries; the question deleted
    std::vector<std::int64_t> numbers;
    for (const LogEntry& e : log)
        numbers.push_back(e.id);
    std::sort(numbers.begin(), numbers.end());
    CHECK(std::adjacent_find(numbers.begin(), numbers.end()) == numbers.end());
    // Each promise is still its own entry's item, though both were made with one id.
    const Checklist checklist = ana.checklist();
    const ChecklistItem* anaPromise = itemWithId(checklist, entrySaying(log, "Can we see the mock-ups?").promise_item_id);
    const ChecklistItem* boPromise = itemWithId(checklist, entrySaying(log, "Please send the invoice").promise_item_id);
    REQUIRE(anaPromise);
    REQUIRE(boPromise);
    CHECK(anaPromise->custom_text == "Ana: send the mock-ups");
    CHECK(boPromise->custom_text == "Bo: send the invoice");
    CHECK(boPromise->due == "2026-12-01");
    // Edits of different fields of one entry both stay; for one field the later wins.
    const LogEntry& merged = entrySaying(log, "Add a French version");
    CHECK(merged.answer == "Ana: we can, in the next round");
    CHECK(merged.who == "Dana's assistant");
    CHECK(merged.outcome == ChangeOutcome::Declined);
    CHECK(merged.decline_reason == "Bo: not in this contract");
    CHECK(entrySaying(log, "The staging site is down").resolution == "Bo: moved the site to a new host");
    // Both resolutions are in every replica's history.
    for (Replica* r : {&ana, &bo, &cy, &di}) {
        const auto history = r->store->history(r->id()).value();
        for (const char* resolution : {"Ana: restarted the server", "Bo: moved the site to a new host"})
            CHECK(std::any_of(history.begin(), history.end(), [&](const HistoryEntry& h) {
                return h.field == "log-resolved" && h.new_value.find(resolution) != std::string::npos;
            }));
    }
}

TEST_CASE("undo of a deleted entry puts it back under its uid, so a later edit from another replica still reaches it")
{
    Pair p;
    applied(p.ana, changes::logEntryAdded(p.ana.id(), said("Call me about the logo")));
    exchange(p.ana, p.bo);
    p.bo.sync();
    const LogEntry entry = logOf(p.ana).front();
    const Change deleted = applied(p.ana, changes::logEntryDeleted(p.ana.id(), entry.id));
    applied(p.ana, *inverseOf(deleted));
    CHECK(logOf(p.ana).front().uid == entry.uid);
    laterMillisecond();
    LogEntry answered = logOf(p.bo).front();
    answered.answer = "Bo called back on Monday";
    applied(p.bo, changes::logEntryEdited(p.bo.id(), answered));
    exchange(p.ana, p.bo);
    p.bo.sync();
    exchange(p.bo, p.ana);
    p.ana.sync();
    CHECK(state(p.ana) == state(p.bo));
    REQUIRE(logOf(p.ana).size() == 1);
    CHECK(logOf(p.ana).front().answer == "Bo called back on Monday");
    CHECK(logOf(p.ana).front().uid == entry.uid);
}

TEST_CASE("a client log's promise follows its item when a merge numbers the items anew")
{
    Pair p;
    // Bo adds an item first (the earlier clock), then Ana promises one: both take the same next id.
    REQUIRE(p.bo.store->addCustomItem(p.bo.id(), 0, "Bo's item"));
    laterMillisecond();
    auto batch =
        p.ana.store->apply(changes::logEntryWithPromise(p.ana.id(), said("Can we see the mock-ups?"), "Ana's promise", "2026-11-27"));
    REQUIRE(batch);
    CHECK(p.bo.checklist().items.back().id == batch.value().front().item_id);
    exchange(p.bo, p.ana);
    p.ana.sync();
    const Checklist merged = p.ana.checklist();
    const auto log = logOf(p.ana);
    REQUIRE(log.size() == 1);
    const ChecklistItem* promised = itemWithId(merged, log.front().promise_item_id);
    REQUIRE(promised);
    CHECK(promised->custom_text == "Ana's promise");
    CHECK(promised->id != batch.value().front().item_id); // renumbered: the link followed the item's uid
    exchange(p.ana, p.bo);
    p.bo.sync();
    CHECK(state(p.bo) == state(p.ana));
}

TEST_CASE("a promise linked on one replica to an item added on another follows it; unlinking travels too")
{
    Pair p;
    applied(p.ana, changes::logEntryAdded(p.ana.id(), said("Please confirm the date")));
    REQUIRE(p.bo.store->addCustomItem(p.bo.id(), 0, "Confirm the date by mail"));
    exchange(p.ana, p.bo);
    p.bo.sync();
    exchange(p.bo, p.ana);
    p.ana.sync();
    const LogEntry entry = logOf(p.ana).front();
    const ChecklistItem item = p.ana.checklist().items.back();
    REQUIRE(item.custom_text == "Confirm the date by mail");
    applied(p.ana, changes::logPromiseLinked(p.ana.id(), entry.id, item.id));
    exchange(p.ana, p.bo);
    p.bo.sync();
    const Checklist boChecklist = p.bo.checklist();
    const ChecklistItem* linked = itemWithId(boChecklist, logOf(p.bo).front().promise_item_id);
    REQUIRE(linked);
    CHECK(linked->custom_text == "Confirm the date by mail");
    applied(p.bo, changes::logPromiseLinked(p.bo.id(), entry.id, 0));
    exchange(p.bo, p.ana);
    p.ana.sync();
    CHECK(logOf(p.ana).front().promise_item_id == 0);
    CHECK(state(p.ana) == state(p.bo));
}

TEST_CASE("hostile text in every field of an entry round-trips through the sidecar, the merge driver and a join")
{
    Pair p;
    const std::string hostile = "a b%20c%%\t<<<<<<< HEAD\n=======\n>>>>>>> x\r\nrapport-sidecar 2\n by=Mallory at=0 "
                                "entry=0000000000000000 | %7C \\ \" ' & <script>alert(1)</script> \u202Eevil "
                                "合同 İı 😀 𝔸 key=value";
    LogEntry entry = said(hostile, LogKind::ChangeRequest);
    entry.who = "Mallory at=0 by=x %0A <b>\u202E 客户 😀"; // a name is one line
    entry.answer = hostile + " (answer)";
    withPromise(p.ana, entry, "promise " + hostile, "2026-11-27");
    LogEntry resolved = logOf(p.ana).front();
    resolved.outcome = ChangeOutcome::Declined;
    resolved.decline_reason = hostile + " (declined)";
    resolved.resolution = hostile + " (resolution)";
    applied(p.ana, changes::logEntryResolved(p.ana.id(), resolved));
    LogEntry edited = logOf(p.ana).front();
    edited.said = hostile + " (edited)";
    applied(p.ana, changes::logEntryEdited(p.ana.id(), edited));

    const std::string text = textOf(p.ana.sidecar());
    const sidecar::Parsed parsed = sidecar::parse(text);
    CHECK(parsed.bad_lines == 0);
    CHECK_FALSE(parsed.markers);
    CHECK(replayOfStore(p.ana) == state(p.ana));
    CHECK(replayOf(text) == state(p.ana));
    exchange(p.ana, p.bo);
    CHECK(p.bo.sync().bad_lines == 0);
    CHECK(state(p.bo) == state(p.ana));
    const LogEntry kept = logOf(p.bo).front();
    CHECK(kept.said == hostile + " (edited)");
    CHECK(kept.who == entry.who);
    CHECK(kept.answer == hostile + " (answer)");
    CHECK(kept.decline_reason == hostile + " (declined)");
    CHECK(kept.resolution == hostile + " (resolution)");
    // A third replica joins from the file alone.
    Replica cy(p.temp.path, "cy", "Cy");
    exchange(p.ana, cy);
    CHECK(cy.sync().joined);
    CHECK(state(cy) == state(p.ana));
}

TEST_CASE("git without the driver: conflict markers between two writers' log lines are repaired on read")
{
    Pair p;
    const std::string base = textOf(p.ana.sidecar());
    applied(p.ana, changes::logEntryAdded(p.ana.id(), said("Ana's entry")));
    applied(p.bo, changes::logEntryAdded(p.bo.id(), said("Bo's entry")));
    const std::string theirs = textOf(p.bo.sidecar());
    const std::string ours = textOf(p.ana.sidecar());
    writeFile(p.ana.sidecar(), base + "<<<<<<< HEAD\n" + ours.substr(base.size()) + "=======\n" +
                                   theirs.substr(base.size()) + ">>>>>>> bo\n");
    const SyncReport report = p.ana.sync();
    CHECK(report.markers_repaired);
    CHECK(report.bad_lines == 0);
    exchange(p.ana, p.bo);
    p.bo.sync();
    CHECK(state(p.ana) == state(p.bo));
    CHECK(logOf(p.ana).size() == 2);
}

TEST_CASE("a sidecar without log lines still reads; entries an older Rapport kept unlogged stay through a merge")
{
    testing::TempFolder temp{"rapport-sharing-log"};
    Replica ana(temp.path, "ana", "Ana"), bo(temp.path, "bo", "Bo");
    shareFirst(ana); // an empty log: no log-shared change, the sidecar as an older Rapport wrote it
    CHECK(textOf(ana.sidecar()).find(" log-") == std::string::npos);
    exchange(ana, bo);
    CHECK(bo.sync().joined);
    CHECK(logOf(bo).empty());
    CHECK(state(bo) == state(ana));

    // An entry Ana's store kept while an older Rapport shared the checklist: never in the log.
    applied(ana, changes::logEntryAdded(ana.id(), said("Kept before the log was shared")));
    const LogEntry own = logOf(ana).front();
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((ana.folder / "store" / "rapport.sqlite3").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "DELETE FROM shared_log WHERE lines LIKE '% log-added %'", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
    }
    const ChecklistItem promised = ana.checklist().items.front();
    applied(ana, changes::logPromiseLinked(ana.id(), own.id, promised.id)); // unnamed entry: no line
    writeFile(ana.sidecar(), textOf(bo.sidecar()));
    applied(bo, changes::logEntryAdded(bo.id(), said("Bo's shared entry")));
    REQUIRE(bo.store->addCustomItem(bo.id(), 0, "Bo's item"));
    exchange(bo, ana);
    ana.sync();
    const auto log = logOf(ana);
    REQUIRE(log.size() == 2);
    const LogEntry& kept = entrySaying(log, "Kept before the log was shared");
    CHECK(kept.uid == own.uid);
    CHECK(kept.id != entrySaying(log, "Bo's shared entry").id);
    const Checklist after = ana.checklist();
    const ChecklistItem* item = itemWithId(after, kept.promise_item_id);
    REQUIRE(item);
    CHECK(item->uid == promised.uid);
}

TEST_CASE("a newer sidecar's unknown log lines, and log lines with bad values, are skipped and reported")
{
    Pair p;
    applied(p.ana, changes::logEntryAdded(p.ana.id(), said("A good entry")));
    const std::string good = textOf(p.ana.sidecar());
    const std::string uid = logOf(p.ana).front().uid;
    const std::string node = "0123456789abcdef";
    std::int64_t clock = 1;
    const auto line = [&](const std::string& rest) {
        char hlc[32];
        std::snprintf(hlc, sizeof hlc, "%016lld.0000", static_cast<long long>(4102444800000LL + clock));
        const std::string id = "fedcba98765432" + std::string(1, "0123456789abcdef"[clock / 16 % 16]) +
                               std::string(1, "0123456789abcdef"[clock % 16]);
        ++clock;
        return node + " " + hlc + " " + id + " " + rest + "\n";
    };
    const std::string row = "entry=aaaaaaaaaaaaaaaa id=9 when=2026-11-20T10:00 channel=call who= kind=request "
                            "said=x answer= internal=0 resolution= outcome= decline= promise=";
    const std::string bad =
        line("1/1 log-attachment by=Zoe at=1 entry=" + uid + " file=mock-ups.pdf") +    // a kind from a newer Rapport
        line("1/1 log-added by=Zoe at=1 " + row + " mood=happy") +                     // a field from a newer Rapport
        line("1/1 log-added by=Zoe at=1 " + row.substr(0, row.find(" promise="))) +    // a field missing
        line("1/1 log-edited by=Zoe at=1 entry=" + uid + " channel=fax") +              // not a channel
        line("1/1 log-edited by=Zoe at=1 entry=" + uid + " kind=rant") +                // not a kind
        line("1/1 log-edited by=Zoe at=1 entry=" + uid + " when=2026-13-01T10:00") +     // not a time
        line("1/1 log-resolved by=Zoe at=1 entry=" + uid + " outcome=maybe decline= resolution=") +
        line("1/1 log-promise by=Zoe at=1 entry=" + uid + " promise=xyz") +             // not a uid
        line("1/1 log-edited by=Zoe at=1 entry=" + uid + " internal=2") +               // not a bit
        line("1/1 log-deleted by=Zoe at=1 entry=nothex0000000000") +
        line("1/2 shared by=Zoe at=1 template= agreed= used=0 every= next= deadline=") + // a checklist snapshot
        line("2/2 +entry " + row) +                                                    //   may not carry entries
        line("1/1 log-shared by=Zoe at=1");                                            // fine, and empty
    const sidecar::Parsed parsed = sidecar::parse(good + bad);
    CHECK(parsed.bad_lines == 12);
    writeFile(p.ana.sidecar(), good + bad);
    const std::string before = state(p.ana);
    const SyncReport report = p.ana.sync();
    CHECK(report.bad_lines == 12);
    CHECK(report.merged == 1); // the empty log snapshot
    CHECK(state(p.ana) == before);
    CHECK(logOf(p.ana).front().said == "A good entry");

    // Valid lines that would break an entry's rules are skipped by the replay, the same everywhere.
    const std::string breaking =
        line("1/1 log-resolved by=Zoe at=1 entry=" + uid + " outcome=declined decline=because resolution=") +
        line("1/1 log-added by=Zoe at=1 " + row.substr(0, row.find(" outcome=")) + " outcome=accepted decline= promise=");
    writeFile(p.ana.sidecar(), textOf(p.ana.sidecar()) + breaking);
    CHECK(p.ana.sync().bad_lines == 0);
    CHECK(state(p.ana) == before);
    CHECK(replayOfStore(p.ana) == before);
}
