#include "panel_context.h"

#include "calendar.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include <wx/window.h>

namespace rapport::ui {

PanelContext::PanelContext(SidebarSession& session, TraceSink trace, ErrorSink error)
    : session_(session), traceSink_(std::move(trace)), errorSink_(std::move(error))
{
}

void PanelContext::setLanguage(Language language)
{
    language_ = language;
    locale_ = Localization::shared().locale(language);
    dateCache_.clear();
}

void PanelContext::trace(const std::string& line) const
{
    if (traceSink_)
        traceSink_(line);
}

void PanelContext::showProblem(const std::string& description) const
{
    if (messageSink_)
        messageSink_(description, true);
}

void PanelContext::showNotice(const std::string& text) const
{
    if (messageSink_)
        messageSink_(text, false);
}

void PanelContext::reportStatus(const Status& status) const
{
    if (status)
        return;
    const Error& error = status.error();
    const std::string description = error.description(locale_);
    // A read-only store is told as the situation and what to do; the system's words go to the log only.
    showProblem(error.code == ErrorCode::StoreReadOnly ? Error{error.code, error.subject, {}}.description(locale_)
                                                       : description);
    if (errorSink_)
        errorSink_(description);
    trace("problem\t" + description);
}

void PanelContext::contained(const std::string& what) noexcept
{
    try {
        if (!what.empty())
            showProblem(what);
        if (errorSink_)
            errorSink_(what.empty() ? std::string("unexpected error") : "unexpected error: " + what);
    } catch (...) {
    }
}

std::string PanelContext::today() const { return localToday(); }

wxString PanelContext::formattedDate(const std::string& iso) const
{
    // ICU date formatting costs tens of microseconds: each date is formatted once per language.
    const auto cached = dateCache_.find(iso);
    if (cached != dateCache_.end())
        return cached->second;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    wxString text = fromUtf8(iso);
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &year, &month, &day) == 3) {
        const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (date.ok())
            text = fromUtf8(Localization::shared().formatDate(language_, std::chrono::sys_days(date)));
    }
    dateCache_.emplace(iso, text);
    return text;
}

wxString PanelContext::formattedTime(std::int64_t at) const
{
    const std::string stamp = localDateTime(at); // "YYYY-MM-DD HH:MM"
    const std::string date = stamp.substr(0, 10);
    const wxString time = fromUtf8(stamp.size() > 11 ? stamp.substr(11) : stamp);
    return date == today() ? time : formattedDate(date) + " " + time;
}

int wrapWidth(const wxWindow& panel)
{
    return std::max(panel.GetClientSize().GetWidth() - panel.FromDIP(12), panel.FromDIP(120));
}

} // namespace rapport::ui
