// The Code::Blocks adapter: a thin dispatcher (as the To-Do List plugin keeps its
// plugin class thin) that turns host events into HostEvents calls and answers the
// sidebar's HostServices questions. No exception leaves any of its callbacks.
#pragma once

#include "host_interface.h"
#include "panel_placement.h"

#include <cbplugin.h>

#include <map>
#include <memory>

#include <wx/timer.h>

class CodeBlocksEvent;
class EditorBase;

namespace rapport::ui {
class SidebarController;
}

// The plugin Code::Blocks loads as "Rapport".
class RapportPlugin : public cbPlugin, public rapport::host::HostServices {
public:
    RapportPlugin();
    ~RapportPlugin() override;

    void BuildMenu(wxMenuBar* menuBar) override;

    wxWindow* panelParent() override;
    void showPanel(bool shown) override;
    bool isPanelShown() const override;
    std::string interfaceLanguage() const override;
    void log(const std::string& line, bool error) override;

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
    void onTestTimer(wxTimerEvent& event);
    void runTestCommand(const std::string& command);

    std::unique_ptr<rapport::codeblocks::PanelPlacement> placement_;
    std::unique_ptr<rapport::ui::SidebarController> controller_;
    // Code::Blocks has no rename event: Save As arrives as a save under a new name,
    // so the adapter remembers which file each editor showed.
    std::map<EditorBase*, wxString> editorFiles_;
    wxTimer testTimer_;
    int toggleMenuId_ = wxID_NONE;
    bool startupDone_ = false;
};
