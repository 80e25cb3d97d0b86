// The client log in a shared checklist's sidecar, the store's side (docs/sidecar-format.md,
// "The client log"): the lines each log change of a shared checklist writes, and the log a
// merge leaves: the replay's, with each promise on the replayed item of its uid.
#include "sidecar_log.h"
#include "store_changes.h"

#include "hlc.h"

#include <sqlite3.h>

#include <algorithm>
#include <set>

namespace rapport::detail {

using sqlite::Statement;

namespace {

// The entry a resolving or linking change concerns, as the change left it.
Result<LogEntry> entryAfter(ChangeContext& c, const Change& change)
{
    auto entry = readLogEntry(c, change.document_id, logEntryIdOf(change));
    if (!entry)
        return entry.error();
    if (!entry.value())
        return invalid(change.new_value, "no such client log entry");
    return std::move(*entry.value());
}

std::string promiseUid(ChangeContext& c, std::int64_t document_id, const LogEntry& entry)
{
    return entry.promise_item_id == 0 ? std::string() : itemUid(c, document_id, entry.promise_item_id);
}

} // namespace

Result<std::vector<std::pair<LogEntry, std::string>>> logWithPromiseUids(ChangeContext& c, std::int64_t document_id)
{
    auto entries = readLogEntries(c, document_id);
    if (!entries)
        return entries.error();
    std::vector<std::pair<LogEntry, std::string>> log;
    log.reserve(entries.value().size());
    for (LogEntry& entry : entries.value()) {
        std::string uid = promiseUid(c, document_id, entry);
        log.emplace_back(std::move(entry), std::move(uid));
    }
    return log;
}

Result<std::vector<sidecar::Body>> logLinesOf(ChangeContext& c, const Change& change)
{
    const std::int64_t doc = change.document_id;
    std::vector<sidecar::Body> bodies;
    switch (change.kind) {
    case ChangeKind::LogEntryAdded: {
        const auto entry = decodeLogEntry(change.new_value);
        if (!entry)
            return invalid(change.new_value, "not a client log entry");
        bodies.push_back(sidecar::entryRow("log-added", *entry, promiseUid(c, doc, *entry)));
        break;
    }
    case ChangeKind::LogEntryEdited: {
        const auto before = decodeLogEntry(change.old_value);
        const auto after = decodeLogEntry(change.new_value);
        if (!before || !after)
            return invalid(change.new_value, "not a client log entry");
        bodies.push_back(sidecar::entryEdit(*before, *after));
        break;
    }
    case ChangeKind::LogEntryDeleted: {
        const auto before = decodeLogEntry(change.old_value);
        if (!before)
            return invalid(change.old_value, "not a client log entry");
        bodies.push_back(sidecar::Body{"log-deleted", {}}.add("entry", before->uid));
        break;
    }
    case ChangeKind::LogEntryResolved:
    case ChangeKind::LogPromiseLinked: {
        auto entry = entryAfter(c, change);
        if (!entry)
            return entry.error();
        const LogEntry& now = entry.value();
        if (change.kind == ChangeKind::LogEntryResolved)
            bodies.push_back(sidecar::Body{"log-resolved", {}}
                                 .add("entry", now.uid)
                                 .add("outcome", std::string(outcomeKeyword(now.outcome)))
                                 .add("decline", now.decline_reason)
                                 .add("resolution", now.resolution));
        else
            bodies.push_back(
                sidecar::Body{"log-promise", {}}.add("entry", now.uid).add("promise", promiseUid(c, doc, now)));
        break;
    }
    case ChangeKind::LogShared: {
        auto log = logWithPromiseUids(c, doc);
        if (!log)
            return log.error();
        bodies.push_back(sidecar::Body{"log-shared", {}});
        for (const auto& [entry, promise] : log.value())
            bodies.push_back(sidecar::entryRow("+entry", entry, promise));
        break;
    }
    default:
        break;
    }
    // Every store has given its entries uids since schema 7; an entry without one cannot be named.
    for (const sidecar::Body& body : bodies)
        if (const std::string* uid = body.get("entry"); uid && !isReplicaId(*uid))
            return std::vector<sidecar::Body>();
    return bodies;
}

Status writeMergedLog(ChangeContext& c, std::int64_t document_id, const MergedLog& merged,
                      const std::vector<std::pair<LogEntry, std::string>>& before)
{
    Statement erase(c.db, "DELETE FROM log_entries WHERE document_id = ?1");
    erase.bind(1, document_id);
    if (erase.run() != SQLITE_DONE)
        return c.writeError();
    std::set<std::int64_t> numbers;
    std::set<std::string> uids;
    for (const LogEntry& entry : merged.log) {
        // Text a hostile or broken sidecar brought that no store keeps is left out, the same
        // on every replica.
        if (!checkLogEntry(entry) || !numbers.insert(entry.id).second || !uids.insert(entry.uid).second)
            continue;
        if (auto written = writeLogEntry(c, document_id, entry, true); !written)
            return written.error();
    }
    // Entries the log never named stay (a store's own log, kept while an older Rapport shared
    // the checklist), numbered after the log's when their number is taken, each promise on
    // the item of its uid (none when the merge removed it).
    Statement item(c.db, "SELECT item_id FROM items WHERE document_id = ?1 AND uid = ?2 AND uid <> ''");
    for (const auto& [entry, promise] : before) {
        if (std::binary_search(merged.log_named.begin(), merged.log_named.end(), entry.uid) ||
            !uids.insert(entry.uid).second)
            continue;
        LogEntry kept = entry;
        if (!numbers.insert(kept.id).second) {
            kept.id = *numbers.rbegin() + 1;
            numbers.insert(kept.id);
        }
        kept.promise_item_id = 0;
        if (!promise.empty()) {
            Statement::Scope reset(item);
            item.bindAll(document_id, promise);
            if (item.step() == SQLITE_ROW)
                kept.promise_item_id = item.columnInt(0);
        }
        if (auto written = writeLogEntry(c, document_id, kept, true); !written)
            return written.error();
    }
    return {};
}

} // namespace rapport::detail
