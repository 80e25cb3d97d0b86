// The kinds of lines a sidecar holds and how each value is checked (sidecar_kinds.h). A
// kind not in this table is a foreign line: skipped and reported, never guessed at.
#include "sidecar_kinds.h"

#include "client_log.h"
#include "model.h"

#include <charconv>

namespace rapport::sidecar {

namespace {

bool isInteger(const std::string& text, std::int64_t low, std::int64_t high)
{
    if (text.empty() || text.size() > 19)
        return false;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value >= low && value <= high &&
           (text[0] != '0' || text.size() == 1) && text[0] != '+';
}

} // namespace

bool passes(Check check, const std::string& value)
{
    constexpr std::int64_t kBig = std::int64_t{1} << 53;
    switch (check) {
    case Check::Text: return true;
    case Check::NonEmpty: return !value.empty();
    case Check::Uid: return isReplicaId(value);
    case Check::UidOrNone: return value.empty() || isReplicaId(value);
    case Check::Status: return parseStatusKeyword(value).has_value();
    case Check::Date: return isDateOrEmpty(value);
    case Check::Bit: return value == "0" || value == "1";
    case Check::Count: return isInteger(value, 0, 999999);
    case Check::CountOrNone: return value.empty() || isInteger(value, 0, 999999);
    case Check::DaysOrNone: return value.empty() || isInteger(value, 1, 999999);
    case Check::Id: return isInteger(value, 1, kBig);
    case Check::Position: return (!value.empty() && value[0] == '-') ? isInteger(value.substr(1), 1, kBig)
                                                                     : isInteger(value, 0, kBig);
    case Check::SinceOrNone: return value.empty() || isInteger(value, 0, kBig);
    case Check::Index: return isInteger(value, 0, 1000000000);
    case Check::Seconds: return isInteger(value, 0, kBig);
    case Check::LogTime: return isLogDateTime(value);
    case Check::Channel: return parseChannelKeyword(value).has_value();
    case Check::LogKind: return parseLogKindKeyword(value).has_value();
    case Check::Outcome: return parseOutcomeKeyword(value).has_value();
    }
    return false;
}

namespace {

const std::vector<Key>& itemRowKeys()
{
    static const std::vector<Key> keys{
        {"item", Check::Uid, true},        {"id", Check::Id, true},         {"position", Check::Position, true},
        {"section", Check::Uid, true},     {"template", Check::Text, true}, {"key", Check::Text, true},
        {"text", Check::Text, true},       {"status", Check::Status, true}, {"reason", Check::Text, true},
        {"since", Check::SinceOrNone, true}, {"due", Check::Date, true},    {"owner", Check::Bit, true},
        {"note", Check::Text, true},       {"internal", Check::Bit, true},
    };
    return keys;
}

const std::vector<Key>& sectionRowKeys()
{
    static const std::vector<Key> keys{
        {"section", Check::Uid, true},   {"id", Check::Id, true},   {"position", Check::Position, true},
        {"template", Check::Text, true}, {"key", Check::Text, true}, {"title", Check::Text, true},
    };
    return keys;
}

// A client log entry as a whole (kinds "log-added", "+entry"): docs/sidecar-format.md.
const std::vector<Key>& entryRowKeys()
{
    static const std::vector<Key> keys{
        {"entry", Check::Uid, true},        {"id", Check::Id, true},           {"when", Check::LogTime, true},
        {"channel", Check::Channel, true},  {"who", Check::Text, true},        {"kind", Check::LogKind, true},
        {"said", Check::NonEmpty, true},    {"answer", Check::Text, true},     {"internal", Check::Bit, true},
        {"resolution", Check::Text, true},  {"outcome", Check::Outcome, true}, {"decline", Check::Text, true},
        {"promise", Check::UidOrNone, true},
    };
    return keys;
}

std::vector<Key> field(std::string_view target, Check value)
{
    std::vector<Key> keys;
    if (!target.empty())
        keys.push_back({target, Check::Uid, true});
    keys.push_back({"value", value, true});
    keys.push_back({"old", Check::Text, false});
    return keys;
}

const std::vector<KindSpec>& kinds()
{
    static const std::vector<KindSpec> table{
        {"status", Place::First, field("item", Check::Status), false},
        {"reason", Place::First, field("item", Check::Text), false},
        {"due", Place::First, field("item", Check::Date), false},
        {"owner", Place::First, field("item", Check::Bit), false},
        {"note", Place::First, field("item", Check::Text), false},
        {"internal", Place::First, field("item", Check::Bit), false},
        {"text", Place::First, field("item", Check::NonEmpty), false},
        {"item", Place::First, {{"item", Check::Uid, true}, {"section", Check::Uid, true}, {"value", Check::NonEmpty, true}}, false},
        {"moved", Place::First, {{"item", Check::Uid, true}, {"section", Check::Uid, true}, {"index", Check::Index, true}, {"old", Check::Text, false}}, false},
        {"deleted", Place::First, {{"item", Check::Uid, true}, {"old", Check::Text, false}}, false},
        {"restored", Place::First, itemRowKeys(), false},
        {"section", Place::First, {{"section", Check::Uid, true}, {"value", Check::NonEmpty, true}}, false},
        {"section-title", Place::First, field("section", Check::Text), false},
        {"section-moved", Place::First, {{"section", Check::Uid, true}, {"index", Check::Index, true}, {"old", Check::Text, false}}, false},
        {"section-deleted", Place::First, {{"section", Check::Uid, true}, {"old", Check::Text, false}}, false},
        {"section-restored", Place::First, sectionRowKeys(), true},
        {"revision_rounds_agreed", Place::First, field({}, Check::CountOrNone), false},
        {"revision_rounds_used", Place::First, field({}, Check::Count), false},
        {"update_every_days", Place::First, field({}, Check::DaysOrNone), false},
        {"next_update_due", Place::First, field({}, Check::Date), false},
        {"deadline", Place::First, field({}, Check::Date), false},
        {"client_name", Place::First, field({}, Check::Text), false},
        {"client_language", Place::First, field({}, Check::Text), false},
        {"update_rhythm", Place::First, field({}, Check::Text), false},
        {"revision_round", Place::First, field({}, Check::NonEmpty), false},
        {"template-added", Place::First, {{"template", Check::Text, true}}, true},
        {"shared", Place::First,
         {{"template", Check::Text, true}, {"agreed", Check::CountOrNone, true}, {"used", Check::Count, true},
          {"every", Check::DaysOrNone, true}, {"next", Check::Date, true}, {"deadline", Check::Date, true},
          {"client", Check::Text, false}, {"client-lang", Check::Text, false}, {"rhythm", Check::Text, false}},
         true},
        {"+section", Place::Sub, sectionRowKeys(), false},
        {"+item", Place::Sub, itemRowKeys(), false},
        // The client log (client_log.h): entries by uid, a promise by its item's uid.
        {"log-added", Place::First, entryRowKeys(), false},
        {"log-edited", Place::First,
         {{"entry", Check::Uid, true}, {"when", Check::LogTime, false}, {"channel", Check::Channel, false},
          {"who", Check::Text, false}, {"kind", Check::LogKind, false}, {"said", Check::NonEmpty, false},
          {"answer", Check::Text, false}, {"internal", Check::Bit, false}, {"resolution", Check::Text, false},
          {"outcome", Check::Outcome, false}, {"decline", Check::Text, false}},
         false},
        {"log-deleted", Place::First, {{"entry", Check::Uid, true}}, false},
        {"log-resolved", Place::First,
         {{"entry", Check::Uid, true}, {"outcome", Check::Outcome, true}, {"decline", Check::Text, true},
          {"resolution", Check::Text, true}},
         false},
        {"log-promise", Place::First, {{"entry", Check::Uid, true}, {"promise", Check::UidOrNone, true}}, false},
        {"log-shared", Place::First, {}, true},
        {"+entry", Place::Sub, entryRowKeys(), false},
    };
    return table;
}

} // namespace

const KindSpec* specOf(std::string_view kind)
{
    for (const KindSpec& spec : kinds())
        if (spec.kind == kind)
            return &spec;
    return nullptr;
}

// Rows in a snapshot, a template or a restored section: only the kinds that carry them,
// a restored section brings only its own items, and the log's snapshot only entries (the
// checklist's never: a Rapport from before the log reads a checklist's snapshot whole).
bool validStructure(const Block& block)
{
    const KindSpec* first = specOf(block.bodies.front().kind);
    if (!first || (!first->carriesRows && block.bodies.size() > 1))
        return false;
    const std::string& kind = block.bodies.front().kind;
    for (std::size_t i = 1; i < block.bodies.size(); ++i) {
        const Body& row = block.bodies[i];
        if ((row.kind == "+entry") != (kind == "log-shared"))
            return false;
        if (kind == "section-restored" && (row.kind != "+item" || row.value("section") != block.bodies.front().value("section")))
            return false;
    }
    return true;
}

} // namespace rapport::sidecar
