// Revision rounds as started: what each was for and when. A round is started by a
// RevisionRoundStarted change (change.h), so the history holds them; this reads them back.
#pragma once

#include "model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rapport {

struct RevisionRound {
    int number = 0;        // from 1
    std::int64_t at = 0;   // unix seconds
    std::string purpose;   // what it was for; "" for a round counted without one
};

// The rounds the history records, oldest first: each "revision_round" row starts one; a
// "revision_rounds_used" row (an undo, an edit, an import) sets the count, dropping the
// latest rounds or adding rounds without a purpose.
std::vector<RevisionRound> revisionRoundsOf(const std::vector<HistoryEntry>& history);

// True when starting one more round would go beyond the rounds agreed.
bool roundWouldExceedAgreed(const Checklist& checklist);

} // namespace rapport
