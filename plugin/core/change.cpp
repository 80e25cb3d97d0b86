#include "change.h"

#include <array>
#include <cstdlib>
#include <utility>

namespace rapport {

namespace {

// What each kind is called in the history, and how it is undone.
enum class Target { Item, Section, Checklist, Document, Log };
struct KindField {
    ChangeKind kind;
    std::string_view field;
    Target target;
    bool undone_by_old_value; // a field set back to what it was
};

constexpr std::array<KindField, 39> kFields{{
    {ChangeKind::Attached, "attached", Target::Checklist, false},
    {ChangeKind::TemplateAdded, "template-added", Target::Checklist, false},
    {ChangeKind::Status, "status", Target::Item, true},
    {ChangeKind::Reason, "reason", Target::Item, true},
    {ChangeKind::Due, "due", Target::Item, true},
    {ChangeKind::Owner, "owner", Target::Item, true},
    {ChangeKind::Note, "note", Target::Item, true},
    {ChangeKind::Internal, "internal", Target::Item, true},
    {ChangeKind::ItemText, "text", Target::Item, true},
    {ChangeKind::ItemAdded, "item", Target::Item, false},
    {ChangeKind::ItemMoved, "moved", Target::Item, false},
    {ChangeKind::ItemDeleted, "deleted", Target::Item, false},
    {ChangeKind::ItemRestored, "restored", Target::Item, false},
    {ChangeKind::SectionAdded, "section", Target::Section, false},
    {ChangeKind::SectionTitle, "section-title", Target::Section, true},
    {ChangeKind::SectionMoved, "section-moved", Target::Section, false},
    {ChangeKind::SectionDeleted, "section-deleted", Target::Section, false},
    {ChangeKind::SectionRestored, "section-restored", Target::Section, false},
    {ChangeKind::RevisionRoundsAgreed, "revision_rounds_agreed", Target::Checklist, true},
    {ChangeKind::RevisionRoundsUsed, "revision_rounds_used", Target::Checklist, true},
    {ChangeKind::UpdateEveryDays, "update_every_days", Target::Checklist, true},
    {ChangeKind::NextUpdateDue, "next_update_due", Target::Checklist, true},
    {ChangeKind::Deadline, "deadline", Target::Checklist, true},
    {ChangeKind::ClientName, "client_name", Target::Checklist, true},
    {ChangeKind::ClientLanguage, "client_language", Target::Checklist, true},
    {ChangeKind::UpdateRhythm, "update_rhythm", Target::Checklist, true},
    {ChangeKind::RevisionRoundStarted, "revision_round", Target::Checklist, false},
    {ChangeKind::DocumentMoved, "path", Target::Document, false},
    {ChangeKind::ReportKept, "report", Target::Checklist, false},
    {ChangeKind::Imported, "imported", Target::Checklist, false},
    {ChangeKind::Shared, "shared", Target::Document, false},
    {ChangeKind::Unshared, "unshared", Target::Document, false},
    {ChangeKind::Merged, "merged", Target::Checklist, false},
    {ChangeKind::LogEntryAdded, "log-added", Target::Log, false},
    {ChangeKind::LogEntryEdited, "log-edited", Target::Log, true},
    {ChangeKind::LogEntryDeleted, "log-deleted", Target::Log, false},
    {ChangeKind::LogEntryResolved, "log-resolved", Target::Log, true},
    {ChangeKind::LogPromiseLinked, "log-promise", Target::Log, true},
    {ChangeKind::LogShared, "log-shared", Target::Checklist, false}, // its value is a count, not an entry
}};

const KindField& entryOf(ChangeKind kind)
{
    for (const auto& entry : kFields)
        if (entry.kind == kind)
            return entry;
    return kFields.front();
}

// "SECTION:INDEX" as ItemMoved and SectionMoved record a place.
std::pair<std::int64_t, std::size_t> parsePlace(const std::string& place)
{
    const auto colon = place.find(':');
    if (colon == std::string::npos)
        return {0, 0};
    return {std::strtoll(place.c_str(), nullptr, 10),
            static_cast<std::size_t>(std::strtoull(place.c_str() + colon + 1, nullptr, 10))};
}

} // namespace

std::int64_t logEntryIdOf(const Change& change)
{
    if (entryOf(change.kind).target != Target::Log)
        return 0;
    // Every log change's value begins with the entry's id: "N", "N|...", "N:...".
    const std::string& value = change.new_value;
    std::size_t digits = 0;
    while (digits < value.size() && digits < 18 && value[digits] >= '0' && value[digits] <= '9')
        ++digits;
    return digits == 0 ? 0 : std::strtoll(value.substr(0, digits).c_str(), nullptr, 10);
}

std::string_view changeField(ChangeKind kind) { return entryOf(kind).field; }

bool isItemChange(ChangeKind kind) { return entryOf(kind).target == Target::Item; }

std::optional<ChangeKind> changeKindOfField(std::string_view field)
{
    for (const auto& entry : kFields)
        if (entry.field == field)
            return entry.kind;
    return std::nullopt;
}

std::optional<Change> inverseOf(const Change& applied)
{
    if (applied.undid) { // a redo: the change as it was first asked for, recorded anew
        Change again = *applied.undid;
        again.old_value.clear();
        again.at = 0;
        again.sequence = 0;
        again.change_id.clear();
        again.author.clear();
        again.hlc.clear();
        again.sidecar_lines.clear();
        return again;
    }
    Change inverse;
    inverse.kind = applied.kind;
    inverse.document_id = applied.document_id;
    inverse.item_id = applied.item_id;
    inverse.section_id = applied.section_id;
    if (entryOf(applied.kind).undone_by_old_value) {
        inverse.new_value = applied.old_value;
        return inverse;
    }
    switch (applied.kind) {
    // An added or restored item or section is deleted again (its id was copied above); a
    // deleted one is restored from what the deletion returned.
    case ChangeKind::ItemAdded:
    case ChangeKind::ItemRestored:
        inverse.kind = ChangeKind::ItemDeleted;
        return inverse;
    case ChangeKind::SectionAdded:
    case ChangeKind::SectionRestored:
        inverse.kind = ChangeKind::SectionDeleted;
        return inverse;
    case ChangeKind::ItemDeleted:
        inverse.kind = ChangeKind::ItemRestored;
        inverse.item = applied.item;
        return applied.item ? std::optional<Change>(std::move(inverse)) : std::nullopt;
    case ChangeKind::SectionDeleted:
        inverse.kind = ChangeKind::SectionRestored;
        inverse.section = applied.section;
        return applied.section ? std::optional<Change>(std::move(inverse)) : std::nullopt;
    case ChangeKind::ItemMoved: {
        const auto [section, index] = parsePlace(applied.old_value);
        inverse.section_id = section;
        inverse.index = index;
        return inverse;
    }
    case ChangeKind::SectionMoved:
        inverse.index = parsePlace(applied.old_value).second;
        return inverse;
    case ChangeKind::LogEntryAdded: // the entry goes again (the promise's item has its own change)
        inverse.kind = ChangeKind::LogEntryDeleted;
        inverse.item_id = 0;
        inverse.new_value = std::to_string(logEntryIdOf(applied));
        return inverse;
    case ChangeKind::LogEntryDeleted: // the entry comes back as it was, with its id and promise
        inverse.kind = ChangeKind::LogEntryAdded;
        inverse.new_value = applied.old_value;
        return applied.old_value.empty() ? std::nullopt : std::optional<Change>(std::move(inverse));
    case ChangeKind::RevisionRoundStarted: // the count goes back; the history keeps what the round was for
        inverse.kind = ChangeKind::RevisionRoundsUsed;
        inverse.new_value = applied.old_value;
        inverse.undid = std::make_shared<const Change>(applied); // a redo starts the round again, with its purpose
        return inverse;
    default: // attaching, combining a template in, moving the document, keeping a report, sharing
        return std::nullopt;
    }
}

namespace changes {

Change itemField(ChangeKind kind, std::int64_t document_id, std::int64_t item_id, std::string value)
{
    Change change;
    change.kind = kind;
    change.document_id = document_id;
    change.item_id = item_id;
    change.new_value = std::move(value);
    return change;
}

Change checklistField(ChangeKind kind, std::int64_t document_id, std::string value)
{
    Change change;
    change.kind = kind;
    change.document_id = document_id;
    change.new_value = std::move(value);
    return change;
}

Change logEntryAdded(std::int64_t document_id, const LogEntry& entry, std::int64_t promise_item_id)
{
    LogEntry added = entry;
    added.id = 0;
    added.promise_item_id = 0;
    added.uid.clear(); // a new entry: the store gives it its uid
    Change change = checklistField(ChangeKind::LogEntryAdded, document_id, encodeLogEntry(added));
    change.item_id = promise_item_id;
    return change;
}

Change logEntryEdited(std::int64_t document_id, const LogEntry& entry)
{
    return checklistField(ChangeKind::LogEntryEdited, document_id, encodeLogEntry(entry));
}

Change logEntryDeleted(std::int64_t document_id, std::int64_t entry_id)
{
    return checklistField(ChangeKind::LogEntryDeleted, document_id, std::to_string(entry_id));
}

Change logEntryResolved(std::int64_t document_id, const LogEntry& entry)
{
    return checklistField(ChangeKind::LogEntryResolved, document_id,
                          std::to_string(entry.id) + ":" + encodeResolution(entry));
}

Change logPromiseLinked(std::int64_t document_id, std::int64_t entry_id, std::int64_t item_id)
{
    return checklistField(ChangeKind::LogPromiseLinked, document_id,
                          std::to_string(entry_id) + ":" + std::to_string(item_id));
}

std::vector<Change> logEntryWithPromise(std::int64_t document_id, const LogEntry& entry, const std::string& promise,
                                        const std::string& due)
{
    Change item = checklistField(ChangeKind::ItemAdded, document_id, promise);
    Change date = itemField(ChangeKind::Due, document_id, Change::kAddedInBatch, due);
    Change logged = logEntryAdded(document_id, entry, Change::kAddedInBatch);
    if (!entry.internal)
        return {std::move(item), std::move(date), std::move(logged)};
    // What we promised in an internal entry stays internal: the item never reaches a report.
    Change hidden = itemField(ChangeKind::Internal, document_id, Change::kAddedInBatch, "1");
    return {std::move(item), std::move(date), std::move(hidden), std::move(logged)};
}

std::vector<Change> status(std::int64_t document_id, std::int64_t item_id, ItemStatus status,
                           const std::string& reason, std::int64_t at)
{
    const bool keepsReason = status == ItemStatus::WaitingOnClient || status == ItemStatus::Blocked;
    // Built in place: a braced list would copy both changes (the ticking path, see bench_store).
    std::vector<Change> batch;
    batch.reserve(2);
    batch.push_back(itemField(ChangeKind::Status, document_id, item_id, std::string(statusKeyword(status))));
    batch.push_back(itemField(ChangeKind::Reason, document_id, item_id, keepsReason ? reason : std::string()));
    for (Change& change : batch)
        change.at = at;
    return batch;
}

} // namespace changes

} // namespace rapport
