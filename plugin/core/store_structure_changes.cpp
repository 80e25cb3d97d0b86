// The writers of a checklist's structure: items and sections added, moved, deleted and
// restored, templates combined in, whole checklists attached or imported. Each runs
// inside Store::apply()'s transaction, which writes the history row.
#include "store_changes.h"

#include "content_sketch.h"

#include "document_paths.h"
#include "hlc.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace rapport::detail {

using sqlite::Statement;

namespace {

// What a deleted item or section is called in the history.
std::string describe(const ChecklistItem& item)
{
    return item.template_key.empty() ? item.custom_text : item.template_key + "/" + item.item_key;
}

std::string describe(const ChecklistSection& section)
{
    return section.custom_title.empty() ? section.template_key + "/" + section.section_key : section.custom_title;
}

std::string place(std::int64_t section, std::size_t index) { return std::to_string(section) + ":" + std::to_string(index); }

// Writes positions 1..n for `ids`, in order. Table and column names come from this file.
bool renumber(ChangeContext& c, std::int64_t document_id, const char* table, const char* id_column,
                  const std::vector<std::int64_t>& ids)
{
    Statement update(c.db, std::string("UPDATE ") + table + " SET position = ?3 WHERE document_id = ?1 AND " +
                                id_column + " = ?2");
    std::int64_t position = 0;
    for (const std::int64_t id : ids) {
        Statement::Scope reset(update);
        update.bindAll(document_id, id, ++position);
        if (update.run() != SQLITE_DONE)
            return false;
    }
    return true;
}

// Sections and items for `items` after the checklist's last section; a new section
// starts where the (template, section) pair changes: two templates may both have a "scope".
bool insertNewItems(ChangeContext& c, std::int64_t document_id, const std::vector<NewItem>& items)
{
    Statement next(c.db, "SELECT (SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                          "(SELECT IFNULL(MAX(position), 0) FROM sections WHERE document_id = ?1), "
                          "(SELECT IFNULL(MAX(item_id), 0) FROM items WHERE document_id = ?1)");
    next.bind(1, document_id);
    if (next.step() != SQLITE_ROW)
        return false;
    std::int64_t sectionId = next.columnInt(0);
    std::int64_t sectionPosition = next.columnInt(1);
    std::int64_t nextId = next.columnInt(2) + 1;

    Statement insertSection(c.db, "INSERT INTO sections(document_id, section_id, position, template_key, "
                                   "section_key, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement insertItem(c.db, "INSERT INTO items(document_id, item_id, position, template_key, item_key, "
                                "custom_text, section_id, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bool first = true;
    std::string templateKey;
    std::string sectionKey;
    std::int64_t position = 0;
    for (const NewItem& item : items) {
        if (first || item.section_key != sectionKey || item.template_key != templateKey) {
            first = false;
            ++sectionId;
            ++sectionPosition;
            position = 0;
            sectionKey = item.section_key;
            templateKey = item.template_key;
            Statement::Scope resetSection(insertSection);
            insertSection.bindAll(document_id, sectionId, sectionPosition, item.template_key, item.section_key,
                                  newReplicaId());
            if (insertSection.run() != SQLITE_DONE)
                return false;
            c.created_sections.push_back(sectionId);
        }
        Statement::Scope resetItem(insertItem);
        insertItem.bindAll(document_id, nextId, ++position, item.template_key, item.item_key, item.custom_text,
                           sectionId, newReplicaId());
        if (insertItem.run() != SQLITE_DONE)
            return false;
        c.created_items.push_back(nextId++);
    }
    return true;
}

} // namespace

Result<Applied> addItem(ChangeContext& c, Change& change)
{
    Statement next(c.db, "SELECT IFNULL(MAX(item_id), 0) + 1, IFNULL(MAX(position), 0) + 1, "
                          "(SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                          "(SELECT COUNT(*) FROM checklists WHERE document_id = ?1) "
                          "FROM items WHERE document_id = ?1");
    next.bind(1, change.document_id);
    if (next.step() != SQLITE_ROW)
        return c.writeError();
    if (next.columnInt(3) == 0)
        return unknownDocument(change.document_id);
    const std::int64_t itemId = next.columnInt(0);
    const std::int64_t position = next.columnInt(1);
    std::int64_t section = change.section_id != 0 ? change.section_id : next.columnInt(2);
    if (change.section_id != 0 && !sectionExists(c, change.document_id, change.section_id))
        return noSuchSection(change.section_id);
    if (section == 0) {
        // A checklist without sections gets one for the user's own items.
        Statement create(c.db, "INSERT INTO sections(document_id, section_id, position, uid) VALUES (?1, 1, 1, ?2)");
        create.bindAll(change.document_id, newReplicaId());
        if (create.run() != SQLITE_DONE)
            return c.writeError();
        section = 1;
    }
    Statement insert(c.db, "INSERT INTO items(document_id, item_id, position, custom_text, section_id, uid) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bindAll(change.document_id, itemId, position, change.new_value, section, newReplicaId());
    if (insert.run() != SQLITE_DONE)
        return c.writeError();
    change.item_id = itemId;
    change.section_id = section;
    c.added_in_batch = itemId;
    return Applied::Changed;
}

Result<Applied> moveItem(ChangeContext& c, Change& change)
{
    Statement current(c.db, "SELECT section_id, (SELECT COUNT(*) FROM sections WHERE document_id = ?1 AND "
                             "section_id = ?3) FROM items WHERE document_id = ?1 AND item_id = ?2");
    current.bindAll(change.document_id, change.item_id, change.section_id);
    if (current.step() != SQLITE_ROW)
        return unknownItem(change.item_id);
    const std::int64_t fromSection = current.columnInt(0);
    if (current.columnInt(1) == 0)
        return noSuchSection(change.section_id);

    std::vector<std::int64_t> order;
    std::size_t before = 0;
    Statement siblings(c.db, "SELECT item_id FROM items WHERE document_id = ?1 AND section_id = ?2 "
                              "ORDER BY position, item_id");
    siblings.bindAll(change.document_id, change.section_id);
    while (siblings.step() == SQLITE_ROW) {
        if (siblings.columnInt(0) == change.item_id)
            before = order.size();
        else
            order.push_back(siblings.columnInt(0));
    }
    if (fromSection != change.section_id) {
        // Where it was in its own section, so that the inverse puts it back there.
        Statement::Scope resetSiblings(siblings);
        siblings.reset();
        siblings.bindAll(change.document_id, fromSection);
        before = 0;
        while (siblings.step() == SQLITE_ROW && siblings.columnInt(0) != change.item_id)
            ++before;
    }
    change.index = std::min(change.index, order.size());
    change.old_value = place(fromSection, before);
    change.new_value = place(change.section_id, change.index);
    if (fromSection == change.section_id && before == change.index)
        return Applied::Unchanged;
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(change.index), change.item_id);
    Statement setSection(c.db, "UPDATE items SET section_id = ?3 WHERE document_id = ?1 AND item_id = ?2");
    setSection.bindAll(change.document_id, change.item_id, change.section_id);
    if (setSection.run() != SQLITE_DONE || !renumber(c, change.document_id, "items", "item_id", order))
        return c.writeError();
    return Applied::Changed;
}

Result<Applied> deleteItem(ChangeContext& c, Change& change)
{
    Statement read(c.db, std::string("SELECT ") + kItemColumns + " FROM items WHERE document_id = ?1 AND item_id = ?2");
    read.bindAll(change.document_id, change.item_id);
    if (read.step() != SQLITE_ROW)
        return unknownItem(change.item_id);
    change.item = readItemRow(read);
    Statement erase(c.db, "DELETE FROM items WHERE document_id = ?1 AND item_id = ?2");
    erase.bindAll(change.document_id, change.item_id);
    if (erase.run() != SQLITE_DONE)
        return c.writeError();
    change.old_value = describe(*change.item);
    change.new_value.clear();
    change.section_id = change.item->section_id;
    return Applied::Changed;
}

bool insertItemRow(ChangeContext& c, std::int64_t document_id, const ChecklistItem& item)
{
    Statement insert(c.db, std::string("INSERT INTO items(document_id, ") + kItemColumns +
                                ", done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    insert.bindAll(document_id, item.id, item.position, item.template_key, item.item_key, item.custom_text, item.status,
                   item.section_id, item.status_reason, item.status_since, item.due, item.owner == Owner::Client,
                   item.note, item.internal, uidOr(item.uid), item.status == ItemStatus::Done);
    return insert.run() == SQLITE_DONE;
}

Result<Applied> restoreItem(ChangeContext& c, Change& change)
{
    const ChecklistItem& item = *change.item;
    if (!sectionExists(c, change.document_id, item.section_id))
        return noSuchSection(item.section_id);
    if (!insertItemRow(c, change.document_id, item)) {
        if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return invalid(std::to_string(item.id), "the item exists");
        return c.writeError();
    }
    change.item_id = item.id;
    change.section_id = item.section_id;
    change.new_value = describe(item);
    return Applied::Changed;
}

Result<Applied> addSection(ChangeContext& c, Change& change)
{
    Statement next(c.db, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                          "IFNULL(MAX(section_id), 0) + 1, IFNULL(MAX(position), 0) + 1 "
                          "FROM sections WHERE document_id = ?1");
    next.bind(1, change.document_id);
    if (next.step() != SQLITE_ROW)
        return c.writeError();
    if (next.columnInt(0) == 0)
        return unknownDocument(change.document_id);
    change.section_id = next.columnInt(1);
    Statement insert(c.db, "INSERT INTO sections(document_id, section_id, position, custom_title, uid) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bindAll(change.document_id, change.section_id, next.columnInt(2), change.new_value, newReplicaId());
    return c.ran(insert);
}

Result<Applied> setSectionTitle(ChangeContext& c, Change& change)
{
    Statement current(c.db, "SELECT custom_title FROM sections WHERE document_id = ?1 AND section_id = ?2");
    current.bindAll(change.document_id, change.section_id);
    auto before = readOldValue(current, change, noSuchSection(change.section_id));
    if (!before || before.value() == Applied::Unchanged)
        return before;
    Statement update(c.db, "UPDATE sections SET custom_title = ?3 WHERE document_id = ?1 AND section_id = ?2");
    update.bindAll(change.document_id, change.section_id, change.new_value);
    return c.ran(update);
}

Result<Applied> moveSection(ChangeContext& c, Change& change)
{
    std::vector<std::int64_t> order;
    std::optional<std::size_t> before;
    Statement sections(c.db, "SELECT section_id FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
    sections.bind(1, change.document_id);
    while (sections.step() == SQLITE_ROW) {
        if (sections.columnInt(0) == change.section_id)
            before = order.size();
        else
            order.push_back(sections.columnInt(0));
    }
    if (!before)
        return noSuchSection(change.section_id);
    change.index = std::min(change.index, order.size());
    change.old_value = place(change.section_id, *before);
    change.new_value = place(change.section_id, change.index);
    if (*before == change.index)
        return Applied::Unchanged;
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(change.index), change.section_id);
    if (!renumber(c, change.document_id, "sections", "section_id", order))
        return c.writeError();
    return Applied::Changed;
}

Result<Applied> deleteSection(ChangeContext& c, Change& change)
{
    DeletedSection deleted;
    Statement section(c.db, "SELECT section_id, position, template_key, section_key, custom_title, uid "
                             "FROM sections WHERE document_id = ?1 AND section_id = ?2");
    section.bindAll(change.document_id, change.section_id);
    if (section.step() != SQLITE_ROW)
        return noSuchSection(change.section_id);
    deleted.section = ChecklistSection{section.columnInt(0), section.columnInt(1), section.columnText(2),
                                       section.columnText(3), section.columnText(4), section.columnText(5)};
    Statement items(c.db, std::string("SELECT ") + kItemColumns +
                               " FROM items WHERE document_id = ?1 AND section_id = ?2 ORDER BY position, item_id");
    items.bindAll(change.document_id, change.section_id);
    while (items.step() == SQLITE_ROW)
        deleted.items.push_back(readItemRow(items));
    Statement eraseItems(c.db, "DELETE FROM items WHERE document_id = ?1 AND section_id = ?2");
    eraseItems.bindAll(change.document_id, change.section_id);
    Statement eraseSection(c.db, "DELETE FROM sections WHERE document_id = ?1 AND section_id = ?2");
    eraseSection.bindAll(change.document_id, change.section_id);
    if (eraseItems.run() != SQLITE_DONE || eraseSection.run() != SQLITE_DONE)
        return c.writeError();
    change.old_value = describe(deleted.section);
    change.new_value = std::to_string(deleted.items.size()) + " items";
    change.section = std::move(deleted);
    return Applied::Changed;
}

Result<Applied> restoreSection(ChangeContext& c, Change& change)
{
    const DeletedSection& deleted = *change.section;
    Statement insert(c.db, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                            "custom_title, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bindAll(change.document_id, deleted.section.id, deleted.section.position, deleted.section.template_key,
                   deleted.section.section_key, deleted.section.custom_title, uidOr(deleted.section.uid));
    if (insert.run() != SQLITE_DONE) {
        if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return invalid(std::to_string(deleted.section.id), "the section exists");
        if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_FOREIGNKEY)
            return unknownDocument(change.document_id);
        return c.writeError();
    }
    for (const ChecklistItem& item : deleted.items)
        if (!insertItemRow(c, change.document_id, item))
            return c.writeError();
    change.section_id = deleted.section.id;
    change.new_value = std::to_string(deleted.items.size()) + " items";
    return Applied::Changed;
}

Result<Applied> attach(ChangeContext& c, Change& change)
{
    Statement document(c.db, "INSERT INTO documents(path, created_at, fingerprint) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT(path) DO UPDATE SET fingerprint = excluded.fingerprint RETURNING id");
    document.bindAll(change.document_path, change.at, encodeSketch(sketchDocument(change.document_path)));
    if (document.step() != SQLITE_ROW)
        return c.writeError();
    change.document_id = document.columnInt(0);
    document.reset();
    Statement checklist(c.db, "INSERT INTO checklists(document_id, template_key, created_at) VALUES (?1, ?2, ?3)");
    checklist.bindAll(change.document_id, change.new_value, change.at);
    if (checklist.run() != SQLITE_DONE) {
        if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::ChecklistExists, change.document_path, {}};
        return c.writeError();
    }
    if (!insertNewItems(c, change.document_id, change.new_items))
        return c.writeError();
    return Applied::Changed;
}

Result<Applied> addTemplate(ChangeContext& c, Change& change)
{
    if (!checklistExists(c, change.document_id))
        return unknownDocument(change.document_id);
    if (!insertNewItems(c, change.document_id, change.new_items))
        return c.writeError();
    return Applied::Changed;
}

Result<Applied> import(ChangeContext& c, Change& change)
{
    const Checklist& checklist = change.imported->checklist;
    Statement document(c.db, "INSERT INTO documents(path, created_at) VALUES (?1, ?2) "
                              "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
    document.bindAll(checklist.document_path, change.at);
    if (document.step() != SQLITE_ROW)
        return c.writeError();
    const std::int64_t id = document.columnInt(0);
    document.reset();
    change.document_id = id;
    change.document_path = checklist.document_path;

    Statement header(c.db, "INSERT INTO checklists(document_id, template_key, created_at, revision_rounds_agreed, "
                            "revision_rounds_used, update_every_days, next_update_due, deadline, client_name, "
                            "client_language, update_rhythm) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    header.bindAll(id, checklist.template_key, change.at, checklist.revision_rounds_agreed,
                   checklist.revision_rounds_used, checklist.update_every_days, checklist.next_update_due,
                   checklist.deadline, checklist.client_name, checklist.client_language, checklist.update_rhythm);
    if (header.run() != SQLITE_DONE) {
        if (sqlite3_extended_errcode(c.db.get()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return Error{ErrorCode::ChecklistExists, checklist.document_path, {}};
        return c.writeError();
    }
    Statement section(c.db, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                             "custom_title, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const auto& s : checklist.sections) {
        Statement::Scope reset(section);
        section.bindAll(id, s.id, s.position, s.template_key, s.section_key, s.custom_title, uidOr(s.uid));
        if (section.run() != SQLITE_DONE)
            return Error{ErrorCode::ImportInvalid, "section " + std::to_string(s.id), "a duplicate or invalid section"};
    }
    for (const auto& item : checklist.items)
        if (!insertItemRow(c, id, item))
            return Error{ErrorCode::ImportInvalid, "item " + std::to_string(item.id), "a duplicate or invalid item"};
    Statement row(c.db, "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value, "
                         "change_id, author, hlc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& h : change.imported->history) {
        Statement::Scope reset(row);
        row.bindAll(id, h.sequence, h.at, h.item_id, h.field, h.old_value, h.new_value, h.change_id, h.author, h.hlc);
        if (row.run() != SQLITE_DONE)
            return Error{ErrorCode::ImportInvalid, "change " + std::to_string(h.sequence), "a duplicate change in the history"};
    }
    if (Status log = insertLogEntries(c, id, checklist, change.imported->log); !log)
        return log.error();
    return Applied::RecordedItself;
}

} // namespace rapport::detail
