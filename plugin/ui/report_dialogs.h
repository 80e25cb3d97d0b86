// The sidebar's two report windows: "Create report…" asks what the report should be
// (the client's language, the format, the user's summary and next steps, the file), and
// "Past reports…" lists the reports kept for the document, shows one, and shows what
// changed between two of them. Both only collect and show: the panel does the work.
#pragma once

#include "contained.h"
#include "localization.h"
#include "report.h"
#include "store.h"

#include <filesystem>
#include <functional>
#include <locale>
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

class wxChoice;
class wxFilePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace rapport::ui {

// What the user asked for in "Create report…".
struct ReportDraft {
    Language language = Language::English;
    ReportFormat format = ReportFormat::Html;
    std::string summary;
    std::string next_steps;
    std::filesystem::path file;
};

// The "Create report" dialog.
class ReportDialog : public wxDialog {
public:
    // Whether a report may be written to a file (SidebarSession::checkOutputFile).
    using FileCheck = std::function<Status(const std::filesystem::path& file)>;

    // `initial` fills the fields; `loc` is the interface language, for the dialog's own words;
    // `checkFile`, when given, refuses files the command line refuses too (the store, a document).
    ReportDialog(wxWindow* parent, const std::locale& loc, const ReportDraft& initial, FileCheck checkFile = {});

    // What the fields say now.
    ReportDraft draft() const;
    // Checks the fields; shows what is wrong in the dialog and returns false if anything is.
    bool validate();

private:
    // Runs an event handler's body; an unexpected failure is shown in the dialog.
    template <class Body>
    void contained(Body&& body) noexcept
    {
        runContained(body, [this](const std::string& what) { showUnexpected(what); });
    }
    void showUnexpected(const std::string& what);
    void onFormatChanged();

    std::locale locale_;
    FileCheck checkFile_;
    wxChoice* language_ = nullptr;
    wxChoice* format_ = nullptr;
    wxTextCtrl* summary_ = nullptr;
    wxTextCtrl* nextSteps_ = nullptr;
    wxFilePickerCtrl* file_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

// The "Past reports" dialog.
class PastReportsDialog : public wxDialog {
public:
    // `reports` newest first, as Store::reports() gives them.
    PastReportsDialog(wxWindow* parent, const std::locale& loc, Language language,
                      std::vector<Store::StoredReport> reports);

    // Selects the reports at these rows (as clicking them would) and shows the result.
    void selectRows(const std::vector<long>& rows);
    // What the view area shows: one report as text, or the changes between two.
    wxString shownText() const;
    // Writes the selected report as HTML into `folder` and, if `launch`, opens it in the web
    // browser; returns the file, or an error.
    Result<std::filesystem::path> openInBrowser(const std::filesystem::path& folder, bool launch = true);

private:
    // Runs an event handler's body; an unexpected failure is shown in the dialog.
    template <class Body>
    void contained(Body&& body) noexcept
    {
        runContained(body, [this](const std::string& what) { showUnexpected(what); });
    }
    void showUnexpected(const std::string& what);
    void showSelection();
    std::vector<long> selectedRows() const;

    std::locale locale_;
    Language language_;
    std::vector<Store::StoredReport> reports_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* view_ = nullptr;
    wxButton* open_ = nullptr;
};

// The changes between two reports as lines of text in `loc` ("Progress: 20% → 45%", ...).
std::string describeDiff(const ReportDiff& diff, const std::locale& loc, Language language);

} // namespace rapport::ui
