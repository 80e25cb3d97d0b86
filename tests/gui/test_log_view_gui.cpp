// The client log in the real sidebar under Xvfb, driven by real key presses only: an entry
// with a promise added from the list with Ctrl+Alt+Shift+J, undone and redone, filtered by
// kind and by open promises, resolved with Enter, its promise shown on the checklist with
// Ctrl+Enter; then the log in all four languages at 240, 320 and 480 px with nothing cut
// (build/artifacts/log-view-*.png).
#include "calendar.h"
#include "gui_support.h"
#include "localization.h"
#include "checklist_view.h"
#include "date_text.h"
#include "log_dialogs.h"
#include "log_entries_view.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "store.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <tuple>

using namespace rapport;
using rapport::testing::committedChecklist;
using rapport::testing::committedLog;
using rapport::testing::findNamed;
using rapport::testing::focusWithin;
using rapport::testing::isoDay;
using rapport::testing::Keyboard;
using rapport::testing::ModalScript;
using rapport::testing::settle;

namespace {

constexpr int kCtrlAlt = wxMOD_CONTROL | wxMOD_ALT;

void attachKickoff(const std::filesystem::path& data, const std::string& doc)
{
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    REQUIRE(store.value().attach(canonicalDocumentPath(doc), "kickoff",
                                 {{"kickoff", "scope-in-out", {}, "scope"}, {"kickoff", "budget", {}, "money"}}));
}

// Sends keys without waiting: inside a modal loop the loop itself handles them.
void send(int key, int modifiers = wxMOD_NONE)
{
    wxUIActionSimulator sim;
    sim.Char(key, modifiers);
}

void sendText(const char* text)
{
    wxUIActionSimulator sim;
    sim.Text(text);
}

} // namespace

TEST_CASE("an entry with a promise, from the keyboard alone: added, undone, filtered, resolved, followed")
{
    rapport::testing::DataFolder data;
    const std::string doc = (data.path / "brief.md").string();
    attachKickoff(data.path, doc);
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged(doc);
    settle();
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    Keyboard keys;
    focusWithin(host.frame, findNamed<wxWindow>(panel, "rapport-items"));
    const std::string due = isoDay(3);

    // Ctrl+Alt+Shift+J in the checklist opens the dialog; what is typed there is all it takes.
    ModalScript adding("rapport-log-dialog", {
        // Xvfb has no window manager to make a new dialog the active window, as a desktop does.
        [](wxWindow* dialog) { dialog->Raise(); },
        [](wxWindow* dialog) {
            CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(dialog, "rapport-log-said"));
            sendText("The homepage feels slow on phones");
            send(WXK_TAB);
        },
        [](wxWindow*) {
            send(WXK_DOWN);
            send(WXK_DOWN); // Request -> Change request -> Complaint
            send(WXK_TAB);
        },
        [](wxWindow* dialog) {
            // (wx cannot name the focus inside a GTK combo box; the choices made show where it was.)
            CHECK(findNamed<wxChoice>(dialog, "rapport-log-kind")->GetSelection() == 2);
            send(WXK_DOWN); // Call -> Email
            send(WXK_TAB);
        },
        [](wxWindow* dialog) {
            CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(dialog, "rapport-log-promise"));
            sendText("Send a faster homepage build");
            send(WXK_TAB);
        },
        [due](wxWindow* dialog) {
            CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(dialog, "rapport-log-due-text"));
            sendText(due.c_str());
            send(WXK_RETURN, wxMOD_CONTROL);
        },
    });
    keys.press('J', kCtrlAlt | wxMOD_SHIFT);
    for (int i = 0; i < 100 && !adding.finished(); ++i)
        settle();
    settle();
    CHECK(adding.finished());

    std::vector<LogEntry> log = committedLog(data.path, doc);
    REQUIRE(log.size() == 1);
    CHECK(log[0].said == "The homepage feels slow on phones");
    CHECK(log[0].kind == LogKind::Complaint);
    CHECK(log[0].channel == LogChannel::Email);
    CHECK(log[0].when.substr(0, 10) == localToday());
    REQUIRE(log[0].promise_item_id != 0);
    const Checklist afterAdd = committedChecklist(data.path, doc);
    const auto promised = std::find_if(afterAdd.items.begin(), afterAdd.items.end(),
                                       [&](const ChecklistItem& item) { return item.id == log[0].promise_item_id; });
    REQUIRE(promised != afterAdd.items.end());
    CHECK(promised->custom_text == "Send a faster homepage build");
    CHECK(promised->due == due);

    // The log is in view, its new entry selected and drawn with its promise.
    CHECK(panel->clientLogShown());
    CHECK(findNamed<wxToggleButton>(panel, "rapport-view-log")->GetValue());
    CHECK_FALSE(findNamed<wxWindow>(panel, "rapport-items")->IsShownOnScreen());
    auto* entries = findNamed<ui::LogEntriesView>(panel, "rapport-log-entries");
    REQUIRE(entries->rows().size() == 1);
    CHECK(entries->selectedId() == 1);
    CHECK(wxWindow::FindFocus() == entries);
    wxString drawn;
    for (const wxString& line : entries->wrappedLines(0))
        drawn += line + " ";
    CHECK(drawn.Contains("Complaint"));
    CHECK(drawn.Contains("We promised:"));
    CHECK(drawn.Contains("(open)"));

    // Ctrl+Z undoes the entry and its promise in one step; Ctrl+Y brings both back.
    keys.press('Z', wxMOD_CONTROL);
    CHECK(committedLog(data.path, doc).empty());
    CHECK(committedChecklist(data.path, doc).items.size() == afterAdd.items.size() - 1);
    CHECK(entries->rows().empty());
    CHECK(findNamed<wxStaticText>(panel, "rapport-log-empty")->IsShown());
    keys.press('Y', wxMOD_CONTROL);
    REQUIRE(committedLog(data.path, doc).size() == 1);
    CHECK(entries->rows().size() == 1);

    // The kind filter: complaints show it, approvals do not.
    auto* kindFilter = findNamed<wxChoice>(panel, "rapport-log-filter");
    focusWithin(host.frame, kindFilter);
    for (int i = 0; i < 3; ++i)
        keys.press(WXK_DOWN); // All entries -> Request -> Change request -> Complaint
    CHECK(kindFilter->GetSelection() == 3);
    CHECK(entries->rows().size() == 1);
    keys.press(WXK_DOWN); // Approval
    CHECK(entries->rows().empty());
    CHECK(findNamed<wxStaticText>(panel, "rapport-log-empty")->GetLabelText().Contains("No entry matches"));
    for (int i = 0; i < 4; ++i)
        keys.press(WXK_UP);
    CHECK(kindFilter->GetSelection() == 0);
    // Open promises only: the promise is open, so the entry stays.
    auto* openOnly = findNamed<wxCheckBox>(panel, "rapport-log-open-promises");
    focusWithin(host.frame, openOnly);
    keys.press(WXK_SPACE);
    CHECK(openOnly->GetValue());
    CHECK(entries->rows().size() == 1);

    // Enter on the entry resolves it.
    focusWithin(host.frame, entries);
    ModalScript resolving("rapport-resolve-dialog", {
        [](wxWindow* dialog) { dialog->Raise(); },
        [](wxWindow* dialog) {
            CHECK(wxWindow::FindFocus() == findNamed<wxTextCtrl>(dialog, "rapport-resolve-resolution"));
            sendText("Images compressed; called back the same day");
            send(WXK_RETURN, wxMOD_CONTROL);
        },
    });
    keys.press(WXK_RETURN);
    for (int i = 0; i < 100 && !resolving.finished(); ++i)
        settle();
    settle();
    CHECK(resolving.finished());
    CHECK(committedLog(data.path, doc)[0].resolution == "Images compressed; called back the same day");

    // Ctrl+Enter shows the promise on the checklist, selected; Ctrl+Alt+J goes back to the log.
    focusWithin(host.frame, entries);
    keys.press(WXK_RETURN, wxMOD_CONTROL);
    CHECK_FALSE(panel->clientLogShown());
    auto* items = findNamed<ui::ChecklistView>(panel, "rapport-items");
    CHECK(items->IsShownOnScreen());
    REQUIRE(items->selectedRow() != nullptr);
    CHECK(items->selectedRow()->id == log[0].promise_item_id);
    CHECK(wxWindow::FindFocus() == items);
    // The item's side of the link: its details say where it was promised.
    auto* promisedIn = findNamed<wxStaticText>(panel, "rapport-detail-promised-in");
    CHECK(promisedIn->IsShown());
    wxString promisedText = promisedIn->GetLabelText();
    promisedText.Replace("\n", " ");
    CHECK(promisedText.Contains("feels slow"));
    // The header counts the promise once its date has come; here it is still open.
    wxString schedule = findNamed<wxStaticText>(panel, "rapport-schedule")->GetLabelText();
    CHECK_FALSE(schedule.Contains("Promises kept"));
    keys.press('J', kCtrlAlt);
    CHECK(panel->clientLogShown());
    CHECK(host.errors.empty());
}

TEST_CASE("the client log in every language, from 240 to 480 px: nothing cut")
{
    rapport::testing::DataFolder data;
    const std::string doc = (data.path / "brief.md").string();
    attachKickoff(data.path, doc);
    {
        SidebarSession session(data.path / "rapport.sqlite3", TemplateLibrary::load(defaultTemplateFolders()));
        REQUIRE(session.openStore());
        REQUIRE(session.setActiveDocument(doc));
        LogEntry request;
        request.when = isoDay(-2) + "T09:30";
        request.channel = LogChannel::Call;
        request.who = "Zeynep Yılmaz-Öztürk";
        request.kind = LogKind::Request;
        request.said = "Could the pricing page show prices in lira as well as euros, with a note on taxes?";
        request.answer = "Yes, next week, with the tax note checked by their accountant";
        REQUIRE(session.addLogEntry(request, "Pricing page in two currencies with a tax note", isoDay(-1)));
        LogEntry change;
        change.when = isoDay(-1) + "T16:05";
        change.channel = LogChannel::Meeting;
        change.kind = LogKind::ChangeRequest;
        change.said = "请把联系表单改成三步，并加上微信二维码。";
        REQUIRE(session.addLogEntry(change, "", ""));
        LogEntry internal;
        internal.when = isoDay(0) + "T11:00";
        internal.channel = LogChannel::Message;
        internal.kind = LogKind::Feedback;
        internal.internal = true;
        internal.said = "Довольны новым логотипом, но просят показать его на тёмном фоне до пятницы.";
        REQUIRE(session.addLogEntry(internal, "", ""));
    }
    for (const int width : {240, 320, 480}) {
        rapport::testing::FrameHost host(width);
        ui::SidebarController sidebar(host.frame, host);
        sidebar.onActiveDocumentChanged(doc);
        auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
        REQUIRE(panel != nullptr);
        panel->showClientLog(true);
        settle();
        for (const auto& [language, code, overdueWord] :
             {std::tuple{Language::English, "en", "broken"}, std::tuple{Language::Russian, "ru", "нарушено"},
              std::tuple{Language::Turkish, "tr", "tutulmadı"}, std::tuple{Language::ChineseSimplified, "zh_CN", "未兑现"}}) {
            const std::string where = std::string(code) + " at " + std::to_string(width) + " px";
            CAPTURE(where);
            sidebar.setLanguage(language);
            settle();
            auto* entries = findNamed<ui::LogEntriesView>(panel, "rapport-log-entries");
            REQUIRE(entries->rows().size() == 3);
            for (std::size_t row = 0; row < entries->rows().size(); ++row)
                CHECK(entries->widestLine(row) <= entries->textWidth());
            if (language == Language::English) {
                wxString schedule = findNamed<wxStaticText>(panel, "rapport-schedule")->GetLabelText();
                schedule.Replace("\n", " ");
                schedule.Replace(wxString::FromUTF8("\u00A0"), " "); // kept with its value (line_breaking.h)
                schedule.Replace(wxString::FromUTF8("\u2060"), "");
                CHECK(schedule.Contains("Promises kept: 0 of 1 on time"));
            }
            // The broken promise is said in words, in the language.
            wxString oldest;
            for (const wxString& line : entries->wrappedLines(2))
                oldest += line;
            CHECK(oldest.Contains(wxString::FromUTF8(overdueWord)));
            for (const char* name : {"rapport-view-checklist", "rapport-view-log", "rapport-log-filter",
                                     "rapport-log-open-promises",
                                     "rapport-log-add", "rapport-log-resolve", "rapport-log-go-to-promise"}) {
                auto* control = findNamed<wxWindow>(panel, name);
                const std::string control_name = name;
                CAPTURE(control_name);
                CHECK(control->GetSize().x >= control->GetBestSize().x);
                CHECK(control->GetScreenRect().GetRight() <= panel->GetScreenRect().GetRight());
            }
            CHECK(rapport::testing::screenshot(panel, "log-view-" + std::string(code) + "-" + std::to_string(width) +
                                                          ".png"));
        }
        CHECK(host.errors.empty());
    }
}

TEST_CASE("the log's dialogs in every language: every label, choice and button whole")
{
    rapport::testing::DataFolder data;
    const std::string doc = (data.path / "brief.md").string();
    attachKickoff(data.path, doc);
    rapport::testing::FrameHost host(320);
    SidebarSession session(data.path / "rapport.sqlite3", TemplateLibrary::load(defaultTemplateFolders()));
    REQUIRE(session.openStore());
    REQUIRE(session.setActiveDocument(doc));
    LogEntry change;
    change.when = "2026-11-30T10:00";
    change.kind = LogKind::ChangeRequest;
    change.said = "Add a blog section with categories and an RSS feed";
    auto number = session.addLogEntry(change, "", "");
    REQUIRE(number);
    // Every control of `dialog` at least as wide as it asks to be, and inside the dialog.
    const auto checkWhole = [](wxWindow* dialog) {
        const wxRect inside(wxPoint(0, 0), dialog->GetClientSize());
        for (wxWindow* child : dialog->GetChildren()) {
            if (!child->IsShown())
                continue;
            const std::string name = child->GetName().utf8_string() + " \"" + child->GetLabel().utf8_string() + "\"";
            CAPTURE(name);
            if (auto* text = dynamic_cast<wxTextCtrl*>(child)) {
                // A field's best size is GTK's default width, not its content's. A time or a date
                // must show whole; the user's own text may scroll, as in any field.
                const wxString field = text->GetName();
                if (field == "rapport-log-time" || field.EndsWith("-text"))
                    CHECK(text->GetTextExtent(text->GetValue()).x + text->FromDIP(12) <= text->GetSize().x);
            } else {
                CHECK(child->GetSize().x >= child->GetBestSize().x);
            }
            CHECK(inside.Contains(child->GetRect()));
        }
    };
    for (const auto& [language, code] : {std::pair{Language::English, "en"}, std::pair{Language::Russian, "ru"},
                                         std::pair{Language::Turkish, "tr"},
                                         std::pair{Language::ChineseSimplified, "zh_CN"}}) {
        const std::string language_code = code;
        CAPTURE(language_code);
        const std::locale& loc = Localization::shared().locale(language);
        {
            ui::LogEntryDialog dialog(host.frame, session, language, loc);
            dialog.Show();
            settle();
            checkWhole(&dialog);
            // The date is the sidebar's language's, never the C locale's.
            const std::string today = findNamed<wxTextCtrl>(&dialog, "rapport-log-date-text")->GetValue().utf8_string();
            CHECK(parseDateText(language, today) == localToday());
            CHECK(today != localToday());
            CHECK(today.find('/') == std::string::npos);
            CHECK(rapport::testing::screenshot(&dialog, "log-entry-dialog-" + std::string(code) + ".png"));
        }
        {
            ui::LogResolveDialog dialog(host.frame, session, *session.logEntry(number.value()), loc);
            dialog.Show();
            settle();
            checkWhole(&dialog);
            CHECK(findNamed<wxWindow>(&dialog, "rapport-resolve-awaiting")->IsShown());
            CHECK(rapport::testing::screenshot(&dialog, "log-resolve-dialog-" + std::string(code) + ".png"));
        }
    }
}
