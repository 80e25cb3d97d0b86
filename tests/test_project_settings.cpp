// Project settings (project_settings.h), the update rhythm (update_rhythm.h) and revision
// rounds (revision_rounds.h): dates across month ends and leap years, every setting a
// change through the one write path (history, undo, export and import).
#include "checklist_xml.h"
#include "project_settings.h"
#include "revision_rounds.h"
#include "store.h"
#include "update_rhythm.h"

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <string>

using namespace rapport;

namespace {

UpdateRhythm rhythm(const char* keyword)
{
    const auto parsed = parseUpdateRhythm(keyword);
    REQUIRE(parsed);
    return *parsed;
}

Checklist reload(Store& store, const std::string& doc)
{
    auto loaded = store.checklistFor(doc);
    REQUIRE(loaded);
    REQUIRE(loaded.value().has_value());
    return *loaded.value();
}

struct Project {
    testing::TempFolder temp{"rapport-project"};
    std::optional<Store> store;
    std::string doc = "/docs/brief.md";
    std::int64_t id = 0;

    Project()
    {
        auto opened = Store::open(temp.store);
        REQUIRE(opened);
        store.emplace(std::move(opened.value()));
        auto attached = store->attach(doc, "kickoff", {{"kickoff", "scope-in-out", {}, "scope"}});
        REQUIRE(attached);
        id = attached.value().document_id;
    }
    Checklist checklist() { return reload(*store, doc); }
};

} // namespace

TEST_CASE("rhythm keywords: what parses, what is refused, and how each is written back")
{
    for (const char* keyword : {"", "weekly", "biweekly", "monthly", "1d", "10d", "366d"})
        CHECK(rhythmKeyword(rhythm(keyword)) == keyword);
    for (const char* bad : {"Weekly", "0d", "367d", "07d", "d", "10", "-3d", "1 d", "1dd", "99999d", "fortnightly"})
        CHECK_MESSAGE(!parseUpdateRhythm(bad), bad);
    CHECK(rhythm("10d").days == 10);
    CHECK(rhythm("monthly").kind == UpdateRhythm::Kind::Monthly);
}

TEST_CASE("the rhythm moves a date across month ends, year ends and leap days")
{
    CHECK(advanceByRhythm(rhythm("weekly"), "2026-12-28") == "2027-01-04");
    CHECK(advanceByRhythm(rhythm("biweekly"), "2028-02-20") == "2028-03-05"); // 2028 is a leap year
    CHECK(advanceByRhythm(rhythm("biweekly"), "2027-02-20") == "2027-03-06");
    CHECK(advanceByRhythm(rhythm("3d"), "2024-02-28") == "2024-03-02");
    CHECK(advanceByRhythm(rhythm("monthly"), "2026-01-31") == "2026-02-28");
    CHECK(advanceByRhythm(rhythm("monthly"), "2028-01-31") == "2028-02-29");
    CHECK(advanceByRhythm(rhythm("monthly"), "2026-01-31", 2) == "2026-03-31"); // the day is kept, not drifted
    CHECK(advanceByRhythm(rhythm("monthly"), "2026-03-31") == "2026-04-30");
    CHECK(advanceByRhythm(rhythm("monthly"), "2026-12-15") == "2027-01-15");
    CHECK(advanceByRhythm(rhythm("monthly"), "2100-01-29") == "2100-02-28"); // 2100 is not a leap year
    CHECK(advanceByRhythm(rhythm("weekly"), "2199-12-30").empty());          // past the last year a date may have
    CHECK(advanceByRhythm(rhythm(""), "2026-01-01").empty());
    CHECK(advanceByRhythm(rhythm("weekly"), "2026-02-30").empty());
}

TEST_CASE("marking an update sent moves the next one by the rhythm until it is after today")
{
    Checklist c;
    c.document_id = 7;
    c.update_rhythm = "monthly";
    c.next_update_due = "2026-01-31";
    CHECK(nextUpdateAfterSent(c, "2026-01-30") == "2026-02-28"); // sent early: the next period
    CHECK(nextUpdateAfterSent(c, "2026-03-05") == "2026-03-31"); // sent late: the first due date after today
    c.next_update_due.clear();
    CHECK(nextUpdateAfterSent(c, "2026-05-10") == "2026-06-10"); // none set: from today
    c.update_rhythm = "weekly";
    c.next_update_due = "2026-11-27";
    const auto change = updateSentChange(c, "2026-11-27");
    REQUIRE(change);
    CHECK(change->kind == ChangeKind::NextUpdateDue);
    CHECK(change->new_value == "2026-12-04");
    c.update_rhythm.clear();
    CHECK_FALSE(updateSentChange(c, "2026-11-27"));
    c.update_every_days = 10; // a store from before the rhythm had a keyword
    CHECK(rhythmOf(c) == rhythm("10d"));
    CHECK(nextUpdateAfterSent(c, "2026-11-27") == "2026-12-07");
}

TEST_CASE("every project setting is one change: stored, in the history, undone by its inverse")
{
    Project p;
    ProjectSettings wanted;
    wanted.client_name = "ООО «Ромашка»";
    wanted.client_language = "ru";
    wanted.deadline = "2027-03-31";
    wanted.update_rhythm = "biweekly";
    wanted.next_update_due = "2026-12-04";
    wanted.revision_rounds_agreed = 3;
    const auto batch = projectSettingsChanges(p.checklist(), wanted);
    CHECK(batch.size() == 6);
    auto applied = p.store->apply(batch);
    REQUIRE(applied);
    const Checklist after = p.checklist();
    CHECK(projectSettingsOf(after) == wanted);
    CHECK(projectSettingsChanges(after, wanted).empty());
    const auto history = p.store->history(p.id).value();
    REQUIRE(history.size() >= 7);
    CHECK(history[history.size() - 6].field == "client_name");
    CHECK(history[history.size() - 6].new_value == "ООО «Ромашка»");

    // Undo, newest first, gives the settings back as they were.
    auto done = applied.value();
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
        const auto inverse = inverseOf(*it);
        REQUIRE(inverse);
        REQUIRE(p.store->apply(*inverse));
    }
    CHECK(projectSettingsOf(p.checklist()) == ProjectSettings{});

    // Bad values are refused by the store itself, whatever the caller checked.
    CHECK_FALSE(p.store->apply(changes::checklistField(ChangeKind::ClientLanguage, p.id, "de")));
    CHECK_FALSE(p.store->apply(changes::checklistField(ChangeKind::ClientLanguage, p.id, "zh-CN")));
    CHECK_FALSE(p.store->apply(changes::checklistField(ChangeKind::UpdateRhythm, p.id, "fortnightly")));
    CHECK_FALSE(p.store->apply(changes::checklistField(ChangeKind::ClientName, p.id, std::string(201, 'x'))));
    CHECK_FALSE(p.store->apply(changes::checklistField(ChangeKind::ClientName, p.id, "a\x01")));
    CHECK_FALSE(p.store->apply(revisionRoundStart(p.id, "")));
    CHECK(projectSettingsOf(p.checklist()) == ProjectSettings{});
}

TEST_CASE("setting a rhythm replaces the older rhythm in days")
{
    Project p;
    REQUIRE(p.store->setUpdateRhythm(p.id, 10, "2026-12-01"));
    CHECK(projectSettingsOf(p.checklist()).update_rhythm == "10d");
    ProjectSettings wanted = projectSettingsOf(p.checklist());
    wanted.update_rhythm = "monthly";
    REQUIRE(p.store->apply(projectSettingsChanges(p.checklist(), wanted)));
    const Checklist after = p.checklist();
    CHECK_FALSE(after.update_every_days);
    CHECK(after.update_rhythm == "monthly");
    wanted.update_rhythm.clear();
    REQUIRE(p.store->apply(projectSettingsChanges(after, wanted)));
    CHECK(rhythmOf(p.checklist()).kind == UpdateRhythm::Kind::None);
}

TEST_CASE("revision rounds: each records what it was for and when; undo takes the last one back")
{
    Project p;
    REQUIRE(p.store->setRevisionRounds(p.id, 2, 0));
    Checklist c = p.checklist();
    CHECK_FALSE(roundWouldExceedAgreed(c));
    Change first = revisionRoundStart(p.id, "Homepage copy");
    first.at = 1800000000;
    REQUIRE(p.store->apply(first));
    auto second = p.store->apply(revisionRoundStart(p.id, "Logo colours"));
    REQUIRE(second);
    c = p.checklist();
    CHECK(c.revision_rounds_used == 2);
    CHECK(roundWouldExceedAgreed(c));
    auto rounds = revisionRoundsOf(p.store->history(p.id).value());
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0].number == 1);
    CHECK(rounds[0].purpose == "Homepage copy");
    CHECK(rounds[0].at == 1800000000);
    CHECK(rounds[1].purpose == "Logo colours");

    const auto undo = inverseOf(second.value());
    REQUIRE(undo);
    CHECK(undo->kind == ChangeKind::RevisionRoundsUsed);
    REQUIRE(p.store->apply(*undo));
    CHECK(p.checklist().revision_rounds_used == 1);
    rounds = revisionRoundsOf(p.store->history(p.id).value());
    REQUIRE(rounds.size() == 1);
    CHECK(rounds[0].purpose == "Homepage copy");
    // A count set by hand adds rounds that say nothing of their purpose.
    REQUIRE(p.store->setRevisionRounds(p.id, 2, 3));
    rounds = revisionRoundsOf(p.store->history(p.id).value());
    REQUIRE(rounds.size() == 3);
    CHECK(rounds[2].purpose.empty());
}

TEST_CASE("project settings and rounds survive export and import, and export again byte for byte")
{
    Project p;
    ProjectSettings wanted;
    wanted.client_name = "Acme & \"Sons\" <Ltd>";
    wanted.client_language = "zh_CN";
    wanted.update_rhythm = "10d";
    wanted.next_update_due = "2026-12-10";
    wanted.revision_rounds_agreed = 1;
    REQUIRE(p.store->apply(projectSettingsChanges(p.checklist(), wanted)));
    REQUIRE(p.store->apply(revisionRoundStart(p.id, "First draft")));
    const std::string xml = writeChecklistXml({p.checklist(), p.store->history(p.id).value()});
    auto read = readChecklistXml(xml);
    REQUIRE_MESSAGE(read, (read ? std::string() : read.error().description()));
    CHECK(projectSettingsOf(read.value().checklist) == wanted);
    CHECK(writeChecklistXml(read.value()) == xml);

    testing::TempFolder other{"rapport-project-import"};
    auto second = Store::open(other.store);
    REQUIRE(second);
    REQUIRE(second.value().importChecklist(read.value().checklist, read.value().history));
    const Checklist imported = reload(second.value(), p.doc);
    CHECK(projectSettingsOf(imported) == wanted);
    CHECK(imported.revision_rounds_used == 1);
    const auto rounds = revisionRoundsOf(second.value().history(imported.document_id).value());
    REQUIRE(rounds.size() == 1);
    CHECK(rounds[0].purpose == "First draft");
    CHECK(writeChecklistXml({imported, second.value().history(imported.document_id).value()}) == xml);

    // A hand-edited export with a rhythm or a language Rapport does not know is refused.
    std::string bad = xml;
    bad.replace(bad.find("update-rhythm=\"10d\""), 19, "update-rhythm=\"0d\"");
    CHECK_FALSE(readChecklistXml(bad));
    bad = xml;
    bad.replace(bad.find("client-language=\"zh_CN\""), 23, "client-language=\"xx\"");
    CHECK_FALSE(readChecklistXml(bad));
}

TEST_CASE("what is due next: the update, overdue items, items waiting on the client too long")
{
    Checklist c;
    c.next_update_due = "2026-11-27";
    ChecklistItem late;
    late.due = "2026-11-20";
    ChecklistItem waiting;
    waiting.status = ItemStatus::WaitingOnClient;
    waiting.status_since = 1000;
    ChecklistItem fresh = waiting;
    fresh.status_since = 1000 + 6 * 86400;
    c.items = {late, waiting, fresh};
    const DueNext due = dueNextOf(c, "2026-11-27", 1000 + 8 * 86400, 7);
    CHECK(due.update_due);
    CHECK(due.overdue == 1);
    CHECK(due.waiting_long == 1);
    CHECK_FALSE(dueNextOf(c, "2026-11-26", 0).update_due);
}
