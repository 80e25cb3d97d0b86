// A store that cannot be written, in the real sidebar under Xvfb: noticed when the store
// opens, the checklist shown read-only with a plain explanation in the panel's language
// and what to do, no edit control active, and nothing written when a tick is tried anyway.
#include "../read_only.h"
#include "checklist_view.h"
#include "gui_support.h"
#include "sidebar_controller.h"
#include "store.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/settings.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>
#include <iterator>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::settle;

namespace {

std::string bytesOf(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// SQLite's own sentences, which the user must never read in the panel.
bool hasSqliteWords(const wxString& text)
{
    return text.Contains("readonly database") || text.Contains("attempt to write") || text.Contains("unable to open") ||
           text.Contains("SQLITE");
}

} // namespace

TEST_CASE("a read-only store: the checklist is shown read-only, explained, and nothing is written")
{
    rapport::testing::DataFolder data;
    const std::string doc = (data.path / "brief.md").string();
    {
        rapport::testing::FrameHost host(340);
        ui::SidebarController sidebar(host.frame, host);
        sidebar.setLanguage(Language::English);
        sidebar.onActiveDocumentChanged(doc);
        REQUIRE(sidebar.runTestCommand("attach kickoff"));
        REQUIRE(sidebar.runTestCommand("tick 0"));
    }
    const auto store = data.path / "rapport.sqlite3";
    REQUIRE(std::filesystem::exists(store));
    // The folder and the file: SQLite then cannot even make its -wal and -shm files.
    rapport::testing::ReadOnly readOnly({store, data.path});
    const std::string before = bytesOf(store);

    rapport::testing::FrameHost host(340);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged(doc);
    settle();
    wxWindow* panel = sidebar.panel();

    // The checklist is there, with the tick made before.
    auto* list = findNamed<ui::ChecklistView>(panel, "rapport-items");
    REQUIRE(list->IsShownOnScreen());
    CHECK(list->rows().size() > 10);
    // Noticed at once, before any click: the situation and what to do, in plain words.
    auto* notice = findNamed<wxStaticText>(panel, "rapport-read-only");
    CHECK(notice->IsShownOnScreen());
    const wxString explained = notice->GetLabelText();
    CHECK(explained.Contains("read-only"));
    CHECK(explained.Contains("writable"));
    CHECK_FALSE(hasSqliteWords(explained));
    CHECK(notice->GetForegroundColour() != wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));

    // No edit control is active.
    CHECK_FALSE(findNamed<wxTextCtrl>(panel, "rapport-new-item")->IsEnabled());
    CHECK_FALSE(findNamed<wxButton>(panel, "rapport-add-section")->IsEnabled());
    CHECK_FALSE(findNamed<wxButton>(panel, "rapport-undo")->IsEnabled());
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    CHECK_FALSE(findNamed<wxChoice>(panel, "rapport-status")->IsEnabled());
    CHECK_FALSE(findNamed<wxTextCtrl>(panel, "rapport-note")->IsEnabled());
    CHECK_FALSE(findNamed<wxChoice>(panel, "rapport-owner")->IsEnabled());
    CHECK_FALSE(findNamed<wxCheckBox>(panel, "rapport-internal")->IsEnabled());
    CHECK(rapport::testing::screenshot(panel, "read-only-store.png"));

    // A tick tried anyway (the keyboard, the test channel): refused, explained the same
    // way, no SQLite sentence anywhere, and the store's bytes unchanged.
    REQUIRE(sidebar.runTestCommand("tick 1"));
    settle();
    const auto* problem = findNamed<wxStaticText>(panel, "rapport-problem");
    CHECK_FALSE(hasSqliteWords(problem->GetLabelText()));
    CHECK(notice->IsShownOnScreen());
    CHECK(bytesOf(store) == before);
    CHECK_FALSE(std::filesystem::exists(store.string() + "-wal"));

    // In Russian the explanation is Russian.
    sidebar.setLanguage(Language::Russian);
    settle();
    CHECK(notice->GetLabelText() != explained);
    CHECK_FALSE(notice->GetLabelText().Contains("read-only"));
    CHECK(rapport::testing::screenshot(panel, "read-only-store-ru.png"));
}

TEST_CASE("a read-only data folder without a store: the sidebar says why and what to do")
{
    rapport::testing::DataFolder data;
    rapport::testing::ReadOnly readOnly({data.path});
    rapport::testing::FrameHost host(340);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    settle();
    CHECK_FALSE(std::filesystem::exists(data.path / "rapport.sqlite3"));
    CHECK_FALSE(host.errors.empty());
    CHECK(host.errors.front().find("read-only") != std::string::npos);
}
