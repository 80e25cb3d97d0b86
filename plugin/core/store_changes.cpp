#include "store_changes.h"

#include "document_paths.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace rapport::detail {

namespace {

using sqlite::Statement;

Error invalid(std::string subject, std::string why)
{
    return Error{ErrorCode::InvalidArgument, std::move(subject), std::move(why)};
}

Error unknownItem(std::int64_t item_id) { return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}}; }

Error unknownDocument(std::int64_t document_id)
{
    return Error{ErrorCode::DocumentUnknown, std::to_string(document_id), {}};
}

Error noSuchSection(std::int64_t section_id) { return invalid(std::to_string(section_id), "no such section"); }

bool isCount(const std::string& text, bool zero_allowed)
{
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return zero_allowed || std::strtol(text.c_str(), nullptr, 10) > 0;
}

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

// Refuses values no checklist may hold before anything is written.
Status validate(const Change& change)
{
    const std::string& value = change.new_value;
    switch (change.kind) {
    case ChangeKind::Status:
        if (!parseStatusKeyword(value))
            return invalid(value, "not a status");
        break;
    case ChangeKind::Due:
    case ChangeKind::NextUpdateDue:
    case ChangeKind::Deadline:
        if (!isDateOrEmpty(value))
            return invalid(value, "expected a date written YYYY-MM-DD");
        break;
    case ChangeKind::Owner:
    case ChangeKind::Internal:
        if (value != "0" && value != "1")
            return invalid(value, "expected 0 or 1");
        break;
    case ChangeKind::ItemText:
    case ChangeKind::ItemAdded:
        if (value.empty())
            return invalid(value, "an item needs a text");
        break;
    case ChangeKind::SectionAdded:
        if (value.empty())
            return invalid(value, "a section needs a title");
        break;
    case ChangeKind::RevisionRoundsAgreed:
        if (!value.empty() && !isCount(value, true))
            return invalid(value, "revision rounds cannot be negative");
        break;
    case ChangeKind::RevisionRoundsUsed:
        if (!isCount(value, true))
            return invalid(value, "revision rounds cannot be negative");
        break;
    case ChangeKind::UpdateEveryDays:
        if (!value.empty() && !isCount(value, false))
            return invalid(value, "the rhythm is a number of days");
        break;
    case ChangeKind::Attached:
    case ChangeKind::DocumentMoved:
        if ((change.kind == ChangeKind::Attached ? change.document_path : value).empty())
            return invalid({}, "empty document path");
        break;
    case ChangeKind::ItemRestored:
        if (!change.item)
            return invalid({}, "nothing to restore");
        break;
    case ChangeKind::SectionRestored:
        if (!change.section)
            return invalid({}, "nothing to restore");
        break;
    case ChangeKind::ReportKept:
        if (!change.report || change.report->language_code.empty() || change.report->format.empty())
            return invalid(change.report ? change.report->format : std::string(), "a report needs a language and a format");
        break;
    case ChangeKind::Imported:
        if (!change.imported || change.imported->checklist.document_path.empty())
            return invalid({}, "empty document path");
        break;
    default:
        break;
    }
    return {};
}

// The writer of one transaction's changes.
class Writer {
public:
    explicit Writer(ChangeContext& context) : c_(context) {}

    Result<Applied> apply(Change& change)
    {
        switch (change.kind) {
        case ChangeKind::Status: return setStatus(change);
        case ChangeKind::Reason: return setItemColumn(change, "status_reason");
        case ChangeKind::Due: return setItemColumn(change, "due");
        case ChangeKind::Owner: return setItemColumn(change, "owner");
        case ChangeKind::Note: return setItemColumn(change, "note");
        case ChangeKind::Internal: return setItemColumn(change, "internal");
        case ChangeKind::ItemText: return setItemText(change);
        case ChangeKind::ItemAdded: return addItem(change);
        case ChangeKind::ItemMoved: return moveItem(change);
        case ChangeKind::ItemDeleted: return deleteItem(change);
        case ChangeKind::ItemRestored: return restoreItem(change);
        case ChangeKind::SectionAdded: return addSection(change);
        case ChangeKind::SectionTitle: return setSectionTitle(change);
        case ChangeKind::SectionMoved: return moveSection(change);
        case ChangeKind::SectionDeleted: return deleteSection(change);
        case ChangeKind::SectionRestored: return restoreSection(change);
        case ChangeKind::RevisionRoundsAgreed: return setChecklistColumn(change, "revision_rounds_agreed", true);
        case ChangeKind::RevisionRoundsUsed: return setChecklistColumn(change, "revision_rounds_used", false);
        case ChangeKind::UpdateEveryDays: return setChecklistColumn(change, "update_every_days", true);
        case ChangeKind::NextUpdateDue: return setChecklistColumn(change, "next_update_due", false);
        case ChangeKind::Deadline: return setChecklistColumn(change, "deadline", false);
        case ChangeKind::Attached: return attach(change);
        case ChangeKind::TemplateAdded: return addTemplate(change);
        case ChangeKind::DocumentMoved: return moveDocument(change);
        case ChangeKind::ReportKept: return keepReport(change);
        case ChangeKind::Imported: return import(change);
        }
        return invalid({}, "unknown change");
    }

private:
    Statement& cached(const char* sql) { return c_.statements.get(c_.db, sql); }
    int extendedError() const { return sqlite3_extended_errcode(c_.db.get()); }

    bool checklistExists(std::int64_t document_id)
    {
        Statement& exists = cached("SELECT 1 FROM checklists WHERE document_id = ?1");
        Statement::Scope reset(exists);
        exists.bind(1, document_id);
        return exists.step() == SQLITE_ROW;
    }

    bool sectionExists(std::int64_t document_id, std::int64_t section_id)
    {
        Statement& exists = cached("SELECT 1 FROM sections WHERE document_id = ?1 AND section_id = ?2");
        Statement::Scope reset(exists);
        exists.bind(1, document_id);
        exists.bind(2, section_id);
        return exists.step() == SQLITE_ROW;
    }

    Result<Applied> setStatus(Change& change)
    {
        Statement& current = cached("SELECT status FROM items WHERE document_id = ?1 AND item_id = ?2");
        Statement::Scope resetCurrent(current);
        current.bind(1, change.document_id);
        current.bind(2, change.item_id);
        if (current.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        const auto before = static_cast<ItemStatus>(current.columnInt(0));
        const ItemStatus after = *parseStatusKeyword(change.new_value);
        change.old_value = std::string(statusKeyword(before));
        if (before == after)
            return Applied::Unchanged;
        Statement& update = cached("UPDATE items SET status = ?3, done = ?4, status_since = ?5 "
                                   "WHERE document_id = ?1 AND item_id = ?2");
        Statement::Scope resetUpdate(update);
        update.bind(1, change.document_id);
        update.bind(2, change.item_id);
        update.bind(3, static_cast<std::int64_t>(after));
        update.bind(4, std::int64_t{after == ItemStatus::Done ? 1 : 0});
        update.bind(5, change.at);
        if (update.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    // One text or 0/1 column of an item. Column names come from this file, never from input.
    Result<Applied> setItemColumn(Change& change, const char* column)
    {
        Statement current(c_.db, std::string("SELECT CAST(") + column +
                                     " AS TEXT) FROM items WHERE document_id = ?1 AND item_id = ?2");
        current.bind(1, change.document_id);
        current.bind(2, change.item_id);
        if (current.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        change.old_value = current.columnText(0);
        if (change.old_value == change.new_value)
            return Applied::Unchanged;
        Statement update(c_.db, std::string("UPDATE items SET ") + column +
                                    " = ?3 WHERE document_id = ?1 AND item_id = ?2");
        update.bind(1, change.document_id);
        update.bind(2, change.item_id);
        update.bind(3, change.new_value);
        if (update.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> setItemText(Change& change)
    {
        Statement& kind = cached("SELECT template_key FROM items WHERE document_id = ?1 AND item_id = ?2");
        Statement::Scope reset(kind);
        kind.bind(1, change.document_id);
        kind.bind(2, change.item_id);
        if (kind.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        if (!kind.columnText(0).empty())
            return invalid(std::to_string(change.item_id), "a template item's text cannot be edited");
        return setItemColumn(change, "custom_text");
    }

    // One column of the checklist; "" is NULL in a nullable number column.
    Result<Applied> setChecklistColumn(Change& change, const char* column, bool nullable)
    {
        Statement current(c_.db, std::string("SELECT CAST(") + column + " AS TEXT) FROM checklists WHERE document_id = ?1");
        current.bind(1, change.document_id);
        if (current.step() != SQLITE_ROW)
            return unknownDocument(change.document_id);
        change.old_value = current.columnText(0);
        if (change.old_value == change.new_value)
            return Applied::Unchanged;
        Statement update(c_.db, std::string("UPDATE checklists SET ") + column + " = ?2 WHERE document_id = ?1");
        update.bind(1, change.document_id);
        if (nullable && change.new_value.empty())
            update.bindNull(2);
        else
            update.bind(2, change.new_value);
        if (update.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> addItem(Change& change)
    {
        Statement next(c_.db, "SELECT IFNULL(MAX(item_id), 0) + 1, IFNULL(MAX(position), 0) + 1, "
                              "(SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                              "(SELECT COUNT(*) FROM checklists WHERE document_id = ?1) "
                              "FROM items WHERE document_id = ?1");
        next.bind(1, change.document_id);
        if (next.step() != SQLITE_ROW)
            return c_.writeError();
        if (next.columnInt(3) == 0)
            return unknownDocument(change.document_id);
        const std::int64_t itemId = next.columnInt(0);
        const std::int64_t position = next.columnInt(1);
        std::int64_t section = change.section_id != 0 ? change.section_id : next.columnInt(2);
        if (change.section_id != 0 && !sectionExists(change.document_id, change.section_id))
            return noSuchSection(change.section_id);
        if (section == 0) {
            // A checklist without sections gets one for the user's own items.
            Statement create(c_.db, "INSERT INTO sections(document_id, section_id, position) VALUES (?1, 1, 1)");
            create.bind(1, change.document_id);
            if (create.run() != SQLITE_DONE)
                return c_.writeError();
            section = 1;
        }
        Statement insert(c_.db, "INSERT INTO items(document_id, item_id, position, custom_text, section_id) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, change.document_id);
        insert.bind(2, itemId);
        insert.bind(3, position);
        insert.bind(4, change.new_value);
        insert.bind(5, section);
        if (insert.run() != SQLITE_DONE)
            return c_.writeError();
        change.item_id = itemId;
        change.section_id = section;
        c_.added_in_batch = itemId;
        return Applied::Changed;
    }

    // Writes positions 1..n for `ids`, in order. Table and column names come from this file.
    bool renumber(std::int64_t document_id, const char* table, const char* id_column,
                  const std::vector<std::int64_t>& ids)
    {
        Statement update(c_.db, std::string("UPDATE ") + table + " SET position = ?3 WHERE document_id = ?1 AND " +
                                    id_column + " = ?2");
        std::int64_t position = 0;
        for (const std::int64_t id : ids) {
            Statement::Scope reset(update);
            update.bind(1, document_id);
            update.bind(2, id);
            update.bind(3, ++position);
            if (update.run() != SQLITE_DONE)
                return false;
        }
        return true;
    }

    Result<Applied> moveItem(Change& change)
    {
        Statement current(c_.db, "SELECT section_id, (SELECT COUNT(*) FROM sections WHERE document_id = ?1 AND "
                                 "section_id = ?3) FROM items WHERE document_id = ?1 AND item_id = ?2");
        current.bind(1, change.document_id);
        current.bind(2, change.item_id);
        current.bind(3, change.section_id);
        if (current.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        const std::int64_t fromSection = current.columnInt(0);
        if (current.columnInt(1) == 0)
            return noSuchSection(change.section_id);

        std::vector<std::int64_t> order;
        std::size_t before = 0;
        Statement siblings(c_.db, "SELECT item_id FROM items WHERE document_id = ?1 AND section_id = ?2 "
                                  "ORDER BY position, item_id");
        siblings.bind(1, change.document_id);
        siblings.bind(2, change.section_id);
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
            siblings.bind(1, change.document_id);
            siblings.bind(2, fromSection);
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
        Statement setSection(c_.db, "UPDATE items SET section_id = ?3 WHERE document_id = ?1 AND item_id = ?2");
        setSection.bind(1, change.document_id);
        setSection.bind(2, change.item_id);
        setSection.bind(3, change.section_id);
        if (setSection.run() != SQLITE_DONE || !renumber(change.document_id, "items", "item_id", order))
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> deleteItem(Change& change)
    {
        Statement read(c_.db, std::string("SELECT ") + kItemColumns + " FROM items WHERE document_id = ?1 AND item_id = ?2");
        read.bind(1, change.document_id);
        read.bind(2, change.item_id);
        if (read.step() != SQLITE_ROW)
            return unknownItem(change.item_id);
        change.item = readItemRow(read);
        Statement erase(c_.db, "DELETE FROM items WHERE document_id = ?1 AND item_id = ?2");
        erase.bind(1, change.document_id);
        erase.bind(2, change.item_id);
        if (erase.run() != SQLITE_DONE)
            return c_.writeError();
        change.old_value = describe(*change.item);
        change.new_value.clear();
        change.section_id = change.item->section_id;
        return Applied::Changed;
    }

    bool insertItemRow(std::int64_t document_id, const ChecklistItem& item)
    {
        Statement insert(c_.db, std::string("INSERT INTO items(document_id, ") + kItemColumns +
                                    ", done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        insert.bind(1, document_id);
        insert.bind(2, item.id);
        insert.bind(3, item.position);
        insert.bind(4, item.template_key);
        insert.bind(5, item.item_key);
        insert.bind(6, item.custom_text);
        insert.bind(7, static_cast<std::int64_t>(item.status));
        insert.bind(8, item.section_id);
        insert.bind(9, item.status_reason);
        if (item.status_since)
            insert.bind(10, *item.status_since);
        else
            insert.bindNull(10);
        insert.bind(11, item.due);
        insert.bind(12, std::int64_t{item.owner == Owner::Client ? 1 : 0});
        insert.bind(13, item.note);
        insert.bind(14, std::int64_t{item.internal ? 1 : 0});
        insert.bind(15, std::int64_t{item.status == ItemStatus::Done ? 1 : 0});
        return insert.run() == SQLITE_DONE;
    }

    Result<Applied> restoreItem(Change& change)
    {
        const ChecklistItem& item = *change.item;
        if (!sectionExists(change.document_id, item.section_id))
            return noSuchSection(item.section_id);
        if (!insertItemRow(change.document_id, item)) {
            if (extendedError() == SQLITE_CONSTRAINT_PRIMARYKEY)
                return invalid(std::to_string(item.id), "the item exists");
            return c_.writeError();
        }
        change.item_id = item.id;
        change.section_id = item.section_id;
        change.new_value = describe(item);
        return Applied::Changed;
    }

    Result<Applied> addSection(Change& change)
    {
        Statement next(c_.db, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                              "IFNULL(MAX(section_id), 0) + 1, IFNULL(MAX(position), 0) + 1 "
                              "FROM sections WHERE document_id = ?1");
        next.bind(1, change.document_id);
        if (next.step() != SQLITE_ROW)
            return c_.writeError();
        if (next.columnInt(0) == 0)
            return unknownDocument(change.document_id);
        change.section_id = next.columnInt(1);
        Statement insert(c_.db, "INSERT INTO sections(document_id, section_id, position, custom_title) "
                                "VALUES (?1, ?2, ?3, ?4)");
        insert.bind(1, change.document_id);
        insert.bind(2, change.section_id);
        insert.bind(3, next.columnInt(2));
        insert.bind(4, change.new_value);
        if (insert.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> setSectionTitle(Change& change)
    {
        Statement current(c_.db, "SELECT custom_title FROM sections WHERE document_id = ?1 AND section_id = ?2");
        current.bind(1, change.document_id);
        current.bind(2, change.section_id);
        if (current.step() != SQLITE_ROW)
            return noSuchSection(change.section_id);
        change.old_value = current.columnText(0);
        if (change.old_value == change.new_value)
            return Applied::Unchanged;
        Statement update(c_.db, "UPDATE sections SET custom_title = ?3 WHERE document_id = ?1 AND section_id = ?2");
        update.bind(1, change.document_id);
        update.bind(2, change.section_id);
        update.bind(3, change.new_value);
        if (update.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> moveSection(Change& change)
    {
        std::vector<std::int64_t> order;
        std::optional<std::size_t> before;
        Statement sections(c_.db, "SELECT section_id FROM sections WHERE document_id = ?1 ORDER BY position, section_id");
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
        if (!renumber(change.document_id, "sections", "section_id", order))
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> deleteSection(Change& change)
    {
        DeletedSection deleted;
        Statement section(c_.db, "SELECT section_id, position, template_key, section_key, custom_title "
                                 "FROM sections WHERE document_id = ?1 AND section_id = ?2");
        section.bind(1, change.document_id);
        section.bind(2, change.section_id);
        if (section.step() != SQLITE_ROW)
            return noSuchSection(change.section_id);
        deleted.section = ChecklistSection{section.columnInt(0), section.columnInt(1), section.columnText(2),
                                           section.columnText(3), section.columnText(4)};
        Statement items(c_.db, std::string("SELECT ") + kItemColumns +
                                   " FROM items WHERE document_id = ?1 AND section_id = ?2 ORDER BY position, item_id");
        items.bind(1, change.document_id);
        items.bind(2, change.section_id);
        while (items.step() == SQLITE_ROW)
            deleted.items.push_back(readItemRow(items));
        Statement eraseItems(c_.db, "DELETE FROM items WHERE document_id = ?1 AND section_id = ?2");
        eraseItems.bind(1, change.document_id);
        eraseItems.bind(2, change.section_id);
        Statement eraseSection(c_.db, "DELETE FROM sections WHERE document_id = ?1 AND section_id = ?2");
        eraseSection.bind(1, change.document_id);
        eraseSection.bind(2, change.section_id);
        if (eraseItems.run() != SQLITE_DONE || eraseSection.run() != SQLITE_DONE)
            return c_.writeError();
        change.old_value = describe(deleted.section);
        change.new_value = std::to_string(deleted.items.size()) + " items";
        change.section = std::move(deleted);
        return Applied::Changed;
    }

    Result<Applied> restoreSection(Change& change)
    {
        const DeletedSection& deleted = *change.section;
        Statement insert(c_.db, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                                "custom_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert.bind(1, change.document_id);
        insert.bind(2, deleted.section.id);
        insert.bind(3, deleted.section.position);
        insert.bind(4, deleted.section.template_key);
        insert.bind(5, deleted.section.section_key);
        insert.bind(6, deleted.section.custom_title);
        if (insert.run() != SQLITE_DONE) {
            if (extendedError() == SQLITE_CONSTRAINT_PRIMARYKEY)
                return invalid(std::to_string(deleted.section.id), "the section exists");
            if (extendedError() == SQLITE_CONSTRAINT_FOREIGNKEY)
                return unknownDocument(change.document_id);
            return c_.writeError();
        }
        for (const ChecklistItem& item : deleted.items)
            if (!insertItemRow(change.document_id, item))
                return c_.writeError();
        change.section_id = deleted.section.id;
        change.new_value = std::to_string(deleted.items.size()) + " items";
        return Applied::Changed;
    }

    // Sections and items for `items` after the checklist's last section; a new section
    // starts where the (template, section) pair changes: two templates may both have a "scope".
    bool insertNewItems(std::int64_t document_id, const std::vector<NewItem>& items)
    {
        Statement next(c_.db, "SELECT (SELECT IFNULL(MAX(section_id), 0) FROM sections WHERE document_id = ?1), "
                              "(SELECT IFNULL(MAX(position), 0) FROM sections WHERE document_id = ?1), "
                              "(SELECT IFNULL(MAX(item_id), 0) FROM items WHERE document_id = ?1)");
        next.bind(1, document_id);
        if (next.step() != SQLITE_ROW)
            return false;
        std::int64_t sectionId = next.columnInt(0);
        std::int64_t sectionPosition = next.columnInt(1);
        std::int64_t nextId = next.columnInt(2) + 1;

        Statement insertSection(c_.db, "INSERT INTO sections(document_id, section_id, position, template_key, "
                                       "section_key) VALUES (?1, ?2, ?3, ?4, ?5)");
        Statement insertItem(c_.db, "INSERT INTO items(document_id, item_id, position, template_key, item_key, "
                                    "custom_text, section_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
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
                insertSection.bind(1, document_id);
                insertSection.bind(2, sectionId);
                insertSection.bind(3, sectionPosition);
                insertSection.bind(4, item.template_key);
                insertSection.bind(5, item.section_key);
                if (insertSection.run() != SQLITE_DONE)
                    return false;
            }
            Statement::Scope resetItem(insertItem);
            insertItem.bind(1, document_id);
            insertItem.bind(2, nextId++);
            insertItem.bind(3, ++position);
            insertItem.bind(4, item.template_key);
            insertItem.bind(5, item.item_key);
            insertItem.bind(6, item.custom_text);
            insertItem.bind(7, sectionId);
            if (insertItem.run() != SQLITE_DONE)
                return false;
        }
        return true;
    }

    Result<Applied> attach(Change& change)
    {
        Statement document(c_.db, "INSERT INTO documents(path, created_at, fingerprint) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT(path) DO UPDATE SET fingerprint = excluded.fingerprint RETURNING id");
        document.bind(1, change.document_path);
        document.bind(2, change.at);
        document.bind(3, documentFingerprint(change.document_path));
        if (document.step() != SQLITE_ROW)
            return c_.writeError();
        change.document_id = document.columnInt(0);
        document.reset();
        Statement checklist(c_.db, "INSERT INTO checklists(document_id, template_key, created_at) VALUES (?1, ?2, ?3)");
        checklist.bind(1, change.document_id);
        checklist.bind(2, change.new_value);
        checklist.bind(3, change.at);
        if (checklist.run() != SQLITE_DONE) {
            if (extendedError() == SQLITE_CONSTRAINT_PRIMARYKEY)
                return invalid(change.document_path, "a checklist is already attached");
            return c_.writeError();
        }
        if (!insertNewItems(change.document_id, change.new_items))
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> addTemplate(Change& change)
    {
        if (!checklistExists(change.document_id))
            return unknownDocument(change.document_id);
        if (!insertNewItems(change.document_id, change.new_items))
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> moveDocument(Change& change)
    {
        Statement current(c_.db, "SELECT path FROM documents WHERE id = ?1");
        current.bind(1, change.document_id);
        if (current.step() != SQLITE_ROW)
            return unknownDocument(change.document_id);
        change.old_value = current.columnText(0);
        if (change.old_value == change.new_value)
            return Applied::Unchanged;
        // Another checklist already lives at the new path: never overwrite it.
        Statement occupied(c_.db, "SELECT d.id, c.document_id IS NOT NULL FROM documents d "
                                  "LEFT JOIN checklists c ON c.document_id = d.id WHERE d.path = ?1");
        occupied.bind(1, change.new_value);
        if (occupied.step() == SQLITE_ROW) {
            if (occupied.columnInt(1) != 0)
                return invalid(change.new_value, "another checklist is already attached there");
            Statement drop(c_.db, "DELETE FROM documents WHERE id = ?1");
            drop.bind(1, occupied.columnInt(0));
            if (drop.run() != SQLITE_DONE)
                return c_.writeError();
        }
        Statement move(c_.db, "UPDATE documents SET path = ?2 WHERE id = ?1");
        move.bind(1, change.document_id);
        move.bind(2, change.new_value);
        if (move.run() != SQLITE_DONE)
            return c_.writeError();
        return Applied::Changed;
    }

    Result<Applied> keepReport(Change& change)
    {
        StoredReport& report = *change.report;
        Statement next(c_.db, "SELECT (SELECT COUNT(*) FROM checklists WHERE document_id = ?1), "
                              "(SELECT IFNULL(MAX(report_id), 0) + 1 FROM reports WHERE document_id = ?1)");
        next.bind(1, change.document_id);
        if (next.step() != SQLITE_ROW)
            return c_.writeError();
        if (next.columnInt(0) == 0)
            return unknownDocument(change.document_id);
        report.id = next.columnInt(1);
        if (report.made_at == 0)
            report.made_at = change.at;
        change.at = report.made_at;
        Statement insert(c_.db, "INSERT INTO reports(document_id, report_id, made_at, language, format, content_xml) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert.bind(1, change.document_id);
        insert.bind(2, report.id);
        insert.bind(3, report.made_at);
        insert.bind(4, report.language_code);
        insert.bind(5, report.format);
        insert.bind(6, report.content_xml);
        if (insert.run() != SQLITE_DONE)
            return c_.writeError();
        change.new_value = std::to_string(report.id) + " " + report.format + " " + report.language_code;
        return Applied::Changed;
    }

    Result<Applied> import(Change& change)
    {
        const Checklist& checklist = change.imported->checklist;
        Statement document(c_.db, "INSERT INTO documents(path, created_at) VALUES (?1, ?2) "
                                  "ON CONFLICT(path) DO UPDATE SET path = excluded.path RETURNING id");
        document.bind(1, checklist.document_path);
        document.bind(2, change.at);
        if (document.step() != SQLITE_ROW)
            return c_.writeError();
        const std::int64_t id = document.columnInt(0);
        document.reset();
        change.document_id = id;
        change.document_path = checklist.document_path;

        Statement header(c_.db, "INSERT INTO checklists(document_id, template_key, created_at, revision_rounds_agreed, "
                                "revision_rounds_used, update_every_days, next_update_due, deadline) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        header.bind(1, id);
        header.bind(2, checklist.template_key);
        header.bind(3, change.at);
        if (checklist.revision_rounds_agreed)
            header.bind(4, std::int64_t{*checklist.revision_rounds_agreed});
        header.bind(5, std::int64_t{checklist.revision_rounds_used});
        if (checklist.update_every_days)
            header.bind(6, std::int64_t{*checklist.update_every_days});
        header.bind(7, checklist.next_update_due);
        header.bind(8, checklist.deadline);
        if (header.run() != SQLITE_DONE) {
            if (extendedError() == SQLITE_CONSTRAINT_PRIMARYKEY)
                return invalid(checklist.document_path, "a checklist is already attached");
            return c_.writeError();
        }
        Statement section(c_.db, "INSERT INTO sections(document_id, section_id, position, template_key, section_key, "
                                 "custom_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        for (const auto& s : checklist.sections) {
            Statement::Scope reset(section);
            section.bind(1, id);
            section.bind(2, s.id);
            section.bind(3, s.position);
            section.bind(4, s.template_key);
            section.bind(5, s.section_key);
            section.bind(6, s.custom_title);
            if (section.run() != SQLITE_DONE)
                return invalid(std::to_string(s.id), "duplicate or invalid section");
        }
        for (const auto& item : checklist.items)
            if (!insertItemRow(id, item))
                return invalid(std::to_string(item.id), "duplicate or invalid item");
        Statement row(c_.db, "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (const auto& h : change.imported->history) {
            Statement::Scope reset(row);
            row.bind(1, id);
            row.bind(2, h.sequence);
            row.bind(3, h.at);
            row.bind(4, h.item_id);
            row.bind(5, h.field);
            row.bind(6, h.old_value);
            row.bind(7, h.new_value);
            if (row.run() != SQLITE_DONE)
                return invalid(std::to_string(h.sequence), "duplicate change in the history");
        }
        return Applied::RecordedItself;
    }

    ChangeContext& c_;
};

} // namespace

Error ChangeContext::writeError() const { return Error{ErrorCode::StoreWriteFailed, file.string(), db.lastError()}; }

Error ChangeContext::readError() const { return Error{ErrorCode::StoreDamaged, file.string(), db.lastError()}; }

Result<Applied> applyChange(ChangeContext& context, Change& change)
{
    if (Status valid = validate(change); !valid)
        return valid.error();
    return Writer(context).apply(change);
}

ChecklistItem readItemRow(const sqlite::Statement& row)
{
    ChecklistItem item;
    item.id = row.columnInt(0);
    item.position = row.columnInt(1);
    item.template_key = row.columnText(2);
    item.item_key = row.columnText(3);
    item.custom_text = row.columnText(4);
    item.status = static_cast<ItemStatus>(row.columnInt(5));
    item.done = item.status == ItemStatus::Done;
    item.section_id = row.columnInt(6);
    item.status_reason = row.columnText(7);
    if (!row.columnIsNull(8))
        item.status_since = row.columnInt(8);
    item.due = row.columnText(9);
    item.owner = row.columnInt(10) == 1 ? Owner::Client : Owner::Us;
    item.note = row.columnText(11);
    item.internal = row.columnInt(12) != 0;
    return item;
}

} // namespace rapport::detail
