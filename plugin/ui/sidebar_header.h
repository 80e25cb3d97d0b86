// The top of the sidebar: which document the checklist belongs to, how far it is
// (progress bar and percentage), the counts behind that, and the schedule (next update,
// revision rounds, deadline). It only reads the session.
#pragma once

#include "checklist_view.h"
#include "panel_context.h"

class wxGauge;
class wxSizer;
class wxStaticText;
class wxWindow;

namespace rapport::ui {

// The header's labels and progress bar.
class SidebarHeader {
public:
    // Builds the header inside `panel` and adds it to `column`.
    SidebarHeader(wxWindow* panel, wxSizer* column, PanelContext& context);

    // Names the document, or says why there is none, for `view`.
    void showDocument(SidebarSession::View view);
    // Shows or hides the figures (there are none without a checklist); true when any
    // control appeared or disappeared.
    bool showFigures(bool shown);
    // Refreshes the figures from the session, wrapped to the panel's width; true when
    // the header changed size (the panel then needs a layout).
    bool refresh();

private:
    wxWindow* panel_;
    PanelContext& context_;
    WrappedLabels wrapped_;
    wxStaticText* document_ = nullptr;
    wxGauge* progress_ = nullptr;
    wxStaticText* percent_ = nullptr;
    wxStaticText* counts_ = nullptr;
    wxStaticText* schedule_ = nullptr;
    wxStaticText* shared_ = nullptr; // shared with the project, and who changed it last
    wxStaticText* dueNext_ = nullptr; // what is due now: the update, overdue items, long waits on the client
};

} // namespace rapport::ui
