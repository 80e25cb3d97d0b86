#include "store.h"

#include <sqlite3.h>

#include <chrono>
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
};
static_assert(std::size(kMigrationSteps) == Store::kSchemaVersion, "one migration step per schema version");

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

    {
        sqlite::Statement check(db, "PRAGMA quick_check");
        rc = check.step();
        if (rc != SQLITE_ROW)
            return sqliteError(ErrorCode::StoreDamaged, file, db);
        if (check.columnText(0) != "ok")
            return Error{ErrorCode::StoreDamaged, fileName, check.columnText(0)};
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

Error Store::writeError() const { return sqliteError(ErrorCode::StoreWriteFailed, file_, db_); }

Result<std::optional<Checklist>> Store::checklistFor(const std::string& document_path)
{
    sqlite::Statement header(db_, "SELECT d.id, c.template_key FROM documents d "
                                  "JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
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

    sqlite::Statement items(db_, "SELECT item_id, position, template_key, item_key, custom_text, done "
                                 "FROM items WHERE document_id = ?1 ORDER BY position, item_id");
    items.bind(1, checklist.document_id);
    while ((rc = items.step()) == SQLITE_ROW) {
        checklist.items.push_back(ChecklistItem{items.columnInt(0), items.columnInt(1), items.columnText(2),
                                                items.columnText(3), items.columnText(4), items.columnInt(5) != 0});
    }
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
    sqlite::Statement upsertDocument(db_, "INSERT INTO documents(path, created_at) VALUES (?1, ?2) "
                                          "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
    upsertDocument.bind(1, document_path);
    upsertDocument.bind(2, now);
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

    sqlite::Statement insertItem(db_, "INSERT INTO items(document_id, item_id, position, template_key, item_key, "
                                      "custom_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    std::int64_t nextId = 1;
    for (const NewItem& item : items) {
        sqlite::Statement::Scope resetAfter(insertItem);
        insertItem.bind(1, documentId);
        insertItem.bind(2, nextId);
        insertItem.bind(3, nextId);
        insertItem.bind(4, item.template_key);
        insertItem.bind(5, item.item_key);
        insertItem.bind(6, item.custom_text);
        if (insertItem.run() != SQLITE_DONE)
            return writeError();
        ++nextId;
    }
    if (transaction.commit() != SQLITE_OK)
        return writeError();

    auto attached = checklistFor(document_path);
    if (!attached)
        return attached.error();
    return std::move(*attached.value());
}

Status Store::setDone(std::int64_t document_id, std::int64_t item_id, bool done)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement update(db_, "UPDATE items SET done = ?3 WHERE document_id = ?1 AND item_id = ?2");
    update.bind(1, document_id);
    update.bind(2, item_id);
    update.bind(3, std::int64_t{done ? 1 : 0});
    if (update.run() != SQLITE_DONE)
        return writeError();
    if (sqlite3_changes(db_.get()) != 1)
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    if (transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
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

} // namespace rapport
