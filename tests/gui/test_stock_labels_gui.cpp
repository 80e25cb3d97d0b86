// Everything the user reads comes from our catalogues: in ru, tr and zh_CN no wx stock
// label is left in English (wx's own catalogues are never loaded inside a host), and menu
// items carry their key in the accelerator column, never in their text.
#include "checklist_view.h"
#include "date_field.h"
#include "gui_support.h"
#include "localization.h"
#include "report_dialogs.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "store.h"
#include "document_paths.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/stockitem.h>
#include <wx/textctrl.h>

#include <chrono>
#include <functional>
#include <set>
#include <thread>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::settle;

namespace {

std::string utf8(const wxString& text) { return std::string(text.utf8_str().data()); }

// Every stock label wx knows, in English (what a stock id or a wx-made button shows when
// wx's catalogues are not loaded), without mnemonics and ellipses.
std::set<wxString> englishStockLabels()
{
    std::set<wxString> labels;
    for (int id = wxID_LOWEST; id <= wxID_HIGHEST; ++id) {
        if (!wxIsStockID(id))
            continue;
        const wxString label = wxGetStockLabel(id, wxSTOCK_NOFLAGS);
        if (!label.empty())
            labels.insert(label);
    }
    labels.insert("Browse"); // wxFilePickerCtrl's and wxDirPickerCtrl's button
    labels.insert("Close");
    return labels;
}

wxString plainLabel(const wxString& label)
{
    wxString plain = wxStripMenuCodes(label, wxStrip_Mnemonics | wxStrip_Accel);
    plain.Replace(wxString::FromUTF8("…"), "");
    plain.Replace("...", "");
    return plain.Trim().Trim(false);
}

struct Findings {
    std::size_t seen = 0;
    std::vector<std::string> problems;
};

void checkLabel(const wxString& label, const std::string& where, const std::set<wxString>& stock, Findings& found)
{
    if (label.empty())
        return;
    ++found.seen;
    if (stock.count(plainLabel(label)))
        found.problems.push_back(where + ": English stock label \"" + utf8(label) + "\"");
}

void walkWindows(wxWindow* root, const std::string& where, const std::set<wxString>& stock, Findings& found)
{
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        const std::string at = where + " " + utf8(window->GetName());
        if (dynamic_cast<wxButton*>(window) || dynamic_cast<wxStaticText*>(window) ||
            dynamic_cast<wxCheckBox*>(window))
            checkLabel(window->GetLabel(), at, stock, found);
        if (auto* choice = dynamic_cast<wxChoice*>(window))
            for (unsigned i = 0; i < choice->GetCount(); ++i)
                checkLabel(choice->GetString(i), at, stock, found);
        for (wxWindow* child : window->GetChildren())
            walk(child);
    };
    walk(root);
}

void walkMenu(const wxMenu& menu, const std::string& where, const std::set<wxString>& stock, Findings& found)
{
    for (const wxMenuItem* item : menu.GetMenuItems()) {
        if (item->IsSeparator())
            continue;
        const wxString text = item->GetItemLabelText(); // without the accelerator column
        const std::string at = where + " \"" + utf8(text) + "\"";
        checkLabel(text, at, stock, found);
        for (const char* key : {"Ctrl+", "Ctrl-", "Shift+", "Alt+"})
            if (text.Contains(key))
                found.problems.push_back(at + ": a shortcut inside the item's text");
        if (item->GetSubMenu())
            walkMenu(*item->GetSubMenu(), where, stock, found);
    }
}

void expectClean(const Findings& found, const std::string& where, std::size_t at_least)
{
    CHECK_MESSAGE(found.seen >= at_least, where << ": only " << found.seen << " labels seen");
    for (const std::string& problem : found.problems)
        FAIL_CHECK(problem);
}

} // namespace

TEST_CASE("the stock labels a check would catch are English here (wx's catalogues are not loaded)")
{
    const auto stock = englishStockLabels();
    CHECK(stock.count("Cancel") == 1);
    CHECK(stock.count("OK") == 1);
    Findings found;
    checkLabel("&Cancel", "self-test", stock, found);
    CHECK(found.problems.size() == 1);
}

TEST_CASE("no English stock label and no shortcut inside a menu item's text, in ru, tr and zh_CN")
{
    const auto stock = englishStockLabels();
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    sidebar.setLanguage(Language::English);
    const std::string doc = (data.path / "brief.md").string();
    sidebar.onActiveDocumentChanged(doc);
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("select 1"));
    REQUIRE(sidebar.runTestCommand("report en txt " + (data.path / "first.txt").string()));
    rapport::testing::waitForReport(panel);
    const std::vector<StoredReport> reports = rapport::testing::committedReports(data.path, doc);

    for (const Language language : {Language::Russian, Language::Turkish, Language::ChineseSimplified}) {
        const std::string code(languageCode(language));
        INFO(code);
        sidebar.setLanguage(language);
        settle();
        Findings found;
        walkWindows(sidebar.panel(), code + " sidebar", stock, found);
        const std::unique_ptr<wxMenu> more = panel->moreMenu();
        REQUIRE(more != nullptr);
        walkMenu(*more, code + " More menu", stock, found);
        // The keys that used to sit in the item text are in the accelerator column now.
        std::size_t withKeys = 0;
        for (const wxMenuItem* item : more->GetMenuItems())
            withKeys += item->GetItemLabel().Contains("\t") ? 1 : 0;
        CHECK(withKeys >= 3);
        walkMenu(*panel->languageMenu(), code + " language menu", stock, found);
        expectClean(found, code + " sidebar", 20);

        const std::locale& loc = Localization::shared().locale(language);
        {
            ui::ReportDialog dialog(host.frame, loc, panel->reportDefaults());
            Findings inDialog;
            walkWindows(&dialog, code + " report dialog", stock, inDialog);
            expectClean(inDialog, code + " report dialog", 8);
        }
        {
            ui::PastReportsDialog dialog(host.frame, loc, language, reports);
            Findings inDialog;
            walkWindows(&dialog, code + " past reports", stock, inDialog);
            expectClean(inDialog, code + " past reports", 2);
        }
    }
}

TEST_CASE("the due date field and its calendar speak the sidebar's language, and read what is typed in it")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::Russian);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("select 1"));
    settle();
    auto* due = findNamed<ui::DateField>(sidebar.panel(), "rapport-due");
    due->text()->ChangeValue("23.11.2026");
    REQUIRE(due->commitTyped());
    CHECK(due->value() == "2026-11-23");
    const wxString shown = due->text()->GetValue();
    CHECK_MESSAGE(shown.Contains(wxString::FromUTF8("нояб")), utf8(shown));
    CHECK_FALSE(shown.Contains("11/23"));
    // The row shows the same date the same way.
    settle();
    bool rowShowsIt = false;
    for (const auto& row : findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items")->rows())
        rowShowsIt = rowShowsIt || row.dueText.Contains(shown);
    CHECK(rowShowsIt);
    // Not a date: refused, the last good one shown again.
    due->text()->ChangeValue(wxString::FromUTF8("завтра"));
    CHECK_FALSE(due->commitTyped());
    CHECK(due->value() == "2026-11-23");
    CHECK(due->text()->GetValue() == shown);

    // The calendar: the month and the weekdays in Russian, the week from Monday.
    due->openCalendar();
    settle();
    auto* month = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("rapport-calendar-month"));
    REQUIRE(month != nullptr);
    CHECK_MESSAGE(month->GetLabel().Contains(wxString::FromUTF8("ноябрь")), utf8(month->GetLabel()));
    auto* weekday = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("rapport-calendar-weekday"));
    REQUIRE(weekday != nullptr);
    CHECK(weekday->GetLabel() == wxString::FromUTF8("пн"));
    CHECK(rapport::testing::screenshot(month, "calendar-ru.png"));

    // Chinese: the same date, written the Chinese way.
    sidebar.setLanguage(Language::ChineseSimplified);
    settle();
    CHECK_MESSAGE(due->text()->GetValue().Contains(wxString::FromUTF8("2026年11月23日")), utf8(due->text()->GetValue()));
}
