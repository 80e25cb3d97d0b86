#include "line_breaking.h"

#include "report_unicode.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

namespace rapport {

namespace {

constexpr char32_t kNoBreakSpace = 0x00A0;
constexpr char32_t kWordJoiner = 0x2060;

// CJK ideographs, kana, Hangul and full-width forms: scripts written without spaces, in
// which UAX #14 allows a break between any two characters.
bool isIdeographic(char32_t c)
{
    return (c >= 0x2E80 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

// ICU's line iterator, made once per thread (making one costs far more than using it).
icu::BreakIterator* lineIterator()
{
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status))
            made.reset();
        return made;
    }();
    return iterator.get();
}

std::u32string decodeUtf8(std::string_view text)
{
    const icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::u32string out;
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1))
        out += static_cast<char32_t>(unicode.char32At(i));
    return out;
}

} // namespace

std::vector<bool> lineBreaksBefore(std::u32string_view text)
{
    std::vector<bool> breaks(text.size(), false);
    icu::BreakIterator* iterator = lineIterator();
    if (!iterator) {
        for (std::size_t i = 1; i < text.size(); ++i)
            breaks[i] = text[i - 1] == U' ';
        return breaks;
    }
    icu::UnicodeString unicode;
    // UTF-16 offset of each code point, to map ICU's boundaries back to code points.
    std::vector<int32_t> starts;
    starts.reserve(text.size());
    for (const char32_t c : text) {
        starts.push_back(unicode.length());
        unicode.append(static_cast<UChar32>(c));
    }
    iterator->setText(unicode);
    std::size_t index = 0;
    for (int32_t boundary = iterator->next(); boundary != icu::BreakIterator::DONE; boundary = iterator->next()) {
        while (index < starts.size() && starts[index] < boundary)
            ++index;
        if (index < starts.size() && starts[index] == boundary && index > 0)
            breaks[index] = true;
    }
    iterator->setText(icu::UnicodeString()); // drop the reference to `unicode`
    return breaks;
}

std::string keepLabelsWithValues(std::string_view utf8)
{
    const std::u32string text = decodeUtf8(utf8);
    std::u32string kept;
    kept.reserve(text.size() + 8);
    bool afterColon = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'·' || c == U'•' || c == U'|') {
            afterColon = false;
            if (!kept.empty() && kept.back() == U' ')
                kept.back() = kNoBreakSpace;
        } else if (c == U' ') {
            const bool nextIsDot = i + 1 < text.size() && (text[i + 1] == U'·' || text[i + 1] == U'•');
            const bool nextIsDigit = i + 1 < text.size() && text[i + 1] >= U'0' && text[i + 1] <= U'9';
            if (!nextIsDot && (afterColon || nextIsDigit)) {
                kept += kNoBreakSpace;
                continue;
            }
        } else if (!kept.empty() && kept.back() != U' ' && (isIdeographic(c) || isIdeographic(kept.back()))) {
            // Chinese and Japanese take no spaces, and UAX #14 lets a line break between any
            // two ideographs: a word joiner keeps each part ("等待客户：0", "项目截止：2027年3月31日")
            // whole, so lines break only between parts.
            kept += kWordJoiner;
        }
        if (c == U':' || c == U'：')
            afterColon = true;
        kept += c;
    }
    std::string out;
    out.reserve(utf8.size() + 8);
    for (const char32_t c : kept)
        unicode::append(out, c);
    return out;
}

} // namespace rapport
