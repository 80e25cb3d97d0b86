// The checklist model: statuses, fields, history, derived figures, and migrations.
#include "store.h"

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using rapport::ItemStatus;

namespace {

// A folder with a store path in it, removed at the end of the test.
struct TempStore : rapport::testing::TempFolder {
    fs::path& dir = path;
    fs::path& file = store;
    TempStore() : TempFolder("rapport-model") {}
};

rapport::Checklist attachKickoff(rapport::Store& store, const std::string& doc)
{
    auto attached = store.attach(doc, "kickoff",
                                 {{"kickoff", "scope-in-out", {}, "scope"}, {"kickoff", "deadlines", {}, "scope"},
                                  {"kickoff", "budget", {}, "money"}, {"kickoff", "payment-terms", {}, "money"}});
    REQUIRE(attached);
    return attached.value();
}

rapport::Checklist reload(rapport::Store& store, const std::string& doc)
{
    auto loaded = store.checklistFor(doc);
    REQUIRE(loaded);
    REQUIRE(loaded.value().has_value());
    return *loaded.value();
}


} // namespace

TEST_CASE("attaching a template creates its sections in order")
{
    TempStore temp;
    auto store = rapport::Store::open(temp.file);
    REQUIRE(store);
    const auto checklist = attachKickoff(store.value(), "/docs/brief.md");
    REQUIRE(checklist.sections.size() == 2);
    CHECK(checklist.sections[0].section_key == "scope");
    CHECK(checklist.sections[1].section_key == "money");
    CHECK(checklist.items[2].section_id == checklist.sections[1].id);
    CHECK(checklist.items[0].status == ItemStatus::ToDo);
}

TEST_CASE("statuses, reasons and fields are stored, and every change is in the history")
{
    TempStore temp;
    auto store = rapport::Store::open(temp.file);
    REQUIRE(store);
    auto& s = store.value();
    const auto checklist = attachKickoff(s, "/docs/brief.md");
    const auto doc = checklist.document_id;

    REQUIRE(s.setStatus(doc, 1, ItemStatus::WaitingOnClient, "Waiting for the logo files", 1'000'000));
    REQUIRE(s.setStatus(doc, 2, ItemStatus::Blocked, "Hosting account not opened", 1'000'000));
    REQUIRE(s.setStatus(doc, 3, ItemStatus::Done, "ignored for Done", 1'000'100));
    REQUIRE(s.setStatus(doc, 4, ItemStatus::NotApplicable, {}, 1'000'100));
    REQUIRE(s.setDue(doc, 1, "2026-11-20"));
    REQUIRE(s.setOwner(doc, 1, rapport::Owner::Client));
    REQUIRE(s.setNote(doc, 2, "Ask Maria on Tuesday — «срочно», 尽快"));
    REQUIRE(s.setInternal(doc, 2, true));
    REQUIRE(s.setRevisionRounds(doc, 3, 2));
    REQUIRE(s.setUpdateRhythm(doc, 7, "2026-11-27"));
    REQUIRE(s.setDeadline(doc, "2027-01-10"));
    const auto added = s.addCustomItem(doc, 0, "Send the Friday status email");
    REQUIRE(added);

    const auto loaded = reload(s, "/docs/brief.md");
    CHECK(loaded.items[0].status == ItemStatus::WaitingOnClient);
    CHECK(loaded.items[0].status_reason == "Waiting for the logo files");
    CHECK(loaded.items[0].status_since == 1'000'000);
    CHECK(loaded.items[0].due == "2026-11-20");
    CHECK(loaded.items[0].owner == rapport::Owner::Client);
    CHECK(loaded.items[1].note == "Ask Maria on Tuesday — «срочно», 尽快");
    CHECK(loaded.items[1].internal);
    CHECK(loaded.items[2].done);
    CHECK(loaded.items[2].status_reason.empty());
    CHECK(loaded.revision_rounds_agreed == 3);
    CHECK(loaded.revision_rounds_used == 2);
    CHECK(loaded.update_every_days == 7);
    CHECK(loaded.next_update_due == "2026-11-27");
    CHECK(loaded.deadline == "2027-01-10");
    REQUIRE(loaded.items.size() == 5);
    CHECK(loaded.items[4].custom_text == "Send the Friday status email");
    CHECK(loaded.items[4].section_id == loaded.sections.back().id);

    const auto history = s.history(doc);
    REQUIRE(history);
    const auto& entries = history.value();
    REQUIRE(entries.size() >= 13);
    CHECK(entries[0].field == "attached");
    CHECK(entries[1].field == "status");
    CHECK(entries[1].item_id == 1);
    CHECK(entries[1].old_value == "todo");
    CHECK(entries[1].new_value == "waiting");
    CHECK(entries[2].field == "reason");
    CHECK(entries[2].new_value == "Waiting for the logo files");
    for (std::size_t i = 1; i < entries.size(); ++i)
        CHECK(entries[i].sequence == entries[i - 1].sequence + 1);

    SUBCASE("setting the same value again records nothing")
    {
        REQUIRE(s.setStatus(doc, 1, ItemStatus::WaitingOnClient, "Waiting for the logo files", 2'000'000));
        REQUIRE(s.setDue(doc, 1, "2026-11-20"));
        CHECK(s.history(doc).value().size() == entries.size());
        CHECK(reload(s, "/docs/brief.md").items[0].status_since == 1'000'000);
    }
}

TEST_CASE("bad values are refused and change nothing")
{
    TempStore temp;
    auto store = rapport::Store::open(temp.file);
    REQUIRE(store);
    auto& s = store.value();
    const auto doc = attachKickoff(s, "/docs/brief.md").document_id;
    const auto before = s.history(doc).value().size();
    CHECK_FALSE(s.setDue(doc, 1, "2026-02-30"));
    CHECK_FALSE(s.setDue(doc, 1, "next week"));
    CHECK_FALSE(s.setDeadline(doc, "2026-13-01"));
    CHECK_FALSE(s.setRevisionRounds(doc, 3, -1));
    CHECK_FALSE(s.setUpdateRhythm(doc, 0, {}));
    CHECK_FALSE(s.addCustomItem(doc, 0, ""));
    CHECK_FALSE(s.addCustomItem(doc, 99, "In a section that does not exist"));
    const auto missing = s.setStatus(doc, 42, ItemStatus::Done, {}, 0);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == rapport::ErrorCode::ItemUnknown);
    CHECK(s.history(doc).value().size() == before);
    CHECK(reload(s, "/docs/brief.md").items[0].due.empty());
}

TEST_CASE("derived figures: percent done without Not applicable, overdue, client waiting time")
{
    rapport::Checklist checklist;
    auto item = [](ItemStatus status, std::string due = {}, std::optional<std::int64_t> since = {}) {
        rapport::ChecklistItem i;
        i.status = status;
        i.due = std::move(due);
        i.status_since = since;
        return i;
    };
    const std::int64_t day = 86400;
    checklist.items = {item(ItemStatus::Done), item(ItemStatus::Done, "2026-01-01"), item(ItemStatus::NotApplicable, "2026-01-01"),
                       item(ItemStatus::ToDo, "2026-11-22"), item(ItemStatus::ToDo, "2026-11-23"),
                       item(ItemStatus::WaitingOnClient, {}, 100 * day), item(ItemStatus::WaitingOnClient, {}, 103 * day),
                       item(ItemStatus::Blocked)};
    const auto figures = rapport::figuresOf(checklist, "2026-11-23", 110 * day);
    CHECK(figures.counted == 7);
    CHECK(figures.done == 2);
    CHECK(figures.percent_done == 28);
    CHECK(figures.overdue == 1);
    CHECK(figures.waiting_on_client == 2);
    CHECK(figures.blocked == 1);
    CHECK(figures.client_wait_days == 10 + 7);
    CHECK(rapport::figuresOf(rapport::Checklist{}, "2026-11-23", 0).percent_done == 0);
}

TEST_CASE("a checklist follows its document through a rename, is never overwritten, and orphans are listed")
{
    TempStore temp;
    auto store = rapport::Store::open(temp.file);
    REQUIRE(store);
    auto& s = store.value();
    const fs::path oldFile = temp.dir / "Sözleşme.txt";
    const fs::path newFile = temp.dir / "合同" / "Договор.txt";
    fs::create_directories(newFile.parent_path());
    { std::ofstream(oldFile) << "contract"; }
    const auto doc = attachKickoff(s, oldFile.string()).document_id;
    REQUIRE(s.setStatus(doc, 1, ItemStatus::Done, {}, 5));
    CHECK(s.orphans().value().empty());

    fs::rename(oldFile, newFile);
    const auto orphans = s.orphans();
    REQUIRE(orphans);
    REQUIRE(orphans.value().size() == 1);
    CHECK(orphans.value()[0].document_id == doc);
    CHECK(orphans.value()[0].path == oldFile.string());

    REQUIRE(s.renameDocument(oldFile.string(), newFile.string()));
    CHECK(s.orphans().value().empty());
    CHECK(s.checklistFor(oldFile.string()).value() == std::nullopt);
    CHECK(reload(s, newFile.string()).items[0].done);
    CHECK(s.history(doc).value().back().field == "path");

    // A second checklist at another path cannot be moved on top of this one.
    const auto other = attachKickoff(s, (temp.dir / "other.md").string()).document_id;
    const auto refused = s.reattach(other, newFile.string());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == rapport::ErrorCode::ChecklistExists);
    CHECK(refused.error().description().find("already attached") != std::string::npos);
    CHECK(reload(s, newFile.string()).document_id == doc);
    // Renaming a document the store never saw is no error and creates nothing.
    REQUIRE(s.renameDocument((temp.dir / "never.md").string(), (temp.dir / "never2.md").string()));
    CHECK(s.checklistFor((temp.dir / "never2.md").string()).value() == std::nullopt);
}

TEST_CASE("a document moved outside the editor is found again by its content")
{
    TempStore temp;
    auto store = rapport::Store::open(temp.file);
    REQUIRE(store);
    auto& s = store.value();
    const fs::path original = temp.dir / "notes-客户.md";
    { std::ofstream(original) << "# Meeting notes\nMaria approved the second design.\n"; }
    { std::ofstream(temp.dir / "unrelated.md") << "something else entirely\n"; }
    const auto doc = attachKickoff(s, original.string()).document_id;
    CHECK(rapport::documentFingerprint(original).size() == 16);
    CHECK(rapport::documentFingerprint(temp.dir / "missing.md").empty());

    const fs::path moved = temp.dir / "archive" / "notes-客户.md";
    fs::create_directories(moved.parent_path());
    fs::rename(original, moved);
    // A different file is not taken for it.
    CHECK(s.relinkByFingerprint((temp.dir / "unrelated.md").string()).value() == std::nullopt);
    const auto relinked = s.relinkByFingerprint(moved.string());
    REQUIRE(relinked);
    REQUIRE(relinked.value().has_value());
    CHECK(*relinked.value() == original.string());
    CHECK(reload(s, moved.string()).document_id == doc);
    CHECK(s.orphans().value().empty());
}
