// The whole contract between Rapport's sidebar and the editor that hosts it, in plain
// C++ (no wx type): the UI (plugin/ui) depends on it, each host adapter
// (host-shim/HOST/) implements it. A new host (Geany is the likely next one) needs only
// this header and one UI call:
//
//   1. implement HostServices (and HostTestVerbs, for the end-to-end test);
//   2. create the sidebar with `rapport::ui::SidebarController(parent, services, &verbs)`
//      (plugin/ui/sidebar_controller.h), where `parent` is the window the adapter puts
//      the panel in (only the adapter knows which), and place `panel()` in the host's
//      layout;
//   3. call the controller's HostEvents as the host reports them, and catch every
//      exception in its own callbacks: nothing thrown may reach the host.
//
// Nothing else in Rapport knows which editor it lives in.
#pragma once

#include <string>

namespace rapport::host {

// What the sidebar may ask of the host. All text is UTF-8.
class HostServices {
public:
    virtual ~HostServices() = default;

    // The host's name as users know it ("Code::Blocks"), for the log.
    virtual std::string hostName() const = 0;
    // The version of the host's plugin API the adapter was built against ("2.23.0"):
    // the test channel's first line names it, so a test proves which build was loaded.
    virtual std::string pluginApiVersion() const = 0;
    // Shows or hides the docked panel.
    virtual void showPanel(bool shown) = 0;
    // Whether the docked panel is visible now.
    virtual bool isPanelShown() const = 0;
    // The host's interface language as one of Rapport's language codes ("en", "ru",
    // "tr", "zh_CN"; see languageCode() in plugin/core/localization.h), or "" when the
    // host's translation is off or its language is not one of them. The adapter maps
    // its own locale name; the sidebar follows it unless the user chose a language.
    virtual std::string interfaceLanguage() const = 0;
    // Writes a line to the host's log; `error` marks it as a problem.
    virtual void log(const std::string& line, bool error) = 0;
};

// What the host tells the sidebar. Paths are absolute, as the host knows them.
class HostEvents {
public:
    virtual ~HostEvents() = default;

    // The document in the active editor changed; "" when no document is active.
    virtual void onActiveDocumentChanged(const std::string& path) = 0;
    // A document was written to disk under `path`.
    virtual void onDocumentSaved(const std::string& path) = 0;
    // A document now lives under a new path (Save As, rename, move).
    virtual void onDocumentRenamed(const std::string& old_path, const std::string& new_path) = 0;
    // A document's editor was closed.
    virtual void onDocumentClosed(const std::string& path) = 0;
    // The host finished starting; the panel may now be shown in its final place.
    virtual void onHostReady() = 0;
    // The host began shutting down: the sidebar stops anything it does on a timer. The
    // adapter still destroys the sidebar afterwards, as usual.
    virtual void onHostClosing() = 0;
};

// The host's own verbs of the end-to-end test channel ($RAPPORT_TEST_CHANNEL, read by
// plugin/ui/test_driver.h): what a script does to the editor rather than to the
// sidebar. Each does what the user's action in the host would do, through the host's
// own code path, so the sidebar sees the host's real events. Only called while a test
// channel is open; every method is a host callback and must contain its exceptions.
class HostTestVerbs {
public:
    virtual ~HostTestVerbs() = default;

    // "activate PATH": makes the open document `path` the active one; false when it is not open.
    virtual bool activateDocument(const std::string& path) = 0;
    // "save-as PATH": what Save As does once its dialog is confirmed: the active document
    // takes the name `path` and is saved; false when there is none or saving failed.
    virtual bool saveActiveDocumentAs(const std::string& path) = 0;
    // "menu-toggle-sidebar": chooses the host's own menu item that shows or hides the sidebar.
    virtual void chooseToggleSidebarMenu() = 0;
    // "quit": closes the host's main window, as the user would.
    virtual void quitHost() = 0;
    // "throw": throws inside one of the adapter's callbacks, proving the adapter contains
    // it; the host must live on and the next command must still run.
    virtual void throwInHostCallback() = 0;
};

} // namespace rapport::host
