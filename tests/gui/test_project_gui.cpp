// The project settings in the real sidebar under Xvfb: the dialog edited with real key
// presses (the rhythm chosen with the arrow keys), the header saying what is due, "Mark
// update sent", and screenshots in English and Russian (build/artifacts/project-*.png).
#include "calendar.h"
#include "gui_support.h"
#include "localization.h"
#include "project_dialog.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "store.h"
#include "update_rhythm.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <chrono>
#include <cstdio>
#include <tuple>
#include <thread>

using namespace rapport;
using rapport::testing::committedChecklist;
using rapport::testing::findNamed;
using rapport::testing::isoDay;
using rapport::testing::settle;
using rapport::testing::Keyboard;
using rapport::testing::focusWithin;

namespace {


// The report dialog starts from the client's report language (here Russian), not the sidebar's.
bool session_language_is_default(ui::SidebarPanel* panel)
{
    return panel->reportDefaults().language == Language::Russian;
}

} // namespace

TEST_CASE("the project dialog: the client typed and the rhythm chosen by keyboard reach the store")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    const std::string doc = (data.path / "brief.md").string();
    SidebarSession session(data.path / "rapport.sqlite3", TemplateLibrary::load(defaultTemplateFolders()));
    REQUIRE(session.openStore());
    REQUIRE(session.setActiveDocument(doc));
    REQUIRE(session.attachTemplate("kickoff"));
    const auto iso = [](const std::string& date) { return wxString::FromUTF8(date); };

    {
        ui::ProjectDialog dialog(host.frame, session, Language::English, Localization::shared().locale(Language::English), iso);
        dialog.Show();
        settle();
        Keyboard keys;
        focusWithin(&dialog, findNamed<wxTextCtrl>(&dialog, "rapport-project-client"));
        keys.type("Acme");
        auto* rhythm = findNamed<wxChoice>(&dialog, "rapport-project-rhythm");
        CHECK(rhythm->GetSelection() == 0);
        focusWithin(&dialog, rhythm);
        for (int i = 0; i < 3; ++i)
            keys.press(WXK_DOWN); // No regular updates -> Weekly -> Every two weeks -> Monthly
        CHECK(rhythm->GetSelection() == 3);
        CHECK(dialog.settings().update_rhythm == "monthly");
        auto* save = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK));
        REQUIRE(save != nullptr);
        focusWithin(&dialog, save);
        keys.press(WXK_RETURN);
        CHECK_FALSE(dialog.IsShown()); // saved and closed
    }
    const Checklist saved = committedChecklist(data.path, doc);
    CHECK(saved.client_name == "Acme");
    CHECK(saved.update_rhythm == "monthly");
    // A rhythm chosen with no next update yet offers the first: a month from today.
    CHECK(saved.next_update_due == advanceByRhythm(*parseUpdateRhythm("monthly"), localToday()));
    CHECK(session.undoName() == "Change project settings");

    // Two rounds of two agreed, then the dialog as it looks, in English and in Russian.
    ProjectSettings settings = projectSettingsOf(saved);
    settings.revision_rounds_agreed = 2;
    settings.client_language = "ru";
    settings.deadline = "2027-03-31";
    REQUIRE(session.setProjectSettings(settings));
    REQUIRE(session.startRevisionRound("Homepage copy"));
    REQUIRE(session.startRevisionRound("Logo colours, second try"));
    CHECK(session.defaultReportLanguage() == Language::Russian);
    for (const auto& [language, name, used] :
         {std::tuple{Language::English, "project-dialog-en.png", "2 of 2 rounds used"},
          std::tuple{Language::Russian, "project-dialog-ru.png", "использовано 2 из 2 раундов"}}) {
        ui::ProjectDialog dialog(host.frame, session, language, Localization::shared().locale(language), iso);
        dialog.Show();
        settle();
        CHECK(findNamed<wxStaticText>(&dialog, "rapport-project-rounds-used")->GetLabel().utf8_string() == used);
        CHECK(findNamed<wxStaticText>(&dialog, "rapport-project-round-list")->GetLabel().Contains("Homepage"));
        CHECK(findNamed<wxChoice>(&dialog, "rapport-project-language")->GetSelection() == 2); // Русский
        CHECK(dialog.settings() == settings);
        // Dates in the dialog's language, as the sidebar shows them (never the C locale's 03/31/2027).
        const std::string deadline =
            findNamed<wxTextCtrl>(&dialog, "rapport-project-deadline-text")->GetValue().utf8_string();
        CHECK(deadline == Localization::shared().formatDate(
                              language, std::chrono::sys_days{std::chrono::year{2027} / std::chrono::March / 31}));
        CHECK(deadline.find("03/31") == std::string::npos);
        CHECK(rapport::testing::screenshot(&dialog, name));
        dialog.Hide();
    }
}

TEST_CASE("the header says what is due; Mark update sent moves the next update by the rhythm")
{
    rapport::testing::DataFolder data;
    const std::string doc = (data.path / "brief.md").string();
    const std::string yesterday = isoDay(-1);
    {
        auto store = Store::open(data.path / "rapport.sqlite3");
        REQUIRE(store);
        auto attached = store.value().attach(canonicalDocumentPath(doc), "kickoff",
                                             {{"kickoff", "scope-in-out", {}, "scope"}, {"kickoff", "budget", {}, "money"}});
        REQUIRE(attached);
        const auto id = attached.value().document_id;
        ProjectSettings settings;
        settings.client_name = "Acme";
        settings.client_language = "ru";
        settings.update_rhythm = "weekly";
        settings.next_update_due = yesterday;
        settings.revision_rounds_agreed = 3;
        REQUIRE(store.value().apply(projectSettingsChanges(attached.value(), settings)));
        REQUIRE(store.value().apply(changes::itemField(ChangeKind::Due, id, attached.value().items[0].id, yesterday)));
    }
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged(doc);
    settle();
    auto* panel = dynamic_cast<ui::SidebarPanel*>(sidebar.panel());
    REQUIRE(panel != nullptr);
    auto* due = findNamed<wxStaticText>(panel, "rapport-due-next");
    // The label as read, its wrapping undone.
    const auto shown = [due] {
        wxString text = due->GetLabel();
        text.Replace("\n", " ");
        return text;
    };
    CHECK(due->IsShown());
    CHECK(shown().Contains("Update overdue since"));
    CHECK(shown().Contains("1 item overdue"));
    CHECK(rapport::testing::screenshot(panel, "project-header-en.png"));
    sidebar.setLanguage(Language::Russian);
    settle();
    CHECK_FALSE(shown().Contains("overdue"));
    CHECK(shown().Contains("Обновление просрочено с"));
    CHECK(rapport::testing::screenshot(panel, "project-header-ru.png"));
    sidebar.setLanguage(Language::English);
    settle();

    panel->markUpdateSent();
    settle();
    const Checklist after = committedChecklist(data.path, doc);
    CHECK(after.next_update_due == advanceByRhythm(*parseUpdateRhythm("weekly"), yesterday));
    CHECK(after.next_update_due > localToday());
    CHECK_FALSE(shown().Contains("Update"));
    CHECK(shown().Contains("1 item overdue"));

    // The report dialog offers the client's language; once a report is saved, "Mark update
    // sent" is offered, and pressing it moves the next update on by one more week.
    REQUIRE(session_language_is_default(panel));
    auto* markSent = findNamed<wxButton>(panel, "rapport-mark-sent");
    CHECK_FALSE(markSent->IsShown());
    ui::ReportDraft draft = panel->reportDefaults();
    draft.format = ReportFormat::Markdown;
    draft.file = data.path / "update.md";
    panel->createReport(draft);
    for (int i = 0; i < 400 && panel->writingReport(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        settle();
    }
    settle();
    REQUIRE_FALSE(panel->writingReport());
    CHECK(std::filesystem::exists(data.path / "update.md"));
    CHECK(markSent->IsShown());
    wxCommandEvent click(wxEVT_BUTTON, markSent->GetId());
    click.SetEventObject(markSent);
    markSent->ProcessWindowEvent(click);
    settle();
    CHECK_FALSE(markSent->IsShown());
    CHECK(committedChecklist(data.path, doc).next_update_due ==
          advanceByRhythm(*parseUpdateRhythm("weekly"), yesterday, 2));
    CHECK(host.errors.empty());
}
