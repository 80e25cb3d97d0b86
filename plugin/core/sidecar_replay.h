// A shared checklist is what replaying its change log gives: every change in (clock,
// change id) order, each applied exactly as the store's own SQL applies it (same local
// ids, same positions), so that a replica that made a change and one that read it from
// the sidecar hold the same rows. A change whose target is gone is skipped: a move or an
// edit of an item deleted before it in that order does nothing.
#pragma once

#include "model.h"
#include "sidecar_format.h"
#include "sidecar_log.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::sidecar {

// The change that last set one field, as the replay met it.
struct FieldWriter {
    std::string kind;   // "status", "note", "section-title", "deadline", ...
    std::string target; // the item's or section's uid; "" for the checklist's own fields
    std::string value;
    const Block* block = nullptr;
};

// What a replay gives.
struct Replayed {
    Checklist checklist; // sections and items in display order; document id and path left empty
    // The last writer of every field that was set, by fieldKey().
    std::map<std::string, FieldWriter> last_writers;
    const Block* last = nullptr; // the latest change of all, or nullptr for none
    ReplayedLog log;             // the client log (sidecar_log.h)
};

// The key of one field in Replayed::last_writers.
std::string fieldKey(const std::string& kind, const std::string& target);

// Replays `blocks` (in any order: they are sorted here) from an empty checklist.
Replayed replay(std::vector<const Block*> blocks);

// The history row a change read from a sidecar is recorded as, against the replayed
// checklist (for the item's local id) and log (a log change's values); the store assigns
// its sequence.
HistoryEntry historyRowOf(const Block& block, const Checklist& replayed, const ReplayedLog& log);

// The kinds of lines that set one field of an item, a section or the checklist.
bool isFieldKind(const std::string& kind);

} // namespace rapport::sidecar
