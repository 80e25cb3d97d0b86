// Inside the sidecar's text (docs/sidecar-format.md): what each kind of line holds and how
// each value is checked. Only the format's own files include this: sidecar_format.cpp reads
// lines against the table, sidecar_kinds.cpp keeps it, sidecar_values.cpp escapes values.
#pragma once

#include "sidecar_format.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport::sidecar {

// How one value is checked.
enum class Check {
    Text,         // any UTF-8
    NonEmpty,     // any UTF-8 but ""
    Uid,          // 16 hex digits
    UidOrNone,    // 16 hex digits or ""
    Status,       // a status keyword
    Date,         // YYYY-MM-DD or ""
    Bit,          // 0 or 1
    Count,        // 0..999999
    CountOrNone,  // a count or ""
    DaysOrNone,   // 1..999999 or ""
    Id,           // a local id, 1..2^53
    Position,     // an integer
    SinceOrNone,  // unix seconds or ""
    Index,        // 0..10^9
    Seconds,      // unix seconds, not negative
    LogTime,      // a client log entry's time, YYYY-MM-DDTHH:MM (client_log.h)
    Channel,      // a client log channel keyword
    LogKind,      // a client log kind keyword
    Outcome,      // a change request's outcome keyword, or ""
};

// True when `value` passes `check`.
bool passes(Check check, const std::string& value);

// One key of a kind of line.
struct Key {
    std::string_view name;
    Check check;
    bool required;
};

// Where a kind of line stands in its change: first, or one of the rows after the first.
enum class Place { First, Sub };

// One kind of line: its keys, and whether rows may follow it.
struct KindSpec {
    std::string_view kind;
    Place place;
    std::vector<Key> keys;
    bool carriesRows; // may be followed by +section / +item (or, for log-shared, +entry) lines
};

// The kind called `kind`, or nullptr for a kind this format does not know (a foreign line).
const KindSpec* specOf(std::string_view kind);

// Rows in a change of several lines: only the kinds that carry them, each only its own rows.
bool validStructure(const Block& block);

// Unescapes `text` into `out`; false for a malformed escape or a value that is not UTF-8.
// `line_checked`: the line `text` comes from is known to be UTF-8 already.
bool unescapeInto(std::string_view text, std::string& out, bool line_checked);

} // namespace rapport::sidecar
