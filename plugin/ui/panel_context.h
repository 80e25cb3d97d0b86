// What every part of the sidebar panel shares: the session it shows, the language it
// speaks, and where its traces, problems and notices go. The parts (header, empty state,
// language selector, report job) hold this rather than the panel, so none of them
// depends on the panel or on each other.
#pragma once

#include "localization.h"
#include "contained.h"
#include "relabeler.h"
#include "sidebar_session.h"

#include <exception>
#include <functional>
#include <locale>
#include <map>
#include <string>

#include <wx/string.h>

class wxWindow;

namespace rapport::ui {

// The shared state and sinks of one sidebar panel.
class PanelContext {
public:
    // Something the panel did, for the host's log and the test channel.
    using TraceSink = std::function<void(const std::string& line)>;
    // An error the user has been shown, for the host's log.
    using ErrorSink = std::function<void(const std::string& description)>;
    // Shows a line in the panel's message area; `problem` colours it as one. "" hides it.
    using MessageSink = std::function<void(const std::string& text, bool problem)>;

    PanelContext(SidebarSession& session, TraceSink trace, ErrorSink error);

    // The panel's message area, once it exists.
    void setMessageSink(MessageSink sink) { messageSink_ = std::move(sink); }

    SidebarSession& session() const noexcept { return session_; }
    // True when changes cannot be saved: every edit control is disabled and the panel says why.
    bool readOnly() const noexcept { return session_.readOnly().has_value(); }
    // Every translatable label of the panel, by msgid, for live relabelling.
    Relabeler& relabeler() noexcept { return relabeler_; }
    Language language() const noexcept { return language_; }
    // The locale to translate and format with, matching language().
    const std::locale& locale() const noexcept { return locale_; }
    // Switches language() and locale(); dates are formatted anew.
    void setLanguage(Language language);

    void trace(const std::string& line) const;
    // Shows a problem in the panel ("" hides it); not logged.
    void showProblem(const std::string& description) const;
    // Shows a neutral notice in the panel (a report was written).
    void showNotice(const std::string& text) const;
    // For a failure: shows it, logs it and traces it. Nothing for success.
    void reportStatus(const Status& status) const;

    // Runs a wx event handler's body so that no exception reaches wx's event loop, which
    // inside a host would end the editor and lose the user's unsaved work.
    template <class Body>
    void guarded(Body&& body) noexcept;

    // Today as YYYY-MM-DD in local time: due dates and reports are days, not instants.
    std::string today() const;
    // An ISO date in the current language's medium style; the ISO text if it is not a date.
    wxString formattedDate(const std::string& iso) const;
    // A moment (unix seconds) as "14:02" today, else its date in the current language and the time.
    wxString formattedTime(std::int64_t at) const;

private:
    // Shows and logs an exception a handler let out ("" when it had no words).
    void contained(const std::string& what) noexcept;

    SidebarSession& session_;
    TraceSink traceSink_;
    ErrorSink errorSink_;
    MessageSink messageSink_;
    Relabeler relabeler_;
    Language language_ = Language::English;
    std::locale locale_ = std::locale::classic();
    mutable std::map<std::string, wxString> dateCache_; // formatted dates in the current language
};

template <class Body>
void PanelContext::guarded(Body&& body) noexcept
{
    runContained(body, [this](const std::string& what) { contained(what); });
}

// The width a wrapped label of `panel` may take: the panel's less its margins, never tiny.
int wrapWidth(const wxWindow& panel);

} // namespace rapport::ui
