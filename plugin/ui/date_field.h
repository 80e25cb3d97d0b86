// A date field in the sidebar's own language: a text field showing the date as the
// header and the rows do ("23 нояб. 2026 г."), which reads back what is typed in ISO form
// or the language's short or medium form, and a button opening a month calendar whose
// month and weekday names are the language's too. wxDatePickerCtrl cannot be used: it
// formats with the process's C locale (11/23/2026), which a plugin must not change.
#pragma once

#include "localization.h"

#include <functional>
#include <string>

#include <wx/panel.h>

class wxButton;
class wxTextCtrl;

namespace rapport::ui {

class DateField : public wxPanel {
public:
    // `name` names the field; its text control is NAME-text and its button NAME-calendar.
    DateField(wxWindow* parent, const wxString& name);

    // The language dates are shown and read in; re-shows the current date.
    void setLanguage(Language language, const std::locale& loc);
    // Shows `iso` (YYYY-MM-DD, or "" for no date) without reporting a change.
    void setValue(const std::string& iso);
    // The date shown, as YYYY-MM-DD, or "" for none.
    const std::string& value() const noexcept { return value_; }
    // Called after the user changed the date (typed and left the field or pressed Enter,
    // or picked a day in the calendar).
    void onChanged(std::function<void()> changed) { changed_ = std::move(changed); }
    // Reads what is typed as the user leaving the field would; false when it is not a date
    // (the field then shows the last good date again).
    bool commitTyped();
    // Opens the calendar popup on the current (or today's) month.
    void openCalendar();
    // The text control, for tests and focus order.
    wxTextCtrl* text() const noexcept { return text_; }

private:
    void show();

    wxTextCtrl* text_ = nullptr;
    wxButton* calendar_ = nullptr;
    Language language_ = Language::English;
    std::locale locale_;
    std::string value_;
    std::function<void()> changed_;
};

} // namespace rapport::ui
