#include "list_keys.h"

#include "checklist_view.h"
#include "panel_actions.h"
#include "panel_context.h"

#include <wx/event.h>
#include <wx/textctrl.h>
#include <wx/window.h>

namespace rapport::ui {

KeyCommand listKeyCommand(int key, int modifiers, bool on_row, bool on_section)
{
    if (modifiers == wxMOD_NONE && key >= '1' && key <= '6')
        return {KeyAction::SetStatus, static_cast<ItemStatus>(key - '1')};
    if (modifiers == wxMOD_NONE && key == WXK_SPACE && on_row && !on_section)
        return {KeyAction::ToggleDone};
    if (modifiers == wxMOD_ALT && key == WXK_UP && on_row)
        return {KeyAction::MoveUp};
    if (modifiers == wxMOD_ALT && key == WXK_DOWN && on_row)
        return {KeyAction::MoveDown};
    if (modifiers == wxMOD_NONE && key == WXK_DELETE && on_row)
        return {KeyAction::Delete};
    if (modifiers == wxMOD_NONE && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && on_row)
        return {KeyAction::EditDetails};
    if (modifiers == wxMOD_NONE && key == WXK_F2 && on_row)
        return {KeyAction::EditTitle};
    if (modifiers == wxMOD_NONE && key == WXK_INSERT)
        return {KeyAction::FocusNewItem};
    return {};
}

KeyCommand panelKeyCommand(int key, int modifiers, const FocusPlace& place)
{
    if (!place.has_checklist)
        return {};
    const bool ctrl = modifiers == wxMOD_CONTROL;
    const bool ctrlShift = modifiers == (wxMOD_CONTROL | wxMOD_SHIFT);
    // The commands a host may also offer in its menus, with their default keys.
    if (const PanelAction* action = panelActionForKey(key, modifiers))
        return {action->action};
    // Text fields keep their own undo; elsewhere Ctrl+Z undoes the last checklist change.
    if (!place.in_text && ctrl && key == 'Z')
        return {KeyAction::Undo};
    if (!place.in_text && ((ctrl && key == 'Y') || (ctrlShift && key == 'Z')))
        return {KeyAction::Redo};
    // Escape leaves the search (clearing it) or a field, back to the list.
    if (modifiers == wxMOD_NONE && key == WXK_ESCAPE && !place.on_list)
        return {KeyAction::BackToList};
    return {};
}

ListKeys::ListKeys(wxWindow* panel, ChecklistView* list, wxWindow* search, PanelContext& context, CommandSink run)
    : list_(list), search_(search), context_(context), run_(std::move(run))
{
    list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) { context_.guarded([&] { onListKey(event); }); });
    panel->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) { context_.guarded([&] { onCharHook(event); }); });
}

void ListKeys::onListKey(wxKeyEvent& event)
{
    const ChecklistViewRow* shown = list_->selectedRow();
    const bool onRow = shown != nullptr;
    const bool onSection = onRow && shown->section;
    const KeyCommand command = listKeyCommand(event.GetKeyCode(), event.GetModifiers(), onRow, onSection);
    if (command.action == KeyAction::None)
        event.Skip();
    else
        run_(command);
}

void ListKeys::onCharHook(wxKeyEvent& event)
{
    wxWindow* focus = wxWindow::FindFocus();
    FocusPlace place;
    place.has_checklist = context_.session().view() == SidebarSession::View::Checklist;
    place.in_text = dynamic_cast<wxTextCtrl*>(focus) != nullptr || (focus && focus->GetParent() == search_);
    place.on_list = focus == list_;
    const KeyCommand command = panelKeyCommand(event.GetKeyCode(), event.GetModifiers(), place);
    if (command.action == KeyAction::None)
        event.Skip();
    else
        run_(command);
}

} // namespace rapport::ui
