// The one write path (Store::apply): each change recorded as exactly one history row,
// batches all or nothing, listeners told after the commit, inverses that undo exactly.
#include "change.h"
#include "store.h"

#include "store_fixture.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rapport;

namespace {

struct Fixture : testing::StoreFixture {
    Fixture()
        : StoreFixture("rapport-write-path", {{"kickoff", "scope-in-out", {}, "scope"},
                                              {"kickoff", "deadlines", {}, "scope"},
                                              {{}, {}, "Call the client", "own"}})
    {
    }
};

// The fields of a checklist a person could see, to compare two states.
std::string describe(const Checklist& checklist)
{
    std::string text = checklist.deadline + "|" + checklist.next_update_due + "|" +
                       std::to_string(checklist.revision_rounds_used) + "|" +
                       std::to_string(checklist.revision_rounds_agreed.value_or(-1)) + "|" +
                       std::to_string(checklist.update_every_days.value_or(-1)) + "\n";
    for (const auto& section : checklist.sections)
        text += "S" + std::to_string(section.id) + ":" + section.custom_title + "\n";
    for (const auto& item : checklist.items)
        text += std::to_string(item.id) + "@" + std::to_string(item.section_id) + ":" + item.custom_text + "/" +
                std::string(statusKeyword(item.status)) + "/" + item.status_reason + "/" + item.due + "/" +
                (item.owner == Owner::Client ? "c" : "u") + "/" + item.note + "/" + (item.internal ? "i" : "v") + "\n";
    return text;
}

} // namespace

TEST_CASE("each change is one history row; a change that changes nothing records nothing")
{
    Fixture f;
    const auto before = f.history().size();
    auto applied = f.store.apply(changes::itemField(ChangeKind::Note, f.doc, 1, "asked Maria"));
    REQUIRE(applied);
    CHECK(applied.value().recorded());
    CHECK(applied.value().old_value.empty());
    REQUIRE(f.history().size() == before + 1);
    CHECK(f.history().back().field == "note");
    CHECK(f.history().back().new_value == "asked Maria");
    CHECK(f.history().back().sequence == applied.value().sequence);

    auto again = f.store.apply(changes::itemField(ChangeKind::Note, f.doc, 1, "asked Maria"));
    REQUIRE(again);
    CHECK_FALSE(again.value().recorded());
    CHECK(f.history().size() == before + 1);
}

TEST_CASE("a batch is all or nothing, and its history stays without gaps")
{
    Fixture f;
    const std::string state = describe(f.checklist());
    const auto before = f.history();
    std::vector<Change> batch{changes::itemField(ChangeKind::Note, f.doc, 1, "first"),
                              changes::itemField(ChangeKind::Due, f.doc, 2, "2026-12-01"),
                              changes::itemField(ChangeKind::Due, f.doc, 3, "the 31st of February")};
    auto applied = f.store.apply(std::move(batch));
    REQUIRE_FALSE(applied);
    CHECK(applied.error().code == ErrorCode::DateInvalid);
    CHECK(describe(f.checklist()) == state);
    CHECK(f.history().size() == before.size());

    // The rows the failed batch would have numbered are numbered by the next change instead.
    REQUIRE(f.store.setNote(f.doc, 1, "second"));
    const auto after = f.history();
    REQUIRE(after.size() == before.size() + 1);
    CHECK(after.back().sequence == before.back().sequence + 1);
}

TEST_CASE("listeners hear every recorded change once, after it is committed, and never a failed one")
{
    Fixture f;
    std::vector<std::vector<Change>> heard;
    std::size_t committedRowsSeen = 0;
    f.store.addListener([&](const std::vector<Change>& recorded) {
        heard.push_back(recorded);
        // Another connection already sees the change: it is durable before anyone hears of it.
        auto other = Store::open(f.folder.store);
        REQUIRE(other);
        committedRowsSeen = other.value().history(f.doc).value().size();
    });
    REQUIRE(f.store.setStatus(f.doc, 1, ItemStatus::WaitingOnClient, "logo files", 1000));
    REQUIRE(heard.size() == 1);
    REQUIRE(heard[0].size() == 2); // the status and its reason
    CHECK(heard[0][0].kind == ChangeKind::Status);
    CHECK(heard[0][0].old_value == "todo");
    CHECK(heard[0][1].kind == ChangeKind::Reason);
    CHECK(committedRowsSeen == f.history().size());

    REQUIRE(f.store.setNote(f.doc, 1, {})); // nothing to change: nothing to hear
    CHECK(heard.size() == 1);
    CHECK_FALSE(f.store.setDue(f.doc, 1, "soon"));
    CHECK(heard.size() == 1);
}

TEST_CASE("the inverse of each change puts the checklist back exactly")
{
    Fixture f;
    REQUIRE(f.store.setStatus(f.doc, 2, ItemStatus::Blocked, "no hosting yet", 1000));
    auto section = f.store.addSection(f.doc, "Design");
    REQUIRE(section);
    auto make = [&](ChangeKind kind, std::int64_t target, std::string value) {
        Change change = kind == ChangeKind::SectionTitle || kind == ChangeKind::SectionMoved ||
                                kind == ChangeKind::SectionDeleted
                            ? Change{}
                            : changes::itemField(kind, f.doc, target, value);
        if (kind == ChangeKind::SectionTitle || kind == ChangeKind::SectionMoved || kind == ChangeKind::SectionDeleted) {
            change.kind = kind;
            change.document_id = f.doc;
            change.section_id = target;
            change.new_value = std::move(value);
        }
        return change;
    };
    std::vector<Change> cases{
        changes::status(f.doc, 2, ItemStatus::Done, {}, 2000).front(),
        make(ChangeKind::Reason, 2, "hosting opened"),
        make(ChangeKind::Due, 1, "2026-12-24"),
        make(ChangeKind::Owner, 1, "1"),
        make(ChangeKind::Note, 1, "«срочно», 尽快"),
        make(ChangeKind::Internal, 3, "1"),
        make(ChangeKind::ItemText, 3, "Call the client on Friday"),
        make(ChangeKind::ItemAdded, 0, "A new item"),
        make(ChangeKind::ItemDeleted, 3, {}),
        make(ChangeKind::SectionTitle, section.value(), "Brand"),
        make(ChangeKind::SectionMoved, section.value(), {}),
        make(ChangeKind::SectionDeleted, 1, {}),
        changes::checklistField(ChangeKind::Deadline, f.doc, "2027-01-10"),
        changes::checklistField(ChangeKind::RevisionRoundsAgreed, f.doc, "3"),
        changes::checklistField(ChangeKind::UpdateEveryDays, f.doc, "14"),
    };
    Change moved = make(ChangeKind::ItemMoved, 1, {});
    moved.section_id = section.value();
    cases.push_back(moved);
    for (Change change : cases) {
        CAPTURE(changeField(change.kind));
        const std::string before = describe(f.checklist());
        auto applied = f.store.apply(std::move(change));
        REQUIRE(applied);
        REQUIRE(applied.value().recorded());
        CHECK(describe(f.checklist()) != before);
        const auto inverse = inverseOf(applied.value());
        REQUIRE(inverse);
        auto undone = f.store.apply(*inverse);
        REQUIRE(undone);
        CHECK(describe(f.checklist()) == before);
        // And the inverse of the inverse does it again.
        const auto redo = inverseOf(undone.value());
        REQUIRE(redo);
        auto redone = f.store.apply(*redo);
        REQUIRE(redone);
        CHECK(describe(f.checklist()) != before);
        const auto undoAgain = inverseOf(redone.value());
        REQUIRE(undoAgain);
        REQUIRE(f.store.apply(*undoAgain));
        CHECK(describe(f.checklist()) == before);
    }
}

TEST_CASE("a batch can add an item and set its fields in one transaction")
{
    Fixture f;
    Change added = changes::itemField(ChangeKind::ItemAdded, f.doc, 0, "Send the invoice");
    std::vector<Change> batch{added, changes::itemField(ChangeKind::Due, f.doc, Change::kAddedInBatch, "2026-12-31"),
                              changes::itemField(ChangeKind::Owner, f.doc, Change::kAddedInBatch, "1")};
    auto applied = f.store.apply(std::move(batch));
    REQUIRE(applied);
    const std::int64_t id = applied.value().front().item_id;
    CHECK(applied.value()[1].item_id == id);
    const Checklist checklist = f.checklist();
    REQUIRE(checklist.items.back().id == id);
    CHECK(checklist.items.back().due == "2026-12-31");
    CHECK(checklist.items.back().owner == Owner::Client);

    // Without an added item there is nothing for kAddedInBatch to mean.
    auto orphan = f.store.apply(changes::itemField(ChangeKind::Note, f.doc, Change::kAddedInBatch, "lost"));
    REQUIRE_FALSE(orphan);
    CHECK(orphan.error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("two stores on one file number the history without a gap or a clash")
{
    Fixture f;
    Store second = f.open();
    for (int i = 0; i < 20; ++i) {
        Store& writer = i % 3 == 0 ? second : f.store;
        REQUIRE(writer.setNote(f.doc, 1 + i % 3, "note " + std::to_string(i)));
    }
    const auto history = f.history();
    for (std::size_t i = 1; i < history.size(); ++i)
        CHECK(history[i].sequence == history[i - 1].sequence + 1);
}

TEST_CASE("the write path is the last guard: text the edges refuse is refused here too, and nothing is recorded")
{
    Fixture f;
    const std::string state = describe(f.checklist());
    const auto before = f.history().size();
    const struct {
        Change change;
        ErrorCode code;
    } refused[] = {
        {changes::itemField(ChangeKind::Note, f.doc, 1, "\x1b[2J"), ErrorCode::TextHasControl},
        {changes::itemField(ChangeKind::Note, f.doc, 1, std::string(20001, 'n')), ErrorCode::TextTooLong},
        {changes::itemField(ChangeKind::Reason, f.doc, 1, "caf\xe9"), ErrorCode::TextNotUtf8},
        {changes::itemField(ChangeKind::ItemText, f.doc, 3, std::string(2001, 't')), ErrorCode::TextTooLong},
        {changes::itemField(ChangeKind::Due, f.doc, 1, "0000-01-01"), ErrorCode::DateInvalid},
        {changes::checklistField(ChangeKind::Deadline, f.doc, "9999-12-31"), ErrorCode::DateInvalid},
        {changes::checklistField(ChangeKind::SectionAdded, f.doc, "bell\a"), ErrorCode::TextHasControl},
    };
    for (const auto& [change, code] : refused) {
        CAPTURE(changeField(change.kind));
        auto applied = f.store.apply(change);
        REQUIRE_FALSE(applied);
        CHECK(applied.error().code == code);
    }
    CHECK(describe(f.checklist()) == state);
    CHECK(f.history().size() == before);
    // At the limits, accepted.
    REQUIRE(f.store.apply(changes::itemField(ChangeKind::Note, f.doc, 1, std::string(20000, 'n'))));
    REQUIRE(f.store.apply(changes::itemField(ChangeKind::Due, f.doc, 1, "2199-12-31")));
}
