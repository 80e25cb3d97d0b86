#include "revision_rounds.h"

#include <charconv>

namespace rapport {

std::vector<RevisionRound> revisionRoundsOf(const std::vector<HistoryEntry>& history)
{
    std::vector<RevisionRound> rounds;
    for (const HistoryEntry& row : history) {
        if (row.field == "revision_round") {
            rounds.push_back({static_cast<int>(rounds.size()) + 1, row.at, row.new_value});
        } else if (row.field == "revision_rounds_used") {
            int count = 0;
            const auto [end, error] = std::from_chars(row.new_value.data(), row.new_value.data() + row.new_value.size(), count);
            if (error != std::errc() || count < 0 || count > 999999)
                continue;
            while (static_cast<int>(rounds.size()) > count)
                rounds.pop_back();
            while (static_cast<int>(rounds.size()) < count)
                rounds.push_back({static_cast<int>(rounds.size()) + 1, row.at, {}});
        }
    }
    return rounds;
}

bool roundWouldExceedAgreed(const Checklist& checklist)
{
    return checklist.revision_rounds_agreed && checklist.revision_rounds_used >= *checklist.revision_rounds_agreed;
}

} // namespace rapport
