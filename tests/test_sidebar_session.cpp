// The sidebar's logic without widgets: editing, undo and redo, filtering, selection.
#include "localization.h"
#include "sidebar_session.h"
#include "store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace rapport;

namespace {

struct SessionFixture {
    testing::TempFolder folder{"rapport-session"};
    SidebarSession session{folder.store, TemplateLibrary::load(defaultTemplateFolders())};
    std::string doc = (folder.path / "brief.md").string();

    SessionFixture()
    {
        REQUIRE(session.openStore());
        REQUIRE(session.setActiveDocument(doc));
    }

    // The checklist as a second, independent connection reads it: what is really committed.
    Checklist committed() const
    {
        auto store = Store::open(folder.store);
        REQUIRE(store);
        auto loaded = store.value().checklistFor(canonicalDocumentPath(doc));
        REQUIRE(loaded);
        REQUIRE(loaded.value().has_value());
        return *loaded.value();
    }

    std::vector<std::string> titles(const Checklist& checklist) const
    {
        std::vector<std::string> out;
        for (const auto& item : checklist.items)
            out.push_back(session.itemTitle(item, std::locale::classic()));
        return out;
    }
};

std::size_t countWith(const Checklist& checklist, ItemStatus status)
{
    return static_cast<std::size_t>(std::count_if(checklist.items.begin(), checklist.items.end(),
                                                  [&](const ChecklistItem& item) { return item.status == status; }));
}

} // namespace

TEST_CASE("several templates combine into one checklist, each template's sections in turn")
{
    SessionFixture f;
    const auto& library = f.session.templates();
    const ChecklistTemplate* kickoff = library.find("kickoff");
    const ChecklistTemplate* handover = library.find("handover");
    REQUIRE(kickoff);
    REQUIRE(handover);
    REQUIRE(f.session.attachTemplates({"kickoff", "handover"}));
    const Checklist stored = f.committed();
    CHECK(stored.sections.size() == kickoff->sections.size() + handover->sections.size());
    CHECK(stored.sections.front().template_key == "kickoff");
    CHECK(stored.sections.back().template_key == "handover");
    std::size_t expected = 0;
    for (const auto* t : {kickoff, handover})
        for (const auto& s : t->sections)
            expected += s.items.size();
    CHECK(stored.items.size() == expected);
    CHECK(stored.template_key == "kickoff+handover");

    // A third template added later lands after them.
    REQUIRE(f.session.addTemplate("recovery"));
    CHECK(f.committed().sections.back().template_key == "recovery");
}

TEST_CASE("an empty checklist can be started and filled with the user's own items and sections")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplates({}));
    CHECK(f.session.view() == SidebarSession::View::Checklist);
    CHECK(f.session.checklist()->items.empty());
    auto section = f.session.addSection("Design");
    REQUIRE(section);
    auto first = f.session.addItem(section.value(), "Agree the colour palette");
    REQUIRE(first);
    auto second = f.session.addItem(section.value(), "Send two logo drafts");
    REQUIRE(second);
    CHECK(f.titles(f.committed()) == std::vector<std::string>{"Agree the colour palette", "Send two logo drafts"});
    REQUIRE(f.session.renameItem(second.value(), "Send three logo drafts"));
    REQUIRE(f.session.moveItem(second.value(), -1));
    CHECK(f.titles(f.committed()) == std::vector<std::string>{"Send three logo drafts", "Agree the colour palette"});
    REQUIRE(f.session.renameSection(section.value(), "Brand"));
    CHECK(f.committed().sections.front().custom_title == "Brand");
}

TEST_CASE("every edit is committed at once and undo and redo walk it back and forth")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplate("kickoff"));
    const std::int64_t id = f.session.checklist()->items.at(0).id;
    CHECK_FALSE(f.session.canUndo());

    REQUIRE(f.session.setStatus(id, ItemStatus::WaitingOnClient, "waiting for the signed brief"));
    REQUIRE(f.session.setDue(id, "2026-12-01"));
    REQUIRE(f.session.setOwner(id, Owner::Client));
    REQUIRE(f.session.setNote(id, "asked on Monday"));
    REQUIRE(f.session.setInternal(id, true));
    ChecklistItem stored = f.committed().items.at(0);
    CHECK(stored.status == ItemStatus::WaitingOnClient);
    CHECK(stored.status_reason == "waiting for the signed brief");
    CHECK(stored.due == "2026-12-01");
    CHECK(stored.owner == Owner::Client);
    CHECK(stored.note == "asked on Monday");
    CHECK(stored.internal);
    CHECK(f.session.undoName() == "Change visibility");

    for (int i = 0; i < 5; ++i)
        REQUIRE(f.session.undo());
    CHECK_FALSE(f.session.canUndo());
    stored = f.committed().items.at(0);
    CHECK(stored.status == ItemStatus::ToDo);
    CHECK(stored.status_reason.empty());
    CHECK(stored.due.empty());
    CHECK(stored.owner == Owner::Us);
    CHECK(stored.note.empty());
    CHECK_FALSE(stored.internal);

    REQUIRE(f.session.redo());
    REQUIRE(f.session.redo());
    stored = f.committed().items.at(0);
    CHECK(stored.status == ItemStatus::WaitingOnClient);
    CHECK(stored.due == "2026-12-01");
    CHECK(stored.owner == Owner::Us);
    CHECK(f.session.canRedo());

    // A new change after undoing drops what could be redone.
    REQUIRE(f.session.setStatus(id, ItemStatus::Done));
    CHECK_FALSE(f.session.canRedo());
}

TEST_CASE("a deleted item or section comes back exactly as it was on undo")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplate("kickoff"));
    const Checklist before = f.committed();
    const ChecklistItem second = before.items.at(1);
    REQUIRE(f.session.setNote(second.id, "keep me"));
    REQUIRE(f.session.deleteItem(second.id));
    CHECK(f.committed().items.size() == before.items.size() - 1);
    REQUIRE(f.session.undo());
    Checklist restored = f.committed();
    REQUIRE(restored.items.size() == before.items.size());
    CHECK(restored.items.at(1).id == second.id);
    CHECK(restored.items.at(1).note == "keep me");
    CHECK(f.titles(restored) == f.titles(before));

    const std::int64_t firstSection = before.sections.at(0).id;
    const std::size_t inFirst = static_cast<std::size_t>(std::count_if(
        before.items.begin(), before.items.end(), [&](const auto& i) { return i.section_id == firstSection; }));
    REQUIRE(f.session.deleteSection(firstSection));
    CHECK(f.committed().items.size() == before.items.size() - inFirst);
    CHECK(f.committed().sections.size() == before.sections.size() - 1);
    REQUIRE(f.session.undo());
    CHECK(f.titles(f.committed()) == f.titles(before));
    CHECK(f.committed().sections.size() == before.sections.size());
    REQUIRE(f.session.redo());
    CHECK(f.committed().sections.size() == before.sections.size() - 1);

    // The history keeps a record of each of these.
    auto store = Store::open(f.folder.store);
    REQUIRE(store);
    auto history = store.value().history(before.document_id);
    REQUIRE(history);
    std::vector<std::string> fields;
    for (const auto& entry : history.value())
        fields.push_back(entry.field);
    CHECK(std::count(fields.begin(), fields.end(), "deleted") == 1);
    CHECK(std::count(fields.begin(), fields.end(), "restored") == 1);
    CHECK(std::count(fields.begin(), fields.end(), "section-deleted") == 2);
    CHECK(std::count(fields.begin(), fields.end(), "section-restored") == 1);
}

TEST_CASE("items move within and across sections, and sections move")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplate("kickoff"));
    const Checklist before = f.committed();
    REQUIRE(before.sections.size() >= 2);
    // The last item of the first section moves down into the second section's top.
    std::int64_t lastOfFirst = 0;
    for (const auto& item : before.items)
        if (item.section_id == before.sections[0].id)
            lastOfFirst = item.id;
    REQUIRE(f.session.moveItem(lastOfFirst, +1));
    Checklist after = f.committed();
    const auto moved = std::find_if(after.items.begin(), after.items.end(), [&](auto& i) { return i.id == lastOfFirst; });
    REQUIRE(moved != after.items.end());
    CHECK(moved->section_id == before.sections[1].id);
    const auto firstOfSecond = std::find_if(after.items.begin(), after.items.end(),
                                            [&](auto& i) { return i.section_id == before.sections[1].id; });
    CHECK(firstOfSecond->id == lastOfFirst);
    REQUIRE(f.session.undo());
    CHECK(f.titles(f.committed()) == f.titles(before));

    // The very first item cannot move up: nothing changes, nothing to undo.
    REQUIRE(f.session.moveItem(before.items.front().id, -1));
    CHECK(f.titles(f.committed()) == f.titles(before));

    REQUIRE(f.session.moveSection(before.sections[1].id, -1));
    CHECK(f.committed().sections.front().id == before.sections[1].id);
    CHECK(f.committed().items.front().section_id == before.sections[1].id);
    REQUIRE(f.session.undo());
    CHECK(f.committed().sections.front().id == before.sections[0].id);
}

TEST_CASE("a template item's text is fixed, but it can become an editable custom copy in its place")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplate("kickoff"));
    const Checklist before = f.committed();
    const ChecklistItem original = before.items.at(2);
    CHECK_FALSE(f.session.renameItem(original.id, "my words"));
    REQUIRE(f.session.setStatus(original.id, ItemStatus::NotApplicable));
    CHECK(countWith(f.committed(), ItemStatus::NotApplicable) == 1);
    REQUIRE(f.session.setStatus(original.id, ItemStatus::InProgress));
    REQUIRE(f.session.setDue(original.id, "2026-12-24"));

    const std::string title = f.session.itemTitle(original, std::locale::classic());
    auto copy = f.session.makeCustomCopy(original.id, title + " (our way)");
    REQUIRE(copy);
    Checklist after = f.committed();
    REQUIRE(after.items.size() == before.items.size());
    CHECK(after.items.at(2).id == copy.value());
    CHECK(after.items.at(2).template_key.empty());
    CHECK(after.items.at(2).custom_text == title + " (our way)");
    CHECK(after.items.at(2).status == ItemStatus::InProgress);
    CHECK(after.items.at(2).due == "2026-12-24");
    REQUIRE(f.session.renameItem(copy.value(), "Now it is mine"));

    REQUIRE(f.session.undo()); // the rename
    REQUIRE(f.session.undo()); // the copy
    after = f.committed();
    CHECK(after.items.at(2).id == original.id);
    CHECK(after.items.at(2).item_key == original.item_key);
    CHECK(after.items.at(2).due == "2026-12-24");
    REQUIRE(f.session.redo());
    CHECK(f.committed().items.at(2).id == copy.value());
}

TEST_CASE("the filter matches text the language's way, status, owner and overdue")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplates({}));
    auto section = f.session.addSection("İş");
    REQUIRE(section);
    auto izmir = f.session.addItem(section.value(), "İZMİR ofisine taslak gönder");
    auto invoice = f.session.addItem(section.value(), "Send the FILE and the invoice");
    auto late = f.session.addItem(section.value(), "Deliver the icons");
    REQUIRE(izmir);
    REQUIRE(invoice);
    REQUIRE(late);
    REQUIRE(f.session.setDue(late.value(), "2026-11-01"));
    REQUIRE(f.session.setStatus(invoice.value(), ItemStatus::WaitingOnClient, "needs the PO number"));
    REQUIRE(f.session.setOwner(invoice.value(), Owner::Client));
    const Localization& localization = Localization::shared();

    const auto shownIds = [&](const ItemFilter& filter, Language language) {
        std::vector<std::int64_t> ids;
        for (const auto& row : f.session.rows(filter, localization, language, "2026-11-23"))
            if (row.kind == ChecklistRow::Kind::Item)
                ids.push_back(f.session.checklist()->items.at(row.index).id);
        return ids;
    };
    using Ids = std::vector<std::int64_t>;
    CHECK(shownIds({}, Language::English).size() == 3);
    CHECK(shownIds({"izmir", {}, {}, false}, Language::Turkish) == Ids{izmir.value()});
    CHECK(shownIds({"file", {}, {}, false}, Language::Turkish) == Ids{invoice.value()});
    CHECK(shownIds({"po number", {}, {}, false}, Language::English) == Ids{invoice.value()}); // the reason counts
    CHECK(shownIds({{}, ItemStatus::WaitingOnClient, {}, false}, Language::English) == Ids{invoice.value()});
    CHECK(shownIds({{}, {}, Owner::Client, false}, Language::English) == Ids{invoice.value()});
    CHECK(shownIds({{}, {}, {}, true}, Language::English) == Ids{late.value()});
    CHECK(shownIds({"nothing like this", {}, {}, false}, Language::English).empty());
    // A heading shows only above matching items while filtering.
    CHECK(f.session.rows({"nothing like this", {}, {}, false}, localization, Language::English, "2026-11-23").empty());
    const auto rows = f.session.rows({}, localization, Language::English, "2026-11-23");
    REQUIRE(rows.size() == 4);
    CHECK(rows.front().kind == ChecklistRow::Kind::Section);
}

TEST_CASE("the selected item is remembered per document")
{
    SessionFixture f;
    const std::string other = (f.folder.path / "contract.txt").string();
    REQUIRE(f.session.attachTemplate("kickoff"));
    const std::int64_t third = f.session.checklist()->items.at(2).id;
    f.session.selectItem(third);
    REQUIRE(f.session.setActiveDocument(other));
    CHECK_FALSE(f.session.selectedItem().has_value());
    REQUIRE(f.session.setActiveDocument(f.doc));
    REQUIRE(f.session.selectedItem().has_value());
    CHECK(*f.session.selectedItem() == third);
}

TEST_CASE("project settings, rounds and the update sent: each one undo step, committed, and the report language follows")
{
    SessionFixture f;
    REQUIRE(f.session.attachTemplate("kickoff"));
    CHECK_FALSE(f.session.defaultReportLanguage());
    ProjectSettings settings = projectSettingsOf(*f.session.checklist());
    settings.client_name = "Müşteri A.Ş.";
    settings.client_language = "tr";
    settings.update_rhythm = "weekly";
    settings.next_update_due = "2026-11-27";
    settings.revision_rounds_agreed = 1;
    REQUIRE(f.session.setProjectSettings(settings));
    CHECK(projectSettingsOf(f.committed()) == settings);
    CHECK(f.session.undoName() == "Change project settings");
    CHECK(f.session.defaultReportLanguage() == Language::Turkish);

    REQUIRE(f.session.startRevisionRound("Renkler"));
    CHECK(f.committed().revision_rounds_used == 1);
    CHECK(roundWouldExceedAgreed(*f.session.checklist()));
    auto rounds = f.session.revisionRounds();
    REQUIRE(rounds);
    REQUIRE(rounds.value().size() == 1);
    CHECK(rounds.value()[0].purpose == "Renkler");

    REQUIRE(f.session.markUpdateSent("2026-11-27"));
    CHECK(f.committed().next_update_due == "2026-12-04");
    CHECK(f.session.dueNext("2026-12-04", 0).update_due);
    CHECK_FALSE(f.session.dueNext("2026-12-03", 0).update_due);

    // Undo walks back: the update, the round, the settings, one step each.
    REQUIRE(f.session.undo());
    CHECK(f.committed().next_update_due == "2026-11-27");
    REQUIRE(f.session.undo());
    CHECK(f.committed().revision_rounds_used == 0);
    CHECK(f.session.revisionRounds().value().empty());
    // Redoing the round brings back what it was for, not a round without a purpose.
    REQUIRE(f.session.redo());
    CHECK(f.committed().revision_rounds_used == 1);
    rounds = f.session.revisionRounds();
    REQUIRE(rounds);
    REQUIRE(rounds.value().size() == 1);
    CHECK(rounds.value()[0].purpose == "Renkler");
    REQUIRE(f.session.undo());
    CHECK(f.session.revisionRounds().value().empty());
    REQUIRE(f.session.undo());
    CHECK(projectSettingsOf(f.committed()) == ProjectSettings{});
    REQUIRE(f.session.redo());
    CHECK(projectSettingsOf(f.committed()) == settings);

    // Without a rhythm there is no next update to move.
    settings.update_rhythm.clear();
    REQUIRE(f.session.setProjectSettings(settings));
    CHECK_FALSE(f.session.markUpdateSent("2026-11-27"));
}
