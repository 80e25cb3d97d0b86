// The checklist model: what a checklist, its sections, items and history are, and the
// figures derived from them. Plain data and pure functions; the store (store.h) keeps
// it, the session (sidebar_session.h) edits it, the reports (report.h) read it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// Where an item stands. Stored as these numbers: never renumber.
enum class ItemStatus { ToDo = 0, InProgress = 1, WaitingOnClient = 2, Blocked = 3, Done = 4, NotApplicable = 5 };

// Who has to act on an item.
enum class Owner { Us = 0, Client = 1 };

// The stable English word for a status, used on the command line and in exports.
std::string_view statusKeyword(ItemStatus status);
// The status for a keyword (todo, in-progress, waiting, blocked, done, na), or nullopt.
std::optional<ItemStatus> parseStatusKeyword(std::string_view keyword);

// One line of a checklist. Template items keep only their keys so that their text
// follows the current language; custom items keep the user's text exactly.
struct ChecklistItem {
    std::int64_t id = 0;
    std::int64_t position = 0;
    std::string template_key; // empty for a custom item
    std::string item_key;     // empty for a custom item
    std::string custom_text;  // empty for a template item
    bool done = false;        // status == Done, kept for callers that only tick
    std::int64_t section_id = 0;
    ItemStatus status = ItemStatus::ToDo;
    std::string status_reason;            // why it waits or is blocked
    std::optional<std::int64_t> status_since; // unix seconds the current status began
    std::string due;                      // YYYY-MM-DD or empty
    Owner owner = Owner::Us;
    std::string note;
    bool internal = false; // never shown to the client
    std::string uid{};     // the same on every replica of a shared checklist; 16 hex digits
};

// A group of items; a template section or the user's own.
struct ChecklistSection {
    std::int64_t id = 0;
    std::int64_t position = 0;
    std::string template_key;
    std::string section_key;
    std::string custom_title; // for a user's own section
    std::string uid{};        // the same on every replica of a shared checklist; 16 hex digits
};

// The checklist attached to one document.
struct Checklist {
    std::int64_t document_id = 0;
    std::string document_path; // canonical, UTF-8
    std::string template_key;  // the template it was started from; may be empty
    std::vector<ChecklistSection> sections;
    std::vector<ChecklistItem> items;
    std::optional<int> revision_rounds_agreed;
    int revision_rounds_used = 0;
    std::optional<int> update_every_days;
    std::string next_update_due; // YYYY-MM-DD or empty
    std::string deadline;        // YYYY-MM-DD or empty
    std::string client_name{};     // who the work is for; "" when not set
    std::string client_language{}; // the client's report language ("en", "ru", "tr", "zh_CN") or ""
    std::string update_rhythm{};   // "weekly", "biweekly", "monthly", "Nd" or "" (update_rhythm.h);
                                   // "" falls back to update_every_days, the rhythm of older stores
};

// An item to add when attaching a checklist.
struct NewItem {
    std::string template_key;
    std::string item_key;
    std::string custom_text;
    std::string section_key; // items with the same section key share a section
};

// One recorded change; the history is append-only.
struct HistoryEntry {
    std::int64_t sequence = 0;
    std::int64_t at = 0;      // unix seconds
    std::int64_t item_id = 0; // 0 for a change to the checklist itself
    std::string field;        // "status", "due", "owner", "note", "internal", "item", ...
    std::string old_value;
    std::string new_value;
    std::string change_id{}; // globally unique; "" for rows older than schema 4
    std::string author{};    // who made it (git's user.name, or the name in the settings)
    std::string hlc{};       // its hybrid logical clock (hlc.h); orders the changes of a shared checklist
};

// Figures derived from a checklist on a given day.
struct ChecklistFigures {
    std::size_t counted = 0;  // items that count (Not applicable does not)
    std::size_t done = 0;
    std::size_t open = 0;     // To do or In progress
    int percent_done = 0;     // 0..100, rounded down
    std::size_t overdue = 0;  // due before today and neither done nor not applicable
    std::size_t waiting_on_client = 0;
    std::size_t blocked = 0;
    std::int64_t client_wait_days = 0; // summed over items waiting on the client now
};

// True for "" or a real calendar date written YYYY-MM-DD in the years kFirstYear to
// kLastYear (text_rules.h).
bool isDateOrEmpty(std::string_view date);

// True when `item` is past its due date on `today` (YYYY-MM-DD) and neither done nor
// not applicable.
bool isOverdue(const ChecklistItem& item, std::string_view today);

// True for items the sidebar offers to delete: the user's own. A template item is marked
// Not applicable instead, so the template's promise stays on record.
bool isDeletable(const ChecklistItem& item);

// How far one section is: items done of those that count (Not applicable does not).
struct SectionFigures {
    std::size_t done = 0;
    std::size_t counted = 0;
};
SectionFigures sectionFiguresOf(const Checklist& checklist, std::int64_t section_id);

// The figures of `checklist` on `today` (YYYY-MM-DD) at `now` (unix seconds).
ChecklistFigures figuresOf(const Checklist& checklist, std::string_view today, std::int64_t now);

} // namespace rapport
