#include "store.h"

#include "calendar.h"
#include "store_changes.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <exception>
#include <system_error>
#include <utility>

namespace rapport {

namespace {

// Stores up to this size are fully checked at every open (about 16 ms at most here).
constexpr std::uintmax_t kQuickCheckAtOpenBytes = 8 * 1024 * 1024;

Error sqliteError(ErrorCode code, const std::filesystem::path& file, const sqlite::Connection& db)
{
    return sqlite::errorOf(code, file, db);
}

// Why the store at `file` cannot be written, judged before SQLite is asked: the file,
// one of its companions or its folder refuses writing (read-only file or folder,
// read-only disk, an immutable file). nullopt when nothing does.
std::optional<std::string> readOnlyReason(const std::filesystem::path& file)
{
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
    const auto refuses = [](const std::filesystem::path& path) -> std::optional<int> {
        if (::access(path.c_str(), W_OK) == 0 || errno == ENOENT)
            return std::nullopt;
        return errno;
    };
    for (const char* suffix : {"", "-wal", "-shm"})
        if (const auto error = refuses(file.string() + suffix))
            return file.filename().string() + suffix + ": " + std::generic_category().message(*error);
    // WAL needs its -wal and -shm files beside the store, so the folder must be writable too.
    if (const auto error = refuses(folder))
        return folder.string() + ": " + std::generic_category().message(*error);
    return std::nullopt;
}

// The SQLite URI for `file` with `parameters`: every byte but unreserved ones escaped.
std::string fileUri(const std::filesystem::path& file, const char* parameters)
{
    std::error_code ec;
    const std::string path = std::filesystem::absolute(file, ec).string();
    std::string uri = "file:";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            uri += c;
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
            uri += escaped;
        }
    }
    return uri + "?" + parameters;
}

// Reads the schema and checks the pages (quick_check, when the store is small): SQLITE_OK
// or the failing code; `problem` holds quick_check's own finding.
int verifyPages(const sqlite::Connection& db, const std::filesystem::path& file, std::string& problem)
{
    // quick_check reads every page: ~2 ms per MB. On a small store it runs at every open;
    // on a large one it would make opening grow with the store (and the host's start-up
    // with it), so there opening only reads the schema, and the full check happens on the
    // daily backup, whose copy is verified page by page (store_recovery.cpp).
    std::error_code sizeError;
    const auto bytes = std::filesystem::file_size(file, sizeError);
    const char* check = !sizeError && bytes > kQuickCheckAtOpenBytes ? "SELECT count(*) FROM sqlite_schema"
                                                                    : "PRAGMA quick_check";
    sqlite::Statement verify(db, check);
    const int rc = verify.step();
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? SQLITE_ERROR : (sqlite3_errcode(db.get()) != SQLITE_OK ? sqlite3_errcode(db.get()) : rc);
    if (check[0] == 'P' && verify.columnText(0) != "ok") {
        problem = verify.columnText(0);
        return SQLITE_CORRUPT;
    }
    return SQLITE_OK;
}

// Opens an existing store only to read it, because it may not be written (`why`). A
// store in a read-only folder without its -shm file cannot even be read in WAL mode, so
// then it is opened immutable — unless a -wal file holds changes not yet in the store,
// which immutable reading would silently skip.
Result<sqlite::Connection> openForReading(const std::filesystem::path& file, const std::string& why)
{
    // Not even readable (the file or a folder on its way): that is a different situation,
    // with a different way out.
    if (::access(file.c_str(), R_OK) != 0 && (errno == EACCES || errno == EPERM))
        return Error{ErrorCode::StoreNoPermission, file.string(), std::generic_category().message(errno)};
    Error failure{ErrorCode::StoreReadOnly, file.string(), why};
    for (const char* parameters : {"mode=ro", "immutable=1"}) {
        if (parameters[0] == 'i') {
            std::error_code ec;
            const auto walBytes = std::filesystem::file_size(file.string() + "-wal", ec);
            if (!ec && walBytes > 0)
                break;
        }
        sqlite3* raw = nullptr;
        const std::string uri = fileUri(file, parameters);
        const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        sqlite::Connection db(raw);
        if (rc != SQLITE_OK)
            continue;
        sqlite3_extended_result_codes(raw, 1);
        sqlite3_busy_timeout(raw, 5000);
        std::string problem;
        const int verified = verifyPages(db, file, problem);
        if (verified == SQLITE_OK)
            return db;
        const ErrorCode code = sqlite::situationOf(verified, sqlite3_system_errno(raw), ErrorCode::StoreReadOnly);
        if (code == ErrorCode::StoreDamaged)
            return Error{ErrorCode::StoreDamaged, file.string(), problem.empty() ? db.lastError() : problem};
        if (code == ErrorCode::StoreNoPermission)
            return sqliteError(ErrorCode::StoreNoPermission, file, db);
        failure.detail = why + "; " + db.lastError();
    }
    return failure;
}

// True for the changes that may share, unshare or merge a checklist, or bring a document
// whose sharing the store has not read yet.
bool maySetSharing(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Attached:
    case ChangeKind::DocumentMoved:
    case ChangeKind::Imported:
    case ChangeKind::Shared:
    case ChangeKind::Unshared:
    case ChangeKind::Merged: return true;
    default: return false;
    }
}

} // namespace

Store::Store(std::filesystem::path file, sqlite::Connection db) : file_(std::move(file)), db_(std::move(db)) {}

Result<Store> Store::open(const std::filesystem::path& file)
{
    const std::string fileName = file.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    if (file.has_parent_path() && !exists) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return Error{ErrorCode::StoreCannotCreateDirectory, file.parent_path().string(), ec.message()};
    }
    // A store that may not be written is opened for reading, and says why (readOnly()).
    if (const auto why = readOnlyReason(file)) {
        if (!exists)
            return Error{ErrorCode::StoreReadOnly, fileName, *why}; // nothing to read, and none can be made
        auto reading = openForReading(file, *why);
        if (!reading)
            return reading.error();
        if (Status current = schema::checkCurrent(reading.value(), file); !current)
            return current.error();
        Store store(file, std::move(reading.value()));
        store.readOnly_ = Error{ErrorCode::StoreReadOnly, fileName, *why};
        return store;
    }

    sqlite3* raw = nullptr;
    const int openRc = sqlite3_open_v2(fileName.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite::Connection db(raw);
    if (openRc != SQLITE_OK) {
        const ErrorCode code =
            sqlite::situationOf(openRc, raw ? sqlite3_system_errno(raw) : 0, ErrorCode::StoreCannotOpen);
        return Error{code, fileName, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(openRc)};
    }
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
    if (db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;") != SQLITE_OK || !detail::registerPriorStatus(db))
        return sqliteError(ErrorCode::StoreCannotOpen, file, db);

    std::string problem;
    if (const int verified = verifyPages(db, file, problem); verified != SQLITE_OK) {
        if (!problem.empty())
            return Error{ErrorCode::StoreDamaged, fileName, problem};
        return sqliteError(ErrorCode::StoreDamaged, file, db);
    }

    if (Status migrated = schema::migrate(db, file); !migrated)
        return migrated.error();
    Store store(file, std::move(db));
    if (Status node = store.readNode(); !node)
        return node.error();
    // SQLite itself may have fallen back to reading only (a file it could not open for writing).
    if (sqlite3_db_readonly(store.db_.get(), "main") == 1)
        store.readOnly_ = Error{ErrorCode::StoreReadOnly, fileName, "SQLite opened the file read-only"};
    return store;
}

void Store::markReadOnly(Error why)
{
    if (!readOnly_)
        readOnly_ = std::move(why);
}

Error Store::readError() const { return sqliteError(ErrorCode::StoreDamaged, file_, db_); }

Error Store::writeError() const { return sqliteError(ErrorCode::StoreWriteFailed, file_, db_); }

Result<std::vector<std::string>> Store::documentPaths()
{
    sqlite::Statement query(db_, "SELECT d.path FROM documents d JOIN checklists c ON c.document_id = d.id");
    std::vector<std::string> paths;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW)
        paths.push_back(query.columnText(0));
    if (rc != SQLITE_DONE)
        return readError();
    return paths;
}

Result<std::optional<Checklist>> Store::checklistFor(const std::string& document_path)
{
    sqlite::Statement& header = statements_.get(db_, "SELECT d.id, c.template_key, c.revision_rounds_agreed, c.revision_rounds_used, "
                                       "c.update_every_days, c.next_update_due, c.deadline, c.client_name, c.client_language, "
                                       "c.update_rhythm FROM documents d "
                                       "JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
    sqlite::Statement::Scope resetHeader(header);
    header.bind(1, document_path);
    int rc = header.step();
    if (rc == SQLITE_DONE)
        return std::optional<Checklist>();
    if (rc != SQLITE_ROW)
        return readError();

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
    checklist.client_name = header.columnText(7);
    checklist.client_language = header.columnText(8);
    checklist.update_rhythm = header.columnText(9);

    sqlite::Statement& sections = statements_.get(db_, "SELECT section_id, position, template_key, section_key, custom_title, "
                                         "uid FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
    sqlite::Statement::Scope resetSections(sections);
    sections.bind(1, checklist.document_id);
    while ((rc = sections.step()) == SQLITE_ROW) {
        checklist.sections.push_back(ChecklistSection{sections.columnInt(0), sections.columnInt(1),
                                                      sections.columnText(2), sections.columnText(3),
                                                      sections.columnText(4), sections.columnText(5)});
    }
    if (rc != SQLITE_DONE)
        return readError();

    // Items come in section order, then by position: the order the sidebar shows them. The
    // columns are kItemColumns, prefixed, so that readItemRow() reads them.
    sqlite::Statement& items = statements_.get(db_, "SELECT i.item_id, i.position, i.template_key, i.item_key, i.custom_text, i.status, "
                                      "i.section_id, i.status_reason, i.status_since, i.due, i.owner, i.note, i.internal, "
                                      "i.uid FROM items i LEFT JOIN sections s "
                                      "ON s.document_id = i.document_id AND s.section_id = i.section_id "
                                      "WHERE i.document_id = ?1 ORDER BY s.position, i.position, i.item_id");
    sqlite::Statement::Scope resetItems(items);
    items.bind(1, checklist.document_id);
    while ((rc = items.step()) == SQLITE_ROW)
        checklist.items.push_back(detail::readItemRow(items));
    if (rc != SQLITE_DONE)
        return readError();
    return std::optional<Checklist>(std::move(checklist));
}

Result<std::vector<HistoryEntry>> Store::history(std::int64_t document_id)
{
    return historyRows("SELECT sequence, at, item_id, field, old_value, new_value, change_id, author, hlc "
                       "FROM history WHERE document_id = ?1 ORDER BY sequence",
                       document_id);
}

Result<std::vector<HistoryEntry>> Store::promiseHistory(std::int64_t document_id)
{
    return historyRows("SELECT sequence, at, item_id, field, old_value, new_value, change_id, author, hlc "
                       "FROM history WHERE document_id = ?1 AND item_id <> 0 AND field = 'status' "
                       "AND old_value = 'done' ORDER BY sequence",
                       document_id);
}

Result<std::vector<HistoryEntry>> Store::historyRows(const char* sql, std::int64_t document_id)
{
    sqlite::Statement query(db_, sql);
    query.bind(1, document_id);
    std::vector<HistoryEntry> entries;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        entries.push_back(HistoryEntry{query.columnInt(0), query.columnInt(1), query.columnInt(2), query.columnText(3),
                                       query.columnText(4), query.columnText(5), query.columnText(6),
                                       query.columnText(7), query.columnText(8)});
    }
    if (rc != SQLITE_DONE)
        return readError();
    return entries;
}

void Store::addListener(ChangeListener listener) { listeners_.push_back(std::move(listener)); }

Result<Change> Store::apply(Change change)
{
    std::vector<Change> batch;
    batch.push_back(std::move(change));
    auto applied = apply(std::move(batch));
    if (!applied)
        return applied.error();
    return std::move(applied.value().front());
}

Result<std::vector<Change>> Store::apply(std::vector<Change> batch)
{
    if (readOnly_)
        return *readOnly_; // the same explanation every time, and SQLite is not even asked
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun()) {
        Error error = writeError();
        if (error.code == ErrorCode::StoreReadOnly)
            markReadOnly(error); // it became read-only while open: say so from now on
        return error;
    }
    // Another connection (or a write outside apply()) changed the file since our last
    // commit: what we know of which checklists are shared may be out of date.
    if (!knownVersion_ || db_.dataVersion() != knownVersion_)
        sharedKnown_.clear();
    std::vector<Change> recorded;
    Status written = applyInTransaction(batch, recorded);
    if (written && transaction.commit() != SQLITE_OK)
        written = writeError();
    if (!written) {
        nextSequence_.clear(); // rolled back: the rows never took their numbers
        sharedKnown_.clear();
        knownVersion_.reset();
        if (written.error().code == ErrorCode::StoreReadOnly)
            markReadOnly(written.error());
        return written.error();
    }
    knownVersion_ = db_.dataVersion();
    if (!recorded.empty()) {
        // A listener's failure is its own: the change is committed and stays so.
        for (const ChangeListener& listener : listeners_) {
            try {
                listener(recorded);
            } catch (const std::exception&) {
            }
        }
    }
    return batch;
}

Status Store::applyInTransaction(std::vector<Change>& batch, std::vector<Change>& recorded)
{
    detail::ChangeContext context{db_, statements_, file_, 0, std::nullopt, {}, {}};
    const std::int64_t now = nowSeconds();
    for (Change& change : batch) {
        if (change.item_id == Change::kAddedInBatch) {
            if (context.added_in_batch == 0)
                return Error{ErrorCode::InvalidArgument, {}, "no item was added before in this batch"};
            change.item_id = context.added_in_batch;
        }
        if (change.at == 0)
            change.at = now;
        context.created_sections.clear();
        context.created_items.clear();
        if (maySetSharing(change.kind))
            sharedKnown_.clear(); // read again after it
        auto applied = detail::applyChange(context, change);
        if (!applied)
            return applied.error();
        if (applied.value() == detail::Applied::Unchanged)
            continue;
        if (applied.value() == detail::Applied::Changed) {
            if (Status stamped = stampAndLog(context, change); !stamped)
                return stamped;
            if (!record(change))
                return writeError();
        }
        if (applied.value() == detail::Applied::RecordedItself) {
            change.sequence = -1;
            nextSequence_.erase(change.document_id); // its rows moved the sequence on
            heard(change);
        }
        if (!listeners_.empty())
            recorded.push_back(change);
    }
    return {};
}

bool Store::record(Change& change)
{
    sqlite::Statement& append = statements_.get(
        db_, "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value, change_id, author, "
             "hlc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    // The next sequence is remembered per document, not read before every row: if another
    // process appended meanwhile, the key is taken, and the row goes in after a fresh read.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto known = nextSequence_.find(change.document_id);
        if (attempt > 0 || known == nextSequence_.end()) {
            sqlite::Statement& last =
                statements_.get(db_, "SELECT IFNULL(MAX(sequence), 0) FROM history WHERE document_id = ?1");
            sqlite::Statement::Scope resetLast(last);
            last.bind(1, change.document_id);
            if (last.step() != SQLITE_ROW)
                return false;
            nextSequence_[change.document_id] = last.columnInt(0) + 1;
        }
        sqlite::Statement::Scope resetAppend(append);
        const std::int64_t sequence = nextSequence_[change.document_id];
        append.bindAll(change.document_id, sequence, change.at,
                       isItemChange(change.kind) ? change.item_id : std::int64_t{0});
        // The texts stay where they are until the row is written: SQLite reads them in place.
        int column = 5;
        for (const std::string_view text : {changeField(change.kind), std::string_view(change.old_value),
                                            std::string_view(change.new_value), std::string_view(change.change_id),
                                            std::string_view(change.author), std::string_view(change.hlc)})
            append.bindUnowned(column++, text);
        const int rc = append.run();
        if (rc == SQLITE_DONE) {
            change.sequence = sequence;
            nextSequence_[change.document_id] = sequence + 1;
            return true;
        }
        if (rc != SQLITE_CONSTRAINT_PRIMARYKEY)
            return false;
    }
    return false;
}

} // namespace rapport
