// The sidebar's icons: SVG drawn by wx at whatever size the screen needs, so the panel
// stays sharp at any scale. The SVGs are compiled in from assets/icons.
#pragma once

#include "store.h"

#include <array>

#include <wx/bmpbndl.h>

namespace rapport::ui {

// Commands that have an icon on a button or menu item.
enum class Action { AddItem, AddSection, Delete, Undo, Redo, Search, Filter, MoveUp, MoveDown, Report, Rename, Copy };

// Every action, so callers and tests can go through them all without missing one.
inline constexpr std::array kAllActions{Action::AddItem, Action::AddSection, Action::Delete, Action::Undo,
                                        Action::Redo,    Action::Search,     Action::Filter, Action::MoveUp,
                                        Action::MoveDown, Action::Report,    Action::Rename, Action::Copy};

// The icon of an item status; each status has its own shape, so colour is never the only cue.
// Parses the SVG on every call: keep the bundle rather than asking again for each row.
wxBitmapBundle statusIcon(ItemStatus status);

// The icon of an action (16×16 at scale 1); parses the SVG on every call, like statusIcon.
wxBitmapBundle actionIcon(Action action);

} // namespace rapport::ui
