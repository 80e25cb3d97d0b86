// The client log: what the client said, when and how, what we answered, and what we
// promised. A log per document, beside its checklist. A promise is a checklist item
// (with its due date) linked to the entry that made it: the entry keeps the item's id
// (promise_item_id), and promiseEntryOf() finds the entry of an item, so the link is
// stored once and can never disagree with itself. Plain data and pure functions; the
// store keeps the entries (store_log_changes.cpp), reports and the command line read them.
//
// Every keyword below is stored and exported: never rename one.
#pragma once

#include "model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// How the client spoke to us.
enum class LogChannel { Call, Email, Meeting, Message };
// What the client said, as a kind.
enum class LogKind { Request, ChangeRequest, Complaint, Approval, Feedback, Question };
// What became of a change request (None for every other kind).
enum class ChangeOutcome { None, Awaiting, Accepted, Declined };

// "call", "email", "meeting", "message".
std::string_view channelKeyword(LogChannel channel);
std::optional<LogChannel> parseChannelKeyword(std::string_view keyword);
// "request", "change-request", "complaint", "approval", "feedback", "question".
std::string_view logKindKeyword(LogKind kind);
std::optional<LogKind> parseLogKindKeyword(std::string_view keyword);
// "", "awaiting", "accepted", "declined".
std::string_view outcomeKeyword(ChangeOutcome outcome);
std::optional<ChangeOutcome> parseOutcomeKeyword(std::string_view keyword);

// One entry of the log.
struct LogEntry {
    std::int64_t id = 0;          // numbered per document, from 1 (set by the store)
    std::string when;             // local date-time, "YYYY-MM-DDTHH:MM"
    LogChannel channel = LogChannel::Call;
    std::string who;              // who spoke for the client; may be ""
    LogKind kind = LogKind::Request;
    std::string said;             // what the client said, in the user's words; never ""
    std::string answer;           // our answer; may be ""
    bool internal = false;        // never shown to the client (reports leave it out)
    std::string resolution;       // how a complaint (or any entry) was resolved; "" while open
    ChangeOutcome outcome = ChangeOutcome::None; // change requests: Awaiting until decided
    std::string decline_reason;   // why a change request was declined
    std::int64_t promise_item_id = 0; // the checklist item we promised in this entry, 0 for none
    std::string uid{};            // the same on every replica of a shared checklist (16 hex digits, set
                                  // by the store); "" only in entries not yet kept

    bool operator==(const LogEntry&) const = default;
};

// True for "YYYY-MM-DDTHH:MM" naming a real date (isDateOrEmpty) and time.
bool isLogDateTime(std::string_view text);
// The entry's date, "YYYY-MM-DD" (the first ten characters of `when`).
std::string_view logDate(const LogEntry& entry);

// An entry as one line of text for the history (old and new values) and undo: fields
// separated by '|', with '%' and '|' in them written %25 and %7C; the uid last, when the
// entry has one (history rows from before uids have twelve fields). Decoding gives back
// exactly what was encoded; nullopt for text that is not an encoded entry.
std::string encodeLogEntry(const LogEntry& entry);
std::optional<LogEntry> decodeLogEntry(std::string_view text);
// What resolving an entry sets: outcome, decline reason, resolution, encoded the same way.
std::string encodeResolution(const LogEntry& entry);
// Applies an encoded resolution to `entry`; false when `text` is not one.
bool applyResolution(std::string_view text, LogEntry& entry);

// Why `entry` cannot be kept (an English phrase for the error's detail), or nullptr.
// Text fields are checked by the store against text_rules.h as well.
const char* logEntryProblem(const LogEntry& entry);

// Where a promise stands on a given day.
enum class PromiseState {
    Open,       // not done, not yet past its due date (or no due date)
    KeptOnTime, // done on or before its due date (or done, with no due date)
    KeptLate,   // done after its due date
    Broken,     // past its due date and not done
    Reopened,   // was done, is not any more, and is not yet overdue
    Withdrawn,  // its item is not applicable or gone: no longer promised
};
// "open", "kept-on-time", "kept-late", "broken", "reopened", "withdrawn".
std::string_view promiseStateKeyword(PromiseState state);

// What a promise's state is judged from.
struct PromiseFacts {
    bool exists = true;         // the item is still on the checklist
    ItemStatus status = ItemStatus::ToDo;
    std::string due;            // YYYY-MM-DD or ""
    std::string done_on;        // the local day it was done (when done), YYYY-MM-DD
    bool was_done_before = false; // it has been done and undone at least once
};
PromiseState promiseState(const PromiseFacts& facts, std::string_view today);

// The rows of a checklist's history that a promise is judged from (those that undid a Done):
// judged against these alone, a promise costs a look at a few rows, not the whole history.
std::vector<HistoryEntry> promiseHistoryOf(const std::vector<HistoryEntry>& history);

// The facts of the promise made by item `item_id` of `checklist`, from the item and the
// checklist's history, whole or as promiseHistoryOf() keeps it (when it was done, whether it
// was ever done before).
PromiseFacts promiseFactsOf(const Checklist& checklist, const std::vector<HistoryEntry>& history,
                            std::int64_t item_id);

// "Promises kept: N of M on time": M counts the promises whose outcome is known on the
// day — kept (on time or late) or broken; open, reopened and withdrawn ones wait.
struct PromiseFigures {
    std::size_t kept_on_time = 0;
    std::size_t kept_late = 0;
    std::size_t broken = 0;
    std::size_t open = 0;       // open or reopened
    std::size_t judged() const noexcept { return kept_on_time + kept_late + broken; }
};
// The figures of the promises in `entries` (internal entries too when `with_internal`).
PromiseFigures promiseFiguresOf(const std::vector<LogEntry>& entries, const Checklist& checklist,
                                const std::vector<HistoryEntry>& history, std::string_view today,
                                bool with_internal);

// The entry whose promise is item `item_id`, or nullptr (the item → entry side of the link).
const LogEntry* promiseEntryOf(const std::vector<LogEntry>& entries, std::int64_t item_id);

} // namespace rapport
