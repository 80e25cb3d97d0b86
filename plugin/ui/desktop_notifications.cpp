#include "desktop_notifications.h"

#include <gio/gio.h>

#include <exception>

namespace rapport::ui {

namespace {

constexpr const char* kService = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr int kCallTimeoutMs = 2000; // a notification service answers at once, or not at all
constexpr std::size_t kKeptCallbacks = 32;

} // namespace

DesktopNotifications::DesktopNotifications()
{
    GError* error = nullptr;
    bus_ = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (!bus_) {
        g_clear_error(&error);
        return;
    }
    const GDBusSignalCallback handler = &DesktopNotifications::onSignal;
    // Each subscription owns a reference to the waiting list, let go when GDBus is done with it.
    actionSubscription_ =
        g_dbus_connection_signal_subscribe(bus_, kService, kService, "ActionInvoked", kPath, nullptr,
                                           G_DBUS_SIGNAL_FLAGS_NONE, handler, new std::shared_ptr<Waiting>(waiting_),
                                           &DesktopNotifications::release);
    closedSubscription_ =
        g_dbus_connection_signal_subscribe(bus_, kService, kService, "NotificationClosed", kPath, nullptr,
                                           G_DBUS_SIGNAL_FLAGS_NONE, handler, new std::shared_ptr<Waiting>(waiting_),
                                           &DesktopNotifications::release);
}

DesktopNotifications::~DesktopNotifications()
{
    waiting_->chosen.clear(); // a signal still queued finds nothing to run
    if (!bus_)
        return;
    g_dbus_connection_signal_unsubscribe(bus_, actionSubscription_);
    g_dbus_connection_signal_unsubscribe(bus_, closedSubscription_);
    g_object_unref(bus_);
}

bool DesktopNotifications::show(const std::string& title, const std::string& body, const std::string& action,
                                std::function<void()> chosen, std::string& why)
{
    if (!bus_) {
        why = "no session bus";
        return false;
    }
    GVariantBuilder actions;
    g_variant_builder_init(&actions, G_VARIANT_TYPE("as"));
    // "default" is the click on the notification itself; "open" its button.
    for (const char* key : {"default", "open"}) {
        g_variant_builder_add(&actions, "s", key);
        g_variant_builder_add(&actions, "s", action.c_str());
    }
    GVariantBuilder hints;
    g_variant_builder_init(&hints, G_VARIANT_TYPE("a{sv}"));
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        bus_, kService, kPath, kService, "Notify",
        g_variant_new("(susssasa{sv}i)", "Rapport", 0u, "", title.c_str(), body.c_str(), &actions, &hints, -1),
        G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, kCallTimeoutMs, nullptr, &error);
    if (!reply) {
        why = error ? error->message : "no answer";
        g_clear_error(&error);
        return false;
    }
    std::uint32_t id = 0;
    g_variant_get(reply, "(u)", &id);
    g_variant_unref(reply);
    waiting_->chosen[id] = std::move(chosen);
    if (waiting_->chosen.size() > kKeptCallbacks) // a service that never says "closed" does not grow this
        waiting_->chosen.erase(waiting_->chosen.begin());
    return true;
}

void DesktopNotifications::onSignal(GDBusConnection*, const char*, const char*, const char*, const char* signal,
                                    GVariant* values, void* waiting)
{
    // A GLib callback: nothing may be thrown through it.
    try {
        auto& chosenFor = (*static_cast<std::shared_ptr<Waiting>*>(waiting))->chosen;
        std::uint32_t id = 0;
        if (g_strcmp0(signal, "ActionInvoked") == 0 && g_variant_is_of_type(values, G_VARIANT_TYPE("(us)"))) {
            const char* key = nullptr;
            g_variant_get(values, "(u&s)", &id, &key);
            const auto found = chosenFor.find(id);
            if (found != chosenFor.end() && (g_strcmp0(key, "default") == 0 || g_strcmp0(key, "open") == 0)) {
                const std::function<void()> chosen = found->second;
                chosen();
            }
        } else if (g_strcmp0(signal, "NotificationClosed") == 0 &&
                   g_variant_is_of_type(values, G_VARIANT_TYPE("(uu)"))) {
            std::uint32_t reason = 0;
            g_variant_get(values, "(uu)", &id, &reason);
            chosenFor.erase(id);
        }
    } catch (...) {
    }
}

void DesktopNotifications::release(void* waiting) { delete static_cast<std::shared_ptr<Waiting>*>(waiting); }

} // namespace rapport::ui
