#include "report_unicode.h"

#include "report.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace rapport::unicode {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kFirstStrongIsolate = 0x2068;
constexpr char32_t kPopDirectionalIsolate = 0x2069;
constexpr char32_t kPopDirectionalFormatting = 0x202C;

bool inRange(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

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
    // Below U+0300 nothing is wide or combining; the soft hyphen is a format character.
    if (c < 0x300)
        return c == 0xAD ? 0 : 1;
    const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
        return 0;
    // Invisible by definition (variation selectors, fillers, tags), and the Hangul vowels
    // and final consonants that join the syllable before them.
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || inRange(c, 0x1160, 0x11FF) ||
        inRange(c, 0xD7B0, 0xD7FF))
        return 0;
    if (c < 0x1100) // nothing wide or emoji before Hangul Jamo: Cyrillic, Indic, Thai, ...
        return 1;
    const auto eastAsian = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    if (eastAsian == U_EA_WIDE || eastAsian == U_EA_FULLWIDTH ||
        u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION))
        return 2;
    return 1;
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

// ICU's break iterators, made once per thread: making one costs far more than wrapping
// a line, and one instance must not be shared between threads. Null when ICU's data is
// missing; the code below then falls back to code points and spaces.
struct BreakIterators {
    std::unique_ptr<icu::BreakIterator> characters; // grapheme clusters (UAX #29)
    std::unique_ptr<icu::BreakIterator> lines;      // line break opportunities (UAX #14)

    BreakIterators()
    {
        UErrorCode status = U_ZERO_ERROR;
        characters.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status))
            characters.reset();
        status = U_ZERO_ERROR;
        lines.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status))
            lines.reset();
    }
};

BreakIterators& breakIterators()
{
    thread_local BreakIterators iterators;
    return iterators;
}

// UTF-8 text seen by ICU without a copy; ICU's indices are then byte offsets.
class Utf8Text {
public:
    explicit Utf8Text(std::string_view text)
    {
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
        ok_ = U_SUCCESS(status);
    }
    ~Utf8Text() { utext_close(&text_); }
    Utf8Text(const Utf8Text&) = delete;
    Utf8Text& operator=(const Utf8Text&) = delete;

    // Points `iterator` at this text; false if ICU refuses.
    bool attach(icu::BreakIterator* iterator)
    {
        UErrorCode status = U_ZERO_ERROR;
        if (ok_ && iterator)
            iterator->setText(&text_, status);
        return ok_ && iterator && U_SUCCESS(status);
    }

private:
    UText text_ = UTEXT_INITIALIZER;
    bool ok_ = false;
};

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The consonants and viramas of Unicode 15.1's rule GB9c (Indic_Conjunct_Break), which
// keeps a conjunct such as क्ष in one grapheme cluster. ICU 72 predates the rule and
// would let a cut fall between क् and ष; newer ICUs make no such boundary to begin with.
bool isConjunctScript(char32_t c)
{
    return inRange(c, 0x0900, 0x09FF) || inRange(c, 0x0A80, 0x0B7F) || inRange(c, 0x0C00, 0x0C7F) ||
           inRange(c, 0x0D00, 0x0D7F); // Devanagari, Bengali, Gujarati, Oriya, Telugu, Malayalam
}
bool isConjunctLinker(char32_t c)
{
    return c == 0x094D || c == 0x09CD || c == 0x0ACD || c == 0x0B4D || c == 0x0C4D || c == 0x0D4D;
}
bool isConjunctConsonant(char32_t c)
{
    return isConjunctScript(c) &&
           u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_INDIC_SYLLABIC_CATEGORY) == U_INSC_CONSONANT;
}

// True when the cluster [begin, end) ends in consonant + virama (+ marks) and a consonant
// follows: GB9c joins them.
bool joinsConjunct(std::string_view text, std::size_t begin, std::size_t end)
{
    // Every code point concerned is U+0900..U+0D7F, encoded E0 A4..B5 xx.
    const auto inBlock = [&](std::size_t at) {
        return at + 1 < text.size() && static_cast<unsigned char>(text[at]) == 0xE0 &&
               static_cast<unsigned char>(text[at + 1]) >= 0xA4 && static_cast<unsigned char>(text[at + 1]) <= 0xB5;
    };
    if (end >= text.size() || !inBlock(begin) || !inBlock(end) || !isConjunctConsonant(decode(text, end).code_point))
        return false;
    enum { None, Consonant, Linked } state = None;
    for (std::size_t at = begin; at < end;) {
        const Decoded d = decode(text, at);
        at += d.length;
        const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(d.code_point)));
        if (isConjunctConsonant(d.code_point))
            state = Consonant;
        else if (isConjunctLinker(d.code_point) && state != None)
            state = Linked;
        else if (!(category == U_NON_SPACING_MARK || d.code_point == 0x200D))
            state = None;
    }
    return state == Linked;
}

// The columns of one grapheme cluster: its widest code point (a letter and its marks
// take the letter's width; an emoji sequence, a flag or a skin tone takes two), and two
// for a character that asks for emoji presentation with U+FE0F (❤️, 1️⃣).
int clusterWidth(std::string_view cluster)
{
    const Decoded first = decode(cluster, 0);
    if (first.length >= cluster.size())
        return columnWidth(first.code_point);
    int width = columnWidth(first.code_point);
    for (std::size_t at = first.length; at < cluster.size();) {
        const Decoded d = decode(cluster, at);
        at += d.length;
        if (d.code_point == 0xFE0F && u_hasBinaryProperty(static_cast<UChar32>(first.code_point), UCHAR_EMOJI))
            return 2;
        width = std::max(width, columnWidth(d.code_point));
    }
    return width;
}

// Where a line may end after a cluster, a space hangs and is dropped; U+3000 counts as
// one. The line and paragraph separators end a line, and are dropped too.
bool isSpace(char32_t c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t';
    const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
    return category == U_SPACE_SEPARATOR || category == U_LINE_SEPARATOR || category == U_PARAGRAPH_SEPARATOR;
}
bool isSeparator(char32_t c) { return c == 0x2028 || c == 0x2029; }

// One grapheme cluster of a paragraph: its bytes, its columns, and what wrapping needs.
struct Cluster {
    std::size_t begin = 0;
    std::size_t end = 0;
    int width = 0;
    bool space = false;     // hangs at the end of a line
    bool separator = false; // U+2028 or U+2029: the line ends here
};

// A cluster of one code point.
Cluster single(std::size_t at, const Decoded& d)
{
    return {at, at + d.length, columnWidth(d.code_point), isSpace(d.code_point), isSeparator(d.code_point)};
}

// A code point that forms a grapheme cluster of its own when its neighbours are of the
// same kind (rule GB999 of UAX #29). Most text (Latin, Cyrillic, Han, a lone emoji) is
// made only of these, and is measured without running ICU's cluster rules.
bool standsAlone(char32_t c)
{
    if (c < 0x300)
        return c != '\r';
    const auto kind = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
    return kind == U_GCB_OTHER || kind == U_GCB_CONTROL || kind == U_GCB_LF;
}

// Calls `visit(const Cluster&)` for each grapheme cluster of `text`, in order.
template <class Visit>
void forEachCluster(std::string_view text, Visit visit)
{
    // Code points that stand alone are clusters of their own. The last one is held back:
    // a mark or a joiner after it would make it part of a larger cluster.
    std::size_t at = 0;
    std::optional<Cluster> held;
    while (at < text.size()) {
        const auto lead = static_cast<unsigned char>(text[at]);
        const Decoded d = lead < 0x80 ? Decoded{lead, 1, true} : decode(text, at);
        if (!standsAlone(d.code_point))
            break;
        if (held)
            visit(*held);
        held = single(at, d);
        at += d.length;
    }
    if (at == text.size()) {
        if (held)
            visit(*held);
        return;
    }
    // The rest goes to ICU, from the last boundary known for certain.
    const std::size_t from = held ? held->begin : at;
    const std::string_view rest = text.substr(from);
    icu::BreakIterator* iterator = breakIterators().characters.get();
    Utf8Text utext(rest);
    if (!utext.attach(iterator)) {
        // Without ICU: code points, with the zero-width ones joined to what precedes them.
        Cluster pending{from, from};
        for (std::size_t next = from; next < text.size();) {
            const Decoded d = decode(text, next);
            const int width = columnWidth(d.code_point);
            if (width > 0 && pending.end > pending.begin) {
                visit(pending);
                pending = Cluster{next, next};
            }
            if (pending.end == pending.begin) {
                pending.space = isSpace(d.code_point);
                pending.separator = isSeparator(d.code_point);
            }
            pending.end = next + d.length;
            pending.width = std::max(pending.width, width);
            next += d.length;
        }
        visit(pending);
        return;
    }
    std::size_t begin = 0;
    for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE; boundary = iterator->next()) {
        const auto end = static_cast<std::size_t>(boundary);
        if (joinsConjunct(rest, begin, end))
            continue;
        const std::string_view bytes = rest.substr(begin, end - begin);
        const char32_t first = decode(bytes, 0).code_point;
        visit(Cluster{from + begin, from + end, clusterWidth(bytes), isSpace(first), isSeparator(first)});
        begin = end;
    }
}

// The grapheme clusters of `text`, in order.
std::vector<Cluster> clusters(std::string_view text)
{
    std::vector<Cluster> out;
    if (isAscii(text)) { // a byte, a cluster, a column (CR never reaches here)
        out.resize(text.size());
        for (std::size_t at = 0; at < text.size(); ++at)
            out[at] = Cluster{at, at + 1, 1, text[at] == ' ' || text[at] == '\t', false};
        return out;
    }
    out.resize(text.size()); // room for the most there can be: written in place, no checks
    std::size_t count = 0;
    forEachCluster(text, [&](const Cluster& cluster) { out[count++] = cluster; });
    out.resize(count);
    return out;
}

// The line break opportunities of one paragraph (UAX #14), asked for only near where a
// line overflows: most paragraphs need one or two, not all of them. ICU sees only the
// line being broken and a little after it: asked about a whole paragraph, its iterator
// backs up to a safe point before every answer, which made a 200,000-character
// paragraph take seconds instead of milliseconds.
class BreakFinder {
public:
    BreakFinder(std::string_view text, const std::vector<Cluster>& clusters)
        : text_(text), clusters_(clusters), iterator_(breakIterators().lines.get())
    {
    }

    // The index of the cluster after the last opportunity in (first, limit], or 0 when
    // a line starting at cluster `first` has none before cluster `limit`.
    std::size_t lastBefore(std::size_t first, std::size_t limit)
    {
        // The rules look a few characters past a break; 16 clusters is ample context.
        const std::size_t windowEnd = std::min(clusters_.size(), limit + 16);
        const std::size_t offset = clusters_[first].begin;
        Utf8Text window(text_.substr(offset, clusters_[windowEnd - 1].end - offset));
        if (!iterator_ || !window.attach(iterator_)) { // without ICU: after spaces only
            while (limit > first && !clusters_[limit - 1].space)
                --limit;
            return limit > first ? limit : 0;
        }
        const auto at = static_cast<int32_t>(clusters_[limit].begin - offset);
        int32_t boundary = iterator_->isBoundary(at) ? at : iterator_->preceding(at);
        while (boundary != icu::BreakIterator::DONE && boundary > 0) {
            // An opportunity inside a grapheme cluster (next to nothing allows one) is passed over.
            const auto found = std::lower_bound(clusters_.begin() + static_cast<std::ptrdiff_t>(first),
                                                clusters_.begin() + static_cast<std::ptrdiff_t>(limit) + 1,
                                                static_cast<std::size_t>(boundary) + offset,
                                                [](const Cluster& c, std::size_t position) { return c.begin < position; });
            if (found->begin == static_cast<std::size_t>(boundary) + offset)
                return static_cast<std::size_t>(found - clusters_.begin());
            boundary = iterator_->preceding(boundary);
        }
        return 0;
    }

private:
    std::string_view text_;
    const std::vector<Cluster>& clusters_;
    icu::BreakIterator* iterator_;
};

// Appends clusters [first, last) as a line, without the spaces at its end.
void emitLine(std::string_view text, const std::vector<Cluster>& clusters, std::size_t first, std::size_t last,
              std::vector<std::string>& lines)
{
    while (last > first && clusters[last - 1].space)
        --last;
    std::string line;
    if (last > first)
        line.assign(text.substr(clusters[first].begin, clusters[last - 1].end - clusters[first].begin));
    std::replace(line.begin(), line.end(), '\t', ' '); // a tab's width depends on the reader
    lines.push_back(std::move(line));
}

void wrapParagraph(std::string_view paragraph, std::size_t width, std::vector<std::string>& lines)
{
    const std::vector<Cluster> all = clusters(paragraph);
    std::size_t total = 0;
    bool separators = false;
    for (const Cluster& cluster : all) {
        total += static_cast<std::size_t>(cluster.width);
        separators = separators || cluster.separator;
    }
    if (total <= width && !separators) { // it fits as it is
        emitLine(paragraph, all, 0, all.size(), lines);
        return;
    }
    BreakFinder breaks(paragraph, all);
    std::size_t first = 0;
    bool first_line = true;
    while (true) {
        // How far a line from `first` reaches: spaces hang, so they never overflow it.
        std::size_t used = 0;
        std::size_t spaces = 0;
        std::size_t k = first;
        for (; k < all.size() && !all[k].separator; ++k) {
            const auto w = static_cast<std::size_t>(all[k].width);
            if (all[k].space) {
                spaces += w;
            } else if (used + spaces + w > width) {
                break;
            } else {
                used += spaces + w;
                spaces = 0;
            }
        }
        if (k == all.size() || all[k].separator) {
            emitLine(paragraph, all, first, k, lines);
            if (k == all.size())
                return;
            first = k + 1; // past the separator
            first_line = false;
            continue;
        }
        // Break at the last opportunity before the overflow; a word longer than the line
        // is cut there instead, between two grapheme clusters.
        std::size_t next = breaks.lastBefore(first, k);
        if (next == 0)
            next = k > first ? k : k + 1;
        // Only indentation before a word that needs the next line anyway: dropped.
        const bool onlySpaces =
            std::all_of(all.begin() + static_cast<std::ptrdiff_t>(first), all.begin() + static_cast<std::ptrdiff_t>(next),
                        [](const Cluster& c) { return c.space; });
        if (!(first_line && onlySpaces))
            emitLine(paragraph, all, first, next, lines);
        first = next;
        first_line = false;
    }
}

} // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
    width = std::max<std::size_t>(width, 2); // the widest cluster always fits
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        const std::string_view paragraph = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (paragraph.size() <= width && isAscii(paragraph) && paragraph.find('\t') == std::string_view::npos)
            lines.emplace_back(paragraph); // the common case, with no work at all
        else
            wrapParagraph(paragraph, width, lines);
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
    if (unicode::isAscii(utf8))
        return utf8.size();
    std::size_t width = 0;
    unicode::forEachCluster(utf8, [&](const unicode::Cluster& cluster) { width += static_cast<std::size_t>(cluster.width); });
    return width;
}

} // namespace rapport
