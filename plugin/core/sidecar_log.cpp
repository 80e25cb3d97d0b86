#include "sidecar_log.h"

#include <algorithm>
#include <cstdlib>

namespace rapport::sidecar {

namespace {

constexpr std::string_view kLogKinds[] = {"log-added", "log-edited", "log-deleted", "log-resolved", "log-promise",
                                          "log-shared"};

// The fields an entry's lines carry besides its uid, number and promise, in line order.
struct EntryField {
    std::string_view key;
    std::string (*get)(const LogEntry&);
    void (*set)(LogEntry&, const std::string&);
};

const EntryField kEntryFields[] = {
    {"when", [](const LogEntry& e) { return e.when; }, [](LogEntry& e, const std::string& v) { e.when = v; }},
    {"channel", [](const LogEntry& e) { return std::string(channelKeyword(e.channel)); },
     [](LogEntry& e, const std::string& v) { e.channel = parseChannelKeyword(v).value_or(e.channel); }},
    {"who", [](const LogEntry& e) { return e.who; }, [](LogEntry& e, const std::string& v) { e.who = v; }},
    {"kind", [](const LogEntry& e) { return std::string(logKindKeyword(e.kind)); },
     [](LogEntry& e, const std::string& v) { e.kind = parseLogKindKeyword(v).value_or(e.kind); }},
    {"said", [](const LogEntry& e) { return e.said; }, [](LogEntry& e, const std::string& v) { e.said = v; }},
    {"answer", [](const LogEntry& e) { return e.answer; }, [](LogEntry& e, const std::string& v) { e.answer = v; }},
    {"internal", [](const LogEntry& e) { return std::string(e.internal ? "1" : "0"); },
     [](LogEntry& e, const std::string& v) { e.internal = v == "1"; }},
    {"resolution", [](const LogEntry& e) { return e.resolution; },
     [](LogEntry& e, const std::string& v) { e.resolution = v; }},
    {"outcome", [](const LogEntry& e) { return std::string(outcomeKeyword(e.outcome)); },
     [](LogEntry& e, const std::string& v) { e.outcome = parseOutcomeKeyword(v).value_or(e.outcome); }},
    {"decline", [](const LogEntry& e) { return e.decline_reason; },
     [](LogEntry& e, const std::string& v) { e.decline_reason = v; }},
};

} // namespace

Body entryRow(std::string kind, const LogEntry& entry, const std::string& promise_uid)
{
    Body body{std::move(kind), {}};
    body.add("entry", entry.uid).add("id", std::to_string(entry.id));
    for (const EntryField& field : kEntryFields)
        body.add(std::string(field.key), field.get(entry));
    body.add("promise", promise_uid);
    return body;
}

Body entryEdit(const LogEntry& before, const LogEntry& after)
{
    Body body{"log-edited", {}};
    body.add("entry", after.uid);
    for (const EntryField& field : kEntryFields)
        if (std::string value = field.get(after); value != field.get(before))
            body.add(std::string(field.key), std::move(value));
    return body;
}

bool isLogKind(std::string_view kind)
{
    return std::find(std::begin(kLogKinds), std::end(kLogKinds), kind) != std::end(kLogKinds);
}

LogReplay::Entry* LogReplay::find(const std::string& uid)
{
    const auto found = index_.find(uid);
    return found == index_.end() ? nullptr : &entries_[found->second];
}

std::int64_t LogReplay::nextId() const
{
    std::int64_t top = 0;
    for (const Entry& e : entries_)
        top = std::max(top, e.entry.id);
    return top + 1;
}

// A whole entry: added unless its uid is known, or (a snapshot's row) over the entry it
// names. Its number is kept when no other entry has it, else it gets the next free one.
void LogReplay::put(const Body& row, bool overwrite)
{
    const std::string uid = row.value("entry");
    Entry* known = find(uid);
    if (known && !overwrite)
        return;
    Entry made;
    made.entry.uid = uid;
    for (const EntryField& field : kEntryFields)
        field.set(made.entry, row.value(field.key));
    made.promise = row.value("promise");
    if (logEntryProblem(made.entry))
        return; // the store would not keep it
    const std::int64_t wanted = std::strtoll(row.value("id").c_str(), nullptr, 10);
    const bool taken = std::any_of(entries_.begin(), entries_.end(),
                                   [&](const Entry& e) { return e.entry.id == wanted && e.entry.uid != uid; });
    made.entry.id = known ? known->entry.id : (taken ? nextId() : wanted);
    if (known) {
        *known = std::move(made);
        return;
    }
    index_[uid] = entries_.size();
    entries_.push_back(std::move(made));
}

// A change to an entry that exists: edited, resolved, deleted or its promise linked.
void LogReplay::change(const Block& block, const Body& line)
{
    const std::string uid = line.value("entry");
    Entry* known = find(uid);
    if (!known)
        return; // gone before it (or never seen here): the store would refuse it
    const std::string& kind = line.kind;
    if (kind == "log-deleted") {
        steps_.push_back(Step{&block, *known, std::nullopt});
        const std::size_t at = index_[uid];
        entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(at));
        index_.clear();
        for (std::size_t i = 0; i < entries_.size(); ++i)
            index_[entries_[i].entry.uid] = i;
        return;
    }
    Entry after = *known;
    if (kind == "log-promise") {
        after.promise = line.value("promise");
    } else {
        // log-edited names only the fields it changes; log-resolved all three of its own.
        for (const EntryField& field : kEntryFields)
            if (const std::string* value = line.get(field.key))
                field.set(after.entry, *value);
        if (logEntryProblem(after.entry))
            return; // the store refuses what would break an entry's rules
    }
    if (after.entry == known->entry && after.promise == known->promise)
        return;
    steps_.push_back(Step{&block, *known, after});
    *known = std::move(after);
}

void LogReplay::apply(const Block& block)
{
    // Only the lines that bring a whole entry name it: an edit of an entry the log never
    // brought (one an older Rapport kept unlogged) must not make a merge take it away.
    const Body& first = block.bodies.front();
    if (first.kind == "log-added") {
        named_.insert(first.value("entry"));
        const std::size_t before = entries_.size();
        put(first, false);
        if (entries_.size() != before)
            steps_.push_back(Step{&block, std::nullopt, entries_.back()});
        return;
    }
    if (first.kind == "log-shared") {
        for (std::size_t i = 1; i < block.bodies.size(); ++i) {
            named_.insert(block.bodies[i].value("entry"));
            put(block.bodies[i], true);
        }
        steps_.push_back(Step{&block, std::nullopt, std::nullopt});
        return;
    }
    change(block, first);
}

ReplayedLog LogReplay::finish(const Checklist& replayed, const std::unordered_map<std::string, std::int64_t>& gone)
{
    std::unordered_map<std::string, std::int64_t> itemIds = gone;
    for (const ChecklistItem& item : replayed.items)
        itemIds[item.uid] = item.id;
    const auto resolved = [&](const Entry& e) {
        LogEntry entry = e.entry;
        const auto item = e.promise.empty() ? itemIds.end() : itemIds.find(e.promise);
        entry.promise_item_id = item == itemIds.end() ? 0 : item->second;
        return entry;
    };
    ReplayedLog log;
    for (const Entry& e : entries_)
        log.entries.push_back(resolved(e));
    std::sort(log.entries.begin(), log.entries.end(),
              [](const LogEntry& a, const LogEntry& b) { return a.id < b.id; });
    for (const Step& step : steps_) {
        const std::string& kind = step.block->bodies.front().kind;
        std::pair<std::string, std::string> values;
        const std::string number = std::to_string(step.after ? step.after->entry.id : step.before ? step.before->entry.id : 0);
        if (kind == "log-shared") {
            values.second = std::to_string(step.block->bodies.size() - 1);
        } else if (kind == "log-added") {
            values.second = encodeLogEntry(resolved(*step.after));
        } else if (kind == "log-edited") {
            values = {encodeLogEntry(resolved(*step.before)), encodeLogEntry(resolved(*step.after))};
        } else if (kind == "log-deleted") {
            values = {encodeLogEntry(resolved(*step.before)), number};
        } else if (kind == "log-resolved") {
            values = {number + ":" + encodeResolution(step.before->entry), number + ":" + encodeResolution(step.after->entry)};
        } else if (kind == "log-promise") {
            values = {number + ":" + std::to_string(resolved(*step.before).promise_item_id),
                      number + ":" + std::to_string(resolved(*step.after).promise_item_id)};
        }
        log.values[step.block] = std::move(values);
    }
    log.named = std::move(named_);
    return log;
}

} // namespace rapport::sidecar
