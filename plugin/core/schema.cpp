#include "schema.h"

#include <sqlite3.h>

#include <iterator>
#include <string>

namespace rapport::schema {

namespace {

// Step N takes a store from user_version N to N+1. See schema.h before changing anything.
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
    // 3 -> 4: sharing a checklist through a sidecar file (docs/sidecar-format.md). Every
    // history row gets a globally unique change id, its author and a hybrid logical clock
    // (rows from before keep ''); items and sections get a uid that is the same on every
    // replica; the store gets a node id of its own (meta); shared documents and the
    // store's copy of each one's change log are kept, clustered by document.
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO meta(key, value) VALUES ('node', lower(hex(randomblob(8))));
    ALTER TABLE history ADD COLUMN change_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE history ADD COLUMN author TEXT NOT NULL DEFAULT '';
    ALTER TABLE history ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN uid TEXT NOT NULL DEFAULT '';
    ALTER TABLE sections ADD COLUMN uid TEXT NOT NULL DEFAULT '';
    UPDATE items SET uid = lower(hex(randomblob(8)));
    UPDATE sections SET uid = lower(hex(randomblob(8)));
    CREATE TABLE shared_documents (
        document_id INTEGER PRIMARY KEY REFERENCES checklists(document_id) ON DELETE CASCADE,
        sidecar     TEXT NOT NULL,
        shared_at   INTEGER NOT NULL
    );
    CREATE TABLE shared_log (
        document_id INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        hlc         TEXT NOT NULL,
        change_id   TEXT NOT NULL,
        node        TEXT NOT NULL,
        lines       TEXT NOT NULL,
        PRIMARY KEY (document_id, hlc, change_id)
    ) WITHOUT ROWID;
    )sql",
    // 4 -> 5: project settings: the client's name and report language, and the update
    // rhythm as a keyword (update_rhythm.h; update_every_days stays for older rhythms).
    // Revision rounds are recorded as "revision_round" history rows (revision_rounds.h).
    R"sql(
    ALTER TABLE checklists ADD COLUMN client_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE checklists ADD COLUMN client_language TEXT NOT NULL DEFAULT '';
    ALTER TABLE checklists ADD COLUMN update_rhythm TEXT NOT NULL DEFAULT '';
    )sql",
    // 5 -> 6: the client log (client_log.h), one per checklist, clustered by document. The
    // keywords are client_log.h's; said_at is local "YYYY-MM-DDTHH:MM". A promise is an item:
    // promise_item_id (0 for none) is the link, kept on the entry's side only.
    R"sql(
    CREATE TABLE log_entries (
        document_id     INTEGER NOT NULL REFERENCES checklists(document_id) ON DELETE CASCADE,
        entry_id        INTEGER NOT NULL,
        said_at         TEXT NOT NULL,
        channel         TEXT NOT NULL CHECK (channel IN ('call', 'email', 'meeting', 'message')),
        who             TEXT NOT NULL DEFAULT '',
        kind            TEXT NOT NULL CHECK (kind IN ('request', 'change-request', 'complaint', 'approval',
                                                      'feedback', 'question')),
        said            TEXT NOT NULL,
        answer          TEXT NOT NULL DEFAULT '',
        internal        INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
        resolution      TEXT NOT NULL DEFAULT '',
        outcome         TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'awaiting', 'accepted', 'declined')),
        decline_reason  TEXT NOT NULL DEFAULT '',
        promise_item_id INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (document_id, entry_id)
    ) WITHOUT ROWID;
    )sql",
    // 6 -> 7: the client log in the sidecar of a shared checklist (docs/sidecar-format.md):
    // every entry gets a uid that is the same on every replica, as items and sections did.
    R"sql(
    ALTER TABLE log_entries ADD COLUMN uid TEXT NOT NULL DEFAULT '';
    UPDATE log_entries SET uid = lower(hex(randomblob(8)));
    )sql",
};
static_assert(std::size(kMigrationSteps) == kSchemaVersion, "one migration step per schema version");

Error failure(ErrorCode code, const std::filesystem::path& file, const sqlite::Connection& db)
{
    return sqlite::errorOf(code, file, db);
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

Status migrate(const sqlite::Connection& db, const std::filesystem::path& file)
{
    int version = 0;
    if (readUserVersion(db, version) != SQLITE_OK)
        return failure(ErrorCode::StoreDamaged, file, db);
    if (version > kSchemaVersion)
        return Error{ErrorCode::StoreTooNew, file.string(), "user_version " + std::to_string(version)};
    if (version == kSchemaVersion)
        return {};
    sqlite::WriteTransaction transaction(db);
    if (!transaction.begun())
        return failure(ErrorCode::StoreCannotOpen, file, db);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    if (readUserVersion(db, version) != SQLITE_OK)
        return failure(ErrorCode::StoreDamaged, file, db);
    for (int step = version; step < kSchemaVersion; ++step) {
        if (db.exec(kMigrationSteps[step]) != SQLITE_OK)
            return failure(ErrorCode::StoreWriteFailed, file, db);
    }
    const std::string setVersion = "PRAGMA user_version=" + std::to_string(kSchemaVersion);
    if (db.exec(setVersion.c_str()) != SQLITE_OK || transaction.commit() != SQLITE_OK)
        return failure(ErrorCode::StoreWriteFailed, file, db);
    return {};
}

Status checkCurrent(const sqlite::Connection& db, const std::filesystem::path& file)
{
    int version = 0;
    if (readUserVersion(db, version) != SQLITE_OK)
        return failure(ErrorCode::StoreDamaged, file, db);
    if (version > kSchemaVersion)
        return Error{ErrorCode::StoreTooNew, file.string(), "user_version " + std::to_string(version)};
    if (version < kSchemaVersion)
        return Error{ErrorCode::StoreReadOnly, file.string(),
                     "written by an older Rapport and read-only, so it cannot be updated to this version"};
    return {};
}

} // namespace rapport::schema
