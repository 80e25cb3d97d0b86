// "Project settings…": the client, the client's report language, the deadline, the update
// rhythm and the next update, the revision rounds agreed and those started, with "Start
// revision round…". It edits through the session (sidebar_session.h), one undo step per
// confirmation; it keeps no state of its own. Also the round's own prompt and warning, which
// the More… menu uses directly.
#pragma once

#include "sidebar_session.h"

#include <functional>
#include <locale>
#include <string>

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace rapport::ui {

class DateField;

// Formats an ISO date in the sidebar's language (PanelContext::formattedDate).
using DateFormatter = std::function<wxString(const std::string& iso)>;

class ProjectDialog : public wxDialog {
public:
    // Dates are shown, typed and picked in `language` (DateField), never the C locale.
    ProjectDialog(wxWindow* parent, SidebarSession& session, Language language, const std::locale& loc,
                  DateFormatter formatDate);

    // What the fields say now.
    ProjectSettings settings() const;
    // Saves the fields through the session; shows a failure in the dialog and returns false.
    bool save();

private:
    template <class Body>
    void contained(Body&& body) noexcept;
    void showProblem(const std::string& text);
    void fill(const Checklist& checklist);
    void showRounds();
    void onRhythmChosen();

    SidebarSession& session_;
    std::locale locale_;
    DateFormatter formatDate_;
    wxTextCtrl* client_ = nullptr;
    wxChoice* language_ = nullptr;
    DateField* deadline_ = nullptr;
    wxChoice* rhythm_ = nullptr;
    wxSpinCtrl* days_ = nullptr;
    DateField* next_ = nullptr;
    wxCheckBox* roundsAgreed_ = nullptr;
    wxSpinCtrl* rounds_ = nullptr;
    wxStaticText* roundsUsed_ = nullptr;
    wxStaticText* roundList_ = nullptr;
    wxStaticText* problem_ = nullptr;
    bool nextSuggested_ = false; // the next update's date is the one the rhythm suggested
};

// Warns before a round beyond those agreed (revision_rounds.h); true when none would be
// exceeded or the user chose to go on.
bool confirmRoundBeyondAgreed(wxWindow* parent, const Checklist& checklist, const std::locale& loc);

// "Start revision round…": asks what the round is for and, when it goes beyond the rounds
// agreed, warns and asks again; then starts it through the session. True when a round started.
bool askAndStartRound(wxWindow* parent, SidebarSession& session, const std::locale& loc, std::string& failure);

// "2 of 3 rounds used" (or "2 rounds used" when none were agreed), in `loc`.
std::string roundsUsedText(const Checklist& checklist, const std::locale& loc);

} // namespace rapport::ui
