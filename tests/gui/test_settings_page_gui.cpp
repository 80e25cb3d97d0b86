// The settings page (plugin/ui/settings_page.h) in a dialog as a host shows it: in every
// language nothing is cut, OK keeps the choices in settings.xml and the sidebar follows at
// once, and a settings file that cannot be written changes nothing.
#include "../read_only.h"
#include "gui_support.h"
#include "localization.h"
#include "preferences.h"
#include "settings.h"
#include "settings_page.h"
#include "sidebar_controller.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <functional>
#include <thread>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::settle;

namespace {

// A dialog the size of a host's settings dialog's page area, holding the page.
struct PageDialog {
    wxDialog* dialog;
    ui::SettingsPage* page;
    PageDialog(wxWindow* parent, ui::SidebarController& sidebar, int width)
    {
        dialog = new wxDialog(parent, wxID_ANY, "Settings", wxDefaultPosition, wxSize(width, 420));
        page = new ui::SettingsPage(dialog, sidebar);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(page, 1, wxEXPAND);
        dialog->SetSizer(sizer);
        dialog->Show();
        dialog->Layout();
        settle();
    }
    ~PageDialog() { dialog->Destroy(); }
};

// Every label and check box of the page shows whole: as wide as its text needs, inside the page.
void checkNothingCut(wxWindow* page, const std::string& language)
{
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        if ((dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxCheckBox*>(window)) && window->IsShown()) {
            const std::string label = language + ": \"" + window->GetLabel().utf8_string() + "\"";
            CHECK_MESSAGE(window->GetSize().x >= window->GetBestSize().x, label << " is cut");
            CHECK_MESSAGE(window->GetRect().GetRight() <= page->GetClientSize().x, label << " runs off the page");
            CHECK_MESSAGE(window->GetRect().GetBottom() <= page->GetClientSize().y, label << " is below the page");
        }
        for (wxWindow* child : window->GetChildren())
            walk(child);
    };
    walk(page);
}

} // namespace

TEST_CASE("the settings page in every language: nothing cut at the width of a host's settings dialog")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    for (const Language language : kLanguages) {
        sidebar.setLanguage(language);
        PageDialog shown(host.frame, sidebar, 640);
        const std::string code(languageCode(language));
        checkNothingCut(shown.page, code);
        // Every entry of the language choice is in the sidebar's language or the language itself.
        auto* languages = findNamed<wxChoice>(shown.page, "rapport-settings-language");
        CHECK(languages->GetCount() == kLanguages.size() + 1);
        if (language != Language::English)
            CHECK(languages->GetString(0) != "The editor's language");
        CHECK(findNamed<wxTextCtrl>(shown.page, "rapport-settings-store")->GetValue().utf8_string() ==
              (data.path / "rapport.sqlite3").string());
        rapport::testing::screenshot(shown.dialog, "settings-page-" + code + ".png");
    }
    CHECK(host.errors.empty());
}

TEST_CASE("the settings page's OK keeps the choices and the sidebar follows at once")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    host.language = "tr"; // the editor speaks Turkish
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    {
        PageDialog shown(host.frame, sidebar, 640);
        CHECK(findNamed<wxChoice>(shown.page, "rapport-settings-language")->GetSelection() == 1); // English
        findNamed<wxChoice>(shown.page, "rapport-settings-language")->SetSelection(2);          // Russian
        findNamed<wxCheckBox>(shown.page, "rapport-settings-reminders")->SetValue(false);
        findNamed<wxSpinCtrl>(shown.page, "rapport-settings-waiting-days")->SetValue(10);
        findNamed<wxSpinCtrl>(shown.page, "rapport-settings-backups-kept")->SetValue(12);
        REQUIRE(shown.page->apply(true));
    }
    CHECK(sidebar.language() == Language::Russian);
    const Preferences kept = readPreferences(Settings::load(data.path / "settings.xml"));
    CHECK(kept.language == "ru");
    CHECK_FALSE(kept.reminders);
    CHECK(kept.waiting_days == 10);
    CHECK(kept.backups_kept == 12);

    // "The editor's language": the sidebar follows the editor's (Turkish) from then on.
    {
        PageDialog shown(host.frame, sidebar, 640);
        CHECK(findNamed<wxCheckBox>(shown.page, "rapport-settings-reminders")->GetValue() == false);
        CHECK(findNamed<wxSpinCtrl>(shown.page, "rapport-settings-waiting-days")->GetValue() == 10);
        findNamed<wxChoice>(shown.page, "rapport-settings-language")->SetSelection(0);
        REQUIRE(shown.page->apply(true));
    }
    CHECK(sidebar.language() == Language::Turkish);
    CHECK(readPreferences(Settings::load(data.path / "settings.xml")).language.empty());
    CHECK(host.errors.empty());
}

TEST_CASE("a language switch does not wait for settings.xml: the file holds the choice after, and a failed write is "
          "said without anyone waiting for it")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    const auto file = data.path / "settings.xml";
    sidebar.setLanguage(Language::Russian);
    REQUIRE(sidebar.settingsWritten());
    CHECK(readPreferences(Settings::peek(file)).language == "ru");
    CHECK(host.errors.empty());

    rapport::testing::ReadOnly readOnly({file, data.path});
    sidebar.setLanguage(Language::Turkish);
    CHECK(sidebar.language() == Language::Turkish); // shown at once
    // The worker's failure reaches the UI thread through the event loop alone.
    for (int i = 0; i < 1000 && host.errors.empty(); ++i) { // up to 10 s on a busy machine
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        settle();
    }
    REQUIRE(host.errors.size() == 1);
    CHECK(host.errors.front().find("settings.xml") != std::string::npos);
    auto* problem = findNamed<wxStaticText>(sidebar.panel(), "rapport-problem");
    CHECK(problem->IsShown());
    CHECK_FALSE(problem->GetLabelText().empty());
    CHECK_FALSE(sidebar.settingsWritten()); // the file does not hold the last choice
    CHECK(host.errors.size() == 1);          // and that was said once
    CHECK(readPreferences(Settings::peek(file)).language == "ru"); // the last choice that could be kept
}

TEST_CASE("a settings file that cannot be written: the page says so and nothing changes")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English); // writes settings.xml
    REQUIRE(sidebar.settingsWritten());
    const auto file = data.path / "settings.xml";
    REQUIRE(std::filesystem::exists(file));
    rapport::testing::ReadOnly readOnly({file, data.path});
    PageDialog shown(host.frame, sidebar, 640);
    findNamed<wxChoice>(shown.page, "rapport-settings-language")->SetSelection(4); // Chinese
    findNamed<wxSpinCtrl>(shown.page, "rapport-settings-waiting-days")->SetValue(3);
    CHECK_FALSE(shown.page->apply(true));
    CHECK(sidebar.language() == Language::English);
    CHECK(sidebar.preferences().waiting_days == 7);
    CHECK(readPreferences(Settings::peek(file)).language == "en");
    CHECK_FALSE(host.errors.empty()); // logged
}
