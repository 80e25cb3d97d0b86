// Live language switching in the real panel under Xvfb: en -> ru -> tr -> zh_CN -> en.
#include "gui_support.h"
#include "localization.h"
#include "sidebar_controller.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/stattext.h>

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
        if (auto* list = dynamic_cast<wxCheckListBox*>(window)) {
            for (unsigned i = 0; i < list->GetCount(); ++i)
                texts[window->GetName().ToStdString() + "[" + std::to_string(i) + "]"] = list->GetString(i);
        } else if (auto* choice = dynamic_cast<wxChoice*>(window)) {
            if (window->GetName() != "rapport-language") // each language named in itself, by design
                for (unsigned i = 0; i < choice->GetCount(); ++i)
                    texts[window->GetName().ToStdString() + "[" + std::to_string(i) + "]"] = choice->GetString(i);
        } else if (dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxButton*>(window)) {
            if (window->GetName() != "rapport-document" && !window->GetLabel().empty()) // a file name is not translated
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
bool hasLatinWord(const wxString& text)
{
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
        if ((dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxButton*>(window)) &&
            window->GetName() != "rapport-document") {
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

void screenshot(wxWindow* frame, const std::string& name)
{
    const std::string folder = std::string(RAPPORT_BINARY_DIR) + "/artifacts";
    const wxSize size = frame->GetSize();
    const std::string command = "mkdir -p '" + folder + "' && import -window root -crop " + std::to_string(size.x) + "x" +
                                std::to_string(size.y) + "+0+0 '" + folder + "/" + name + "' 2>/dev/null";
    CHECK(std::system(command.c_str()) == 0);
}

} // namespace

TEST_CASE("the whole sidebar switches language live and comes back unchanged")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(360);
    host.frame->SetPosition({0, 0});
    ui::SidebarController sidebar(host);
    sidebar.setLanguage(Language::English);
    sidebar.onActiveDocumentChanged((data.path / "brief.md").string());
    REQUIRE(sidebar.runTestCommand("attach kickoff"));
    REQUIRE(sidebar.runTestCommand("tick 1"));
    auto* items = findNamed<wxCheckListBox>(sidebar.panel(), "rapport-items");
    items->SetSelection(2);
    host.frame->Layout();
    rapport::testing::settle();

    const auto english = visibleTexts(sidebar.panel());
    REQUIRE(english.size() > 10);
    checkNothingCutOff(sidebar.panel(), "en");
    screenshot(host.frame, "sidebar-en.png");

    for (const char* code : {"ru", "tr", "zh_CN"}) {
        REQUIRE(sidebar.runTestCommand(std::string("language ") + code));
        rapport::testing::settle();
        CHECK(languageCode(sidebar.language()) == code);
        const auto shown = visibleTexts(sidebar.panel());
        CHECK(shown.size() == english.size());
        for (const auto& [where, text] : shown) {
            const auto before = english.find(where);
            if (before != english.end())
                CHECK_MESSAGE(text != before->second, (std::string(code) + ": \"" + text.utf8_str().data() + "\" at " +
                                                           where + " is still English"));
            if (std::string(code) != "tr")
                CHECK_MESSAGE(!hasLatinWord(text), (std::string(code) + ": \"" + text.utf8_str().data() + "\" at " + where));
        }
        checkNothingCutOff(sidebar.panel(), code);
        // The selection and the ticks survive the switch.
        CHECK(items->GetSelection() == 2);
        CHECK(items->IsChecked(1));
        screenshot(host.frame, std::string("sidebar-") + code + ".png");
    }

    REQUIRE(sidebar.runTestCommand("language en"));
    rapport::testing::settle();
    CHECK(visibleTexts(sidebar.panel()) == english);
    CHECK(items->GetSelection() == 2);

    // The choice persists: a new sidebar starts in the language chosen last.
    REQUIRE(sidebar.runTestCommand("language tr"));
    ui::SidebarController next(host);
    CHECK(next.language() == Language::Turkish);
    CHECK(std::locale().name() == std::locale::classic().name());
}
