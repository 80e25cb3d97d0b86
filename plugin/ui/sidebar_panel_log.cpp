// The panel's side of the client log (log_view.h): the switch between the checklist and the
// log above them, the log's pane in place of the checklist's, and a promise shown on the
// checklist from its entry.
#include "sidebar_panel.h"

#include "item_detail.h"
#include "list_toolbar.h"
#include "log_view.h"
#include "panel_actions.h"
#include "quick_labels.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/tglbtn.h>

namespace rapport::ui {

namespace bl = boost::locale;

void SidebarPanel::buildViewSwitch(wxBoxSizer* column)
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    viewChecklist_ = new wxToggleButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                        wxDefaultValidator, "rapport-view-checklist");
    viewLog_ = new wxToggleButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                  "rapport-view-log");
    row->Add(viewChecklist_, 1, wxEXPAND | wxRIGHT, FromDIP(3));
    row->Add(viewLog_, 1, wxEXPAND);
    column->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    viewChecklist_->Hide();
    viewLog_->Hide();
    // TRANSLATORS: the switch above the sidebar's list: show the checklist.
    context_.relabeler().label(viewChecklist_, bl::translate("view", "Checklist"));
    context_.relabeler().custom([this](const std::locale& loc) {
        // TRANSLATORS: tooltip of the switch between the checklist and the client log; {1} is its key.
        const wxString tip = fromUtf8(
            (bl::format(bl::translate("The checklist or the client log ({1})")) % panelActionKeyText("client-log"))
                .str(loc));
        viewChecklist_->SetToolTip(tip);
        viewLog_->SetToolTip(tip);
    });
    viewChecklist_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { context_.guarded([&] { showClientLog(false); }); });
    viewLog_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { context_.guarded([&] { showClientLog(true); }); });
}

void SidebarPanel::buildLogView(wxBoxSizer* column)
{
    logView_ = std::make_unique<LogView>(
        this, column, context_, [this](const Status& status, const std::string& line) { onChanged(status, line); },
        [this](std::int64_t item) { showPromiseItem(item); });
}

bool SidebarPanel::showViewSwitch(bool hasChecklist)
{
    const bool inLog = hasChecklist && logWanted_;
    bool changed = viewChecklist_->Show(hasChecklist);
    changed = viewLog_->Show(hasChecklist) || changed;
    viewChecklist_->SetValue(!inLog);
    viewLog_->SetValue(inLog);
    if (hasChecklist) {
        const std::size_t entries = context_.session().clientLog().size();
        // TRANSLATORS: the switch above the sidebar's list: show the client log; {1} is how many entries it
        // has. Keep both short ("Журнал"): they share a row with "Checklist" in a sidebar 240 px wide.
        const wxString label = fromUtf8(entries == 0 ? bl::translate("view", "Client log").str(context_.locale())
                                                     : (bl::format(bl::translate("Client log ({1})")) % entries)
                                                           .str(context_.locale()));
        if (viewLog_->GetLabel() != label) {
            setLabelQuickly(*viewLog_, label);
            changed = true;
        }
    }
    changed = toolbar_->show(hasChecklist && !inLog) || changed;
    changed = splitter_->Show(hasChecklist && !inLog) || changed;
    changed = logView_->show(inLog) || changed;
    return changed;
}

void SidebarPanel::showClientLog(bool shown)
{
    if (context_.session().view() != SidebarSession::View::Checklist)
        return;
    if (shown)
        detail_->flushPending(); // what is being typed is saved before it goes out of view
    logWanted_ = shown;
    Freeze();
    showViewSwitch(true);
    Layout();
    Thaw();
    if (shown)
        logView_->focusList();
    else
        focusList();
    context_.trace(std::string("view\t") + (shown ? "log" : "checklist"));
}

bool SidebarPanel::clientLogShown() const { return logView_->shown(); }

void SidebarPanel::addLogEntry()
{
    if (context_.session().view() != SidebarSession::View::Checklist || context_.readOnly())
        return;
    showClientLog(true);
    logView_->addEntry();
}

void SidebarPanel::showPromiseItem(std::int64_t item_id)
{
    showClientLog(false);
    if (filter_.active()) { // the promise may be filtered out of view
        filter_ = {};
        toolbar_->clearFilter();
        refreshList();
    }
    const int row = list_->rowOf(false, item_id);
    if (row < 0)
        return;
    list_->selectRow(row);
    onListSelection();
    list_->SetFocus();
}

} // namespace rapport::ui
