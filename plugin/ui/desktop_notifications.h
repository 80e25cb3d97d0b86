// Desktop notifications through org.freedesktop.Notifications on the session bus (GDBus),
// with the "default" action registered, so that a click on a notification's body is reported
// as well as its button. wxNotificationMessage goes through libnotify and registers its
// actions under window ids only ("5000"), never "default": a click on the body reaches nobody.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

typedef struct _GDBusConnection GDBusConnection;
typedef struct _GVariant GVariant;

namespace rapport::ui {

// The notifications one sidebar shows. UI thread only; its callbacks run on GLib's main loop.
class DesktopNotifications {
public:
    DesktopNotifications();
    ~DesktopNotifications();
    DesktopNotifications(const DesktopNotifications&) = delete;
    DesktopNotifications& operator=(const DesktopNotifications&) = delete;

    // Shows a notification with one button, `action`; `chosen` runs when the button or the
    // notification itself is clicked. False when no notification service answered (`why` says
    // what went wrong).
    bool show(const std::string& title, const std::string& body, const std::string& action,
              std::function<void()> chosen, std::string& why);

private:
    // What the signal callbacks see. GDBus may still deliver a signal queued before the
    // subscription ended, so they hold it shared and find it emptied, never freed.
    struct Waiting {
        std::map<std::uint32_t, std::function<void()>> chosen; // notification id -> what a click does
    };
    // GDBus's signal callback: ActionInvoked runs the notification's `chosen`, NotificationClosed forgets it.
    static void onSignal(GDBusConnection*, const char*, const char*, const char*, const char* signal,
                         GVariant* parameters, void* waiting);
    static void release(void* waiting);

    GDBusConnection* bus_ = nullptr;
    unsigned actionSubscription_ = 0;
    unsigned closedSubscription_ = 0;
    std::shared_ptr<Waiting> waiting_ = std::make_shared<Waiting>();
};

} // namespace rapport::ui
