// The wx face of SidebarSession: draws the active document's checklist and turns
// clicks and keys into session calls. Holds no state the session does not have.
#pragma once

#include "relabeler.h"
#include "sidebar_session.h"

#include <functional>
#include <locale>
#include <string>
#include <vector>

#include <wx/panel.h>

class wxButton;
class wxCheckListBox;
class wxChoice;
class wxGauge;
class wxStaticText;

namespace rapport::ui {

// The sidebar panel.
class SidebarPanel : public wxPanel {
public:
    // Something the panel did, for the host's log and the test channel.
    using TraceSink = std::function<void(const std::string& line)>;
    // An error the user has been shown, for the host's log.
    using ErrorSink = std::function<void(const std::string& description)>;

    // The user picked the language at `index` of the choices given to setLanguageChoices().
    using LanguageSink = std::function<void(std::size_t index)>;

    SidebarPanel(wxWindow* parent, SidebarSession& session, TraceSink trace, ErrorSink error);

    // Fills the language selector with native names and selects `selected`.
    void setLanguageChoices(const std::vector<std::string>& native_names, std::size_t selected, LanguageSink onChosen);
    // The same path choosing a language in the selector takes; for tests.
    void chooseLanguage(std::size_t index);

    // Redraws everything from the session (after a document switch or a reload).
    void refresh();
    // Relabels the whole panel in `loc` without rebuilding it.
    void setLanguage(const std::locale& loc);
    // Shows a problem in the panel's message line; "" hides it.
    void showProblem(const std::string& description);

    // The same path a click on the item's checkbox takes; for keyboard shortcuts and tests.
    void toggleItem(std::size_t index);
    // The same path a click on "Attach checklist" takes, with `template_key` chosen.
    void attachTemplate(const std::string& template_key);

private:
    void buildControls();
    void fillTemplateChoice();
    void onItemToggled(int index);
    void onAttachClicked();
    void reportStatus(const Status& status);
    void trace(const std::string& line) const;

    SidebarSession& session_;
    TraceSink traceSink_;
    ErrorSink errorSink_;
    std::locale locale_ = std::locale::classic();
    Relabeler relabeler_;
    std::string listedDocument_; // whose items the list shows now
    std::vector<std::string> templateKeys_; // the template choice's keys, in display order
    bool templateChoiceStale_ = false;     // its titles are in an earlier language

    LanguageSink languageSink_;
    wxChoice* languageChoice_ = nullptr;
    wxStaticText* documentLabel_ = nullptr;
    wxGauge* progressBar_ = nullptr;
    wxStaticText* progressLabel_ = nullptr;
    wxStaticText* emptyLabel_ = nullptr;
    wxChoice* templateChoice_ = nullptr;
    wxButton* attachButton_ = nullptr;
    wxCheckListBox* itemList_ = nullptr;
    wxStaticText* problemLabel_ = nullptr;
};

} // namespace rapport::ui
