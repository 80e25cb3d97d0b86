// The Geany side of the adapter: the plugin Geany loads (rapport.so), its signals, its
// keybinding group and View menu item, and the Geany calls the sidebar asks for
// (geany_bridge.h). Every callback runs contained: nothing thrown reaches Geany.
#include "contained.h"
#include "geany_bridge.h"

#include <geanyplugin.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace calls = rapport::geany_adapter::calls;

namespace {

enum KeyId : gsize { kToggleKey, kFocusKey, kKeyCount };

// One plugin per Geany process; its fields live from enable to disable.
struct Plugin {
    GeanyPlugin* geany = nullptr;
    std::unique_ptr<rapport::geany_adapter::SidebarHost> sidebar;
    // Save As arrives as a save under a new name: the file of each document, by Geany's id.
    std::map<guint, std::string> files;
    GtkWidget* menuItem = nullptr;
    rapport::geany_adapter::PluginTexts texts;
} plugin;

GeanyMainWidgets* widgets() { return plugin.geany->geany_data->main_widgets; }

template <class Body>
void guarded(const char* where, Body&& body) noexcept
{
    rapport::ui::runContained(body, [where](const std::string& what) {
        calls::log(std::string("Rapport: unexpected error in ") + where + ": " + what, true);
    });
}

std::string fileOf(GeanyDocument* doc) { return doc && doc->is_valid && doc->file_name ? doc->file_name : ""; }

void remember(GeanyDocument* doc)
{
    if (const std::string file = fileOf(doc); !file.empty())
        plugin.files[doc->id] = file;
}

void onActivated(GObject*, GeanyDocument* doc, gpointer)
{
    guarded("document-activate", [&] {
        remember(doc);
        plugin.sidebar->events().onActiveDocumentChanged(fileOf(doc));
    });
}

void onSaved(GObject*, GeanyDocument* doc, gpointer)
{
    guarded("document-save", [&] {
        const std::string file = fileOf(doc);
        if (const auto known = plugin.files.find(doc->id); known != plugin.files.end() && known->second != file)
            plugin.sidebar->events().onDocumentRenamed(known->second, file);
        remember(doc);
        plugin.sidebar->events().onDocumentSaved(file);
    });
}

void onClosed(GObject*, GeanyDocument* doc, gpointer)
{
    guarded("document-close", [&] {
        plugin.files.erase(doc->id);
        if (const std::string file = fileOf(doc); !file.empty())
            plugin.sidebar->events().onDocumentClosed(file);
    });
}

// Geany sends no document-activate for the document it starts with.
void onStartupComplete(GObject*, gpointer)
{
    guarded("geany-startup-complete", [&] {
        remember(document_get_current());
        plugin.sidebar->events().onActiveDocumentChanged(calls::activeDocument());
        plugin.sidebar->events().onHostReady();
    });
}

// While the focus is in the page, the page sees its keys first, as a focused GTK widget
// does; the keys it leaves alone go on to Geany's keybindings (its Ctrl+R is not ours).
gboolean onKeyPress(GObject*, GdkEventKey* key, gpointer)
{
    gboolean used = FALSE;
    guarded("key-press", [&] {
        GtkWindow* window = GTK_WINDOW(widgets()->window);
        if (plugin.sidebar->contains(gtk_window_get_focus(window)))
            used = gtk_window_propagate_key_event(window, key);
    });
    return used;
}

gboolean onKey(guint key_id)
{
    guarded("keybinding", [&] {
        if (key_id == kToggleKey)
            plugin.sidebar->toggle();
        else if (key_id == kFocusKey)
            plugin.sidebar->focus();
        else if (key_id - kKeyCount < plugin.texts.commands.size())
            plugin.sidebar->runCommand(plugin.texts.commands[key_id - kKeyCount].id);
    });
    return TRUE;
}

void onMenuItem(GtkMenuItem*, gpointer) { onKey(kToggleKey); }

// The check mark follows the page, however it was shown or hidden, when the View menu opens.
void onViewMenuShown(GtkWidget*, gpointer)
{
    guarded("View menu", [&] {
        g_signal_handlers_block_by_func(plugin.menuItem, reinterpret_cast<gpointer>(&onMenuItem), nullptr);
        gtk_check_menu_item_set_active(GTK_CHECK_MENU_ITEM(plugin.menuItem), plugin.sidebar->isShown());
        g_signal_handlers_unblock_by_func(plugin.menuItem, reinterpret_cast<gpointer>(&onMenuItem), nullptr);
    });
}

gboolean init(GeanyPlugin* geany_plugin, gpointer)
{
    gboolean started = FALSE;
    guarded("init", [&] {
        plugin.geany = geany_plugin;
        plugin.sidebar = rapport::geany_adapter::SidebarHost::create(
            widgets()->window, widgets()->sidebar_notebook,
            std::to_string(GEANY_API_VERSION) + "." + std::to_string(GEANY_ABI_VERSION >> GEANY_ABI_SHIFT));
        if (!plugin.sidebar)
            return;
        GtkWidget* view = ui_lookup_widget(widgets()->window, "menu_view1_menu");
        plugin.menuItem = gtk_check_menu_item_new_with_label(plugin.texts.menuItem.c_str());
        gtk_widget_show(plugin.menuItem);
        gtk_menu_shell_append(GTK_MENU_SHELL(view), plugin.menuItem);
        g_signal_connect(plugin.menuItem, "activate", G_CALLBACK(onMenuItem), nullptr);
        plugin_signal_connect(geany_plugin, G_OBJECT(view), "show", FALSE, G_CALLBACK(onViewMenuShown), nullptr);
        // Geany's own keybinding group, so its keyboard preferences can rebind them.
        // The sidebar's commands follow, so that they can be rebound there too.
        const auto& commands = plugin.texts.commands;
        GeanyKeyGroup* keys = plugin_set_key_group(geany_plugin, "rapport", kKeyCount + commands.size(), onKey);
        keybindings_set_item(keys, kToggleKey, nullptr, GDK_KEY_r, GdkModifierType(GDK_CONTROL_MASK | GDK_MOD1_MASK),
                             "toggle_sidebar", plugin.texts.toggleKey.c_str(), plugin.menuItem);
        keybindings_set_item(keys, kFocusKey, nullptr, 0, GdkModifierType(0), "focus_sidebar",
                             plugin.texts.focusKey.c_str(), nullptr);
        for (gsize i = 0; i < commands.size(); ++i) {
            const auto& command = commands[i];
            const int mask = (command.ctrl ? GDK_CONTROL_MASK : 0) | (command.alt ? GDK_MOD1_MASK : 0) |
                             (command.shift ? GDK_SHIFT_MASK : 0);
            keybindings_set_item(keys, kKeyCount + i, nullptr, command.key ? gdk_unicode_to_keyval(command.key) : 0,
                                 GdkModifierType(mask), command.id.c_str(), command.label.c_str(), nullptr);
        }
        GPtrArray* open = geany_plugin->geany_data->documents_array;
        for (guint i = 0; i < open->len; ++i)
            remember(static_cast<GeanyDocument*>(g_ptr_array_index(open, i)));
        if (main_is_realized()) { // enabled in the Plugin Manager, long after start-up: show the page
            onStartupComplete(nullptr, nullptr);
            if (!plugin.sidebar->isShown())
                plugin.sidebar->toggle();
        }
        started = TRUE;
    });
    if (!started) // Geany will not call cleanup()
        plugin.sidebar.reset();
    return started;
}

void cleanup(GeanyPlugin*, gpointer)
{
    guarded("cleanup", [&] {
        plugin.sidebar->events().onHostClosing();
        plugin.sidebar.reset();
        gtk_widget_destroy(plugin.menuItem);
        plugin.menuItem = nullptr;
        plugin.files.clear();
    });
}

} // namespace

namespace rapport::geany_adapter::calls {

std::string activeDocument() { return fileOf(document_get_current()); }

bool activateDocument(const std::string& path)
{
    GeanyDocument* doc = document_find_by_filename(path.c_str());
    if (doc)
        gtk_notebook_set_current_page(GTK_NOTEBOOK(widgets()->notebook), document_get_notebook_page(doc));
    return doc != nullptr;
}

bool openDocument(const std::string& path)
{
    return document_open_file(path.c_str(), FALSE, nullptr, nullptr) != nullptr;
}

bool saveActiveDocumentAs(const std::string& path)
{
    GeanyDocument* doc = document_get_current();
    return doc && document_save_file_as(doc, path.c_str());
}

bool closeDocument(const std::string& path)
{
    GeanyDocument* doc = document_find_by_filename(path.c_str());
    return doc && document_close(doc);
}

std::string language()
{
    const std::string header = g_dgettext("geany", ""); // the header of the catalogue in use
    const auto start = header.find("Language: ");
    if (start == std::string::npos)
        return "en";
    return header.substr(start + 10, header.find('\n', start) - start - 10);
}

void showSidebar()
{
    if (!gtk_widget_get_visible(widgets()->sidebar_notebook))
        keybindings_send_command(GEANY_KEY_GROUP_VIEW, GEANY_KEYS_VIEW_SIDEBAR);
}

void chooseViewMenuItem() { gtk_menu_item_activate(GTK_MENU_ITEM(plugin.menuItem)); }

bool openPluginManager()
{
    GList* items = gtk_container_get_children(GTK_CONTAINER(widgets()->tools_menu));
    GtkWidget* found = nullptr;
    for (GList* item = items; item && !found; item = item->next)
        if (gtk_menu_item_get_label(GTK_MENU_ITEM(item->data)) == std::string(g_dgettext("geany", "_Plugin Manager")))
            found = GTK_WIDGET(item->data);
    g_list_free(items);
    if (found)
        gtk_menu_item_activate(GTK_MENU_ITEM(found));
    return found != nullptr;
}

void quit()
{
    g_idle_add([](gpointer) -> gboolean {
        keybindings_send_command(GEANY_KEY_GROUP_FILE, GEANY_KEYS_FILE_QUIT);
        return G_SOURCE_REMOVE;
    }, nullptr);
}

void throwInCallback() { guarded("test: throw", [] { throw std::runtime_error("scripted failure"); }); }

void log(const std::string& line, bool error)
{
    msgwin_status_add_string(line.c_str());
    if (error)
        msgwin_msg_add_string(COLOR_RED, -1, nullptr, line.c_str());
}

} // namespace rapport::geany_adapter::calls

extern "C" G_MODULE_EXPORT void geany_load_module(GeanyPlugin* geany_plugin)
{
    // Resident: wx keeps GTK emission hooks it never removes; unloading the module on
    // disable would leave them pointing nowhere (Geany crashed so without this).
    plugin_module_make_resident(geany_plugin);
    guarded("load", [&] { plugin.texts = rapport::geany_adapter::pluginTexts(calls::language()); });
    geany_plugin->info->name = "Rapport";
    geany_plugin->info->description = plugin.texts.description.c_str();
    geany_plugin->info->version = RAPPORT_VERSION;
    geany_plugin->info->author = "The Rapport team";
    static PluginCallback callbacks[] = {
        {"document-activate", G_CALLBACK(onActivated), FALSE, nullptr},
        {"document-save", G_CALLBACK(onSaved), FALSE, nullptr},
        {"document-close", G_CALLBACK(onClosed), FALSE, nullptr},
        {"geany-startup-complete", G_CALLBACK(onStartupComplete), FALSE, nullptr},
        {"key-press", G_CALLBACK(onKeyPress), FALSE, nullptr},
        {nullptr, nullptr, FALSE, nullptr},
    };
    geany_plugin->funcs->callbacks = callbacks;
    geany_plugin->funcs->init = init;
    geany_plugin->funcs->cleanup = cleanup;
    GEANY_PLUGIN_REGISTER(geany_plugin, 225);
}
