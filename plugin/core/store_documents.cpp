// Documents as the store knows them: where each checklist's document is, following it
// when it moves, finding it again by its content, and importing a whole checklist.
#include "store.h"

#include <sqlite3.h>

#include <memory>
#include <system_error>
#include <utility>

namespace rapport {

namespace {

bool fileIsGone(const std::string& path)
{
    std::error_code ec;
    return !std::filesystem::exists(std::filesystem::path(path), ec) && !ec;
}

} // namespace

Status Store::renameDocument(const std::string& old_path, const std::string& new_path)
{
    sqlite::Statement find(db_, "SELECT id FROM documents WHERE path = ?1");
    find.bind(1, old_path);
    const int rc = find.step();
    if (rc == SQLITE_DONE)
        return {}; // nothing attached to the old name: nothing to carry
    if (rc != SQLITE_ROW)
        return readError();
    const std::int64_t documentId = find.columnInt(0);
    find.reset();
    return reattach(documentId, new_path);
}

Status Store::reattach(std::int64_t document_id, const std::string& new_path)
{
    Change change;
    change.kind = ChangeKind::DocumentMoved;
    change.document_id = document_id;
    change.new_value = new_path;
    auto applied = apply(std::move(change));
    return applied ? Status{} : Status{applied.error()};
}

Status Store::updateFingerprint(const std::string& document_path)
{
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement update(db_, "UPDATE documents SET fingerprint = ?2 WHERE path = ?1");
    update.bindAll(document_path, documentFingerprint(document_path));
    if (update.run() != SQLITE_DONE || transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<std::optional<std::string>> Store::relinkByFingerprint(const std::string& new_path)
{
    const std::string fingerprint = documentFingerprint(new_path);
    if (fingerprint.empty())
        return std::optional<std::string>();
    sqlite::Statement candidates(db_, "SELECT d.id, d.path FROM documents d JOIN checklists c ON c.document_id = d.id "
                                      "WHERE d.fingerprint = ?1 AND d.path <> ?2");
    candidates.bindAll(fingerprint, new_path);
    std::vector<Orphan> gone;
    while (candidates.step() == SQLITE_ROW) {
        std::string path = candidates.columnText(1);
        if (fileIsGone(path))
            gone.push_back(Orphan{candidates.columnInt(0), std::move(path)});
    }
    candidates.reset();
    // Only an unambiguous match is re-linked; two candidates are for the user to choose.
    if (gone.size() != 1)
        return std::optional<std::string>();
    if (Status moved = reattach(gone.front().document_id, new_path); !moved)
        return moved.error();
    return std::optional<std::string>(gone.front().path);
}

Result<std::vector<Store::Orphan>> Store::orphans()
{
    sqlite::Statement query(db_, "SELECT d.id, d.path FROM documents d JOIN checklists c ON c.document_id = d.id "
                                 "ORDER BY d.path");
    std::vector<Orphan> found;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        std::string path = query.columnText(1);
        if (fileIsGone(path))
            found.push_back(Orphan{query.columnInt(0), std::move(path)});
    }
    if (rc != SQLITE_DONE)
        return readError();
    return found;
}

Status Store::importChecklist(const Checklist& checklist, const std::vector<HistoryEntry>& history)
{
    Change change;
    change.kind = ChangeKind::Imported;
    change.document_path = checklist.document_path;
    change.imported = std::make_shared<const ImportedChecklist>(ImportedChecklist{checklist, history});
    auto applied = apply(std::move(change));
    return applied ? Status{} : Status{applied.error()};
}

} // namespace rapport
