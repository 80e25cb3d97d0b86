// The client log (client_log.h) in a shared checklist's sidecar (docs/sidecar-format.md,
// "The client log"): its entries as lines, each named by a uid that is the same on every
// replica and a promise by its item's uid; and the log's part of the replay. The log's
// changes replay in the one (clock, change id) order with the checklist's, each applied as
// the store applies it, so two replicas that read the same lines keep the same log.
#pragma once

#include "client_log.h"
#include "sidecar_format.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rapport::sidecar {

// The line body of a whole entry (kinds "log-added", "+entry"); `promise_uid` is the
// promised item's uid, or "" for none.
Body entryRow(std::string kind, const LogEntry& entry, const std::string& promise_uid);
// The "log-edited" line of an edit from `before` to `after`: the entry's uid and only the
// fields that changed, so that two people editing different fields of one entry both win.
Body entryEdit(const LogEntry& before, const LogEntry& after);
// True for the kinds of the log's first lines ("log-added", "log-edited", ...).
bool isLogKind(std::string_view kind);

// What replaying the log gives.
struct ReplayedLog {
    // The entries, by number: numbers as the replay gave them, each promise as the replayed
    // checklist's item id (a deleted item's last id, as the store keeps it; 0 for none).
    std::vector<LogEntry> entries;
    // Every entry uid the log brought as a whole entry (log-added, +entry), deleted entries'
    // too: an entry of a store whose uid is not here was never in the log (kept unlogged
    // while an older Rapport shared the checklist) and stays the store's own.
    std::set<std::string> named;
    // The history values (old, new) of each log change the replay applied, as the store
    // records them: encoded entries, "N", "N:resolution", "N:ITEM".
    std::unordered_map<const Block*, std::pair<std::string, std::string>> values;
};

// The log's part of a replay: its lines in replay order, then finish().
class LogReplay {
public:
    // Applies one change whose first line is a log kind; a change the store would refuse
    // (an entry that exists already, or is gone; an entry that would break client_log.h's
    // rules) is skipped.
    void apply(const Block& block);
    // The log as replayed, its promises resolved against the replayed checklist: an item's
    // id, or for an item deleted since, the id it had (`gone`, by uid), as the store keeps it.
    ReplayedLog finish(const Checklist& replayed, const std::unordered_map<std::string, std::int64_t>& gone);

private:
    struct Entry {
        LogEntry entry;      // promise_item_id unused: the promise is `promise`
        std::string promise; // the promised item's uid, or ""
    };
    struct Step {
        const Block* block = nullptr;
        std::optional<Entry> before;
        std::optional<Entry> after;
    };

    Entry* find(const std::string& uid);
    void put(const Body& row, bool overwrite);
    void change(const Block& block, const Body& line);
    std::int64_t nextId() const;

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::size_t> index_; // uid -> place in entries_
    std::vector<Step> steps_;
    std::set<std::string> named_;
};

} // namespace rapport::sidecar
