#include <sdk.h> // Code::Blocks' precompiled SDK header must come first

#include "rapport_plugin.h"

#include "configuration_panel.h"
#include "host_action_menu.h"
#include "localization.h"
#include "sidebar_controller.h"

#include <boost/locale/message.hpp>

#include <cbeditor.h>
#include <configmanager.h>
#include <editorbase.h>
#include <editormanager.h>
#include <logmanager.h>
#include <manager.h>
#include <sdk_events.h>

#include <exception>
#include <stdexcept>
#include <string>

#include <wx/frame.h>
#include <wx/menu.h>

namespace {

// Registration: Code::Blocks loads the plugin only when the SDK version compiled in
// here equals its own, and otherwise skips it with a single log line. tests/e2e fails
// when that happens, so a mismatch cannot go unnoticed.
PluginRegistrant<RapportPlugin> registration("Rapport");

std::string toUtf8(const wxString& text)
{
    const wxScopedCharBuffer utf8 = text.utf8_str();
    return std::string(utf8.data(), utf8.length());
}

wxString fromUtf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

// The file an editor shows, when it is a text editor; "" for the start page and others.
wxString documentFile(EditorBase* editor)
{
    if (!editor || !editor->IsBuiltinEditor())
        return wxString();
    return editor->GetFilename();
}

} // namespace

RapportPlugin::RapportPlugin() = default;

RapportPlugin::~RapportPlugin() = default;

template <class Body>
void RapportPlugin::guarded(const char* where, Body&& body) noexcept
{
    try {
        body();
        return;
    } catch (const std::exception& e) {
        try {
            const std::string message = std::string("Rapport: unexpected error in ") + where + ": " + e.what();
            log(message, true);
            if (controller_)
                controller_->showProblem(message);
        } catch (...) {
        }
    } catch (...) {
        try {
            log(std::string("Rapport: unexpected error in ") + where, true);
        } catch (...) {
        }
    }
}

void RapportPlugin::OnAttach()
{
    guarded("OnAttach", [&] {
        // The panel lives in the main frame; the placement docks it.
        controller_ = std::make_unique<rapport::ui::SidebarController>(Manager::Get()->GetAppWindow(), *this, this);
        placement_ = std::make_unique<rapport::codeblocks::DockedPlacement>();
        placement_->add(controller_->panel(), "Rapport");

        using Functor = cbEventFunctor<RapportPlugin, CodeBlocksEvent>;
        Manager* manager = Manager::Get();
        manager->RegisterEventSink(cbEVT_EDITOR_ACTIVATED, new Functor(this, &RapportPlugin::onEditorActivated));
        manager->RegisterEventSink(cbEVT_EDITOR_SAVE, new Functor(this, &RapportPlugin::onEditorSaved));
        manager->RegisterEventSink(cbEVT_EDITOR_CLOSE, new Functor(this, &RapportPlugin::onEditorClosed));
        manager->RegisterEventSink(cbEVT_APP_STARTUP_DONE, new Functor(this, &RapportPlugin::onStartupDone));
        manager->RegisterEventSink(cbEVT_APP_START_SHUTDOWN, new Functor(this, &RapportPlugin::onStartShutdown));
    });
}

void RapportPlugin::OnRelease(bool /*appShutDown*/)
{
    guarded("OnRelease", [&] {
        Manager::Get()->RemoveAllEventSinksFor(this);
        if (controller_) {
            wxWindow* panel = controller_->panel();
            if (placement_)
                placement_->remove();
            if (panel)
                panel->Destroy();
        }
        actionMenu_.reset();
        placement_.reset();
        controller_.reset();
    });
}

void RapportPlugin::BuildMenu(wxMenuBar* menuBar)
{
    guarded("BuildMenu", [&] {
        // Code::Blocks' own catalogue names its View menu; _() looks the title up there.
        const int viewIndex = menuBar->FindMenu(_("&View"));
        if (viewIndex == wxNOT_FOUND)
            return;
        wxMenu* view = menuBar->GetMenu(static_cast<size_t>(viewIndex));
        if (toggleMenuId_ == wxID_NONE) {
            toggleMenuId_ = wxWindow::NewControlId();
            Bind(wxEVT_MENU, &RapportPlugin::onToggleSidebar, this, toggleMenuId_);
            Bind(wxEVT_UPDATE_UI, &RapportPlugin::onUpdateToggleSidebar, this, toggleMenuId_);
        }
        // TRANSLATORS: a View menu item that shows or hides Rapport's sidebar panel.
        const std::string label = boost::locale::translate("Rapport sidebar").str(std::locale::classic());
        view->AppendCheckItem(toggleMenuId_, fromUtf8(label) + "\tCtrl+Alt+R");
        // The sidebar's commands as host menu items, so Settings → Editor → Keyboard
        // shortcuts can rebind them.
        if (controller_ && !actionMenu_)
            actionMenu_ = std::make_unique<rapport::ui::HostActionMenu>(*controller_, *this);
        if (actionMenu_)
            view->AppendSubMenu(actionMenu_->build(), "Rapport");
    });
}

cbConfigurationPanel* RapportPlugin::GetConfigurationPanel(wxWindow* parent)
{
    cbConfigurationPanel* panel = nullptr;
    guarded("settings page", [&] {
        if (controller_)
            panel = new rapport::codeblocks::ConfigurationPanel(parent, *controller_);
    });
    return panel;
}

bool RapportPlugin::openSettingsDialog()
{
    bool opened = false;
    guarded("settings dialog", [&] {
        auto* frame = dynamic_cast<wxFrame*>(Manager::Get()->GetAppWindow());
        wxMenuBar* bar = frame ? frame->GetMenuBar() : nullptr;
        const int settings = bar ? bar->FindMenu(_("&Settings")) : wxNOT_FOUND;
        if (settings == wxNOT_FOUND)
            return;
        const int item = bar->GetMenu(static_cast<size_t>(settings))->FindItem(_("&Environment..."));
        if (item == wxNOT_FOUND)
            return;
        // Queued, as a click is: the dialog is modal and runs its own loop.
        frame->GetEventHandler()->QueueEvent(new wxCommandEvent(wxEVT_MENU, item));
        opened = true;
    });
    return opened;
}

std::vector<std::string> RapportPlugin::actionMenuReport()
{
    std::vector<std::string> lines;
    guarded("host-menu", [&] {
        auto* frame = dynamic_cast<wxFrame*>(Manager::Get()->GetAppWindow());
        if (actionMenu_ && frame)
            lines = actionMenu_->report(frame->GetMenuBar());
    });
    return lines;
}

bool RapportPlugin::chooseActionMenu(const std::string& id)
{
    bool chosen = false;
    guarded("host-menu-run", [&] { chosen = actionMenu_ && actionMenu_->choose(id); });
    return chosen;
}

std::string RapportPlugin::hostName() const { return "Code::Blocks"; }

std::string RapportPlugin::pluginApiVersion() const
{
    return std::to_string(PLUGIN_SDK_VERSION_MAJOR) + "." + std::to_string(PLUGIN_SDK_VERSION_MINOR) + "." +
           std::to_string(PLUGIN_SDK_VERSION_RELEASE);
}

void RapportPlugin::showPanel(bool shown)
{
    if (placement_)
        placement_->show(shown);
    Manager::Get()->GetConfigManager("rapport")->Write("/sidebar_shown", shown);
}

bool RapportPlugin::isPanelShown() const { return placement_ && placement_->isShown(); }

std::string RapportPlugin::interfaceLanguage() const
{
    // Code::Blocks keeps a wx canonical name ("ru_RU"), used only while translation is on.
    ConfigManager* app = Manager::Get()->GetConfigManager("app");
    if (!app->ReadBool("/locale/enable", false))
        return {};
    const auto language = rapport::parseLanguage(toUtf8(app->Read("/locale/language", wxString())));
    return language ? std::string(rapport::languageCode(*language)) : std::string();
}

void RapportPlugin::log(const std::string& line, bool error)
{
    LogManager* logs = Manager::Get()->GetLogManager();
    if (error)
        logs->LogError(fromUtf8(line));
    else
        logs->Log(fromUtf8(line));
}

void RapportPlugin::onEditorActivated(CodeBlocksEvent& event)
{
    guarded("editor activated", [&] {
        EditorBase* editor = event.GetEditor();
        const wxString file = documentFile(editor);
        if (editor && !file.empty())
            editorFiles_[editor] = file;
        if (controller_)
            controller_->onActiveDocumentChanged(toUtf8(file));
    });
    event.Skip();
}

void RapportPlugin::onEditorSaved(CodeBlocksEvent& event)
{
    guarded("editor saved", [&] {
        EditorBase* editor = event.GetEditor();
        const wxString file = documentFile(editor);
        if (!controller_ || file.empty())
            return;
        const auto known = editorFiles_.find(editor);
        if (known != editorFiles_.end() && known->second != file)
            controller_->onDocumentRenamed(toUtf8(known->second), toUtf8(file));
        editorFiles_[editor] = file;
        controller_->onDocumentSaved(toUtf8(file));
    });
    event.Skip();
}

void RapportPlugin::onEditorClosed(CodeBlocksEvent& event)
{
    guarded("editor closed", [&] {
        EditorBase* editor = event.GetEditor();
        wxString file = event.GetString();
        if (const auto known = editorFiles_.find(editor); known != editorFiles_.end()) {
            if (file.empty())
                file = known->second;
            editorFiles_.erase(known);
        }
        if (controller_ && !file.empty())
            controller_->onDocumentClosed(toUtf8(file));
    });
    event.Skip();
}

void RapportPlugin::onStartupDone(CodeBlocksEvent& event)
{
    guarded("start-up done", [&] {
        // A saved layout hides panes it does not know; show ours again unless the user hid it.
        startupDone_ = true;
        const bool shown = Manager::Get()->GetConfigManager("rapport")->ReadBool("/sidebar_shown", true);
        if (placement_)
            placement_->show(shown);
        if (controller_) {
            controller_->onActiveDocumentChanged(
                toUtf8(documentFile(Manager::Get()->GetEditorManager()->GetActiveEditor())));
            controller_->onHostReady();
        }
    });
    event.Skip();
}

void RapportPlugin::onStartShutdown(CodeBlocksEvent& event)
{
    guarded("shutdown", [&] {
        if (controller_)
            controller_->onHostClosing();
        // Before start-up finished the pane was never shown, which says nothing about the user's wish.
        if (startupDone_)
            Manager::Get()->GetConfigManager("rapport")->Write("/sidebar_shown", isPanelShown());
    });
    event.Skip();
}

void RapportPlugin::onToggleSidebar(wxCommandEvent& /*event*/)
{
    guarded("View menu", [&] { showPanel(!isPanelShown()); });
}

void RapportPlugin::onUpdateToggleSidebar(wxUpdateUIEvent& event)
{
    guarded("View menu state", [&] { event.Check(isPanelShown()); });
}

bool RapportPlugin::openDocument(const std::string& path)
{
    bool opened = false;
    guarded("open document", [&] { opened = Manager::Get()->GetEditorManager()->Open(fromUtf8(path)) != nullptr; });
    return opened;
}

bool RapportPlugin::activateDocument(const std::string& path)
{
    bool open = false;
    guarded("test: activate", [&] {
        EditorManager* editors = Manager::Get()->GetEditorManager();
        if (EditorBase* editor = editors->IsOpen(fromUtf8(path))) {
            editors->SetActiveEditor(editor);
            open = true;
        }
    });
    return open;
}

bool RapportPlugin::saveActiveDocumentAs(const std::string& path)
{
    bool saved = false;
    guarded("test: save as", [&] {
        // What Save As does after its dialog: the editor takes the new name and saves.
        cbEditor* editor = Manager::Get()->GetEditorManager()->GetBuiltinActiveEditor();
        if (!editor)
            return;
        editor->SetFilename(fromUtf8(path));
        editor->SetModified(true); // Code::Blocks skips saving an unmodified editor
        saved = editor->Save();
    });
    return saved;
}

void RapportPlugin::chooseToggleSidebarMenu()
{
    guarded("test: View menu", [&] {
        // Exactly what choosing View > Rapport sidebar does: a menu event sent to the main frame.
        wxCommandEvent click(wxEVT_MENU, toggleMenuId_);
        Manager::Get()->GetAppFrame()->GetEventHandler()->ProcessEvent(click);
    });
}

void RapportPlugin::quitHost()
{
    guarded("test: quit", [&] { Manager::Get()->GetAppFrame()->Close(); });
}

void RapportPlugin::throwInHostCallback()
{
    guarded("test: throw", [&] { throw std::runtime_error("scripted failure"); });
}
