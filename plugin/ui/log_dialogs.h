// The client log's two dialogs. "Add to the client log…": what the client said, its kind and
// channel, what we promised by when (the promise becomes a checklist item), who, when, and
// our answer; the fields a quick entry needs come first, so that an entry with a promise
// is typed, Tab, Tab, Tab, typed, Tab, a date, Ctrl+Enter. "Resolve…": how an entry was resolved, and for a change request whether it
// waits for the client's decision, is accepted into the checklist (an item, a revision round)
// or declined with a reason. Both save through the session (one undo step) and stay open,
// saying why, when the store refuses; both work from the keyboard alone (Ctrl+Enter saves
// from a text of several lines).
#pragma once

#include "project_dialog.h" // DateFormatter
#include "sidebar_session.h"

#include <locale>
#include <string>

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace rapport::ui {

class DateField;

// "Add to the client log…".
class LogEntryDialog : public wxDialog {
public:
    LogEntryDialog(wxWindow* parent, SidebarSession& session, Language language, const std::locale& loc);

    // Saves the entry (and its promise) through the session; shows why not and returns false.
    bool save();
    // The number the saved entry got, 0 before.
    std::int64_t savedId() const noexcept { return savedId_; }

private:
    void showProblem(const std::string& text);

    SidebarSession& session_;
    std::locale locale_;
    std::int64_t savedId_ = 0;
    wxTextCtrl* said_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxChoice* channel_ = nullptr;
    wxTextCtrl* who_ = nullptr;
    DateField* date_ = nullptr;
    wxTextCtrl* time_ = nullptr;
    wxTextCtrl* answer_ = nullptr;
    wxTextCtrl* promise_ = nullptr;
    DateField* due_ = nullptr;
    wxCheckBox* internal_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

// "Resolve…" for one entry.
class LogResolveDialog : public wxDialog {
public:
    LogResolveDialog(wxWindow* parent, SidebarSession& session, const LogEntry& entry, const std::locale& loc);

    // Saves the resolution through the session; shows why not and returns false.
    bool save();

private:
    void showProblem(const std::string& text);
    void showOutcomeFields();

    SidebarSession& session_;
    LogEntry entry_;
    std::locale locale_;
    wxTextCtrl* resolution_ = nullptr;
    wxRadioButton* awaiting_ = nullptr; // the change request outcome (only for change requests)
    wxRadioButton* accepted_ = nullptr;
    wxRadioButton* declined_ = nullptr;
    wxCheckBox* addItem_ = nullptr;
    wxTextCtrl* itemText_ = nullptr;
    wxCheckBox* startRound_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxStaticText* problem_ = nullptr;
};

// Saves the dialog when Ctrl+Enter is pressed in any of its fields (Enter alone starts a new
// line in a text of several lines), and lets Tab leave a text of several lines.
void saveOnCtrlEnter(wxDialog& dialog);

} // namespace rapport::ui
