#include "panel_placement.h"

#include <sdk.h> // Code::Blocks' precompiled SDK header must come first
#include <manager.h>
#include <sdk_events.h>

#include <wx/window.h>

namespace rapport::codeblocks {

void DockedPlacement::add(wxWindow* panel, const wxString& title)
{
    panel_ = panel;
    CodeBlocksDockEvent event(cbEVT_ADD_DOCK_WINDOW);
    event.name = "RapportSidebar";
    event.title = title;
    event.pWindow = panel;
    event.dockSide = CodeBlocksDockEvent::dsRight;
    event.desiredSize.Set(panel->FromDIP(320), panel->FromDIP(480));
    event.floatingSize.Set(panel->FromDIP(320), panel->FromDIP(480));
    event.minimumSize.Set(panel->FromDIP(240), panel->FromDIP(160));
    event.shown = true;
    event.stretch = true;
    Manager::Get()->ProcessEvent(event);
}

void DockedPlacement::remove()
{
    if (!panel_)
        return;
    CodeBlocksDockEvent event(cbEVT_REMOVE_DOCK_WINDOW);
    event.pWindow = panel_;
    Manager::Get()->ProcessEvent(event);
    panel_ = nullptr;
}

void DockedPlacement::show(bool shown)
{
    if (!panel_)
        return;
    CodeBlocksDockEvent event(shown ? cbEVT_SHOW_DOCK_WINDOW : cbEVT_HIDE_DOCK_WINDOW);
    event.pWindow = panel_;
    Manager::Get()->ProcessEvent(event);
}

bool DockedPlacement::isShown() const
{
    return panel_ && IsWindowReallyShown(panel_);
}

} // namespace rapport::codeblocks
