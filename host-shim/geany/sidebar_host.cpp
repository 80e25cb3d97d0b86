// The wx side of the Geany adapter: starts wx inside Geany's GTK main loop (Geany is no
// wx application), builds the sidebar under a frame that is never shown, and moves the
// panel's GTK widget into a page of Geany's sidebar notebook. It implements
// host::HostServices and host::HostTestVerbs with the Geany calls of geany_bridge.h.
#include "geany_bridge.h"

#include "host_interface.h"
#include "localization.h"
#include "panel_actions.h"
#include "relabeler.h"
#include "settings.h"
#include "sidebar_controller.h"

#include <boost/locale/message.hpp>
#include <gtk/gtk.h>

#include <algorithm>
#include <cctype>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/menuitem.h>

namespace rapport::geany_adapter {

namespace {

namespace bl = boost::locale;

std::string toUtf8(const wxString& text) { return std::string(text.utf8_str()); }

class GuestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// wx's own messages go to Geany's Status tab, never to a wx message box; its debug chatter nowhere.
class GeanyLog : public wxLog {
protected:
    void DoLogTextAtLevel(wxLogLevel level, const wxString& text) override
    {
        if (level <= wxLOG_Message)
            calls::log("Rapport (wx): " + toUtf8(text), level <= wxLOG_Warning);
    }
};

// A wx assertion never becomes a dialog inside Geany; stderr lets the tests see it.
void onAssert(const wxString& file, int line, const wxString& func, const wxString& condition, const wxString& message)
{
    const std::string text = "Rapport: wx assert failed in " + toUtf8(func) + " (" + toUtf8(file) + ":" +
                             std::to_string(line) + "): " + toUtf8(condition) + " " + toUtf8(message);
    g_printerr("%s\n", text.c_str());
    calls::log(text, true);
}

// Once per process: a module that stays resident keeps wx across disable and enable.
bool startWx(GtkWidget* main_window)
{
    static bool started = false;
    if (started)
        return true;
    const bool encodingSet = g_getenv("G_FILENAME_ENCODING") != nullptr;
    wxApp::SetInstance(new GuestApp);
    int argc = 1;
    char name[] = "geany";
    char* argv[] = {name, nullptr};
    // GTK warns once that wx asks it not to set the locale after Geany started it; harmless.
    started = wxEntryStart(argc, argv) && wxTheApp->CallOnInit();
    if (!encodingSet) // wx sets it for itself; Geany's GLib keeps its own rule
        g_unsetenv("G_FILENAME_ENCODING");
    if (!started)
        return false;
    wxTheApp->SetExitOnFrameDelete(false);
    wxSetAssertHandler(onAssert);
    delete wxLog::SetActiveTarget(new GeanyLog);
    // After the plugins are released, before Geany's main loop ends.
    g_signal_connect(main_window, "destroy", G_CALLBACK(+[](GtkWidget*, gpointer) { wxEntryCleanup(); }), nullptr);
    return true;
}

std::string codeOf(const std::string& name)
{
    const auto language = parseLanguage(name);
    return language ? std::string(rapport::languageCode(*language)) : std::string();
}

class GeanySidebar final : public SidebarHost, public rapport::host::HostServices, public rapport::host::HostTestVerbs {
public:
    GeanySidebar(GtkWidget* notebook, std::string api) : notebook_(notebook), api_(std::move(api))
    {
        frame_ = new wxFrame(nullptr, wxID_ANY, "Rapport");
        frame_->wxWindowBase::Show(true); // marked shown, never mapped: its children get update-UI events
        controller_ = std::make_unique<ui::SidebarController>(frame_, *this, this);
        wxWindow* panel = controller_->panel();
        panel->SetSize(std::max(gtk_widget_get_allocated_width(notebook), panel->FromDIP(280)),
                       std::max(gtk_widget_get_allocated_height(notebook), panel->FromDIP(480)));
        panel->Layout(); // before the move, or GTK complains about a scrollbar's size
        page_ = GTK_WIDGET(g_object_ref(panel->GetHandle()));
        gtk_container_remove(GTK_CONTAINER(gtk_widget_get_parent(page_)), page_);
        gtk_notebook_append_page(GTK_NOTEBOOK(notebook_), page_, gtk_label_new("Rapport"));
    }

    ~GeanySidebar() override
    {
        controller_->panel()->Destroy(); // destroying its widget takes the page out of the notebook
        controller_.reset();
        g_object_unref(page_);
        frame_->Destroy();
    }

    host::HostEvents& events() override { return *controller_; }
    void toggle() override { showPanel(!isPanelShown()); }
    void focus() override
    {
        showPanel(true);
        controller_->focusList();
    }
    void runCommand(const std::string& id) override { controller_->runPanelAction(id); }
    bool isShown() const override { return isPanelShown(); }
    bool contains(GtkWidget* widget) const override
    {
        return widget && (widget == page_ || gtk_widget_is_ancestor(widget, page_));
    }

    std::string hostName() const override { return "Geany"; }
    std::string pluginApiVersion() const override { return api_; }
    void showPanel(bool shown) override
    {
        controller_->panel()->Show(shown);
        if (shown) {
            calls::showSidebar();
            gtk_notebook_set_current_page(GTK_NOTEBOOK(notebook_), gtk_notebook_page_num(GTK_NOTEBOOK(notebook_), page_));
            widenSidebar();
        }
    }
    bool isPanelShown() const override
    {
        GtkNotebook* notebook = GTK_NOTEBOOK(notebook_);
        return controller_->panel()->IsShown() && gtk_widget_get_visible(notebook_) &&
               gtk_notebook_get_current_page(notebook) == gtk_notebook_page_num(notebook, page_);
    }
    std::string interfaceLanguage() const override { return codeOf(calls::language()); }
    void log(const std::string& line, bool error) override { calls::log(line, error); }
    bool openDocument(const std::string& path) override { return calls::openDocument(path); }

    bool activateDocument(const std::string& path) override { return calls::activateDocument(path); }
    bool saveActiveDocumentAs(const std::string& path) override { return calls::saveActiveDocumentAs(path); }
    bool closeDocument(const std::string& path) override { return calls::closeDocument(path); }
    void chooseToggleSidebarMenu() override { calls::chooseViewMenuItem(); }
    bool openPluginManager() override { return calls::openPluginManager(); }
    void quitHost() override { calls::quit(); }
    void throwInHostCallback() override { calls::throwInCallback(); }

private:
    // Geany's sidebar may be narrower than the panel can be drawn in (its pane lets it shrink):
    // when the user shows the page, the sidebar grows to Code::Blocks' minimum for the pane.
    void widenSidebar()
    {
        GtkWidget* paned = gtk_widget_get_parent(notebook_);
        const int needed = controller_->panel()->FromDIP(240);
        if (!GTK_IS_PANED(paned) || gtk_widget_get_allocated_width(notebook_) >= needed)
            return;
        const bool left = gtk_paned_get_child1(GTK_PANED(paned)) == notebook_;
        gtk_paned_set_position(GTK_PANED(paned), left ? needed : gtk_widget_get_allocated_width(paned) - needed);
    }

    GtkWidget* notebook_;
    std::string api_;
    wxFrame* frame_ = nullptr;
    std::unique_ptr<ui::SidebarController> controller_;
    GtkWidget* page_ = nullptr; // the panel's widget, our reference keeping it while it moves
};

} // namespace

std::unique_ptr<SidebarHost> SidebarHost::create(GtkWidget* main_window, GtkWidget* sidebar_notebook,
                                                 const std::string& api)
{
    if (!startWx(main_window))
        return nullptr;
    return std::make_unique<GeanySidebar>(sidebar_notebook, api);
}

PluginTexts pluginTexts(const std::string& geany_language)
{
    const Language language = resolveLanguage(Settings::load(Settings::defaultFile()).get("language"),
                                              codeOf(geany_language), systemLanguage());
    const std::locale& loc = Localization::shared().locale(language);
    std::vector<CommandKey> commands;
    for (const rapport::ui::PanelAction& action : rapport::ui::panelActions()) {
        const wxString label = wxStripMenuCodes(rapport::ui::fromUtf8(rapport::ui::panelActionLabel(action, loc)));
        commands.push_back({std::string(action.id), std::string(label.utf8_str()),
                            static_cast<char>(action.key ? std::tolower(action.key) : 0),
                            (action.modifiers & wxMOD_CONTROL) != 0, (action.modifiers & wxMOD_ALT) != 0,
                            (action.modifiers & wxMOD_SHIFT) != 0});
    }
    return {
        // TRANSLATORS: the plugin's description in the editor's list of plugins.
        bl::translate("Client-expectation checklists and progress reports for the open document, in a sidebar.").str(loc),
        // TRANSLATORS: a View menu item that shows or hides Rapport's sidebar panel.
        bl::translate("Rapport sidebar").str(loc),
        // TRANSLATORS: an action in the editor's keyboard preferences.
        bl::translate("Show or hide the Rapport sidebar").str(loc),
        // TRANSLATORS: an action in the editor's keyboard preferences: the keyboard focus moves to the sidebar's list.
        bl::translate("Focus the Rapport sidebar").str(loc),
        std::move(commands),
    };
}

} // namespace rapport::geany_adapter
