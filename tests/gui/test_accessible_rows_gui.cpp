// What a screen reader is given for the checklist's owner-drawn list (wxAccessible does
// not exist on GTK): the list's ATK role and name, and the selected row read out with its
// title, status, due date and owner, in the sidebar's language. Read back through ATK in
// the process (the AT-SPI bridge forwards exactly these); see FIELD-NOTES, route (a).
#include "checklist_view.h"
#include "document_paths.h"
#include "gui_support.h"
#include "localization.h"
#include "sidebar_controller.h"
#include "store.h"

#include <gtk/gtk.h>

#include <wx/process.h>
#include <wx/stream.h>
#include <wx/txtstrm.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdlib>
#include <thread>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::settle;

namespace {

// The accessible object of the list's drawing area, as an AT-SPI client reaches it.
AtkObject* accessibleOf(ui::ChecklistView* list)
{
    GtkWidget* widget = list->m_wxwindow ? list->m_wxwindow : list->m_widget;
    REQUIRE(widget != nullptr);
    AtkObject* accessible = gtk_widget_get_accessible(widget);
    REQUIRE(accessible != nullptr);
    return accessible;
}

wxString described(ui::ChecklistView* list)
{
    const char* text = atk_object_get_description(accessibleOf(list));
    return text ? wxString::FromUTF8(text) : wxString();
}

// Asks AT-SPI, from another process over the accessibility bus, for the description of the
// list named `name` in this process, while this process keeps answering.
wxString readOverAtspi(const wxString& name)
{
    auto* process = new wxProcess(wxPROCESS_REDIRECT);
    bool ended = false;
    int status = -1;
    process->Bind(wxEVT_END_PROCESS, [&](wxProcessEvent& event) {
        ended = true;
        status = event.GetExitCode();
    });
    const wxString script = wxString(RAPPORT_SOURCE_DIR) + "/tests/gui/atspi_list_description.py";
    const wxString command = "/usr/bin/python3 '" + script + "' '" + name + "' " + wxString::Format("%lu", wxGetProcessId());
    REQUIRE(wxExecute(command, wxEXEC_ASYNC, process) > 0);
    std::string bytes; // UTF-8 from the reader
    const auto drain = [&] {
        while (process->IsInputAvailable()) {
            const int c = process->GetInputStream()->GetC();
            if (c == wxEOF || process->GetInputStream()->LastRead() == 0)
                break;
            bytes += static_cast<char>(c);
        }
    };
    for (int i = 0; i < 1500 && !ended; ++i) {
        settle();
        drain();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    drain();
    REQUIRE_MESSAGE(ended, "the AT-SPI reader did not finish");
    CHECK_MESSAGE(status == 0, "AT-SPI found no list named " << name.utf8_string());
    return wxString::FromUTF8(bytes).Trim();
}

} // namespace

TEST_CASE("a screen reader reads the selected row over the AT-SPI bus, in English and in Russian")
{
    REQUIRE_MESSAGE(std::getenv("DBUS_SESSION_BUS_ADDRESS") != nullptr, "run under dbus-run-session (see CMakeLists)");
    REQUIRE(std::getenv("NO_AT_BRIDGE") == nullptr);
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("tick 1"));
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    auto* list = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");
    wxString read = readOverAtspi("Checklist items");
    INFO(read.utf8_string());
    CHECK(read.StartsWith(list->selectedRow()->title));
    CHECK(read.Contains("Done"));
    CHECK(read.Contains("we act"));

    sidebar.setLanguage(Language::Russian);
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    read = readOverAtspi(wxString::FromUTF8("Пункты чек-листа"));
    INFO(read.utf8_string());
    CHECK(read.StartsWith(list->selectedRow()->title));
    CHECK(read.Contains(wxString::FromUTF8("Готово")));
}

TEST_CASE("the selected checklist row reaches the accessibility layer with its title, status, due date and owner")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    {
        auto store = Store::open(data.path / "rapport.sqlite3");
        REQUIRE(store);
        auto found = store.value().checklistFor(canonicalDocumentPath(doc));
        REQUIRE(found);
        REQUIRE(found.value().has_value());
        const Checklist& checklist = *found.value();
        REQUIRE(store.value().setDue(checklist.document_id, checklist.items[0].id, "2024-01-15"));
        REQUIRE(store.value().setOwner(checklist.document_id, checklist.items[0].id, Owner::Client));
    }
    sidebar.onActiveDocumentChanged((data.path / "other.txt").string());
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("tick 1"));
    settle();
    auto* list = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");

    CHECK(atk_object_get_role(accessibleOf(list)) == ATK_ROLE_LIST);
    CHECK(wxString::FromUTF8(atk_object_get_name(accessibleOf(list))) == "Checklist items");

    REQUIRE(sidebar.runTestCommand("select 0"));
    settle();
    const auto* first = list->selectedRow();
    REQUIRE(first != nullptr);
    wxString spoken = described(list);
    INFO(spoken.utf8_string());
    CHECK(spoken.StartsWith(first->title));
    CHECK(spoken.Contains("To do"));
    CHECK(spoken.Contains("Overdue"));
    CHECK(spoken.Contains("client to act"));

    // Moving the selection tells the new row; a done item says so.
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    spoken = described(list);
    CHECK(spoken.StartsWith(list->selectedRow()->title));
    CHECK(spoken.Contains("Done"));

    // In Russian, the same row in Russian words, the list's name too.
    sidebar.setLanguage(Language::Russian);
    settle();
    CHECK(wxString::FromUTF8(atk_object_get_name(accessibleOf(list))) == wxString::FromUTF8("Пункты чек-листа"));
    REQUIRE(sidebar.runTestCommand("select 0"));
    settle();
    spoken = described(list);
    INFO(spoken.utf8_string());
    CHECK(spoken.StartsWith(list->selectedRow()->title));
    CHECK(spoken.Contains(wxString::FromUTF8("Просрочено")));
    CHECK(spoken.Contains(wxString::FromUTF8("за клиентом")));
}
