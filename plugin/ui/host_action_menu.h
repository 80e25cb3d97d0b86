// The sidebar's commands (panel_actions.h) as a submenu for a host whose menus are wx menus
// (Code::Blocks): each command an item with its default key in the accelerator column, so the
// host's keyboard-shortcuts editor lists it and can rebind it. The adapter appends build()
// where its menus want it and forwards nothing else: the items run themselves.
#pragma once

#include "localization.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

class wxCommandEvent;
class wxEvtHandler;
class wxMenu;
class wxMenuBar;
class wxUpdateUIEvent;

namespace rapport::ui {

class SidebarController;

// One host menu of the sidebar's commands.
class HostActionMenu {
public:
    // `handler` receives the items' menu events (the adapter's plugin object, which the host's
    // frame passes menu events to).
    HostActionMenu(SidebarController& controller, wxEvtHandler& handler);
    // Unbinds the items: after it, choosing one does nothing.
    ~HostActionMenu();
    HostActionMenu(const HostActionMenu&) = delete;
    HostActionMenu& operator=(const HostActionMenu&) = delete;

    // A new submenu, labelled in the sidebar's language; the menu it is appended to owns it.
    wxMenu* build();
    // Chooses the item for the command `id` as the user would; false when there is none.
    bool choose(std::string_view id);
    // For the end-to-end test: "action\tLABEL\tKEY" per item, with "\tconflict=ITEM" when
    // another item of `bar` has the same key.
    std::vector<std::string> report(wxMenuBar* bar) const;

private:
    // Relabels the items when the sidebar's language changed, keeping whatever key the
    // host's shortcut editor gave each.
    void relabel();
    void onChosen(wxCommandEvent& event);
    void onUpdate(wxUpdateUIEvent& event);

    SidebarController& controller_;
    wxEvtHandler& handler_;
    wxMenu* menu_ = nullptr;            // owned by the host's menu bar
    std::map<std::string, int> itemIds_; // command id -> menu item id
    Language labelled_ = Language::English;
};

} // namespace rapport::ui
