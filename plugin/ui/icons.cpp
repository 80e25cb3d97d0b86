#include "icons.h"

#include "embedded_icons.h"

#include <string_view>

namespace rapport::ui {
namespace {

namespace svg = embedded_icons;

wxBitmapBundle fromEmbeddedSvg(std::string_view text)
{
    // The (bytes, length) overload copies the text, so a literal without its NUL is fine.
    return wxBitmapBundle::FromSVG(reinterpret_cast<const wxByte*>(text.data()), text.size(), wxSize(16, 16));
}

std::string_view statusSvg(ItemStatus status)
{
    switch (status) {
    case ItemStatus::ToDo: return svg::svg_status_todo;
    case ItemStatus::InProgress: return svg::svg_status_in_progress;
    case ItemStatus::WaitingOnClient: return svg::svg_status_waiting_on_client;
    case ItemStatus::Blocked: return svg::svg_status_blocked;
    case ItemStatus::Done: return svg::svg_status_done;
    case ItemStatus::NotApplicable: return svg::svg_status_not_applicable;
    }
    return svg::svg_status_todo; // a number from a newer store: draw it as not started
}

std::string_view actionSvg(Action action)
{
    switch (action) {
    case Action::AddItem: return svg::svg_action_add_item;
    case Action::AddSection: return svg::svg_action_add_section;
    case Action::Delete: return svg::svg_action_delete;
    case Action::Undo: return svg::svg_action_undo;
    case Action::Redo: return svg::svg_action_redo;
    case Action::Search: return svg::svg_action_search;
    case Action::Filter: return svg::svg_action_filter;
    case Action::MoveUp: return svg::svg_action_move_up;
    case Action::MoveDown: return svg::svg_action_move_down;
    case Action::Report: return svg::svg_action_report;
    case Action::Rename: return svg::svg_action_rename;
    case Action::Copy: return svg::svg_action_copy;
    }
    return {}; // unreachable: every enumerator is handled above, and -Wswitch says so
}

} // namespace

wxBitmapBundle statusIcon(ItemStatus status) { return fromEmbeddedSvg(statusSvg(status)); }

wxBitmapBundle actionIcon(Action action) { return fromEmbeddedSvg(actionSvg(action)); }

} // namespace rapport::ui
