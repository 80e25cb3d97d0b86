// Showing a modal dialog whatever loop drives wx. wx ends a modal loop by also quitting the
// GTK main loop level around it, expecting a wx loop there that re-enters; in a host whose
// own GTK loop drives wx (Geany is no wx application) that would quit the host itself.
#pragma once

class wxDialog;

namespace rapport::ui {

// dialog.ShowModal(), run inside a GTK main loop level of its own when no wx loop encloses
// it, so that the host's loop survives the dialog. Returns ShowModal's result.
int showModal(wxDialog& dialog);

} // namespace rapport::ui
