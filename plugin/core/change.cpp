#include "change.h"

#include <array>
#include <cstdlib>
#include <utility>

namespace rapport {

namespace {

// What each kind is called in the history, and how it is undone.
enum class Target { Item, Section, Checklist, Document };
struct KindField {
    ChangeKind kind;
    std::string_view field;
    Target target;
    bool undone_by_old_value; // a field set back to what it was
};

constexpr std::array<KindField, 33> kFields{{
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

std::vector<Change> status(std::int64_t document_id, std::int64_t item_id, ItemStatus status,
                           const std::string& reason, std::int64_t at)
{
    const bool keepsReason = status == ItemStatus::WaitingOnClient || status == ItemStatus::Blocked;
    Change newStatus = itemField(ChangeKind::Status, document_id, item_id, std::string(statusKeyword(status)));
    Change newReason = itemField(ChangeKind::Reason, document_id, item_id, keepsReason ? reason : std::string());
    newStatus.at = at;
    newReason.at = at;
    return {std::move(newStatus), std::move(newReason)};
}

} // namespace changes

} // namespace rapport
