#include "report_unicode.h"

#include "report.h"

#include <algorithm>

namespace rapport::unicode {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kFirstStrongIsolate = 0x2068;
constexpr char32_t kPopDirectionalIsolate = 0x2069;
constexpr char32_t kPopDirectionalFormatting = 0x202C;

bool inRange(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

// Zero-width: combining marks and invisible format characters (bidi controls included).
bool isZeroWidth(char32_t c)
{
    return inRange(c, 0x0300, 0x036F) || inRange(c, 0x0483, 0x0489) || inRange(c, 0x0591, 0x05BD) ||
           inRange(c, 0x0610, 0x061A) || inRange(c, 0x064B, 0x065F) || inRange(c, 0x1AB0, 0x1AFF) ||
           inRange(c, 0x1DC0, 0x1DFF) || inRange(c, 0x200B, 0x200F) || inRange(c, 0x202A, 0x202E) ||
           inRange(c, 0x2060, 0x2069) || inRange(c, 0x20D0, 0x20FF) || inRange(c, 0xFE00, 0xFE0F) ||
           inRange(c, 0xFE20, 0xFE2F) || c == 0xFEFF;
}

// East Asian Wide and Fullwidth (UAX #11), plus the emoji blocks terminals draw wide.
bool isWide(char32_t c)
{
    return inRange(c, 0x1100, 0x115F) || inRange(c, 0x2E80, 0x303E) || inRange(c, 0x3041, 0x33FF) ||
           inRange(c, 0x3400, 0x4DBF) || inRange(c, 0x4E00, 0x9FFF) || inRange(c, 0xA000, 0xA4CF) ||
           inRange(c, 0xAC00, 0xD7A3) || inRange(c, 0xF900, 0xFAFF) || inRange(c, 0xFE30, 0xFE4F) ||
           inRange(c, 0xFF00, 0xFF60) || inRange(c, 0xFFE0, 0xFFE6) || inRange(c, 0x1F300, 0x1F64F) ||
           inRange(c, 0x1F900, 0x1F9FF) || inRange(c, 0x20000, 0x3FFFD);
}

// Wide punctuation that must not start a line (a small kinsoku rule for Chinese).
bool isClosingWidePunctuation(char32_t c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF01:
    case 0xFF1F: case 0xFF09: case 0x300D: case 0x300F: case 0x3011: case 0x300B: case 0x3009:
        return true;
    default:
        return false;
    }
}

// Characters XML 1.0 and a terminal should never receive from user text.
bool isForbiddenControl(char32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || inRange(c, 0x7F, 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

} // namespace

Decoded decode(std::string_view text, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80)
        return {lead, 1, true};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, value = lead & 0x1Fu, smallest = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, value = lead & 0x0Fu, smallest = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, value = lead & 0x07u, smallest = 0x10000;
    } else {
        return {kReplacement, 1, false};
    }
    for (std::size_t k = 1; k < length; ++k) {
        // A truncated sequence is replaced once, and the byte that broke it is read anew.
        if (at + k >= text.size())
            return {kReplacement, k, false};
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0u) != 0x80u)
            return {kReplacement, k, false};
        value = (value << 6) | (next & 0x3Fu);
    }
    if (value < smallest || value > 0x10FFFF || inRange(value, 0xD800, 0xDFFF))
        return {kReplacement, length, false};
    return {value, length, true};
}

void append(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

int columnWidth(char32_t c)
{
    if (isZeroWidth(c))
        return 0;
    return isWide(c) ? 2 : 1;
}

std::string confineBidi(std::string_view text)
{
    // Fast path: no bidi control (all start with 0xE2 0x80 or 0xE2 0x81).
    if (text.find('\xE2') == std::string_view::npos)
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::vector<char32_t> open; // the closer each open embedding or isolate needs
    auto closeAll = [&] {
        for (auto it = open.rbegin(); it != open.rend(); ++it)
            append(out, *it);
        open.clear();
    };
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        const char32_t c = d.code_point;
        at += d.length;
        if (inRange(c, 0x202A, 0x202B) || inRange(c, 0x202D, 0x202E)) { // LRE RLE LRO RLO
            open.push_back(kPopDirectionalFormatting);
        } else if (inRange(c, 0x2066, 0x2068)) { // LRI RLI FSI
            open.push_back(kPopDirectionalIsolate);
        } else if (c == kPopDirectionalFormatting) {
            if (open.empty() || open.back() != kPopDirectionalFormatting)
                continue; // unmatched: dropped
            open.pop_back();
        } else if (c == kPopDirectionalIsolate) {
            const auto isolateOpen = std::find(open.rbegin(), open.rend(), kPopDirectionalIsolate);
            if (isolateOpen == open.rend())
                continue; // unmatched: dropped
            // A PDI also closes the embeddings opened inside its isolate.
            const auto keep = static_cast<std::size_t>(open.rend() - isolateOpen) - 1;
            for (std::size_t i = open.size() - 1; i > keep; --i)
                append(out, open[i]);
            open.resize(keep);
        } else if (c == '\n') {
            closeAll(); // a paragraph ends every embedding anyway; keep each line balanced
        }
        out.append(text.substr(at - d.length, d.length));
    }
    closeAll();
    return out;
}

bool needsIsolation(std::string_view text)
{
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            ++at;
            continue;
        }
        const Decoded d = decode(text, at);
        const char32_t c = d.code_point;
        at += d.length;
        // Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ...) and every bidi control.
        if (inRange(c, 0x0590, 0x08FF) || inRange(c, 0xFB1D, 0xFDFF) || inRange(c, 0xFE70, 0xFEFF) ||
            inRange(c, 0x10800, 0x10FFF) || inRange(c, 0x1E800, 0x1EFFF) || c == 0x061C || c == 0x200E ||
            c == 0x200F || inRange(c, 0x202A, 0x202E) || inRange(c, 0x2066, 0x2069))
            return true;
    }
    return false;
}

std::string isolate(std::string_view text)
{
    // Left-to-right and neutral text cannot reorder its surroundings: left as it is, so
    // editors that show invisible characters show no marks around every title.
    if (!needsIsolation(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (!line.empty()) {
            append(out, kFirstStrongIsolate);
            out += confineBidi(line);
            append(out, kPopDirectionalIsolate);
        }
        if (end == std::string_view::npos)
            break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

namespace {

// A piece of a line that wrapping keeps whole, and whether a space came before it.
struct Token {
    std::string text;
    std::size_t width = 0;
    bool space_before = false;
};

std::vector<Token> tokenize(std::string_view line)
{
    std::vector<Token> tokens;
    bool pendingSpace = false;
    bool wordOpen = false;
    for (std::size_t at = 0; at < line.size();) {
        const Decoded d = decode(line, at);
        const std::string_view bytes = line.substr(at, d.length);
        at += d.length;
        const char32_t c = d.code_point;
        if (c == ' ' || c == '\t' || c == 0x3000) {
            pendingSpace = !tokens.empty() || wordOpen ? true : pendingSpace;
            wordOpen = false;
            continue;
        }
        const int width = columnWidth(c);
        if (width == 2 && isClosingWidePunctuation(c) && !tokens.empty() && !pendingSpace) {
            tokens.back().text.append(bytes);
            tokens.back().width += 2;
            wordOpen = false;
            continue;
        }
        if (width == 2) {
            tokens.push_back(Token{std::string(bytes), 2, pendingSpace});
            pendingSpace = false;
            wordOpen = false;
            continue;
        }
        if (!wordOpen) {
            tokens.push_back(Token{{}, 0, pendingSpace});
            pendingSpace = false;
            wordOpen = true;
        }
        tokens.back().text.append(bytes);
        tokens.back().width += static_cast<std::size_t>(width);
    }
    return tokens;
}

} // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
    width = std::max<std::size_t>(width, 2);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        const std::string_view paragraph = text.substr(start, end == std::string_view::npos ? end : end - start);
        std::string line;
        std::size_t used = 0;
        for (const Token& token : tokenize(paragraph)) {
            const std::size_t gap = token.space_before && used > 0 ? 1 : 0;
            if (used > 0 && used + gap + token.width > width) {
                lines.push_back(std::move(line));
                line.clear();
                used = 0;
            }
            if (used > 0 && gap) {
                line += ' ';
                ++used;
            }
            if (token.width <= width - used) {
                line += token.text;
                used += token.width;
                continue;
            }
            // Longer than a whole line: cut it, character by character.
            for (std::size_t at = 0; at < token.text.size();) {
                const Decoded d = decode(token.text, at);
                const auto w = static_cast<std::size_t>(columnWidth(d.code_point));
                if (used + w > width) {
                    lines.push_back(std::move(line));
                    line.clear();
                    used = 0;
                }
                line.append(token.text, at, d.length);
                used += w;
                at += d.length;
            }
        }
        lines.push_back(std::move(line));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return lines;
}

} // namespace rapport::unicode

namespace rapport {

std::string sanitizeUtf8(std::string_view text)
{
    // Fast path: printable ASCII, tabs and line feeds need no work.
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t'; }))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t at = 0; at < text.size();) {
        const unicode::Decoded d = unicode::decode(text, at);
        if (d.code_point == '\r') {
            out += '\n';
            at += d.length;
            if (at < text.size() && text[at] == '\n')
                ++at; // CR LF is one line break
            continue;
        }
        if (!d.valid || unicode::isForbiddenControl(d.code_point))
            unicode::append(out, unicode::kReplacement);
        else
            out.append(text, at, d.length);
        at += d.length;
    }
    return out;
}

std::size_t displayWidth(std::string_view utf8)
{
    std::size_t width = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const unicode::Decoded d = unicode::decode(utf8, at);
        width += static_cast<std::size_t>(unicode::columnWidth(d.code_point));
        at += d.length;
    }
    return width;
}

} // namespace rapport
