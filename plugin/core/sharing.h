// Sharing a checklist with a team through the project's own git repository or synced
// folder (docs/sidecar-format.md). A shared checklist's changes are kept as a log in a
// sidecar file beside the document; every replica's checklist is the replay of the log.
//
//   writing   every change recorded for a shared checklist is appended to its sidecar
//             after the commit (a listener of the store: one O_APPEND write per change);
//   reading   sync() folds the sidecar (and any conflict copies a synchroniser left, and
//             any conflict markers a merge without the driver left) into the store: the
//             changes the store had not seen are replayed with the others and recorded
//             through Store::apply (ChangeKind::Merged); the file is then rewritten in
//             canonical order with every change the store has, if it was not so already;
//   joining   sync() on a document whose checklist the store has never seen, but which
//             has a sidecar, attaches the checklist the sidecar holds.
//
// The store is the durable truth: a change is committed before its line is written, and a
// line the file lacks (a crash between the two, a line lost to a concurrent rewrite) is
// written again by the next sync().
#pragma once

#include "error.h"
#include "sidecar_file.h"
#include "store.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

// A change of this replica that a later change from someone else replaced.
struct OverriddenChange {
    std::string kind;         // the field: "status", "note", "due", ...
    std::int64_t item_id = 0; // the item (0 for a section or the checklist itself)
    std::string their_author;
    std::int64_t their_at = 0; // unix seconds
    std::string their_value;
    std::string your_value;
};

// What one sync() found and did.
struct SyncReport {
    bool shared = false;           // the document's checklist is shared (after the call)
    bool joined = false;           // it was attached from the sidecar just now
    bool file_changed = false;     // the sidecar differed from what this replica last saw
    std::size_t merged = 0;        // changes from others recorded in the store
    std::size_t bad_lines = 0;     // lines skipped: malformed, foreign, incomplete
    std::vector<std::size_t> first_bad; // their line numbers, the first few
    bool markers_repaired = false; // conflict markers were removed
    std::size_t copies_folded = 0; // conflict copies read and removed
    bool future_version = false;   // written by a newer Rapport: neither read nor written
    bool rewritten = false;        // the sidecar was written anew
    bool unjoined_sidecar = false; // a sidecar exists, but this store keeps its own checklist there
    std::vector<OverriddenChange> overridden;
    std::optional<Error> file_error; // the sidecar could not be read or written; the store is fine
};

// The sharing state of one document, for the sidebar's header.
struct ShareStatus {
    bool shared = false;
    std::filesystem::path sidecar;
    std::string last_author; // who made the latest change of the log
    std::int64_t last_at = 0;
    std::string last_kind;
};

// Shares checklists of one store and keeps their sidecars and the store in step.
class Sharing {
public:
    // Listens to `store` for changes to append. The store must outlive this object and stay
    // where it is (its listener keeps its address).
    explicit Sharing(Store& store);
    ~Sharing();
    Sharing(const Sharing&) = delete;
    Sharing& operator=(const Sharing&) = delete;

    // Starts sharing the checklist attached to the document: records it, writes the
    // checklist as it is now to the sidecar, and folds in a sidecar that exists already
    // (the team's changes and this checklist's are then combined).
    Result<SyncReport> share(const std::string& document_path);
    // Stops writing the sidecar; the file stays where it is and nothing in the store is lost.
    Status unshare(const std::string& document_path);
    // Reads the document's sidecar into the store and writes back what it lacks; joins a
    // shared checklist this store has not seen. Cheap when the document is not shared.
    Result<SyncReport> sync(const std::string& document_path);
    // True when the document's sidecar changed on disk since this object last read or
    // wrote it (one stat).
    bool changedOnDisk(const std::string& document_path) const;
    // Rewrites in canonical order the sidecars this object appended to (an appended line
    // sits at the end until then); the command line calls it before it exits.
    // Returns how many changes from others reading the files back found.
    std::size_t settle();
    // Whether lines were appended since the last settle().
    bool unsettled() const noexcept { return !state_->appended.empty(); }

    // Whose changes to the document are: git's user.name in the document's folder for a
    // shared checklist, else the name in the settings ("author"), else the login name.
    std::string authorFor(const std::string& document_path, bool shared);
    // Sets the store's author for changes to the document (see authorFor()).
    void useAuthorFor(const std::string& document_path);

    // The document's sharing state, with who changed it last.
    ShareStatus status(std::int64_t document_id);

    // The most recent problem the listener met writing a sidecar (it cannot report one).
    const std::optional<Error>& appendError() const noexcept { return state_->append_error; }

private:
    struct State {
        std::map<std::filesystem::path, sidecar::FileStamp> seen; // as this object last left each file
        std::map<std::int64_t, std::filesystem::path> sidecars;   // by document id
        std::optional<Error> append_error;
        std::map<std::filesystem::path, std::string> appended;    // files with lines at their end, by document
    };
    static void appendRecorded(State& state, Store& store, const std::vector<Change>& recorded);
    Result<SyncReport> syncShared(const SharedDocument& shared, SyncReport report);
    Result<SyncReport> join(const std::string& document_path, const std::filesystem::path& sidecar);

    Store& store_;
    std::shared_ptr<State> state_; // the store's listener holds it too: it outlives this object
    std::map<std::string, std::string> gitNames_; // by folder
    std::optional<std::string> fallbackAuthor_;
};

} // namespace rapport
