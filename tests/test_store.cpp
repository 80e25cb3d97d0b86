#include "store.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device seed;
        path = fs::temp_directory_path() / ("rapport-test-" + std::to_string(seed()));
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
};

std::vector<rapport::NewItem> threeItems()
{
    return {{"kickoff", "scope-in-out", {}, "scope"}, {"kickoff", "deadlines", {}, "scope"},
            {{}, {}, "Call the client on Friday", "own"}};
}

} // namespace

TEST_CASE("a new store opens, attaches a checklist and reads it back")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "nested" / "rapport.sqlite3");
    REQUIRE_MESSAGE(store, (store ? "" : store.error().description()));

    auto none = store.value().checklistFor("/docs/brief.md");
    REQUIRE(none);
    CHECK_FALSE(none.value().has_value());

    auto attached = store.value().attach("/docs/brief.md", "kickoff", threeItems());
    REQUIRE(attached);
    REQUIRE(attached.value().items.size() == 3);
    CHECK(attached.value().items[0].item_key == "scope-in-out");
    CHECK(attached.value().items[2].custom_text == "Call the client on Friday");
    CHECK_FALSE(attached.value().items[1].done);
}

TEST_CASE("a tick survives closing and reopening the store")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    std::int64_t documentId = 0, itemId = 0;
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        auto attached = store.value().attach("/docs/Договор.txt", "kickoff", threeItems());
        REQUIRE(attached);
        documentId = attached.value().document_id;
        itemId = attached.value().items[1].id;
        REQUIRE(store.value().setDone(documentId, itemId, true));
    }
    auto reopened = rapport::Store::open(file);
    REQUIRE(reopened);
    auto checklist = reopened.value().checklistFor("/docs/Договор.txt");
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    const auto& items = checklist.value()->items;
    CHECK_FALSE(items[0].done);
    CHECK(items[1].done);
    CHECK_FALSE(items[2].done);

    SUBCASE("unticking is stored too")
    {
        REQUIRE(reopened.value().setDone(documentId, itemId, false));
        auto again = reopened.value().checklistFor("/docs/Договор.txt");
        REQUIRE(again);
        CHECK_FALSE(again.value()->items[1].done);
    }
}

TEST_CASE("attaching twice to one document is refused and changes nothing")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "rapport.sqlite3");
    REQUIRE(store);
    REQUIRE(store.value().attach("/docs/a.md", "kickoff", threeItems()));
    auto second = store.value().attach("/docs/a.md", "kickoff", {{"kickoff", "budget", {}, "money"}});
    CHECK_FALSE(second);
    auto checklist = store.value().checklistFor("/docs/a.md");
    REQUIRE(checklist);
    CHECK(checklist.value()->items.size() == 3);
}

TEST_CASE("ticking an unknown item is an error, not a silent success")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "rapport.sqlite3");
    REQUIRE(store);
    auto attached = store.value().attach("/docs/a.md", "kickoff", threeItems());
    REQUIRE(attached);
    const auto status = store.value().setDone(attached.value().document_id, 999, true);
    REQUIRE_FALSE(status);
    CHECK(status.error().code == rapport::ErrorCode::ItemUnknown);
}

TEST_CASE("a folder that cannot be created gives a clear error")
{
    TempDir dir;
    // A regular file where a folder should be: fails for every user, root included.
    const fs::path blocker = dir.path / "not-a-folder";
    std::ofstream(blocker) << "x";
    auto store = rapport::Store::open(blocker / "rapport" / "rapport.sqlite3");
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreCannotCreateDirectory);
    const std::string message = store.error().description();
    CHECK(message.find("cannot create the folder") != std::string::npos);
    CHECK(message.find((blocker / "rapport").string()) != std::string::npos);
}

TEST_CASE("an unwritable folder gives a clear error")
{
    // /proc refuses new files even to root, so this holds however the tests are run.
    auto store = rapport::Store::open("/proc/rapport.sqlite3");
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreCannotOpen);
    CHECK(store.error().description().find("/proc/rapport.sqlite3") != std::string::npos);
}

TEST_CASE("a file that is not a store is reported as damaged and left untouched")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    const std::string junk(8192, 'J');
    std::ofstream(file, std::ios::binary) << junk;
    auto store = rapport::Store::open(file);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreDamaged);
    std::ifstream in(file, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == junk);
}

TEST_CASE("a store from a newer Rapport is refused and not modified")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    auto store = rapport::Store::open(file);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreTooNew);
    CHECK(store.error().description().find("newer version of Rapport") != std::string::npos);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == 99);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("a new store records the schema version")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    REQUIRE(rapport::Store::open(file));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == rapport::Store::kSchemaVersion);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("document paths are canonicalised")
{
    TempDir dir;
    fs::create_directories(dir.path / "real");
    std::ofstream(dir.path / "real" / "笔记.md") << "x";
    fs::create_symlink(dir.path / "real", dir.path / "link");
    const std::string expected = (fs::canonical(dir.path) / "real" / "笔记.md").string();
    CHECK(rapport::canonicalDocumentPath((dir.path / "link" / "笔记.md").string()) == expected);
    CHECK(rapport::canonicalDocumentPath((dir.path / "real" / ".." / "real" / "笔记.md").string()) == expected);
    CHECK(rapport::canonicalDocumentPath((dir.path / "real" / "").string()) == (fs::canonical(dir.path) / "real").string());
}

namespace {

void execRaw(const fs::path& file, const char* sql)
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

} // namespace

TEST_CASE("a store written by schema version 2 is migrated to 3, keeping everything, and takes reports")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    // Exactly the schema Rapport wrote at version 2, with one checklist and its history.
    execRaw(file, R"sql(
        PRAGMA journal_mode=WAL;
        CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,
            fingerprint TEXT NOT NULL DEFAULT '');
        CREATE INDEX documents_by_fingerprint ON documents(fingerprint) WHERE fingerprint <> '';
        CREATE TABLE checklists (document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            template_key TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, revision_rounds_agreed INTEGER,
            revision_rounds_used INTEGER NOT NULL DEFAULT 0, update_every_days INTEGER,
            next_update_due TEXT NOT NULL DEFAULT '', deadline TEXT NOT NULL DEFAULT '');
        CREATE TABLE items (document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL, position INTEGER NOT NULL, template_key TEXT NOT NULL DEFAULT '',
            item_key TEXT NOT NULL DEFAULT '', custom_text TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)), section_id INTEGER NOT NULL DEFAULT 1,
            status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 5), status_reason TEXT NOT NULL DEFAULT '',
            status_since INTEGER, due TEXT NOT NULL DEFAULT '', owner INTEGER NOT NULL DEFAULT 0 CHECK (owner IN (0, 1)),
            note TEXT NOT NULL DEFAULT '', internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
            PRIMARY KEY (document_id, item_id)) WITHOUT ROWID;
        CREATE TABLE sections (document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
            section_id INTEGER NOT NULL, position INTEGER NOT NULL, template_key TEXT NOT NULL DEFAULT '',
            section_key TEXT NOT NULL DEFAULT '', custom_title TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (document_id, section_id)) WITHOUT ROWID;
        CREATE TABLE history (document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
            sequence INTEGER NOT NULL, at INTEGER NOT NULL, item_id INTEGER NOT NULL DEFAULT 0, field TEXT NOT NULL,
            old_value TEXT NOT NULL DEFAULT '', new_value TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (document_id, sequence)) WITHOUT ROWID;
        INSERT INTO documents VALUES (1, '/docs/Sözleşme.md', 1700000000, '');
        INSERT INTO checklists VALUES (1, 'kickoff', 1700000000, 3, 1, 7, '2026-11-30', '2027-01-15');
        INSERT INTO sections VALUES (1, 1, 1, 'kickoff', 'scope', '');
        INSERT INTO items VALUES (1, 1, 1, 'kickoff', 'scope-in-out', '', 1, 1, 4, '', 1700000100, '', 0, '', 0);
        INSERT INTO items VALUES (1, 2, 2, '', '', 'Logo files', 0, 1, 2, 'waiting for the logo', 1700000200,
            '2026-12-01', 1, 'ask again', 0);
        INSERT INTO history VALUES (1, 1, 1700000100, 1, 'status', 'todo', 'done');
        INSERT INTO history VALUES (1, 2, 1700000200, 2, 'status', 'todo', 'waiting');
        PRAGMA user_version=2;
    )sql");

    auto store = rapport::Store::open(file);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    auto loaded = store.value().checklistFor("/docs/Sözleşme.md");
    REQUIRE(loaded);
    REQUIRE(loaded.value().has_value());
    const rapport::Checklist& checklist = *loaded.value();
    REQUIRE(checklist.items.size() == 2);
    CHECK(checklist.items[0].status == rapport::ItemStatus::Done);
    CHECK(checklist.items[1].status == rapport::ItemStatus::WaitingOnClient);
    CHECK(checklist.items[1].status_reason == "waiting for the logo");
    CHECK(checklist.items[1].note == "ask again");
    CHECK(checklist.revision_rounds_agreed == 3);
    CHECK(checklist.deadline == "2027-01-15");
    CHECK(store.value().history(1).value().size() == 2);

    // The new table works at once: no report yet, then one.
    CHECK(store.value().reports(1).value().empty());
    CHECK_FALSE(store.value().lastReportLanguage(1).value().has_value());
    auto saved = store.value().saveReport(1, {0, 1700000300, "tr", "html", "<rapport-report/>"});
    REQUIRE(saved);
    CHECK(saved.value() == 1);
    CHECK(store.value().lastReportLanguage(1).value() == std::optional<std::string>("tr"));

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == 3);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("reports are kept per document, newest first, recorded in the history, and survive reopening")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    std::int64_t documentId = 0;
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        auto attached = store.value().attach("/docs/a.md", "kickoff", threeItems());
        REQUIRE(attached);
        documentId = attached.value().document_id;
        REQUIRE(store.value().attach("/docs/b.md", "kickoff", threeItems()));

        CHECK(store.value().saveReport(documentId, {0, 1000, "ru", "html", "<first/>"}).value() == 1);
        CHECK(store.value().saveReport(documentId, {0, 2000, "zh_CN", "md", "<second> 合同 </second>"}).value() == 2);
        CHECK(store.value().saveReport(documentId + 1, {0, 3000, "en", "txt", "<other/>"}).value() == 1);
        // Refused: unknown document, missing language.
        auto unknown = store.value().saveReport(999, {0, 1, "en", "html", "<x/>"});
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == rapport::ErrorCode::DocumentUnknown);
        CHECK_FALSE(store.value().saveReport(documentId, {0, 1, "", "html", "<x/>"}));
    }
    auto store = rapport::Store::open(file);
    REQUIRE(store);
    const auto reports = store.value().reports(documentId);
    REQUIRE(reports);
    REQUIRE(reports.value().size() == 2);
    CHECK(reports.value()[0].id == 2);
    CHECK(reports.value()[0].made_at == 2000);
    CHECK(reports.value()[0].language_code == "zh_CN");
    CHECK(reports.value()[0].format == "md");
    CHECK(reports.value()[0].content_xml == "<second> 合同 </second>");
    CHECK(reports.value()[1].id == 1);
    CHECK(store.value().lastReportLanguage(documentId).value() == std::optional<std::string>("zh_CN"));
    const auto history = store.value().history(documentId).value();
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().field == "report");
    CHECK(history.back().new_value == "2 md zh_CN");
    CHECK(history.back().at == 2000);
}
