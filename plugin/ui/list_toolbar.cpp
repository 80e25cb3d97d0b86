#include "list_toolbar.h"

#include "icons.h"
#include "item_text.h"
#include "panel_actions.h"
#include "quick_labels.h"
#include "update_rhythm.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <initializer_list>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// The filter choice's entries, in order.
enum FilterEntry {
    FilterAll,
    FilterToDo,
    FilterInProgress,
    FilterWaiting,
    FilterBlocked,
    FilterDone,
    FilterNotApplicable,
    FilterOverdue,
    FilterClient,
    FilterUs,
};

// The entries of the More… menu; ids clear of the language selector's.
enum MenuId {
    MenuAddSection = wxID_HIGHEST + 100,
    MenuCreateReport,
    MenuPastReports,
    MenuShare,
    MenuUnshare,
    MenuProject,
    MenuStartRound,
    MenuUpdateSent,
    MenuAddTemplateFirst = wxID_HIGHEST + 200
};

wxString withShortcut(const wxString& label, const char* keys) { return label + " (" + keys + ")"; }

// A menu item's text with its key in the menu's accelerator column, not in the text.
wxString menuItem(const wxString& label, const std::string& keys) { return label + "\t" + keys; }

} // namespace

ListToolbar::ListToolbar(wxWindow* panel, wxSizer* column, PanelContext& context, ToolbarActions actions)
    : panel_(panel), context_(context), actions_(std::move(actions))
{
    const int gap = panel->FromDIP(6);
    auto* filterRow = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "rapport-search");
    search_->ShowCancelButton(true);
    filterChoice_ = new wxChoice(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                                 "rapport-filter");
    // Both shrink below their natural width, so that a 240 px sidebar shares the row evenly.
    // Full minimum sizes (height too) spare the sizer from asking GTK for their best size at
    // every layout, which for a choice means measuring every entry.
    search_->SetMinSize(wxSize(panel->FromDIP(60), search_->GetBestSize().y));
    filterChoice_->SetMinSize(wxSize(panel->FromDIP(60), filterChoice_->GetBestSize().y));
    filterRow->Add(search_, 1, wxEXPAND | wxRIGHT, gap / 2);
    filterRow->Add(filterChoice_, 0, wxEXPAND);
    filterRow_ = filterRow;
    column->Add(filterRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    const auto iconButton = [&](Action action, const char* name) {
        auto* button = new wxButton(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxBU_EXACTFIT | wxBU_NOTEXT, wxDefaultValidator, name);
        button->SetBitmap(actionIcon(action));
        buttons->Add(button, 0, wxRIGHT, gap / 2);
        return button;
    };
    addSection_ = iconButton(Action::AddSection, "rapport-add-section");
    undo_ = iconButton(Action::Undo, "rapport-undo");
    redo_ = iconButton(Action::Redo, "rapport-redo");
    buttons->AddStretchSpacer();
    more_ = new wxButton(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT,
                         wxDefaultValidator, "rapport-more");
    buttons->Add(more_, 0);
    column->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    Relabeler& relabeler = context_.relabeler();
    relabeler.tooltip(filterChoice_, bl::translate("Show only some items"));
    // TRANSLATORS: button opening a menu with more actions; keep it very short.
    relabeler.label(more_, bl::translate("More…"));
    relabeler.custom([this](const std::locale& loc) { relabel(loc); });

    const auto run = [this](const std::function<void()>& action) {
        return [this, &action](wxCommandEvent&) { context_.guarded([&] { action(); }); };
    };
    search_->Bind(wxEVT_TEXT, run(actions_.filterChanged));
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        context_.guarded([&] {
            search_->ChangeValue(wxString());
            actions_.filterChanged();
        });
    });
    filterChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        context_.guarded([&] {
            if (fitFilter())
                panel_->Layout();
            actions_.filterChanged();
        });
    });
    addSection_->Bind(wxEVT_BUTTON, run(actions_.addSection));
    undo_->Bind(wxEVT_BUTTON, run(actions_.undo));
    redo_->Bind(wxEVT_BUTTON, run(actions_.redo));
    more_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { openMoreMenu(); }); });
}

void ListToolbar::relabel(const std::locale& loc)
{
    // TRANSLATORS: placeholder in the search field above the checklist.
    const wxString search = translated(bl::translate("Search"), loc);
    if (search_->GetDescriptiveText() != search)
        search_->SetDescriptiveText(search);
    // TRANSLATORS: tooltip of the search field; {1} is its key, such as Ctrl+Alt+F.
    const wxString searchTip = fromUtf8((bl::format(bl::translate("Search titles, notes and reasons ({1}; Esc clears)")) %
                                         panelActionKeyText("search")).str(loc));
    if (search_->GetToolTipText() != searchTip)
        search_->SetToolTip(searchTip);
    // TRANSLATORS: tooltip of the button that adds a section; {1} is its key, such as Ctrl+Alt+Shift+N.
    const wxString addSectionTip = fromUtf8((bl::format(bl::translate("Add a section ({1})")) %
                                             panelActionKeyText("add-section")).str(loc));
    if (addSection_->GetToolTipText() != addSectionTip)
        addSection_->SetToolTip(addSectionTip);
    const wxString undoTip = context_.session().canUndo()
                                 ? withShortcut(translated(bl::translate("Undo: {1}"), loc), "Ctrl+Z")
                                 : withShortcut(translated(bl::translate("Undo"), loc), "Ctrl+Z");
    if (undo_->GetToolTipText() != undoTip)
        undo_->SetToolTip(undoTip);
    const wxString redoTip = withShortcut(translated(bl::translate("Redo"), loc), "Ctrl+Y");
    if (redo_->GetToolTipText() != redoTip)
        redo_->SetToolTip(redoTip);
    const int selected = filterChoice_->GetSelection();
    std::vector<wxString> entries;
    // TRANSLATORS: filter entry showing every item.
    entries.push_back(translated(bl::translate("filter", "All items"), loc));
    for (int s = 0; s <= static_cast<int>(ItemStatus::NotApplicable); ++s)
        entries.push_back(fromUtf8(statusName(static_cast<ItemStatus>(s), loc)));
    // TRANSLATORS: filter entry showing items past their due date.
    entries.push_back(translated(bl::translate("filter", "Overdue"), loc));
    // TRANSLATORS: filter entry showing items the client has to act on.
    entries.push_back(translated(bl::translate("filter", "Client to act"), loc));
    // TRANSLATORS: filter entry showing items we have to act on.
    entries.push_back(translated(bl::translate("filter", "We act"), loc));
    setChoiceStrings(*filterChoice_, entries); // renamed in place: the selection stays
    if (selected < 0)
        filterChoice_->SetSelection(0);
    fitFilter(); // the panel lays out after a language change anyway
    // The accessible names of the icon-only buttons.
    setLabelQuickly(*addSection_, translated(bl::translate("Add section"), loc));
    setLabelQuickly(*undo_, translated(bl::translate("Undo"), loc));
    setLabelQuickly(*redo_, translated(bl::translate("Redo"), loc));
}

bool ListToolbar::show(bool shown)
{
    bool changed = false;
    for (wxWindow* window : std::initializer_list<wxWindow*>{search_, filterChoice_, addSection_, undo_, redo_, more_})
        changed = window->Show(shown) || changed;
    return changed;
}

ItemFilter ListToolbar::filter() const
{
    ItemFilter filter;
    filter.text = search_->GetValue().utf8_string();
    const int entry = filterChoice_->GetSelection();
    if (entry >= FilterToDo && entry <= FilterNotApplicable)
        filter.status = static_cast<ItemStatus>(entry - FilterToDo);
    else if (entry == FilterOverdue)
        filter.overdue_only = true;
    else if (entry == FilterClient)
        filter.owner = Owner::Client;
    else if (entry == FilterUs)
        filter.owner = Owner::Us;
    return filter;
}

int ListToolbar::filterEntry() const { return filterChoice_->GetSelection(); }

bool ListToolbar::fitFilter()
{
    wxBitmap pixel(1, 1);
    wxMemoryDC dc(pixel);
    dc.SetFont(filterChoice_->GetFont());
    if (choiceArrow_ < 0) { // GTK's measure of a choice, once: what it adds around its text
        int widest = 0;
        for (unsigned i = 0; i < filterChoice_->GetCount(); ++i)
            widest = std::max(widest, dc.GetTextExtent(filterChoice_->GetString(i)).x);
        choiceArrow_ = std::max(filterChoice_->GetBestSize().x - widest, 0);
    }
    const int gap = panel_->FromDIP(6);
    const int need = choiceArrow_ + dc.GetTextExtent(filterChoice_->GetStringSelection()).x;
    const int room = panel_->GetClientSize().GetWidth() - 2 * gap;
    const bool stacked = need + gap / 2 + panel_->FromDIP(100) > room;
    bool changed = false;
    const int orientation = stacked ? wxVERTICAL : wxHORIZONTAL;
    if (filterRow_->GetOrientation() != orientation) {
        filterRow_->SetOrientation(orientation);
        if (wxSizerItem* item = filterRow_->GetItem(search_))
            item->SetFlag(stacked ? wxEXPAND | wxBOTTOM : wxEXPAND | wxRIGHT);
        changed = true;
    }
    const wxSize min(stacked ? panel_->FromDIP(60) : need, filterChoice_->GetMinSize().y);
    if (filterChoice_->GetMinSize() != min) {
        filterChoice_->SetMinSize(min);
        changed = true;
    }
    return changed;
}

void ListToolbar::clearFilter()
{
    search_->ChangeValue(wxString());
    filterChoice_->SetSelection(FilterAll);
    fitFilter();
}

void ListToolbar::clearSearch() { search_->ChangeValue(wxString()); }

void ListToolbar::setSearchText(const std::string& text)
{
    search_->SetValue(fromUtf8(text)); // sends wxEVT_TEXT, as typing does
}

void ListToolbar::focusSearch()
{
    search_->SetFocus();
    search_->SelectAll();
}

wxWindow* ListToolbar::searchField() const { return search_; }

bool ListToolbar::searchingIn(const wxWindow* focus) const
{
    return focus && (focus == search_ || focus->GetParent() == search_) && !search_->GetValue().empty();
}

void ListToolbar::showUndoState()
{
    const SidebarSession& session = context_.session();
    const std::locale& loc = context_.locale();
    // A read-only store takes no change: adding, undoing and redoing are all changes.
    const bool editable = !context_.readOnly();
    addSection_->Enable(editable);
    undo_->Enable(editable && session.canUndo());
    redo_->Enable(editable && session.canRedo());
    const std::string undoName = session.undoName();
    undo_->SetToolTip(withShortcut(
        undoName.empty()
            ? translated(bl::translate("Undo"), loc)
            : fromUtf8((bl::format(bl::translate("Undo: {1}")) % bl::translate(undoName.c_str()).str(loc)).str(loc)),
        "Ctrl+Z"));
}

std::unique_ptr<wxMenu> ListToolbar::moreMenu(std::vector<std::string>& keys) const
{
    const SidebarSession& session = context_.session();
    if (session.view() != SidebarSession::View::Checklist)
        return nullptr;
    const std::locale& loc = context_.locale();
    auto owned = std::make_unique<wxMenu>();
    wxMenu& menu = *owned;
    // TRANSLATORS: menu entry opening the dialog that makes a progress report for the client.
    menu.Append(MenuCreateReport, menuItem(translated(bl::translate("Create report…"), loc), panelActionKeyText("create-report")));
    // TRANSLATORS: menu entry listing the reports made for this document before.
    menu.Append(MenuPastReports, menuItem(translated(bl::translate("Past reports…"), loc), panelActionKeyText("past-reports")));
    // A report is kept with the document, which a read-only store cannot do.
    const bool editable = !context_.readOnly();
    menu.Enable(MenuCreateReport, editable && !(actions_.writingReport && actions_.writingReport()));
    menu.AppendSeparator();
    // TRANSLATORS: menu entry opening the project's settings: client, update rhythm, revision rounds.
    menu.Append(MenuProject, translated(bl::translate("Project settings…"), loc));
    // TRANSLATORS: menu entry; records a new round of changes the client asked for.
    menu.Append(MenuStartRound, translated(bl::translate("Start revision round…"), loc));
    // TRANSLATORS: menu entry; the client's progress update was sent, so the next one moves by the rhythm.
    menu.Append(MenuUpdateSent, translated(bl::translate("Mark update sent"), loc));
    menu.Enable(MenuStartRound, editable);
    menu.Enable(MenuUpdateSent, editable && session.checklist() &&
                                    !nextUpdateAfterSent(*session.checklist(), context_.today()).empty());
    menu.AppendSeparator();
    menu.Append(MenuAddSection, menuItem(translated(bl::translate("Add section"), loc), panelActionKeyText("add-section")));
    auto* templates = new wxMenu;
    keys.clear();
    for (const auto& entry : session.templates().templates()) {
        templates->Append(MenuAddTemplateFirst + static_cast<int>(keys.size()),
                          translated(bl::translate(entry.context().c_str(), entry.title.c_str()), loc));
        keys.push_back(entry.key);
    }
    // TRANSLATORS: menu entry; its submenu lists templates whose sections can be added to this checklist.
    wxMenuItem* addTemplate = menu.AppendSubMenu(templates, translated(bl::translate("Add a template's sections"), loc));
    menu.Enable(MenuAddSection, editable);
    addTemplate->Enable(editable);
    menu.AppendSeparator();
    if (session.shareStatus().shared)
        // TRANSLATORS: menu entry; the checklist's changes stop going to the shared file (which stays).
        menu.Append(MenuUnshare, translated(bl::translate("Stop sharing"), loc));
    else
        // TRANSLATORS: menu entry opening a dialog that shares the checklist with the team
        // through a file beside the document (committed to git or synced).
        menu.Append(MenuShare, translated(bl::translate("Share with the project…"), loc));
    menu.Enable(session.shareStatus().shared ? MenuUnshare : MenuShare, editable);
    return owned;
}

void ListToolbar::openMoreMenu()
{
    std::vector<std::string> keys;
    const std::unique_ptr<wxMenu> menu = moreMenu(keys);
    if (!menu)
        return;
    const int chosen =
        panel_->GetPopupMenuSelectionFromUser(*menu, more_->GetPosition() + wxPoint(0, more_->GetSize().y));
    if (chosen == MenuCreateReport)
        actions_.createReport();
    else if (chosen == MenuPastReports)
        actions_.pastReports();
    else if (chosen == MenuAddSection)
        actions_.addSection();
    else if (chosen == MenuShare && actions_.share)
        actions_.share();
    else if (chosen == MenuUnshare && actions_.unshare)
        actions_.unshare();
    else if (chosen == MenuProject && actions_.projectSettings)
        actions_.projectSettings();
    else if (chosen == MenuStartRound && actions_.startRound)
        actions_.startRound();
    else if (chosen == MenuUpdateSent && actions_.updateSent)
        actions_.updateSent();
    else if (chosen >= MenuAddTemplateFirst && chosen < MenuAddTemplateFirst + static_cast<int>(keys.size()))
        actions_.addTemplate(keys[static_cast<std::size_t>(chosen - MenuAddTemplateFirst)]);
}

} // namespace rapport::ui
