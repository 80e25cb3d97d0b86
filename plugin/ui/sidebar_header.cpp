#include "sidebar_header.h"

#include "calendar.h"
#include "line_breaking.h"
#include "reminders.h"
#include "sharing_text.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <ctime>
#include <initializer_list>
#include <string>
#include <vector>

#include <wx/gauge.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// What is due now, in one line (reminders.h has its phrases): the update (today, or late
// since its date), the items past their due date, the items waiting on the client too
// long; "" when nothing is.
std::string dueNextText(const DueNext& due, const std::string& today, Language language)
{
    std::string text;
    for (const std::string& part : dueNextPhrases(due, today, language))
        text += (text.empty() ? "" : " · ") + part;
    return text;
}

} // namespace

SidebarHeader::SidebarHeader(wxWindow* panel, wxSizer* column, PanelContext& context)
    : panel_(panel), context_(context)
{
    const int gap = panel->FromDIP(6);
    document_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_MIDDLE,
                                 "rapport-document");
    document_->SetFont(document_->GetFont().Bold());
    column->Add(document_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    auto* progressRow = new wxBoxSizer(wxHORIZONTAL);
    progress_ = new wxGauge(panel, wxID_ANY, 100, wxDefaultPosition, panel->FromDIP(wxSize(-1, 10)),
                            wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "rapport-progress");
    percent_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                "rapport-progress-text");
    progressRow->Add(progress_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    progressRow->Add(percent_, 0, wxALIGN_CENTER_VERTICAL);
    column->Add(progressRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    counts_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-counts");
    column->Add(counts_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    schedule_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-schedule");
    schedule_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(schedule_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    shared_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-shared");
    shared_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(shared_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    dueNext_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-due-next");
    dueNext_->SetFont(dueNext_->GetFont().Bold());
    column->Add(dueNext_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
}

void SidebarHeader::showDocument(SidebarSession::View view)
{
    using View = SidebarSession::View;
    const SidebarSession& session = context_.session();
    switch (view) {
    case View::StoreUnavailable:
        document_->SetLabel(translated(bl::translate("Rapport cannot use its data file"), context_.locale()));
        break;
    case View::NoDocument:
        document_->SetLabel(translated(bl::translate("No document is open"), context_.locale()));
        break;
    case View::NoChecklist:
    case View::Checklist:
        document_->SetLabel(fromUtf8(session.documentName()));
        document_->SetToolTip(fromUtf8(session.documentPath()));
        break;
    }
}

bool SidebarHeader::showFigures(bool shown)
{
    bool changed = false;
    for (wxWindow* window : std::initializer_list<wxWindow*>{progress_, percent_, counts_, schedule_, shared_, dueNext_})
        changed = window->Show(shown) || changed;
    return changed;
}

bool SidebarHeader::refresh()
{
    const SidebarSession& session = context_.session();
    if (!session.checklist() || !counts_->IsShown())
        return false;
    const std::locale& loc = context_.locale();
    const Checklist& checklist = *session.checklist();
    const ChecklistFigures figures =
        figuresOf(checklist, context_.today(), nowSeconds());
    progress_->SetValue(figures.percent_done);
    bool changed = false;
    const wxString percent =
        fromUtf8(Localization::shared().formatPercent(context_.language(), figures.percent_done / 100.0));
    if (percent_->GetLabel() != percent) {
        percent_->SetLabel(percent);
        changed = percent_->GetBestSize().x != percent_->GetSize().x;
    }
    // TRANSLATORS: the checklist's counts under the progress bar; the dots separate them. Keep the {N} numbers.
    const std::string counts = (bl::format(bl::translate("Done: {1} · Open: {2} · Waiting on client: {3} · "
                                                         "Blocked: {4} · Overdue: {5}")) %
                                figures.done % figures.open % figures.waiting_on_client % figures.blocked % figures.overdue)
                                   .str(loc);
    std::string schedule;
    if (!checklist.next_update_due.empty())
        // TRANSLATORS: when the client gets the next progress update; {1} is a date.
        schedule += (bl::format(bl::translate("Next update: {1}")) %
                     context_.formattedDate(checklist.next_update_due).utf8_string())
                        .str(loc);
    if (checklist.revision_rounds_agreed) {
        if (!schedule.empty())
            schedule += " · ";
        // TRANSLATORS: revision rounds the client has used of those agreed in the contract, e.g. "1 of 3".
        schedule += (bl::format(bl::translate("Revisions: {1} of {2}")) % checklist.revision_rounds_used %
                     *checklist.revision_rounds_agreed)
                        .str(loc);
    }
    if (!checklist.deadline.empty()) {
        if (!schedule.empty())
            schedule += " · ";
        const std::string deadline = context_.formattedDate(checklist.deadline).utf8_string();
        // TRANSLATORS: the project's deadline; {1} is a date.
        schedule += (bl::format(bl::translate("Deadline: {1}")) % deadline).str(loc);
    }
    const PromiseFigures promises = session.promiseFigures(context_.today());
    if (promises.judged() > 0) {
        if (!schedule.empty())
            schedule += " · ";
        // TRANSLATORS: in the sidebar's header: promises made in the client log, {1} kept on time of {2} whose date has come.
        schedule += (bl::format(bl::translate("Promises kept: {1} of {2} on time")) % promises.kept_on_time %
                     promises.judged())
                        .str(loc);
    }
    const int width = wrapWidth(*panel_);
    // A line may break between two figures, never between a label and its value, and
    // never so that a line starts with "·".
    changed = wrapped_.set(counts_, fromUtf8(keepLabelsWithValues(counts)), width) || changed;
    changed = wrapped_.set(schedule_, fromUtf8(keepLabelsWithValues(schedule)), width) || changed;
    changed = schedule_->Show(!schedule.empty()) || changed;
    const ShareStatus& status = session.shareStatus();
    const std::string shared =
        describeShareStatus(status, context_.formattedTime(status.last_at).utf8_string(), loc);
    changed = wrapped_.set(shared_, fromUtf8(shared), width) || changed;
    changed = shared_->Show(!shared.empty()) || changed;
    if (status.shared)
        shared_->SetToolTip(fromUtf8(status.sidecar.string()));
    const std::string due = dueNextText(session.dueNext(context_.today(), nowSeconds()), context_.today(),
                                        context_.language());
    changed = wrapped_.set(dueNext_, fromUtf8(due), width) || changed;
    changed = dueNext_->Show(!due.empty()) || changed;
    return changed;
}

} // namespace rapport::ui
