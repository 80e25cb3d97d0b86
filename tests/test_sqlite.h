// Raw SQLite access for tests that build a store as an older Rapport wrote it, or look
// under the store's API.
#pragma once

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>

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

} // namespace rapport::testing
