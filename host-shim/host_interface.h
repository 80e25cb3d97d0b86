// The whole contract between Rapport's sidebar and the editor that hosts it, in plain
// C++ with no wx type: plugin/ui depends on it, each adapter (host-shim/HOST/)
// implements it. A new host implements HostServices (and HostTestVerbs for the e2e),
// creates `rapport::ui::SidebarController(parent, services, &verbs)` with the window it
// puts the panel in (only the adapter knows which), places `panel()`, forwards its
// events to the controller's HostEvents, and lets no exception out of its callbacks.
#pragma once

#include <string>
#include <vector>

namespace rapport::host {

// What the sidebar may ask of the host. All text is UTF-8.
class HostServices {
public:
    virtual ~HostServices() = default;

    // The host's name as users know it ("Code::Blocks"), for the log.
    virtual std::string hostName() const = 0;
    // The host plugin API the adapter was built for ("2.23.0"), for the trace line
    // "plugin-attached\tsdk=…" that proves which build the host loaded.
    virtual std::string pluginApiVersion() const = 0;
    // Shows or hides the docked panel.
    virtual void showPanel(bool shown) = 0;
    // Whether the docked panel is visible now.
    virtual bool isPanelShown() const = 0;
    // The host's interface language as a Rapport code (languageCode(): "en", "ru", "tr",
    // "zh_CN"), or "" when unknown or not enabled; the adapter maps its own locale name.
    virtual std::string interfaceLanguage() const = 0;
    // Writes a line to the host's log; `error` marks it as a problem.
    virtual void log(const std::string& line, bool error) = 0;
    // Opens the document `path` (absolute, UTF-8) in the host's editor as its File > Open
    // would, or makes it active when it is open already; false when the host could not.
    // A reminder's notification uses it (the host then reports the active document).
    virtual bool openDocument(const std::string& path) = 0;
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
    // The host began shutting down: the sidebar stops its timers (it is destroyed later).
    virtual void onHostClosing() = 0;
};

// The host's part of the end-to-end test channel (plugin/ui/test_driver.h runs the
// rest): each verb does what the user's action would, through the host's own code path,
// so the sidebar sees real host events. Each is a host callback: it contains its exceptions.
class HostTestVerbs {
public:
    virtual ~HostTestVerbs() = default;

    // "activate PATH": makes the open document `path` active; false when it is not open.
    virtual bool activateDocument(const std::string& path) = 0;
    // "save-as PATH": what Save As does after its dialog; false when nothing was saved.
    virtual bool saveActiveDocumentAs(const std::string& path) = 0;
    // "menu-toggle-sidebar": chooses the host's own menu item that shows/hides the sidebar.
    virtual void chooseToggleSidebarMenu() = 0;
    // "quit": closes the host's main window, as the user would.
    virtual void quitHost() = 0;
    // "throw": throws inside an adapter callback, proving the adapter contains it.
    virtual void throwInHostCallback() = 0;
    // "close PATH": closes the open document `path` as its tab's close button does; false
    // when it is not open or the host cannot.
    virtual bool closeDocument(const std::string& /*path*/) { return false; }
    // "plugin-manager": opens the host's own plugin manager as its menu item does, where a
    // test disables and enables the plugin; false when the host cannot.
    virtual bool openPluginManager() { return false; }
    // "host-menu": one line per item of the host's menu of sidebar commands
    // ("action\tLABEL\tKEY", with "\tconflict=HOST ITEM" when a host item has the same key);
    // empty when the host has no such menu.
    virtual std::vector<std::string> actionMenuReport() { return {}; }
    // "host-menu-run ID": chooses the host's menu item for the sidebar command ID, as the
    // user would; false when there is none.
    virtual bool chooseActionMenu(const std::string& /*id*/) { return false; }
    // "settings-dialog": opens the host's settings dialog that holds Rapport's page (the
    // sidebar's settings_page.h), as its menu item does; false when the host has none.
    virtual bool openSettingsDialog() { return false; }
};

} // namespace rapport::host
