// The real sidebar panel in a real window under Xvfb: attach, statuses, due dates,
// filter, undo, and a run through a checklist with the keyboard alone (real key
// presses sent through the X server).
#include "checklist_view.h"
#include "date_field.h"
#include "gui_support.h"
#include "host_action_menu.h"
#include "list_keys.h"
#include "localization.h"
#include "panel_actions.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "store.h"

#include <boost/locale/message.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/menu.h>
#include <wx/uiaction.h>

#include <thread>

using namespace rapport;
using rapport::testing::committedChecklist;
using rapport::testing::findNamed;
using rapport::testing::settle;
using rapport::testing::Keyboard;
using rapport::testing::focusWithin;

namespace {

// A menu label as the catalogue of `language` has it, mnemonic removed ("&Search" → "Search").
std::string translatedLabel(const char* msgid, Language language)
{
    const std::string label = boost::locale::translate(msgid).str(Localization::shared().locale(language));
    return wxMenuItem::GetLabelText(wxString::FromUTF8(label)).utf8_string();
}

ui::ChecklistView* itemList(wxWindow* panel) { return findNamed<ui::ChecklistView>(panel, "rapport-items"); }

// The rows the list shows that are items (not section headings).
std::size_t itemRows(ui::ChecklistView* list)
{
    std::size_t items = 0;
    for (const auto& row : list->rows())
        items += row.section ? 0 : 1;
    return items;
}

} // namespace

TEST_CASE("the empty state previews a template and attaches several combined; statuses and ticks are stored")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    settle();
    wxWindow* panel = sidebar.panel();
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    settle();
    auto* attach = findNamed<wxButton>(panel, "rapport-attach");
    auto* templates = findNamed<wxCheckListBox>(panel, "rapport-templates");
    auto* preview = findNamed<wxTextCtrl>(panel, "rapport-template-preview");
    CHECK(attach->IsShown());
    CHECK(findNamed<wxButton>(panel, "rapport-start-empty")->IsShown());
    CHECK_FALSE(itemList(panel)->IsShownOnScreen());
    CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == "brief.md");
    REQUIRE(templates->GetCount() >= 4);
    // The preview lists the highlighted template's items before anything is attached.
    CHECK(preview->GetValue().Contains("Write down what is in scope and what is not") ==
          (templates->GetString(static_cast<unsigned>(templates->GetSelection())).Contains("start")));
    CHECK_FALSE(preview->GetValue().empty());

    // Tick two templates and attach: one checklist with both templates' sections.
    int kickoff = -1;
    int handover = -1;
    const auto& library = TemplateLibrary::load(defaultTemplateFolders());
    for (unsigned i = 0; i < templates->GetCount(); ++i) {
        if (templates->GetString(i) == wxString::FromUTF8(library.find("kickoff")->title))
            kickoff = static_cast<int>(i);
        if (templates->GetString(i) == wxString::FromUTF8(library.find("handover")->title))
            handover = static_cast<int>(i);
    }
    REQUIRE(kickoff >= 0);
    REQUIRE(handover >= 0);
    templates->SetSelection(handover);
    wxCommandEvent highlight(wxEVT_LISTBOX, templates->GetId());
    highlight.SetInt(handover);
    templates->GetEventHandler()->ProcessEvent(highlight);
    CHECK(preview->GetValue().Contains(wxString::FromUTF8(library.find("handover")->sections[0].items[0].title)));
    templates->Check(static_cast<unsigned>(kickoff), true);
    templates->Check(static_cast<unsigned>(handover), true);
    wxCommandEvent click(wxEVT_BUTTON, attach->GetId());
    attach->GetEventHandler()->ProcessEvent(click);
    settle();
    CHECK_FALSE(attach->IsShown());
    auto* list = itemList(panel);
    REQUIRE(list->IsShownOnScreen());
    const Checklist stored = committedChecklist(data.path, doc);
    // The templates combine in the order the list shows them.
    CHECK(stored.template_key == (kickoff < handover ? "kickoff+handover" : "handover+kickoff"));
    CHECK(stored.sections.size() == library.find("kickoff")->sections.size() + library.find("handover")->sections.size());
    CHECK(itemRows(list) == stored.items.size());
    CHECK(list->rows().front().section);
    // Each item row carries its status word, never only a colour.
    CHECK(list->rows()[1].statusWord == "To do");

    REQUIRE(sidebar.runTestCommand("tick 0"));
    settle();
    CHECK(committedChecklist(data.path, doc).items[0].status == ItemStatus::Done);
    CHECK(list->rows()[1].statusWord == "Done");
    // A label and its value are joined by a no-break space: never split across lines.
    CHECK(findNamed<wxStaticText>(panel, "rapport-counts")->GetLabel().StartsWith(wxString::FromUTF8("Done:\xC2\xA0" "1")));
    CHECK(host.errors.empty());
}

TEST_CASE("the detail area edits status with a reason, due date, owner, note and visibility, each stored at once")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    const std::string doc = (data.path / "contract.txt").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("select 2"));
    settle();
    wxWindow* panel = sidebar.panel();
    const std::int64_t id = committedChecklist(data.path, doc).items[2].id;
    const ChecklistItem third = committedChecklist(data.path, doc).items[2];
    const auto library = TemplateLibrary::load(defaultTemplateFolders());
    CHECK(findNamed<wxTextCtrl>(panel, "rapport-detail-title")->GetValue() ==
          wxString::FromUTF8(library.findItem("kickoff", third.item_key)->title));
    // A template item's text is fixed: typing into its title changes nothing. (Typed for
    // real: wxGTK's IsEditable() asserts on a multi-line field.)
    auto* fixedTitle = findNamed<wxTextCtrl>(panel, "rapport-detail-title");
    const wxString templateTitle = fixedTitle->GetValue();
    rapport::testing::focusWithin(host.frame, fixedTitle);
    rapport::testing::Keyboard{}.type("x");
    CHECK(fixedTitle->GetValue() == templateTitle);
    CHECK(findNamed<wxStaticText>(panel, "rapport-detail-why")->IsShown());

    auto* status = findNamed<wxChoice>(panel, "rapport-status");
    status->SetSelection(static_cast<int>(ItemStatus::WaitingOnClient));
    wxCommandEvent chosen(wxEVT_CHOICE, status->GetId());
    chosen.SetInt(status->GetSelection());
    status->GetEventHandler()->ProcessEvent(chosen);
    settle();
    auto* reason = findNamed<wxTextCtrl>(panel, "rapport-reason");
    REQUIRE(reason->IsShown());
    reason->ChangeValue("the signed contract");
    wxCommandEvent enter(wxEVT_TEXT_ENTER, reason->GetId());
    reason->GetEventHandler()->ProcessEvent(enter);
    settle();

    // The date is typed in the sidebar's language (here English) and read back.
    auto* due = findNamed<ui::DateField>(panel, "rapport-due");
    due->text()->ChangeValue("Nov 1, 2026");
    CHECK(due->commitTyped());
    CHECK(due->value() == "2026-11-01");
    settle();

    auto* owner = findNamed<wxChoice>(panel, "rapport-owner");
    owner->SetSelection(1);
    wxCommandEvent owned(wxEVT_CHOICE, owner->GetId());
    owned.SetInt(1);
    owner->GetEventHandler()->ProcessEvent(owned);
    auto* note = findNamed<wxTextCtrl>(panel, "rapport-note");
    note->SetValue(wxString::FromUTF8("Позвонить в понедельник"));
    auto* internal = findNamed<wxCheckBox>(panel, "rapport-internal");
    internal->SetValue(true);
    wxCommandEvent ticked(wxEVT_CHECKBOX, internal->GetId());
    ticked.SetInt(1);
    internal->GetEventHandler()->ProcessEvent(ticked);
    // The note is saved shortly after typing stops, without any Save button.
    for (int i = 0; i < 40 && committedChecklist(data.path, doc).items[2].note.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        settle();
    }

    const ChecklistItem stored = committedChecklist(data.path, doc).items[2];
    CHECK(stored.id == id);
    CHECK(stored.status == ItemStatus::WaitingOnClient);
    CHECK(stored.status_reason == "the signed contract");
    CHECK(stored.due == "2026-11-01");
    CHECK(stored.owner == Owner::Client);
    CHECK(stored.note == "Позвонить в понедельник");
    CHECK(stored.internal);
    // Waiting on the client is not "overdue" on our side, but the due date has passed: it shows as overdue.
    auto* list = itemList(panel);
    const int row = list->rowOf(false, id);
    REQUIRE(row >= 0);
    CHECK(list->rows()[static_cast<std::size_t>(row)].overdue);
    CHECK(list->rows()[static_cast<std::size_t>(row)].dueText.StartsWith("Overdue"));
    CHECK(list->rows()[static_cast<std::size_t>(row)].statusWord == "Waiting on client");
    CHECK(host.errors.empty());
}

TEST_CASE("filter and search narrow the list; undo brings back a deleted item")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    const std::string doc = (data.path / "notes.md").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    settle();
    wxWindow* panel = sidebar.panel();
    auto* list = itemList(panel);
    const std::size_t all = itemRows(list);
    REQUIRE(all > 5);

    // Add a custom item by typing it.
    auto* newItem = findNamed<wxTextCtrl>(panel, "rapport-new-item");
    newItem->ChangeValue(wxString::FromUTF8("İZMİR ofisine taslak gönder"));
    wxCommandEvent enter(wxEVT_TEXT_ENTER, newItem->GetId());
    newItem->GetEventHandler()->ProcessEvent(enter);
    settle();
    CHECK(itemRows(list) == all + 1);
    CHECK(newItem->GetValue().empty());

    REQUIRE(sidebar.runTestCommand("language tr"));
    REQUIRE(sidebar.runTestCommand("search izmir"));
    settle();
    CHECK(itemRows(list) == 1);
    CHECK(list->rows().front().section); // the heading of the matching item's section stays
    REQUIRE(sidebar.runTestCommand("search "));
    REQUIRE(sidebar.runTestCommand("language en"));
    settle();
    CHECK(itemRows(list) == all + 1);

    // Filter by status: only the done items.
    REQUIRE(sidebar.runTestCommand("tick 1"));
    REQUIRE(sidebar.runTestCommand("tick 3"));
    auto* filter = findNamed<wxChoice>(panel, "rapport-filter");
    filter->SetSelection(1 + static_cast<int>(ItemStatus::Done));
    wxCommandEvent chosen(wxEVT_CHOICE, filter->GetId());
    filter->GetEventHandler()->ProcessEvent(chosen);
    settle();
    CHECK(itemRows(list) == 2);
    filter->SetSelection(0);
    filter->GetEventHandler()->ProcessEvent(chosen);
    settle();

    // Delete the custom item, then undo: it comes back with its text.
    const Checklist before = committedChecklist(data.path, doc);
    const auto customAt = std::find_if(before.items.begin(), before.items.end(),
                                       [](const ChecklistItem& i) { return i.template_key.empty(); });
    REQUIRE(customAt != before.items.end());
    const ChecklistItem custom = *customAt;
    const int row = list->rowOf(false, custom.id);
    REQUIRE(row >= 0);
    list->selectRow(row);
    wxCommandEvent selected(wxEVT_LISTBOX, list->GetId());
    list->GetEventHandler()->ProcessEvent(selected);
    auto* remove = findNamed<wxButton>(panel, "rapport-delete");
    REQUIRE(remove->IsShown());
    wxCommandEvent click(wxEVT_BUTTON, remove->GetId());
    remove->GetEventHandler()->ProcessEvent(click);
    settle();
    CHECK(committedChecklist(data.path, doc).items.size() == before.items.size() - 1);
    CHECK(list->rowOf(false, custom.id) < 0);
    REQUIRE(sidebar.runTestCommand("undo"));
    settle();
    CHECK(committedChecklist(data.path, doc).items.size() == before.items.size());
    CHECK(committedChecklist(data.path, doc).items[static_cast<std::size_t>(customAt - before.items.begin())].custom_text ==
          custom.custom_text);
    CHECK(list->rowOf(false, custom.id) >= 0);
    REQUIRE(sidebar.runTestCommand("redo"));
    CHECK(committedChecklist(data.path, doc).items.size() == before.items.size() - 1);
    CHECK(host.errors.empty());
}

TEST_CASE("a checklist can be worked through with the keyboard alone")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    host.frame->SetPosition({0, 0});
    ui::SidebarController sidebar(host.frame, host);
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    settle();
    wxWindow* panel = sidebar.panel();
    auto* templates = findNamed<wxCheckListBox>(panel, "rapport-templates");
    Keyboard keys;

    // Attach: in the template list, tick the highlighted template with Space, Tab to
    // "Attach checklist" and press it with Space.
    focusWithin(host.frame, templates);
    keys.press(WXK_HOME);
    keys.press(WXK_SPACE);
    REQUIRE(templates->IsChecked(static_cast<unsigned>(templates->GetSelection())));
    keys.press(WXK_TAB);
    CHECK(wxWindow::FindFocus() == findNamed<wxButton>(panel, "rapport-attach"));
    keys.press(WXK_SPACE);
    auto* list = itemList(panel);
    REQUIRE(list->IsShownOnScreen());
    CHECK(wxWindow::FindFocus() == list);
    const Checklist attached = committedChecklist(data.path, doc);
    REQUIRE(attached.items.size() >= 4);

    // The first item is selected; Space ticks it, Down moves on (over section headings),
    // digits set statuses.
    const auto selectedId = [&] {
        const int row = list->GetSelection();
        REQUIRE(row >= 0);
        REQUIRE_FALSE(list->rows()[static_cast<std::size_t>(row)].section);
        return list->rows()[static_cast<std::size_t>(row)].id;
    };
    const auto nextItem = [&] {
        keys.press(WXK_DOWN);
        while (list->GetSelection() >= 0 && list->rows()[static_cast<std::size_t>(list->GetSelection())].section)
            keys.press(WXK_DOWN);
    };
    const auto statusOf = [&](std::int64_t id) {
        for (const auto& item : committedChecklist(data.path, doc).items)
            if (item.id == id)
                return item;
        FAIL("no item " << id);
        return ChecklistItem{};
    };
    const std::int64_t first = selectedId();
    keys.press(WXK_SPACE);
    nextItem();
    const std::int64_t second = selectedId();
    keys.press('2'); // In progress
    nextItem();
    const std::int64_t third = selectedId();
    keys.press('6'); // Not applicable
    nextItem();
    const std::int64_t fourth = selectedId();
    keys.press('4'); // Blocked
    CHECK(statusOf(first).status == ItemStatus::Done);
    CHECK(statusOf(second).status == ItemStatus::InProgress);
    CHECK(statusOf(third).status == ItemStatus::NotApplicable);
    CHECK(statusOf(fourth).status == ItemStatus::Blocked);

    // Enter opens the details; type a reason, Enter commits it, Escape returns to the list.
    keys.press(WXK_RETURN);
    CHECK(wxWindow::FindFocus() == findNamed<wxChoice>(panel, "rapport-status"));
    findNamed<wxTextCtrl>(panel, "rapport-reason")->SetFocus();
    settle();
    keys.type("waiting for the hosting login");
    keys.press(WXK_RETURN);
    keys.press(WXK_ESCAPE);
    CHECK(wxWindow::FindFocus() == list);
    CHECK(statusOf(fourth).status_reason == "waiting for the hosting login");

    // Ctrl+Z undoes the last change (the reason), then the status.
    keys.press('Z', wxMOD_CONTROL);
    CHECK(statusOf(fourth).status_reason.empty());
    CHECK(statusOf(fourth).status == ItemStatus::Blocked);
    keys.press('Z', wxMOD_CONTROL);
    CHECK(statusOf(fourth).status == ItemStatus::ToDo);
    keys.press('Y', wxMOD_CONTROL);
    CHECK(statusOf(fourth).status == ItemStatus::Blocked);

    // Ctrl+R, Ctrl+N and Ctrl+F are the editor's (Replace or Reload, New, Find): the panel
    // leaves them alone.
    const ui::FocusPlace onList{true, false, true};
    for (const int key : {'R', 'N', 'F'})
        CHECK(ui::panelKeyCommand(key, wxMOD_CONTROL, onList).action == ui::KeyAction::None);
    CHECK(ui::panelKeyCommand('E', wxMOD_CONTROL | wxMOD_ALT, onList).action == ui::KeyAction::CreateReport);
    for (const int key : {'N', 'F'}) { // pressed for real: the focus stays in the list
        keys.press(key, wxMOD_CONTROL);
        CHECK(wxWindow::FindFocus() == list);
    }
    // Ctrl+Alt+N: type a new item; Alt+Up moves it; Ctrl+Alt+F searches; Escape clears the search.
    keys.press('N', wxMOD_CONTROL | wxMOD_ALT);
    CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(panel, "rapport-new-item"));
    keys.type("Send the invoice");
    keys.press(WXK_RETURN);
    Checklist stored = committedChecklist(data.path, doc);
    REQUIRE(stored.items.size() == attached.items.size() + 1);
    const auto added = std::find_if(stored.items.begin(), stored.items.end(),
                                    [](const ChecklistItem& i) { return i.custom_text == "Send the invoice"; });
    REQUIRE(added != stored.items.end());
    const std::size_t addedAt = static_cast<std::size_t>(added - stored.items.begin());
    keys.press(WXK_ESCAPE);
    CHECK(wxWindow::FindFocus() == list);
    REQUIRE(list->GetSelection() == list->rowOf(false, added->id));
    keys.press(WXK_UP, wxMOD_ALT);
    stored = committedChecklist(data.path, doc);
    CHECK(stored.items[addedAt - 1].custom_text == "Send the invoice");

    // F2 edits the title in a field that wraps and grows with it; Enter keeps it, one line of text.
    auto* title = findNamed<wxTextCtrl>(panel, "rapport-detail-title");
    const int oneLine = title->GetSize().y;
    keys.press(WXK_F2);
    CHECK(wxWindow::FindFocus() == title);
    keys.press(WXK_END);
    keys.type(" with the hours of March and April itemised and the agreed discount");
    CHECK(title->GetSize().y > oneLine);
    keys.press(WXK_RETURN);
    CHECK(title->GetValue().Find('\n') == wxNOT_FOUND);
    stored = committedChecklist(data.path, doc);
    CHECK(stored.items[addedAt - 1].custom_text ==
          "Send the invoice with the hours of March and April itemised and the agreed discount");
    keys.press(WXK_ESCAPE);
    CHECK(wxWindow::FindFocus() == list);

    keys.press('F', wxMOD_CONTROL | wxMOD_ALT);
    keys.type("invoice");
    CHECK(itemRows(list) == 1);
    keys.press(WXK_ESCAPE);
    CHECK(itemRows(list) == stored.items.size());
    CHECK(wxWindow::FindFocus() == list);
    rapport::testing::screenshot(panel, "sidebar-keyboard.png");
    CHECK(host.errors.empty());
}

TEST_CASE("switching documents switches the checklist shown and remembers each one's selected item")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host;
    const std::string docA = (data.path / "contract.txt").string();
    const std::string docB = (data.path / "заметки 客户.md").string();
    {
        ui::SidebarController sidebar(host.frame, host);
        sidebar.onActiveDocumentChanged(docA);
        REQUIRE(sidebar.runTestCommand("attach kickoff"));
        REQUIRE(sidebar.runTestCommand("select 3"));
        sidebar.onActiveDocumentChanged(docB);
        settle();
        wxWindow* panel = sidebar.panel();
        CHECK(findNamed<wxButton>(panel, "rapport-attach")->IsShown());
        CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == wxString::FromUTF8("заметки 客户.md"));

        sidebar.onActiveDocumentChanged(docA);
        settle();
        auto* list = itemList(panel);
        CHECK(list->IsShownOnScreen());
        CHECK(findNamed<wxStaticText>(panel, "rapport-document")->GetLabel() == "contract.txt");
        const std::int64_t third = committedChecklist(data.path, docA).items[3].id;
        CHECK(list->GetSelection() == list->rowOf(false, third));

        sidebar.onActiveDocumentChanged("");
        settle();
        CHECK_FALSE(list->IsShownOnScreen());
        CHECK_FALSE(findNamed<wxButton>(panel, "rapport-attach")->IsShown());
    }
    // A new session (the host restarted) selects the same item again.
    ui::SidebarController next(host.frame, host);
    next.onActiveDocumentChanged(docA);
    settle();
    auto* list = itemList(next.panel());
    const std::int64_t third = committedChecklist(data.path, docA).items[3].id;
    CHECK(list->GetSelection() == list->rowOf(false, third));
}

TEST_CASE("an unusable store is explained in the panel and the host lives on")
{
    rapport::testing::DataFolder data;
    // A regular file where the data folder should be.
    const auto blocked = data.path / "blocked";
    { std::ofstream(blocked) << "x"; }
    setenv("RAPPORT_DATA_DIR", blocked.c_str(), 1);
    rapport::testing::FrameHost host;
    ui::SidebarController sidebar(host.frame, host);
    sidebar.onActiveDocumentChanged("/tmp/brief.md");
    settle();
    REQUIRE_FALSE(host.errors.empty());
    CHECK(host.errors.front().find("cannot create the folder") != std::string::npos);
    wxString shown = findNamed<wxStaticText>(sidebar.panel(), "rapport-empty")->GetLabel();
    shown.Replace("\n", " "); // the label is wrapped to the panel's width
    CHECK(shown.Find("cannot create the folder") != wxNOT_FOUND);
    CHECK_FALSE(findNamed<wxButton>(sidebar.panel(), "rapport-attach")->IsShown());
}

TEST_CASE("the language selector names only the current language until its menu is opened")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::Russian);
    settle();
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    auto* selector = findNamed<wxButton>(sidebar.panel(), "rapport-language");
    // No other language's name is drawn (a Chinese name would load a CJK font for nothing).
    CHECK(selector->GetLabel().StartsWith(wxString::FromUTF8("Русский")));
    CHECK_FALSE(selector->GetLabel().Contains(wxString::FromUTF8("简体中文")));
    // The menu lists every language in itself, the current one checked.
    const std::unique_ptr<wxMenu> menu = panel->languageMenu();
    REQUIRE(menu->GetMenuItemCount() == kLanguages.size());
    const auto items = menu->GetMenuItems();
    CHECK(items[1]->GetItemLabelText() == wxString::FromUTF8("Русский"));
    CHECK(items[1]->IsChecked());
    CHECK(items[3]->GetItemLabelText() == wxString::FromUTF8("简体中文"));
    CHECK_FALSE(items[3]->IsChecked());
    // Choosing an entry switches the sidebar and the button follows.
    panel->chooseLanguage(2);
    CHECK(sidebar.language() == Language::Turkish);
    CHECK(selector->GetLabel().StartsWith(wxString::FromUTF8("Türkçe")));
}

TEST_CASE("the host's menu of sidebar commands: free keys, runs what it names, relabels live keeping a rebound key")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    // A host menu bar with the editor's own keys, as Code::Blocks has them.
    auto* bar = new wxMenuBar;
    auto* edit = new wxMenu;
    edit->Append(wxID_ANY, "Find\tCtrl+F");
    edit->Append(wxID_ANY, "Replace\tCtrl+R");
    edit->Append(wxID_ANY, "New file\tCtrl+Shift+N");
    bar->Append(edit, "Edit");
    auto* view = new wxMenu;
    bar->Append(view, "View");
    host.frame->SetMenuBar(bar);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    ui::HostActionMenu menu(sidebar, *host.frame);
    wxMenu* commands = menu.build();
    view->AppendSubMenu(commands, "Rapport");

    std::vector<std::string> lines = menu.report(bar);
    REQUIRE(lines.size() == ui::panelActions().size());
    CHECK(lines[0] == "action\tCreate report…\tCtrl+Alt+E");
    for (const std::string& line : lines)
        CHECK_MESSAGE(line.find("conflict=") == std::string::npos, line);
    // A host item with one of our keys is named as the clash.
    edit->Append(wxID_ANY, "Format\tCtrl+Alt+F");
    lines = menu.report(bar);
    CHECK(std::count_if(lines.begin(), lines.end(),
                        [](const std::string& l) { return l.find("\tconflict=Format") != std::string::npos; }) == 1);

    // Choosing an item runs its command in the panel.
    REQUIRE(menu.choose("new-item"));
    settle();
    CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(sidebar.panel(), "rapport-new-item"));
    CHECK_FALSE(menu.choose("no-such-command"));

    // The host's shortcut editor rebinds an item; a language switch relabels, keeping that key.
    wxMenuItem* search = commands->FindItemByPosition(4);
    search->SetItemLabel(search->GetItemLabel().BeforeFirst('\t') + "\tCtrl+Alt+K");
    sidebar.setLanguage(Language::Russian);
    commands->UpdateUI(host.frame);
    lines = menu.report(bar);
    CHECK(lines[4] == "action\t" + translatedLabel("&Search the checklist", Language::Russian) + "\tCtrl+Alt+K");
    CHECK(lines[4] != "action\tSearch the checklist\tCtrl+Alt+K");
    CHECK(host.errors.empty());
}
