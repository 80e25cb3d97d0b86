// Documents as the store knows them: where each checklist's document is, following it
// when it moves, finding it again by its content, and importing a whole checklist.
#include "store.h"

#include "content_sketch.h"

#include <sqlite3.h>

#include <algorithm>
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
    if (readOnly_)
        return *readOnly_;
    sqlite::WriteTransaction transaction(db_);
    if (!transaction.begun())
        return writeError();
    sqlite::Statement update(db_, "UPDATE documents SET fingerprint = ?2 WHERE path = ?1");
    update.bindAll(document_path, encodeSketch(sketchDocument(document_path)));
    if (update.run() != SQLITE_DONE || transaction.commit() != SQLITE_OK)
        return writeError();
    return {};
}

Result<std::optional<std::string>> Store::relinkByFingerprint(const std::string& new_path)
{
    auto search = relinkCandidates(new_path);
    if (!search)
        return search.error();
    // Only an unambiguous, byte-for-byte match is re-linked without asking.
    if (search.value().verdict != RelinkSearch::Verdict::Exact)
        return std::optional<std::string>();
    const RelinkCandidate& found = search.value().candidates.front();
    if (Status moved = reattach(found.document_id, new_path); !moved)
        return moved.error();
    return std::optional<std::string>(found.path);
}

bool RelinkCandidate::likely() const
{
    return exact || (similarity && (*similarity >= kLikelySimilarity || (same_name && *similarity >= kSameNameSimilarity)));
}

Result<RelinkSearch> Store::relinkCandidates(const std::string& new_path)
{
    RelinkSearch search;
    const ContentSketch now = sketchDocument(new_path);
    search.size = now.size;
    const std::string name = std::filesystem::path(new_path).filename().string();
    sqlite::Statement query(db_, "SELECT d.id, d.path, d.fingerprint FROM documents d "
                                 "JOIN checklists c ON c.document_id = d.id WHERE d.path <> ?1");
    query.bind(1, new_path);
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        std::string path = query.columnText(1);
        if (!fileIsGone(path))
            continue;
        const ContentSketch then = decodeSketch(query.columnText(2));
        RelinkCandidate candidate;
        candidate.document_id = query.columnInt(0);
        candidate.exact = !now.exact.empty() && then.exact == now.exact;
        candidate.similarity = candidate.exact ? std::optional<double>(1.0) : estimatedSimilarity(now, then);
        candidate.same_name = std::filesystem::path(path).filename().string() == name;
        candidate.old_size = then.size;
        candidate.path = std::move(path);
        search.candidates.push_back(std::move(candidate));
    }
    if (rc != SQLITE_DONE)
        return readError();
    // The most alike first: exact, then similarity, then the same name, then the nearer size.
    const auto sizeGap = [&](const RelinkCandidate& c) {
        return c.old_size == 0 ? search.size : (c.old_size > search.size ? c.old_size - search.size : search.size - c.old_size);
    };
    std::stable_sort(search.candidates.begin(), search.candidates.end(),
                     [&](const RelinkCandidate& a, const RelinkCandidate& b) {
                         if (a.exact != b.exact)
                             return a.exact;
                         const double sa = a.similarity.value_or(-1), sb = b.similarity.value_or(-1);
                         if (sa != sb)
                             return sa > sb;
                         if (a.same_name != b.same_name)
                             return a.same_name;
                         return sizeGap(a) < sizeGap(b);
                     });

    using Verdict = RelinkSearch::Verdict;
    const auto count = [&](auto predicate) {
        return std::count_if(search.candidates.begin(), search.candidates.end(), predicate);
    };
    if (search.candidates.empty())
        search.verdict = Verdict::NoOrphan;
    else if (now.exact.empty())
        search.verdict = Verdict::Unreadable;
    else if (const auto exact = count([](const RelinkCandidate& c) { return c.exact; }); exact > 0)
        search.verdict = exact == 1 ? Verdict::Exact : Verdict::Ambiguous;
    else if (!search.candidates.front().likely())
        search.verdict = Verdict::NothingAlike;
    else {
        // One clear best: likely, and ahead of the next likely one by a clear margin (the
        // estimate's own spread is about ±0.06).
        const auto& best = search.candidates.front();
        const bool clear = search.candidates.size() == 1 || !search.candidates[1].likely() ||
                           best.similarity.value_or(0) - search.candidates[1].similarity.value_or(0) >= 0.2;
        search.verdict = clear ? Verdict::Likely : Verdict::Ambiguous;
    }
    return search;
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

Status Store::importChecklist(const Checklist& checklist, const std::vector<HistoryEntry>& history,
                              const std::vector<LogEntry>& log)
{
    Change change;
    change.kind = ChangeKind::Imported;
    change.document_path = checklist.document_path;
    change.imported = std::make_shared<const ImportedChecklist>(ImportedChecklist{checklist, history, log});
    auto applied = apply(std::move(change));
    return applied ? Status{} : Status{applied.error()};
}

} // namespace rapport
