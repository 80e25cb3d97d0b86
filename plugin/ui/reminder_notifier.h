// Desktop notifications for the reminders: what is due and whether today's notification
// was given is decided in plugin/core/reminders.h; this only shows it. A timer checks every
// few minutes once the host is ready. A project whose update is due or which has an overdue
// item gets one notification a day, only while the host's sidebar is hidden (a shown sidebar
// says it in its header) and only unless settings.xml says "reminders" is "off". Its "Open"
// action opens the document in the host and shows the sidebar.
//
// The notification goes to org.freedesktop.Notifications through desktop_notifications.h
// (not wxNotificationMessage, whose libnotify route never reports a click on the body).
#pragma once

#include "host_interface.h"
#include "localization.h"
#include "settings.h"
#include "settings_writer.h"
#include "sidebar_session.h"

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include <wx/event.h>
#include <wx/timer.h>


namespace rapport::ui {

class DesktopNotifications;

class ReminderNotifier : public wxEvtHandler {
public:
    using TraceSink = std::function<void(const std::string& line)>;

    // `settings` is the controller's (settings.xml): the list of projects notified today is
    // kept in it and written off the UI thread by `writer`, the controller's too.
    ReminderNotifier(SidebarSession& session, host::HostServices& host, Settings& settings, SettingsWriter& writer,
                     TraceSink trace);
    ~ReminderNotifier() override;

    void setLanguage(Language language) noexcept { language_ = language; }
    void setEnabled(bool enabled) noexcept { enabled_ = enabled; }

    // Checks at once and then every few minutes (the host is ready); stop() ends it.
    void start();
    void stop();
    // Shows the notifications due now and not yet given today; how many it showed.
    std::size_t check();
    // What choosing a notification does: the host opens `document_path`, the sidebar shows.
    void open(const std::string& document_path);
private:

    SidebarSession& session_;
    host::HostServices& host_;
    Settings& settings_;
    SettingsWriter& writer_;
    TraceSink trace_;
    Language language_ = Language::English;
    bool enabled_ = true;
    wxTimer timer_;
    std::unique_ptr<DesktopNotifications> notifications_; // the session bus's notification service
};

} // namespace rapport::ui
