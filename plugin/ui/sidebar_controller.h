// Connects a host to the sidebar: owns the session (logic), the panel (widgets) and the
// test driver, and is the only UI object a host adapter talks to. An adapter creates it
// with the window the panel goes in and its host::HostServices, places panel() in the
// host's layout, and calls the HostEvents below (see host-shim/host_interface.h).
#pragma once

#include "host_interface.h"
#include "localization.h"
#include "preferences.h"
#include "reminder_notifier.h"
#include "settings.h"
#include "settings_writer.h"
#include "sidebar_panel.h"
#include "sidebar_session.h"
#include "sidecar_watch.h"
#include "test_channel.h"
#include "test_driver.h"

#include <memory>
#include <string>
#include <string_view>
#include <thread>

class wxWindow;

namespace rapport::ui {

// The sidebar as the host sees it.
class SidebarController : public host::HostEvents {
public:
    // Opens the store and builds the panel inside `parent`, the window the adapter places
    // it in. `verbs` are the host's own test verbs (nullptr: only the sidebar's are known).
    // Never throws on a bad store: the panel then explains the problem instead.
    SidebarController(wxWindow* parent, host::HostServices& host, host::HostTestVerbs* verbs = nullptr);
    ~SidebarController() override;

    // The panel, for the host to place. Its parent owns it.
    wxWindow* panel() const noexcept;

    void onActiveDocumentChanged(const std::string& path) override;
    void onDocumentSaved(const std::string& path) override;
    void onDocumentRenamed(const std::string& old_path, const std::string& new_path) override;
    void onDocumentClosed(const std::string& path) override;
    void onHostReady() override;
    void onHostClosing() override;

    // Runs one scripted command as if it came through the test channel ("tick 1",
    // "attach kickoff", "activate PATH"; see test_driver.h); false when its verb is unknown.
    bool runTestCommand(const std::string& command);
    // Shows a problem to the user in the panel.
    void showProblem(const std::string& description);
    // Runs the command `id` of panel_actions.h, as the host's menu item or key for it does:
    // shows the panel first when it is hidden. False for an unknown id.
    bool runPanelAction(std::string_view id);
    // Puts the keyboard focus in the list (a host's "focus the sidebar" key).
    void focusList();
    // The user's preferences as settings.xml holds them.
    Preferences preferences() const;
    // Keeps `chosen` in settings.xml (durably) and applies it at once: the language switches
    // live, the header counts with the waiting threshold, reminders follow. Nothing changes
    // when the file cannot be written; the error says why.
    Status setPreferences(const Preferences& chosen);
    // Reads settings.xml again (another process or a person changed it) and applies it as
    // setPreferences does.
    void settingsChanged();
    // Shows the desktop reminders due now (reminder_notifier.h); how many. The timer calls
    // it every few minutes once the host is ready.
    std::size_t checkReminders();
    // Switches the sidebar to `language` at once and remembers the choice: settings.xml
    // holds it once the write started here is done (settingsWritten()).
    void setLanguage(Language language);
    // Waits until settings.xml holds every choice made so far; a failure is logged and shown.
    Status settingsWritten();
    // The sidebar's current language.
    Language language() const noexcept { return language_; }
    // The watch on the active document's sidecar (tests and benchmarks look without waiting).
    // Valid until the host closes.
    SidecarWatch& sidecarWatch() noexcept { return *sidecarWatch_; }

private:
    // Follows `chosen`: the language, the waiting threshold, reminders; the panel refreshed.
    void applyPreferences(const Preferences& chosen);
    // Writes a line to the test channel, if there is one.
    void trace(const std::string& line);
    // A write of settings.xml failed: logged, and said in the panel while there is one.
    void reportSettingsFailure(const Error& error);

    host::HostServices& host_;
    std::unique_ptr<TestChannel> testChannel_;
    const Localization& localization_;
    Settings settings_;
    SettingsWriter settingsWriter_; // before the notifier, which writes through it
    Language language_;
    SidebarSession session_;
    SidebarPanel* panel_ = nullptr; // owned by its wx parent
    std::unique_ptr<TestDriver> testDriver_;
    std::unique_ptr<SidecarWatch> sidecarWatch_; // a shared checklist's file; gone before the session
    std::unique_ptr<ReminderNotifier> notifier_; // gone before the session and the settings
    std::string stickyNotice_; // what recovery did: stays in view for the whole session
    std::jthread backup_;      // the day's automatic backup, off the UI thread; joined on release
    bool releasing_ = false;   // the host has destroyed the panel already
};

} // namespace rapport::ui
