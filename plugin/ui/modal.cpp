#include "modal.h"

#include <gtk/gtk.h>

#include <wx/dialog.h>
#include <wx/evtloop.h>

namespace rapport::ui {

namespace {

struct ModalCall {
    wxDialog* dialog;
    int result;
    bool done;
};

gboolean runDialog(gpointer data)
{
    auto* call = static_cast<ModalCall*>(data);
    call->result = call->dialog->ShowModal(); // its loop ends by quitting our level, not the host's
    call->done = true;
    gtk_main_quit();
    return G_SOURCE_REMOVE;
}

} // namespace

int showModal(wxDialog& dialog)
{
    if (wxEventLoopBase::GetActive() || gtk_main_level() == 0) // a wx loop of its own, or none at all
        return dialog.ShowModal();
    ModalCall call{&dialog, wxID_CANCEL, false};
    g_idle_add(runDialog, &call);
    while (!call.done)
        gtk_main();
    return call.result;
}

} // namespace rapport::ui
