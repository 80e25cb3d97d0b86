// The two halves of the Geany adapter meet here, in plain C++. Geany's headers define
// `_()`, `N_()`, `geany` and `documents` as macros, which clash with wx and our own code,
// so geany_plugin.cpp (Geany's API, no wx, no translation) and sidebar_host.cpp (wx and
// the sidebar, no Geany header) only ever include this file of each other's.
#pragma once

#include "host_interface.h"

#include <memory>
#include <string>
#include <vector>

typedef struct _GtkWidget GtkWidget;

namespace rapport::geany_adapter {

// Geany's side, implemented with its API in geany_plugin.cpp. Paths are UTF-8, as Geany keeps them.
namespace calls {
std::string activeDocument();                       // "" for none or an untitled one
bool activateDocument(const std::string& path);     // clicks its tab; false when not open
bool openDocument(const std::string& path);         // File > Open (or its tab when open); false on failure
bool saveActiveDocumentAs(const std::string& path); // File > Save As, after its dialog
bool closeDocument(const std::string& path);        // its tab's close button; false when not open
std::string language(); // the Language of the catalogue Geany speaks in; "en" when it uses none
void showSidebar();     // View > Show Sidebar, when Geany's sidebar is hidden
void chooseViewMenuItem(); // View > Rapport sidebar
bool openPluginManager();  // Tools > Plugin Manager; false when the item is not found
void quit();               // soon, from the main loop: File > Quit
void throwInCallback();    // throws inside the guard of every Geany callback
void log(const std::string& line, bool error); // Geany's Status tab; an error in Messages too
} // namespace calls

// One of the sidebar's commands (plugin/ui/panel_actions.h) as a Geany keybinding.
struct CommandKey {
    std::string id, label;      // the command's id; its name in the keyboard preferences
    char key = 0;               // the default key's letter ('e'), 0 for none
    bool ctrl = false, alt = false, shift = false;
};

// What Geany shows for the plugin, in the sidebar's language.
struct PluginTexts {
    std::string description, menuItem, toggleKey, focusKey;
    std::vector<CommandKey> commands;
};
PluginTexts pluginTexts(const std::string& geany_language);

// The sidebar as a page of Geany's sidebar notebook.
class SidebarHost {
public:
    // Starts wx in Geany's process once (a later enable reuses it); nullptr when wx cannot
    // start. `api` is the plugin API built for ("240.72": API and ABI).
    static std::unique_ptr<SidebarHost> create(GtkWidget* main_window, GtkWidget* sidebar_notebook,
                                               const std::string& api);
    virtual ~SidebarHost() = default;

    virtual host::HostEvents& events() = 0; // where Geany's signals go
    virtual void toggle() = 0;              // shows or hides the page
    virtual void focus() = 0;               // shows the page, the keyboard in its list
    virtual void runCommand(const std::string& id) = 0; // a CommandKey's command, the page shown
    virtual bool isShown() const = 0;
    virtual bool contains(GtkWidget* widget) const = 0; // whether `widget` is in the page
};

} // namespace rapport::geany_adapter
