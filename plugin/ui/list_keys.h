// The sidebar's keyboard map, in one place: the keys of the checklist (Space ticks, 1–6
// set a status, Alt+↑/↓ move, Delete, Enter, F2, Insert) and the panel-wide keys seen
// before any control (the default keys of panel_actions.h, Ctrl+Z, Ctrl+Y, Esc). It only
// decides what a key means; the panel carries it out. README's key table describes this file.
#pragma once

#include "model.h"

#include <functional>

class wxKeyEvent;
class wxWindow;

namespace rapport::ui {

class ChecklistView;
class PanelContext;

// What a key asks the sidebar to do.
enum class KeyAction {
    None,         // not ours: the key goes on to the focused control
    SetStatus,    // the selected item gets KeyCommand::status
    ToggleDone,   // the selected item: done / not done
    MoveUp,       // the selected item or section, one place up
    MoveDown,     // ... or down
    Delete,       // the selected item or section
    EditDetails,  // focus the details of the selected row
    EditTitle,    // focus the selected row's title
    FocusNewItem, // focus the field that adds an item
    FocusSearch,  // focus the search field, its text selected
    AddSection,
    CreateReport,
    PastReports,
    ShowLog,      // the client log instead of the checklist, or back
    AddLogEntry,  // "Add to the client log…"
    Undo,
    Redo,
    BackToList,   // leave a field (clearing the search) for the list
};

// One decoded key.
struct KeyCommand {
    KeyAction action = KeyAction::None;
    ItemStatus status = ItemStatus::ToDo; // for SetStatus
};

// A key in the list: `key` is a wx key code, `modifiers` wxMOD_* flags; `on_row` says a
// row is selected and `on_section` that it is a section heading.
KeyCommand listKeyCommand(int key, int modifiers, bool on_row, bool on_section);

// Where the focus is when a key reaches the panel.
struct FocusPlace {
    bool has_checklist = false; // the panel shows a checklist (else no panel key applies)
    bool in_text = false;       // a text field has the focus: Ctrl+Z/Ctrl+Y are its own
    bool on_list = false;       // the list has the focus
};

// A key anywhere in the panel, before the focused control sees it.
KeyCommand panelKeyCommand(int key, int modifiers, const FocusPlace& place);

// Listens to the list's keys and the panel's char hook, decodes them with the two maps
// above and hands what they mean to `run`; keys that mean nothing go on as usual.
class ListKeys {
public:
    using CommandSink = std::function<void(const KeyCommand& command)>;

    // `search` is the search field, whose inner text control counts as text too.
    ListKeys(wxWindow* panel, ChecklistView* list, wxWindow* search, PanelContext& context, CommandSink run);

private:
    void onListKey(wxKeyEvent& event);
    void onCharHook(wxKeyEvent& event);

    ChecklistView* list_;
    wxWindow* search_;
    PanelContext& context_;
    CommandSink run_;
};

} // namespace rapport::ui
