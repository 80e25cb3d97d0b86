#include "item_text.h"
#include "report_dialogs.h"

#include "checklist_view.h"
#include "item_detail.h"
#include "relabeler.h"
#include "report_file.h"
#include "text_rules.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

constexpr ReportFormat kFormats[] = {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Text, ReportFormat::Pdf};

wxString formatName(ReportFormat format, const std::locale& loc)
{
    switch (format) {
    case ReportFormat::Html:
        // TRANSLATORS: a report format: a self-contained web page.
        return translated(bl::translate("Web page (HTML)"), loc);
    case ReportFormat::Markdown:
        // TRANSLATORS: a report format: Markdown text, to paste into an email or a notes app.
        return translated(bl::translate("Markdown (for email or notes)"), loc);
    case ReportFormat::Text:
        // TRANSLATORS: a report format: plain text.
        return translated(bl::translate("Plain text"), loc);
    case ReportFormat::Pdf:
        // TRANSLATORS: a report format.
        return translated(bl::translate("PDF"), loc);
    }
    return {};
}

// A date and time in the interface language, for the list of past reports.
std::string madeAt(std::int64_t unix_seconds, Language language)
{
    const std::time_t when = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    localtime_r(&when, &local);
    const std::chrono::year_month_day day{std::chrono::year{local.tm_year + 1900},
                                          std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                          std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    char time[16];
    std::snprintf(time, sizeof time, " %02d:%02d", local.tm_hour, local.tm_min);
    return Localization::shared().formatDate(language, std::chrono::sys_days(day)) + time;
}

wxTextCtrl* multiline(wxWindow* parent, const char* name, int lines)
{
    return new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                          wxSize(-1, parent->FromDIP(10) + lines * parent->GetCharHeight()), wxTE_MULTILINE,
                          wxDefaultValidator, name);
}

} // namespace

ReportDialog::ReportDialog(wxWindow* parent, const std::locale& loc, const ReportDraft& initial, FileCheck checkFile)
    : wxDialog(parent, wxID_ANY, translated(bl::translate("Create report"), loc), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rapport-report-dialog"),
      locale_(loc), checkFile_(std::move(checkFile))
{
    const int gap = FromDIP(6);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1, 1);
    const auto label = [&](const boost::locale::message& text) {
        auto* made = new wxStaticText(this, wxID_ANY, translated(text, loc));
        grid->Add(made, 0, wxALIGN_CENTER_VERTICAL);
        return made;
    };

    // TRANSLATORS: in "Create report": the language the client reads the report in.
    label(bl::translate("Client's &language:"));
    language_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                             "rapport-report-language");
    for (Language language : kLanguages)
        language_->Append(fromUtf8(std::string(nativeLanguageName(language))));
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (kLanguages[i] == initial.language)
            language_->SetSelection(static_cast<int>(i));
    grid->Add(language_, 1, wxEXPAND);

    // TRANSLATORS: in "Create report": the file format.
    label(bl::translate("&Format:"));
    format_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                           "rapport-report-format");
    for (ReportFormat format : kFormats) {
        format_->Append(formatName(format, loc));
        if (format == initial.format)
            format_->SetSelection(static_cast<int>(format_->GetCount() - 1));
    }
    grid->Add(format_, 1, wxEXPAND);

    // TRANSLATORS: in "Create report": where the report file is saved.
    label(bl::translate("Sa&ve as:"));
    file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString::FromUTF8(initial.file.string()),
                                 translated(bl::translate("Save the report as"), loc), wxFileSelectorDefaultWildcardStr,
                                 wxDefaultPosition, FromDIP(wxSize(360, -1)),
                                 wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL, wxDefaultValidator,
                                 "rapport-report-file");
    // wx labels the picker's button "Browse" from its own catalogue, which a plugin never
    // loads (that would change the host's language): our own word instead.
    if (wxControl* browse = file_->GetPickerCtrl())
        // TRANSLATORS: in "Create report": the button that opens a file chooser for "Save as".
        browse->SetLabel(translated(bl::translate("&Browse…"), loc));
    grid->Add(file_, 1, wxEXPAND);
    column->Add(grid, 0, wxEXPAND | wxALL, gap);

    // TRANSLATORS: in "Create report": the user's own summary, shown at the top of the report.
    column->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("&Summary for the client:"), loc)), 0,
                wxLEFT | wxRIGHT, gap);
    summary_ = multiline(this, "rapport-report-summary", 4);
    summary_->SetValue(fromUtf8(initial.summary));
    column->Add(summary_, 1, wxEXPAND | wxALL, gap);
    // TRANSLATORS: in "Create report": what happens next, in the user's words.
    column->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("&Next steps:"), loc)), 0,
                wxLEFT | wxRIGHT, gap);
    nextSteps_ = multiline(this, "rapport-report-next-steps", 3);
    nextSteps_->SetValue(fromUtf8(initial.next_steps));
    column->Add(nextSteps_, 1, wxEXPAND | wxALL, gap);
    // TRANSLATORS: a note in "Create report".
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  translated(bl::translate("Internal items are never included. A copy of every report "
                                                           "is kept with the document."),
                                             loc));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    // Wrapped by Unicode's rules (wxStaticText::Wrap breaks only at spaces: Chinese never would).
    hint->SetLabelText(wrapForLabel(*hint, hint->GetLabelText(), FromDIP(460)));
    column->Add(hint, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    problem_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                "rapport-report-problem");
    problem_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    problem_->Hide();
    column->Add(problem_, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxStdDialogButtonSizer;
    // TRANSLATORS: the button that writes the report file.
    auto* create = new wxButton(this, wxID_OK, translated(bl::translate("&Create"), loc));
    create->SetDefault();
    buttons->AddButton(create);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, translated(bl::translate("Cancel"), loc)));
    buttons->Realize();
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(column);
    CentreOnParent(); // over the sidebar, on screen: its top-level window may be a hidden one (Geany)

    format_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { contained([&] { onFormatChanged(); }); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        contained([&] {
            if (validate())
                event.Skip(); // wxDialog ends the modal loop
        });
    }, wxID_OK);
    summary_->SetFocus();
}

void ReportDialog::showUnexpected(const std::string& what)
{
    problem_->SetLabel(fromUtf8(what));
    problem_->Show(true);
    Layout();
}

void ReportDialog::onFormatChanged()
{
    // The file name follows the format, so "report.html" becomes "report.pdf".
    std::filesystem::path file = file_->GetPath().utf8_string();
    if (file.empty())
        return;
    file.replace_extension(reportFileExtension(draft().format));
    file_->SetPath(wxString::FromUTF8(file.string()));
}

ReportDraft ReportDialog::draft() const
{
    ReportDraft draft;
    const int language = language_->GetSelection();
    draft.language = kLanguages.at(language < 0 ? 0 : static_cast<std::size_t>(language));
    const int format = format_->GetSelection();
    draft.format = kFormats[format < 0 ? 0 : format];
    draft.summary = summary_->GetValue().utf8_string();
    draft.next_steps = nextSteps_->GetValue().utf8_string();
    draft.file = std::filesystem::path(file_->GetPath().utf8_string());
    return draft;
}

bool ReportDialog::validate()
{
    const ReportDraft current = draft();
    wxString problem;
    std::error_code ec;
    if (current.file.empty()) {
        problem = translated(bl::translate("Choose where to save the report."), locale_);
    } else if (!std::filesystem::is_directory(current.file.has_parent_path() ? current.file.parent_path() : ".", ec)) {
        // TRANSLATORS: {1} is a folder path.
        problem = fromUtf8((bl::format(bl::translate("The folder {1} does not exist.")) % current.file.parent_path().string())
                               .str(locale_));
    } else if (std::filesystem::is_directory(current.file, ec)) {
        problem = translated(bl::translate("Choose a file name, not a folder."), locale_);
    } else if (const Status allowed = checkFile_ ? checkFile_(current.file) : Status{}; !allowed) {
        problem = fromUtf8(allowed.error().description(locale_)); // the store, a document, a device
    } else if (const Status summary = checkText(TextField::ReportText, current.summary); !summary) {
        problem = fromUtf8(summary.error().description(locale_));
    } else if (const Status next = checkText(TextField::ReportText, current.next_steps); !next) {
        problem = fromUtf8(next.error().description(locale_));
    }
    problem_->SetLabel(problem);
    problem_->Show(!problem.empty());
    Layout();
    return problem.empty();
}

PastReportsDialog::PastReportsDialog(wxWindow* parent, const std::locale& loc, Language language,
                                     std::vector<Store::StoredReport> reports)
    : wxDialog(parent, wxID_ANY, translated(bl::translate("Past reports"), loc), wxDefaultPosition,
               parent->FromDIP(wxSize(620, 560)), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rapport-reports-dialog"),
      locale_(loc), language_(language), reports_(std::move(reports))
{
    const int gap = FromDIP(6);
    auto* column = new wxBoxSizer(wxVERTICAL);
    // TRANSLATORS: above the list of past reports; selecting two shows what changed between them.
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  translated(bl::translate("Select a report to read it, or two to see what changed "
                                                           "between them."),
                                             loc));
    column->Add(hint, 0, wxEXPAND | wxALL, gap);
    // The hint follows the dialog's width, wrapped, never cut.
    Bind(wxEVT_SIZE, [this, hint, gap, text = hint->GetLabelText()](wxSizeEvent& event) {
        event.Skip();
        const wxString wrapped = wrapForLabel(*hint, text, GetClientSize().x - 2 * gap);
        if (wrapped != hint->GetLabelText()) {
            hint->SetLabelText(wrapped);
            CallAfter([this] { Layout(); });
        }
    });
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 140)), wxLC_REPORT,
                           wxDefaultValidator, "rapport-reports");
    // TRANSLATORS: column of the past reports list: when the report was made.
    list_->AppendColumn(translated(bl::translate("Made"), loc), wxLIST_FORMAT_LEFT, FromDIP(220));
    // TRANSLATORS: column of the past reports list: the report's language.
    list_->AppendColumn(translated(bl::translate("Language"), loc), wxLIST_FORMAT_LEFT, FromDIP(140));
    // TRANSLATORS: column of the past reports list: the file format.
    list_->AppendColumn(translated(bl::translate("Format"), loc), wxLIST_FORMAT_LEFT, FromDIP(120));
    for (std::size_t i = 0; i < reports_.size(); ++i) {
        const auto& report = reports_[i];
        const long row = list_->InsertItem(static_cast<long>(i), fromUtf8(madeAt(report.made_at, language)));
        const auto reportLanguage = parseLanguage(report.language_code);
        list_->SetItem(row, 1, fromUtf8(reportLanguage ? std::string(nativeLanguageName(*reportLanguage))
                                                       : report.language_code));
        const auto format = parseReportFormat(report.format);
        list_->SetItem(row, 2, format ? formatName(*format, loc) : fromUtf8(report.format));
    }
    // Each column as wide as its widest text or its heading: nothing in the list is cut.
    for (int c = 0; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE);
        const int cells = list_->GetColumnWidth(c);
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        list_->SetColumnWidth(c, std::max(cells, list_->GetColumnWidth(c)));
    }
    column->Add(list_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    view_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP, wxDefaultValidator, "rapport-report-view");
    view_->SetFont(wxFont(wxFontInfo().Family(wxFONTFAMILY_TELETYPE)));
    column->Add(view_, 1, wxEXPAND | wxALL, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    // TRANSLATORS: button opening the selected past report as a web page in the browser.
    open_ = new wxButton(this, wxID_ANY, translated(bl::translate("Open in &browser"), loc), wxDefaultPosition,
                         wxDefaultSize, 0, wxDefaultValidator, "rapport-report-open");
    buttons->Add(open_, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, translated(bl::translate("Close"), loc)), 0);
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(column);
    SetEscapeId(wxID_CANCEL);
    CentreOnParent();

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { contained([&] { showSelection(); }); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { contained([&] { showSelection(); }); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        contained([&] {
            // Beside the store, in the user's own data folder, not in a shared temporary one.
            const auto folder = defaultStoreFile().parent_path() / "opened-reports";
            auto opened = openInBrowser(folder);
            if (!opened)
                view_->SetValue(fromUtf8(opened.error().description(locale_)));
        });
    });
    if (!reports_.empty())
        selectRows({0});
    else
        view_->SetValue(translated(bl::translate("No report has been made for this document yet."), loc));
    list_->SetFocus();
}

void PastReportsDialog::showUnexpected(const std::string& what) { view_->SetValue(fromUtf8(what)); }

std::vector<long> PastReportsDialog::selectedRows() const
{
    std::vector<long> rows;
    for (long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); row != -1;
         row = list_->GetNextItem(row, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        rows.push_back(row);
    return rows;
}

void PastReportsDialog::selectRows(const std::vector<long>& rows)
{
    for (long row = 0; row < list_->GetItemCount(); ++row)
        list_->SetItemState(row, 0, wxLIST_STATE_SELECTED);
    for (long row : rows)
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    showSelection();
}

void PastReportsDialog::showSelection()
{
    const std::vector<long> rows = selectedRows();
    open_->Enable(rows.size() == 1);
    if (rows.size() == 1) {
        auto content = reportFromXml(reports_[static_cast<std::size_t>(rows[0])].content_xml);
        view_->SetValue(content ? fromUtf8(renderText(content.value())) : fromUtf8(content.error().description(locale_)));
    } else if (rows.size() == 2) {
        // The list is newest first: the lower row is the older report.
        auto older = reportFromXml(reports_[static_cast<std::size_t>(rows[1])].content_xml);
        auto newer = reportFromXml(reports_[static_cast<std::size_t>(rows[0])].content_xml);
        if (!older || !newer) {
            view_->SetValue(fromUtf8((!older ? older.error() : newer.error()).description(locale_)));
            return;
        }
        view_->SetValue(fromUtf8(describeDiff(diffReports(older.value(), newer.value()), locale_, language_)));
    } else if (!rows.empty()) {
        view_->SetValue(translated(bl::translate("Select one report to read it, or two to compare them."), locale_));
    }
}

wxString PastReportsDialog::shownText() const { return view_->GetValue(); }

Result<std::filesystem::path> PastReportsDialog::openInBrowser(const std::filesystem::path& folder, bool launch)
{
    const std::vector<long> rows = selectedRows();
    if (rows.size() != 1)
        return Error{ErrorCode::InvalidArgument, {}, "select one report"};
    const auto& stored = reports_[static_cast<std::size_t>(rows[0])];
    auto content = reportFromXml(stored.content_xml);
    if (!content)
        return content.error();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const auto file = folder / ("report-" + std::to_string(stored.made_at) + "-" + std::to_string(stored.id) + ".html");
    if (Status written = writeReportFile(content.value(), ReportFormat::Html, file); !written)
        return written.error();
    if (launch)
        wxLaunchDefaultBrowser(wxString::FromUTF8("file://" + file.string()));
    return file;
}

std::string describeDiff(const ReportDiff& diff, const std::locale& loc, Language language)
{
    const Localization& localization = Localization::shared();
    // TRANSLATORS: first line of the comparison of two reports; {1} and {2} are percentages.
    std::string text = (bl::format(bl::translate("Progress: {1} → {2}")) %
                        localization.formatPercent(language, diff.percent_before / 100.0) %
                        localization.formatPercent(language, diff.percent_after / 100.0))
                           .str(loc) +
                       "\n\n";
    if (diff.changes.empty())
        text += bl::translate("No item changed its status.").str(loc) + "\n";
    for (const ReportItemChange& change : diff.changes) {
        std::string line;
        if (!change.before) {
            // TRANSLATORS: an item that appears only in the newer report; {1} is its title, {2} its status.
            line = (bl::format(bl::translate("New: {1} ({2})")) % change.title %
                    statusName(*change.after, loc)).str(loc);
        } else if (!change.after) {
            // TRANSLATORS: an item no longer in the newer report; {1} is its title.
            line = (bl::format(bl::translate("No longer listed: {1}")) % change.title).str(loc);
        } else {
            // TRANSLATORS: an item whose status changed; {1} title, {2} old status, {3} new status.
            line = (bl::format(bl::translate("{1}: {2} → {3}")) % change.title %
                    statusName(*change.before, loc) % statusName(*change.after, loc))
                       .str(loc);
        }
        text += "\xE2\x80\xA2 " + line + "\n";
    }
    return text;
}

} // namespace rapport::ui
