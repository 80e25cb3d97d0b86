// A shared checklist in the real sidebar under Xvfb: when its sidecar changes on disk (a
// colleague's changes arriving by git or a synced folder), the sidebar redraws within a
// second by itself, keeps the selected item and the note being typed, says whose change
// replaced the user's, and shows that the checklist is shared and who changed it last.
#include "checklist_view.h"
#include "gui_support.h"
#include "sharing.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "sidecar_file.h"
#include "sidecar_format.h"
#include "sidecar_watch.h"
#include "store.h"

#include "atomic_file.h"
#include "calendar.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace rapport;
using rapport::testing::committedChecklist;
using rapport::testing::readBytes;
using rapport::testing::findNamed;
using rapport::testing::settle;

namespace {

// A colleague: a store and a copy of the project folder of their own.
struct Colleague {
    std::string document;
    std::optional<Store> store;
    std::unique_ptr<Sharing> sharing;

    Colleague(const std::filesystem::path& folder, const std::filesystem::path& from_sidecar)
        : document((folder / "brief.md").string())
    {
        std::filesystem::create_directories(folder / ".rapport");
        std::ofstream(document) << "# Brief\n";
        std::filesystem::copy_file(from_sidecar, sidecar::pathFor(document));
        auto opened = Store::open(folder / "store.sqlite3");
        REQUIRE(opened);
        store.emplace(std::move(opened.value()));
        sharing = std::make_unique<Sharing>(*store);
        store->setAuthor("Bo Chen");
        auto joined = sharing->sync(document);
        REQUIRE(joined);
        REQUIRE(joined.value().joined);
    }

    Checklist checklist() { return *store->checklistFor(document).value(); }

    // Delivers this colleague's sidecar into `to`, as a git merge with the driver does.
    void deliver(const std::filesystem::path& to)
    {
        const auto merged = sidecar::mergeTexts({readBytes(to), readBytes(sidecar::pathFor(document))});
        REQUIRE(merged);
        REQUIRE(writeFileAtomically(to, *merged));
    }
};

// A label's text as one line: wrapping to the sidebar's width puts line breaks anywhere.
wxString unwrapped(wxStaticText* label)
{
    wxString text = label->GetLabel();
    text.Replace("\n", " ");
    return text;
}

} // namespace

TEST_CASE("the sidebar redraws when the shared sidecar changes on disk, keeping the selection and the typed note")
{
    rapport::testing::DataFolder data;
    // The author is git's user.name where the document lives: a configuration of the test's own.
    const std::filesystem::path gitConfig = data.path / "gitconfig";
    std::ofstream(gitConfig) << "[user]\n\tname = Ana Lima\n";
    setenv("GIT_CONFIG_GLOBAL", gitConfig.c_str(), 1);
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    rapport::testing::FrameHost host(340);
    ui::SidebarController sidebar(host.frame, host);
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    const std::filesystem::path project = data.path / "project";
    std::filesystem::create_directories(project);
    const std::string doc = canonicalDocumentPath((project / "brief.md").string());
    std::ofstream(doc) << "# Brief\n";
    sidebar.onActiveDocumentChanged(doc);
    settle();
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    settle();
    auto* shared = findNamed<wxStaticText>(panel, "rapport-shared");
    CHECK_FALSE(shared->IsShown());

    // Share… (the dialog's confirmation skipped): the sidecar appears, the header says so.
    panel->shareChecklist(false);
    settle();
    const std::filesystem::path file = sidecar::pathFor(doc);
    REQUIRE(std::filesystem::exists(file));
    CHECK(shared->IsShown());
    CHECK(shared->GetLabel().StartsWith("Shared with the project"));

    Colleague bo(data.path / "bo", file);
    CHECK(bo.checklist().items.size() == committedChecklist(data.path, doc).items.size());

    // The user sets an item Blocked; a moment later Bo sets it Done and adds an item.
    const Checklist before = committedChecklist(data.path, doc);
    REQUIRE(sidebar.runTestCommand("select 2"));
    settle();
    const ChecklistItem contested = before.items[2];
    auto* status = findNamed<wxChoice>(panel, "rapport-status");
    status->SetSelection(static_cast<int>(ItemStatus::Blocked));
    wxCommandEvent chosen(wxEVT_CHOICE, status->GetId());
    chosen.SetInt(static_cast<int>(ItemStatus::Blocked));
    status->GetEventHandler()->ProcessEvent(chosen);
    settle();
    REQUIRE(committedChecklist(data.path, doc).items[2].status == ItemStatus::Blocked);
    CHECK(sidebar.panel() != nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const std::int64_t boDoc = bo.checklist().document_id;
    REQUIRE(bo.store->setStatus(boDoc, contested.id, ItemStatus::Done, {}, nowSeconds()));
    REQUIRE(bo.store->addCustomItem(boDoc, 0, "Bo's item from his clone"));
    // Then the user adds an item of her own and selects it. Bo's came first by the clock, so
    // the replay gives Bo's the next id and hers the one after: her item's id moves.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto* newItem = findNamed<wxTextCtrl>(panel, "rapport-new-item");
    newItem->SetValue("Ana's own item");
    wxCommandEvent entered(wxEVT_TEXT_ENTER, newItem->GetId());
    newItem->GetEventHandler()->ProcessEvent(entered);
    settle();
    const Checklist withMine = committedChecklist(data.path, doc);
    std::size_t index = 0;
    while (index < withMine.items.size() && withMine.items[index].custom_text != "Ana's own item")
        ++index;
    REQUIRE(index < withMine.items.size());
    const ChecklistItem selected = withMine.items[index];
    REQUIRE(sidebar.runTestCommand("select " + std::to_string(index)));
    settle();
    const auto idOf = [&](const std::string& uid) {
        for (const auto& item : committedChecklist(data.path, doc).items)
            if (item.uid == uid)
                return item.id;
        return std::int64_t{0};
    };

    // The sidecar changes on disk; nothing is called: the sidebar's own watch notices.
    const std::size_t itemsBefore = withMine.items.size();
    bo.deliver(file);
    auto* list = findNamed<ui::ChecklistView>(panel, "rapport-items");
    const auto itemRows = [&] {
        std::size_t n = 0;
        for (const auto& row : list->rows())
            n += row.section ? 0 : 1;
        return n;
    };
    for (int i = 0; i < 60 && itemRows() == itemsBefore; ++i) { // up to 3 s; it takes one poll
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        settle();
    }
    REQUIRE(itemRows() == itemsBefore + 1);
    // Bo's later Done won; the selection stayed on the same item, under its new id.
    CHECK(committedChecklist(data.path, doc).items[2].status == ItemStatus::Done);
    CHECK(idOf(selected.uid) == selected.id + 1);
    const ui::ChecklistViewRow* row = list->selectedRow();
    REQUIRE(row != nullptr);
    CHECK_FALSE(row->section);
    CHECK(row->id == idOf(selected.uid));
    CHECK(findNamed<wxTextCtrl>(panel, "rapport-detail-title")->GetValue() == "Ana's own item");
    // Whose change won, in words; and who changed the checklist last.
    auto* message = findNamed<wxStaticText>(panel, "rapport-problem");
    CHECK(message->IsShown());
    CHECK(unwrapped(message).Contains("Bo Chen set Done at"));
    CHECK(unwrapped(message).Contains("your Blocked is in the history"));
    CHECK(unwrapped(shared).Contains("last change by Ana Lima")); // her item came after Bo's
    // The undo history of the refreshed checklist is cleared (its steps named old ids).
    CHECK_FALSE(findNamed<wxButton>(panel, "rapport-undo")->IsEnabled());
    CHECK(rapport::testing::screenshot(panel, "sharing-refreshed.png"));

    // A note being typed when the next change arrives is kept, and committed first.
    auto* note = findNamed<wxTextCtrl>(panel, "rapport-note");
    note->SetFocus();
    note->SetValue("Typed while Bo was working");
    REQUIRE(bo.store->setNote(boDoc, bo.checklist().items[0].id, "Bo's note elsewhere"));
    bo.deliver(file);
    sidebar.sidecarWatch().check(); // what the next tick does, without waiting for it
    settle();
    CHECK(note->GetValue() == "Typed while Bo was working");
    const auto mine = [&] {
        for (const auto& item : committedChecklist(data.path, doc).items)
            if (item.uid == selected.uid)
                return item;
        return ChecklistItem{};
    };
    CHECK(mine().note == "Typed while Bo was working");
    CHECK(committedChecklist(data.path, doc).items[0].note == "Bo's note elsewhere");
    CHECK(unwrapped(shared).Contains("last change by Ana Lima")); // her note came last
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(bo.store->setDeadline(boDoc, "2031-06-30"));
    bo.deliver(file);
    sidebar.sidecarWatch().check();
    settle();
    CHECK(unwrapped(shared).Contains("last change by Bo Chen"));
    REQUIRE(list->selectedRow() != nullptr);
    CHECK(list->selectedRow()->id == idOf(selected.uid));
    // Bo reads the user's note back from the sidecar: both replicas agree.
    REQUIRE(writeFileAtomically(sidecar::pathFor(bo.document),
                                *sidecar::mergeTexts({readBytes(sidecar::pathFor(bo.document)), readBytes(file)})));
    REQUIRE(bo.sharing->sync(bo.document));
    CHECK(rapport::testing::screenshot(panel, "sharing-typing.png"));
    const Checklist boSees = bo.checklist();
    CHECK(std::any_of(boSees.items.begin(), boSees.items.end(), [&](const ChecklistItem& item) {
        return item.uid == selected.uid && item.note == "Typed while Bo was working";
    }));
    CHECK(host.errors.empty());
    unsetenv("GIT_CONFIG_GLOBAL");
    unsetenv("GIT_CONFIG_NOSYSTEM");
}

TEST_CASE("a document whose sidecar this store has never seen is joined when it becomes active")
{
    rapport::testing::DataFolder data;
    // A colleague's clone with a shared checklist, copied into this user's project folder.
    const std::filesystem::path theirs = data.path / "theirs";
    std::filesystem::create_directories(theirs);
    const std::string theirDoc = (theirs / "plan.md").string();
    std::ofstream(theirDoc) << "# Plan\n";
    {
        auto store = Store::open(theirs / "store.sqlite3");
        REQUIRE(store);
        Sharing sharing(store.value());
        REQUIRE(store.value().attach(theirDoc, "handover", {{"handover", "requirements-checked", {}, "delivery"},
                                                         {"handover", "documentation", {}, "delivery"}}));
        REQUIRE(sharing.share(theirDoc));
    }
    const std::filesystem::path mine = data.path / "mine";
    std::filesystem::create_directories(mine / ".rapport");
    const std::string myDoc = (mine / "plan.md").string();
    std::ofstream(myDoc) << "# Plan\n";
    std::filesystem::copy_file(sidecar::pathFor(theirDoc), sidecar::pathFor(myDoc));

    rapport::testing::FrameHost host(340);
    ui::SidebarController sidebar(host.frame, host);
    settle();
    sidebar.onActiveDocumentChanged(myDoc);
    settle();
    auto* panel = sidebar.panel();
    CHECK(findNamed<ui::ChecklistView>(panel, "rapport-items")->IsShownOnScreen());
    CHECK(findNamed<wxStaticText>(panel, "rapport-shared")->IsShown());
    CHECK(unwrapped(findNamed<wxStaticText>(panel, "rapport-problem")).Contains("is now attached here"));
    CHECK(committedChecklist(data.path, myDoc).items.size() == 2);
    CHECK(rapport::testing::screenshot(panel, "sharing-joined.png"));
}
