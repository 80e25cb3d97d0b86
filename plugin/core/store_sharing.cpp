// The store's side of sharing a checklist (docs/sidecar-format.md): every recorded change
// is stamped with a change id, its author and a hybrid logical clock; a change to a shared
// checklist is also written, as sidecar lines, into the store's own copy of the log, which
// the listeners then append to the sidecar file; and a merge writes the checklist that
// replaying the whole log gives, with the history rows of the changes it brought. The
// client log's part of this is in store_log_sharing.cpp.
#include "store.h"

#include "hlc.h"
#include "sidecar_format.h"
#include "store_changes.h"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace rapport {

namespace detail {

using sqlite::Statement;

namespace {

// kItemColumns with every column prefixed "i.", for the join above.
std::string prefixed(const char* columns)
{
    std::string out;
    std::string_view rest = columns;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view column = rest.substr(0, comma);
        while (!column.empty() && column.front() == ' ')
            column.remove_prefix(1);
        out += (out.empty() ? "i." : ", i.") + std::string(column);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return out;
}

} // namespace

std::string uidOr(const std::string& uid) { return uid.empty() ? newReplicaId() : uid; }

Result<Checklist> readRows(ChangeContext& c, std::int64_t document_id)
{
    Checklist rows;
    rows.document_id = document_id;
    Statement& header = c.statements.get(c.db, "SELECT template_key, revision_rounds_agreed, revision_rounds_used, "
                                               "update_every_days, next_update_due, deadline, client_name, "
                                               "client_language, update_rhythm FROM checklists "
                                               "WHERE document_id = ?1");
    Statement::Scope resetHeader(header);
    header.bind(1, document_id);
    if (header.step() != SQLITE_ROW)
        return unknownDocument(document_id);
    rows.template_key = header.columnText(0);
    if (!header.columnIsNull(1))
        rows.revision_rounds_agreed = static_cast<int>(header.columnInt(1));
    rows.revision_rounds_used = static_cast<int>(header.columnInt(2));
    if (!header.columnIsNull(3))
        rows.update_every_days = static_cast<int>(header.columnInt(3));
    rows.next_update_due = header.columnText(4);
    rows.deadline = header.columnText(5);
    rows.client_name = header.columnText(6);
    rows.client_language = header.columnText(7);
    rows.update_rhythm = header.columnText(8);

    Statement& sections = c.statements.get(c.db, "SELECT section_id, position, template_key, section_key, custom_title, "
                                                 "uid FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
    Statement::Scope resetSections(sections);
    sections.bind(1, document_id);
    int rc;
    while ((rc = sections.step()) == SQLITE_ROW)
        rows.sections.push_back(ChecklistSection{sections.columnInt(0), sections.columnInt(1), sections.columnText(2),
                                                 sections.columnText(3), sections.columnText(4),
                                                 sections.columnText(5)});
    if (rc != SQLITE_DONE)
        return c.readError();
    Statement& items = c.statements.get(
        c.db, "SELECT " + prefixed(kItemColumns) +
                  " FROM items i LEFT JOIN sections s ON s.document_id = i.document_id AND s.section_id = i.section_id "
                  "WHERE i.document_id = ?1 ORDER BY s.position, i.position, i.item_id");
    Statement::Scope resetItems(items);
    items.bind(1, document_id);
    while ((rc = items.step()) == SQLITE_ROW)
        rows.items.push_back(readItemRow(items));
    if (rc != SQLITE_DONE)
        return c.readError();
    return rows;
}

std::string itemUid(ChangeContext& c, std::int64_t document_id, std::int64_t item_id)
{
    Statement& query = c.statements.get(c.db, "SELECT uid FROM items WHERE document_id = ?1 AND item_id = ?2");
    Statement::Scope reset(query);
    query.bindAll(document_id, item_id);
    return query.step() == SQLITE_ROW ? query.columnText(0) : std::string();
}

namespace {

std::string sectionUid(ChangeContext& c, std::int64_t document_id, std::int64_t section_id)
{
    Statement& query = c.statements.get(c.db, "SELECT uid FROM sections WHERE document_id = ?1 AND section_id = ?2");
    Statement::Scope reset(query);
    query.bindAll(document_id, section_id);
    return query.step() == SQLITE_ROW ? query.columnText(0) : std::string();
}

std::optional<ChecklistItem> readItem(ChangeContext& c, std::int64_t document_id, std::int64_t item_id)
{
    Statement& query = c.statements.get(c.db, std::string("SELECT ") + kItemColumns +
                                                  " FROM items WHERE document_id = ?1 AND item_id = ?2");
    Statement::Scope reset(query);
    query.bindAll(document_id, item_id);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return readItemRow(query);
}

sidecar::Body field(const Change& change, const char* target, const std::string& uid)
{
    sidecar::Body body{std::string(changeField(change.kind)), {}};
    if (target)
        body.add(target, uid);
    body.add("value", change.new_value).add("old", change.old_value);
    return body;
}

// Rows of `rows` as +section and +item lines after `first`.
void appendRows(std::vector<sidecar::Body>& bodies, const Checklist& rows, const std::vector<std::int64_t>* sections,
                const std::vector<std::int64_t>* items)
{
    const auto wanted = [](const std::vector<std::int64_t>* ids, std::int64_t id) {
        return !ids || std::find(ids->begin(), ids->end(), id) != ids->end();
    };
    for (const ChecklistSection& s : rows.sections)
        if (wanted(sections, s.id))
            bodies.push_back(sidecar::sectionRow("+section", s));
    for (const ChecklistItem& i : rows.items) {
        if (!wanted(items, i.id))
            continue;
        std::string section;
        for (const ChecklistSection& s : rows.sections)
            if (s.id == i.section_id)
                section = s.uid;
        bodies.push_back(sidecar::itemRow("+item", i, section));
    }
}

// The lines that say `change` in the sidecar, or an empty list for a change that is not
// shared (a report kept, the document moved on this machine).
Result<std::vector<sidecar::Body>> linesOf(ChangeContext& c, const Change& change)
{
    const std::int64_t doc = change.document_id;
    std::vector<sidecar::Body> bodies;
    switch (change.kind) {
    case ChangeKind::Status:
    case ChangeKind::Reason:
    case ChangeKind::Due:
    case ChangeKind::Owner:
    case ChangeKind::Note:
    case ChangeKind::Internal:
    case ChangeKind::ItemText:
        bodies.push_back(field(change, "item", itemUid(c, doc, change.item_id)));
        break;
    case ChangeKind::ItemAdded:
        bodies.push_back(sidecar::Body{"item", {}}
                             .add("item", itemUid(c, doc, change.item_id))
                             .add("section", sectionUid(c, doc, change.section_id))
                             .add("value", change.new_value));
        break;
    case ChangeKind::ItemMoved:
        bodies.push_back(sidecar::Body{"moved", {}}
                             .add("item", itemUid(c, doc, change.item_id))
                             .add("section", sectionUid(c, doc, change.section_id))
                             .add("index", std::to_string(change.index))
                             .add("old", change.old_value));
        break;
    case ChangeKind::ItemDeleted:
        bodies.push_back(sidecar::Body{"deleted", {}}.add("item", change.item->uid).add("old", change.old_value));
        break;
    case ChangeKind::ItemRestored: {
        const auto item = readItem(c, doc, change.item_id);
        if (!item)
            return c.readError();
        bodies.push_back(sidecar::itemRow("restored", *item, sectionUid(c, doc, item->section_id)));
        break;
    }
    case ChangeKind::SectionAdded:
        bodies.push_back(sidecar::Body{"section", {}}
                             .add("section", sectionUid(c, doc, change.section_id))
                             .add("value", change.new_value));
        break;
    case ChangeKind::SectionTitle:
        bodies.push_back(field(change, "section", sectionUid(c, doc, change.section_id)));
        break;
    case ChangeKind::SectionMoved:
        bodies.push_back(sidecar::Body{"section-moved", {}}
                             .add("section", sectionUid(c, doc, change.section_id))
                             .add("index", std::to_string(change.index))
                             .add("old", change.old_value));
        break;
    case ChangeKind::SectionDeleted:
        bodies.push_back(
            sidecar::Body{"section-deleted", {}}.add("section", change.section->section.uid).add("old", change.old_value));
        break;
    case ChangeKind::SectionRestored:
    case ChangeKind::TemplateAdded:
    case ChangeKind::Shared: {
        auto rows = readRows(c, doc);
        if (!rows)
            return rows.error();
        const Checklist& now = rows.value();
        if (change.kind == ChangeKind::SectionRestored) {
            const auto restored = std::find_if(now.sections.begin(), now.sections.end(),
                                               [&](const ChecklistSection& s) { return s.id == change.section_id; });
            if (restored == now.sections.end())
                return c.readError();
            bodies.push_back(sidecar::sectionRow("section-restored", *restored));
            std::vector<std::int64_t> items;
            for (const ChecklistItem& i : now.items)
                if (i.section_id == change.section_id)
                    items.push_back(i.id);
            const std::vector<std::int64_t> none;
            appendRows(bodies, now, &none, &items);
        } else if (change.kind == ChangeKind::TemplateAdded) {
            bodies.push_back(sidecar::Body{"template-added", {}}.add("template", change.new_value));
            appendRows(bodies, now, &c.created_sections, &c.created_items);
        } else {
            const auto number = [](std::optional<int> value) { return value ? std::to_string(*value) : std::string(); };
            sidecar::Body snapshot = sidecar::Body{"shared", {}}
                                         .add("template", now.template_key)
                                         .add("agreed", number(now.revision_rounds_agreed))
                                         .add("used", std::to_string(now.revision_rounds_used))
                                         .add("every", number(now.update_every_days))
                                         .add("next", now.next_update_due)
                                         .add("deadline", now.deadline);
            // The project settings of schema 5 only when set: a Rapport from before reads the
            // snapshot of a checklist without them as it always did.
            for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"client", &now.client_name},
                                             {"client-lang", &now.client_language},
                                             {"rhythm", &now.update_rhythm}})
                if (!value->empty())
                    snapshot.add(key, *value);
            bodies.push_back(std::move(snapshot));
            appendRows(bodies, now, nullptr, nullptr);
        }
        break;
    }
    case ChangeKind::RevisionRoundsAgreed:
    case ChangeKind::RevisionRoundsUsed:
    case ChangeKind::UpdateEveryDays:
    case ChangeKind::NextUpdateDue:
    case ChangeKind::Deadline:
    case ChangeKind::ClientName:
    case ChangeKind::ClientLanguage:
    case ChangeKind::UpdateRhythm:
    case ChangeKind::RevisionRoundStarted:
        bodies.push_back(field(change, nullptr, {}));
        break;
    case ChangeKind::LogEntryAdded:
    case ChangeKind::LogEntryEdited:
    case ChangeKind::LogEntryDeleted:
    case ChangeKind::LogEntryResolved:
    case ChangeKind::LogPromiseLinked:
    case ChangeKind::LogShared:
        return logLinesOf(c, change);
    default: // attaching, importing and merging never meet a shared checklist's log this way;
             // a report or a move of the document stays on this machine
        break;
    }
    return bodies;
}

} // namespace

Result<Applied> share(ChangeContext& c, Change& change)
{
    if (!checklistExists(c, change.document_id))
        return unknownDocument(change.document_id);
    Statement current(c.db, "SELECT sidecar FROM shared_documents WHERE document_id = ?1");
    current.bind(1, change.document_id);
    const bool known = current.step() == SQLITE_ROW;
    change.old_value = known ? current.columnText(0) : std::string();
    current.reset();
    if (known && change.old_value == change.new_value)
        return Applied::Unchanged;
    Statement insert(c.db, "INSERT INTO shared_documents(document_id, sidecar, shared_at) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT(document_id) DO UPDATE SET sidecar = excluded.sidecar");
    insert.bindAll(change.document_id, change.new_value, change.at);
    return c.ran(insert);
}

Result<Applied> unshare(ChangeContext& c, Change& change)
{
    Statement current(c.db, "SELECT sidecar FROM shared_documents WHERE document_id = ?1");
    current.bind(1, change.document_id);
    auto before = readOldValue(current, change, Error{});
    if (!before)
        return Applied::Unchanged; // not shared: nothing to stop
    current.reset();
    // The store's copy of the log stays: sharing again continues it without repeating it.
    Statement erase(c.db, "DELETE FROM shared_documents WHERE document_id = ?1");
    erase.bind(1, change.document_id);
    if (erase.run() != SQLITE_DONE)
        return c.writeError();
    change.new_value.clear();
    return Applied::Changed;
}

Result<Applied> merge(ChangeContext& c, Change& change)
{
    const MergedLog& merged = *change.merged;
    const Checklist& state = merged.checklist;
    std::int64_t doc = change.document_id;
    if (doc == 0) {
        // Joining: a checklist this store has never seen, made from the sidecar.
        if (merged.sidecar.empty() || state.document_path.empty())
            return invalid({}, "joining needs the document and its sidecar");
        Statement document(c.db, "INSERT INTO documents(path, created_at) VALUES (?1, ?2) "
                                  "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
        document.bindAll(state.document_path, change.at);
        if (document.step() != SQLITE_ROW)
            return c.writeError();
        doc = document.columnInt(0);
        document.reset();
        Statement checklist(c.db, "INSERT INTO checklists(document_id, template_key, created_at) VALUES (?1, '', ?2)");
        checklist.bindAll(doc, change.at);
        if (checklist.run() != SQLITE_DONE) {
            if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
                return invalid(state.document_path, "a checklist is already attached");
            return c.writeError();
        }
        Statement shared(c.db, "INSERT INTO shared_documents(document_id, sidecar, shared_at) VALUES (?1, ?2, ?3)");
        shared.bindAll(doc, merged.sidecar, change.at);
        if (shared.run() != SQLITE_DONE)
            return c.writeError();
        change.document_id = doc;
        change.document_path = state.document_path;
    } else {
        Statement shared(c.db, "SELECT 1 FROM shared_documents WHERE document_id = ?1");
        shared.bind(1, doc);
        if (shared.step() != SQLITE_ROW)
            return invalid(std::to_string(doc), "the checklist is not shared");
    }

    // The client log as it is, each promise by its item's uid: the replay may number items anew.
    auto logBefore = logWithPromiseUids(c, doc);
    if (!logBefore)
        return logBefore.error();

    // The rows become what the replay gave: the same on every replica with these changes.
    Statement eraseItems(c.db, "DELETE FROM items WHERE document_id = ?1");
    eraseItems.bind(1, doc);
    Statement eraseSections(c.db, "DELETE FROM sections WHERE document_id = ?1");
    eraseSections.bind(1, doc);
    if (eraseItems.run() != SQLITE_DONE || eraseSections.run() != SQLITE_DONE)
        return c.writeError();
    Statement header(c.db, "UPDATE checklists SET template_key = ?2, revision_rounds_agreed = ?3, "
                            "revision_rounds_used = ?4, update_every_days = ?5, next_update_due = ?6, deadline = ?7, "
                            "client_name = ?8, client_language = ?9, update_rhythm = ?10 WHERE document_id = ?1");
    header.bindAll(doc, state.template_key, state.revision_rounds_agreed, state.revision_rounds_used,
                   state.update_every_days, state.next_update_due, state.deadline, state.client_name,
                   state.client_language, state.update_rhythm);
    if (header.run() != SQLITE_DONE)
        return c.writeError();
    Statement section(c.db, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                             "custom_title, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const ChecklistSection& s : state.sections) {
        Statement::Scope reset(section);
        section.bindAll(doc, s.id, s.position, s.template_key, s.section_key, s.custom_title, s.uid);
        if (section.run() != SQLITE_DONE)
            return invalid(s.uid, "duplicate section in the replayed checklist");
    }
    for (const ChecklistItem& item : state.items)
        if (!insertItemRow(c, doc, item))
            return invalid(item.uid, "duplicate item in the replayed checklist");
    if (Status log = writeMergedLog(c, doc, merged, logBefore.value()); !log)
        return log.error();

    Statement log(c.db, "INSERT OR IGNORE INTO shared_log(document_id, hlc, change_id, node, lines) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const LoggedChange& logged : merged.changes) {
        Statement::Scope reset(log);
        log.bindAll(doc, logged.hlc, logged.change_id, logged.node, logged.lines);
        if (log.run() != SQLITE_DONE)
            return c.writeError();
    }
    Statement next(c.db, "SELECT IFNULL(MAX(sequence), 0) FROM history WHERE document_id = ?1");
    next.bind(1, doc);
    if (next.step() != SQLITE_ROW)
        return c.writeError();
    std::int64_t sequence = next.columnInt(0);
    Statement row(c.db, "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value, "
                         "change_id, author, hlc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const HistoryEntry& h : merged.history) {
        Statement::Scope reset(row);
        row.bindAll(doc, ++sequence, h.at, h.item_id, h.field, h.old_value, h.new_value, h.change_id, h.author, h.hlc);
        if (row.run() != SQLITE_DONE)
            return c.writeError();
    }
    change.new_value = std::to_string(merged.history.size());
    return Applied::RecordedItself;
}

} // namespace detail

// --- Store members ---------------------------------------------------------------------

Result<bool> Store::isShared(std::int64_t document_id)
{
    if (const auto known = sharedKnown_.find(document_id); known != sharedKnown_.end())
        return known->second;
    // Whether the checklist is shared, and the latest clock of its log: a new change must
    // sort after every change this replica has seen of it, or replaying would reorder it.
    // Once read, the log grows only by this store's own changes, stamped with clock_, until
    // apply() finds the file written by another or a change that may reshare it.
    sqlite::Statement& shared = statements_.get(
        db_, "SELECT (SELECT COUNT(*) FROM shared_documents WHERE document_id = ?1), "
             "(SELECT hlc FROM shared_log WHERE document_id = ?1 ORDER BY hlc DESC LIMIT 1)");
    sqlite::Statement::Scope reset(shared);
    shared.bind(1, document_id);
    if (shared.step() != SQLITE_ROW)
        return writeError();
    const bool isShared = shared.columnInt(0) != 0;
    if (const auto logged = Hlc::parse(shared.columnText(1)); logged && *logged > clock_)
        clock_ = *logged;
    sharedKnown_.emplace(document_id, isShared);
    return isShared;
}

Status Store::stampAndLog(detail::ChangeContext& context, Change& change)
{
    const auto shared = isShared(change.document_id);
    if (!shared)
        return shared.error();
    clock_ = nextHlc(clock_, nowMillis());
    change.change_id = newReplicaId();
    change.author = author_;
    change.hlc = clock_.text();
    if (!shared.value())
        return {};
    auto bodies = detail::linesOf(context, change);
    if (!bodies)
        return bodies.error();
    if (bodies.value().empty())
        return {};
    const sidecar::Envelope envelope{node_, clock_, change.change_id, change.author, change.at};
    change.sidecar_lines = sidecar::encode(envelope, bodies.value());
    sqlite::Statement& log = statements_.get(
        db_, "INSERT INTO shared_log(document_id, hlc, change_id, node, lines) VALUES (?1, ?2, ?3, ?4, ?5)");
    sqlite::Statement::Scope reset(log);
    log.bindAll(change.document_id, change.hlc, change.change_id, node_, change.sidecar_lines);
    if (log.run() != SQLITE_DONE)
        return writeError();
    return {};
}

void Store::heard(const Change& change)
{
    // A merge brings other replicas' clocks: later local changes sort after them.
    if (change.kind != ChangeKind::Merged || !change.merged)
        return;
    for (const LoggedChange& logged : change.merged->changes)
        if (const auto reading = Hlc::parse(logged.hlc); reading && *reading > clock_)
            clock_ = *reading;
}

Result<std::optional<SharedDocument>> Store::sharedDocument(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT s.sidecar, s.shared_at, d.path FROM shared_documents s "
                                 "JOIN documents d ON d.id = s.document_id WHERE s.document_id = ?1");
    query.bind(1, document_id);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<SharedDocument>();
    if (rc != SQLITE_ROW)
        return readError();
    return std::optional<SharedDocument>(
        SharedDocument{document_id, query.columnText(2), query.columnText(0), query.columnInt(1)});
}

Result<std::vector<LoggedChange>> Store::sharedLog(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT hlc, change_id, node, lines FROM shared_log WHERE document_id = ?1 "
                                 "ORDER BY hlc, change_id");
    query.bind(1, document_id);
    std::vector<LoggedChange> log;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        log.push_back(LoggedChange{query.columnText(0), query.columnText(1), query.columnText(2), query.columnText(3)});
    if (rc != SQLITE_DONE)
        return readError();
    return log;
}

Result<std::optional<LoggedChange>> Store::lastLogged(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT hlc, change_id, node, lines FROM shared_log WHERE document_id = ?1 "
                                 "ORDER BY hlc DESC, change_id DESC LIMIT 1");
    query.bind(1, document_id);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<LoggedChange>();
    if (rc != SQLITE_ROW)
        return readError();
    return std::optional<LoggedChange>(
        LoggedChange{query.columnText(0), query.columnText(1), query.columnText(2), query.columnText(3)});
}

Result<std::optional<std::int64_t>> Store::documentIdOf(const std::string& document_path)
{
    sqlite::Statement query(db_, "SELECT c.document_id FROM documents d JOIN checklists c ON c.document_id = d.id "
                                 "WHERE d.path = ?1");
    query.bind(1, document_path);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<std::int64_t>();
    if (rc != SQLITE_ROW)
        return readError();
    return std::optional<std::int64_t>(query.columnInt(0));
}

Status Store::readNode()
{
    sqlite::Statement query(db_, "SELECT value FROM meta WHERE key = 'node'");
    if (query.step() != SQLITE_ROW || !isReplicaId(query.columnText(0)))
        return Error{ErrorCode::StoreDamaged, file_.string(), "the store has no node id"};
    node_ = query.columnText(0);
    return {};
}

} // namespace rapport
