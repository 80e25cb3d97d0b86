// The sidebar session's project settings, revision rounds and update rhythm: each edit one
// undo step through the session's change(), built by project_settings.h as the command
// line's are.
#include "sidebar_session.h"

#include "localization.h"
#include "msgid.h"

namespace rapport {

Status SidebarSession::setProjectSettings(const ProjectSettings& settings)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    auto batch = projectSettingsChanges(*checklist_, settings);
    if (batch.empty())
        return {};
    auto applied = change(N_("Change project settings"), std::move(batch));
    return applied ? Status{} : Status{applied.error()};
}

Status SidebarSession::startRevisionRound(const std::string& purpose)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    return change(N_("Start revision round"), revisionRoundStart(checklist_->document_id, purpose));
}

Status SidebarSession::markUpdateSent(const std::string& today)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    auto moved = updateSentChange(*checklist_, today);
    if (!moved)
        return Error{ErrorCode::InvalidArgument, {}, "no update rhythm is set"};
    return change(N_("Mark update sent"), std::move(*moved));
}

Result<std::vector<RevisionRound>> SidebarSession::revisionRounds()
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    auto history = store_->history(checklist_->document_id);
    if (!history)
        return history.error();
    return revisionRoundsOf(history.value());
}

DueNext SidebarSession::dueNext(const std::string& today, std::int64_t now) const
{
    if (checklist_)
        return dueNextOf(*checklist_, today, now, waitDays_);
    DueNext none;
    none.wait_days = waitDays_;
    return none;
}

Result<std::vector<ProjectReminder>> SidebarSession::projectsDue(const std::string& today, std::int64_t now)
{
    std::vector<ProjectReminder> due;
    if (!store_)
        return due;
    auto paths = store_->documentPaths();
    if (!paths)
        return paths.error();
    for (const std::string& path : paths.value()) {
        auto checklist = store_->checklistFor(path);
        if (!checklist)
            return checklist.error();
        if (!checklist.value())
            continue;
        DueNext next = dueNextOf(*checklist.value(), today, now, waitDays_);
        if (needsReminder(next))
            due.push_back({path, std::move(next)});
    }
    return due;
}

std::optional<Language> SidebarSession::defaultReportLanguage()
{
    if (checklist_ && !checklist_->client_language.empty())
        if (const auto client = parseLanguage(checklist_->client_language))
            return client;
    return lastReportLanguage();
}

} // namespace rapport
