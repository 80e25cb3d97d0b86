#include "date_field.h"

#include "date_text.h"
#include "relabeler.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

#include <wx/button.h>
#include <wx/popupwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

std::chrono::year_month_day todayLocal()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
            std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

std::string isoOf(const std::chrono::year_month_day& day)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

std::optional<std::chrono::year_month_day> fromIso(const std::string& iso)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

// A month of days as buttons, with the month's name and the weekdays in the language.
class CalendarPopup : public wxPopupTransientWindow {
public:
    CalendarPopup(wxWindow* parent, Language language, const std::locale& loc, std::chrono::year_month month,
                  std::function<void(const std::string&)> picked)
        : wxPopupTransientWindow(parent, wxBORDER_SIMPLE), language_(language), month_(month),
          picked_(std::move(picked))
    {
        SetName("rapport-calendar");
        auto* column = new wxBoxSizer(wxVERTICAL);
        auto* top = new wxBoxSizer(wxHORIZONTAL);
        auto* previous = new wxButton(this, wxID_ANY, wxString::FromUTF8("\xE2\x80\xB9"), wxDefaultPosition,
                                      wxDefaultSize, wxBU_EXACTFIT, wxDefaultValidator, "rapport-calendar-previous");
        // TRANSLATORS: in the date picker's calendar: the button showing the month before.
        previous->SetToolTip(translated(bl::translate("Previous month"), loc));
        title_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE, "rapport-calendar-month");
        auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("\xE2\x80\xBA"), wxDefaultPosition,
                                  wxDefaultSize, wxBU_EXACTFIT, wxDefaultValidator, "rapport-calendar-next");
        // TRANSLATORS: in the date picker's calendar: the button showing the month after.
        next->SetToolTip(translated(bl::translate("Next month"), loc));
        top->Add(previous, 0);
        top->Add(title_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
        top->Add(next, 0);
        column->Add(top, 0, wxEXPAND | wxALL, FromDIP(4));
        auto* grid = new wxGridSizer(7, FromDIP(2), FromDIP(2));
        const WeekNames week = weekNames(language);
        firstWeekday_ = week.first_weekday;
        for (const std::string& name : week.names)
            grid->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8(name), wxDefaultPosition, wxDefaultSize,
                                       wxALIGN_CENTRE_HORIZONTAL, "rapport-calendar-weekday"),
                      0, wxEXPAND);
        for (int i = 0; i < 42; ++i) {
            auto* day = new wxButton(this, wxID_ANY, "00", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT,
                                     wxDefaultValidator, "rapport-calendar-day");
            day->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { pick(i); });
            days_[static_cast<std::size_t>(i)] = day;
            grid->Add(day, 0, wxEXPAND);
        }
        column->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
        previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showMonth(month_ - std::chrono::months{1}); });
        next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showMonth(month_ + std::chrono::months{1}); });
        SetSizer(column);
        showMonth(month_);
    }

    // The first day shown (the grid starts on the week's first day before the 1st).
    std::chrono::sys_days firstShown() const
    {
        const std::chrono::sys_days first{month_ / std::chrono::day{1}};
        const int weekday = static_cast<int>(std::chrono::weekday{first}.c_encoding());
        const int back = (weekday - firstWeekday_ + 7) % 7;
        return first - std::chrono::days{back};
    }

    void showMonth(std::chrono::year_month month)
    {
        month_ = month;
        title_->SetLabel(wxString::FromUTF8(
            monthTitle(language_, static_cast<int>(month.year()), static_cast<unsigned>(month.month()))));
        const std::chrono::sys_days first = firstShown();
        for (std::size_t i = 0; i < days_.size(); ++i) {
            const std::chrono::year_month_day day{first + std::chrono::days{static_cast<int>(i)}};
            days_[i]->SetLabel(wxString::Format("%u", static_cast<unsigned>(day.day())));
            days_[i]->Enable(day.month() == month.month());
        }
        GetSizer()->Fit(this);
        Layout();
    }

protected:
    void OnDismiss() override { CallAfter([this] { Destroy(); }); }

private:
    void pick(int index)
    {
        const std::chrono::year_month_day day{firstShown() + std::chrono::days{index}};
        picked_(isoOf(day));
        Dismiss();
        CallAfter([this] { Destroy(); });
    }

    Language language_;
    std::chrono::year_month month_;
    int firstWeekday_ = 1;
    wxStaticText* title_ = nullptr;
    std::array<wxButton*, 42> days_{};
    std::function<void(const std::string&)> picked_;
};

} // namespace

DateField::DateField(wxWindow* parent, const wxString& name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, name)
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                           wxDefaultValidator, name + "-text");
    calendar_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("\xE2\x80\xA6"), wxDefaultPosition, wxDefaultSize,
                             wxBU_EXACTFIT, wxDefaultValidator, name + "-calendar");
    row->Add(text_, 1, wxALIGN_CENTER_VERTICAL);
    row->Add(calendar_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(2));
    SetSizer(row);
    text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { commitTyped(); });
    text_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        event.Skip();
        commitTyped();
    });
    calendar_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openCalendar(); });
}

void DateField::setLanguage(Language language, const std::locale& loc)
{
    language_ = language;
    locale_ = loc;
    // TRANSLATORS: tooltip of the button beside a date field that opens a calendar.
    calendar_->SetToolTip(translated(bl::translate("Pick a date from a calendar"), loc));
    const std::string example = Localization::shared().formatDate(language, std::chrono::sys_days{
        std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}}});
    // TRANSLATORS: tooltip of a date field; {1} is an example date in the interface language.
    text_->SetToolTip(fromUtf8((bl::format(bl::translate("A date, such as {1} or 2026-11-23; empty for none")) %
                                example)
                                   .str(loc)));
    show();
}

void DateField::setValue(const std::string& iso)
{
    value_ = fromIso(iso) ? iso : std::string();
    show();
}

void DateField::show()
{
    const auto date = fromIso(value_);
    text_->ChangeValue(date ? fromUtf8(Localization::shared().formatDate(language_, std::chrono::sys_days{*date}))
                            : wxString());
}

bool DateField::commitTyped()
{
    const std::string typed = text_->GetValue().utf8_string();
    std::string date;
    if (typed.find_first_not_of(" \t") != std::string::npos) {
        const auto parsed = parseDateText(language_, typed);
        if (!parsed) {
            show(); // not a date: the last good one again
            return false;
        }
        date = *parsed;
    }
    const bool changed = date != value_;
    value_ = date;
    show();
    if (changed && changed_)
        changed_();
    return true;
}

void DateField::openCalendar()
{
    const auto shown = fromIso(value_);
    const std::chrono::year_month_day start = shown ? *shown : todayLocal();
    auto* popup = new CalendarPopup(this, language_, locale_, start.year() / start.month(), [this](const std::string& iso) {
        const bool changed = iso != value_;
        value_ = iso;
        show();
        if (changed && changed_)
            changed_();
    });
    popup->Position(calendar_->GetScreenPosition(), wxSize(0, calendar_->GetSize().y));
    popup->Popup(text_);
}

} // namespace rapport::ui
