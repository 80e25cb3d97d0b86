#include "client_log.h"

#include "calendar.h"
#include "hlc.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace rapport {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parseKeyword(const std::array<std::pair<Enum, std::string_view>, N>& words, std::string_view keyword)
{
    for (const auto& [value, word] : words)
        if (word == keyword)
            return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view keywordOf(const std::array<std::pair<Enum, std::string_view>, N>& words, Enum value)
{
    for (const auto& [each, word] : words)
        if (each == value)
            return word;
    return words.front().second;
}

constexpr std::array<std::pair<LogChannel, std::string_view>, 4> kChannels{{
    {LogChannel::Call, "call"},
    {LogChannel::Email, "email"},
    {LogChannel::Meeting, "meeting"},
    {LogChannel::Message, "message"},
}};

constexpr std::array<std::pair<LogKind, std::string_view>, 6> kKinds{{
    {LogKind::Request, "request"},
    {LogKind::ChangeRequest, "change-request"},
    {LogKind::Complaint, "complaint"},
    {LogKind::Approval, "approval"},
    {LogKind::Feedback, "feedback"},
    {LogKind::Question, "question"},
}};

constexpr std::array<std::pair<ChangeOutcome, std::string_view>, 4> kOutcomes{{
    {ChangeOutcome::None, ""},
    {ChangeOutcome::Awaiting, "awaiting"},
    {ChangeOutcome::Accepted, "accepted"},
    {ChangeOutcome::Declined, "declined"},
}};

constexpr std::array<std::pair<PromiseState, std::string_view>, 6> kPromiseStates{{
    {PromiseState::Open, "open"},
    {PromiseState::KeptOnTime, "kept-on-time"},
    {PromiseState::KeptLate, "kept-late"},
    {PromiseState::Broken, "broken"},
    {PromiseState::Reopened, "reopened"},
    {PromiseState::Withdrawn, "withdrawn"},
}};

std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '%')
            out += "%25";
        else if (c == '|')
            out += "%7C";
        else
            out += c;
    }
    return out;
}

// Splits `text` at '|' and unescapes each field; nullopt when an escape is not one we write.
std::optional<std::vector<std::string>> fields(std::string_view text)
{
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '|') {
            out.emplace_back();
        } else if (c == '%') {
            const std::string_view code = text.substr(i + 1, 2);
            if (code == "25")
                out.back() += '%';
            else if (code == "7C")
                out.back() += '|';
            else
                return std::nullopt;
            i += 2;
        } else {
            out.back() += c;
        }
    }
    return out;
}

bool isNumber(const std::string& text)
{
    return !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::string_view channelKeyword(LogChannel channel) { return keywordOf(kChannels, channel); }
std::optional<LogChannel> parseChannelKeyword(std::string_view keyword) { return parseKeyword(kChannels, keyword); }
std::string_view logKindKeyword(LogKind kind) { return keywordOf(kKinds, kind); }
std::optional<LogKind> parseLogKindKeyword(std::string_view keyword) { return parseKeyword(kKinds, keyword); }
std::string_view outcomeKeyword(ChangeOutcome outcome) { return keywordOf(kOutcomes, outcome); }
std::optional<ChangeOutcome> parseOutcomeKeyword(std::string_view keyword) { return parseKeyword(kOutcomes, keyword); }
std::string_view promiseStateKeyword(PromiseState state) { return keywordOf(kPromiseStates, state); }

bool isLogDateTime(std::string_view text)
{
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':' || !isDateOrEmpty(text.substr(0, 10)) ||
        text.substr(0, 10).empty())
        return false;
    const auto digits = [&](std::size_t at) {
        return text[at] >= '0' && text[at] <= '9' && text[at + 1] >= '0' && text[at + 1] <= '9';
    };
    if (!digits(11) || !digits(14))
        return false;
    const int hours = (text[11] - '0') * 10 + (text[12] - '0');
    const int minutes = (text[14] - '0') * 10 + (text[15] - '0');
    return hours < 24 && minutes < 60;
}

std::string_view logDate(const LogEntry& entry) { return std::string_view(entry.when).substr(0, 10); }

std::string encodeLogEntry(const LogEntry& entry)
{
    // The order of the fields is stored in history rows: append, never reorder.
    std::string text = std::to_string(entry.id);
    for (const std::string_view field :
         {std::string_view(entry.when), channelKeyword(entry.channel), std::string_view(entry.who),
          logKindKeyword(entry.kind), std::string_view(entry.said), std::string_view(entry.answer),
          std::string_view(entry.internal ? "1" : "0"), std::string_view(entry.resolution),
          outcomeKeyword(entry.outcome), std::string_view(entry.decline_reason)}) {
        text += '|';
        text += escaped(field);
    }
    text += '|';
    text += std::to_string(entry.promise_item_id);
    if (!entry.uid.empty()) {
        text += '|';
        text += escaped(entry.uid);
    }
    return text;
}

std::optional<LogEntry> decodeLogEntry(std::string_view text)
{
    const auto parts = fields(text);
    if (!parts || parts->size() < 12 || parts->size() > 13 || (parts->size() == 13 && !isReplicaId((*parts)[12])))
        return std::nullopt;
    const auto& f = *parts;
    const auto channel = parseChannelKeyword(f[2]);
    const auto kind = parseLogKindKeyword(f[4]);
    const auto outcome = parseOutcomeKeyword(f[9]);
    if (!isNumber(f[0]) || !isNumber(f[11]) || !channel || !kind || !outcome || (f[7] != "0" && f[7] != "1"))
        return std::nullopt;
    LogEntry entry;
    entry.id = std::strtoll(f[0].c_str(), nullptr, 10);
    entry.when = f[1];
    entry.channel = *channel;
    entry.who = f[3];
    entry.kind = *kind;
    entry.said = f[5];
    entry.answer = f[6];
    entry.internal = f[7] == "1";
    entry.resolution = f[8];
    entry.outcome = *outcome;
    entry.decline_reason = f[10];
    entry.promise_item_id = std::strtoll(f[11].c_str(), nullptr, 10);
    if (f.size() == 13)
        entry.uid = f[12];
    return entry;
}

std::string encodeResolution(const LogEntry& entry)
{
    return std::string(outcomeKeyword(entry.outcome)) + '|' + escaped(entry.decline_reason) + '|' +
           escaped(entry.resolution);
}

bool applyResolution(std::string_view text, LogEntry& entry)
{
    const auto parts = fields(text);
    if (!parts || parts->size() != 3)
        return false;
    const auto outcome = parseOutcomeKeyword((*parts)[0]);
    if (!outcome)
        return false;
    entry.outcome = *outcome;
    entry.decline_reason = (*parts)[1];
    entry.resolution = (*parts)[2];
    return true;
}

const char* logEntryProblem(const LogEntry& entry)
{
    if (!isLogDateTime(entry.when))
        return "an entry's time is YYYY-MM-DDTHH:MM";
    if (entry.said.empty())
        return "an entry needs what was said";
    const bool changeRequest = entry.kind == LogKind::ChangeRequest;
    if (changeRequest && entry.outcome == ChangeOutcome::None)
        return "a change request is awaiting, accepted or declined";
    if (!changeRequest && entry.outcome != ChangeOutcome::None)
        return "only a change request has an outcome";
    if (entry.outcome == ChangeOutcome::Declined && entry.decline_reason.empty())
        return "a declined change request needs a reason";
    if (entry.outcome != ChangeOutcome::Declined && !entry.decline_reason.empty())
        return "only a declined change request has a reason";
    if (entry.promise_item_id < 0)
        return "not an item";
    return nullptr;
}

PromiseState promiseState(const PromiseFacts& facts, std::string_view today)
{
    if (!facts.exists || facts.status == ItemStatus::NotApplicable)
        return PromiseState::Withdrawn;
    if (facts.status == ItemStatus::Done) {
        // Done on a day we do not know (a store from before status_since): taken as on time.
        if (facts.due.empty() || facts.done_on.empty() || facts.done_on <= facts.due)
            return PromiseState::KeptOnTime;
        return PromiseState::KeptLate;
    }
    if (!facts.due.empty() && facts.due < today)
        return PromiseState::Broken;
    return facts.was_done_before ? PromiseState::Reopened : PromiseState::Open;
}

std::vector<HistoryEntry> promiseHistoryOf(const std::vector<HistoryEntry>& history)
{
    std::vector<HistoryEntry> kept;
    for (const HistoryEntry& row : history)
        if (row.item_id != 0 && row.field == "status" && row.old_value == "done")
            kept.push_back(row);
    return kept;
}

PromiseFacts promiseFactsOf(const Checklist& checklist, const std::vector<HistoryEntry>& history, std::int64_t item_id)
{
    PromiseFacts facts;
    const auto item = std::find_if(checklist.items.begin(), checklist.items.end(),
                                   [&](const ChecklistItem& i) { return i.id == item_id; });
    if (item == checklist.items.end()) {
        facts.exists = false;
        return facts;
    }
    facts.status = item->status;
    facts.due = item->due;
    if (item->status == ItemStatus::Done && item->status_since)
        facts.done_on = localDate(*item->status_since);
    for (const HistoryEntry& row : history)
        if (row.item_id == item_id && row.field == "status" && row.old_value == "done")
            facts.was_done_before = true;
    return facts;
}

PromiseFigures promiseFiguresOf(const std::vector<LogEntry>& entries, const Checklist& checklist,
                                const std::vector<HistoryEntry>& history, std::string_view today, bool with_internal)
{
    PromiseFigures figures;
    for (const LogEntry& entry : entries) {
        if (entry.promise_item_id == 0 || (entry.internal && !with_internal))
            continue;
        switch (promiseState(promiseFactsOf(checklist, history, entry.promise_item_id), today)) {
        case PromiseState::KeptOnTime: ++figures.kept_on_time; break;
        case PromiseState::KeptLate: ++figures.kept_late; break;
        case PromiseState::Broken: ++figures.broken; break;
        case PromiseState::Open:
        case PromiseState::Reopened: ++figures.open; break;
        case PromiseState::Withdrawn: break;
        }
    }
    return figures;
}

const LogEntry* promiseEntryOf(const std::vector<LogEntry>& entries, std::int64_t item_id)
{
    if (item_id == 0)
        return nullptr;
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [&](const LogEntry& e) { return e.promise_item_id == item_id; });
    return found == entries.end() ? nullptr : &*found;
}

} // namespace rapport
