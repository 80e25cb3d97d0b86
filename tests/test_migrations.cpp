// The schema's migrations (plugin/core/schema.h): a store written by any earlier Rapport
// opens, keeps every row, and takes new changes; a newer store is refused untouched.
#include "hlc.h"
#include "store.h"

#include "temp_folder.h"
#include "test_sqlite.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;
using rapport::ItemStatus;
using rapport::testing::execRaw;

namespace {

rapport::Checklist reload(rapport::Store& store, const std::string& doc)
{
    auto loaded = store.checklistFor(doc);
    REQUIRE(loaded);
    REQUIRE(loaded.value().has_value());
    return *loaded.value();
}

} // namespace

TEST_CASE("an empty file is migrated from version 0 to the current schema")
{
    rapport::testing::TempFolder temp{"rapport-migration"};
    REQUIRE(rapport::Store::open(temp.store));
    auto again = rapport::Store::open(temp.store); // opening a current store migrates nothing
    REQUIRE(again);
    CHECK(again.value().checklistFor("/nothing").value() == std::nullopt);
}

TEST_CASE("a store written by schema version 1 is migrated, keeping every tick")
{
    rapport::testing::TempFolder temp{"rapport-migration"};
    // Exactly what Rapport 0.1's first store wrote.
    execRaw(temp.store, R"sql(
        PRAGMA journal_mode=WAL;
        CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
        CREATE TABLE checklists (document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            template_key TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);
        CREATE TABLE items (document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL, position INTEGER NOT NULL, template_key TEXT NOT NULL DEFAULT '',
            item_key TEXT NOT NULL DEFAULT '', custom_text TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)), PRIMARY KEY (document_id, item_id)) WITHOUT ROWID;
        INSERT INTO documents VALUES (1, '/docs/Договор.txt', 1700000000);
        INSERT INTO checklists VALUES (1, 'kickoff', 1700000000);
        INSERT INTO items VALUES (1, 1, 1, 'kickoff', 'scope-in-out', '', 1);
        INSERT INTO items VALUES (1, 2, 2, 'kickoff', 'deadlines', '', 0);
        INSERT INTO items VALUES (1, 3, 3, '', '', 'Позвонить клиенту', 1);
        PRAGMA user_version=1;
    )sql");

    auto store = rapport::Store::open(temp.store);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    const auto checklist = reload(store.value(), "/docs/Договор.txt");
    REQUIRE(checklist.items.size() == 3);
    CHECK(checklist.items[0].status == ItemStatus::Done);
    CHECK(checklist.items[0].done);
    CHECK(checklist.items[1].status == ItemStatus::ToDo);
    CHECK(checklist.items[2].custom_text == "Позвонить клиенту");
    CHECK(checklist.items[2].done);
    REQUIRE(checklist.sections.size() == 1);
    CHECK(checklist.items[1].section_id == checklist.sections[0].id);
    // The migrated store takes new changes with history.
    REQUIRE(store.value().setStatus(checklist.document_id, 2, ItemStatus::InProgress, {}, 1));
    CHECK(store.value().history(checklist.document_id).value().size() == 1);
}

// The tables exactly as Rapport wrote them at schema version 2; version 3 added reports.
// Old stores are rebuilt from these, never from the current schema, which moves on.
constexpr const char* kVersion2Tables = R"sql(
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
)sql";
constexpr const char* kVersion3Reports = R"sql(
        CREATE TABLE reports (document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
            report_id INTEGER NOT NULL, made_at INTEGER NOT NULL, language TEXT NOT NULL, format TEXT NOT NULL,
            content_xml TEXT NOT NULL, PRIMARY KEY (document_id, report_id)) WITHOUT ROWID;
)sql";

TEST_CASE("a store written by schema version 2 is migrated, keeping everything, and takes reports")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
    const fs::path file = dir.path / "rapport.sqlite3";
    // Exactly the schema Rapport wrote at version 2, with one checklist and its history.
    execRaw(file, (std::string(kVersion2Tables) + R"sql(
        INSERT INTO documents VALUES (1, '/docs/Sözleşme.md', 1700000000, '');
        INSERT INTO checklists VALUES (1, 'kickoff', 1700000000, 3, 1, 7, '2026-11-30', '2027-01-15');
        INSERT INTO sections VALUES (1, 1, 1, 'kickoff', 'scope', '');
        INSERT INTO items VALUES (1, 1, 1, 'kickoff', 'scope-in-out', '', 1, 1, 4, '', 1700000100, '', 0, '', 0);
        INSERT INTO items VALUES (1, 2, 2, '', '', 'Logo files', 0, 1, 2, 'waiting for the logo', 1700000200,
            '2026-12-01', 1, 'ask again', 0);
        INSERT INTO history VALUES (1, 1, 1700000100, 1, 'status', 'todo', 'done');
        INSERT INTO history VALUES (1, 2, 1700000200, 2, 'status', 'todo', 'waiting');
        PRAGMA user_version=2;
    )sql").c_str());

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
    CHECK(sqlite3_column_int(stmt, 0) == rapport::Store::kSchemaVersion);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

namespace {

// What one query on the raw file returns, as text (NULL as "NULL"), rows joined by '\n'.
std::string queryRaw(const fs::path& file, const char* sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        if (!out.empty())
            out += "\n";
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            const auto* text = sqlite3_column_text(stmt, c);
            out += (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

} // namespace

TEST_CASE("a store written by schema version 3 is migrated to 4: uids, a node id, stamped history, sharing tables")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
    const fs::path file = dir.path / "rapport.sqlite3";
    // Exactly the schema Rapport wrote at version 3 (version 2 plus reports), with data.
    execRaw(file, (std::string(kVersion2Tables) + kVersion3Reports + R"sql(
        INSERT INTO documents VALUES (1, '/docs/合同.md', 1700000000, '');
        INSERT INTO checklists VALUES (1, 'kickoff', 1700000000, NULL, 0, NULL, '', '');
        INSERT INTO sections VALUES (1, 1, 1, 'kickoff', 'scope', '');
        INSERT INTO sections VALUES (1, 2, 2, '', '', 'Our own');
        INSERT INTO items VALUES (1, 1, 1, 'kickoff', 'scope-in-out', '', 1, 1, 4, '', 1700000100, '', 0, '', 0);
        INSERT INTO items VALUES (1, 2, 2, '', '', 'Logo files', 0, 2, 0, '', NULL, '', 0, 'ask again', 1);
        INSERT INTO history VALUES (1, 1, 1700000100, 1, 'status', 'todo', 'done');
        INSERT INTO reports VALUES (1, 1, 1700000300, 'zh_CN', 'html', '<rapport-report/>');
        PRAGMA user_version=3;
    )sql").c_str());

    auto store = rapport::Store::open(file);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    CHECK(rapport::isReplicaId(store.value().nodeId()));
    const auto checklist = reload(store.value(), "/docs/合同.md");
    REQUIRE(checklist.items.size() == 2);
    REQUIRE(checklist.sections.size() == 2);
    // Every row keeps its fields and gets a uid of its own.
    CHECK(checklist.items[0].status == ItemStatus::Done);
    CHECK(checklist.items[1].note == "ask again");
    CHECK(checklist.items[1].internal);
    CHECK(checklist.sections[1].custom_title == "Our own");
    CHECK(rapport::isReplicaId(checklist.items[0].uid));
    CHECK(rapport::isReplicaId(checklist.items[1].uid));
    CHECK(checklist.items[0].uid != checklist.items[1].uid);
    CHECK(rapport::isReplicaId(checklist.sections[0].uid));
    CHECK(checklist.sections[0].uid != checklist.sections[1].uid);
    CHECK(store.value().reports(1).value().size() == 1);
    // The old row keeps empty stamps; a new change is stamped with its id, author and clock.
    store.value().setAuthor("Ana");
    REQUIRE(store.value().setNote(1, 2, "call on Monday"));
    const auto history = store.value().history(1).value();
    REQUIRE(history.size() == 2);
    CHECK(history[0].change_id.empty());
    CHECK(history[0].hlc.empty());
    CHECK(rapport::isReplicaId(history[1].change_id));
    CHECK(history[1].author == "Ana");
    CHECK(rapport::Hlc::parse(history[1].hlc).has_value());
    // Nothing is shared yet; the sharing tables exist and are empty.
    CHECK_FALSE(store.value().sharedDocument(1).value().has_value());
    CHECK(queryRaw(file, "SELECT COUNT(*) FROM shared_documents") == "0");
    CHECK(queryRaw(file, "SELECT COUNT(*) FROM shared_log") == "0");
    CHECK(queryRaw(file, "SELECT COUNT(*) FROM meta WHERE key = 'node'") == "1");
    CHECK(queryRaw(file, "PRAGMA user_version") == std::to_string(rapport::Store::kSchemaVersion));
}

TEST_CASE("a store written by schema version 4 is migrated to 5: project settings, every row kept")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
    const fs::path file = dir.path / "rapport.sqlite3";
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        REQUIRE(store.value().attach("/docs/brief.md", "kickoff", {{"kickoff", "scope-in-out", {}, "scope"}}));
        REQUIRE(store.value().setRevisionRounds(1, 3, 1));
        REQUIRE(store.value().setUpdateRhythm(1, 14, "2026-12-04"));
        REQUIRE(store.value().setDeadline(1, "2027-01-15"));
    }
    // Back to exactly the version 4 schema: the checklists table without the new columns.
    execRaw(file, R"sql(
        DROP TABLE log_entries;
        ALTER TABLE checklists DROP COLUMN client_name;
        ALTER TABLE checklists DROP COLUMN client_language;
        ALTER TABLE checklists DROP COLUMN update_rhythm;
        PRAGMA user_version=4;
    )sql");
    auto store = rapport::Store::open(file);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    CHECK(queryRaw(file, "PRAGMA user_version") == std::to_string(rapport::Store::kSchemaVersion));
    auto checklist = reload(store.value(), "/docs/brief.md");
    CHECK(checklist.revision_rounds_agreed == 3);
    CHECK(checklist.revision_rounds_used == 1);
    CHECK(checklist.update_every_days == 14);
    CHECK(checklist.next_update_due == "2026-12-04");
    CHECK(checklist.deadline == "2027-01-15");
    CHECK(checklist.client_name.empty());
    CHECK(checklist.client_language.empty());
    CHECK(checklist.update_rhythm.empty());
    // The new settings take changes.
    REQUIRE(store.value().apply(rapport::changes::checklistField(rapport::ChangeKind::ClientName, 1, "Acme")));
    REQUIRE(store.value().apply(rapport::changes::checklistField(rapport::ChangeKind::UpdateRhythm, 1, "monthly")));
    checklist = reload(store.value(), "/docs/brief.md");
    CHECK(checklist.client_name == "Acme");
    CHECK(checklist.update_rhythm == "monthly");
}

TEST_CASE("a store written by schema version 5 is migrated to 6: the client log, every row kept")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
    const fs::path file = dir.path / "rapport.sqlite3";
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        REQUIRE(store.value().attach("/docs/brief.md", "kickoff", {{"kickoff", "scope-in-out", {}, "scope"}}));
        REQUIRE(store.value().apply(rapport::changes::checklistField(rapport::ChangeKind::ClientName, 1, "Acme")));
        REQUIRE(store.value().setStatus(1, 1, ItemStatus::Done, {}, 0));
    }
    // Back to exactly the version 5 schema: no log table.
    execRaw(file, R"sql(
        DROP TABLE log_entries;
        PRAGMA user_version=5;
    )sql");
    CHECK(queryRaw(file, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'log_entries'") == "0");
    auto store = rapport::Store::open(file);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    CHECK(queryRaw(file, "PRAGMA user_version") == std::to_string(rapport::Store::kSchemaVersion));
    auto checklist = reload(store.value(), "/docs/brief.md");
    CHECK(checklist.client_name == "Acme");
    REQUIRE(checklist.items.size() == 1);
    CHECK(checklist.items.front().status == ItemStatus::Done);
    auto history = store.value().history(1);
    REQUIRE(history);
    CHECK(history.value().size() == 3);
    // The log starts empty and takes entries.
    auto log = store.value().clientLog(1);
    REQUIRE(log);
    CHECK(log.value().empty());
    rapport::LogEntry entry;
    entry.when = "2026-11-20T09:15";
    entry.said = "Please call back";
    REQUIRE(store.value().apply(rapport::changes::logEntryAdded(1, entry)));
    log = store.value().clientLog(1);
    REQUIRE(log);
    REQUIRE(log.value().size() == 1);
    CHECK(log.value().front().said == "Please call back");
    // The table refuses a keyword no Rapport writes, below the store's own checks.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "INSERT INTO log_entries(document_id, entry_id, said_at, channel, kind, said) "
                           "VALUES (1, 9, '2026-11-20T09:15', 'fax', 'request', 'x')",
                       nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);
}

TEST_CASE("a store written by schema version 6 is migrated to 7: every client log entry gets a uid of its own")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
    const fs::path file = dir.path / "rapport.sqlite3";
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        REQUIRE(store.value().attach("/docs/brief.md", "kickoff", {{"kickoff", "scope-in-out", {}, "scope"}}));
        rapport::LogEntry entry;
        entry.when = "2026-11-20T09:15";
        entry.said = "Please call back";
        REQUIRE(store.value().apply(rapport::changes::logEntryAdded(1, entry)));
        entry.said = "And send the invoice";
        REQUIRE(store.value().apply(rapport::changes::logEntryAdded(1, entry, 1)));
    }
    // Back to exactly the version 6 schema: entries without uids.
    execRaw(file, R"sql(
        ALTER TABLE log_entries DROP COLUMN uid;
        PRAGMA user_version=6;
    )sql");
    CHECK(queryRaw(file, "SELECT COUNT(*) FROM pragma_table_info('log_entries') WHERE name = 'uid'") == "0");
    auto store = rapport::Store::open(file);
    REQUIRE_MESSAGE(store, (store ? std::string() : store.error().description()));
    CHECK(queryRaw(file, "PRAGMA user_version") == std::to_string(rapport::Store::kSchemaVersion));
    auto log = store.value().clientLog(1);
    REQUIRE(log);
    REQUIRE(log.value().size() == 2);
    CHECK(log.value()[0].said == "Please call back");
    CHECK(log.value()[1].promise_item_id == 1);
    CHECK(rapport::isReplicaId(log.value()[0].uid));
    CHECK(rapport::isReplicaId(log.value()[1].uid));
    CHECK(log.value()[0].uid != log.value()[1].uid);
    CHECK(store.value().history(1).value().size() == 3);
}

TEST_CASE("a new store records the schema version")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
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

TEST_CASE("a store from a newer Rapport is refused and not modified")
{
    rapport::testing::TempFolder dir{"rapport-migration"};
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
