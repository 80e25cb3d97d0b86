// The panel's side of sharing a checklist with the team (sharing.h): the refresh when the
// sidecar changed on disk, Share… and Stop sharing, and what a sync found, in words.
#include "sidebar_panel.h"

#include "item_detail.h"
#include "sharing_text.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <wx/msgdlg.h>

namespace rapport::ui {

namespace bl = boost::locale;

void SidebarPanel::externalRefresh()
{
    SidebarSession& session = context_.session();
    if (session.view() == SidebarSession::View::StoreUnavailable || session.view() == SidebarSession::View::NoDocument)
        return;
    // What is being typed is committed first, against the item it was typed for (ids may
    // move in the refresh): it is kept, and as the newest change it wins.
    detail_->flushPending();
    auto report = session.syncShared();
    refresh();
    if (!report) {
        context_.reportStatus(report.error());
        return;
    }
    showSyncReport(report.value());
    context_.trace("sidecar-read\tmerged=" + std::to_string(report.value().merged) +
                   "\tjoined=" + (report.value().joined ? "1" : "0") +
                   "\tbad=" + std::to_string(report.value().bad_lines));
}

void SidebarPanel::showSyncReport(const SyncReport& report)
{
    const SidebarSession& session = context_.session();
    const std::locale& loc = context_.locale();
    const std::string sidecar = session.shareStatus().sidecar.empty()
                                    ? sidecar::pathFor(session.documentPath()).string()
                                    : session.shareStatus().sidecar.string();
    std::vector<std::string> lines = describeSync(report, sidecar, loc);
    // The newest change that replaced the user's own; the others are in the history too.
    if (!report.overridden.empty()) {
        const OverriddenChange& latest = report.overridden.front();
        std::string what;
        if (const auto index = session.indexOfItem(latest.item_id); index && session.checklist())
            what = session.itemTitle(session.checklist()->items[*index], loc);
        lines.push_back(describeOverride(latest, what, context_.formattedTime(latest.their_at).utf8_string(), loc));
    }
    if (lines.empty())
        return;
    std::string text;
    for (const std::string& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    const bool problem = report.bad_lines > 0 || report.future_version || report.file_error.has_value();
    if (problem) {
        context_.showProblem(text);
        context_.trace("problem\t" + text);
    } else {
        context_.showNotice(text);
        context_.trace("notice\t" + text);
    }
}

void SidebarPanel::shareChecklist(bool ask)
{
    SidebarSession& session = context_.session();
    if (session.view() != SidebarSession::View::Checklist)
        return;
    const std::locale& loc = context_.locale();
    const std::string file = sidecar::pathFor(session.documentPath()).string();
    if (ask) {
        const std::string message =
            // TRANSLATORS: {1} is the path of the file the checklist's changes will be kept in.
            (bl::format(bl::translate("Rapport will keep this checklist's changes in {1}, beside the document.\n\n"
                                      "Commit that file with the document, or let your synced folder carry it: "
                                      "everyone who opens the document then sees the same checklist, and "
                                      "changes made at the same time are merged, never in conflict.\n\n"
                                      "Internal items are shared too; reports still leave them out.")) %
             file)
                .str(loc);
        // TRANSLATORS: title of the dialog that shares a checklist with the team.
        wxMessageDialog dialog(this, fromUtf8(message), translated(bl::translate("Share with the project"), loc),
                               wxYES_NO | wxICON_QUESTION);
        // TRANSLATORS: the buttons of the dialog that shares a checklist.
        dialog.SetYesNoLabels(translated(bl::translate("button", "Share"), loc),
                              translated(bl::translate("button", "Cancel"), loc));
        if (dialog.ShowModal() != wxID_YES)
            return;
    }
    detail_->flushPending();
    auto shared = session.share();
    refresh();
    if (!shared) {
        context_.reportStatus(shared.error());
        return;
    }
    // TRANSLATORS: {1} is the path of the file the checklist's changes now go to.
    context_.showNotice((bl::format(bl::translate("Shared: this checklist's changes now go to {1}. Commit it with "
                                                  "the document.")) %
                         file)
                            .str(loc));
    showSyncReport(shared.value());
    context_.trace("shared\t" + file);
}

void SidebarPanel::unshareChecklist()
{
    SidebarSession& session = context_.session();
    if (!session.shareStatus().shared)
        return;
    const std::string file = session.shareStatus().sidecar.string();
    detail_->flushPending();
    const Status stopped = session.unshare();
    refresh();
    if (!stopped) {
        context_.reportStatus(stopped);
        return;
    }
    // TRANSLATORS: {1} is the path of the shared file, which is left where it is.
    context_.showNotice((bl::format(bl::translate("This checklist is no longer shared; {1} stays where it is.")) % file)
                            .str(context_.locale()));
    context_.trace("unshared\t" + file);
}

} // namespace rapport::ui
