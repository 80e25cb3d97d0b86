// Nothing cut, in any language, from 240 to 600 px: every visible text of the template
// picker, the header, the rows (with a reason, an overdue date, a client owner), the item
// detail and both report dialogs is measured against the width it is given, in all four
// languages at 240, 320 and 480 px; screenshots of each go to build/artifacts/nothing-cut/.
#include "checklist_view.h"
#include "document_paths.h"
#include "gui_support.h"
#include "list_box_fit.h"
#include "localization.h"
#include "output_path.h"
#include "report_dialogs.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "store.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <chrono>
#include <functional>
#include <thread>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::settle;
using rapport::testing::waitForReport;

namespace {

// What one walk found: how many texts it measured, and each cut it saw.
struct Cuts {
    std::size_t measured = 0;
    std::vector<std::string> found;
};

int textWidth(const wxWindow& window, const wxString& line)
{
    wxBitmap pixel(1, 1);
    wxMemoryDC dc(pixel);
    dc.SetFont(window.GetFont());
    return dc.GetTextExtent(line).x;
}

std::string utf8(const wxString& text) { return std::string(text.utf8_str().data()); }

// The window's rectangle must lie inside its parent's client area (a control pushed past
// the panel's edge is cut however well its own text fits).
void checkInsideParent(wxWindow* window, const std::string& where, Cuts& cuts)
{
    wxWindow* parent = window->GetParent();
    if (!parent || window->IsTopLevel())
        return;
    const wxRect rect = window->GetRect();
    const wxSize room = parent->GetClientSize();
    if (rect.GetRight() >= room.x + 1)
        cuts.found.push_back(where + ": " + utf8(window->GetName()) + " reaches x=" + std::to_string(rect.GetRight()) +
                             " in a parent " + std::to_string(room.x) + " px wide");
}

void checkRows(ui::ChecklistView* list, const std::string& where, Cuts& cuts)
{
    for (std::size_t n = 0; n < list->rows().size(); ++n) {
        const ui::ChecklistView::RowLayout layout = list->layoutOf(n);
        const std::string at = where + " row " + std::to_string(n);
        wxBitmap pixel(1, 1);
        wxMemoryDC dc(pixel);
        dc.SetFont(list->rows()[n].section ? list->GetFont().Bold() : list->GetFont());
        for (const wxString& line : layout.title) {
            ++cuts.measured;
            const int width = dc.GetTextExtent(line).x;
            if (width > layout.width)
                cuts.found.push_back(at + " title \"" + utf8(line) + "\" needs " + std::to_string(width) + " px of " +
                                     std::to_string(layout.width));
        }
        for (std::size_t i = 0; i < layout.meta.size(); ++i) {
            ++cuts.measured;
            if (layout.metaRight[i] > layout.width)
                cuts.found.push_back(at + " \"" + utf8(layout.meta[i]) + "\" ends at " +
                                     std::to_string(layout.metaRight[i]) + " px of " + std::to_string(layout.width));
        }
        // A row in view is as tall as its lines: nothing drawn below the next row's top.
        const bool inView = n >= list->GetVisibleRowsBegin() && n < list->GetVisibleRowsEnd();
        if (inView && list->GetItemRect(n).height < layout.height)
            cuts.found.push_back(at + " is " + std::to_string(list->GetItemRect(n).height) + " px high, needs " +
                                 std::to_string(layout.height));
    }
}

// Measures every visible text below `root`.
Cuts measure(wxWindow* root, const std::string& where)
{
    Cuts cuts;
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        if (!window->IsShown())
            return;
        const std::string name = where + " " + utf8(window->GetName());
        checkInsideParent(window, where, cuts);
        if (auto* rows = dynamic_cast<ui::ChecklistView*>(window)) {
            checkRows(rows, where, cuts);
        } else if (auto* list = dynamic_cast<wxCheckListBox*>(window)) {
            const int room = ui::listBoxTextWidth(*list);
            for (unsigned i = 0; i < list->GetCount(); ++i) {
                const wxArrayString lines = wxSplit(list->GetString(i), '\n', '\0');
                for (const wxString& line : lines) {
                    ++cuts.measured;
                    const int width = textWidth(*list, line);
                    if (width > room)
                        cuts.found.push_back(name + "[" + std::to_string(i) + "] \"" + utf8(line) + "\" needs " +
                                             std::to_string(width) + " px of " + std::to_string(room));
                }
                if (!ui::listBoxRowFullyVisible(*list, i))
                    cuts.found.push_back(name + "[" + std::to_string(i) + "] is not wholly in view");
            }
        } else if (auto* label = dynamic_cast<wxStaticText*>(window)) {
            // The document's name is ellipsized in the middle on purpose (its tooltip is the path).
            if (!label->HasFlag(wxST_ELLIPSIZE_MIDDLE) && !label->HasFlag(wxST_ELLIPSIZE_END)) {
                const int room = label->GetClientSize().x;
                for (const wxString& line : wxSplit(label->GetLabelText(), '\n', '\0')) {
                    ++cuts.measured;
                    const int width = textWidth(*label, line);
                    if (width > room)
                        cuts.found.push_back(name + " \"" + utf8(line) + "\" needs " + std::to_string(width) +
                                             " px of " + std::to_string(room));
                }
                const int lines = static_cast<int>(wxSplit(label->GetLabelText(), '\n', '\0').size());
                if (label->GetClientSize().y + 1 < lines * label->GetCharHeight())
                    cuts.found.push_back(name + " shows " + std::to_string(lines) + " lines in " +
                                         std::to_string(label->GetClientSize().y) + " px");
            }
        } else if (auto* table = dynamic_cast<wxListCtrl*>(window); table && table->InReportView()) {
            // Every heading and cell within its column (the generic list cuts, with no ellipsis).
            for (int c = 0; c < table->GetColumnCount(); ++c) {
                wxListItem heading;
                heading.SetMask(wxLIST_MASK_TEXT);
                table->GetColumn(c, heading);
                std::vector<wxString> texts{heading.GetText()};
                for (long r = 0; r < table->GetItemCount(); ++r)
                    texts.push_back(table->GetItemText(r, c));
                for (const wxString& text : texts) {
                    ++cuts.measured;
                    const int width = textWidth(*table, text) + table->FromDIP(8);
                    if (width > table->GetColumnWidth(c))
                        cuts.found.push_back(name + " column " + std::to_string(c) + " \"" + utf8(text) + "\" needs " +
                                             std::to_string(width) + " px of " + std::to_string(table->GetColumnWidth(c)));
                }
            }
        } else if (auto* choice = dynamic_cast<wxChoice*>(window)) {
            // A choice shows its chosen entry (the others in its pop-up, at their full width):
            // that entry and the arrow must fit.
            ++cuts.measured;
            int widest = 0;
            for (unsigned i = 0; i < choice->GetCount(); ++i)
                widest = std::max(widest, textWidth(*choice, choice->GetString(i)));
            const wxString chosen = choice->GetStringSelection();
            const int needed = choice->GetBestSize().x - widest + textWidth(*choice, chosen);
            if (choice->GetSize().x < needed)
                cuts.found.push_back(name + " \"" + utf8(chosen) + "\" needs " + std::to_string(needed) + " px, has " +
                                     std::to_string(choice->GetSize().x));
        } else if (dynamic_cast<wxButton*>(window) || dynamic_cast<wxCheckBox*>(window)) {
            ++cuts.measured;
            const wxSize best = window->GetBestSize();
            const wxSize actual = window->GetSize();
            if (actual.x < best.x || actual.y < best.y)
                cuts.found.push_back(name + " \"" + utf8(window->GetLabel()) + "\" needs " + std::to_string(best.x) +
                                     "x" + std::to_string(best.y) + " px, has " + std::to_string(actual.x) + "x" +
                                     std::to_string(actual.y));
        }
        for (wxWindow* child : window->GetChildren())
            walk(child);
    };
    walk(root);
    return cuts;
}

void expectNothingCut(wxWindow* root, const std::string& where, std::size_t at_least)
{
    const Cuts cuts = measure(root, where);
    CHECK_MESSAGE(cuts.measured >= at_least, where << ": only " << cuts.measured << " texts measured");
    for (const std::string& cut : cuts.found)
        FAIL_CHECK(cut);
}
// Gives the document's checklist what makes rows and the header long: an overdue date,
// a blocked item with its reason, client-owned items, an internal one, and a schedule.
void makeItLong(const std::filesystem::path& data, const std::string& doc)
{
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    auto found = store.value().checklistFor(canonicalDocumentPath(doc));
    REQUIRE(found);
    REQUIRE(found.value().has_value());
    const Checklist& checklist = *found.value();
    REQUIRE(checklist.items.size() >= 3);
    Store& s = store.value();
    const std::int64_t id = checklist.document_id;
    REQUIRE(s.setDue(id, checklist.items[0].id, "2024-01-15"));
    REQUIRE(s.setOwner(id, checklist.items[0].id, Owner::Client));
    REQUIRE(s.setInternal(id, checklist.items[0].id, true));
    REQUIRE(s.setStatus(id, checklist.items[1].id, ItemStatus::Blocked,
                        "waiting for the client's legal department to sign the statement of work", {}));
    REQUIRE(s.setDue(id, checklist.items[1].id, "2024-02-29"));
    REQUIRE(s.setOwner(id, checklist.items[1].id, Owner::Client));
    REQUIRE(s.setDue(id, checklist.items[2].id, "2099-12-31"));
    REQUIRE(s.setRevisionRounds(id, 3, 2));
    REQUIRE(s.setUpdateRhythm(id, 7, "2024-01-22"));
    REQUIRE(s.setDeadline(id, "2024-03-31"));
}

std::string shotName(const std::string& what, const char* code, int width)
{
    return "nothing-cut/" + what + "-" + code + "-" + std::to_string(width) + ".png";
}

void checkAtWidth(int width)
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(width);
    host.frame->SetPosition({0, 0});
    host.frame->SetSize(width, 900);
    ui::SidebarController sidebar(host.frame, host);
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    std::system(("mkdir -p '" + std::string(RAPPORT_BINARY_DIR) + "/artifacts/nothing-cut'").c_str());

    const std::string doc = (data.path / "statement-of-work.md").string();
    const std::string other = (data.path / "notes.txt").string();
    for (const Language language : kLanguages) {
        const char* code = languageCode(language).data();
        sidebar.setLanguage(language);
        const std::string where = std::string(code) + " at " + std::to_string(width) + " px";
        INFO(where);

        // The template picker (a document without a checklist).
        sidebar.onActiveDocumentChanged(other);
        host.frame->Layout();
        settle();
        settle();
        auto* templates = findNamed<wxCheckListBox>(sidebar.panel(), "rapport-templates");
        REQUIRE(templates->IsShown());
        REQUIRE(templates->GetCount() >= 4);
        expectNothingCut(sidebar.panel(), where + ", template picker", 10);
        CHECK(rapport::testing::screenshot(host.frame, shotName("templates", code, width)));

        // The header, the rows and the detail of an item with a reason.
        sidebar.onActiveDocumentChanged(doc);
        if (language == Language::English) {
            REQUIRE(sidebar.runTestCommand("attach kickoff"));
            makeItLong(data.path, doc);
            sidebar.onActiveDocumentChanged(other); // read again from the store
            sidebar.onActiveDocumentChanged(doc);
        }
        REQUIRE(sidebar.runTestCommand("select 2")); // the blocked item, with its reason
        host.frame->Layout();
        settle();
        settle();
        auto* rows = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");
        REQUIRE(rows->rows().size() > 3);
        bool overdueShown = false;
        for (const auto& row : rows->rows())
            overdueShown = overdueShown || row.overdue;
        CHECK(overdueShown);
        CHECK(findNamed<wxStaticText>(sidebar.panel(), "rapport-schedule")->IsShown());
        expectNothingCut(sidebar.panel(), where + ", checklist", 30);
        CHECK(rapport::testing::screenshot(host.frame, shotName("checklist", code, width)));

        // The report dialog and the past reports, in the interface language.
        const std::locale& loc = Localization::shared().locale(language);
        ui::ReportDraft draft = panel->reportDefaults();
        {
            ui::ReportDialog dialog(host.frame, loc, draft);
            dialog.SetSize(std::max(width, dialog.GetBestSize().x), dialog.GetBestSize().y);
            dialog.Show();
            settle();
            expectNothingCut(&dialog, where + ", report dialog", 8);
            CHECK(rapport::testing::screenshot(&dialog, shotName("report-dialog", code, width)));
            dialog.Hide();
        }
        if (language == Language::English) {
            REQUIRE(sidebar.runTestCommand("report en txt " + (data.path / "first.txt").string()));
            waitForReport(panel);
        }
        const std::vector<StoredReport> reports = rapport::testing::committedReports(data.path, doc);
        REQUIRE_FALSE(reports.empty());
        {
            ui::PastReportsDialog dialog(host.frame, loc, language, reports);
            dialog.Show();
            settle();
            expectNothingCut(&dialog, where + ", past reports", 3);
            CHECK(rapport::testing::screenshot(&dialog, shotName("past-reports", code, width)));
            dialog.Hide();
        }
    }
}

} // namespace

TEST_CASE("nothing is cut at 240 px, in any language")
{
    checkAtWidth(240);
}

TEST_CASE("nothing is cut at 320 px, in any language")
{
    checkAtWidth(320);
}

TEST_CASE("nothing is cut at 480 px, in any language")
{
    checkAtWidth(480);
}
