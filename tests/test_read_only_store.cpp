// A store that may be read but not written — a read-only file, folder or disk — noticed
// when it opens: it is read (even in a folder where SQLite cannot make its -wal and -shm
// files), every change is refused with the same explanation before SQLite is asked, and
// the file keeps every byte. And what each SQLite failure means for the user.
#include "read_only.h"
#include "sqlite_handle.h"
#include "store.h"
#include "temp_folder.h"
#include "test_sqlite.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using rapport::ErrorCode;

namespace {

std::string bytesOf(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A store with one checklist, closed (so no -wal or -shm file is left beside it).
std::int64_t makeStore(const fs::path& store)
{
    auto opened = rapport::Store::open(store);
    REQUIRE(opened);
    auto attached = opened.value().attach("/docs/brief.md", "", {{"", "", "Send the invoice", ""}});
    REQUIRE(attached);
    return attached.value().document_id;
}

void checkReadOnly(const fs::path& store, std::int64_t doc)
{
    const std::string before = bytesOf(store);
    auto opened = rapport::Store::open(store);
    REQUIRE_MESSAGE(opened, opened.error().description());
    rapport::Store& s = opened.value();
    REQUIRE(s.readOnly());
    CHECK(s.readOnly()->code == ErrorCode::StoreReadOnly);
    // It reads.
    auto checklist = s.checklistFor("/docs/brief.md");
    REQUIRE(checklist);
    REQUIRE(checklist.value());
    CHECK(checklist.value()->items.at(0).custom_text == "Send the invoice");
    CHECK(s.history(doc).value().size() == 1);
    // Every change is refused, the same way, and says what to do.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const rapport::Status refused = s.setDone(doc, 1, true);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::StoreReadOnly);
        const std::string said = refused.error().description();
        CHECK(said.find("read-only") != std::string::npos);
        CHECK(said.find("make the file and its folder writable") != std::string::npos);
        CHECK(said.find("attempt to write") == std::string::npos);
    }
    CHECK_FALSE(s.updateFingerprint("/docs/brief.md"));
    CHECK(bytesOf(store) == before);
}

} // namespace

TEST_CASE("a read-only store file is read, and changes are refused before SQLite is asked")
{
    rapport::testing::TempFolder temp("rapport-read-only");
    const auto doc = makeStore(temp.store);
    rapport::testing::ReadOnly readOnly({temp.store});
    checkReadOnly(temp.store, doc);
}

TEST_CASE("a read-only folder: the store is still read, though SQLite cannot make its -wal and -shm")
{
    rapport::testing::TempFolder temp("rapport-read-only");
    const auto doc = makeStore(temp.store);
    REQUIRE_FALSE(fs::exists(temp.store.string() + "-shm"));
    rapport::testing::ReadOnly readOnly({temp.path});
    checkReadOnly(temp.store, doc);
    CHECK_FALSE(fs::exists(temp.store.string() + "-wal"));
}

TEST_CASE("a read-only folder without a store: an error that says so, and no file")
{
    rapport::testing::TempFolder temp("rapport-read-only");
    rapport::testing::ReadOnly readOnly({temp.path});
    auto opened = rapport::Store::open(temp.store);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::StoreReadOnly);
    CHECK_FALSE(fs::exists(temp.store));
}

TEST_CASE("a read-only store from an older Rapport cannot be updated: refused, untouched")
{
    rapport::testing::TempFolder temp("rapport-read-only");
    makeStore(temp.store);
    rapport::testing::execRaw(temp.store, "PRAGMA user_version = 2");
    const std::string before = bytesOf(temp.store);
    rapport::testing::ReadOnly readOnly({temp.store});
    auto opened = rapport::Store::open(temp.store);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::StoreReadOnly);
    CHECK(opened.error().detail.find("older Rapport") != std::string::npos);
    CHECK(bytesOf(temp.store) == before);
}

TEST_CASE("what SQLite's failures mean for the user, with its own words only as detail")
{
    using rapport::sqlite::situationOf;
    CHECK(situationOf(SQLITE_READONLY, 0, ErrorCode::StoreWriteFailed) == ErrorCode::StoreReadOnly);
    CHECK(situationOf(SQLITE_READONLY_DBMOVED, 0, ErrorCode::StoreWriteFailed) == ErrorCode::StoreReadOnly);
    CHECK(situationOf(SQLITE_FULL, 0, ErrorCode::StoreWriteFailed) == ErrorCode::StoreDiskFull);
    CHECK(situationOf(SQLITE_IOERR_WRITE, ENOSPC, ErrorCode::StoreWriteFailed) == ErrorCode::StoreDiskFull);
    CHECK(situationOf(SQLITE_BUSY, 0, ErrorCode::StoreWriteFailed) == ErrorCode::StoreLocked);
    CHECK(situationOf(SQLITE_CORRUPT, 0, ErrorCode::StoreWriteFailed) == ErrorCode::StoreDamaged);
    CHECK(situationOf(SQLITE_NOTADB, 0, ErrorCode::StoreCannotOpen) == ErrorCode::StoreDamaged);
    CHECK(situationOf(SQLITE_CANTOPEN, EACCES, ErrorCode::StoreCannotOpen) == ErrorCode::StoreNoPermission);
    CHECK(situationOf(SQLITE_CANTOPEN, EROFS, ErrorCode::StoreCannotOpen) == ErrorCode::StoreReadOnly);
    CHECK(situationOf(SQLITE_IOERR_FSYNC, EIO, ErrorCode::StoreWriteFailed) == ErrorCode::StoreWriteFailed);
    for (const ErrorCode code : {ErrorCode::StoreReadOnly, ErrorCode::StoreDiskFull, ErrorCode::StoreLocked,
                                 ErrorCode::StoreDamaged, ErrorCode::StoreNoPermission, ErrorCode::StoreWriteFailed}) {
        const std::string said =
            rapport::Error{code, "/data/rapport.sqlite3", "attempt to write a readonly database"}.description();
        CAPTURE(said);
        // The situation first, then what to do; SQLite's sentence only at the end, as detail.
        CHECK(said.find("/data/rapport.sqlite3") < said.find("attempt to write"));
        const std::string detail = "(details: attempt to write a readonly database)";
        CHECK(said.rfind(detail) == said.size() - detail.size());
        CHECK((said.find("try again") != std::string::npos || said.find("reopen") != std::string::npos));
    }
}
