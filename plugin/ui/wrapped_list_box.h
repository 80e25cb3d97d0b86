// What the sidebar's two hand-drawn lists share (the checklist, checklist_view.h, and the
// client log, log_entries_view.h): a virtual list whose rows wrap to its width, drawn in
// the system's list colours and font.
#pragma once

#include <memory>

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/vlbox.h>

namespace rapport::ui {

class WrappedListBox : public wxVListBox {
protected:
    // `name` is the window's name (tests and accessibility find the list by it).
    WrappedListBox(wxWindow* parent, const wxString& name);

    // Looks the colours and fonts up: on GTK, asking a window for a default attribute
    // creates a native widget each time, which would cost more than drawing a row. The
    // derived constructor calls it; a theme change calls it again.
    void cacheAttributes();
    // The colours and fonts were looked up again: what the list derives from them follows
    // (more fonts, cached wraps).
    virtual void attributesChanged() {}

    wxFont font_, boldFont_;
    wxColour text_, highlightText_, muted_;
    wxColour alert_; // overdue, broken: always with words and weight as well
    int lineHeight_ = 0;
    wxBitmap measuringBitmap_;
    mutable std::unique_ptr<wxMemoryDC> measuring_; // text extents without a window DC per row

private:
    int lastWidth_ = 0;
};

} // namespace rapport::ui
