#include "store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <system_error>

namespace rapport {

namespace {

std::int64_t nowSeconds()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// Schema migrations, in order. Step N takes a store from user_version N to N+1.
// How to change the schema: append a step here (never edit a released one), bump
// Store::kSchemaVersion, and add a test in tests/test_store.cpp that migrates a store
// written at every earlier version. All pending steps run in one IMMEDIATE transaction.
constexpr const char* kMigrationSteps[] = {
    // 0 -> 1: documents, their checklists and items. Items are a WITHOUT ROWID table
    // keyed by (document_id, item_id) so one document's rows sit together on disk:
    // the document-switch path reads them in one clustered range scan.
    R"sql(
    CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL UNIQUE,
        created_at  INTEGER NOT NULL
    );
    CREATE TABLE checklists (
        document_id  INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        template_key TEXT NOT NULL DEFAULT '',
        created_at   INTEGER NOT NULL
    );
    CREATE TABLE items (
        document_id  INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        item_id      INTEGER NOT NULL,
        position     INTEGER NOT NULL,
        template_key TEXT NOT NULL DEFAULT '',
        item_key     TEXT NOT NULL DEFAULT '',
        custom_text  TEXT NOT NULL DEFAULT '',
        done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        PRIMARY KEY (document_id, item_id)
    ) WITHOUT ROWID;
    )sql",
    // 1 -> 2: sections, item status and fields, checklist fields, and the append-only
    // history. v1 checklists get one section holding all their items; done becomes Done.
    R"sql(
    CREATE TABLE sections (
        document_id  INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        section_id   INTEGER NOT NULL,
        position     INTEGER NOT NULL,
        template_key TEXT NOT NULL DEFAULT '',
        section_key  TEXT NOT NULL DEFAULT '',
        custom_title TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (document_id, section_id)
    ) WITHOUT ROWID;
    INSERT INTO sections(document_id, section_id, position, template_key)
        SELECT document_id, 1, 1, template_key FROM checklists;
    ALTER TABLE items ADD COLUMN section_id INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE items ADD COLUMN status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 5);
    ALTER TABLE items ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN status_since INTEGER;
    ALTER TABLE items ADD COLUMN due TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN owner INTEGER NOT NULL DEFAULT 0 CHECK (owner IN (0, 1));
    ALTER TABLE items ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1));
    UPDATE items SET status = 4 WHERE done = 1;
    ALTER TABLE checklists ADD COLUMN revision_rounds_agreed INTEGER;
    ALTER TABLE checklists ADD COLUMN revision_rounds_used INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checklists ADD COLUMN update_every_days INTEGER;
    ALTER TABLE checklists ADD COLUMN next_update_due TEXT NOT NULL DEFAULT '';
    ALTER TABLE checklists ADD COLUMN deadline TEXT NOT NULL DEFAULT '';
    ALTER TABLE documents ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
    CREATE INDEX documents_by_fingerprint ON documents(fingerprint) WHERE fingerprint <> '';
    CREATE TABLE history (
        document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        sequence    INTEGER NOT NULL,
        at          INTEGER NOT NULL,
        item_id     INTEGER NOT NULL DEFAULT 0,
        field       TEXT NOT NULL,
        old_value   TEXT NOT NULL DEFAULT '',
        new_value   TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (document_id, sequence)
    ) WITHOUT ROWID;
    )sql",
    // 2 -> 3: progress reports kept as snapshots, clustered by document like items.
    R"sql(
    CREATE TABLE reports (
        document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        report_id   INTEGER NOT NULL,
        made_at     INTEGER NOT NULL,
        language    TEXT NOT NULL,
        format      TEXT NOT NULL,
        content_xml TEXT NOT NULL,
        PRIMARY KEY (document_id, report_id)
    ) WITHOUT ROWID;
    )sql",
};
static_assert(std::size(kMigrationSteps) == Store::kSchemaVersion, "one migration step per schema version");

// Stores up to this size are fully checked at every open (about 16 ms at most here).
constexpr std::uintmax_t kQuickCheckAtOpenBytes = 8 * 1024 * 1024;

Error sqliteError(ErrorCode code, const std::filesystem::path& file, const sqlite::Connection& db)
{
    return Error{code, file.u8string().empty() ? std::string() : std::string(file.string()), db.lastError()};
}

int readUserVersion(const sqlite::Connection& db, int& version)
{
    sqlite::Statement query(db, "PRAGMA user_version");
    const int rc = query.step();
    if (rc == SQLITE_ROW)
        version = static_cast<int>(query.columnInt(0));
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}


// The item columns, in the order readItemRow() reads them.
constexpr const char* kItemColumns = "item_id, position, template_key, item_key, custom_text, status, section_id, "
                                     "status_reason, status_since, due, owner, note, internal";

// One item from a row whose columns are kItemColumns.
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
    return item;
}

} // namespace

Store::Store(std::filesystem::path file, sqlite::Connection db) : file_(std::move(file)), db_(std::move(db)) {}

Result<Store> Store::open(const std::filesystem::path& file)
{
    const std::string fileName = file.string();
    std::error_code ec;
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return Error{ErrorCode::StoreCannotCreateDirectory, file.parent_path().string(), ec.message()};
    }

    sqlite3* raw = nullptr;
    const int openRc = sqlite3_open_v2(fileName.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite::Connection db(raw);
    if (openRc != SQLITE_OK)
        return Error{ErrorCode::StoreCannotOpen, fileName, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(openRc)};
    sqlite3_extended_result_codes(raw, 1);

    // A second Code::Blocks window may hold the write lock briefly; wait rather than fail.
    sqlite3_busy_timeout(raw, 5000);

    // Durability: WAL with synchronous=FULL syncs the log on every commit, so a tick the
    // UI has shown as saved survives a power cut (FIELD-NOTES: NORMAL lost commits in
    // nearly every simulated cut). At ~150 us a commit it costs nothing a user feels.
    sqlite::Statement journal(db, "PRAGMA journal_mode=WAL");
    int rc = journal.step();
    // Switching a new file to WAL needs an exclusive lock, and SQLite returns BUSY at once
    // instead of calling the busy handler: two windows starting together would fail here.
    for (int attempt = 0; (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; ++attempt) {
        if (attempt == 100)
            break; // about five seconds, the same patience as busy_timeout
        journal.reset();
        sqlite3_sleep(50);
        rc = journal.step();
    }
    if (rc != SQLITE_ROW) {
        // The statement may already have failed to prepare, so ask the connection.
        const int primary = sqlite3_errcode(db.get()) & 0xff;
        const ErrorCode code = primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT ? ErrorCode::StoreDamaged
                                                                                     : ErrorCode::StoreCannotOpen;
        return sqliteError(code, file, db);
    }
    journal = {};
    if (db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;") != SQLITE_OK)
        return sqliteError(ErrorCode::StoreCannotOpen, file, db);

    // quick_check reads every page: ~2 ms per MB. On a small store it runs at every open;
    // on a large one it would make opening grow with the store (and the host's start-up
    // with it), so there opening only reads the schema, and the full check happens on the
    // daily backup, whose copy is verified page by page (store_recovery.cpp).
    std::error_code sizeError;
    const auto bytes = std::filesystem::file_size(file, sizeError);
    const char* check = !sizeError && bytes > kQuickCheckAtOpenBytes ? "SELECT count(*) FROM sqlite_schema"
                                                                    : "PRAGMA quick_check";
    {
        sqlite::Statement verify(db, check);
        rc = verify.step();
        if (rc != SQLITE_ROW)
            return sqliteError(ErrorCode::StoreDamaged, file, db);
        if (check[0] == 'P' && verify.columnText(0) != "ok")
            return Error{ErrorCode::StoreDamaged, fileName, verify.columnText(0)};
    }

    int version = 0;
    if (readUserVersion(db, version) != SQLITE_OK)
        return sqliteError(ErrorCode::StoreDamaged, file, db);
    if (version > kSchemaVersion)
        return Error{ErrorCode::StoreTooNew, fileName, "user_version " + std::to_string(version)};
    if (version < kSchemaVersion) {
        sqlite::WriteTransaction transaction(db);
        if (!transaction.begun())
            return sqliteError(ErrorCode::StoreCannotOpen, file, db);
        // Re-read inside the write lock: another process may have migrated meanwhile.
        if (readUserVersion(db, version) != SQLITE_OK)
            return sqliteError(ErrorCode::StoreDamaged, file, db);
        for (int step = version; step < kSchemaVersion; ++step) {
            if (db.exec(kMigrationSteps[step]) != SQLITE_OK)
                return sqliteError(ErrorCode::StoreWriteFailed, file, db);
        }
        const std::string setVersion = "PRAGMA user_version=" + std::to_string(kSchemaVersion);
        if (db.exec(setVersion.c_str()) != SQLITE_OK || transaction.commit() != SQLITE_OK)
            return sqliteError(ErrorCode::StoreWriteFailed, file, db);
    }
    return Store(file, std::move(db));
}

sqlite::Statement& Store::cached(const char* sql)
{
    // Keyed by the literal's address: every caller passes a string literal from this file.
    auto& slot = statements_[sql];
    if (!slot)
        slot = std::make_unique<sqlite::Statement>(db_, sql);
    return *slot;
}

Error Store::writeError() const { return sqliteError(ErrorCode::StoreWriteFailed, file_, db_); }

Result<std::optional<Checklist>> Store::checklistFor(const std::string& document_path)
{
    sqlite::Statement& header = cached("SELECT d.id, c.template_key, c.revision_rounds_agreed, c.revision_rounds_used, "
                                       "c.update_every_days, c.next_update_due, c.deadline FROM documents d "
                                       "JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
    sqlite::Statement::Scope resetHeader(header);
    header.bind(1, document_path);
    int rc = header.step();
    if (rc == SQLITE_DONE)
        return std::optional<Checklist>();
    if (rc != SQLITE_ROW)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);

    Checklist checklist;
    checklist.document_id = header.columnInt(0);
    checklist.document_path = document_path;
    checklist.template_key = header.columnText(1);
    if (!header.columnIsNull(2))
        checklist.revision_rounds_agreed = static_cast<int>(header.columnInt(2));
    checklist.revision_rounds_used = static_cast<int>(header.columnInt(3));
    if (!header.columnIsNull(4))
        checklist.update_every_days = static_cast<int>(header.columnInt(4));
    checklist.next_update_due = header.columnText(5);
    checklist.deadline = header.columnText(6);

    sqlite::Statement& sections = cached("SELECT section_id, position, template_key, section_key, custom_title "
                                         "FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
    sqlite::Statement::Scope resetSections(sections);
    sections.bind(1, checklist.document_id);
    while ((rc = sections.step()) == SQLITE_ROW) {
        checklist.sections.push_back(ChecklistSection{sections.columnInt(0), sections.columnInt(1),
                                                      sections.columnText(2), sections.columnText(3),
                                                      sections.columnText(4)});
    }
    if (rc != SQLITE_DONE)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);

    // Items come in section order, then by position: the order the sidebar shows them. The
    // columns are kItemColumns, prefixed, so that readItemRow() reads them.
    sqlite::Statement& items = cached("SELECT i.item_id, i.position, i.template_key, i.item_key, i.custom_text, i.status, "
                                      "i.section_id, i.status_reason, i.status_since, i.due, i.owner, i.note, i.internal "
                                      "FROM items i LEFT JOIN sections s "
                                      "ON s.document_id = i.document_id AND s.section_id = i.section_id "
                                      "WHERE i.document_id = ?1 ORDER BY s.position, i.position, i.item_id");
    sqlite::Statement::Scope resetItems(items);
    items.bind(1, checklist.document_id);
    while ((rc = items.step()) == SQLITE_ROW)
        checklist.items.push_back(readItemRow(items));
    if (rc != SQLITE_DONE)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    return std::optional<Checklist>(std::move(checklist));
}

Result<Checklist> Store::attach(const std::string& document_path, const std::string& template_key,
                                const std::vector<NewItem>& items)
{
    if (document_path.empty())
        return Error{ErrorCode::InvalidArgument, document_path, "empty document path"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();

    const std::int64_t now = nowSeconds();
    sqlite::Statement upsertDocument(db_, "INSERT INTO documents(path, created_at, fingerprint) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT(path) DO UPDATE SET fingerprint = excluded.fingerprint RETURNING id");
    upsertDocument.bind(1, document_path);
    upsertDocument.bind(2, now);
    upsertDocument.bind(3, documentFingerprint(document_path));
    if (upsertDocument.step() != SQLITE_ROW)
        return writeError();
    const std::int64_t documentId = upsertDocument.columnInt(0);
    upsertDocument.reset();

    sqlite::Statement insertChecklist(db_, "INSERT INTO checklists(document_id, template_key, created_at) "
                                           "VALUES (?1, ?2, ?3)");
    insertChecklist.bind(1, documentId);
    insertChecklist.bind(2, template_key);
    insertChecklist.bind(3, now);
    if (insertChecklist.run() != SQLITE_DONE) {
        if ((sqlite3_extended_errcode(db_.get())) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::InvalidArgument, document_path, "a checklist is already attached"};
        return writeError();
    }

    if (!insertNewItems(documentId, items))
        return writeError();
    if (!record(documentId, 0, "attached", {}, template_key, now))
        return writeError();
    if (transaction.commit() != SQLITE_OK)
        return writeError();

    auto attached = checklistFor(document_path);
    if (!attached)
        return attached.error();
    return std::move(*attached.value());
}

bool Store::insertNewItems(std::int64_t document_id, const std::vector<NewItem>& items)
{
    sqlite::Statement next(db_, "SELECT (SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                                "(SELECT IFNULL(MAX(position), 0) FROM sections WHERE document_id = ?1), "
                                "(SELECT IFNULL(MAX(item_id), 0) FROM items WHERE document_id = ?1)");
    next.bind(1, document_id);
    if (next.step() != SQLITE_ROW)
        return false;
    std::int64_t sectionId = next.columnInt(0);
    std::int64_t sectionPosition = next.columnInt(1);
    std::int64_t nextId = next.columnInt(2) + 1;
    next.reset();

    sqlite::Statement insertSection(db_, "INSERT INTO sections(document_id, section_id, position, template_key, "
                                         "section_key) VALUES (?1, ?2, ?3, ?4, ?5)");
    sqlite::Statement insertItem(db_, "INSERT INTO items(document_id, item_id, position, template_key, item_key, "
                                      "custom_text, section_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bool first = true;
    std::string templateKey;
    std::string sectionKey;
    std::int64_t position = 0;
    for (const NewItem& item : items) {
        // Two templates may both have a "scope" section: the pair tells them apart.
        if (first || item.section_key != sectionKey || item.template_key != templateKey) {
            first = false;
            ++sectionId;
            ++sectionPosition;
            position = 0;
            sectionKey = item.section_key;
            templateKey = item.template_key;
            sqlite::Statement::Scope resetSection(insertSection);
            insertSection.bind(1, document_id);
            insertSection.bind(2, sectionId);
            insertSection.bind(3, sectionPosition);
            insertSection.bind(4, item.template_key);
            insertSection.bind(5, item.section_key);
            if (insertSection.run() != SQLITE_DONE)
                return false;
        }
        sqlite::Statement::Scope resetAfter(insertItem);
        insertItem.bind(1, document_id);
        insertItem.bind(2, nextId);
        insertItem.bind(3, ++position);
        insertItem.bind(4, item.template_key);
        insertItem.bind(5, item.item_key);
        insertItem.bind(6, item.custom_text);
        insertItem.bind(7, sectionId);
        if (insertItem.run() != SQLITE_DONE)
            return false;
        ++nextId;
    }
    return true;
}

Status Store::setDone(std::int64_t document_id, std::int64_t item_id, bool done)
{
    return setStatus(document_id, item_id, done ? ItemStatus::Done : ItemStatus::ToDo, {}, nowSeconds());
}

bool Store::record(std::int64_t document_id, std::int64_t item_id, const char* field, const std::string& old_value,
                   const std::string& new_value, std::int64_t at)
{
    sqlite::Statement& append = cached("INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value) "
                                       "VALUES (?1, (SELECT IFNULL(MAX(sequence), 0) + 1 FROM history WHERE document_id = ?1), "
                                       "?2, ?3, ?4, ?5, ?6)");
    sqlite::Statement::Scope resetAppend(append);
    append.bind(1, document_id);
    append.bind(2, at);
    append.bind(3, item_id);
    append.bind(4, std::string_view(field));
    append.bind(5, old_value);
    append.bind(6, new_value);
    return append.run() == SQLITE_DONE;
}

Status Store::setStatus(std::int64_t document_id, std::int64_t item_id, ItemStatus status, const std::string& reason,
                        std::int64_t now)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement& current = cached("SELECT status, status_reason FROM items WHERE document_id = ?1 AND item_id = ?2");
    sqlite::Statement::Scope resetCurrent(current);
    current.bind(1, document_id);
    current.bind(2, item_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    const auto before = static_cast<ItemStatus>(current.columnInt(0));
    const std::string beforeReason = current.columnText(1);
    current.reset();
    const bool keepsReason = status == ItemStatus::WaitingOnClient || status == ItemStatus::Blocked;
    const std::string newReason = keepsReason ? reason : std::string();
    if (before == status && beforeReason == newReason)
        return {}; // nothing changed, nothing to record

    sqlite::Statement& update = cached("UPDATE items SET status = ?3, done = ?4, status_reason = ?5, "
                                       "status_since = CASE WHEN status = ?3 THEN status_since ELSE ?6 END "
                                       "WHERE document_id = ?1 AND item_id = ?2");
    sqlite::Statement::Scope resetUpdate(update);
    update.bind(1, document_id);
    update.bind(2, item_id);
    update.bind(3, static_cast<std::int64_t>(status));
    update.bind(4, std::int64_t{status == ItemStatus::Done ? 1 : 0});
    update.bind(5, newReason);
    update.bind(6, now);
    if (update.run() != SQLITE_DONE)
        return writeError();
    if (!record(document_id, item_id, "status", std::string(statusKeyword(before)), std::string(statusKeyword(status)), now))
        return writeError();
    if (newReason != beforeReason && !record(document_id, item_id, "reason", beforeReason, newReason, now))
        return writeError();
    if (transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Status Store::changeItem(std::int64_t document_id, std::int64_t item_id, const char* column, const char* field,
                         const std::string& value)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    // Column names come from this file only, never from a caller's text.
    sqlite::Statement current(db_, std::string("SELECT CAST(") + column +
                                       " AS TEXT) FROM items WHERE document_id = ?1 AND item_id = ?2");
    current.bind(1, document_id);
    current.bind(2, item_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    const std::string before = current.columnText(0);
    current.reset();
    if (before == value)
        return {};
    sqlite::Statement update(db_, std::string("UPDATE items SET ") + column +
                                      " = ?3 WHERE document_id = ?1 AND item_id = ?2");
    update.bind(1, document_id);
    update.bind(2, item_id);
    update.bind(3, value);
    if (update.run() != SQLITE_DONE || !record(document_id, item_id, field, before, value, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Status Store::changeChecklist(std::int64_t document_id, const char* column, const char* field,
                              const std::optional<std::string>& value)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement current(db_, std::string("SELECT CAST(") + column +
                                       " AS TEXT) FROM checklists WHERE document_id = ?1");
    current.bind(1, document_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    const std::string before = current.columnText(0);
    current.reset();
    if (before == value.value_or(std::string()))
        return {};
    sqlite::Statement update(db_, std::string("UPDATE checklists SET ") + column + " = ?2 WHERE document_id = ?1");
    update.bind(1, document_id);
    if (value)
        update.bind(2, *value);
    else
        update.bindNull(2);
    if (update.run() != SQLITE_DONE ||
        !record(document_id, 0, field, before, value.value_or(std::string()), nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

namespace {

std::optional<std::string> optionalNumber(std::optional<int> value)
{
    return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

} // namespace

Status Store::setDue(std::int64_t document_id, std::int64_t item_id, const std::string& due)
{
    if (!isDateOrEmpty(due))
        return Error{ErrorCode::InvalidArgument, due, "expected a date written YYYY-MM-DD"};
    return changeItem(document_id, item_id, "due", "due", due);
}

Status Store::setOwner(std::int64_t document_id, std::int64_t item_id, Owner owner)
{
    return changeItem(document_id, item_id, "owner", "owner", owner == Owner::Client ? "1" : "0");
}

Status Store::setNote(std::int64_t document_id, std::int64_t item_id, const std::string& note)
{
    return changeItem(document_id, item_id, "note", "note", note);
}

Status Store::setInternal(std::int64_t document_id, std::int64_t item_id, bool internal)
{
    return changeItem(document_id, item_id, "internal", "internal", internal ? "1" : "0");
}

Status Store::setRevisionRounds(std::int64_t document_id, std::optional<int> agreed, int used)
{
    if (used < 0 || (agreed && *agreed < 0))
        return Error{ErrorCode::InvalidArgument, std::to_string(used), "revision rounds cannot be negative"};
    if (Status status = changeChecklist(document_id, "revision_rounds_agreed", "revision_rounds_agreed",
                                        optionalNumber(agreed));
        !status)
        return status;
    return changeChecklist(document_id, "revision_rounds_used", "revision_rounds_used", std::to_string(used));
}

Status Store::setUpdateRhythm(std::int64_t document_id, std::optional<int> every_days, const std::string& next_due)
{
    if (!isDateOrEmpty(next_due))
        return Error{ErrorCode::InvalidArgument, next_due, "expected a date written YYYY-MM-DD"};
    if (every_days && *every_days <= 0)
        return Error{ErrorCode::InvalidArgument, std::to_string(*every_days), "the rhythm is a number of days"};
    if (Status status = changeChecklist(document_id, "update_every_days", "update_every_days", optionalNumber(every_days));
        !status)
        return status;
    return changeChecklist(document_id, "next_update_due", "next_update_due", next_due);
}

Status Store::setDeadline(std::int64_t document_id, const std::string& deadline)
{
    if (!isDateOrEmpty(deadline))
        return Error{ErrorCode::InvalidArgument, deadline, "expected a date written YYYY-MM-DD"};
    return changeChecklist(document_id, "deadline", "deadline", deadline);
}

Result<std::int64_t> Store::addCustomItem(std::int64_t document_id, std::int64_t section_id, const std::string& text)
{
    if (text.empty())
        return Error{ErrorCode::InvalidArgument, text, "an item needs a text"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement next(db_, "SELECT IFNULL(MAX(item_id), 0) + 1, IFNULL(MAX(position), 0) + 1, "
                                "(SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                                "(SELECT COUNT(*) FROM checklists WHERE document_id = ?1) "
                                "FROM items WHERE document_id = ?1");
    next.bind(1, document_id);
    if (next.step() != SQLITE_ROW)
        return writeError();
    const std::int64_t itemId = next.columnInt(0);
    const std::int64_t position = next.columnInt(1);
    std::int64_t section = section_id != 0 ? section_id : next.columnInt(2);
    if (next.columnInt(3) == 0)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    next.reset();
    if (section_id != 0) {
        sqlite::Statement exists(db_, "SELECT 1 FROM sections WHERE document_id = ?1 AND section_id = ?2");
        exists.bind(1, document_id);
        exists.bind(2, section_id);
        if (exists.step() != SQLITE_ROW)
            return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    }
    if (section == 0) {
        // A checklist without sections gets one for the user's own items.
        sqlite::Statement create(db_, "INSERT INTO sections(document_id, section_id, position) VALUES (?1, 1, 1)");
        create.bind(1, document_id);
        if (create.run() != SQLITE_DONE)
            return writeError();
        section = 1;
    }
    sqlite::Statement insert(db_, "INSERT INTO items(document_id, item_id, position, custom_text, section_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, document_id);
    insert.bind(2, itemId);
    insert.bind(3, position);
    insert.bind(4, text);
    insert.bind(5, section);
    if (insert.run() != SQLITE_DONE)
        return writeError();
    if (!record(document_id, itemId, "item", {}, text, nowSeconds()) || transaction.commit() != SQLITE_OK)
        return writeError();
    return itemId;
}


bool Store::insertItemRow(std::int64_t document_id, const ChecklistItem& item)
{
    sqlite::Statement insert(db_, std::string("INSERT INTO items(document_id, ") + kItemColumns +
                                      ", done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    insert.bind(1, document_id);
    insert.bind(2, item.id);
    insert.bind(3, item.position);
    insert.bind(4, item.template_key);
    insert.bind(5, item.item_key);
    insert.bind(6, item.custom_text);
    insert.bind(7, static_cast<std::int64_t>(item.status));
    insert.bind(8, item.section_id);
    insert.bind(9, item.status_reason);
    if (item.status_since)
        insert.bind(10, *item.status_since);
    else
        insert.bindNull(10);
    insert.bind(11, item.due);
    insert.bind(12, std::int64_t{item.owner == Owner::Client ? 1 : 0});
    insert.bind(13, item.note);
    insert.bind(14, std::int64_t{item.internal ? 1 : 0});
    insert.bind(15, std::int64_t{item.status == ItemStatus::Done ? 1 : 0});
    return insert.run() == SQLITE_DONE;
}

bool Store::renumber(std::int64_t document_id, const char* table, const char* id_column,
                     const std::vector<std::int64_t>& ids)
{
    // Table and column names come from this file only, never from a caller's text.
    sqlite::Statement update(db_, std::string("UPDATE ") + table + " SET position = ?3 WHERE document_id = ?1 AND " +
                                      id_column + " = ?2");
    std::int64_t position = 0;
    for (const std::int64_t id : ids) {
        sqlite::Statement::Scope reset(update);
        update.bind(1, document_id);
        update.bind(2, id);
        update.bind(3, ++position);
        if (update.run() != SQLITE_DONE)
            return false;
    }
    return true;
}

Status Store::renameItem(std::int64_t document_id, std::int64_t item_id, const std::string& text)
{
    if (text.empty())
        return Error{ErrorCode::InvalidArgument, text, "an item needs a text"};
    sqlite::Statement kind(db_, "SELECT template_key FROM items WHERE document_id = ?1 AND item_id = ?2");
    kind.bind(1, document_id);
    kind.bind(2, item_id);
    if (kind.step() != SQLITE_ROW)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    if (!kind.columnText(0).empty())
        return Error{ErrorCode::InvalidArgument, std::to_string(item_id), "a template item's text cannot be edited"};
    kind.reset();
    return changeItem(document_id, item_id, "custom_text", "text", text);
}

Status Store::moveItem(std::int64_t document_id, std::int64_t item_id, std::int64_t section_id, std::size_t index)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement current(db_, "SELECT section_id, (SELECT COUNT(*) FROM sections WHERE document_id = ?1 AND "
                                   "section_id = ?3) FROM items WHERE document_id = ?1 AND item_id = ?2");
    current.bind(1, document_id);
    current.bind(2, item_id);
    current.bind(3, section_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    const std::int64_t fromSection = current.columnInt(0);
    if (current.columnInt(1) == 0)
        return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    current.reset();

    std::vector<std::int64_t> order;
    std::size_t before = 0;
    sqlite::Statement siblings(db_, "SELECT item_id FROM items WHERE document_id = ?1 AND section_id = ?2 "
                                    "ORDER BY position, item_id");
    siblings.bind(1, document_id);
    siblings.bind(2, section_id);
    while (siblings.step() == SQLITE_ROW) {
        if (siblings.columnInt(0) == item_id)
            before = order.size();
        else
            order.push_back(siblings.columnInt(0));
    }
    siblings.reset();
    index = std::min(index, order.size());
    if (fromSection == section_id && before == index)
        return {}; // already there
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(index), item_id);
    sqlite::Statement setSection(db_, "UPDATE items SET section_id = ?3 WHERE document_id = ?1 AND item_id = ?2");
    setSection.bind(1, document_id);
    setSection.bind(2, item_id);
    setSection.bind(3, section_id);
    if (setSection.run() != SQLITE_DONE || !renumber(document_id, "items", "item_id", order) ||
        !record(document_id, item_id, "moved", std::to_string(fromSection) + ":" + std::to_string(before),
                std::to_string(section_id) + ":" + std::to_string(index), nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<ChecklistItem> Store::deleteItem(std::int64_t document_id, std::int64_t item_id)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement read(db_, std::string("SELECT ") + kItemColumns +
                                    " FROM items WHERE document_id = ?1 AND item_id = ?2");
    read.bind(1, document_id);
    read.bind(2, item_id);
    if (read.step() != SQLITE_ROW)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    ChecklistItem deleted = readItemRow(read);
    read.reset();
    sqlite::Statement erase(db_, "DELETE FROM items WHERE document_id = ?1 AND item_id = ?2");
    erase.bind(1, document_id);
    erase.bind(2, item_id);
    const std::string what = deleted.template_key.empty() ? deleted.custom_text
                                                          : deleted.template_key + "/" + deleted.item_key;
    if (erase.run() != SQLITE_DONE || !record(document_id, item_id, "deleted", what, {}, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return deleted;
}

Status Store::restoreItem(std::int64_t document_id, const ChecklistItem& item)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement section(db_, "SELECT 1 FROM sections WHERE document_id = ?1 AND section_id = ?2");
    section.bind(1, document_id);
    section.bind(2, item.section_id);
    if (section.step() != SQLITE_ROW)
        return Error{ErrorCode::InvalidArgument, std::to_string(item.section_id), "no such section"};
    section.reset();
    const std::string what = item.template_key.empty() ? item.custom_text : item.template_key + "/" + item.item_key;
    if (!insertItemRow(document_id, item)) {
        if (sqlite3_extended_errcode(db_.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::InvalidArgument, std::to_string(item.id), "the item exists"};
        return writeError();
    }
    if (!record(document_id, item.id, "restored", {}, what, nowSeconds()) || transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<std::int64_t> Store::addSection(std::int64_t document_id, const std::string& title)
{
    if (title.empty())
        return Error{ErrorCode::InvalidArgument, title, "a section needs a title"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement next(db_, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                                "IFNULL(MAX(section_id), 0) + 1, IFNULL(MAX(position), 0) + 1 "
                                "FROM sections WHERE document_id = ?1");
    next.bind(1, document_id);
    if (next.step() != SQLITE_ROW)
        return writeError();
    if (next.columnInt(0) == 0)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    const std::int64_t sectionId = next.columnInt(1);
    const std::int64_t position = next.columnInt(2);
    next.reset();
    sqlite::Statement insert(db_, "INSERT INTO sections(document_id, section_id, position, custom_title) "
                                  "VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, document_id);
    insert.bind(2, sectionId);
    insert.bind(3, position);
    insert.bind(4, title);
    if (insert.run() != SQLITE_DONE || !record(document_id, 0, "section", {}, title, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return sectionId;
}

Status Store::renameSection(std::int64_t document_id, std::int64_t section_id, const std::string& title)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement current(db_, "SELECT custom_title FROM sections WHERE document_id = ?1 AND section_id = ?2");
    current.bind(1, document_id);
    current.bind(2, section_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    const std::string before = current.columnText(0);
    current.reset();
    if (before == title)
        return {};
    sqlite::Statement update(db_, "UPDATE sections SET custom_title = ?3 WHERE document_id = ?1 AND section_id = ?2");
    update.bind(1, document_id);
    update.bind(2, section_id);
    update.bind(3, title);
    if (update.run() != SQLITE_DONE || !record(document_id, 0, "section-title", before, title, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Status Store::moveSection(std::int64_t document_id, std::int64_t section_id, std::size_t index)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    std::vector<std::int64_t> order;
    std::optional<std::size_t> before;
    sqlite::Statement sections(db_, "SELECT section_id FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
    sections.bind(1, document_id);
    while (sections.step() == SQLITE_ROW) {
        if (sections.columnInt(0) == section_id)
            before = order.size();
        else
            order.push_back(sections.columnInt(0));
    }
    sections.reset();
    if (!before)
        return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    index = std::min(index, order.size());
    if (*before == index)
        return {};
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(index), section_id);
    if (!renumber(document_id, "sections", "section_id", order) ||
        !record(document_id, 0, "section-moved", std::to_string(section_id) + ":" + std::to_string(*before),
                std::to_string(section_id) + ":" + std::to_string(index), nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<Store::DeletedSection> Store::deleteSection(std::int64_t document_id, std::int64_t section_id)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    DeletedSection deleted;
    sqlite::Statement section(db_, "SELECT section_id, position, template_key, section_key, custom_title "
                                   "FROM sections WHERE document_id = ?1 AND section_id = ?2");
    section.bind(1, document_id);
    section.bind(2, section_id);
    if (section.step() != SQLITE_ROW)
        return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    deleted.section = ChecklistSection{section.columnInt(0), section.columnInt(1), section.columnText(2),
                                       section.columnText(3), section.columnText(4)};
    section.reset();
    sqlite::Statement items(db_, std::string("SELECT ") + kItemColumns +
                                     " FROM items WHERE document_id = ?1 AND section_id = ?2 ORDER BY position, item_id");
    items.bind(1, document_id);
    items.bind(2, section_id);
    while (items.step() == SQLITE_ROW)
        deleted.items.push_back(readItemRow(items));
    items.reset();
    sqlite::Statement eraseItems(db_, "DELETE FROM items WHERE document_id = ?1 AND section_id = ?2");
    eraseItems.bind(1, document_id);
    eraseItems.bind(2, section_id);
    sqlite::Statement eraseSection(db_, "DELETE FROM sections WHERE document_id = ?1 AND section_id = ?2");
    eraseSection.bind(1, document_id);
    eraseSection.bind(2, section_id);
    const std::string what = deleted.section.custom_title.empty()
                                 ? deleted.section.template_key + "/" + deleted.section.section_key
                                 : deleted.section.custom_title;
    if (eraseItems.run() != SQLITE_DONE || eraseSection.run() != SQLITE_DONE ||
        !record(document_id, 0, "section-deleted", what, std::to_string(deleted.items.size()) + " items", nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return deleted;
}

Status Store::restoreSection(std::int64_t document_id, const DeletedSection& deleted)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement insert(db_, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                                  "custom_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, document_id);
    insert.bind(2, deleted.section.id);
    insert.bind(3, deleted.section.position);
    insert.bind(4, deleted.section.template_key);
    insert.bind(5, deleted.section.section_key);
    insert.bind(6, deleted.section.custom_title);
    if (insert.run() != SQLITE_DONE) {
        if (sqlite3_extended_errcode(db_.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::InvalidArgument, std::to_string(deleted.section.id), "the section exists"};
        if (sqlite3_extended_errcode(db_.get()) == SQLITE_CONSTRAINT_FOREIGNKEY)
            return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
        return writeError();
    }
    for (const ChecklistItem& item : deleted.items)
        if (!insertItemRow(document_id, item))
            return writeError();
    if (!record(document_id, 0, "section-restored", {}, std::to_string(deleted.items.size()) + " items", nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Status Store::addTemplateItems(std::int64_t document_id, const std::vector<NewItem>& items)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement exists(db_, "SELECT 1 FROM checklists WHERE document_id = ?1");
    exists.bind(1, document_id);
    if (exists.step() != SQLITE_ROW)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    exists.reset();
    const std::string what = items.empty() ? std::string() : items.front().template_key;
    if (!insertNewItems(document_id, items) || !record(document_id, 0, "template-added", {}, what, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Status Store::renameDocument(const std::string& old_path, const std::string& new_path)
{
    sqlite::Statement find(db_, "SELECT id FROM documents WHERE path = ?1");
    find.bind(1, old_path);
    const int rc = find.step();
    if (rc == SQLITE_DONE)
        return {}; // nothing attached to the old name: nothing to carry
    if (rc != SQLITE_ROW)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    const std::int64_t documentId = find.columnInt(0);
    find.reset();
    return reattach(documentId, new_path);
}

Status Store::reattach(std::int64_t document_id, const std::string& new_path)
{
    if (new_path.empty())
        return Error{ErrorCode::InvalidArgument, new_path, "empty document path"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement current(db_, "SELECT path FROM documents WHERE id = ?1");
    current.bind(1, document_id);
    if (current.step() != SQLITE_ROW)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    const std::string oldPath = current.columnText(0);
    current.reset();
    if (oldPath == new_path)
        return {};
    // Another checklist already lives at the new path: never overwrite it.
    sqlite::Statement occupied(db_, "SELECT d.id, c.document_id IS NOT NULL FROM documents d "
                                    "LEFT JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
    occupied.bind(1, new_path);
    if (occupied.step() == SQLITE_ROW) {
        if (occupied.columnInt(1) != 0)
            return Error{ErrorCode::InvalidArgument, new_path, "another checklist is already attached there"};
        sqlite::Statement drop(db_, "DELETE FROM documents WHERE id = ?1");
        drop.bind(1, occupied.columnInt(0));
        occupied.reset();
        if (drop.run() != SQLITE_DONE)
            return writeError();
    }
    occupied.reset();
    sqlite::Statement move(db_, "UPDATE documents SET path = ?2 WHERE id = ?1");
    move.bind(1, document_id);
    move.bind(2, new_path);
    if (move.run() != SQLITE_DONE || !record(document_id, 0, "path", oldPath, new_path, nowSeconds()) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

std::string documentFingerprint(const std::filesystem::path& file)
{
    // FNV-1a over the size and the first and last 64 KiB: cheap on any file, and the
    // same for a file that was only moved or renamed.
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!in || ec || size == 0)
        return {};
    std::uint64_t hash = 1469598103934665603ULL;
    auto mix = [&](const char* data, std::size_t length) {
        for (std::size_t i = 0; i < length; ++i) {
            hash ^= static_cast<unsigned char>(data[i]);
            hash *= 1099511628211ULL;
        }
    };
    const std::string sizeText = std::to_string(size);
    mix(sizeText.data(), sizeText.size());
    constexpr std::uintmax_t window = 64 * 1024;
    std::string buffer(static_cast<std::size_t>(std::min(size, window)), '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    mix(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (size > window) {
        in.seekg(static_cast<std::streamoff>(size - std::min(size - window, window)));
        in.read(buffer.data(), static_cast<std::streamsize>(std::min(size - window, window)));
        mix(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

Status Store::updateFingerprint(const std::string& document_path)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement update(db_, "UPDATE documents SET fingerprint = ?2 WHERE path = ?1");
    update.bind(1, document_path);
    update.bind(2, documentFingerprint(document_path));
    if (update.run() != SQLITE_DONE || transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<std::optional<std::string>> Store::relinkByFingerprint(const std::string& new_path)
{
    const std::string fingerprint = documentFingerprint(new_path);
    if (fingerprint.empty())
        return std::optional<std::string>();
    sqlite::Statement candidates(db_, "SELECT d.id, d.path FROM documents d JOIN checklists c ON c.document_id = d.id "
                                      "WHERE d.fingerprint = ?1 AND d.path <> ?2");
    candidates.bind(1, fingerprint);
    candidates.bind(2, new_path);
    std::vector<Orphan> gone;
    while (candidates.step() == SQLITE_ROW) {
        std::string path = candidates.columnText(1);
        std::error_code ec;
        if (!std::filesystem::exists(std::filesystem::path(path), ec) && !ec)
            gone.push_back(Orphan{candidates.columnInt(0), std::move(path)});
    }
    candidates.reset();
    // Only an unambiguous match is re-linked; two candidates are for the user to choose.
    if (gone.size() != 1)
        return std::optional<std::string>();
    if (Status moved = reattach(gone.front().document_id, new_path); !moved)
        return moved.error();
    return std::optional<std::string>(gone.front().path);
}

Result<std::vector<Store::Orphan>> Store::orphans()
{
    sqlite::Statement query(db_, "SELECT d.id, d.path FROM documents d JOIN checklists c ON c.document_id = d.id "
                                 "ORDER BY d.path");
    std::vector<Orphan> found;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        std::error_code ec;
        std::string path = query.columnText(1);
        if (!std::filesystem::exists(std::filesystem::path(path), ec) && !ec)
            found.push_back(Orphan{query.columnInt(0), std::move(path)});
    }
    if (rc != SQLITE_DONE)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    return found;
}

Status Store::importChecklist(const Checklist& checklist, const std::vector<HistoryEntry>& history)
{
    if (checklist.document_path.empty())
        return Error{ErrorCode::InvalidArgument, {}, "empty document path"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    const std::int64_t now = nowSeconds();
    sqlite::Statement document(db_, "INSERT INTO documents(path, created_at) VALUES (?1, ?2) "
                                    "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
    document.bind(1, checklist.document_path);
    document.bind(2, now);
    if (document.step() != SQLITE_ROW)
        return writeError();
    const std::int64_t id = document.columnInt(0);
    document.reset();

    sqlite::Statement header(db_, "INSERT INTO checklists(document_id, template_key, created_at, revision_rounds_agreed, "
                                  "revision_rounds_used, update_every_days, next_update_due, deadline) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    header.bind(1, id);
    header.bind(2, checklist.template_key);
    header.bind(3, now);
    if (checklist.revision_rounds_agreed)
        header.bind(4, std::int64_t{*checklist.revision_rounds_agreed});
    header.bind(5, std::int64_t{checklist.revision_rounds_used});
    if (checklist.update_every_days)
        header.bind(6, std::int64_t{*checklist.update_every_days});
    header.bind(7, checklist.next_update_due);
    header.bind(8, checklist.deadline);
    if (header.run() != SQLITE_DONE) {
        if (sqlite3_extended_errcode(db_.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::InvalidArgument, checklist.document_path, "a checklist is already attached"};
        return writeError();
    }
    sqlite::Statement section(db_, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                                   "custom_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& s : checklist.sections) {
        sqlite::Statement::Scope reset(section);
        section.bind(1, id);
        section.bind(2, s.id);
        section.bind(3, s.position);
        section.bind(4, s.template_key);
        section.bind(5, s.section_key);
        section.bind(6, s.custom_title);
        if (section.run() != SQLITE_DONE)
            return Error{ErrorCode::InvalidArgument, std::to_string(s.id), "duplicate or invalid section"};
    }
    sqlite::Statement item(db_, "INSERT INTO items(document_id, item_id, position, template_key, item_key, custom_text, "
                                "done, section_id, status, status_reason, status_since, due, owner, note, internal) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    for (const auto& i : checklist.items) {
        sqlite::Statement::Scope reset(item);
        item.bind(1, id);
        item.bind(2, i.id);
        item.bind(3, i.position);
        item.bind(4, i.template_key);
        item.bind(5, i.item_key);
        item.bind(6, i.custom_text);
        item.bind(7, std::int64_t{i.status == ItemStatus::Done ? 1 : 0});
        item.bind(8, i.section_id);
        item.bind(9, static_cast<std::int64_t>(i.status));
        item.bind(10, i.status_reason);
        if (i.status_since)
            item.bind(11, *i.status_since);
        item.bind(12, i.due);
        item.bind(13, std::int64_t{i.owner == Owner::Client ? 1 : 0});
        item.bind(14, i.note);
        item.bind(15, std::int64_t{i.internal ? 1 : 0});
        if (item.run() != SQLITE_DONE)
            return Error{ErrorCode::InvalidArgument, std::to_string(i.id), "duplicate or invalid item"};
    }
    sqlite::Statement change(db_, "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const auto& h : history) {
        sqlite::Statement::Scope reset(change);
        change.bind(1, id);
        change.bind(2, h.sequence);
        change.bind(3, h.at);
        change.bind(4, h.item_id);
        change.bind(5, h.field);
        change.bind(6, h.old_value);
        change.bind(7, h.new_value);
        if (change.run() != SQLITE_DONE)
            return Error{ErrorCode::InvalidArgument, std::to_string(h.sequence), "duplicate change in the history"};
    }
    if (transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<std::vector<HistoryEntry>> Store::history(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT sequence, at, item_id, field, old_value, new_value FROM history "
                                 "WHERE document_id = ?1 ORDER BY sequence");
    query.bind(1, document_id);
    std::vector<HistoryEntry> entries;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        entries.push_back(HistoryEntry{query.columnInt(0), query.columnInt(1), query.columnInt(2), query.columnText(3),
                                       query.columnText(4), query.columnText(5)});
    }
    if (rc != SQLITE_DONE)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    return entries;
}

std::filesystem::path defaultStoreFile()
{
    std::filesystem::path dir;
    if (const char* explicitDir = std::getenv("RAPPORT_DATA_DIR"); explicitDir && *explicitDir)
        dir = explicitDir;
    else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        dir = std::filesystem::path(xdg) / "rapport";
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = std::filesystem::path(home) / ".local" / "share" / "rapport";
    else
        dir = std::filesystem::temp_directory_path() / "rapport";
    return dir / "rapport.sqlite3";
}

std::string canonicalDocumentPath(const std::string& utf8_path)
{
    if (utf8_path.empty())
        return {};
    std::error_code ec;
    std::filesystem::path path(utf8_path);
    auto absolute = std::filesystem::absolute(path, ec);
    if (ec)
        absolute = path;
    auto canonical = std::filesystem::weakly_canonical(absolute, ec);
    if (ec)
        canonical = absolute.lexically_normal();
    std::string result = canonical.string();
    while (result.size() > 1 && result.back() == '/')
        result.pop_back();
    return result;
}

Result<std::int64_t> Store::saveReport(std::int64_t document_id, const StoredReport& report)
{
    if (report.language_code.empty() || report.format.empty())
        return Error{ErrorCode::InvalidArgument, report.format, "a report needs a language and a format"};
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement next(db_, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                                "(SELECT IFNULL(MAX(report_id), 0) + 1 FROM reports WHERE document_id = ?1)");
    next.bind(1, document_id);
    if (next.step() != SQLITE_ROW)
        return writeError();
    if (next.columnInt(0) == 0)
        return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
    const std::int64_t reportId = next.columnInt(1);
    next.reset();
    const std::int64_t madeAt = report.made_at != 0 ? report.made_at : nowSeconds();
    sqlite::Statement insert(db_, "INSERT INTO reports(document_id, report_id, made_at, language, format, content_xml) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, document_id);
    insert.bind(2, reportId);
    insert.bind(3, madeAt);
    insert.bind(4, report.language_code);
    insert.bind(5, report.format);
    insert.bind(6, report.content_xml);
    if (insert.run() != SQLITE_DONE ||
        !record(document_id, 0, "report", {},
                std::to_string(reportId) + " " + report.format + " " + report.language_code, madeAt) ||
        transaction.commit() != SQLITE_OK)
        return writeError();
    return reportId;
}

Result<std::vector<Store::StoredReport>> Store::reports(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT report_id, made_at, language, format, content_xml FROM reports "
                                 "WHERE document_id = ?1 ORDER BY made_at DESC, report_id DESC");
    query.bind(1, document_id);
    std::vector<StoredReport> found;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        found.push_back(StoredReport{query.columnInt(0), query.columnInt(1), query.columnText(2), query.columnText(3),
                                     query.columnText(4)});
    }
    if (rc != SQLITE_DONE)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    return found;
}

Result<std::optional<std::string>> Store::lastReportLanguage(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT language FROM reports WHERE document_id = ?1 "
                                 "ORDER BY made_at DESC, report_id DESC LIMIT 1");
    query.bind(1, document_id);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<std::string>();
    if (rc != SQLITE_ROW)
        return sqliteError(ErrorCode::StoreDamaged, file_, db_);
    return std::optional<std::string>(query.columnText(0));
}

} // namespace rapport
