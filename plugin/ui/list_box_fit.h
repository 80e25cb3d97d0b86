// A wxListBox (or wxCheckListBox) whose items wrap: GTK draws an item with line breaks
// on several lines and makes its row as tall as they are, so wrapping is inserting line
// breaks at the width the text column has; the list is then made tall enough for every
// row, so that none is hidden or shown in part. GTK-specific: the list is a GtkTreeView.
#pragma once

#include <wx/string.h>

class wxListBox;

namespace rapport::ui {

// The width, in pixels, an item's text may take in `list` (its text column, less the
// renderer's padding); a guess from the client width before GTK has laid the list out.
int listBoxTextWidth(const wxListBox& list);

// The height `list` needs to show every row whole (GTK's measure of its rows plus the
// frame), or -1 when GTK has not measured the rows yet.
int listBoxContentHeight(const wxListBox& list);

// Whether row `row` of `list` is entirely inside the part of the list on screen
// (for tests: a half-hidden row is a cut).
bool listBoxRowFullyVisible(const wxListBox& list, unsigned row);

} // namespace rapport::ui
