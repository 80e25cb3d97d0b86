// The Code::Blocks adapter: a thin dispatcher (as the To-Do List plugin keeps its
// plugin class thin) that turns host events into HostEvents calls, answers the
// sidebar's HostServices questions and carries out the test channel's host verbs
// (HostTestVerbs). No exception leaves any of its callbacks.
#pragma once

#include "host_interface.h"
#include "panel_placement.h"

#include <cbplugin.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

class CodeBlocksEvent;
class EditorBase;

namespace rapport::ui {
class HostActionMenu;
class SidebarController;
}

// The plugin Code::Blocks loads as "Rapport".
class RapportPlugin : public cbPlugin, public rapport::host::HostServices, public rapport::host::HostTestVerbs {
public:
    RapportPlugin();
    ~RapportPlugin() override;

    void BuildMenu(wxMenuBar* menuBar) override;
    // Rapport's page in Settings → Environment (configuration_panel.h).
    int GetConfigurationGroup() const override { return cgContribPlugin; }
    cbConfigurationPanel* GetConfigurationPanel(wxWindow* parent) override;

    // HostServices.
    std::string hostName() const override;
    std::string pluginApiVersion() const override;
    void showPanel(bool shown) override;
    bool isPanelShown() const override;
    std::string interfaceLanguage() const override;
    bool openDocument(const std::string& path) override;
    void log(const std::string& line, bool error) override;

    // HostTestVerbs.
    bool activateDocument(const std::string& path) override;
    bool saveActiveDocumentAs(const std::string& path) override;
    void chooseToggleSidebarMenu() override;
    void quitHost() override;
    void throwInHostCallback() override;
    std::vector<std::string> actionMenuReport() override;
    bool chooseActionMenu(const std::string& id) override;
    bool openSettingsDialog() override;

protected:
    void OnAttach() override;
    void OnRelease(bool appShutDown) override;

private:
    // Runs `body`; any exception is logged and shown, never passed to the host.
    template <class Body>
    void guarded(const char* where, Body&& body) noexcept;

    void onEditorActivated(CodeBlocksEvent& event);
    void onEditorSaved(CodeBlocksEvent& event);
    void onEditorClosed(CodeBlocksEvent& event);
    void onStartupDone(CodeBlocksEvent& event);
    void onStartShutdown(CodeBlocksEvent& event);
    void onToggleSidebar(wxCommandEvent& event);
    void onUpdateToggleSidebar(wxUpdateUIEvent& event);

    std::unique_ptr<rapport::codeblocks::PanelPlacement> placement_;
    std::unique_ptr<rapport::ui::SidebarController> controller_;
    std::unique_ptr<rapport::ui::HostActionMenu> actionMenu_; // View → Rapport; bound to this
    // Code::Blocks has no rename event: Save As arrives as a save under a new name,
    // so the adapter remembers which file each editor showed.
    std::map<EditorBase*, wxString> editorFiles_;
    int toggleMenuId_ = wxID_NONE;
    bool startupDone_ = false;
};
