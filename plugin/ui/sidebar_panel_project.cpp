// The panel's side of the project settings (project_dialog.h): "Project settings…", "Start
// revision round…", "Mark update sent", and the offer to mark the update sent once a
// report is saved.
#include "sidebar_panel.h"

#include "item_detail.h"
#include "modal.h"
#include "project_dialog.h"
#include "report_job.h"
#include "update_rhythm.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <wx/button.h>
#include <wx/sizer.h>

namespace rapport::ui {

namespace bl = boost::locale;

void SidebarPanel::buildProjectParts(wxBoxSizer* column)
{
    markSent_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                             "rapport-mark-sent");
    // TRANSLATORS: button shown after a report is saved: the client's update went out, so the
    // next one moves by the update rhythm.
    context_.relabeler().label(markSent_, bl::translate("&Mark update sent"));
    column->Add(markSent_, 0, wxLEFT | wxRIGHT, FromDIP(6));
    markSent_->Hide();
    markSent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        context_.guarded([&] {
            markSent_->Hide();
            const auto& checklist = context_.session().checklist();
            if (checklist && checklist->document_id == markSentFor_)
                markUpdateSent();
            Layout();
        });
    });
    reportJob_->onSaved([this] { offerUpdateSent(); });
}

void SidebarPanel::offerUpdateSent()
{
    const auto& checklist = context_.session().checklist();
    if (!checklist || context_.readOnly() || nextUpdateAfterSent(*checklist, context_.today()).empty())
        return; // no rhythm: nothing would move
    markSentFor_ = checklist->document_id;
    markSent_->Show();
    Layout();
    context_.trace("offer\tmark-update-sent");
}

void SidebarPanel::openProjectSettings()
{
    if (context_.session().view() != SidebarSession::View::Checklist)
        return;
    detail_->flushPending();
    ProjectDialog dialog(this, context_.session(), context_.language(), context_.locale(),
                         [this](const std::string& iso) { return context_.formattedDate(iso); });
    const int answer = showModal(dialog);
    // A round started from the dialog is saved even when the settings are not.
    onChanged(Status{}, answer == wxID_OK ? "project\t" + projectSettingsOf(*context_.session().checklist()).update_rhythm
                                          : std::string());
}

void SidebarPanel::startRevisionRound()
{
    if (context_.session().view() != SidebarSession::View::Checklist || context_.readOnly())
        return;
    std::string failure;
    const bool started = askAndStartRound(this, context_.session(), context_.locale(), failure);
    if (!failure.empty()) {
        context_.showProblem(failure);
        return;
    }
    if (!started)
        return;
    onChanged(Status{}, "round\t" + std::to_string(context_.session().checklist()->revision_rounds_used));
    context_.showNotice(roundsUsedText(*context_.session().checklist(), context_.locale()));
}

void SidebarPanel::markUpdateSent()
{
    SidebarSession& session = context_.session();
    if (session.view() != SidebarSession::View::Checklist || context_.readOnly())
        return;
    const Status sent = session.markUpdateSent(context_.today());
    onChanged(sent, sent ? "update-sent\t" + session.checklist()->next_update_due : std::string());
    if (sent)
        // TRANSLATORS: shown after "Mark update sent"; {1} is the date the next update is due.
        context_.showNotice((bl::format(bl::translate("Update sent. The next one is due {1}.")) %
                             context_.formattedDate(session.checklist()->next_update_due).utf8_string())
                                .str(context_.locale()));
}

} // namespace rapport::ui
