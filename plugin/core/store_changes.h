// Inside the store: the SQL that applies each kind of change. Only Store::apply() calls
// it, inside its transaction, and records the history row itself; nothing here commits.
#pragma once

#include "change.h"
#include "error.h"
#include "sidecar_format.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rapport::detail {

// What applying one change did.
enum class Applied {
    Changed,         // the store changed: record the change as one history row
    Unchanged,       // the value was already so: nothing to record
    RecordedItself,  // an import, which brings its own history rows
};

// What a change is applied with: the connection inside an open write transaction.
struct ChangeContext {
    const sqlite::Connection& db;
    sqlite::StatementCache& statements;
    const std::filesystem::path& file;
    std::int64_t added_in_batch = 0; // the item the batch's last ItemAdded created
    // The reason a status change read with the status (a batch's next change is its reason).
    struct ReadReason {
        std::int64_t document_id = 0;
        std::int64_t item_id = 0;
        std::string reason;
    };
    std::optional<ReadReason> read_reason;
    // The rows the change created (a template combined in), for its sidecar lines.
    std::vector<std::int64_t> created_sections;
    std::vector<std::int64_t> created_items;

    // Runs `update`, a statement that makes the change: Changed, or the write error.
    Result<Applied> ran(sqlite::Statement& update) const;
    // Whether `query` ("SELECT 1 FROM … WHERE" with ?1, ?2, …) finds a row for `values`.
    template <class... Values>
    bool found(const char* query, const Values&... values) const
    {
        sqlite::Statement& statement = statements.get(db, query);
        sqlite::Statement::Scope reset(statement);
        statement.bindAll(values...);
        return stepsToRow(statement);
    }
    // Steps `statement` once: whether that gave a row.
    static bool stepsToRow(sqlite::Statement& statement);

    // The error to return when SQLite refused a write, or a read failed.
    Error writeError() const;
    Error readError() const;
};

// An item's status and reason as they were before a status change wrote over them: the
// UPDATE that writes the new status hands them out through rapport_prior_status(), an SQL
// function of the store's connection, since SQLite evaluates a SET clause against the row
// as it was. One statement then both reads the old values and writes the new ones.
struct PriorStatus {
    bool seen = false;
    std::int64_t status = 0;
    std::string reason;
};
// Adds rapport_prior_status() to the store's connection; false when SQLite refused it.
bool registerPriorStatus(const sqlite::Connection& db);

// Small pieces the change writers share (store_changes.cpp).
Error invalid(std::string subject, std::string why);
Error unknownItem(std::int64_t item_id);
Error unknownDocument(std::int64_t document_id);
Error noSuchSection(std::int64_t section_id);
bool checklistExists(ChangeContext& c, std::int64_t document_id);
// Reads the value before the change from `current` (a query with the old value in its
// first column) into change.old_value: Unchanged when it is the new value already,
// Changed when the change still has work to do, `missing` when there is no such row.
Result<Applied> readOldValue(sqlite::Statement& current, Change& change, Error missing);
bool sectionExists(ChangeContext& c, std::int64_t document_id, std::int64_t section_id);

// The writers of the structure: items and sections added, moved, deleted and restored,
// templates combined in, whole checklists attached or imported (store_structure_changes.cpp).
Result<Applied> addItem(ChangeContext& c, Change& change);
Result<Applied> moveItem(ChangeContext& c, Change& change);
Result<Applied> deleteItem(ChangeContext& c, Change& change);
bool insertItemRow(ChangeContext& c, std::int64_t document_id, const ChecklistItem& item);
Result<Applied> restoreItem(ChangeContext& c, Change& change);
Result<Applied> addSection(ChangeContext& c, Change& change);
Result<Applied> setSectionTitle(ChangeContext& c, Change& change);
Result<Applied> moveSection(ChangeContext& c, Change& change);
Result<Applied> deleteSection(ChangeContext& c, Change& change);
Result<Applied> restoreSection(ChangeContext& c, Change& change);
Result<Applied> attach(ChangeContext& c, Change& change);
Result<Applied> addTemplate(ChangeContext& c, Change& change);
Result<Applied> import(ChangeContext& c, Change& change);

// Sharing (store_sharing.cpp): the share record, and a merge that writes the replayed
// checklist with the changes it brought.
Result<Applied> share(ChangeContext& c, Change& change);
Result<Applied> unshare(ChangeContext& c, Change& change);
Result<Applied> merge(ChangeContext& c, Change& change);
// Rows of a checklist as they are: sections, then items, in display order.
Result<Checklist> readRows(ChangeContext& c, std::int64_t document_id);
// A new uid for a row that has none (made here: an import from before uids).
std::string uidOr(const std::string& uid);
// The uid of an item, or "" when there is no such item.
std::string itemUid(ChangeContext& c, std::int64_t document_id, std::int64_t item_id);

// The client log's changes, each checked first (store_log_changes.cpp).
Result<Applied> applyLogChange(ChangeContext& c, Change& change);
// An entry as it may be kept: its shape (client_log.h), then every text against text_rules.h.
Status checkLogEntry(const LogEntry& entry);
// Writes every field of `entry` (a new row, or over the row with its number).
Result<Applied> writeLogEntry(ChangeContext& c, std::int64_t document_id, const LogEntry& entry, bool insert);
// One entry of a document's client log, or nullopt; and the whole log, by number.
Result<std::optional<LogEntry>> readLogEntry(ChangeContext& c, std::int64_t document_id, std::int64_t entry_id);
Result<std::vector<LogEntry>> readLogEntries(ChangeContext& c, std::int64_t document_id);
// An imported client log, each entry checked, its promises items of `checklist`.
Status insertLogEntries(ChangeContext& c, std::int64_t document_id, const Checklist& checklist,
                        const std::vector<LogEntry>& log);

// The client log in the sidecar (store_log_sharing.cpp): the lines of a log change of a
// shared checklist, and a merge's log written (the replay's entries, and the store's own
// entries the log never named kept, their promises following their items by uid).
Result<std::vector<sidecar::Body>> logLinesOf(ChangeContext& c, const Change& change);
Status writeMergedLog(ChangeContext& c, std::int64_t document_id, const MergedLog& merged,
                      const std::vector<std::pair<LogEntry, std::string>>& before);
// The store's own entries with the uid of each one's promised item ("" for none or gone),
// read before a merge rebuilds the items.
Result<std::vector<std::pair<LogEntry, std::string>>> logWithPromiseUids(ChangeContext& c, std::int64_t document_id);

// Applies `change` (validating it first) and fills in what the store decides: the old
// value, assigned ids, what a deletion removed.
Result<Applied> applyChange(ChangeContext& context, Change& change);

// The item columns in the order readItemRow() reads them.
inline constexpr const char* kItemColumns = "item_id, position, template_key, item_key, custom_text, status, "
                                            "section_id, status_reason, status_since, due, owner, note, internal, uid";
// One item from a row whose first columns are kItemColumns.
ChecklistItem readItemRow(const sqlite::Statement& row);

} // namespace rapport::detail
