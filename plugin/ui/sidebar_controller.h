// Connects the host's events to the sidebar: owns the session (logic) and the panel
// (widgets), and is the only UI object a host adapter talks to.
#pragma once

#include "host_interface.h"
#include "localization.h"
#include "settings.h"
#include "sidebar_panel.h"
#include "sidebar_session.h"
#include "test_channel.h"

#include <memory>
#include <thread>
#include <string>

class wxWindow;

namespace rapport::ui {

// The sidebar as the host sees it.
class SidebarController : public host::HostEvents {
public:
    // Opens the store and builds the panel inside host.panelParent(). Never throws on
    // a bad store: the panel then explains the problem instead.
    explicit SidebarController(host::HostServices& host);
    ~SidebarController() override;

    // The panel, for the host to dock.
    wxWindow* panel() const noexcept;

    void onActiveDocumentChanged(const std::string& path) override;
    void onDocumentSaved(const std::string& path) override;
    void onDocumentRenamed(const std::string& old_path, const std::string& new_path) override;
    void onDocumentClosed(const std::string& path) override;
    void onHostReady() override;

    // Runs one scripted action from the test channel ("tick N", "attach KEY");
    // false when the verb is not the sidebar's.
    bool runTestCommand(const std::string& command);
    // Writes a line to the test channel, if there is one.
    void trace(const std::string& line);
    // Whether a test channel is open ($RAPPORT_TEST_CHANNEL).
    bool hasTestChannel() const noexcept { return testChannel_ != nullptr; }
    // Scripted actions that arrived since the last call.
    std::vector<std::string> takeTestCommands();
    // Shows a problem to the user in the panel.
    void showProblem(const std::string& description);
    // Switches the sidebar to `language` at once and remembers the choice.
    void setLanguage(Language language);
    // The sidebar's current language.
    Language language() const noexcept { return language_; }

private:
    host::HostServices& host_;
    std::unique_ptr<TestChannel> testChannel_;
    const Localization& localization_;
    Settings settings_;
    Language language_;
    SidebarSession session_;
    SidebarPanel* panel_ = nullptr; // owned by its wx parent
    std::string stickyNotice_; // what recovery did: stays in view for the whole session
    std::jthread backup_;          // the day's automatic backup, off the UI thread; joined on release
};

} // namespace rapport::ui
