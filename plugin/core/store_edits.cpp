// The store's named edits: each builds the Change that says it and applies it through
// Store::apply(), the one write path.
#include "store.h"

#include "calendar.h"

#include <ctime>
#include <utility>

namespace rapport {

namespace {

Status statusOf(const Result<Change>& applied) { return applied ? Status{} : Status{applied.error()}; }

Status statusOf(const Result<std::vector<Change>>& applied) { return applied ? Status{} : Status{applied.error()}; }

std::string number(std::optional<int> value) { return value ? std::to_string(*value) : std::string(); }

Change itemChange(ChangeKind kind, std::int64_t document_id, std::int64_t item_id)
{
    Change change;
    change.kind = kind;
    change.document_id = document_id;
    change.item_id = item_id;
    return change;
}

Change sectionChange(ChangeKind kind, std::int64_t document_id, std::int64_t section_id)
{
    Change change;
    change.kind = kind;
    change.document_id = document_id;
    change.section_id = section_id;
    return change;
}

} // namespace

Result<Checklist> Store::attach(const std::string& document_path, const std::string& template_key,
                                const std::vector<NewItem>& items)
{
    Change change;
    change.kind = ChangeKind::Attached;
    change.document_path = document_path;
    change.new_value = template_key;
    change.new_items = items;
    if (auto applied = apply(std::move(change)); !applied)
        return applied.error();
    auto attached = checklistFor(document_path);
    if (!attached)
        return attached.error();
    if (!attached.value())
        return Error{ErrorCode::DocumentUnknown, document_path, {}};
    return std::move(*attached.value());
}

Status Store::setDone(std::int64_t document_id, std::int64_t item_id, bool done)
{
    return setStatus(document_id, item_id, done ? ItemStatus::Done : ItemStatus::ToDo, {},
                     nowSeconds());
}

Status Store::setStatus(std::int64_t document_id, std::int64_t item_id, ItemStatus status, const std::string& reason,
                        std::int64_t now)
{
    return statusOf(apply(changes::status(document_id, item_id, status, reason, now)));
}

Status Store::setDue(std::int64_t document_id, std::int64_t item_id, const std::string& due)
{
    return statusOf(apply(changes::itemField(ChangeKind::Due, document_id, item_id, due)));
}

Status Store::setOwner(std::int64_t document_id, std::int64_t item_id, Owner owner)
{
    return statusOf(apply(changes::itemField(ChangeKind::Owner, document_id, item_id, owner == Owner::Client ? "1" : "0")));
}

Status Store::setNote(std::int64_t document_id, std::int64_t item_id, const std::string& note)
{
    return statusOf(apply(changes::itemField(ChangeKind::Note, document_id, item_id, note)));
}

Status Store::setInternal(std::int64_t document_id, std::int64_t item_id, bool internal)
{
    return statusOf(apply(changes::itemField(ChangeKind::Internal, document_id, item_id, internal ? "1" : "0")));
}

Result<std::int64_t> Store::addCustomItem(std::int64_t document_id, std::int64_t section_id, const std::string& text)
{
    Change change = changes::itemField(ChangeKind::ItemAdded, document_id, 0, text);
    change.section_id = section_id;
    auto applied = apply(std::move(change));
    if (!applied)
        return applied.error();
    return applied.value().item_id;
}

Status Store::setRevisionRounds(std::int64_t document_id, std::optional<int> agreed, int used)
{
    return statusOf(apply({changes::checklistField(ChangeKind::RevisionRoundsAgreed, document_id, number(agreed)),
                           changes::checklistField(ChangeKind::RevisionRoundsUsed, document_id, std::to_string(used))}));
}

Status Store::setUpdateRhythm(std::int64_t document_id, std::optional<int> every_days, const std::string& next_due)
{
    return statusOf(apply({changes::checklistField(ChangeKind::UpdateEveryDays, document_id, number(every_days)),
                           changes::checklistField(ChangeKind::NextUpdateDue, document_id, next_due)}));
}

Status Store::setDeadline(std::int64_t document_id, const std::string& deadline)
{
    return statusOf(apply(changes::checklistField(ChangeKind::Deadline, document_id, deadline)));
}

Status Store::renameItem(std::int64_t document_id, std::int64_t item_id, const std::string& text)
{
    return statusOf(apply(changes::itemField(ChangeKind::ItemText, document_id, item_id, text)));
}

Status Store::moveItem(std::int64_t document_id, std::int64_t item_id, std::int64_t section_id, std::size_t index)
{
    Change change = itemChange(ChangeKind::ItemMoved, document_id, item_id);
    change.section_id = section_id;
    change.index = index;
    return statusOf(apply(std::move(change)));
}

Result<ChecklistItem> Store::deleteItem(std::int64_t document_id, std::int64_t item_id)
{
    auto applied = apply(itemChange(ChangeKind::ItemDeleted, document_id, item_id));
    if (!applied)
        return applied.error();
    return std::move(*applied.value().item);
}

Status Store::restoreItem(std::int64_t document_id, const ChecklistItem& item)
{
    Change change = itemChange(ChangeKind::ItemRestored, document_id, item.id);
    change.item = item;
    return statusOf(apply(std::move(change)));
}

Result<std::int64_t> Store::addSection(std::int64_t document_id, const std::string& title)
{
    Change change = sectionChange(ChangeKind::SectionAdded, document_id, 0);
    change.new_value = title;
    auto applied = apply(std::move(change));
    if (!applied)
        return applied.error();
    return applied.value().section_id;
}

Status Store::renameSection(std::int64_t document_id, std::int64_t section_id, const std::string& title)
{
    Change change = sectionChange(ChangeKind::SectionTitle, document_id, section_id);
    change.new_value = title;
    return statusOf(apply(std::move(change)));
}

Status Store::moveSection(std::int64_t document_id, std::int64_t section_id, std::size_t index)
{
    Change change = sectionChange(ChangeKind::SectionMoved, document_id, section_id);
    change.index = index;
    return statusOf(apply(std::move(change)));
}

Result<DeletedSection> Store::deleteSection(std::int64_t document_id, std::int64_t section_id)
{
    auto applied = apply(sectionChange(ChangeKind::SectionDeleted, document_id, section_id));
    if (!applied)
        return applied.error();
    return std::move(*applied.value().section);
}

Status Store::restoreSection(std::int64_t document_id, const DeletedSection& deleted)
{
    Change change = sectionChange(ChangeKind::SectionRestored, document_id, deleted.section.id);
    change.section = deleted;
    return statusOf(apply(std::move(change)));
}

Status Store::addTemplateItems(std::int64_t document_id, const std::vector<NewItem>& items)
{
    Change change;
    change.kind = ChangeKind::TemplateAdded;
    change.document_id = document_id;
    change.new_value = items.empty() ? std::string() : items.front().template_key;
    change.new_items = items;
    return statusOf(apply(std::move(change)));
}

} // namespace rapport
