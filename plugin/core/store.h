// The store: one SQLite file per user holding every document's checklist, its history
// and its reports. The data-access layer: it reads, and it changes a checklist only
// through apply(), the one write path, which commits each change durably (WAL,
// synchronous=FULL) with its history row before it returns success and then tells the
// listeners. The named setters below are conveniences that build a Change and apply it.
#pragma once

#include "change.h"
#include "document_paths.h"
#include "error.h"
#include "hlc.h"
#include "model.h"
#include "schema.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace rapport {

// One orphaned checklist (its document is gone) as a match for a document found elsewhere.
struct RelinkCandidate {
    std::int64_t document_id = 0;
    std::string path;                 // where its document was
    bool exact = false;               // the same bytes as when the store last saw them
    std::optional<double> similarity; // the estimated share of common lines; nullopt: not known
    bool same_name = false;           // the same file name
    std::uintmax_t old_size = 0;      // bytes when last seen; 0 when not known

    // Alike enough to be offered (content_sketch.h: kLikelySimilarity, kSameNameSimilarity).
    bool likely() const;
};

// What relinking a document found, and what to tell the user.
struct RelinkSearch {
    enum class Verdict {
        Unreadable,   // the document cannot be read (or is empty): nothing to compare
        NoOrphan,     // no checklist has lost its document
        Exact,        // exactly one orphan has these very bytes: relink it
        Likely,       // the content changed, but one orphan is clearly the most alike: ask first
        Ambiguous,    // several orphans match as well: the user chooses
        NothingAlike, // no orphan is alike enough
    };
    Verdict verdict = Verdict::NoOrphan;
    std::uintmax_t size = 0;                 // the document's size now
    std::vector<RelinkCandidate> candidates; // every orphan, the most alike first
};

namespace detail {
struct ChangeContext;
}

// A checklist shared through a sidecar file (sharing.h), as the store records it.
struct SharedDocument {
    std::int64_t document_id = 0;
    std::string document_path;
    std::string sidecar;     // the sidecar file's path
    std::int64_t shared_at = 0;
};

// A Rapport store, open on one SQLite file.
class Store {
public:
    // The schema version this build writes; see schema.h for how to change it.
    static constexpr int kSchemaVersion = schema::kSchemaVersion;
    using StoredReport = rapport::StoredReport;
    using DeletedSection = rapport::DeletedSection;

    // Opens or creates the store at `file`, creating its folder, and migrates it up. A
    // store that exists but may not be written (the file, a companion, its folder or the
    // disk is read-only) is opened for reading only: readOnly() then says why.
    static Result<Store> open(const std::filesystem::path& file);

    Store(Store&&) noexcept = default;
    Store& operator=(Store&&) noexcept = default;

    // The file this store lives in.
    const std::filesystem::path& file() const noexcept { return file_; }

    // Why changes cannot be saved (StoreReadOnly, with what refuses writing as detail), or
    // nullopt when they can. Every apply() then fails with this error, before SQLite is
    // asked. Found at open, or at the first write refused as read-only.
    const std::optional<Error>& readOnly() const noexcept { return readOnly_; }
    // From now on, refuse every change with `why` (a write was refused as read-only).
    void markReadOnly(Error why);

    // --- Reading ---------------------------------------------------------------------

    // The checklist attached to the document at `document_path`, or nullopt.
    // Reads only: a document the store has never seen costs one indexed lookup.
    Result<std::optional<Checklist>> checklistFor(const std::string& document_path);
    // Every recorded change to the document's checklist, oldest first.
    Result<std::vector<HistoryEntry>> history(std::int64_t document_id);
    // Only the rows promises are judged from, oldest first: an item's status changed from
    // Done (what promiseHistoryOf() keeps of the whole history), read without the rest.
    Result<std::vector<HistoryEntry>> promiseHistory(std::int64_t document_id);
    // The document's client log (client_log.h), by time, then number (store_log_changes.cpp).
    Result<std::vector<LogEntry>> clientLog(std::int64_t document_id);
    // The path of every document with a checklist (what no report may overwrite).
    Result<std::vector<std::string>> documentPaths();

    // --- The one write path ------------------------------------------------------------

    // Applies `change`, records it as one history row, commits, then tells the listeners.
    // Returns the change as recorded: old value, assigned ids, what a deletion removed;
    // `sequence` is 0 when the change changed nothing (and nothing was recorded).
    Result<Change> apply(Change change);
    // Applies `batch` in order in one transaction: all of it or none of it.
    Result<std::vector<Change>> apply(std::vector<Change> batch);

    // Called after every committed batch with the changes it recorded (never empty).
    using ChangeListener = std::function<void(const std::vector<Change>& recorded)>;
    // Adds a listener for as long as the store lives.
    void addListener(ChangeListener listener);

    // --- Conveniences over apply() (store_edits.cpp) ---------------------------------------

    // Attaches a checklist with `items` to the document; fails if one is attached.
    Result<Checklist> attach(const std::string& document_path, const std::string& template_key,
                             const std::vector<NewItem>& items);
    // Marks an item done or not done (To do).
    Status setDone(std::int64_t document_id, std::int64_t item_id, bool done);
    // Changes an item's status; `reason` is kept for Waiting on client and Blocked.
    Status setStatus(std::int64_t document_id, std::int64_t item_id, ItemStatus status, const std::string& reason,
                     std::int64_t now);
    // Sets an item's due date (YYYY-MM-DD, or "" for none).
    Status setDue(std::int64_t document_id, std::int64_t item_id, const std::string& due);
    // Sets who acts on an item.
    Status setOwner(std::int64_t document_id, std::int64_t item_id, Owner owner);
    // Sets an item's note.
    Status setNote(std::int64_t document_id, std::int64_t item_id, const std::string& note);
    // Makes an item internal (hidden from the client) or client-visible.
    Status setInternal(std::int64_t document_id, std::int64_t item_id, bool internal);
    // Adds a custom item with the user's text at the end of `section_id` (0: the last section).
    Result<std::int64_t> addCustomItem(std::int64_t document_id, std::int64_t section_id, const std::string& text);
    // Sets the agreed revision rounds and those used so far.
    Status setRevisionRounds(std::int64_t document_id, std::optional<int> agreed, int used);
    // Sets the update rhythm in days and the next update's date.
    Status setUpdateRhythm(std::int64_t document_id, std::optional<int> every_days, const std::string& next_due);
    // Sets the project deadline (YYYY-MM-DD, or "").
    Status setDeadline(std::int64_t document_id, const std::string& deadline);
    // Changes a custom item's text; a template item's text follows its template and is refused.
    Status renameItem(std::int64_t document_id, std::int64_t item_id, const std::string& text);
    // Moves an item to `index` (0-based, clamped) among the items of section `section_id`.
    Status moveItem(std::int64_t document_id, std::int64_t item_id, std::int64_t section_id, std::size_t index);
    // Deletes an item; returns it as it was, so that restoreItem() can undo the deletion.
    Result<ChecklistItem> deleteItem(std::int64_t document_id, std::int64_t item_id);
    // Puts a deleted item back exactly as it was: same id, section, place and fields.
    Status restoreItem(std::int64_t document_id, const ChecklistItem& item);
    // Adds an empty section titled `title` at the end; returns its id.
    Result<std::int64_t> addSection(std::int64_t document_id, const std::string& title);
    // Renames a section; the user's title replaces a template section's translated one.
    Status renameSection(std::int64_t document_id, std::int64_t section_id, const std::string& title);
    // Moves a section to `index` (0-based, clamped) among the checklist's sections.
    Status moveSection(std::int64_t document_id, std::int64_t section_id, std::size_t index);
    // Deletes a section and every item in it; returns them for undo.
    Result<DeletedSection> deleteSection(std::int64_t document_id, std::int64_t section_id);
    // Puts a deleted section and its items back exactly as they were.
    Status restoreSection(std::int64_t document_id, const DeletedSection& deleted);
    // Appends `items` to an attached checklist as new sections (another template combined in).
    Status addTemplateItems(std::int64_t document_id, const std::vector<NewItem>& items);

    // --- Documents (store_documents.cpp) -------------------------------------------------

    // The document at `old_path` now lives at `new_path` (Save As, rename, move): its
    // checklist goes with it. Refused when `new_path` already has a checklist; nothing to
    // do (and success) when nothing is attached at `old_path`.
    Status renameDocument(const std::string& old_path, const std::string& new_path);
    // A checklist whose document is gone, and where the document was.
    struct Orphan {
        std::int64_t document_id = 0;
        std::string path;
    };
    // Checklists whose document file no longer exists: never silently lost, re-attachable.
    Result<std::vector<Orphan>> orphans();
    // Attaches an orphaned checklist to the document now at `new_path`.
    Status reattach(std::int64_t document_id, const std::string& new_path);
    // If the file at `new_path` has the content fingerprint of exactly one checklist whose
    // file is gone, moves that checklist to it; returns the old path, or nullopt.
    Result<std::optional<std::string>> relinkByFingerprint(const std::string& new_path);
    // Every orphaned checklist compared with the document now at `new_path` (see
    // content_sketch.h for the measure), for the user to choose from.
    Result<RelinkSearch> relinkCandidates(const std::string& new_path);
    // Records the document's current content sketch (after a save). Bookkeeping, not a
    // change to the checklist: nothing is recorded in the history.
    Status updateFingerprint(const std::string& document_path);

    // Puts a whole checklist with its history into the store, exactly as given (ids,
    // positions, times), in one transaction; refused when the document has one already.
    // The imported history is the record: no row of its own is added.
    Status importChecklist(const Checklist& checklist, const std::vector<HistoryEntry>& history,
                           const std::vector<LogEntry>& log = {});

    // --- Sharing (store_sharing.cpp) ------------------------------------------------------

    // This store's node id: the replica its changes come from (16 hex digits).
    const std::string& nodeId() const noexcept { return node_; }
    // Whose changes apply() records from now on (recorded with each change; may be "").
    void setAuthor(std::string author) { author_ = std::move(author); }
    const std::string& author() const noexcept { return author_; }
    // The document's share record, or nullopt when its checklist is not shared.
    Result<std::optional<SharedDocument>> sharedDocument(std::int64_t document_id);
    // The store's copy of a shared checklist's change log, in clock order.
    Result<std::vector<LoggedChange>> sharedLog(std::int64_t document_id);
    // The latest change of a shared checklist's log (by clock), or nullopt for none.
    Result<std::optional<LoggedChange>> lastLogged(std::int64_t document_id);
    // The id of the checklist attached at `document_path`, or nullopt (one indexed read).
    Result<std::optional<std::int64_t>> documentIdOf(const std::string& document_path);

    // --- Report snapshots (store_reports.cpp) --------------------------------------------

    // Keeps a report made for the document, durably, and records it in the history;
    // `report.id` is ignored and the new id returned. made_at 0 means now.
    Result<std::int64_t> saveReport(std::int64_t document_id, const StoredReport& report);
    // Every report kept for the document, newest first.
    Result<std::vector<StoredReport>> reports(std::int64_t document_id);
    // The language of the newest report for the document, or nullopt if none was made:
    // the next report's default language.
    Result<std::optional<std::string>> lastReportLanguage(std::int64_t document_id);

private:
    Store(std::filesystem::path file, sqlite::Connection db);
    Error readError() const;
    // The history rows `query` selects for ?1 = `document_id` (history()'s columns, in its order).
    Result<std::vector<HistoryEntry>> historyRows(const char* query, std::int64_t document_id);
    Error writeError() const;
    // Applies and records `batch` inside the caller's transaction; `recorded` gets what the
    // listeners are to hear.
    Status applyInTransaction(std::vector<Change>& batch, std::vector<Change>& recorded);
    // Appends a history row for `change` inside the caller's transaction; sets its sequence.
    bool record(Change& change);
    // Gives a change its id, author and clock; for a shared checklist, also its sidecar lines
    // in the store's copy of the log (store_sharing.cpp).
    Status stampAndLog(detail::ChangeContext& context, Change& change);
    // Whether the document's checklist is shared; the first time, or after anyone else wrote
    // the file, read with the latest clock of its log (store_sharing.cpp).
    Result<bool> isShared(std::int64_t document_id);
    // Takes note of a recorded change that brought other replicas' clocks.
    void heard(const Change& change);
    Status readNode();

    std::filesystem::path file_;
    sqlite::Connection db_;
    sqlite::StatementCache statements_;
    std::vector<ChangeListener> listeners_;
    std::unordered_map<std::int64_t, std::int64_t> nextSequence_; // history sequence by document
    // Whether each document is shared, as last read: trusted only while no one but apply()
    // has written the file since (knownVersion_, the data version after apply()'s last
    // commit), and forgotten by every change that may share, unshare or merge.
    std::unordered_map<std::int64_t, bool> sharedKnown_;
    std::optional<unsigned> knownVersion_;
    std::optional<Error> readOnly_;
    std::string node_;   // this replica (meta 'node')
    std::string author_; // recorded with each change
    Hlc clock_;          // the latest clock reading made or seen
};

} // namespace rapport
