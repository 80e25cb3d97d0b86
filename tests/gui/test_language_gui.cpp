// Live language switching in the real panel under Xvfb: en -> ru -> tr -> zh_CN -> en.
#include "checklist_view.h"
#include "gui_support.h"
#include "localization.h"
#include "sidebar_controller.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/checkbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace rapport;
using rapport::testing::findNamed;

namespace {

// Every text a person can see in the panel, keyed by where it is shown.
std::map<std::string, wxString> visibleTexts(wxWindow* root)
{
    std::map<std::string, wxString> texts;
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        if (!window->IsShown())
            return;
        if (auto* rows = dynamic_cast<ui::ChecklistView*>(window)) {
            for (std::size_t i = 0; i < rows->rows().size(); ++i) {
                const auto& row = rows->rows()[i];
                const std::string at = "rapport-items[" + std::to_string(i) + "]";
                texts[at] = row.title;
                if (!row.section)
                    texts[at + ".status"] = row.statusWord;
            }
        } else if (auto* field = dynamic_cast<wxTextCtrl*>(window)) {
            if (!field->GetValue().empty())
                texts[window->GetName().ToStdString()] = field->GetValue();
            if (!field->GetHint().empty())
                texts[window->GetName().ToStdString() + ".hint"] = field->GetHint();
        } else if (auto* list = dynamic_cast<wxCheckListBox*>(window)) {
            for (unsigned i = 0; i < list->GetCount(); ++i)
                texts[window->GetName().ToStdString() + "[" + std::to_string(i) + "]"] = list->GetString(i);
        } else if (auto* choice = dynamic_cast<wxChoice*>(window)) {
            if (window->GetName() != "rapport-language") // each language named in itself, by design
                for (unsigned i = 0; i < choice->GetCount(); ++i)
                    texts[window->GetName().ToStdString() + "[" + std::to_string(i) + "]"] = choice->GetString(i);
        } else if (dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxButton*>(window) ||
                   dynamic_cast<wxCheckBox*>(window)) {
            // A file name is not translated; nor is each language's name, in itself, on the selector.
            if (window->GetName() != "rapport-document" && window->GetName() != "rapport-language" &&
                !window->GetLabel().empty())
                texts[window->GetName().ToStdString()] = window->GetLabel();
        }
        if (window->GetToolTipText().size() > 0 && window->GetName() != "rapport-document") // a path
            texts[window->GetName().ToStdString() + ".tooltip"] = window->GetToolTipText();
        for (wxWindow* child : window->GetChildren())
            walk(child);
    };
    walk(root);
    return texts;
}

// A Latin word of three or more letters with a lower-case letter in it: English left
// untranslated. All-capital acronyms such as SMART may stay in any language.
bool hasLatinWord(const wxString& shown)
{
    // Key names are printed on keyboards in Latin letters everywhere.
    wxString text = shown;
    for (const char* key : {"Ctrl", "Shift", "Alt", "Enter", "Esc", "Del"})
        text.Replace(key, "");
    int run = 0;
    bool lower = false;
    for (wxUniChar c : text) {
        const bool isLower = c >= 'a' && c <= 'z';
        const bool isLatin = isLower || (c >= 'A' && c <= 'Z');
        run = isLatin ? run + 1 : 0;
        lower = isLatin && (lower || isLower);
        if (run >= 3 && lower)
            return true;
    }
    return false;
}

// Labels must show whole: a control narrower than the text it needs is cut off.
void checkNothingCutOff(wxWindow* root, const char* language)
{
    std::function<void(wxWindow*)> walk = [&](wxWindow* window) {
        if (!window->IsShown())
            return;
        if ((dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxButton*>(window) ||
             dynamic_cast<wxCheckBox*>(window)) &&
            window->GetName() != "rapport-document" && !window->HasFlag(wxST_ELLIPSIZE_END)) {
            const wxSize best = window->GetBestSize();
            const wxSize actual = window->GetSize();
            const std::string label = std::string(language) + ": \"" + window->GetLabel().utf8_str().data() + "\"";
            CHECK_MESSAGE(actual.x >= best.x, (label + " needs " + std::to_string(best.x) + " px, has " + std::to_string(actual.x)));
            CHECK_MESSAGE(actual.y >= best.y, (label + " needs " + std::to_string(best.y) + " px high, has " + std::to_string(actual.y)));
        }
        for (wxWindow* child : window->GetChildren())
            walk(child);
    };
    walk(root);
}

// The same walk at the narrowest width the panel supports and at a comfortable one.
void switchLanguagesAt(int width)
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(width);
    host.frame->SetPosition({0, 0});
    host.frame->SetSize(width, 760);
    ui::SidebarController sidebar(host.frame, host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("tick 1"));
    REQUIRE(sidebar.runTestCommand("select 2"));
    auto* items = findNamed<ui::ChecklistView>(sidebar.panel(), "rapport-items");
    const int selectedRow = items->GetSelection();
    REQUIRE(selectedRow > 0);
    host.frame->Layout();
    rapport::testing::settle();
    const std::string suffix = "-" + std::to_string(width) + ".png";

    const auto english = visibleTexts(sidebar.panel());
    REQUIRE(english.size() > 20);
    checkNothingCutOff(sidebar.panel(), "en");
    CHECK(rapport::testing::screenshot(host.frame, "sidebar-en" + suffix));

    for (const char* code : {"ru", "tr", "zh_CN"}) {
        REQUIRE(sidebar.runTestCommand(std::string("language ") + code));
        rapport::testing::settle();
        CHECK(languageCode(sidebar.language()) == code);
        const auto shown = visibleTexts(sidebar.panel());
        CHECK(shown.size() == english.size());
        for (const auto& [where, text] : shown) {
            const auto before = english.find(where);
            const bool hasLetters = std::any_of(text.begin(), text.end(), [](wxUniChar c) { return wxIsalpha(c); });
            if (before != english.end() && hasLetters) // "9%" is the same in Chinese
                CHECK_MESSAGE(text != before->second, (std::string(code) + ": \"" + text.utf8_str().data() + "\" at " +
                                                           where + " is still English"));
            if (std::string(code) != "tr")
                CHECK_MESSAGE(!hasLatinWord(text), (std::string(code) + ": \"" + text.utf8_str().data() + "\" at " + where));
        }
        checkNothingCutOff(sidebar.panel(), code);
        // The selection and the ticks survive the switch.
        CHECK(items->GetSelection() == selectedRow);
        CHECK(items->rows()[2].status == ItemStatus::Done); // row 0 is the first section heading
        CHECK(rapport::testing::screenshot(host.frame, std::string("sidebar-") + code + suffix));
    }

    REQUIRE(sidebar.runTestCommand("language en"));
    rapport::testing::settle();
    const auto back = visibleTexts(sidebar.panel());
    for (const auto& [where, text] : english) {
        const auto again = back.find(where);
        CHECK_MESSAGE(again != back.end(), (where + " is gone after returning to English"));
        if (again != back.end())
            CHECK_MESSAGE(again->second == text, (where + ": \"" + again->second.utf8_string() + "\" instead of \"" +
                                                  text.utf8_string() + "\""));
    }
    CHECK(back.size() == english.size());
    CHECK(items->GetSelection() == selectedRow);

    // The choice persists: a new sidebar starts in the language chosen last.
    REQUIRE(sidebar.runTestCommand("language tr"));
    REQUIRE(sidebar.settingsWritten()); // what the end of a sidebar waits for, as a restart ends it
    ui::SidebarController next(host.frame, host);
    CHECK(next.language() == Language::Turkish);
    CHECK(std::locale().name() == std::locale::classic().name());
}

} // namespace

TEST_CASE("the whole sidebar switches language live and comes back unchanged, 240 px wide")
{
    switchLanguagesAt(240);
}

TEST_CASE("the whole sidebar switches language live and comes back unchanged, 480 px wide")
{
    switchLanguagesAt(480);
}
