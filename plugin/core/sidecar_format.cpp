#include "sidecar_format.h"

#include "model.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_map>

namespace rapport::sidecar {

namespace {

constexpr std::string_view kHeaderWord = "rapport-sidecar";

// --- Values --------------------------------------------------------------------------

bool isInteger(const std::string& text, std::int64_t low, std::int64_t high)
{
    if (text.empty() || text.size() > 19)
        return false;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value >= low && value <= high &&
           (text[0] != '0' || text.size() == 1) && text[0] != '+';
}

enum class Check {
    Text,         // any UTF-8
    NonEmpty,     // any UTF-8 but ""
    Uid,          // 16 hex digits
    Status,       // a status keyword
    Date,         // YYYY-MM-DD or ""
    Bit,          // 0 or 1
    Count,        // 0..999999
    CountOrNone,  // a count or ""
    DaysOrNone,   // 1..999999 or ""
    Id,           // a local id, 1..2^53
    Position,     // an integer
    SinceOrNone,  // unix seconds or ""
    Index,        // 0..10^9
    Seconds,      // unix seconds, not negative
};

bool passes(Check check, const std::string& value)
{
    constexpr std::int64_t kBig = std::int64_t{1} << 53;
    switch (check) {
    case Check::Text: return true;
    case Check::NonEmpty: return !value.empty();
    case Check::Uid: return isReplicaId(value);
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
    }
    return false;
}

// --- Kinds ---------------------------------------------------------------------------

struct Key {
    std::string_view name;
    Check check;
    bool required;
};

enum class Place { First, Sub };

struct KindSpec {
    std::string_view kind;
    Place place;
    std::vector<Key> keys;
    bool carriesRows; // may be followed by +section / +item lines
};

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
    };
    return table;
}

const KindSpec* specOf(std::string_view kind)
{
    for (const KindSpec& spec : kinds())
        if (spec.kind == kind)
            return &spec;
    return nullptr;
}

// --- Lines ---------------------------------------------------------------------------

// One line as read, before its block is known to be complete.
struct Line {
    Envelope envelope;
    std::size_t part = 0;
    std::size_t parts = 0;
    Body body;
    std::string_view key; // "node hlc id", fixed width: its text order is the file order
    std::string_view id;  // the change id, in the text being read
};

void splitSpaces(std::string_view line, std::vector<std::string_view>& tokens)
{
    tokens.clear();
    std::size_t start = 0;
    while (start <= line.size()) {
        const std::size_t end = std::min(line.find(' ', start), line.size());
        tokens.push_back(line.substr(start, end - start));
        start = end + 1;
    }
}

std::optional<std::size_t> count(std::string_view text)
{
    if (text.empty() || text.size() > 6 || text[0] == '0')
        return std::nullopt;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

bool unescapeInto(std::string_view text, std::string& out, bool line_checked);

// One line, checked: its envelope, its kind's keys each once with valid values. The fields
// are kept only when `keep_fields` (the merge driver checks lines without keeping them).
std::optional<Line> parseLine(std::string_view text, bool keep_fields)
{
    if (text.size() > kMaxLineBytes || !isUtf8(text))
        return std::nullopt;
    thread_local std::vector<std::string_view> tokens;
    thread_local std::string value;
    splitSpaces(text, tokens);
    if (tokens.size() < 5 || !isReplicaId(tokens[0]) || !isReplicaId(tokens[2]))
        return std::nullopt;
    const auto hlc = Hlc::parse(tokens[1]);
    if (!hlc)
        return std::nullopt;
    Line line;
    line.envelope.node = std::string(tokens[0]);
    line.envelope.change_id = std::string(tokens[2]);
    line.envelope.hlc = *hlc;
    const auto slash = tokens[3].find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto part = count(tokens[3].substr(0, slash));
    const auto parts = count(tokens[3].substr(slash + 1));
    if (!part || !parts || *part > *parts || *parts > kMaxBlockLines)
        return std::nullopt;
    line.part = *part;
    line.parts = *parts;
    keep_fields = keep_fields || line.parts > 1; // a block's structure is checked on its fields
    const KindSpec* spec = specOf(tokens[4]);
    if (!spec || (spec->place == Place::First) != (line.part == 1))
        return std::nullopt;
    line.body.kind = std::string(tokens[4]);
    bool by = false;
    bool at = false;
    std::uint32_t seen = 0; // the kind's keys met, one bit each
    for (std::size_t i = 5; i < tokens.size(); ++i) {
        const std::string_view token = tokens[i];
        const auto equals = token.find('=');
        if (equals == std::string_view::npos || equals == 0 || !unescapeInto(token.substr(equals + 1), value, true))
            return std::nullopt;
        const std::string_view key = token.substr(0, equals);
        if (line.part == 1 && key == "by" && !by) {
            by = true;
            line.envelope.author = value;
            continue;
        }
        if (line.part == 1 && key == "at" && !at) {
            if (!passes(Check::Seconds, value))
                return std::nullopt;
            at = true;
            line.envelope.at = std::strtoll(value.c_str(), nullptr, 10);
            continue;
        }
        std::size_t k = 0;
        while (k < spec->keys.size() && spec->keys[k].name != key)
            ++k;
        if (k == spec->keys.size() || (seen & (1u << k)) || !passes(spec->keys[k].check, value))
            return std::nullopt;
        seen |= 1u << k;
        if (keep_fields)
            line.body.fields.push_back(Field{std::string(key), value});
    }
    if (line.part == 1 && (!by || !at))
        return std::nullopt;
    for (std::size_t k = 0; k < spec->keys.size(); ++k)
        if (spec->keys[k].required && !(seen & (1u << k)))
            return std::nullopt;
    line.key = text.substr(0, static_cast<std::size_t>(tokens[2].data() + tokens[2].size() - text.data()));
    line.id = tokens[2];
    return line;
}

bool isMarker(std::string_view line)
{
    for (const std::string_view marker : {"<<<<<<<", ">>>>>>>", "|||||||", "======="})
        if (line.substr(0, marker.size()) == marker && (line.size() == marker.size() || line[marker.size()] == ' '))
            return true;
    return false;
}

std::optional<int> headerVersion(std::string_view line)
{
    if (line.substr(0, kHeaderWord.size()) != kHeaderWord || line.size() < kHeaderWord.size() + 2 ||
        line[kHeaderWord.size()] != ' ')
        return std::nullopt;
    const std::string_view number = line.substr(kHeaderWord.size() + 1);
    int version = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), version);
    if (error != std::errc() || end != number.data() + number.size() || version < 1)
        return std::nullopt;
    return version;
}

// The lines of a change of several lines, as they arrive, in any order.
struct Gathering {
    std::vector<std::optional<Line>> parts;
    std::vector<std::string> texts; // each line's text, with its '\n'
    std::vector<std::size_t> numbers; // where its lines were, for reports
    bool broken = false;
};

// Rows in a snapshot, a template or a restored section: only the kinds that carry them,
// and a restored section brings only its own items.
bool validStructure(const Block& block)
{
    const KindSpec* first = specOf(block.bodies.front().kind);
    if (!first || (!first->carriesRows && block.bodies.size() > 1))
        return false;
    for (std::size_t i = 1; i < block.bodies.size(); ++i) {
        const Body& row = block.bodies[i];
        if (block.bodies.front().kind == "section-restored" &&
            (row.kind != "+item" || row.value("section") != block.bodies.front().value("section")))
            return false;
    }
    return true;
}

} // namespace

// --- Escaping ------------------------------------------------------------------------

std::string escape(std::string_view value)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f || byte == '%') {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// `line_checked`: the line `text` comes from is known to be UTF-8 already.
bool unescapeInto(std::string_view text, std::string& out, bool line_checked)
{
    const auto hexValue = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1; // lower case is not what escape() writes: one spelling per value
    };
    out.clear();
    // Most values have nothing escaped: the line was checked for UTF-8 as a whole.
    if (text.find('%') == std::string_view::npos) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte <= 0x20 || byte == 0x7f)
                return false;
        }
        out.assign(text);
        return line_checked || isUtf8(out);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte <= 0x20 || byte == 0x7f)
            return false;
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return false;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0)
            return false;
        const auto decoded = static_cast<unsigned char>(high * 16 + low);
        // Only what escape() escapes may be escaped: one spelling per value.
        if (!(decoded <= 0x20 || decoded == 0x7f || decoded == '%'))
            return false;
        out += static_cast<char>(decoded);
        i += 2;
    }
    return isUtf8(out);
}

} // namespace

std::optional<std::string> unescape(std::string_view text)
{
    std::string out;
    if (!unescapeInto(text, out, false))
        return std::nullopt;
    return out;
}

bool isUtf8(std::string_view text)
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // Eight ASCII bytes at a time: most of a sidecar is ASCII.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((c & 0xe0) == 0xc0) {
            length = 2;
            code = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            length = 3;
            code = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
            code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

// --- Bodies and blocks -----------------------------------------------------------------

const std::string* Body::get(std::string_view key) const
{
    for (const Field& f : fields)
        if (f.key == key)
            return &f.value;
    return nullptr;
}

std::string Body::value(std::string_view key) const
{
    const std::string* found = get(key);
    return found ? *found : std::string();
}

Body& Body::add(std::string key, std::string value)
{
    fields.push_back(Field{std::move(key), std::move(value)});
    return *this;
}

bool Block::fileOrderBefore(const Block& other) const
{
    return std::tie(envelope.node, envelope.hlc, envelope.change_id) <
           std::tie(other.envelope.node, other.envelope.hlc, other.envelope.change_id);
}

bool Block::replayOrderBefore(const Block& other) const
{
    return std::tie(envelope.hlc, envelope.change_id) < std::tie(other.envelope.hlc, other.envelope.change_id);
}

Body itemRow(std::string kind, const ChecklistItem& item, const std::string& section_uid)
{
    Body body{std::move(kind), {}};
    body.add("item", item.uid)
        .add("id", std::to_string(item.id))
        .add("position", std::to_string(item.position))
        .add("section", section_uid)
        .add("template", item.template_key)
        .add("key", item.item_key)
        .add("text", item.custom_text)
        .add("status", std::string(statusKeyword(item.status)))
        .add("reason", item.status_reason)
        .add("since", item.status_since ? std::to_string(*item.status_since) : std::string())
        .add("due", item.due)
        .add("owner", item.owner == Owner::Client ? "1" : "0")
        .add("note", item.note)
        .add("internal", item.internal ? "1" : "0");
    return body;
}

Body sectionRow(std::string kind, const ChecklistSection& section)
{
    Body body{std::move(kind), {}};
    body.add("section", section.uid)
        .add("id", std::to_string(section.id))
        .add("position", std::to_string(section.position))
        .add("template", section.template_key)
        .add("key", section.section_key)
        .add("title", section.custom_title);
    return body;
}

std::string encode(const Envelope& envelope, const std::vector<Body>& bodies)
{
    std::string out;
    const std::string prefix = envelope.node + " " + envelope.hlc.text() + " " + envelope.change_id + " ";
    const std::string total = "/" + std::to_string(bodies.size()) + " ";
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        out += prefix;
        out += std::to_string(i + 1);
        out += total;
        out += bodies[i].kind;
        if (i == 0) {
            out += " by=" + escape(envelope.author);
            out += " at=" + std::to_string(envelope.at);
        }
        for (const Field& f : bodies[i].fields) {
            out += ' ';
            out += f.key;
            out += '=';
            out += escape(f.value);
        }
        out += '\n';
    }
    return out;
}

std::optional<Block> decode(std::string_view lines)
{
    Parsed parsed = parse(header() + std::string(lines));
    if (parsed.blocks.size() != 1 || parsed.bad_lines != 0)
        return std::nullopt;
    return std::move(parsed.blocks.front());
}

std::string header() { return std::string(kHeaderWord) + " " + std::to_string(kVersion) + "\n"; }

Parsed parse(std::string_view content, bool keep_fields)
{
    Parsed parsed;
    std::vector<Block>& blocks = parsed.blocks;               // in the order of their first line
    std::unordered_map<std::string_view, std::size_t> index;  // change id (in `content`) -> its place
    std::map<std::size_t, Gathering> gathering;               // changes of several lines, by place
    index.reserve(content.size() / 100);
    blocks.reserve(content.size() / 100);
    const auto bad = [&](std::size_t where) {
        ++parsed.bad_lines;
        if (parsed.first_bad.size() < 5)
            parsed.first_bad.push_back(where);
    };
    std::vector<std::size_t> badBeforeHeader;
    // Canonical: the header, then every change's lines in file order, nothing else.
    bool canonical = true;
    std::string_view previousKey;
    std::size_t previousPart = 0;
    std::size_t previousParts = 0;
    std::size_t number = 0;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        const bool ended = end != std::string_view::npos;
        if (!ended)
            end = content.size();
        std::string_view text = content.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!ended) {
            // A last line without its newline was cut short (or is still being written):
            // even if what is there parses, it may not be what was meant.
            bad(number);
            canonical = false;
            continue;
        }
        if (!text.empty() && text.back() == '\r') { // a checkout that turned \n into \r\n
            text.remove_suffix(1);
            canonical = false;
        }
        if (text.empty()) {
            canonical = false;
            continue;
        }
        if (isMarker(text)) {
            parsed.markers = true;
            canonical = false;
            continue;
        }
        if (const auto version = headerVersion(text)) {
            canonical = canonical && number == 1 && *version == kVersion;
            parsed.version = std::max(parsed.version.value_or(0), *version);
            continue;
        }
        if (!parsed.version) {
            badBeforeHeader.push_back(number);
            canonical = false;
            continue;
        }
        auto line = parseLine(text, keep_fields);
        if (!line) {
            bad(number);
            canonical = false;
            continue;
        }
        if (line->key > previousKey)
            canonical = canonical && line->part == 1 && previousPart == previousParts;
        else
            canonical = canonical && line->key == previousKey && line->part == previousPart + 1;
        previousKey = line->key;
        previousPart = line->part;
        previousParts = line->parts;

        const auto [known, fresh] = index.try_emplace(line->id, blocks.size());
        if (fresh) {
            Block block;
            if (line->parts == 1) {
                block.envelope = std::move(line->envelope);
                block.bodies.push_back(std::move(line->body));
                block.text.reserve(text.size() + 1);
                block.text.append(text).push_back('\n');
            } else {
                // A place kept in file order; the lines are gathered until all have come.
                Gathering& lines = gathering[blocks.size()];
                lines.parts.resize(line->parts);
                lines.texts.resize(line->parts);
                lines.numbers.push_back(number);
                lines.texts[line->part - 1] = std::string(text) + "\n";
                lines.parts[line->part - 1] = std::move(*line);
            }
            blocks.push_back(std::move(block));
            continue;
        }
        const std::string lineText = std::string(text) + "\n";
        const auto many = gathering.find(known->second);
        if (many == gathering.end()) {
            canonical = false; // a second line for a change of one line
            Block& block = blocks[known->second];
            if (lineText == block.text)
                continue; // the same line twice (a union of two copies): once is enough
            // One id, two different lines (a hostile or broken file): the same one wins
            // everywhere, and the other is reported.
            bad(number);
            if (line->parts == 1 && line->envelope.node == block.envelope.node &&
                line->envelope.hlc == block.envelope.hlc && lineText < block.text) {
                block.envelope = std::move(line->envelope);
                block.bodies.front() = std::move(line->body);
                block.text = lineText;
            }
            continue;
        }
        Gathering& lines = many->second;
        lines.numbers.push_back(number);
        if (lines.parts.size() != line->parts) {
            lines.broken = true; // two lines of one change disagree on its length
            continue;
        }
        auto& slot = lines.parts[line->part - 1];
        std::string& slotText = lines.texts[line->part - 1];
        if (!slot) {
            slot = std::move(*line);
            slotText = lineText;
            continue;
        }
        canonical = false; // a line of this change seen twice
        if (slot->envelope.node != line->envelope.node || slot->envelope.hlc != line->envelope.hlc) {
            lines.broken = true;
        } else if (lineText != slotText) {
            bad(number);
            if (lineText < slotText) {
                slot = std::move(*line);
                slotText = lineText;
            }
        }
    }
    canonical = canonical && previousPart == previousParts;
    if (parsed.version && *parsed.version > kVersion) {
        // A newer format may give old kinds new meanings: nothing is read rather than misread.
        parsed.future = true;
        parsed.blocks.clear();
        parsed.canonical = false;
        return parsed;
    }
    for (const std::size_t where : badBeforeHeader)
        bad(where);
    // Changes of several lines: complete and well formed, or skipped whole.
    std::vector<bool> dropped(blocks.size(), false);
    for (auto& [place, lines] : gathering) {
        Block& block = blocks[place];
        bool complete = !lines.broken;
        for (std::size_t i = 0; complete && i < lines.parts.size(); ++i)
            complete = lines.parts[i] && lines.parts[i]->envelope.node == lines.parts.front()->envelope.node &&
                       lines.parts[i]->envelope.hlc == lines.parts.front()->envelope.hlc;
        if (complete) {
            block.envelope = std::move(lines.parts.front()->envelope);
            for (std::size_t i = 0; i < lines.parts.size(); ++i) {
                block.bodies.push_back(std::move(lines.parts[i]->body));
                block.text += lines.texts[i];
            }
            complete = validStructure(block);
        }
        if (!complete) {
            for (const std::size_t where : lines.numbers)
                bad(where);
            dropped[place] = true;
            canonical = false;
        }
    }
    if (!gathering.empty()) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (dropped[i])
                continue;
            if (kept != i)
                blocks[kept] = std::move(blocks[i]);
            ++kept;
        }
        blocks.resize(kept);
    }
    std::sort(parsed.first_bad.begin(), parsed.first_bad.end());
    if (parsed.first_bad.size() > 5)
        parsed.first_bad.resize(5);
    parsed.canonical = canonical && parsed.bad_lines == 0 && parsed.version == kVersion;
    return parsed;
}

std::string render(std::vector<const Block*> blocks)
{
    const auto inOrder = [](const Block* a, const Block* b) { return a->fileOrderBefore(*b); };
    if (!std::is_sorted(blocks.begin(), blocks.end(), inOrder)) // sidecars are read in order: rarely needed
        std::sort(blocks.begin(), blocks.end(), inOrder);
    std::string out = header();
    std::size_t size = out.size();
    for (const Block* block : blocks)
        size += block->text.size();
    out.reserve(size);
    for (const Block* block : blocks)
        out += block->text;
    return out;
}

std::optional<std::string> mergeTexts(const std::vector<std::string_view>& texts)
{
    std::vector<Parsed> parsed;
    parsed.reserve(texts.size());
    for (const std::string_view text : texts) {
        parsed.push_back(parse(text, false)); // checked, not kept: only the lines are written
        if (parsed.back().future)
            return std::nullopt;
    }
    // Each side is in file order already (a canonical sidecar): the union is a merge of
    // sorted runs, one change id once.
    const auto inOrder = [](const Block* a, const Block* b) { return a->fileOrderBefore(*b); };
    std::vector<const Block*> all;
    std::unordered_map<std::string_view, std::size_t> seen;
    std::size_t total = 0;
    for (const Parsed& side : parsed)
        total += side.blocks.size();
    all.reserve(total);
    seen.reserve(total);
    std::vector<std::size_t> runStarts;
    for (const Parsed& side : parsed) {
        runStarts.push_back(all.size());
        for (const Block& block : side.blocks) {
            const auto [known, fresh] = seen.try_emplace(block.envelope.change_id, all.size());
            if (fresh)
                all.push_back(&block);
            else if (block.text < all[known->second]->text)
                all[known->second] = &block; // one id, two texts: the same one wins whatever the order
        }
    }
    runStarts.push_back(all.size());
    for (std::size_t run = 0; run + 1 < runStarts.size(); ++run) {
        const auto first = all.begin() + static_cast<std::ptrdiff_t>(runStarts[run]);
        const auto last = all.begin() + static_cast<std::ptrdiff_t>(runStarts[run + 1]);
        if (!std::is_sorted(first, last, inOrder))
            std::sort(first, last, inOrder);
        if (run > 0)
            std::inplace_merge(all.begin(), first, last, inOrder);
    }
    return render(std::move(all));
}

} // namespace rapport::sidecar
