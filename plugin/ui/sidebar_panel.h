// The wx face of SidebarSession: draws the active document's checklist and turns
// clicks and keys into session calls. Holds no state the session does not have,
// except what the user is looking at: the filter and the selection.
#pragma once

#include "checklist_view.h"
#include "localization.h"
#include "relabeler.h"
#include "sidebar_session.h"

#include <filesystem>
#include <functional>
#include <locale>
#include <map>
#include <memory>
#include <thread>
#include <atomic>
#include <utility>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

class wxBoxSizer;
class wxButton;
class wxCheckListBox;
class wxChoice;
class wxGauge;
class wxMenu;
class wxSearchCtrl;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;

namespace rapport::ui {

class ChecklistView;
class ItemDetail;
struct ReportDraft;

// The sidebar panel.
class SidebarPanel : public wxPanel {
public:
    // Something the panel did, for the host's log and the test channel.
    using TraceSink = std::function<void(const std::string& line)>;
    // An error the user has been shown, for the host's log.
    using ErrorSink = std::function<void(const std::string& description)>;
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

    // Redraws everything from the session (after a document switch or a reload).
    void refresh();
    // Relabels the whole panel in `language` without rebuilding it.
    void setLanguage(Language language);
    // Shows a problem in the panel's message line; "" hides it.
    void showProblem(const std::string& description);
    // Commits text still being typed, before the document changes or the host closes.
    void flushPending();

    // The same path a click on an item's status icon takes: To do <-> Done of checklist item `index`.
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
    // Makes a report as "Create report…" does once its dialog is confirmed: builds it here,
    // writes the file on a worker thread (progress shown), then keeps a copy in the store.
    void createReport(const ReportDraft& draft);
    // Whether a report is being written now.
    bool writingReport() const noexcept { return reportWorker_.joinable() && !reportDone_->load(); }
    // The defaults "Create report…" starts from: the last report's language, a file beside the document.
    ReportDraft reportDefaults();

private:
    void buildControls();
    void buildEmptyState(wxBoxSizer* column);
    void buildChecklistState(wxBoxSizer* column);
    void fillTemplateList();
    // Shows the language at `index` on the selector button.
    void showChosenLanguage(std::size_t index);
    void showTemplatePreview();
    // Returns whether the header's size changed (the panel then needs a layout).
    bool refreshHeader();
    void refreshList();
    void refreshDetail();
    void onChanged(const Status& status, const std::string& trace);
    void onListKey(wxKeyEvent& event);
    void onCharHook(wxKeyEvent& event);
    void onListSelection();
    void onAttachClicked();
    void onStartEmptyClicked();
    void onAddItem();
    void onAddSection();
    void onMoreMenu();
    void onCreateReport();
    void onPastReports();
    void onReportWritten(const Status& written);
    void showNotice(const std::string& text);
    void setStatusOfSelection(ItemStatus status);
    void toggleRow(std::size_t row);
    void applyFilter();
    std::string today() const;
    wxString formattedDate(const std::string& iso) const;
    void reportStatus(const Status& status);
    void trace(const std::string& line) const;

    SidebarSession& session_;
    TraceSink traceSink_;
    ErrorSink errorSink_;
    Language language_ = Language::English;
    std::locale locale_ = std::locale::classic();
    Relabeler relabeler_;
    ItemFilter filter_;
    std::string listedDocument_;             // whose rows the list shows now
    std::vector<std::string> templateKeys_;  // the template list's keys, in display order
    bool templateListStale_ = false;         // its titles are in an earlier language
    bool layoutPending_ = true;              // labels changed size since the last layout
    mutable std::map<std::string, wxString> dateCache_; // formatted dates in the current language
    WrappedLabels wrapped_;

    LanguageSink languageSink_;
    wxButton* languageButton_ = nullptr;
    std::vector<std::string> languageNames_; // native names, in the order of setLanguageChoices()
    std::size_t languageChosen_ = 0;
    wxStaticText* documentLabel_ = nullptr;
    wxGauge* progressBar_ = nullptr;
    wxStaticText* percentLabel_ = nullptr;
    wxStaticText* countsLabel_ = nullptr;
    wxStaticText* scheduleLabel_ = nullptr;
    // Empty state.
    wxStaticText* emptyLabel_ = nullptr;
    wxStaticText* templatesLabel_ = nullptr;
    wxCheckListBox* templateList_ = nullptr;
    wxStaticText* previewLabel_ = nullptr;
    wxTextCtrl* preview_ = nullptr;
    wxButton* attachButton_ = nullptr;
    wxButton* emptyButton_ = nullptr;
    // Checklist state.
    wxSearchCtrl* search_ = nullptr;
    wxChoice* filterChoice_ = nullptr;
    wxButton* addSectionButton_ = nullptr;
    wxButton* undoButton_ = nullptr;
    wxButton* redoButton_ = nullptr;
    wxButton* moreButton_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    wxPanel* listPane_ = nullptr;
    ChecklistView* list_ = nullptr;
    wxTextCtrl* newItem_ = nullptr;
    ItemDetail* detail_ = nullptr;
    wxStaticText* problemLabel_ = nullptr;
    wxGauge* reportProgress_ = nullptr;
    wxTimer reportPulse_;

    // The report being written: its content and file, kept to store its snapshot when done.
    std::unique_ptr<ReportDraft> pendingDraft_;
    std::unique_ptr<ReportContent> pendingReport_;
    std::int64_t pendingDocument_ = 0;
    std::shared_ptr<std::atomic<bool>> reportDone_ = std::make_shared<std::atomic<bool>>(true);
    std::shared_ptr<int> alive_ = std::make_shared<int>(0); // the worker's callback checks the panel lives
    std::jthread reportWorker_;
};

} // namespace rapport::ui
