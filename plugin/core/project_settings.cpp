#include "project_settings.h"

#include "update_rhythm.h"

namespace rapport {

ProjectSettings projectSettingsOf(const Checklist& checklist)
{
    ProjectSettings settings;
    settings.client_name = checklist.client_name;
    settings.client_language = checklist.client_language;
    settings.deadline = checklist.deadline;
    settings.update_rhythm = rhythmKeyword(rhythmOf(checklist));
    settings.next_update_due = checklist.next_update_due;
    settings.revision_rounds_agreed = checklist.revision_rounds_agreed;
    return settings;
}

std::vector<Change> projectSettingsChanges(const Checklist& checklist, const ProjectSettings& wanted)
{
    const ProjectSettings now = projectSettingsOf(checklist);
    const std::int64_t doc = checklist.document_id;
    std::vector<Change> batch;
    const auto set = [&](ChangeKind kind, const std::string& before, const std::string& after) {
        if (before != after)
            batch.push_back(changes::checklistField(kind, doc, after));
    };
    set(ChangeKind::ClientName, now.client_name, wanted.client_name);
    set(ChangeKind::ClientLanguage, now.client_language, wanted.client_language);
    set(ChangeKind::Deadline, now.deadline, wanted.deadline);
    if (now.update_rhythm != wanted.update_rhythm) {
        if (checklist.update_every_days)
            batch.push_back(changes::checklistField(ChangeKind::UpdateEveryDays, doc, {}));
        set(ChangeKind::UpdateRhythm, checklist.update_rhythm, wanted.update_rhythm);
    }
    set(ChangeKind::NextUpdateDue, now.next_update_due, wanted.next_update_due);
    const auto number = [](std::optional<int> n) { return n ? std::to_string(*n) : std::string(); };
    set(ChangeKind::RevisionRoundsAgreed, number(now.revision_rounds_agreed), number(wanted.revision_rounds_agreed));
    return batch;
}

Change revisionRoundStart(std::int64_t document_id, const std::string& purpose)
{
    return changes::checklistField(ChangeKind::RevisionRoundStarted, document_id, purpose);
}

std::optional<Change> updateSentChange(const Checklist& checklist, std::string_view today)
{
    std::string next = nextUpdateAfterSent(checklist, today);
    if (next.empty())
        return std::nullopt;
    return changes::checklistField(ChangeKind::NextUpdateDue, checklist.document_id, std::move(next));
}

DueNext dueNextOf(const Checklist& checklist, std::string_view today, std::int64_t now, int wait_days)
{
    DueNext due;
    due.wait_days = wait_days;
    due.next_update = checklist.next_update_due;
    due.update_due = !due.next_update.empty() && due.next_update <= today;
    const std::int64_t limit = static_cast<std::int64_t>(wait_days) * 86400;
    for (const ChecklistItem& item : checklist.items) {
        if (isOverdue(item, today))
            ++due.overdue;
        if (item.status == ItemStatus::WaitingOnClient && item.status_since && now - *item.status_since > limit)
            ++due.waiting_long;
    }
    return due;
}

} // namespace rapport
