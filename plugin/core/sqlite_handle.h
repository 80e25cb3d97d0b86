// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement that
// resets itself, and a write transaction that begins IMMEDIATE and rolls back unless
// committed (after Firefox's mozStorageHelper.h).
#pragma once

#include "error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport::sqlite {

// An owned sqlite3 connection; closes on destruction.
class Connection {
public:
    Connection() = default;
    explicit Connection(sqlite3* db) noexcept : db_(db) {}
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // The raw handle, for the wrappers below.
    sqlite3* get() const noexcept { return db_; }
    // Runs SQL without results; returns SQLITE_OK or the error code.
    int exec(const char* sql) const;
    // The connection's last error message.
    std::string lastError() const;
    // Runs one of the transaction statements, prepared once per connection: a write path
    // that commits thousands of times should not parse "COMMIT" every time.
    enum class Transaction { BeginImmediate, Commit, Rollback };
    int run(Transaction statement) const;
    // The main database's data version (SQLITE_FCNTL_DATA_VERSION): it changes with every
    // commit, this connection's or another's, as seen from the transaction open now (or
    // the last one); nullopt where SQLite cannot say. Cheap: no statement runs.
    std::optional<unsigned> dataVersion() const;

private:
    void close() noexcept;

    sqlite3* db_ = nullptr;
    mutable sqlite3_stmt* transaction_[3] = {nullptr, nullptr, nullptr};
};

// A prepared statement; reset and unbound whenever a Statement::Scope ends.
class Statement {
public:
    Statement() = default;
    Statement(const Connection& db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // True when preparation succeeded.
    bool valid() const noexcept { return stmt_ != nullptr; }

    // Binders take 1-based parameter indices, as SQLite does.
    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view utf8);
    void bindNull(int index);
    // Binds a pointer that only an SQL function of ours can read back (sqlite3_bind_pointer,
    // `type` naming what it points to); it must outlive the statement's next reset.
    void bindPointer(int index, void* pointer, const char* type);
    // Binds text that stays where it is until the statement's next reset: SQLite reads it
    // in place instead of copying it.
    void bindUnowned(int index, std::string_view utf8);
    // Binds `values` to ?1, ?2, ... in order: numbers, text, or an optional (NULL when empty).
    template <class... Values>
    void bindAll(const Values&... values)
    {
        int index = 0;
        (bindValue(++index, values), ...);
    }

    // Advances; SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Steps to completion; SQLITE_DONE or an error code.
    int run();

    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

    // Resets and clears bindings so the statement can be reused.
    void reset() noexcept;

    // Resets the statement when leaving the scope, whatever path is taken.
    class Scope {
    public:
        explicit Scope(Statement& statement) noexcept : statement_(statement) {}
        ~Scope() { statement_.reset(); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Statement& statement_;
    };

private:
    template <class Value>
    void bindValue(int index, const Value& value)
    {
        if constexpr (std::is_integral_v<Value> || std::is_enum_v<Value>)
            bind(index, static_cast<std::int64_t>(value));
        else if constexpr (requires { value.has_value(); }) {
            if (value)
                bindValue(index, *value);
            else
                bindNull(index);
        } else
            bind(index, std::string_view(value));
    }

    sqlite3_stmt* stmt_ = nullptr;
};

// Statements prepared once per connection and kept, keyed by their SQL: the hot paths
// (switching documents, ticking) never parse SQL again. Callers reset a statement after
// use with a Statement::Scope.
class StatementCache {
public:
    // The prepared statement for `sql`.
    Statement& get(const Connection& db, std::string_view sql);

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
    };
    std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> statements_;
};

// BEGIN IMMEDIATE on construction: the write lock is taken up front, so a second
// writer waits in busy_timeout instead of failing with SQLITE_BUSY mid-transaction.
// Rolls back on destruction unless commit() succeeded.
class WriteTransaction {
public:
    explicit WriteTransaction(const Connection& db);
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    // True when BEGIN succeeded.
    bool begun() const noexcept { return begun_; }
    // Commits; SQLITE_OK or the error code (the transaction is then rolled back).
    int commit();

private:
    const Connection& db_;
    bool begun_ = false;
    bool finished_ = false;
};

// What an SQLite result code means for the user: read-only, disk full, locked, damaged
// or no permission; `fallback` for anything else. `system_errno` is sqlite3_system_errno().
ErrorCode situationOf(int extended_code, int system_errno, ErrorCode fallback);
// The connection's last error as an Error about `file`: the situation (see above), with
// SQLite's own sentence, untranslated, as the detail.
Error errorOf(ErrorCode fallback, const std::filesystem::path& file, const Connection& db);

} // namespace rapport::sqlite
