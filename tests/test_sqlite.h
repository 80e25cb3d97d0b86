// Raw SQLite access for tests that build a store as an older Rapport wrote it, or look
// under the store's API.
#pragma once

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rapport::testing {

// Runs `sql` on the database file `file` with a connection of its own.
inline void execRaw(const std::filesystem::path& file, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// Runs `sql` on `file` with `texts` bound to ?1, ?2, ... as text, byte for byte: what an
// older Rapport, which did not check text, could have stored (invalid UTF-8 included).
inline void execRawWith(const std::filesystem::path& file, const char* sql, const std::vector<std::string>& texts)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
    for (std::size_t i = 0; i < texts.size(); ++i)
        sqlite3_bind_text(statement, static_cast<int>(i + 1), texts[i].data(), static_cast<int>(texts[i].size()),
                          SQLITE_TRANSIENT);
    const int rc = sqlite3_step(statement);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_DONE);
}

// The first column of the first row `sql` returns on `file` ("" when none), read-only.
inline std::string queryRaw(const std::filesystem::path& file, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW &&
        sqlite3_column_text(statement, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

} // namespace rapport::testing
