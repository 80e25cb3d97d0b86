// Hybrid logical clocks (Kulkarni et al., 2014) and the random ids of a shared checklist.
// Every change gets a clock reading: wall-clock milliseconds, plus a counter that keeps
// readings strictly increasing when the wall clock stalls or runs behind one already
// seen. Replaying a shared checklist's changes in (clock, change id) order gives every
// replica the same result, and a change made after seeing another always sorts after it.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// One reading of a hybrid logical clock.
struct Hlc {
    std::int64_t millis = 0;    // unix milliseconds
    std::uint32_t counter = 0;  // orders readings within one millisecond; below kMaxCounter

    static constexpr std::uint32_t kMaxCounter = 10000;

    // Fixed width, so that text order is clock order: "0001718000000000.0042" (16 + 1 + 4).
    std::string text() const;
    // The reading written by text(), or nullopt for anything else.
    static std::optional<Hlc> parse(std::string_view text);
    // Unix seconds of the reading.
    std::int64_t seconds() const noexcept { return millis / 1000; }

    auto operator<=>(const Hlc&) const = default;
};

// The reading for a new local change after `last` (the latest reading this replica has
// made or seen), at wall time `now_millis`: strictly later than `last`.
Hlc nextHlc(Hlc last, std::int64_t now_millis);
// Unix milliseconds now.
std::int64_t nowMillis();

// A new random id for a change, an item or a section: 16 lower-case hex digits (64 bits).
std::string newReplicaId();
// True for text newReplicaId() could have made.
bool isReplicaId(std::string_view text);

} // namespace rapport
