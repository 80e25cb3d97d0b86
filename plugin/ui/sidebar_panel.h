// The wx face of SidebarSession: draws the active document's checklist and turns
// clicks and keys into session calls. Holds no state the session does not have,
// except what the user is looking at: the filter and the selection.
//
// The panel coordinates its parts, each in its own file: the language selector
// (language_selector.h), the header (sidebar_header.h), the empty state with the
// template picker (empty_state.h), the toolbar above the list (list_toolbar.h), the
// list's rows (list_rows.h) and keys (list_keys.h), the edits made from the list
// (checklist_edits.h), the detail area (item_detail.h) and the report job (report_job.h).
// What they share is a PanelContext (panel_context.h).
#pragma once

#include "checklist_view.h"
#include "list_keys.h"
#include "panel_context.h"
#include "report_dialogs.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <wx/panel.h>

class wxBoxSizer;
class wxButton;
class wxToggleButton;
class wxMenu;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;

namespace rapport::ui {

class ChecklistEdits;
class EmptyState;
class ItemDetail;
class LanguageSelector;
class ListToolbar;
class LogView;
class ReportJob;
class SidebarHeader;

// The sidebar panel.
class SidebarPanel : public wxPanel {
public:
    // Where traces and logged errors go (see PanelContext).
    using TraceSink = PanelContext::TraceSink;
    using ErrorSink = PanelContext::ErrorSink;
    // The user picked the language at `index` of the choices given to setLanguageChoices().
    using LanguageSink = std::function<void(std::size_t index)>;

    SidebarPanel(wxWindow* parent, SidebarSession& session, TraceSink trace, ErrorSink error);
    // Waits for a report still being written: the worker must not outlive the panel.
    ~SidebarPanel() override;

    // Fills the language selector with native names and selects `selected`.
    void setLanguageChoices(const std::vector<std::string>& native_names, std::size_t selected, LanguageSink onChosen);
    // The same path choosing a language in the selector's menu takes.
    void chooseLanguage(std::size_t index);
    // The selector's menu: every language, named in itself, the current one checked.
    std::unique_ptr<wxMenu> languageMenu() const;
    // The More… menu as it would open now (null without a checklist), for tests.
    std::unique_ptr<wxMenu> moreMenu() const;

    // Redraws everything from the session (after a document switch or a reload).
    void refresh();
    // Relabels the whole panel in `language` without rebuilding it.
    void setLanguage(Language language);
    // Shows a problem in the panel's message line; "" hides it.
    void showProblem(const std::string& description);
    // Commits text still being typed, before the document changes or the host closes.
    void flushPending();
    // Puts the keyboard focus in the list, as Escape does from the search or the details.
    void focusList();

    // The same path a click on an item's status icon takes: the tick of checklist item `index`.
    void toggleItem(std::size_t index);
    // The same path as choosing templates in the empty state and pressing "Attach checklist".
    void attachTemplate(const std::string& template_key);
    // Selects the row showing checklist item `index` (as a click would) and shows its details.
    void selectItem(std::size_t index);
    // Sets the search text, as typing it into the search field does.
    void setSearchText(const std::string& text);
    // Undoes or redoes the latest change, as the buttons and Ctrl+Z / Ctrl+Y do.
    void undo();
    void redo();
    // Runs the command `id` of panel_actions.h as a host's menu item for it does; false for
    // an unknown id.
    bool runPanelAction(std::string_view id);
    // Makes a report as "Create report…" does once its dialog is confirmed: builds it here,
    // writes the file on a worker thread (progress shown), then keeps a copy in the store.
    void createReport(const ReportDraft& draft);
    // Whether a report is being written now.
    bool writingReport() const noexcept;
    // The defaults "Create report…" starts from: the last report's language, a file beside the document.
    ReportDraft reportDefaults();

    // Sharing with the team (sidebar_panel_sharing.cpp). The sidecar changed on disk: reads
    // it in and redraws, keeping the selection and the text being typed (committed first,
    // so it is the newest change), and says whose change replaced the user's.
    void externalRefresh();
    // "Share with the project…": asks first when `ask`, then shares the checklist.
    void shareChecklist(bool ask);
    // "Stop sharing".
    void unshareChecklist();

    // The project settings (sidebar_panel_project.cpp; project_dialog.h). "Project settings…".
    void openProjectSettings();
    // "Start revision round…": asks what for, warns before going beyond the rounds agreed.
    void startRevisionRound();
    // "Mark update sent": the next update moves by the rhythm; says when it is now due.
    void markUpdateSent();

    // The client log (sidebar_panel_log.cpp; log_view.h). Shows the log in place of the
    // checklist, or the checklist again.
    void showClientLog(bool shown);
    bool clientLogShown() const;
    // "Add to the client log…": shows the log and opens the dialog.
    void addLogEntry();

private:
    void buildChecklistState(wxBoxSizer* column);
    void refreshList();
    void refreshDetail();
    void onAttached(bool from_templates);
    void onChanged(const Status& status, const std::string& trace);
    void run(const KeyCommand& command);
    void onListSelection();
    void onCreateReport();
    void onPastReports();
    void showMessage(const std::string& text, bool problem);
    // Shows or hides the read-only notice and enables the edit controls to match; true
    // when the panel needs a layout.
    bool showReadOnly();
    void applyFilter();
    void leaveForList();
    void showSyncReport(const SyncReport& report);
    // The "Mark update sent" offer shown after a report is saved (sidebar_panel_project.cpp).
    void buildProjectParts(wxBoxSizer* column);
    void offerUpdateSent();
    // The switch between the checklist and the client log, and the log's pane (sidebar_panel_log.cpp).
    void buildViewSwitch(wxBoxSizer* column);
    void buildLogView(wxBoxSizer* column);
    // Shows which of the two is in view on the switch; true when the panel needs a layout.
    bool showViewSwitch(bool hasChecklist);
    // Shows checklist item `item_id` (a promise) in the checklist, selected.
    void showPromiseItem(std::int64_t item_id);

    PanelContext context_; // first: every part refers to it
    std::unique_ptr<LanguageSelector> languageSelector_;
    std::unique_ptr<SidebarHeader> header_;
    std::unique_ptr<EmptyState> emptyState_;
    std::unique_ptr<ListToolbar> toolbar_;
    std::unique_ptr<ChecklistEdits> edits_;
    std::unique_ptr<ReportJob> reportJob_;
    std::unique_ptr<ListKeys> keys_;
    std::unique_ptr<LogView> logView_;
    bool logWanted_ = false; // the user chose the client log over the checklist
    ItemFilter filter_;
    std::string listedDocument_; // whose rows the list shows now
    bool layoutPending_ = true;  // labels changed size since the last layout

    // The checklist state, under the toolbar.
    wxSplitterWindow* splitter_ = nullptr;
    ChecklistView* list_ = nullptr;
    wxTextCtrl* newItem_ = nullptr;
    ItemDetail* detail_ = nullptr;
    wxStaticText* problemLabel_ = nullptr;
    wxStaticText* readOnlyLabel_ = nullptr; // why nothing can be changed, when the store is read-only
    wxButton* markSent_ = nullptr;          // offered after a report is saved, for that document
    std::int64_t markSentFor_ = 0;          // the document it was offered for
    wxToggleButton* viewChecklist_ = nullptr; // the switch between the checklist and the client log
    wxToggleButton* viewLog_ = nullptr;
};

} // namespace rapport::ui
