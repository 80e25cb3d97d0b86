// The sidebar session's client log (client_log.h): reading the active document's log and
// judging its promises, and every edit of it as one undo step through the session's
// change(), built with the same changes:: helpers as the command line's `rapport log`.
#include "sidebar_session.h"

#include "msgid.h"
#include "project_settings.h"

#include <algorithm>

namespace rapport {

const LogEntry* SidebarSession::logEntry(std::int64_t entry_id) const
{
    const auto found =
        std::find_if(log_.begin(), log_.end(), [&](const LogEntry& entry) { return entry.id == entry_id; });
    return found == log_.end() ? nullptr : &*found;
}

std::optional<PromiseState> SidebarSession::promiseState(const LogEntry& entry, const std::string& today) const
{
    if (entry.promise_item_id == 0 || !checklist_)
        return std::nullopt;
    return rapport::promiseState(promiseFactsOf(*checklist_, logHistory_, entry.promise_item_id), today);
}

PromiseFigures SidebarSession::promiseFigures(const std::string& today) const
{
    if (!checklist_ || log_.empty())
        return {};
    return promiseFiguresOf(log_, *checklist_, logHistory_, today, true);
}

const LogEntry* SidebarSession::promiseEntryOfItem(std::int64_t item_id) const
{
    return item_id == 0 ? nullptr : promiseEntryOf(log_, item_id);
}

Result<std::int64_t> SidebarSession::addLogEntry(LogEntry entry, const std::string& promise, const std::string& due)
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    entry.id = 0; // numbered by the store
    entry.promise_item_id = 0;
    if (entry.kind == LogKind::ChangeRequest && entry.outcome == ChangeOutcome::None)
        entry.outcome = ChangeOutcome::Awaiting;
    std::vector<Change> batch;
    if (!promise.empty())
        batch = changes::logEntryWithPromise(checklist_->document_id, entry, promise, due);
    else
        batch.push_back(changes::logEntryAdded(checklist_->document_id, entry));
    auto applied = change(N_("Add log entry"), std::move(batch));
    if (!applied)
        return applied.error();
    return logEntryIdOf(applied.value().back());
}

Status SidebarSession::resolveLogEntry(const LogEntry& resolved)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    if (!logEntry(resolved.id))
        return Error{ErrorCode::InvalidArgument, {}, "no such log entry"};
    return change(N_("Resolve log entry"), changes::logEntryResolved(checklist_->document_id, resolved));
}

Status SidebarSession::acceptChangeRequest(std::int64_t entry_id, const std::string& resolution,
                                           const std::string& new_item, bool start_round)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    const LogEntry* found = logEntry(entry_id);
    if (!found)
        return Error{ErrorCode::InvalidArgument, {}, "no such log entry"};
    if (found->kind != LogKind::ChangeRequest)
        return Error{ErrorCode::InvalidArgument, {}, "only a change request is accepted"};
    LogEntry accepted = *found;
    accepted.outcome = ChangeOutcome::Accepted;
    accepted.decline_reason.clear();
    accepted.resolution = resolution;
    std::vector<Change> batch;
    batch.push_back(changes::logEntryResolved(checklist_->document_id, accepted));
    if (!new_item.empty())
        batch.push_back(changes::checklistField(ChangeKind::ItemAdded, checklist_->document_id, new_item));
    if (start_round)
        batch.push_back(revisionRoundStart(checklist_->document_id, accepted.said));
    auto applied = change(N_("Accept change request"), std::move(batch));
    return applied ? Status{} : Status{applied.error()};
}

Status SidebarSession::deleteLogEntry(std::int64_t entry_id)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    if (!logEntry(entry_id))
        return Error{ErrorCode::InvalidArgument, {}, "no such log entry"};
    return change(N_("Delete log entry"), changes::logEntryDeleted(checklist_->document_id, entry_id));
}

} // namespace rapport
