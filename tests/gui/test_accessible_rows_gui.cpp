// What a screen reader is given for the checklist's owner-drawn list (wxAccessible does
// not exist on GTK): every row as an accessible child with its title, status, due date and
// owner in the sidebar's language and its states (selected, checked when done), read back
// by another process over the AT-SPI bus; and the list's ATK role, name and description
// (the selected row) read in the process. See accessible_rows.h and FIELD-NOTES, route (b).
#include "checklist_view.h"
#include "document_paths.h"
#include "gui_support.h"
#include "localization.h"
#include "sidebar_controller.h"
#include "store.h"

#include <gtk/gtk.h>

#include <wx/arrstr.h>
#include <wx/process.h>
#include <wx/stream.h>
#include <wx/txtstrm.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

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

// What another process reads of the list over AT-SPI: its description, the number of
// children it reports, and each child's role, states and name.
struct ReadRow {
    wxString role;
    wxArrayString states;
    wxString name;
    bool has(const char* state) const { return states.Index(state) != wxNOT_FOUND; }
};
struct ReadList {
    wxString description;
    long count = -1;
    std::vector<ReadRow> rows;
};

// Asks AT-SPI, from another process over the accessibility bus, for the list named `name`
// in this process, while this process keeps answering.
ReadList readOverAtspi(const wxString& name)
{
    auto* process = new wxProcess(wxPROCESS_REDIRECT);
    bool ended = false;
    int status = -1;
    process->Bind(wxEVT_END_PROCESS, [&](wxProcessEvent& event) {
        ended = true;
        status = event.GetExitCode();
    });
    const wxString script = wxString(RAPPORT_SOURCE_DIR) + "/tests/gui/atspi_list_rows.py";
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
    ReadList read;
    for (const wxString& line : wxSplit(wxString::FromUTF8(bytes), '\n', '\0')) {
        const wxArrayString fields = wxSplit(line, '\t', '\0');
        if (fields.size() == 2 && fields[0] == "description")
            read.description = fields[1];
        else if (fields.size() == 2 && fields[0] == "count")
            fields[1].ToLong(&read.count);
        else if (fields.size() == 5 && fields[0] == "row")
            read.rows.push_back({fields[2], wxSplit(fields[3], ',', '\0'), fields[4]});
    }
    return read;
}

// Every row as read over AT-SPI matches the row drawn: one child per row, a list item
// named with the row's title and the words of its second line, checkable when an item,
// checked when done, and only the selected row selected.
void checkEveryRow(const ReadList& read, ui::ChecklistView* list)
{
    const auto& rows = list->rows();
    REQUIRE(rows.size() >= 3);
    CHECK(read.count == static_cast<long>(rows.size()));
    REQUIRE(read.rows.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ui::ChecklistViewRow& row = rows[i];
        const ReadRow& got = read.rows[i];
        INFO("row " << i << ": " << got.name.utf8_string() << " [" << wxJoin(got.states, ',').utf8_string() << "]");
        CHECK(got.role == "list item");
        CHECK(got.name.StartsWith(row.title));
        if (row.section) {
            CHECK(got.name.Contains(row.progressText));
            CHECK_FALSE(got.has("checkable"));
        } else {
            for (const wxString* part : {&row.statusWord, &row.dueText, &row.ownerText})
                if (!part->empty())
                    CHECK(got.name.Contains(*part));
            CHECK(got.has("checkable"));
            CHECK(got.has("checked") == (row.status == ItemStatus::Done));
        }
        CHECK(got.has("selected") == (list->GetSelection() == static_cast<int>(i)));
    }
}

// The read row whose name starts with `title`, or nullptr.
const ReadRow* rowTitled(const ReadList& read, const wxString& title)
{
    for (const ReadRow& row : read.rows)
        if (row.name.StartsWith(title))
            return &row;
    return nullptr;
}

// Puts a due date long past and the client as owner on the first item of `doc`'s checklist.
void makeFirstItemOverdueOnClient(const rapport::testing::DataFolder& data, const std::string& doc)
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

} // namespace

TEST_CASE("a screen reader reads every row over the AT-SPI bus, follows a tick, and reads them again in Russian")
{
    REQUIRE_MESSAGE(std::getenv("DBUS_SESSION_BUS_ADDRESS") != nullptr, "run under dbus-run-session (see CMakeLists)");
    REQUIRE(std::getenv("NO_AT_BRIDGE") == nullptr);
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    makeFirstItemOverdueOnClient(data, doc);
    sidebar.onActiveDocumentChanged((data.path / "other.txt").string());
    sidebar.onActiveDocumentChanged(doc);
    auto* list = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");
    REQUIRE(list != nullptr);
    REQUIRE(sidebar.runTestCommand("select 2"));
    REQUIRE(list->selectedRow() != nullptr);
    const wxString secondTitle = list->selectedRow()->title; // item 2, ticked later
    REQUIRE(sidebar.runTestCommand("tick 1"));
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();

    // English: every row, with its words and states.
    ReadList read = readOverAtspi("Checklist items");
    INFO(read.description.utf8_string());
    checkEveryRow(read, list);
    const ui::ChecklistViewRow* selected = list->selectedRow();
    REQUIRE(selected != nullptr);
    CHECK(read.description.StartsWith(selected->title));
    const ReadRow* ticked = rowTitled(read, selected->title);
    REQUIRE(ticked != nullptr);
    CHECK(ticked->has("selected"));
    CHECK(ticked->has("checked"));
    CHECK(ticked->name.Contains("Done"));
    CHECK(ticked->name.Contains("we act"));
    std::size_t overdue = 0, done = 0;
    for (const ReadRow& row : read.rows) {
        overdue += row.name.Contains("Overdue: ") && row.name.Contains("client to act") ? 1 : 0;
        done += row.has("checked") ? 1 : 0;
    }
    CHECK(overdue == 1);
    CHECK(done == 1);

    // A tick is followed: the row of item 2 becomes checked and says Done.
    const ReadRow* before = rowTitled(read, secondTitle);
    REQUIRE(before != nullptr);
    CHECK_FALSE(before->has("checked"));
    REQUIRE(sidebar.runTestCommand("tick 2"));
    settle();
    read = readOverAtspi("Checklist items");
    checkEveryRow(read, list);
    const ReadRow* after = rowTitled(read, secondTitle);
    REQUIRE(after != nullptr);
    CHECK(after->has("checked"));
    CHECK(after->name.Contains("Done"));

    // Russian: the same rows re-read in Russian words, the list's name too.
    std::vector<wxString> english;
    for (const ReadRow& row : read.rows)
        english.push_back(row.name);
    sidebar.setLanguage(Language::Russian);
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    read = readOverAtspi(wxString::FromUTF8("Пункты чек-листа"));
    INFO(read.description.utf8_string());
    checkEveryRow(read, list);
    CHECK(read.description.StartsWith(list->selectedRow()->title));
    REQUIRE(read.rows.size() == english.size());
    std::size_t changed = 0, russianDone = 0, russianOverdue = 0;
    for (std::size_t i = 0; i < read.rows.size(); ++i) {
        changed += read.rows[i].name != english[i] ? 1 : 0;
        russianDone += read.rows[i].has("checked") && read.rows[i].name.Contains(wxString::FromUTF8("Готово")) ? 1 : 0;
        russianOverdue += read.rows[i].name.Contains(wxString::FromUTF8("Просрочено")) &&
                                  read.rows[i].name.Contains(wxString::FromUTF8("за клиентом"))
                              ? 1
                              : 0;
        CHECK_FALSE(read.rows[i].name.Contains("Done"));
        CHECK_FALSE(read.rows[i].name.Contains("we act"));
    }
    CHECK(changed == read.rows.size()); // every row's words changed language
    CHECK(russianDone == 2);
    CHECK(russianOverdue == 1);
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
    makeFirstItemOverdueOnClient(data, doc);
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

namespace {

// The ATK signals a row sends, which the AT-SPI bridge forwards to assistive tools that
// already hold the row (a screen reader does not walk the list again after each change).
struct Heard {
    std::vector<std::pair<std::string, bool>> states; // state name, now on or off
    int names = 0;                                    // accessible-name changes
    int removed = 0;                                  // children-changed::remove on the list
    bool has(const char* state, bool on) const
    {
        for (const auto& [name, value] : states)
            if (name == state && value == on)
                return true;
        return false;
    }
};

void heardState(AtkObject*, const gchar* state, gboolean on, gpointer heard)
{
    static_cast<Heard*>(heard)->states.emplace_back(state, on != FALSE);
}

void heardName(GObject*, GParamSpec*, gpointer heard) { ++static_cast<Heard*>(heard)->names; }

void heardRemoved(AtkObject*, guint, gpointer, gpointer heard) { ++static_cast<Heard*>(heard)->removed; }

wxString nameOf(AtkObject* object)
{
    const char* name = atk_object_get_name(object);
    return name ? wxString::FromUTF8(name) : wxString();
}

bool holds(AtkObject* object, AtkStateType state)
{
    AtkStateSet* set = atk_object_ref_state_set(object);
    const bool held = atk_state_set_contains_state(set, state) != FALSE;
    g_object_unref(set);
    return held;
}

} // namespace

TEST_CASE("a row held by an assistive tool tells it when it is ticked, deselected, relabelled or gone")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("select 2"));
    settle();
    auto* list = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");
    REQUIRE(list != nullptr);
    AtkObject* accessible = accessibleOf(list);
    CHECK(atk_object_get_n_accessible_children(accessible) == static_cast<int>(list->rows().size()));
    const int index = list->GetSelection();
    REQUIRE(index > 0);
    AtkObject* row = atk_object_ref_accessible_child(accessible, index);
    REQUIRE(row != nullptr);
    CHECK(atk_object_get_index_in_parent(row) == index);
    CHECK(atk_object_get_parent(row) == accessible);
    CHECK(atk_object_get_role(row) == ATK_ROLE_LIST_ITEM);
    CHECK(holds(row, ATK_STATE_SELECTED));
    CHECK(holds(row, ATK_STATE_CHECKABLE));
    CHECK_FALSE(holds(row, ATK_STATE_CHECKED));
    CHECK(atk_selection_get_selection_count(ATK_SELECTION(accessible)) == 1);
    CHECK(atk_selection_is_child_selected(ATK_SELECTION(accessible), index));
    Heard heard;
    const gulong onState = g_signal_connect(row, "state-change", G_CALLBACK(heardState), &heard);
    const gulong onName = g_signal_connect(row, "notify::accessible-name", G_CALLBACK(heardName), &heard);
    const gulong onRemoved = g_signal_connect(accessible, "children-changed::remove", G_CALLBACK(heardRemoved), &heard);

    // Ticked: checked, and its words say Done.
    REQUIRE(sidebar.runTestCommand("tick 2"));
    settle();
    CHECK(heard.has("checked", true));
    CHECK(heard.names >= 1);
    CHECK(nameOf(row).Contains("Done"));
    CHECK(holds(row, ATK_STATE_CHECKED));

    // The selection moves away: no longer selected.
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    CHECK(heard.has("selected", false));
    CHECK_FALSE(holds(row, ATK_STATE_SELECTED));

    // Another language: the same row says its words in Russian.
    heard.names = 0;
    sidebar.setLanguage(Language::Russian);
    settle();
    CHECK(heard.names >= 1);
    INFO(nameOf(row).utf8_string());
    CHECK(nameOf(row).Contains(wxString::FromUTF8("Готово")));
    CHECK(nameOf(row).StartsWith(list->rows()[static_cast<std::size_t>(index)].title));

    // A search that leaves no row: the row is gone (defunct), and the list says so.
    REQUIRE(sidebar.runTestCommand("search no row has this text"));
    settle();
    CHECK(list->rows().empty());
    CHECK(atk_object_get_n_accessible_children(accessible) == 0);
    CHECK(heard.removed >= index + 1);
    CHECK(heard.has("defunct", true));
    CHECK(holds(row, ATK_STATE_DEFUNCT));

    g_signal_handler_disconnect(row, onState);
    g_signal_handler_disconnect(row, onName);
    g_signal_handler_disconnect(accessible, onRemoved);
    g_object_unref(row);
}
