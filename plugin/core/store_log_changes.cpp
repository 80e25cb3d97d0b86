// The client log's SQL (client_log.h): reading a document's log, and the log changes
// Store::apply() makes (ChangeKind::LogEntryAdded and after), each checked before it is
// written. Only Store::apply() calls the writers, inside its transaction.
#include "store.h"
#include "store_changes.h"

#include "hlc.h"
#include "text_rules.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>

namespace rapport {

namespace detail {

namespace {

using sqlite::Statement;

constexpr const char* kLogColumns = "entry_id, said_at, channel, who, kind, said, answer, internal, resolution, "
                                    "outcome, decline_reason, promise_item_id, uid";

LogEntry readEntryRow(const Statement& row)
{
    LogEntry entry;
    entry.id = row.columnInt(0);
    entry.when = row.columnText(1);
    entry.channel = parseChannelKeyword(row.columnText(2)).value_or(LogChannel::Message);
    entry.who = row.columnText(3);
    entry.kind = parseLogKindKeyword(row.columnText(4)).value_or(LogKind::Request);
    entry.said = row.columnText(5);
    entry.answer = row.columnText(6);
    entry.internal = row.columnInt(7) != 0;
    entry.resolution = row.columnText(8);
    entry.outcome = parseOutcomeKeyword(row.columnText(9)).value_or(ChangeOutcome::None);
    entry.decline_reason = row.columnText(10);
    entry.promise_item_id = row.columnInt(11);
    entry.uid = row.columnText(12);
    return entry;
}

Error noSuchEntry(std::int64_t entry_id) { return invalid(std::to_string(entry_id), "no such client log entry"); }

// "N" or "N:rest" as the resolving and linking changes carry them.
bool splitEntryValue(const std::string& value, std::int64_t& entry_id, std::string& rest)
{
    const auto colon = value.find(':');
    const std::string number = value.substr(0, colon);
    if (number.empty() || number.size() > 18 || number.find_first_not_of("0123456789") != std::string::npos)
        return false;
    entry_id = std::strtoll(number.c_str(), nullptr, 10);
    rest = colon == std::string::npos ? std::string() : value.substr(colon + 1);
    return entry_id > 0;
}

} // namespace

// The entry as it may be kept: its shape (client_log.h), then every text against text_rules.h.
Status checkLogEntry(const LogEntry& entry)
{
    if (const char* problem = logEntryProblem(entry))
        return invalid(entry.when, problem);
    if (Status who = checkText(TextField::ClientName, entry.who); !who)
        return who;
    for (const std::string* text : {&entry.said, &entry.answer, &entry.resolution, &entry.decline_reason})
        if (Status checked = checkText(TextField::LogText, *text); !checked)
            return checked;
    return {};
}

// Writes every field of `entry` (a new row, or over the row with its id).
Result<Applied> writeLogEntry(ChangeContext& c, std::int64_t document_id, const LogEntry& entry, bool insert)
{
    Statement& write = c.statements.get(
        c.db, insert ? std::string("INSERT INTO log_entries(document_id, ") + kLogColumns +
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                     : std::string("UPDATE log_entries SET said_at = ?3, channel = ?4, who = ?5, kind = ?6, said = ?7, "
                                   "answer = ?8, internal = ?9, resolution = ?10, outcome = ?11, decline_reason = ?12, "
                                   "promise_item_id = ?13, uid = ?14 WHERE document_id = ?1 AND entry_id = ?2"));
    Statement::Scope reset(write);
    write.bindAll(document_id, entry.id, entry.when, channelKeyword(entry.channel), entry.who,
                  logKindKeyword(entry.kind), entry.said, entry.answer, std::int64_t{entry.internal ? 1 : 0},
                  entry.resolution, outcomeKeyword(entry.outcome), entry.decline_reason, entry.promise_item_id, entry.uid);
    return c.ran(write);
}

Result<std::optional<LogEntry>> readLogEntry(ChangeContext& c, std::int64_t document_id, std::int64_t entry_id)
{
    Statement& query = c.statements.get(
        c.db, std::string("SELECT ") + kLogColumns + " FROM log_entries WHERE document_id = ?1 AND entry_id = ?2");
    Statement::Scope reset(query);
    query.bindAll(document_id, entry_id);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<LogEntry>();
    if (rc != SQLITE_ROW)
        return c.readError();
    return std::optional<LogEntry>(readEntryRow(query));
}

// The entry a change names, which must be there: the change's error when it is not.
Result<LogEntry> entryNamed(ChangeContext& c, std::int64_t document_id, std::int64_t entry_id)
{
    auto existing = readLogEntry(c, document_id, entry_id);
    if (!existing)
        return existing.error();
    if (!existing.value())
        return noSuchEntry(entry_id);
    return std::move(*existing.value());
}

Result<std::vector<LogEntry>> readLogEntries(ChangeContext& c, std::int64_t document_id)
{
    Statement& query = c.statements.get(c.db, std::string("SELECT ") + kLogColumns +
                                                  " FROM log_entries WHERE document_id = ?1 ORDER BY entry_id");
    Statement::Scope reset(query);
    query.bind(1, document_id);
    std::vector<LogEntry> entries;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        entries.push_back(readEntryRow(query));
    if (rc != SQLITE_DONE)
        return c.readError();
    return entries;
}

namespace {

// The entry of `document_id` whose uid is `uid`, if any: one uid names one entry.
bool uidTaken(ChangeContext& c, std::int64_t document_id, const std::string& uid)
{
    return c.found("SELECT 1 FROM log_entries WHERE document_id = ?1 AND uid = ?2", document_id, uid);
}

bool itemExists(ChangeContext& c, std::int64_t document_id, std::int64_t item_id)
{
    return c.found("SELECT 1 FROM items WHERE document_id = ?1 AND item_id = ?2", document_id, item_id);
}

Result<Applied> addEntry(ChangeContext& c, Change& change)
{
    auto entry = decodeLogEntry(change.new_value);
    if (!entry)
        return invalid({}, "not a client log entry");
    if (!checklistExists(c, change.document_id))
        return unknownDocument(change.document_id);
    if (change.item_id != 0)
        entry->promise_item_id = change.item_id;
    if (entry->promise_item_id != 0 && !itemExists(c, change.document_id, entry->promise_item_id))
        return unknownItem(entry->promise_item_id);
    if (Status checked = checkLogEntry(*entry); !checked)
        return checked.error();
    // A new entry gets its uid here; one put back (undo of a deletion) keeps its own.
    if (entry->uid.empty())
        entry->uid = newReplicaId();
    else if (!isReplicaId(entry->uid) || uidTaken(c, change.document_id, entry->uid))
        return invalid(entry->uid, "the client log has an entry with this uid already");
    if (entry->id == 0) {
        Statement& next =
            c.statements.get(c.db, "SELECT IFNULL(MAX(entry_id), 0) + 1 FROM log_entries WHERE document_id = ?1");
        Statement::Scope reset(next);
        next.bind(1, change.document_id);
        if (next.step() != SQLITE_ROW)
            return c.readError();
        entry->id = next.columnInt(0);
    } else {
        auto existing = readLogEntry(c, change.document_id, entry->id);
        if (!existing)
            return existing.error();
        if (existing.value())
            return invalid(std::to_string(entry->id), "the client log has this entry already");
    }
    change.new_value = encodeLogEntry(*entry);
    return writeLogEntry(c, change.document_id, *entry, true);
}

Result<Applied> editEntry(ChangeContext& c, Change& change)
{
    auto edited = decodeLogEntry(change.new_value);
    if (!edited)
        return invalid({}, "not a client log entry");
    auto existing = entryNamed(c, change.document_id, edited->id);
    if (!existing)
        return existing.error();
    edited->promise_item_id = existing.value().promise_item_id; // linking is a change of its own
    edited->uid = existing.value().uid;                         // and an entry keeps its uid
    change.old_value = encodeLogEntry(existing.value());
    change.new_value = encodeLogEntry(*edited);
    if (change.old_value == change.new_value)
        return Applied::Unchanged;
    if (Status checked = checkLogEntry(*edited); !checked)
        return checked.error();
    return writeLogEntry(c, change.document_id, *edited, false);
}

Result<Applied> deleteEntry(ChangeContext& c, Change& change)
{
    std::int64_t id = 0;
    std::string rest;
    if (!splitEntryValue(change.new_value, id, rest) || !rest.empty())
        return invalid(change.new_value, "not a client log entry number");
    auto existing = entryNamed(c, change.document_id, id);
    if (!existing)
        return existing.error();
    change.old_value = encodeLogEntry(existing.value());
    change.new_value = std::to_string(id);
    Statement& drop = c.statements.get(c.db, "DELETE FROM log_entries WHERE document_id = ?1 AND entry_id = ?2");
    Statement::Scope reset(drop);
    drop.bindAll(change.document_id, id);
    return c.ran(drop);
}

// Resolving (outcome, reason, resolution) and linking a promise: a part of the entry.
Result<Applied> setEntryPart(ChangeContext& c, Change& change)
{
    std::int64_t id = 0;
    std::string rest;
    if (!splitEntryValue(change.new_value, id, rest))
        return invalid(change.new_value, "not a client log entry number");
    auto existing = entryNamed(c, change.document_id, id);
    if (!existing)
        return existing.error();
    const LogEntry& before = existing.value();
    LogEntry after = before;
    const std::string prefix = std::to_string(id) + ":";
    if (change.kind == ChangeKind::LogEntryResolved) {
        if (!applyResolution(rest, after))
            return invalid({}, "not a resolution");
        change.old_value = prefix + encodeResolution(before);
        change.new_value = prefix + encodeResolution(after);
    } else {
        if (rest.empty() || rest.size() > 18 || rest.find_first_not_of("0123456789") != std::string::npos)
            return invalid(rest, "not an item number");
        after.promise_item_id = std::strtoll(rest.c_str(), nullptr, 10);
        if (after.promise_item_id != 0 && !itemExists(c, change.document_id, after.promise_item_id))
            return unknownItem(after.promise_item_id);
        change.old_value = prefix + std::to_string(before.promise_item_id);
        change.new_value = prefix + std::to_string(after.promise_item_id);
    }
    if (after == before)
        return Applied::Unchanged;
    if (Status checked = checkLogEntry(after); !checked)
        return checked.error();
    return writeLogEntry(c, change.document_id, after, false);
}

} // namespace

Status insertLogEntries(ChangeContext& c, std::int64_t document_id, const Checklist& checklist,
                        const std::vector<LogEntry>& log)
{
    std::set<std::string> uids;
    for (const LogEntry& entry : log) {
        const Error refused{ErrorCode::ImportInvalid, "client log entry " + std::to_string(entry.id), {}};
        if (!entry.uid.empty() && !uids.insert(entry.uid).second)
            return Error{refused.code, refused.subject, "two client log entries have one uid"};
        if (entry.id <= 0)
            return Error{refused.code, refused.subject, "a client log entry needs a positive number"};
        if (Status checked = checkLogEntry(entry); !checked)
            return Error{refused.code, refused.subject, checked.error().description()};
        if (entry.promise_item_id != 0 &&
            std::none_of(checklist.items.begin(), checklist.items.end(),
                         [&](const ChecklistItem& item) { return item.id == entry.promise_item_id; }))
            return Error{refused.code, refused.subject, "its promise is not an item of the checklist"};
        LogEntry kept = entry;
        kept.uid = uidOr(entry.uid); // an export from before uids brings none
        auto written = writeLogEntry(c, document_id, kept, true);
        if (!written)
            return Error{refused.code, refused.subject, "a duplicate or invalid entry"};
    }
    return {};
}

Result<Applied> applyLogChange(ChangeContext& c, Change& change)
{
    switch (change.kind) {
    case ChangeKind::LogEntryAdded: return addEntry(c, change);
    case ChangeKind::LogEntryEdited: return editEntry(c, change);
    case ChangeKind::LogEntryDeleted: return deleteEntry(c, change);
    case ChangeKind::LogEntryResolved:
    case ChangeKind::LogPromiseLinked: return setEntryPart(c, change);
    case ChangeKind::LogShared: { // the log as it is goes to the sidecar (store_log_sharing.cpp)
        if (!checklistExists(c, change.document_id))
            return unknownDocument(change.document_id);
        auto entries = readLogEntries(c, change.document_id);
        if (!entries)
            return entries.error();
        change.new_value = std::to_string(entries.value().size());
        return entries.value().empty() ? Applied::Unchanged : Applied::Changed;
    }
    default: return invalid({}, "not a client log change");
    }
}

} // namespace detail

Result<std::vector<LogEntry>> Store::clientLog(std::int64_t document_id)
{
    sqlite::Statement& query = statements_.get(
        db_, std::string("SELECT ") + detail::kLogColumns +
                 " FROM log_entries WHERE document_id = ?1 ORDER BY said_at, entry_id");
    sqlite::Statement::Scope reset(query);
    query.bind(1, document_id);
    std::vector<LogEntry> entries;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        entries.push_back(detail::readEntryRow(query));
    if (rc != SQLITE_DONE)
        return readError();
    return entries;
}

} // namespace rapport
