// The sidebar session's client log: adding entries with promises, resolving, accepting a
// change request into the checklist, deleting, and undoing each as one step; what another
// connection sees is what was committed.
#include "calendar.h"
#include "sidebar_session.h"
#include "store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace rapport;

namespace {

struct LogFixture {
    testing::TempFolder folder{"rapport-session-log"};
    SidebarSession session{folder.store, TemplateLibrary::load(defaultTemplateFolders())};
    std::string doc = (folder.path / "brief.md").string();

    LogFixture()
    {
        REQUIRE(session.openStore());
        REQUIRE(session.setActiveDocument(doc));
        REQUIRE(session.attachTemplates({}));
        REQUIRE(session.addSection("Work"));
    }

    std::vector<LogEntry> committedLog() const
    {
        auto store = Store::open(folder.store);
        REQUIRE(store);
        auto checklist = store.value().checklistFor(canonicalDocumentPath(doc));
        REQUIRE(checklist);
        REQUIRE(checklist.value().has_value());
        auto log = store.value().clientLog(checklist.value()->document_id);
        REQUIRE(log);
        return log.value();
    }

    const ChecklistItem* item(std::int64_t id) const
    {
        const auto& items = session.checklist()->items;
        const auto found = std::find_if(items.begin(), items.end(), [&](const ChecklistItem& i) { return i.id == id; });
        return found == items.end() ? nullptr : &*found;
    }
};

LogEntry entryOf(LogKind kind, const std::string& said)
{
    LogEntry entry;
    entry.when = "2026-11-30T10:15";
    entry.channel = LogChannel::Email;
    entry.who = "Ayşe";
    entry.kind = kind;
    entry.said = said;
    return entry;
}

} // namespace

TEST_CASE("an entry with a promise is one undo step: the entry, its item with the due date, and the link")
{
    LogFixture f;
    const std::size_t itemsBefore = f.session.checklist()->items.size();
    auto number = f.session.addLogEntry(entryOf(LogKind::Request, "Can we see the mock-ups?"),
                                        "Send the revised mock-ups", "2026-12-04");
    REQUIRE(number);
    CHECK(number.value() == 1);
    REQUIRE(f.session.clientLog().size() == 1);
    const LogEntry& entry = f.session.clientLog().front();
    REQUIRE(entry.promise_item_id != 0);
    const ChecklistItem* promised = f.item(entry.promise_item_id);
    REQUIRE(promised != nullptr);
    CHECK(promised->custom_text == "Send the revised mock-ups");
    CHECK(promised->due == "2026-12-04");
    CHECK(f.session.checklist()->items.size() == itemsBefore + 1);
    CHECK(f.session.promiseEntryOfItem(promised->id) == &entry);
    CHECK(f.committedLog() == f.session.clientLog());

    CHECK(f.session.promiseState(entry, "2026-12-01") == PromiseState::Open);
    CHECK(f.session.promiseState(entry, "2026-12-05") == PromiseState::Broken);
    CHECK(f.session.promiseFigures("2026-12-05").broken == 1);

    CHECK(f.session.undoName() == "Add log entry");
    REQUIRE(f.session.undo());
    CHECK(f.session.clientLog().empty());
    CHECK(f.session.checklist()->items.size() == itemsBefore);
    CHECK(f.committedLog().empty());
    REQUIRE(f.session.redo());
    REQUIRE(f.session.clientLog().size() == 1);
    CHECK(f.item(f.session.clientLog().front().promise_item_id) != nullptr);
}

TEST_CASE("a kept promise counts in the header's figures, judged from when its item was done")
{
    LogFixture f;
    REQUIRE(f.session.addLogEntry(entryOf(LogKind::Complaint, "The export is broken"), "Fix the export", "2099-01-01"));
    const std::int64_t item = f.session.clientLog().front().promise_item_id;
    REQUIRE(f.session.toggleDone(item));
    const PromiseFigures figures = f.session.promiseFigures(localToday());
    CHECK(figures.kept_on_time == 1);
    CHECK(figures.judged() == 1);
    CHECK(f.session.promiseState(f.session.clientLog().front(), localToday()) == PromiseState::KeptOnTime);
    REQUIRE(f.session.toggleDone(item)); // reopened
    CHECK(f.session.promiseState(f.session.clientLog().front(), localToday()) == PromiseState::Reopened);
}

TEST_CASE("a change request waits for a decision; accepting it adds the item and a revision round in one step")
{
    LogFixture f;
    auto number = f.session.addLogEntry(entryOf(LogKind::ChangeRequest, "Add a dark theme"), "", "");
    REQUIRE(number);
    CHECK(f.session.logEntry(number.value())->outcome == ChangeOutcome::Awaiting);
    const std::size_t itemsBefore = f.session.checklist()->items.size();
    const int roundsBefore = f.session.checklist()->revision_rounds_used;

    REQUIRE(f.session.acceptChangeRequest(number.value(), "Agreed on the call", "Dark theme", true));
    const LogEntry* accepted = f.session.logEntry(number.value());
    REQUIRE(accepted != nullptr);
    CHECK(accepted->outcome == ChangeOutcome::Accepted);
    CHECK(accepted->resolution == "Agreed on the call");
    CHECK(f.session.checklist()->items.size() == itemsBefore + 1);
    CHECK(f.session.checklist()->items.back().custom_text == "Dark theme");
    CHECK(f.session.checklist()->revision_rounds_used == roundsBefore + 1);
    CHECK(f.committedLog().front().outcome == ChangeOutcome::Accepted);

    REQUIRE(f.session.undo()); // all three at once
    CHECK(f.session.logEntry(number.value())->outcome == ChangeOutcome::Awaiting);
    CHECK(f.session.checklist()->items.size() == itemsBefore);
    CHECK(f.session.checklist()->revision_rounds_used == roundsBefore);

    LogEntry declined = *f.session.logEntry(number.value());
    declined.outcome = ChangeOutcome::Declined;
    declined.decline_reason = "Out of scope for this phase";
    REQUIRE(f.session.resolveLogEntry(declined));
    CHECK(f.committedLog().front().decline_reason == "Out of scope for this phase");
    CHECK(f.session.checklist()->items.size() == itemsBefore);
}

TEST_CASE("only a change request is accepted, and only an entry that exists is changed")
{
    LogFixture f;
    auto number = f.session.addLogEntry(entryOf(LogKind::Question, "When is the launch?"), "", "");
    REQUIRE(number);
    CHECK_FALSE(f.session.acceptChangeRequest(number.value(), "", "x", false));
    CHECK_FALSE(f.session.deleteLogEntry(number.value() + 7));
    LogEntry ghost = entryOf(LogKind::Question, "?");
    ghost.id = 99;
    CHECK_FALSE(f.session.resolveLogEntry(ghost));
    CHECK(f.committedLog().size() == 1);
}

TEST_CASE("deleting an entry keeps its promise on the checklist, and undo links them again")
{
    LogFixture f;
    REQUIRE(f.session.addLogEntry(entryOf(LogKind::Request, "Call me Friday"), "Call the client", "2026-12-04"));
    const std::int64_t item = f.session.clientLog().front().promise_item_id;
    REQUIRE(f.session.deleteLogEntry(1));
    CHECK(f.session.clientLog().empty());
    CHECK(f.item(item) != nullptr);
    CHECK(f.session.promiseEntryOfItem(item) == nullptr);
    REQUIRE(f.session.undo());
    REQUIRE(f.session.clientLog().size() == 1);
    CHECK(f.session.clientLog().front().promise_item_id == item);
    CHECK(f.committedLog().front().promise_item_id == item);
}

TEST_CASE("text the store refuses leaves the log as it was")
{
    LogFixture f;
    CHECK_FALSE(f.session.addLogEntry(entryOf(LogKind::Request, ""), "", ""));
    CHECK_FALSE(f.session.addLogEntry(entryOf(LogKind::Request, std::string("bell\a")), "", ""));
    CHECK_FALSE(f.session.addLogEntry(entryOf(LogKind::Request, "fine"), "promise", "2026-02-30"));
    CHECK(f.session.clientLog().empty());
    CHECK(f.committedLog().empty());
}
