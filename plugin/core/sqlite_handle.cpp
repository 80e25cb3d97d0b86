#include "sqlite_handle.h"

#include <sqlite3.h>

#include <cerrno>
#include <iterator>
#include <utility>

namespace rapport::sqlite {

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr))
{
    for (std::size_t i = 0; i < std::size(transaction_); ++i)
        transaction_[i] = std::exchange(other.transaction_[i], nullptr);
}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        for (std::size_t i = 0; i < std::size(transaction_); ++i)
            transaction_[i] = std::exchange(other.transaction_[i], nullptr);
    }
    return *this;
}

Connection::~Connection() { close(); }

void Connection::close() noexcept
{
    for (sqlite3_stmt*& statement : transaction_)
        sqlite3_finalize(std::exchange(statement, nullptr));
    if (db_)
        sqlite3_close_v2(std::exchange(db_, nullptr));
}

int Connection::run(Transaction which) const
{
    static constexpr const char* kSql[] = {"BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"};
    const auto index = static_cast<std::size_t>(which);
    sqlite3_stmt*& statement = transaction_[index];
    if (!statement) {
        const int rc = sqlite3_prepare_v3(db_, kSql[index], -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (rc != SQLITE_OK)
            return rc;
    }
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

std::optional<unsigned> Connection::dataVersion() const
{
    unsigned version = 0;
    if (!db_ || sqlite3_file_control(db_, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
        return std::nullopt;
    return version;
}

int Connection::exec(const char* sql) const
{
    return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
}

std::string Connection::lastError() const
{
    return db_ ? sqlite3_errmsg(db_) : "no database connection";
}

Statement::Statement(const Connection& db, std::string_view sql)
{
    sqlite3_prepare_v3(db.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                       nullptr);
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::bind(int index, std::string_view utf8)
{
    sqlite3_bind_text(stmt_, index, utf8.data(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindNull(int index) { sqlite3_bind_null(stmt_, index); }

void Statement::bindPointer(int index, void* pointer, const char* type)
{
    sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr);
}

void Statement::bindUnowned(int index, std::string_view utf8)
{
    sqlite3_bind_text(stmt_, index, utf8.data(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

int Statement::step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_MISUSE; }

int Statement::run()
{
    int rc = step();
    while (rc == SQLITE_ROW)
        rc = step();
    return rc;
}

std::int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(stmt_, column);
    const int bytes = sqlite3_column_bytes(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)) : std::string();
}

bool Statement::columnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

void Statement::reset() noexcept
{
    if (stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Statement& StatementCache::get(const Connection& db, std::string_view sql)
{
    auto found = statements_.find(sql);
    if (found == statements_.end())
        found = statements_.emplace(std::string(sql), std::make_unique<Statement>(db, sql)).first;
    return *found->second;
}

WriteTransaction::WriteTransaction(const Connection& db) : db_(db)
{
    begun_ = db_.run(Connection::Transaction::BeginImmediate) == SQLITE_OK;
}

WriteTransaction::~WriteTransaction()
{
    if (begun_ && !finished_)
        db_.run(Connection::Transaction::Rollback);
}

int WriteTransaction::commit()
{
    if (!begun_ || finished_)
        return SQLITE_MISUSE;
    const int rc = db_.run(Connection::Transaction::Commit);
    if (rc == SQLITE_OK)
        finished_ = true; // else the destructor rolls back
    return rc;
}

ErrorCode situationOf(int extended_code, int system_errno, ErrorCode fallback)
{
    switch (extended_code & 0xff) {
    case SQLITE_READONLY: return ErrorCode::StoreReadOnly;
    case SQLITE_FULL: return ErrorCode::StoreDiskFull;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::StoreLocked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::StoreDamaged;
    case SQLITE_PERM:
    case SQLITE_AUTH: return ErrorCode::StoreNoPermission;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        if (system_errno == EACCES || system_errno == EPERM)
            return ErrorCode::StoreNoPermission;
        if (system_errno == EROFS)
            return ErrorCode::StoreReadOnly;
        if (system_errno == ENOSPC || system_errno == EDQUOT)
            return ErrorCode::StoreDiskFull;
        return fallback;
    default: return fallback;
    }
}

Error errorOf(ErrorCode fallback, const std::filesystem::path& file, const Connection& db)
{
    if (!db.get())
        return Error{fallback, file.string(), "no database connection"};
    const ErrorCode code = situationOf(sqlite3_extended_errcode(db.get()), sqlite3_system_errno(db.get()), fallback);
    return Error{code, file.string(), db.lastError()};
}

} // namespace rapport::sqlite
