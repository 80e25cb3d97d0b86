#include "change.h"

#include <array>
#include <cstdlib>
#include <utility>

namespace rapport {

namespace {

struct KindField {
    ChangeKind kind;
    std::string_view field;
};

constexpr std::array<KindField, 26> kFields{{
    {ChangeKind::Attached, "attached"},
    {ChangeKind::TemplateAdded, "template-added"},
    {ChangeKind::Status, "status"},
    {ChangeKind::Reason, "reason"},
    {ChangeKind::Due, "due"},
    {ChangeKind::Owner, "owner"},
    {ChangeKind::Note, "note"},
    {ChangeKind::Internal, "internal"},
    {ChangeKind::ItemText, "text"},
    {ChangeKind::ItemAdded, "item"},
    {ChangeKind::ItemMoved, "moved"},
    {ChangeKind::ItemDeleted, "deleted"},
    {ChangeKind::ItemRestored, "restored"},
    {ChangeKind::SectionAdded, "section"},
    {ChangeKind::SectionTitle, "section-title"},
    {ChangeKind::SectionMoved, "section-moved"},
    {ChangeKind::SectionDeleted, "section-deleted"},
    {ChangeKind::SectionRestored, "section-restored"},
    {ChangeKind::RevisionRoundsAgreed, "revision_rounds_agreed"},
    {ChangeKind::RevisionRoundsUsed, "revision_rounds_used"},
    {ChangeKind::UpdateEveryDays, "update_every_days"},
    {ChangeKind::NextUpdateDue, "next_update_due"},
    {ChangeKind::Deadline, "deadline"},
    {ChangeKind::DocumentMoved, "path"},
    {ChangeKind::ReportKept, "report"},
    {ChangeKind::Imported, "imported"},
}};

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

std::string_view changeField(ChangeKind kind)
{
    for (const auto& entry : kFields)
        if (entry.kind == kind)
            return entry.field;
    return {};
}

bool isItemChange(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Status:
    case ChangeKind::Reason:
    case ChangeKind::Due:
    case ChangeKind::Owner:
    case ChangeKind::Note:
    case ChangeKind::Internal:
    case ChangeKind::ItemText:
    case ChangeKind::ItemAdded:
    case ChangeKind::ItemMoved:
    case ChangeKind::ItemDeleted:
    case ChangeKind::ItemRestored:
        return true;
    default:
        return false;
    }
}

std::optional<ChangeKind> changeKindOfField(std::string_view field)
{
    for (const auto& entry : kFields)
        if (entry.field == field)
            return entry.kind;
    return std::nullopt;
}

std::optional<Change> inverseOf(const Change& applied)
{
    Change inverse;
    inverse.kind = applied.kind;
    inverse.document_id = applied.document_id;
    inverse.item_id = applied.item_id;
    inverse.section_id = applied.section_id;
    switch (applied.kind) {
    case ChangeKind::Status:
    case ChangeKind::Reason:
    case ChangeKind::Due:
    case ChangeKind::Owner:
    case ChangeKind::Note:
    case ChangeKind::Internal:
    case ChangeKind::ItemText:
    case ChangeKind::SectionTitle:
    case ChangeKind::RevisionRoundsAgreed:
    case ChangeKind::RevisionRoundsUsed:
    case ChangeKind::UpdateEveryDays:
    case ChangeKind::NextUpdateDue:
    case ChangeKind::Deadline:
        inverse.new_value = applied.old_value;
        return inverse;
    case ChangeKind::ItemAdded:
        inverse.kind = ChangeKind::ItemDeleted;
        return inverse;
    case ChangeKind::ItemDeleted:
        if (!applied.item)
            return std::nullopt;
        inverse.kind = ChangeKind::ItemRestored;
        inverse.item = applied.item;
        return inverse;
    case ChangeKind::ItemRestored:
        if (!applied.item)
            return std::nullopt;
        inverse.kind = ChangeKind::ItemDeleted;
        inverse.item_id = applied.item->id;
        return inverse;
    case ChangeKind::ItemMoved: {
        const auto [section, index] = parsePlace(applied.old_value);
        inverse.section_id = section;
        inverse.index = index;
        return inverse;
    }
    case ChangeKind::SectionAdded:
        inverse.kind = ChangeKind::SectionDeleted;
        return inverse;
    case ChangeKind::SectionDeleted:
        if (!applied.section)
            return std::nullopt;
        inverse.kind = ChangeKind::SectionRestored;
        inverse.section = applied.section;
        return inverse;
    case ChangeKind::SectionRestored:
        if (!applied.section)
            return std::nullopt;
        inverse.kind = ChangeKind::SectionDeleted;
        inverse.section_id = applied.section->section.id;
        return inverse;
    case ChangeKind::SectionMoved:
        inverse.index = parsePlace(applied.old_value).second;
        return inverse;
    case ChangeKind::Attached:
    case ChangeKind::TemplateAdded:
    case ChangeKind::DocumentMoved:
    case ChangeKind::ReportKept:
    case ChangeKind::Imported:
        return std::nullopt;
    }
    return std::nullopt;
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
