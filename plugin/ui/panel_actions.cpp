#include "panel_actions.h"

#include <boost/locale/message.hpp>

#include <array>

#include <wx/defs.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

constexpr int kCtrlAlt = wxMOD_CONTROL | wxMOD_ALT;

// Undo and redo have no key here: Ctrl+Z and Ctrl+Y stay the list's own (as a text field's
// are), and a host menu item for them would take the editor's.
constexpr std::array<PanelAction, 9> kActions{{
    {"create-report", KeyAction::CreateReport, "&Create report…", kCtrlAlt, 'E'},
    {"past-reports", KeyAction::PastReports, "&Past reports…", kCtrlAlt | wxMOD_SHIFT, 'E'},
    {"new-item", KeyAction::FocusNewItem, "Add an &item", kCtrlAlt, 'N'},
    {"add-section", KeyAction::AddSection, "Add a &section", kCtrlAlt | wxMOD_SHIFT, 'N'},
    {"search", KeyAction::FocusSearch, "&Search the checklist", kCtrlAlt, 'F'},
    {"client-log", KeyAction::ShowLog, "Client &log or checklist", kCtrlAlt, 'J'},
    {"log-entry", KeyAction::AddLogEntry, "Add to the client l&og…", kCtrlAlt | wxMOD_SHIFT, 'J'},
    {"undo", KeyAction::Undo, "&Undo the last checklist change", 0, 0},
    {"redo", KeyAction::Redo, "&Redo a checklist change", 0, 0},
}};

} // namespace

std::span<const PanelAction> panelActions() { return kActions; }

const PanelAction* panelActionById(std::string_view id)
{
    for (const PanelAction& action : kActions)
        if (action.id == id)
            return &action;
    return nullptr;
}

const PanelAction* panelActionForKey(int key, int modifiers)
{
    if (key == 0)
        return nullptr;
    for (const PanelAction& action : kActions)
        if (action.key == key && action.modifiers == modifiers)
            return &action;
    return nullptr;
}

std::string panelActionLabel(const PanelAction& action, const std::locale& loc)
{
    // Literal msgids, so that extraction finds them.
    switch (action.action) {
    case KeyAction::CreateReport:
        // TRANSLATORS: in the editor's Rapport menu: opens the dialog that makes a progress report.
        return bl::translate("&Create report…").str(loc);
    case KeyAction::PastReports:
        // TRANSLATORS: in the editor's Rapport menu: lists the reports made for this document.
        return bl::translate("&Past reports…").str(loc);
    case KeyAction::FocusNewItem:
        // TRANSLATORS: in the editor's Rapport menu: puts the keyboard in the field that adds a checklist item.
        return bl::translate("Add an &item").str(loc);
    case KeyAction::AddSection:
        // TRANSLATORS: in the editor's Rapport menu: adds a section to the checklist.
        return bl::translate("Add a &section").str(loc);
    case KeyAction::FocusSearch:
        // TRANSLATORS: in the editor's Rapport menu: puts the keyboard in the checklist's search field.
        return bl::translate("&Search the checklist").str(loc);
    case KeyAction::ShowLog:
        // TRANSLATORS: in the editor's Rapport menu: shows the client log in the sidebar, or the checklist again.
        return bl::translate("Client &log or checklist").str(loc);
    case KeyAction::AddLogEntry:
        // TRANSLATORS: in the editor's Rapport menu: records what the client said (and what we promised).
        return bl::translate("Add to the client l&og…").str(loc);
    case KeyAction::Undo:
        // TRANSLATORS: in the editor's Rapport menu; undoes a checklist change, not the editor's text.
        return bl::translate("&Undo the last checklist change").str(loc);
    case KeyAction::Redo:
        // TRANSLATORS: in the editor's Rapport menu; redoes a checklist change, not the editor's text.
        return bl::translate("&Redo a checklist change").str(loc);
    default: return action.label;
    }
}

std::string panelActionKeyText(const PanelAction& action)
{
    if (action.key == 0)
        return {};
    std::string text;
    if (action.modifiers & wxMOD_CONTROL)
        text += "Ctrl+";
    if (action.modifiers & wxMOD_ALT)
        text += "Alt+";
    if (action.modifiers & wxMOD_SHIFT)
        text += "Shift+";
    text += static_cast<char>(action.key);
    return text;
}

std::string panelActionKeyText(std::string_view id)
{
    const PanelAction* action = panelActionById(id);
    return action ? panelActionKeyText(*action) : std::string();
}

} // namespace rapport::ui
