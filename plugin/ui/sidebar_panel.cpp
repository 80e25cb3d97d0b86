#include "sidebar_panel.h"

#include "checklist_edits.h"
#include "empty_state.h"
#include "icons.h"
#include "item_detail.h"
#include "item_text.h"
#include "language_selector.h"
#include "list_rows.h"
#include "list_toolbar.h"
#include "log_view.h"
#include "panel_actions.h"
#include "modal.h"
#include "quick_labels.h"
#include "report_job.h"
#include "sidebar_header.h"
#include "text_rules.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <array>
#include <initializer_list>
#include <utility>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

SidebarPanel::SidebarPanel(wxWindow* parent, SidebarSession& session, TraceSink trace, ErrorSink error)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-sidebar"),
      context_(session, std::move(trace), std::move(error))
{
    // An explicit font, inherited by every control made below: on GTK, a control without
    // one asks a freshly made native widget for its default font each time it measures text.
    SetFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
    SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));

    // Top to bottom: the sidebar's own language, the header, the empty state or the
    // checklist, a report's progress, and the message line.
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);
    languageSelector_ = std::make_unique<LanguageSelector>(this, column, context_);
    header_ = std::make_unique<SidebarHeader>(this, column, context_);
    // Plain text, not the link-blue of a problem: a read-only store is a state to explain,
    // with what to do about it, not an error of the moment.
    readOnlyLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-read-only");
    column->Add(readOnlyLabel_, 0, wxEXPAND | wxALL, gap);
    readOnlyLabel_->Hide();
    emptyState_ = std::make_unique<EmptyState>(this, column, context_,
                                               [this](bool from_templates) { onAttached(from_templates); });
    buildViewSwitch(column);
    buildChecklistState(column);
    buildLogView(column);
    reportJob_ = std::make_unique<ReportJob>(this, column, context_);
    buildProjectParts(column);
    problemLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-problem");
    problemLabel_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    column->Add(problemLabel_, 0, wxEXPAND | wxALL, gap);
    problemLabel_->Hide();
    context_.setMessageSink([this](const std::string& text, bool problem) { showMessage(text, problem); });
    SetSizer(column);

    context_.relabeler().custom([this](const std::locale&) {
        emptyState_->languageChanged();
        refresh();
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] {
            context_.guarded([&] {
                const bool header = header_->refresh(); // re-wrapped to the new width
                const bool empty = emptyState_->resized();
                const bool filter = toolbar_->fitFilter();
                if (showReadOnly() || header || empty || filter)
                    Layout();
            });
        });
    });
    context_.relabeler().apply(context_.locale());
}

SidebarPanel::~SidebarPanel() = default; // the report job waits for its file

void SidebarPanel::buildChecklistState(wxBoxSizer* column)
{
    const int gap = FromDIP(6);
    ToolbarActions actions;
    actions.filterChanged = [this] { applyFilter(); };
    actions.addSection = [this] { edits_->addSection(); };
    actions.undo = [this] { edits_->undo(); };
    actions.redo = [this] { edits_->redo(); };
    actions.createReport = [this] { onCreateReport(); };
    actions.pastReports = [this] { onPastReports(); };
    actions.addTemplate = [this](const std::string& key) { edits_->addTemplate(key); };
    actions.writingReport = [this] { return writingReport(); };
    actions.share = [this] { shareChecklist(true); };
    actions.unshare = [this] { unshareChecklist(); };
    actions.projectSettings = [this] { openProjectSettings(); };
    actions.startRound = [this] { startRevisionRound(); };
    actions.updateSent = [this] { markUpdateSent(); };
    toolbar_ = std::make_unique<ListToolbar>(this, column, context_, std::move(actions));

    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH,
                                     "rapport-splitter");
    splitter_->SetMinimumPaneSize(FromDIP(90));
    splitter_->SetSashGravity(0.55);
    auto* listPane = new wxPanel(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
                                 "rapport-list-pane");
    auto* listColumn = new wxBoxSizer(wxVERTICAL);
    list_ = new ChecklistView(listPane, "rapport-items");
    newItem_ = new wxTextCtrl(listPane, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                              wxDefaultValidator, "rapport-new-item");
    newItem_->SetMaxLength(static_cast<unsigned long>(maxLength(TextField::ItemTitle)));
    listColumn->Add(list_, 1, wxEXPAND);
    listColumn->Add(newItem_, 0, wxEXPAND | wxTOP, gap / 2);
    listPane->SetSizer(listColumn);
    // The detail area and the list's edits report their changes the same way.
    const auto changed = [this](const Status& status, const std::string& line) { onChanged(status, line); };
    detail_ = new ItemDetail(splitter_, context_, changed);
    edits_ = std::make_unique<ChecklistEdits>(context_, list_, detail_, newItem_, changed);
    splitter_->SplitHorizontally(listPane, detail_, FromDIP(300));
    // It takes whatever height is left; its best size would measure the whole detail area.
    splitter_->SetMinSize(FromDIP(wxSize(100, 200)));
    column->Add(splitter_, 1, wxEXPAND | wxALL, gap);

    std::array<wxBitmapBundle, 6> icons;
    for (std::size_t s = 0; s < icons.size(); ++s)
        icons[s] = statusIcon(static_cast<ItemStatus>(s));
    list_->setStatusIcons(std::move(icons));

    Relabeler& relabeler = context_.relabeler();
    relabeler.tooltip(list_, bl::translate("Space: done or not; 1-6: status; Alt+↑/↓: move; Del: delete; "
                                           "Enter: edit details; Ctrl+Z: undo"));
    relabeler.custom([this](const std::locale& loc) {
        // TRANSLATORS: tooltip of the field where a new item is typed; {1} is its key, such as Ctrl+Alt+N.
        newItem_->SetToolTip(fromUtf8(
            (bl::format(bl::translate("Type an item and press Enter to add it to the selected section ({1})")) %
             panelActionKeyText("new-item")).str(loc)));
        // TRANSLATORS: placeholder of the field where a new item is typed.
        newItem_->SetHint(translated(bl::translate("Add an item…"), loc));
        // TRANSLATORS: what a screen reader calls the list of checklist items.
        list_->setAccessibleName(translated(bl::translate("Checklist items"), loc));
    });

    // Every handler runs guarded: nothing thrown may reach the host's event loop.
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { context_.guarded([&] { onListSelection(); }); });
    list_->Bind(wxEVT_LISTBOX_DCLICK,
                [this](wxCommandEvent&) { context_.guarded([&] { detail_->focusFirstField(); }); });
    list_->onIconClicked([this](std::size_t row) { context_.guarded([&] { edits_->toggleRow(row); }); });
    list_->Bind(wxEVT_CONTEXT_MENU,
                [this](wxContextMenuEvent&) { context_.guarded([&] { toolbar_->openMoreMenu(); }); });
    newItem_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { context_.guarded([&] { edits_->addItem(); }); });
    keys_ = std::make_unique<ListKeys>(this, list_, toolbar_->searchField(), context_,
                                       [this](const KeyCommand& command) { run(command); });
}

void SidebarPanel::setLanguageChoices(const std::vector<std::string>& native_names, std::size_t selected,
                                      LanguageSink onChosen)
{
    languageSelector_->setChoices(native_names, selected, std::move(onChosen));
}

void SidebarPanel::chooseLanguage(std::size_t index) { languageSelector_->choose(index); }

std::unique_ptr<wxMenu> SidebarPanel::languageMenu() const { return languageSelector_->menu(); }

void SidebarPanel::setLanguage(Language language)
{
    context_.setLanguage(language);
    layoutPending_ = true; // every label changed
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (kLanguages[i] == language)
            languageSelector_->showChosen(i);
    Freeze();
    {
        const MeasureAtLayout measureOnce; // refresh() below lays every relabelled text out
        context_.relabeler().apply(context_.locale()); // ends with refresh(), which lays the panel out
    }
    InvalidateBestSize();
    Thaw();
}

void SidebarPanel::refresh()
{
    using View = SidebarSession::View;
    const SidebarSession& session = context_.session();
    const View view = session.view();
    Freeze();
    header_->showDocument(view);
    const bool hasChecklist = view == View::Checklist;
    // Laying the panel out asks GTK for every control's size, which costs most of a frame:
    // only when something was shown, hidden, or changed size.
    bool changed = layoutPending_;
    layoutPending_ = false;
    changed = header_->showFigures(hasChecklist) || changed;
    if (markSent_ && markSent_->IsShown() && (!session.checklist() || session.checklist()->document_id != markSentFor_))
        changed = markSent_->Hide() || changed; // offered for another document
    changed = showViewSwitch(hasChecklist) || changed;
    changed = emptyState_->refresh(view) || changed;
    changed = showReadOnly() || changed;

    if (hasChecklist) {
        if (listedDocument_ != session.documentPath()) {
            // Another document: its own selection, no filter carried over from the last one.
            detail_->flushPending();
            listedDocument_ = session.documentPath();
            if (filter_.active()) {
                filter_ = {};
                toolbar_->clearFilter();
            }
        }
        changed = header_->refresh() || changed;
        refreshList();
        refreshDetail();
        if (logView_->shown())
            logView_->refresh();
    } else {
        listedDocument_.clear();
    }
    if (changed)
        Layout();
    Thaw();
    if (const auto found = context_.session().takeSyncReport()) // what opening the document read
        showSyncReport(*found);

    const char* viewName = view == View::Checklist          ? "checklist"
                           : view == View::NoChecklist      ? "no-checklist"
                           : view == View::NoDocument       ? "no-document"
                                                            : "store-unavailable";
    std::string line = std::string("shown\t") + session.documentPath() + "\t" + viewName;
    if (hasChecklist)
        line += "\titems=" + std::to_string(session.checklist()->items.size()) + "\tdone=" +
                std::to_string(session.doneCount());
    context_.trace(line);
}

void SidebarPanel::refreshList()
{
    const SidebarSession& session = context_.session();
    list_->setRows(listRows(context_, filter_));
    // The remembered selection of this document.
    if (const auto remembered = session.selectedItem()) {
        const int row = list_->rowOf(false, *remembered);
        if (row >= 0 && list_->GetSelection() != row)
            list_->selectRow(row);
    }
    toolbar_->showUndoState();
}

void SidebarPanel::refreshDetail()
{
    const ChecklistViewRow* shown = list_->selectedRow();
    if (!shown)
        detail_->show(std::nullopt, std::nullopt);
    else if (shown->section)
        detail_->show(std::nullopt, shown->id);
    else
        detail_->show(shown->id, std::nullopt);
}

void SidebarPanel::onAttached(bool from_templates)
{
    refresh();
    if (!from_templates) {
        newItem_->SetFocus(); // an empty checklist: type the first item
        return;
    }
    list_->SetFocus();
    if (!list_->rows().empty()) {
        list_->selectRow(list_->rows().size() > 1 ? 1 : 0); // the first item, under its section heading
        onListSelection();
    }
}

void SidebarPanel::onListSelection()
{
    list_->announceSelection();
    if (const ChecklistViewRow* shown = list_->selectedRow()) {
        if (!shown->section)
            context_.session().selectItem(shown->id);
        context_.trace(std::string("selected\t") + (shown->section ? "section=" : "item=") + std::to_string(shown->id));
    }
    refreshDetail();
}

bool SidebarPanel::showReadOnly()
{
    const SidebarSession& session = context_.session();
    const bool readOnly = context_.readOnly() && session.view() != SidebarSession::View::StoreUnavailable;
    newItem_->Enable(!readOnly);
    logView_->showReadOnly(readOnly);
    bool changed = readOnlyLabel_->Show(readOnly);
    if (readOnly) {
        // The situation and what to do, in the panel's language; the system's words go to the log.
        const Error& why = *session.readOnly();
        const wxString text = wrapForLabel(
            *readOnlyLabel_, fromUtf8(Error{why.code, why.subject, {}}.description(context_.locale())), wrapWidth(*this));
        if (readOnlyLabel_->GetLabelText() != text) {
            readOnlyLabel_->SetLabelText(text);
            changed = true;
        }
    }
    return changed;
}

void SidebarPanel::onChanged(const Status& status, const std::string& line)
{
    SidebarSession& session = context_.session();
    if (!status && status.error().code == ErrorCode::StoreReadOnly) {
        // Found read-only at this change (it was writable when opened): say so once, in
        // the notice, and disable what can no longer work.
        context_.trace("read-only	" + status.error().detail);
        refresh();
        return;
    }
    if (!status) {
        context_.reportStatus(status);
    } else {
        showProblem({});
        if (!line.empty())
            context_.trace(line);
    }
    // Keep the edited item selected: ids survive reordering and filtering.
    const std::optional<std::int64_t> item = detail_->itemId();
    if (item)
        session.selectItem(*item);
    Freeze();
    header_->refresh();
    refreshList();
    if (item) {
        const int row = list_->rowOf(false, *item);
        if (row >= 0)
            list_->selectRow(row);
    } else if (const auto section = detail_->sectionId()) {
        list_->selectRow(list_->rowOf(true, *section));
    }
    refreshDetail();
    if (logView_->shown())
        logView_->refresh();
    Layout();
    Thaw();
    context_.trace(std::string("shown\t") + session.documentPath() + "\tchecklist\titems=" +
                   std::to_string(session.checklist() ? session.checklist()->items.size() : 0) + "\tdone=" +
                   std::to_string(session.doneCount()));
}

void SidebarPanel::applyFilter()
{
    filter_ = toolbar_->filter();
    Freeze();
    refreshList();
    refreshDetail();
    Thaw();
    std::size_t items = 0;
    for (const auto& row : list_->rows())
        items += row.section ? 0 : 1;
    context_.trace("filtered\t" + filter_.text + "\tentry=" + std::to_string(toolbar_->filterEntry()) +
                   "\titems=" + std::to_string(items));
}

void SidebarPanel::run(const KeyCommand& command)
{
    switch (command.action) {
    case KeyAction::None: break;
    case KeyAction::SetStatus: edits_->setStatusOfSelection(command.status); break;
    case KeyAction::ToggleDone: edits_->toggleRow(static_cast<std::size_t>(list_->GetSelection())); break;
    case KeyAction::MoveUp: edits_->moveSelection(-1); break;
    case KeyAction::MoveDown: edits_->moveSelection(+1); break;
    case KeyAction::Delete: edits_->deleteSelection(); break;
    case KeyAction::EditDetails: detail_->focusFirstField(); break;
    case KeyAction::EditTitle: detail_->focusTitle(); break;
    case KeyAction::FocusNewItem: newItem_->SetFocus(); break;
    case KeyAction::FocusSearch: toolbar_->focusSearch(); break;
    case KeyAction::AddSection: edits_->addSection(); break;
    case KeyAction::CreateReport: onCreateReport(); break;
    case KeyAction::PastReports: onPastReports(); break;
    case KeyAction::ShowLog: showClientLog(!clientLogShown()); break;
    case KeyAction::AddLogEntry: addLogEntry(); break;
    case KeyAction::Undo: undo(); break;
    case KeyAction::Redo: redo(); break;
    case KeyAction::BackToList: leaveForList(); break;
    }
}

bool SidebarPanel::runPanelAction(std::string_view id)
{
    const PanelAction* action = panelActionById(id);
    if (!action)
        return false;
    // Without a checklist in view these commands have nothing to act on, as with their keys.
    if (context_.session().view() == SidebarSession::View::Checklist)
        run(KeyCommand{action->action});
    return true;
}

void SidebarPanel::leaveForList()
{
    if (toolbar_->searchingIn(wxWindow::FindFocus())) { // Escape in the search clears it
        toolbar_->clearSearch();
        applyFilter();
    }
    detail_->flushPending();
    list_->SetFocus();
}

ReportDraft SidebarPanel::reportDefaults() { return reportJob_->defaults(); }

bool SidebarPanel::writingReport() const noexcept { return reportJob_->running(); }

void SidebarPanel::createReport(const ReportDraft& draft) { reportJob_->start(draft); }

void SidebarPanel::onCreateReport()
{
    if (context_.session().view() != SidebarSession::View::Checklist || writingReport())
        return;
    detail_->flushPending(); // the note being typed belongs in the report
    ReportDialog dialog(this, context_.locale(), reportDefaults(),
                        [this](const std::filesystem::path& file) { return context_.session().checkOutputFile(file); });
    if (showModal(dialog) != wxID_OK)
        return;
    createReport(dialog.draft());
}

void SidebarPanel::onPastReports()
{
    if (context_.session().view() != SidebarSession::View::Checklist)
        return;
    auto reports = context_.session().reports();
    if (!reports) {
        context_.reportStatus(reports.error());
        return;
    }
    PastReportsDialog dialog(this, context_.locale(), context_.language(), std::move(reports.value()));
    showModal(dialog);
}

void SidebarPanel::undo() { edits_->undo(); }

void SidebarPanel::redo() { edits_->redo(); }

void SidebarPanel::focusList() { leaveForList(); }

void SidebarPanel::flushPending()
{
    if (detail_)
        detail_->flushPending();
}

void SidebarPanel::showProblem(const std::string& description) { showMessage(description, true); }

void SidebarPanel::showMessage(const std::string& text, bool problem)
{
    problemLabel_->SetForegroundColour(problem ? wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT)
                                               : GetForegroundColour());
    problemLabel_->SetLabelText(wrapForLabel(*problemLabel_, fromUtf8(text), wrapWidth(*this)));
    problemLabel_->Show(!text.empty());
    Layout();
}

void SidebarPanel::toggleItem(std::size_t index)
{
    const SidebarSession& session = context_.session();
    if (!session.checklist() || index >= session.checklist()->items.size())
        return;
    const std::int64_t id = session.checklist()->items[index].id;
    const int row = list_->rowOf(false, id);
    if (row < 0) // hidden by the filter: the tick still applies to the item asked for
        edits_->tick(id);
    else
        edits_->toggleRow(static_cast<std::size_t>(row));
}

void SidebarPanel::selectItem(std::size_t index)
{
    const SidebarSession& session = context_.session();
    if (!session.checklist() || index >= session.checklist()->items.size())
        return;
    const int row = list_->rowOf(false, session.checklist()->items[index].id);
    if (row < 0)
        return;
    list_->SetFocus(); // as a click on the row would
    list_->selectRow(row);
    onListSelection();
}

void SidebarPanel::setSearchText(const std::string& text)
{
    toolbar_->setSearchText(text);
}

void SidebarPanel::attachTemplate(const std::string& template_key) { emptyState_->attachTemplate(template_key); }

std::unique_ptr<wxMenu> SidebarPanel::moreMenu() const
{
    std::vector<std::string> keys;
    return toolbar_->moreMenu(keys);
}

} // namespace rapport::ui
