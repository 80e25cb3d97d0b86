// Reports from the real sidebar under Xvfb: "Create report…" and "Past reports…".
#include "gui_support.h"
#include "report_dialogs.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "output_path.h"
#include "store.h"

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace rapport;
using rapport::testing::readBytes;
using rapport::testing::findNamed;
using rapport::testing::settle;
using rapport::testing::waitForReport;

namespace {

ui::SidebarPanel* panelOf(ui::SidebarController& sidebar)
{
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    return panel;
}

std::vector<Store::StoredReport> storedReports(const std::filesystem::path& data, const std::string& doc)
{
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    auto checklist = store.value().checklistFor(canonicalDocumentPath(doc));
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    auto reports = store.value().reports(checklist.value()->document_id);
    REQUIRE(reports);
    return reports.value();
}

} // namespace

TEST_CASE("a report is written in the client's language, off the UI thread, and kept with the document")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English); // the interface stays English; the report is Russian
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("tick 0"));
    auto* panel = panelOf(sidebar);

    // With no report yet, the default language is the sidebar's, the file sits beside the document.
    ui::ReportDraft defaults = panel->reportDefaults();
    CHECK(defaults.language == Language::English);
    CHECK(defaults.format == ReportFormat::Html);
    CHECK(defaults.file.parent_path() == std::filesystem::path(canonicalDocumentPath(doc)).parent_path());
    CHECK(defaults.file.extension() == ".html");

    const auto html = data.path / "отчёт.html";
    REQUIRE(sidebar.runTestCommand("report ru html " + html.string()));
    waitForReport(panel);
    CHECK(host.errors.empty());
    const std::string page = readBytes(html);
    CHECK(page.find("<html lang=\"ru\"") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("Выполнено") != std::string::npos);
    auto reports = storedReports(data.path, doc);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].language_code == "ru");
    CHECK(reports[0].format == "html");
    CHECK(findNamed<wxStaticText>(sidebar.panel(), "rapport-problem")->GetLabelText().Contains("отчёт.html"));

    // The next report defaults to the last one's language.
    CHECK(panel->reportDefaults().language == Language::Russian);

    // A PDF, in Chinese.
    const auto pdf = data.path / "report.pdf";
    REQUIRE(sidebar.runTestCommand("tick 1"));
    REQUIRE(sidebar.runTestCommand("report zh_CN pdf " + pdf.string()));
    waitForReport(panel);
    CHECK(readBytes(pdf).rfind("%PDF-", 0) == 0);
    CHECK(storedReports(data.path, doc).size() == 2);

    // A folder that does not exist: a clear error, nothing kept.
    REQUIRE(sidebar.runTestCommand("report en md " + (data.path / "missing" / "r.md").string()));
    waitForReport(panel);
    CHECK_FALSE(host.errors.empty());
    CHECK(storedReports(data.path, doc).size() == 2);
    CHECK(findNamed<wxStaticText>(sidebar.panel(), "rapport-problem")->GetLabelText().Contains("could not write"));
}

TEST_CASE("the Create report dialog fills in its defaults, follows the format and refuses a missing folder")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::ReportDraft initial;
    initial.language = Language::Turkish;
    initial.file = data.path / "brief-report.html";
    ui::ReportDialog dialog(host.frame, Localization::shared().locale(Language::English), initial);
    dialog.Show();
    settle();
    CHECK(dialog.draft().language == Language::Turkish);
    CHECK(dialog.draft().file == initial.file);

    auto* format = findNamed<wxChoice>(&dialog, "rapport-report-format");
    format->SetSelection(3); // PDF
    wxCommandEvent chosen(wxEVT_CHOICE, format->GetId());
    format->GetEventHandler()->ProcessEvent(chosen);
    CHECK(dialog.draft().format == ReportFormat::Pdf);
    CHECK(dialog.draft().file.extension() == ".pdf");

    findNamed<wxTextCtrl>(&dialog, "rapport-report-summary")->SetValue("Week 3: design approved.");
    CHECK(dialog.draft().summary == "Week 3: design approved.");
    CHECK(dialog.validate());
    dialog.Refresh();
    settle();
    CHECK(rapport::testing::screenshot(&dialog, "report-dialog.png"));

    findNamed<wxFilePickerCtrl>(&dialog, "rapport-report-file")->SetPath((data.path / "nowhere" / "r.pdf").string());
    CHECK_FALSE(dialog.validate());
    CHECK(findNamed<wxStaticText>(&dialog, "rapport-report-problem")->IsShown());
    dialog.Hide();
}

TEST_CASE("the Create report dialog and the sidebar refuse the store, its backups and a document, as the command line does")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    const std::string doc = (data.path / "brief.md").string();
    { std::ofstream(doc) << "brief"; }
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    auto* panel = panelOf(sidebar);
    const auto store = data.path / "rapport.sqlite3";

    // The dialog, with the panel's own check: each forbidden file is named and refused.
    ui::ReportDraft initial;
    initial.file = data.path / "report.html";
    ui::ReportDialog dialog(host.frame, Localization::shared().locale(Language::English), initial,
                            [&](const std::filesystem::path& file) {
                                auto checked = Store::open(store);
                                REQUIRE(checked);
                                auto paths = protectedPathsOf(checked.value());
                                REQUIRE(paths);
                                return checkOutputPath(file, paths.value());
                            });
    dialog.Show();
    settle();
    auto* picker = findNamed<wxFilePickerCtrl>(&dialog, "rapport-report-file");
    auto* problem = findNamed<wxStaticText>(&dialog, "rapport-report-problem");
    for (const auto& [file, words] : {std::pair{store.string(), "own data"},
                                      std::pair{store.string() + "-wal", "own data"},
                                      std::pair{(data.path / "settings.xml").string(), "own data"},
                                      std::pair{doc, "document with a checklist"},
                                      std::pair{std::string("/dev/null"), "device"}}) {
        CAPTURE(file);
        picker->SetPath(wxString::FromUTF8(file));
        CHECK_FALSE(dialog.validate());
        CHECK(problem->GetLabelText().Contains(words));
    }
    picker->SetPath(wxString::FromUTF8((data.path / "report.html").string()));
    CHECK(dialog.validate());
    dialog.Hide();

    // The sidebar checks again when it starts writing: nothing written, nothing kept.
    REQUIRE(sidebar.runTestCommand("report en html " + store.string()));
    waitForReport(panel);
    CHECK(findNamed<wxStaticText>(sidebar.panel(), "rapport-problem")->GetLabelText().Contains("own data"));
    CHECK(storedReports(data.path, doc).empty());
    CHECK(readBytes(doc) == "brief");
    REQUIRE(sidebar.runTestCommand("report en html " + doc));
    waitForReport(panel);
    CHECK(readBytes(doc) == "brief");
    CHECK(storedReports(data.path, doc).empty());
}

TEST_CASE("past reports are listed, read, compared and opened as a web page")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    const std::string doc = (data.path / "contract.txt").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    auto* panel = panelOf(sidebar);
    REQUIRE(sidebar.runTestCommand("report en txt " + (data.path / "first.txt").string()));
    waitForReport(panel);
    REQUIRE(sidebar.runTestCommand("tick 0"));
    REQUIRE(sidebar.runTestCommand("report en txt " + (data.path / "second.txt").string()));
    waitForReport(panel);
    auto reports = storedReports(data.path, doc);
    REQUIRE(reports.size() == 2);

    ui::PastReportsDialog dialog(host.frame, Localization::shared().locale(Language::English), Language::English,
                                 reports);
    dialog.Show();
    settle();
    // The newest is shown first, as its text.
    CHECK(dialog.shownText() == wxString::FromUTF8(readBytes(data.path / "second.txt")));
    dialog.selectRows({0, 1});
    const wxString diff = dialog.shownText();
    CHECK(diff.Contains(wxString::FromUTF8("→")));
    CHECK(diff.Contains("To do"));
    CHECK(diff.Contains("Done"));
    CHECK(rapport::testing::screenshot(&dialog, "past-reports.png"));

    dialog.selectRows({1});
    auto opened = dialog.openInBrowser(data.path / "opened", false);
    REQUIRE(opened);
    CHECK(readBytes(opened.value()).find("<!DOCTYPE html>") == 0);
    dialog.Hide();
}
