// A described change to a checklist: what changes, from what to what, who made it and
// when. Every mutation of a checklist is one of these and goes through one function,
// Store::apply(), which applies it, records it as one history row and tells the
// listeners (see docs/architecture.md, "The one write path"). Undo is the inverse change.
#pragma once

#include "client_log.h"
#include "model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// What a change does. Each kind is recorded in the history under its own word (see
// changeField()); those words are stored and exported: never rename one.
enum class ChangeKind {
    Attached,             // "attached": a checklist started on a document, with `new_items`
    TemplateAdded,        // "template-added": another template's sections appended (`new_items`)
    Status,               // "status": an item's status (keywords, see statusKeyword())
    Reason,               // "reason": why an item waits or is blocked
    Due,                  // "due": an item's due date, YYYY-MM-DD or ""
    Owner,                // "owner": who acts on an item, "0" us, "1" the client
    Note,                 // "note": an item's note
    Internal,             // "internal": "1" hidden from the client, "0" visible
    ItemText,             // "text": a custom item's text
    ItemAdded,            // "item": a custom item added at the end of `section_id` (0: the last)
    ItemMoved,            // "moved": an item moved to `index` in `section_id`; values "SECTION:INDEX"
    ItemDeleted,          // "deleted": an item removed; the store returns it in `item`
    ItemRestored,         // "restored": `item` put back exactly as it was
    SectionAdded,         // "section": a section of the user's own, titled `new_value`
    SectionTitle,         // "section-title": a section's own title ("" follows the template)
    SectionMoved,         // "section-moved": a section moved to `index`; values "SECTION:INDEX"
    SectionDeleted,       // "section-deleted": a section and its items removed; returned in `section`
    SectionRestored,      // "section-restored": `section` put back with its items
    RevisionRoundsAgreed, // "revision_rounds_agreed": a number, "" when none was agreed
    RevisionRoundsUsed,   // "revision_rounds_used": a number
    UpdateEveryDays,      // "update_every_days": the update rhythm in days, "" for none
    NextUpdateDue,        // "next_update_due": YYYY-MM-DD or ""
    Deadline,             // "deadline": YYYY-MM-DD or ""
    ClientName,           // "client_name": who the work is for, "" for none
    ClientLanguage,       // "client_language": the client's report language code, "" for none
    UpdateRhythm,         // "update_rhythm": weekly, biweekly, monthly, Nd, "" (update_rhythm.h)
    RevisionRoundStarted, // "revision_round": a revision round starts; `new_value` says what it is
                          // for, the store records the rounds used before as `old_value` and
                          // counts one more (undone by setting RevisionRoundsUsed back)
    DocumentMoved,        // "path": the document now lives at `new_value`
    ReportKept,           // "report": a progress report kept as a snapshot (`report`)
    Imported,             // a whole checklist with the history it brings (`imported`); adds no row
    Shared,               // "shared": the checklist is shared through the sidecar file `new_value`
    Unshared,             // "unshared": the sidecar `old_value` is no longer written
    Merged,               // changes read from the sidecar (`merged`): the replayed checklist and one
                          // history row per change, recorded with their own ids; adds no row of its own
    // The client log (client_log.h). Values carry the entry's id, so the history says which.
    LogEntryAdded,        // "log-added": `new_value` an encoded entry (encodeLogEntry); id 0: the store
                          // numbers it (id N: put back as it was); `item_id` non-zero links that item as
                          // its promise. The store records the entry as kept, with its id
    LogEntryEdited,       // "log-edited": `new_value` the encoded entry N as it is to be; its promise link
                          // stays (LogPromiseLinked changes it)
    LogEntryDeleted,      // "log-deleted": `new_value` "N"; the store records the entry as `old_value`
    LogEntryResolved,     // "log-resolved": `new_value` "N:" + encodeResolution() (outcome, reason, resolution)
    LogPromiseLinked,     // "log-promise": `new_value` "N:ITEM", the item promised in entry N ("N:0" none)
    LogShared,            // "log-shared": the client log as it is, written to the sidecar when a checklist
                          // is shared (with Shared, one batch); changes no row, `new_value` the number of
                          // entries; nothing to record (Unchanged) for an empty log
};

// The history's word for `kind` ("status", "section-moved", ...).
std::string_view changeField(ChangeKind kind);
// True for the kinds that concern one item (the history records the item's id).
bool isItemChange(ChangeKind kind);
// The kind recorded under `field`, or nullopt for a word no change uses.
std::optional<ChangeKind> changeKindOfField(std::string_view field);

// A progress report kept as made: its content as snapshot XML (see report.h).
struct StoredReport {
    std::int64_t id = 0;       // numbered per document, from 1
    std::int64_t made_at = 0;  // unix seconds
    std::string language_code; // "en", "ru", "tr", "zh_CN"
    std::string format;        // "html", "md", "txt", "pdf"
    std::string content_xml;
};

// A section as it was deleted, with the items it held, so that it can be put back.
struct DeletedSection {
    ChecklistSection section;
    std::vector<ChecklistItem> items;
};

// A checklist as exported, with its history: what an import puts into the store.
struct ImportedChecklist {
    Checklist checklist;
    std::vector<HistoryEntry> history;
    std::vector<LogEntry> log{}; // its client log, numbers and promise links as exported
};

// One change of a shared checklist's log as its sidecar holds it (sidecar_format.h).
struct LoggedChange {
    std::string hlc;       // its clock reading (Hlc::text())
    std::string change_id; // globally unique
    std::string node;      // the store that made it
    std::string lines;     // its lines in the sidecar, each ending in '\n'
};

// What a merge writes: the checklist as the replay of its whole log gives it, and the
// changes the store had not seen, each recorded in the history with its own id.
struct MergedLog {
    Checklist checklist;                 // ids, positions and uids as the replay assigned them
    std::vector<LoggedChange> changes;   // the new changes, for the store's copy of the log
    std::vector<HistoryEntry> history;   // one row each (sequence assigned by the store)
    std::string sidecar;                 // joining: the sidecar the document is now shared through
    // The client log as the replay gives it (numbers as assigned, promises as the replayed
    // checklist's item ids), and every entry uid the log names: an entry of the store that
    // the log never named (kept before sharing by an older Rapport) stays as it is.
    std::vector<LogEntry> log{};
    std::vector<std::string> log_named{};
};

// One change. The caller says what and to which value; Store::apply() fills in the
// rest (the old value, the ids it assigned, what a deletion removed, when).
struct Change {
    // In a batch, an item_id of kAddedInBatch means the item the batch's last ItemAdded
    // created, so that one transaction can add an item and set its fields.
    static constexpr std::int64_t kAddedInBatch = -1;

    ChangeKind kind = ChangeKind::Status;
    std::int64_t document_id = 0; // 0 with Attached: the store finds or makes the document
    std::string document_path;    // Attached: the document's canonical path
    std::int64_t item_id = 0;     // the item an item change concerns (ItemAdded: set by the store)
    std::int64_t section_id = 0;  // the section a section change concerns; where an item goes
    std::size_t index = 0;        // ItemMoved, SectionMoved: the place, 0-based, clamped
    std::string old_value;        // as recorded in the history; set by the store
    std::string new_value;        // the value after the change, as recorded in the history
    std::int64_t at = 0;          // unix seconds; 0 means when it is applied
    std::int64_t sequence = 0;    // its history row, set by the store; 0: nothing changed,
                                  // -1: an import, recorded by the rows it brought

    std::vector<NewItem> new_items;          // Attached, TemplateAdded
    std::optional<ChecklistItem> item;       // ItemRestored; what ItemDeleted removed
    std::optional<DeletedSection> section;   // SectionRestored; what SectionDeleted removed
    std::optional<StoredReport> report;      // ReportKept (its id is set by the store)
    std::shared_ptr<const ImportedChecklist> imported; // Imported
    std::shared_ptr<const MergedLog> merged;           // Merged
    // An undo that cannot say everything the change it undid said (a revision round's
    // purpose): that change, which inverseOf() puts back as it was when this is undone.
    std::shared_ptr<const Change> undid;

    // Set by the store for every recorded change (see hlc.h): who, when, which.
    std::string change_id;
    std::string author;
    std::string hlc;
    // Set by the store when the checklist is shared: the change's lines for its sidecar.
    std::string sidecar_lines;

    // True once the store has applied and recorded it.
    bool recorded() const noexcept { return sequence != 0; }
};

// The log entry a log change concerns (the id in its value), or 0 for any other change.
std::int64_t logEntryIdOf(const Change& change);

// The change that undoes `applied` (a change as Store::apply() returned it), or nullopt
// for changes that are not undone (attaching, moving the document, keeping a report).
std::optional<Change> inverseOf(const Change& applied);

// Changes that set one field of an item, a section or a checklist: the session, the
// command line and undo build their changes with these.
namespace changes {
Change itemField(ChangeKind kind, std::int64_t document_id, std::int64_t item_id, std::string value);
Change checklistField(ChangeKind kind, std::int64_t document_id, std::string value);
// Client log changes (see ChangeKind::LogEntryAdded and after).
Change logEntryAdded(std::int64_t document_id, const LogEntry& entry, std::int64_t promise_item_id = 0);
Change logEntryEdited(std::int64_t document_id, const LogEntry& entry);
Change logEntryDeleted(std::int64_t document_id, std::int64_t entry_id);
Change logEntryResolved(std::int64_t document_id, const LogEntry& entry); // its outcome, reason, resolution
Change logPromiseLinked(std::int64_t document_id, std::int64_t entry_id, std::int64_t item_id);
// A new entry with a promise: the promise as a custom item at the end of the last section,
// its due date (internal too when the entry is), and the entry linked to it, as one batch
// (all or nothing).
std::vector<Change> logEntryWithPromise(std::int64_t document_id, const LogEntry& entry,
                                        const std::string& promise, const std::string& due);
// A status change and the reason that goes with it (kept only for Waiting and Blocked).
std::vector<Change> status(std::int64_t document_id, std::int64_t item_id, ItemStatus status,
                           const std::string& reason, std::int64_t at);
} // namespace changes

} // namespace rapport
