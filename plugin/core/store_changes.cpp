#include "store_changes.h"

#include "document_paths.h"
#include "localization.h"
#include "update_rhythm.h"
#include "text_rules.h"
#include "sidecar_file.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace rapport::detail {

namespace {

using sqlite::Statement;

bool isCount(const std::string& text, bool zero_allowed)
{
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return zero_allowed || std::strtol(text.c_str(), nullptr, 10) > 0;
}

// Why `change` holds a value no checklist may hold, or nullptr: checked before anything is written.
const char* problemWith(const Change& change)
{
    const std::string& value = change.new_value;
    switch (change.kind) {
    case ChangeKind::Status: return parseStatusKeyword(value) ? nullptr : "not a status";
    case ChangeKind::Due:
    case ChangeKind::NextUpdateDue:
    case ChangeKind::Deadline: return nullptr; // checked by validate(), with its own error
    case ChangeKind::Owner:
    case ChangeKind::Internal: return value == "0" || value == "1" ? nullptr : "expected 0 or 1";
    case ChangeKind::ItemText:
    case ChangeKind::ItemAdded: return value.empty() ? "an item needs a text" : nullptr;
    case ChangeKind::SectionAdded: return value.empty() ? "a section needs a title" : nullptr;
    case ChangeKind::RevisionRoundsAgreed:
    case ChangeKind::RevisionRoundsUsed:
        return isCount(value, true) || (value.empty() && change.kind == ChangeKind::RevisionRoundsAgreed)
                   ? nullptr
                   : "revision rounds cannot be negative";
    case ChangeKind::UpdateEveryDays: return value.empty() || isCount(value, false) ? nullptr : "the rhythm is a number of days";
    case ChangeKind::UpdateRhythm:
        return parseUpdateRhythm(value) ? nullptr : "the rhythm is weekly, biweekly, monthly or a number of days (Nd)";
    case ChangeKind::ClientLanguage:
        return value.empty() || languageWithExactCode(value) ? nullptr : "not a report language";
    case ChangeKind::RevisionRoundStarted: return value.empty() ? "a revision round needs to say what it is for" : nullptr;
    case ChangeKind::Attached: return change.document_path.empty() ? "empty document path" : nullptr;
    case ChangeKind::DocumentMoved: return value.empty() ? "empty document path" : nullptr;
    case ChangeKind::ItemRestored: return change.item ? nullptr : "nothing to restore";
    case ChangeKind::SectionRestored: return change.section ? nullptr : "nothing to restore";
    case ChangeKind::ReportKept:
        return change.report && !change.report->language_code.empty() && !change.report->format.empty()
                   ? nullptr
                   : "a report needs a language and a format";
    case ChangeKind::Imported:
        return change.imported && !change.imported->checklist.document_path.empty() ? nullptr : "empty document path";
    case ChangeKind::Shared: return change.new_value.empty() ? "empty sidecar path" : nullptr;
    case ChangeKind::Merged: return change.merged ? nullptr : "nothing to merge";
    default: return nullptr;
    }
}

// The text of `change` checked against text_rules.h: the last guard of the one write path,
// behind the checks at each edge (command line, import, sidebar).
Status checkChangeText(const Change& change)
{
    const std::string& value = change.new_value;
    switch (change.kind) {
    case ChangeKind::Due:
    case ChangeKind::NextUpdateDue:
    case ChangeKind::Deadline:
        return isDateOrEmpty(value) ? Status{} : Status{Error{ErrorCode::DateInvalid, value, {}}};
    case ChangeKind::ItemText:
    case ChangeKind::ItemAdded: return checkText(TextField::ItemTitle, value);
    case ChangeKind::SectionAdded:
    case ChangeKind::SectionTitle: return checkText(TextField::SectionTitle, value);
    case ChangeKind::Note: return checkText(TextField::Note, value);
    case ChangeKind::Reason: return checkText(TextField::Reason, value);
    case ChangeKind::ClientName: return checkText(TextField::ClientName, value);
    case ChangeKind::RevisionRoundStarted: return checkText(TextField::RoundPurpose, value);
    case ChangeKind::DocumentMoved: return checkText(TextField::DocumentPath, value);
    case ChangeKind::Attached:
    case ChangeKind::TemplateAdded:
        if (Status path = checkText(TextField::DocumentPath, change.document_path); !path)
            return path;
        for (const NewItem& item : change.new_items) {
            for (const std::string* key : {&item.template_key, &item.item_key, &item.section_key})
                if (Status checked = checkText(TextField::Key, *key); !checked)
                    return checked;
            if (Status checked = checkText(TextField::ItemTitle, item.custom_text); !checked)
                return checked;
        }
        return {};
    case ChangeKind::ItemRestored:
        return change.item ? checkItemText(*change.item) : Status{};
    case ChangeKind::SectionRestored:
        if (!change.section)
            return {};
        for (const ChecklistItem& item : change.section->items)
            if (Status checked = checkItemText(item); !checked)
                return checked;
        return checkText(TextField::SectionTitle, change.section->section.custom_title);
    case ChangeKind::Imported:
        return change.imported ? checkChecklistText(change.imported->checklist, change.imported->history) : Status{};
    default: return {};
    }
}

Status validate(const Change& change)
{
    if (Status text = checkChangeText(change); !text)
        return text;
    if (const char* problem = problemWith(change))
        return invalid(change.kind == ChangeKind::ReportKept && change.report ? change.report->format : change.new_value,
                       problem);
    return {};
}


constexpr const char* kPriorStatusType = "rapport-prior-status";

// rapport_prior_status(?, status, status_reason): keeps the row's status and reason, as
// they were, in the PriorStatus bound to its first argument; returns the reason unchanged.
void priorStatus(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (auto* prior = static_cast<PriorStatus*>(sqlite3_value_pointer(argv[0], kPriorStatusType))) {
        prior->seen = true;
        prior->status = sqlite3_value_int64(argv[1]);
        const auto* reason = sqlite3_value_text(argv[2]);
        prior->reason.assign(reason ? reinterpret_cast<const char*>(reason) : "",
                             static_cast<std::size_t>(sqlite3_value_bytes(argv[2])));
    }
    sqlite3_result_value(context, argv[2]);
}

Result<Applied> setStatus(ChangeContext& c, Change& change)
{
    const ItemStatus after = *parseStatusKeyword(change.new_value);
    // The usual case, a status that changes: one statement, which hands out the old status
    // and reason as it writes the new status (see PriorStatus).
    PriorStatus prior;
    {
        Statement& update = c.statements.get(
            c.db, "UPDATE items SET status = ?3, done = ?4, status_since = ?5, "
                  "status_reason = rapport_prior_status(?6, status, status_reason) "
                  "WHERE document_id = ?1 AND item_id = ?2 AND status <> ?3");
        Statement::Scope resetUpdate(update);
        update.bindAll(change.document_id, change.item_id, static_cast<std::int64_t>(after),
                       std::int64_t{after == ItemStatus::Done ? 1 : 0}, change.at);
        update.bindPointer(6, &prior, kPriorStatusType);
        if (update.run() != SQLITE_DONE)
            return c.writeError();
    }
    if (!prior.seen) {
        // Nothing was written: the item has this status already, or there is no such item.
        Statement& current =
            c.statements.get(c.db, "SELECT status, status_reason FROM items WHERE document_id = ?1 AND item_id = ?2");
        Statement::Scope resetCurrent(current);
        current.bindAll(change.document_id, change.item_id);
        if (current.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        prior.status = current.columnInt(0);
        prior.reason = current.columnText(1);
    }
    // A status change comes with its reason: the reason's change then needs no read of its own.
    c.read_reason = ChangeContext::ReadReason{change.document_id, change.item_id, std::move(prior.reason)};
    change.old_value = statusKeyword(static_cast<ItemStatus>(prior.status));
    return prior.seen ? Applied::Changed : Applied::Unchanged;
}

// One text or 0/1 column of an item. Column names come from this file, never from input.
Result<Applied> setItemColumn(ChangeContext& c, Change& change, const char* column)
{
    Statement& current = c.statements.get(c.db, std::string("SELECT CAST(") + column +
                                                    " AS TEXT) FROM items WHERE document_id = ?1 AND item_id = ?2");
    Statement::Scope resetCurrent(current);
    current.bindAll(change.document_id, change.item_id);
    auto before = readOldValue(current, change, unknownItem(change.item_id));
    if (!before || before.value() == Applied::Unchanged)
        return before;
    Statement& update = c.statements.get(c.db, std::string("UPDATE items SET ") + column +
                                                   " = ?3 WHERE document_id = ?1 AND item_id = ?2");
    Statement::Scope resetUpdate(update);
    update.bindAll(change.document_id, change.item_id, change.new_value);
    return c.ran(update);
}

Result<Applied> setItemText(ChangeContext& c, Change& change)
{
    Statement& kind = c.statements.get(c.db, "SELECT template_key FROM items WHERE document_id = ?1 AND item_id = ?2");
    Statement::Scope reset(kind);
    kind.bindAll(change.document_id, change.item_id);
    if (kind.step() != SQLITE_ROW)
        return unknownItem(change.item_id);
    if (!kind.columnText(0).empty())
        return invalid(std::to_string(change.item_id), "a template item's text cannot be edited");
    return setItemColumn(c, change, "custom_text");
}

Result<Applied> setReason(ChangeContext& c, Change& change)
{
    const auto& read = c.read_reason;
    if (!read || read->document_id != change.document_id || read->item_id != change.item_id)
        return setItemColumn(c, change, "status_reason");
    change.old_value = read->reason;
    if (change.old_value == change.new_value)
        return Applied::Unchanged;
    return setItemColumn(c, change, "status_reason");
}

// One column of the checklist; "" is NULL in a nullable number column.
Result<Applied> setChecklistColumn(ChangeContext& c, Change& change, const char* column, bool nullable)
{
    Statement current(c.db, std::string("SELECT CAST(") + column + " AS TEXT) FROM checklists WHERE document_id = ?1");
    current.bind(1, change.document_id);
    auto before = readOldValue(current, change, unknownDocument(change.document_id));
    if (!before || before.value() == Applied::Unchanged)
        return before;
    Statement update(c.db, std::string("UPDATE checklists SET ") + column + " = ?2 WHERE document_id = ?1");
    update.bindAll(change.document_id, nullable && change.new_value.empty() ? std::optional<std::string>()
                                                                           : std::optional<std::string>(change.new_value));
    return c.ran(update);
}

// One more revision round: the count before it becomes the old value; the new value says
// what the round is for (revision_rounds.h reads the rounds back from the history).
Result<Applied> startRevisionRound(ChangeContext& c, Change& change)
{
    Statement current(c.db, "SELECT revision_rounds_used FROM checklists WHERE document_id = ?1");
    current.bind(1, change.document_id);
    if (current.step() != SQLITE_ROW)
        return unknownDocument(change.document_id);
    const std::int64_t used = current.columnInt(0);
    change.old_value = std::to_string(used);
    Statement update(c.db, "UPDATE checklists SET revision_rounds_used = ?2 WHERE document_id = ?1");
    update.bindAll(change.document_id, used + 1);
    return c.ran(update);
}

Result<Applied> moveDocument(ChangeContext& c, Change& change)
{
    Statement current(c.db, "SELECT path FROM documents WHERE id = ?1");
    current.bind(1, change.document_id);
    auto before = readOldValue(current, change, unknownDocument(change.document_id));
    if (!before || before.value() == Applied::Unchanged)
        return before;
    // Another checklist already lives at the new path: never overwrite it.
    Statement occupied(c.db, "SELECT d.id, c.document_id IS NOT NULL FROM documents d "
                              "LEFT JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
    occupied.bind(1, change.new_value);
    if (occupied.step() == SQLITE_ROW) {
        if (occupied.columnInt(1) != 0)
            return Error{ErrorCode::ChecklistExists, change.new_value, {}};
        Statement drop(c.db, "DELETE FROM documents WHERE id = ?1");
        drop.bind(1, occupied.columnInt(0));
        if (drop.run() != SQLITE_DONE)
            return c.writeError();
    }
    Statement move(c.db, "UPDATE documents SET path = ?2 WHERE id = ?1");
    move.bindAll(change.document_id, change.new_value);
    // A shared checklist's sidecar follows its document (the listeners write it there).
    Statement follow(c.db, "UPDATE shared_documents SET sidecar = ?2 WHERE document_id = ?1");
    follow.bindAll(change.document_id, sidecar::pathFor(change.new_value).string());
    if (move.run() != SQLITE_DONE || follow.run() != SQLITE_DONE)
        return c.writeError();
    return Applied::Changed;
}

Result<Applied> keepReport(ChangeContext& c, Change& change)
{
    StoredReport& report = *change.report;
    Statement next(c.db, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                          "(SELECT IFNULL(MAX(report_id), 0) + 1 FROM reports WHERE document_id = ?1)");
    next.bind(1, change.document_id);
    if (next.step() != SQLITE_ROW)
        return c.writeError();
    if (next.columnInt(0) == 0)
        return unknownDocument(change.document_id);
    report.id = next.columnInt(1);
    if (report.made_at == 0)
        report.made_at = change.at;
    change.at = report.made_at;
    Statement insert(c.db, "INSERT INTO reports(document_id, report_id, made_at, language, format, content_xml) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bindAll(change.document_id, report.id, report.made_at, report.language_code, report.format,
                   report.content_xml);
    if (insert.run() != SQLITE_DONE)
        return c.writeError();
    change.new_value = std::to_string(report.id) + " " + report.format + " " + report.language_code;
    return Applied::Changed;
}

Result<Applied> dispatch(ChangeContext& c, Change& change)
{
    switch (change.kind) {
    case ChangeKind::Status: return setStatus(c, change);
    case ChangeKind::Reason: return setReason(c, change);
    case ChangeKind::Due: return setItemColumn(c, change, "due");
    case ChangeKind::Owner: return setItemColumn(c, change, "owner");
    case ChangeKind::Note: return setItemColumn(c, change, "note");
    case ChangeKind::Internal: return setItemColumn(c, change, "internal");
    case ChangeKind::ItemText: return setItemText(c, change);
    case ChangeKind::ItemAdded: return addItem(c, change);
    case ChangeKind::ItemMoved: return moveItem(c, change);
    case ChangeKind::ItemDeleted: return deleteItem(c, change);
    case ChangeKind::ItemRestored: return restoreItem(c, change);
    case ChangeKind::SectionAdded: return addSection(c, change);
    case ChangeKind::SectionTitle: return setSectionTitle(c, change);
    case ChangeKind::SectionMoved: return moveSection(c, change);
    case ChangeKind::SectionDeleted: return deleteSection(c, change);
    case ChangeKind::SectionRestored: return restoreSection(c, change);
    case ChangeKind::RevisionRoundsAgreed: return setChecklistColumn(c, change, "revision_rounds_agreed", true);
    case ChangeKind::RevisionRoundsUsed: return setChecklistColumn(c, change, "revision_rounds_used", false);
    case ChangeKind::UpdateEveryDays: return setChecklistColumn(c, change, "update_every_days", true);
    case ChangeKind::NextUpdateDue: return setChecklistColumn(c, change, "next_update_due", false);
    case ChangeKind::Deadline: return setChecklistColumn(c, change, "deadline", false);
    case ChangeKind::ClientName: return setChecklistColumn(c, change, "client_name", false);
    case ChangeKind::ClientLanguage: return setChecklistColumn(c, change, "client_language", false);
    case ChangeKind::UpdateRhythm: return setChecklistColumn(c, change, "update_rhythm", false);
    case ChangeKind::RevisionRoundStarted: return startRevisionRound(c, change);
    case ChangeKind::Attached: return attach(c, change);
    case ChangeKind::TemplateAdded: return addTemplate(c, change);
    case ChangeKind::DocumentMoved: return moveDocument(c, change);
    case ChangeKind::ReportKept: return keepReport(c, change);
    case ChangeKind::Imported: return import(c, change);
    case ChangeKind::Shared: return share(c, change);
    case ChangeKind::Unshared: return unshare(c, change);
    case ChangeKind::Merged: return merge(c, change);
    case ChangeKind::LogEntryAdded:
    case ChangeKind::LogEntryEdited:
    case ChangeKind::LogEntryDeleted:
    case ChangeKind::LogEntryResolved:
    case ChangeKind::LogPromiseLinked:
    case ChangeKind::LogShared: return applyLogChange(c, change);
    }
    return invalid({}, "unknown change");
}

} // namespace

bool registerPriorStatus(const sqlite::Connection& db)
{
    // Not deterministic (it has a side effect), and never callable from a trigger or view.
    return sqlite3_create_function_v2(db.get(), "rapport_prior_status", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr,
                                      priorStatus, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Reads the value before the change from `current` (a query with the old value in its
// first column) into change.old_value: Unchanged when it is the new value already,
// Changed when the change still has work to do, `missing` when there is no such row.
Result<Applied> readOldValue(sqlite::Statement& current, Change& change, Error missing)
{
    if (current.step() != SQLITE_ROW)
        return missing;
    change.old_value = current.columnText(0);
    return change.old_value == change.new_value ? Applied::Unchanged : Applied::Changed;
}

Error invalid(std::string subject, std::string why)
{
    return Error{ErrorCode::InvalidArgument, std::move(subject), std::move(why)};
}

Error unknownItem(std::int64_t item_id) { return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}}; }

Error unknownDocument(std::int64_t document_id)
{
    return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
}

Error noSuchSection(std::int64_t section_id) { return invalid(std::to_string(section_id), "no such section"); }

bool checklistExists(ChangeContext& c, std::int64_t document_id)
{
    return c.found("SELECT 1 FROM checklists WHERE document_id = ?1", document_id);
}

bool sectionExists(ChangeContext& c, std::int64_t document_id, std::int64_t section_id)
{
    return c.found("SELECT 1 FROM sections WHERE document_id = ?1 AND section_id = ?2", document_id, section_id);
}

bool ChangeContext::stepsToRow(sqlite::Statement& statement) { return statement.step() == SQLITE_ROW; }

Result<Applied> ChangeContext::ran(sqlite::Statement& update) const
{
    if (update.run() != SQLITE_DONE)
        return writeError();
    return Applied::Changed;
}

Error ChangeContext::writeError() const { return sqlite::errorOf(ErrorCode::StoreWriteFailed, file, db); }

Error ChangeContext::readError() const { return sqlite::errorOf(ErrorCode::StoreDamaged, file, db); }

Result<Applied> applyChange(ChangeContext& context, Change& change)
{
    if (Status valid = validate(change); !valid)
        return valid.error();
    return dispatch(context, change);
}

ChecklistItem readItemRow(const sqlite::Statement& row)
{
    ChecklistItem item;
    item.id = row.columnInt(0);
    item.position = row.columnInt(1);
    item.template_key = row.columnText(2);
    item.item_key = row.columnText(3);
    item.custom_text = row.columnText(4);
    item.status = static_cast<ItemStatus>(row.columnInt(5));
    item.done = item.status == ItemStatus::Done;
    item.section_id = row.columnInt(6);
    item.status_reason = row.columnText(7);
    if (!row.columnIsNull(8))
        item.status_since = row.columnInt(8);
    item.due = row.columnText(9);
    item.owner = row.columnInt(10) == 1 ? Owner::Client : Owner::Us;
    item.note = row.columnText(11);
    item.internal = row.columnInt(12) != 0;
    item.uid = row.columnText(13);
    return item;
}

} // namespace rapport::detail
