#include "sidecar_format.h"

#include "sidecar_kinds.h"

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

} // namespace

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
