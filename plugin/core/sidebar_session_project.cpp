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
    return checklist_ ? dueNextOf(*checklist_, today, now) : DueNext{};
}

std::optional<Language> SidebarSession::defaultReportLanguage()
{
    if (checklist_ && !checklist_->client_language.empty())
        if (const auto client = parseLanguage(checklist_->client_language))
            return client;
    return lastReportLanguage();
}

} // namespace rapport
