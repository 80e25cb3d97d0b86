// The update rhythm: how often the client hears from us (weekly, every two weeks, monthly,
// or every N days), and where the next update moves once one is sent. Pure functions over
// YYYY-MM-DD dates; the store keeps the rhythm as its keyword (Checklist::update_rhythm).
#pragma once

#include "model.h"

#include <optional>
#include <string>
#include <string_view>

namespace rapport {

struct UpdateRhythm {
    enum class Kind { None, Weekly, Biweekly, Monthly, EveryDays };
    Kind kind = Kind::None;
    int days = 0; // EveryDays only: 1..kMaxRhythmDays

    bool operator==(const UpdateRhythm&) const = default;
};

inline constexpr int kMaxRhythmDays = 366;

// "" (none), "weekly", "biweekly", "monthly" or "Nd" (N from 1 to kMaxRhythmDays; "7d" is
// taken as written, not turned into weekly); nullopt for anything else.
std::optional<UpdateRhythm> parseUpdateRhythm(std::string_view text);
// The keyword parseUpdateRhythm() reads back.
std::string rhythmKeyword(const UpdateRhythm& rhythm);
// The checklist's rhythm: update_rhythm, else update_every_days (stores from before the
// rhythm had a keyword), else none.
UpdateRhythm rhythmOf(const Checklist& checklist);

// `date` (YYYY-MM-DD) moved on by `times` periods of `rhythm`; a monthly rhythm keeps the
// day of the month and clamps it to the month's end (Jan 31 -> Feb 28 or 29 -> Mar 31 for
// times 1 and 2). "" when there is no rhythm, the date is not one, or the result falls
// after the last year a date may have.
std::string advanceByRhythm(const UpdateRhythm& rhythm, std::string_view date, int times = 1);

// When the next update is due once the current one is sent on `today`: the due date (or
// today when none is set) moved on by the rhythm until it is after today. "" when the
// checklist has no rhythm.
std::string nextUpdateAfterSent(const Checklist& checklist, std::string_view today);

} // namespace rapport
