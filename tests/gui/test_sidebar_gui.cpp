// The real sidebar panel in a real window under Xvfb.
#include "gui_support.h"
#include "sidebar_controller.h"
#include "store.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/stattext.h>

using namespace rapport;
using rapport::testing::findNamed;

TEST_CASE("the sidebar offers a template, attaches it and stores a tick")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host;
    ui::SidebarController sidebar(host);
    rapport::testing::settle();
    wxWindow* panel = sidebar.panel();

    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    rapport::testing::settle();
    auto* attach = findNamed<wxButton>(panel, "rapport-attach");
    auto* items = findNamed<wxCheckListBox>(panel, "rapport-items");
    CHECK(attach->IsShown());
    CHECK_FALSE(items->IsShown());
    CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == "brief.md");

    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    rapport::testing::settle();
    CHECK_FALSE(attach->IsShown());
    REQUIRE(items->IsShown());
    REQUIRE(items->GetCount() >= 3);
    CHECK(items->GetString(0) == "Write down what is in scope and what is not");

    REQUIRE(sidebar.runTestCommand("tick 0"));
    CHECK(items->IsChecked(0));
    CHECK(host.errors.empty());

    // A second, independent connection sees the committed tick.
    auto store = Store::open(data.path / "rapport.sqlite3");
    REQUIRE(store);
    auto checklist = store.value().checklistFor(canonicalDocumentPath(doc));
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    CHECK(checklist.value()->items[0].done);
    CHECK_FALSE(checklist.value()->items[1].done);
}

TEST_CASE("switching documents switches the checklist shown")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host;
    ui::SidebarController sidebar(host);
    const std::string docA = (data.path / "contract.txt").string();
    const std::string docB = (data.path / "заметки 客户.md").string();

    sidebar.onActiveDocumentChanged(docA);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    sidebar.onActiveDocumentChanged(docB);
    rapport::testing::settle();
    wxWindow* panel = sidebar.panel();
    CHECK(findNamed<wxButton>(panel, "rapport-attach")->IsShown());
    CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == wxString::FromUTF8("заметки 客户.md"));

    sidebar.onActiveDocumentChanged(docA);
    rapport::testing::settle();
    CHECK(findNamed<wxCheckListBox>(panel, "rapport-items")->IsShown());
    CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == "contract.txt");

    sidebar.onActiveDocumentChanged("");
    rapport::testing::settle();
    CHECK_FALSE(findNamed<wxCheckListBox>(panel, "rapport-items")->IsShown());
    CHECK_FALSE(findNamed<wxButton>(panel, "rapport-attach")->IsShown());
}

TEST_CASE("an unusable store is explained in the panel and the host lives on")
{
    rapport::testing::DataFolder data;
    // A regular file where the data folder should be.
    const auto blocked = data.path / "blocked";
    { std::ofstream(blocked) << "x"; }
    setenv("RAPPORT_DATA_DIR", blocked.c_str(), 1);
    rapport::testing::FrameHost host;
    ui::SidebarController sidebar(host);
    sidebar.onActiveDocumentChanged("/tmp/brief.md");
    rapport::testing::settle();
    REQUIRE_FALSE(host.errors.empty());
    CHECK(host.errors.front().find("cannot create the folder") != std::string::npos);
    wxString shown = findNamed<wxStaticText>(sidebar.panel(), "rapport-empty")->GetLabel();
    shown.Replace("\n", " "); // the label is wrapped to the panel's width
    CHECK(shown.Find("cannot create the folder") != wxNOT_FOUND);
    CHECK_FALSE(findNamed<wxButton>(sidebar.panel(), "rapport-attach")->IsShown());
}
