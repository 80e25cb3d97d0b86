// The sidebar's commands that have a key, as one host-neutral table. A host offers each in
// its own menus or keybindings (Code::Blocks: the View → Rapport submenu, host_action_menu.h;
// Geany: its keybinding group) so that the host's shortcut editor can rebind it, and runs it
// through SidebarController::runPanelAction(). The default keys are ones neither Code::Blocks
// nor Geany binds (their Ctrl+F, Ctrl+N, Ctrl+R are Find, New and Replace/Reload, Geany's
// Ctrl+Alt+P its Preferences); the panel
// answers them itself too, for a host that offers no menu.
#pragma once

#include "list_keys.h"

#include <locale>
#include <span>
#include <string>
#include <string_view>

namespace rapport::ui {

// One command of the table.
struct PanelAction {
    std::string_view id; // stable, for the host's key configuration ("create-report")
    KeyAction action;    // what the panel does
    const char* label;   // English msgid (with its mnemonic), see panelActionLabel()
    int modifiers;       // wxMOD_* flags of the default key
    int key;             // wx key code of the default key; 0: no default key
};

// Every command a host may offer, in menu order.
std::span<const PanelAction> panelActions();
// The command called `id`, or nullptr.
const PanelAction* panelActionById(std::string_view id);
// The command whose default key is `key` with `modifiers`, or nullptr.
const PanelAction* panelActionForKey(int key, int modifiers);
// The command's menu label in `loc`, with its mnemonic.
std::string panelActionLabel(const PanelAction& action, const std::locale& loc);
// The default key in wx accelerator syntax ("Ctrl+Alt+P"), "" when there is none.
std::string panelActionKeyText(const PanelAction& action);
// The default key of the command `id` in wx accelerator syntax, "" when none.
std::string panelActionKeyText(std::string_view id);

} // namespace rapport::ui
