#include "sidecar_replay.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <unordered_map>

namespace rapport::sidecar {

namespace {

std::int64_t number(const std::string& text) { return std::strtoll(text.c_str(), nullptr, 10); }

std::optional<int> optionalCount(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<int>(static_cast<int>(number(text)));
}

// The replay's state: the checklist's rows, found by uid. Each operation mirrors the SQL
// of its kind in store_changes.cpp and store_structure_changes.cpp; keep them in step.
class Machine {
public:
    Replayed run(std::vector<const Block*> blocks)
    {
        std::sort(blocks.begin(), blocks.end(), [](const Block* a, const Block* b) { return a->replayOrderBefore(*b); });
        for (const Block* block : blocks) {
            block_ = block;
            apply(*block);
        }
        result_.last = blocks.empty() ? nullptr : blocks.back();
        finish();
        result_.log = log_.finish(result_.checklist, goneItems_);
        return std::move(result_);
    }

private:
    Checklist& c() { return result_.checklist; }

    ChecklistItem* item(const std::string& uid)
    {
        const auto found = items_.find(uid);
        return found == items_.end() ? nullptr : &c().items[found->second];
    }

    ChecklistSection* section(const std::string& uid)
    {
        const auto found = sections_.find(uid);
        return found == sections_.end() ? nullptr : &c().sections[found->second];
    }

    void reindex()
    {
        items_.clear();
        sections_.clear();
        for (std::size_t i = 0; i < c().items.size(); ++i)
            items_[c().items[i].uid] = i;
        for (std::size_t i = 0; i < c().sections.size(); ++i)
            sections_[c().sections[i].uid] = i;
    }

    std::int64_t nextItemId() const
    {
        std::int64_t top = 0;
        for (const auto& i : result_.checklist.items)
            top = std::max(top, i.id);
        return top + 1;
    }

    std::int64_t nextSectionId() const
    {
        std::int64_t top = 0;
        for (const auto& s : result_.checklist.sections)
            top = std::max(top, s.id);
        return top + 1;
    }

    bool itemIdTaken(std::int64_t id) const
    {
        return std::any_of(result_.checklist.items.begin(), result_.checklist.items.end(),
                           [&](const ChecklistItem& i) { return i.id == id; });
    }

    bool sectionIdTaken(std::int64_t id) const
    {
        return std::any_of(result_.checklist.sections.begin(), result_.checklist.sections.end(),
                           [&](const ChecklistSection& s) { return s.id == id; });
    }

    void wrote(const std::string& kind, const std::string& target, const std::string& value)
    {
        result_.last_writers[fieldKey(kind, target)] = FieldWriter{kind, target, value, block_};
    }

    void apply(const Block& block)
    {
        const Body& first = block.bodies.front();
        const std::string& kind = first.kind;
        if (isLogKind(kind))
            log_.apply(block);
        else if (kind == "status")
            setStatus(first);
        else if (kind == "reason" || kind == "due" || kind == "owner" || kind == "note" || kind == "internal" ||
                 kind == "text")
            setItemField(first);
        else if (kind == "item")
            addItem(first);
        else if (kind == "moved")
            moveItem(first);
        else if (kind == "deleted")
            deleteItem(first.value("item"));
        else if (kind == "restored")
            putItem(first, false);
        else if (kind == "section")
            addSection(first);
        else if (kind == "section-title")
            setSectionTitle(first);
        else if (kind == "section-moved")
            moveSection(first);
        else if (kind == "section-deleted")
            deleteSection(first.value("section"));
        else if (kind == "section-restored")
            restoreSection(block);
        else if (kind == "template-added" || kind == "shared")
            putRows(block, kind == "shared");
        else if (kind == "revision_round")
            startRevisionRound(first);
        else
            setChecklistField(first);
    }

    void setStatus(const Body& body)
    {
        ChecklistItem* it = item(body.value("item"));
        if (!it)
            return;
        const ItemStatus after = *parseStatusKeyword(body.value("value"));
        wrote("status", it->uid, body.value("value"));
        if (it->status == after)
            return;
        it->status = after;
        it->done = after == ItemStatus::Done;
        it->status_since = block_->envelope.at;
    }

    void setItemField(const Body& body)
    {
        ChecklistItem* it = item(body.value("item"));
        if (!it)
            return;
        const std::string& kind = body.kind;
        const std::string value = body.value("value");
        if (kind == "text" && !it->template_key.empty())
            return; // a template item's text follows its template: the store refuses it
        wrote(kind, it->uid, value);
        if (kind == "reason")
            it->status_reason = value;
        else if (kind == "due")
            it->due = value;
        else if (kind == "owner")
            it->owner = value == "1" ? Owner::Client : Owner::Us;
        else if (kind == "note")
            it->note = value;
        else if (kind == "internal")
            it->internal = value == "1";
        else
            it->custom_text = value;
    }

    void addItem(const Body& body)
    {
        const std::string uid = body.value("item");
        if (item(uid))
            return;
        ChecklistSection* into = section(body.value("section"));
        if (!into) {
            if (!c().sections.empty())
                return; // its section was deleted before it: it goes with it
            // A checklist without sections gets one for the user's own items (as addItem's SQL).
            ChecklistSection made;
            made.id = 1;
            made.position = 1;
            made.uid = body.value("section");
            c().sections.push_back(made);
            reindex();
            into = section(made.uid);
        }
        ChecklistItem added;
        added.id = nextItemId();
        std::int64_t top = 0;
        for (const auto& i : c().items)
            top = std::max(top, i.position);
        added.position = top + 1;
        added.custom_text = body.value("value");
        added.section_id = into->id;
        added.uid = uid;
        c().items.push_back(std::move(added));
        items_[uid] = c().items.size() - 1;
    }

    // The ids of `section_id`'s items in display order, and where `skip` was among them.
    std::vector<ChecklistItem*> itemsOf(std::int64_t section_id)
    {
        std::vector<ChecklistItem*> in;
        for (auto& i : c().items)
            if (i.section_id == section_id)
                in.push_back(&i);
        std::sort(in.begin(), in.end(), [](const ChecklistItem* a, const ChecklistItem* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        return in;
    }

    void moveItem(const Body& body)
    {
        ChecklistItem* it = item(body.value("item"));
        ChecklistSection* to = section(body.value("section"));
        if (!it || !to)
            return;
        const std::int64_t fromSection = it->section_id;
        std::vector<ChecklistItem*> order;
        std::size_t before = 0;
        for (ChecklistItem* sibling : itemsOf(to->id)) {
            if (sibling == it)
                before = order.size();
            else
                order.push_back(sibling);
        }
        if (fromSection != to->id) {
            before = 0;
            for (ChecklistItem* sibling : itemsOf(fromSection)) {
                if (sibling == it)
                    break;
                ++before;
            }
        }
        const auto index = std::min(static_cast<std::size_t>(number(body.value("index"))), order.size());
        if (fromSection == to->id && before == index)
            return;
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(index), it);
        it->section_id = to->id;
        std::int64_t position = 0;
        for (ChecklistItem* placed : order)
            placed->position = ++position;
    }

    void deleteItem(const std::string& uid)
    {
        if (!item(uid))
            return;
        goneItems_[uid] = item(uid)->id;
        c().items.erase(c().items.begin() + static_cast<std::ptrdiff_t>(items_[uid]));
        reindex();
    }

    // An item row from a restore or a snapshot; `update` lets a snapshot overwrite the
    // item it already knows (sharing again after a pause brings the current values).
    void putItem(const Body& body, bool update)
    {
        const std::string uid = body.value("item");
        ChecklistSection* in = section(body.value("section"));
        if (!in)
            return;
        ChecklistItem* known = item(uid);
        if (known && !update)
            return;
        ChecklistItem row;
        row.uid = uid;
        const std::int64_t wanted = number(body.value("id"));
        row.id = known ? known->id : (itemIdTaken(wanted) ? nextItemId() : wanted);
        row.position = number(body.value("position"));
        row.section_id = in->id;
        row.template_key = body.value("template");
        row.item_key = body.value("key");
        row.custom_text = body.value("text");
        row.status = *parseStatusKeyword(body.value("status"));
        row.done = row.status == ItemStatus::Done;
        row.status_reason = body.value("reason");
        if (!body.value("since").empty())
            row.status_since = number(body.value("since"));
        row.due = body.value("due");
        row.owner = body.value("owner") == "1" ? Owner::Client : Owner::Us;
        row.note = body.value("note");
        row.internal = body.value("internal") == "1";
        if (known) {
            *known = std::move(row);
            return;
        }
        c().items.push_back(std::move(row));
        items_[uid] = c().items.size() - 1;
    }

    void putSection(const Body& body, bool update)
    {
        const std::string uid = body.value("section");
        ChecklistSection* known = section(uid);
        if (known && !update)
            return;
        ChecklistSection row;
        row.uid = uid;
        const std::int64_t wanted = number(body.value("id"));
        row.id = known ? known->id : (sectionIdTaken(wanted) ? nextSectionId() : wanted);
        row.position = number(body.value("position"));
        row.template_key = body.value("template");
        row.section_key = body.value("key");
        row.custom_title = body.value("title");
        if (known) {
            *known = std::move(row);
            return;
        }
        c().sections.push_back(std::move(row));
        sections_[uid] = c().sections.size() - 1;
    }

    void addSection(const Body& body)
    {
        const std::string uid = body.value("section");
        if (section(uid))
            return;
        ChecklistSection added;
        added.uid = uid;
        added.id = nextSectionId();
        std::int64_t top = 0;
        for (const auto& s : c().sections)
            top = std::max(top, s.position);
        added.position = top + 1;
        added.custom_title = body.value("value");
        c().sections.push_back(std::move(added));
        sections_[uid] = c().sections.size() - 1;
    }

    void setSectionTitle(const Body& body)
    {
        ChecklistSection* s = section(body.value("section"));
        if (!s)
            return;
        wrote("section-title", s->uid, body.value("value"));
        s->custom_title = body.value("value");
    }

    void moveSection(const Body& body)
    {
        ChecklistSection* moving = section(body.value("section"));
        if (!moving)
            return;
        std::vector<ChecklistSection*> order;
        for (auto& s : c().sections)
            order.push_back(&s);
        std::sort(order.begin(), order.end(), [](const ChecklistSection* a, const ChecklistSection* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        const auto at = std::find(order.begin(), order.end(), moving);
        const auto before = static_cast<std::size_t>(at - order.begin());
        order.erase(at);
        const auto index = std::min(static_cast<std::size_t>(number(body.value("index"))), order.size());
        if (before == index)
            return;
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(index), moving);
        std::int64_t position = 0;
        for (ChecklistSection* placed : order)
            placed->position = ++position;
    }

    void deleteSection(const std::string& uid)
    {
        const ChecklistSection* gone = section(uid);
        if (!gone)
            return;
        const std::int64_t id = gone->id;
        for (const ChecklistItem& i : c().items)
            if (i.section_id == id)
                goneItems_[i.uid] = i.id;
        std::erase_if(c().items, [&](const ChecklistItem& i) { return i.section_id == id; });
        std::erase_if(c().sections, [&](const ChecklistSection& s) { return s.uid == uid; });
        reindex();
    }

    void restoreSection(const Block& block)
    {
        if (section(block.bodies.front().value("section")))
            return;
        putSection(block.bodies.front(), false);
        for (std::size_t i = 1; i < block.bodies.size(); ++i)
            putItem(block.bodies[i], false);
    }

    void putRows(const Block& block, bool snapshot)
    {
        const Body& first = block.bodies.front();
        if (snapshot) {
            Checklist& list = c();
            list.template_key = first.value("template");
            list.revision_rounds_agreed = optionalCount(first.value("agreed"));
            list.revision_rounds_used = static_cast<int>(number(first.value("used")));
            list.update_every_days = optionalCount(first.value("every"));
            list.next_update_due = first.value("next");
            list.deadline = first.value("deadline");
            list.client_name = first.value("client");
            list.client_language = first.value("client-lang");
            list.update_rhythm = first.value("rhythm");
        }
        for (std::size_t i = 1; i < block.bodies.size(); ++i) {
            if (block.bodies[i].kind == "+section")
                putSection(block.bodies[i], snapshot);
            else
                putItem(block.bodies[i], snapshot);
        }
    }

    // Rounds started on two replicas at once are two rounds: counted, not last-writer-wins.
    void startRevisionRound(const Body&)
    {
        Checklist& list = c();
        if (list.revision_rounds_used < 999999)
            ++list.revision_rounds_used;
    }

    void setChecklistField(const Body& body)
    {
        const std::string& kind = body.kind;
        const std::string value = body.value("value");
        wrote(kind, {}, value);
        Checklist& list = c();
        if (kind == "revision_rounds_agreed")
            list.revision_rounds_agreed = optionalCount(value);
        else if (kind == "revision_rounds_used")
            list.revision_rounds_used = static_cast<int>(number(value));
        else if (kind == "update_every_days")
            list.update_every_days = optionalCount(value);
        else if (kind == "next_update_due")
            list.next_update_due = value;
        else if (kind == "deadline")
            list.deadline = value;
        else if (kind == "client_name")
            list.client_name = value;
        else if (kind == "client_language")
            list.client_language = value;
        else if (kind == "update_rhythm")
            list.update_rhythm = value;
    }

    // Display order, as Store::checklistFor() reads it.
    void finish()
    {
        auto& sections = c().sections;
        std::sort(sections.begin(), sections.end(), [](const ChecklistSection& a, const ChecklistSection& b) {
            return a.position != b.position ? a.position < b.position : a.id < b.id;
        });
        std::unordered_map<std::int64_t, std::int64_t> sectionPosition;
        for (const auto& s : sections)
            sectionPosition[s.id] = s.position;
        std::sort(c().items.begin(), c().items.end(), [&](const ChecklistItem& a, const ChecklistItem& b) {
            const std::int64_t sa = sectionPosition[a.section_id];
            const std::int64_t sb = sectionPosition[b.section_id];
            if (sa != sb)
                return sa < sb;
            return a.position != b.position ? a.position < b.position : a.id < b.id;
        });
    }

    Replayed result_;
    std::unordered_map<std::string, std::size_t> items_;
    std::unordered_map<std::string, std::size_t> sections_;
    const Block* block_ = nullptr;
    LogReplay log_;
    std::unordered_map<std::string, std::int64_t> goneItems_; // uid -> the id a deleted item had
};

std::string describeRow(const Body& row)
{
    return row.value("template").empty() ? row.value("text") : row.value("template") + "/" + row.value("key");
}

} // namespace

std::string fieldKey(const std::string& kind, const std::string& target) { return kind + " " + target; }

bool isFieldKind(const std::string& kind)
{
    for (const char* field : {"status", "reason", "due", "owner", "note", "internal", "text", "section-title",
                              "revision_rounds_agreed", "revision_rounds_used", "update_every_days",
                              "next_update_due", "deadline", "client_name", "client_language", "update_rhythm"})
        if (kind == field)
            return true;
    return false;
}

Replayed replay(std::vector<const Block*> blocks) { return Machine().run(std::move(blocks)); }

HistoryEntry historyRowOf(const Block& block, const Checklist& replayed, const ReplayedLog& log)
{
    const Body& first = block.bodies.front();
    HistoryEntry row;
    row.at = block.envelope.at;
    row.field = first.kind;
    row.change_id = block.envelope.change_id;
    row.author = block.envelope.author;
    row.hlc = block.envelope.hlc.text();
    if (isLogKind(first.kind)) { // a change the replay skipped keeps empty values
        if (const auto values = log.values.find(&block); values != log.values.end())
            std::tie(row.old_value, row.new_value) = values->second;
        return row;
    }
    const auto itemId = [&](const std::string& uid) -> std::int64_t {
        for (const auto& i : replayed.items)
            if (i.uid == uid)
                return i.id;
        return 0;
    };
    const auto sectionId = [&](const std::string& uid) -> std::string {
        for (const auto& s : replayed.sections)
            if (s.uid == uid)
                return std::to_string(s.id);
        return "0";
    };
    if (const std::string* item = first.get("item"); item && first.kind != "section-restored")
        row.item_id = itemId(*item);
    row.old_value = first.value("old");
    if (first.get("value")) {
        row.new_value = first.value("value");
    } else if (first.kind == "moved") {
        row.new_value = sectionId(first.value("section")) + ":" + first.value("index");
    } else if (first.kind == "section-moved") {
        row.new_value = sectionId(first.value("section")) + ":" + first.value("index");
    } else if (first.kind == "restored") {
        row.new_value = describeRow(first);
    } else if (first.kind == "section-restored") {
        row.new_value = std::to_string(block.bodies.size() - 1) + " items";
    } else if (first.kind == "template-added" || first.kind == "shared") {
        row.new_value = first.value("template");
    }
    return row;
}

} // namespace rapport::sidecar
