// Text width and line breaking for the plain-text report: columns per grapheme cluster
// from ICU's properties, breaks where UAX #14 allows them, and never a cut inside a
// cluster (an emoji sequence, a flag, a letter and its marks, a Devanagari conjunct).
#include "report.h"
#include "report_unicode.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using rapport::displayWidth;
using rapport::unicode::wrap;

namespace {

using Lines = std::vector<std::string>;

const std::string kFamily = "👨‍👩‍👧";     // man ZWJ woman ZWJ girl: one emoji
const std::string kThumbsUp = "👍🏽";        // with a skin tone modifier
const std::string kFlag = "🇫🇷";             // two regional indicators
const std::string kKshatriya = "क्षत्रिय";   // क्ष, त्रि, य: three clusters, two of them conjuncts
const std::string kDecomposed = "e\u0301";  // é as e + COMBINING ACUTE ACCENT

std::string repeated(const std::string& text, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

std::string withoutSpaces(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

std::string joined(const Lines& lines)
{
    std::string out;
    for (const auto& line : lines)
        out += line;
    return out;
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What can only continue a cluster, never begin a line: joiners, marks, modifiers,
// variation selectors, a Devanagari vowel sign or virama; and, in the texts of these
// tests, the second half of 🇫🇷 and the ष of क्ष.
const std::vector<std::string> kContinuations = {"\u200D", "\u0301", "\u094D", "\u093F", "\u0E31", "\u0E35",
                                                 "🏽", "\uFE0F", "🇷", "\u0937"};
// What can only be followed within its cluster, never end a line: a joiner, a virama.
const std::vector<std::string> kJoiners = {"\u200D", "\u094D"};

// Every line within `width`, no cluster split, and nothing lost but the spaces.
void checkWrapped(const std::string& text, std::size_t width, const Lines& lines)
{
    CAPTURE(text);
    CAPTURE(width);
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(displayWidth(line) <= width);
        for (const auto& continuation : kContinuations)
            CHECK_FALSE(startsWith(line, continuation));
        for (const auto& joiner : kJoiners)
            CHECK_FALSE(endsWith(line, joiner));
    }
    CHECK(withoutSpaces(joined(lines)) == withoutSpaces(text));
}

} // namespace

TEST_CASE("display width: per grapheme cluster, from ICU's properties")
{
    CHECK(displayWidth("abc") == 3);
    CHECK(displayWidth("合同") == 4);
    CHECK(displayWidth("Ｔｅｓｔ") == 8);
    CHECK(displayWidth(kDecomposed) == 1);
    CHECK(displayWidth("\u2068x\u2069\u202e") == 1);  // bidi controls take no room
    CHECK(displayWidth("a\u200Bb\u00AD") == 2);       // nor do a zero-width space and a soft hyphen
    CHECK(displayWidth(kThumbsUp) == 2);              // was 4: the modifier counted apart
    CHECK(displayWidth(kFamily) == 2);                // was 6: three people
    CHECK(displayWidth(kFlag) == 2);
    CHECK(displayWidth("🚀") == 2);                   // was 1: outside the old emoji ranges
    CHECK(displayWidth("❤") == 1);                    // a text-style symbol ...
    CHECK(displayWidth("❤️") == 2);                   // ... unless it asks for emoji presentation
    CHECK(displayWidth("1️⃣") == 2);                   // a keycap
    CHECK(displayWidth(kKshatriya) == 3);             // was 8: one column per cluster
    CHECK(displayWidth("สวัสดี") == 4);               // was 6: Thai vowel and tone marks take none
    CHECK(displayWidth("\u1100\u1161\u11A8") == 2);   // a Hangul syllable from conjoining jamo
    CHECK(displayWidth("𠀋") == 2);                   // CJK beyond the Basic Multilingual Plane
    CHECK(rapport::unicode::columnWidth(0x0301) == 0);
    CHECK(rapport::unicode::columnWidth(0x1F44D) == 2);
    CHECK(rapport::unicode::columnWidth(0x1F3FD) == 2);
    CHECK(rapport::unicode::columnWidth(0x200D) == 0);
    CHECK(rapport::unicode::columnWidth(0x0E31) == 0);
}

TEST_CASE("wrap: spaces, indentation, tabs, separators and empty lines")
{
    CHECK(wrap("short", 78) == Lines{"short"});
    CHECK(wrap("", 10) == Lines{""});
    CHECK(wrap("a\n\nb", 10) == Lines{"a", "", "b"});
    CHECK(wrap("the quick brown fox", 10) == Lines{"the quick", "brown fox"});
    CHECK(wrap("aaa   bbb\tccc", 5) == Lines{"aaa", "bbb", "ccc"});  // spaces where a line wraps go
    CHECK(wrap("a\tb", 10) == Lines{"a b"});                        // a tab's width depends on the reader
    CHECK(wrap("  indented text that goes on", 12) == Lines{"  indented", "text that", "goes on"});
    CHECK(wrap("line\u2028next", 40) == Lines{"line", "next"});    // LINE SEPARATOR ends a line
    CHECK(wrap(std::string(25, 'x'), 10) == Lines{std::string(10, 'x'), std::string(10, 'x'), std::string(5, 'x')});
    CHECK(wrap("well-known", 6) == Lines{"well-", "known"});       // after a hyphen, as UAX #14 allows
    CHECK(wrap("x", 0) == Lines{"x"});                              // a width below 2 still makes progress
}

TEST_CASE("wrap: emoji sequences, flags, skin tones and combining marks are never split")
{
    CHECK(wrap(repeated(kFamily, 5), 5) == Lines{repeated(kFamily, 2), repeated(kFamily, 2), kFamily});
    CHECK(wrap(repeated(kThumbsUp, 3), 3) == Lines{kThumbsUp, kThumbsUp, kThumbsUp});
    CHECK(wrap(repeated(kFlag, 3), 5) == Lines{repeated(kFlag, 2), kFlag});
    CHECK(wrap(repeated(kDecomposed, 7), 3) == Lines{repeated(kDecomposed, 3), repeated(kDecomposed, 3), kDecomposed});
    for (std::size_t width = 2; width <= 7; ++width) {
        const std::string text = repeated(kFamily + kThumbsUp + kFlag + kDecomposed + "❤️", 4);
        checkWrapped(text, width, wrap(text, width));
    }
}

TEST_CASE("wrap: a Devanagari conjunct is one cluster, cut around but never inside")
{
    // ICU 72 alone would cut क् | ष; the GB9c rule of Unicode 15.1 keeps क्ष together.
    CHECK(wrap(repeated(kKshatriya, 2), 2) == Lines{"क्षत्रि", "यक्ष", "त्रिय"});
    const std::string sentence = "क्षत्रिय राजा ने युद्ध में विजय प्राप्त की";
    CHECK(wrap(sentence, 10) == Lines{"क्षत्रिय राजा ने", "युद्ध में विजय", "प्राप्त की"});
    for (std::size_t width = 2; width <= 6; ++width)
        checkWrapped(repeated(kKshatriya, 5), width, wrap(repeated(kKshatriya, 5), width));
}

TEST_CASE("wrap: CJK breaks between ideographs, never before closing or after opening punctuation")
{
    CHECK(wrap("一二三四五。六七八", 10) == Lines{"一二三四", "五。六七八"});
    CHECK(wrap("一二三四五々六", 10) == Lines{"一二三四", "五々六"});   // an iteration mark stays with its ideograph
    CHECK(wrap("一二三四「五六」", 10) == Lines{"一二三四", "「五六」"}); // an opening bracket never ends a line
    const std::string text = "合同的所有附件都需要客户在本周内签字确认，否则我们无法按时开始下一阶段的设计工作。";
    const Lines lines = wrap(text, 10);
    CHECK(joined(lines) == text); // nothing added between ideographs
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(displayWidth(line) <= 10);
        CHECK_FALSE(startsWith(line, "，"));
        CHECK_FALSE(startsWith(line, "。"));
    }
}

TEST_CASE("wrap: Thai breaks between words, found by ICU's dictionary, with emoji in between")
{
    const std::string thai = "ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ";
    const Lines lines = wrap(thai, 10);
    CHECK(lines.front() == "ภาษาไทยเป็น"); // ภาษา ไทย เป็น: whole words, not 10 code points
    checkWrapped(thai, 10, lines);
    const std::string mixed = "ส่งรายงาน " + kThumbsUp + " ให้ลูกค้า " + kFlag + " วันนี้ " + kFamily + "สวัสดี";
    for (std::size_t width = 2; width <= 12; ++width)
        checkWrapped(mixed, width, wrap(mixed, width));
}

TEST_CASE("wrap: random mixes of every kind of cluster keep every rule")
{
    const std::vector<std::string> pieces = {"a", "word", " ", "  ", kFamily, kThumbsUp, kFlag, kDecomposed, "क्ष",
                                             "त्रि", "य", "合", "。", "「", "สวั", "ดี", "❤️", "\u200B", "-", "Ω"};
    std::mt19937 random(20261123);
    for (int trial = 0; trial < 400; ++trial) {
        std::string text;
        const int count = 1 + static_cast<int>(random() % 40);
        for (int i = 0; i < count; ++i)
            text += pieces[random() % pieces.size()];
        const std::size_t width = 2 + random() % 14;
        checkWrapped(text, width, wrap(text, width));
    }
}

TEST_CASE("wrap: invalid UTF-8 neither crashes nor loses bytes")
{
    const std::string broken = "\xE2\x82 broken \xFF\xFE bytes \xC3";
    const Lines lines = wrap(broken, 4);
    CHECK(withoutSpaces(joined(lines)) == withoutSpaces(broken));
}

TEST_CASE("plain-text report: emoji, conjuncts, Thai and CJK wrap within 78 columns, whole")
{
    rapport::ReportContent report;
    report.language = rapport::Language::English;
    report.title = "Progress report " + kFamily;
    report.summary_heading = "Summary";
    report.summary = repeated(kFamily, 45) + " " + repeated(kKshatriya, 30) + " " + repeated(kThumbsUp + kFlag, 25) +
                     " ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ" + repeated("合同。", 30);
    rapport::ReportBlock block;
    block.heading = "In progress";
    rapport::ReportItem item;
    item.title = repeated(kKshatriya + " " + kThumbsUp + " ", 12);
    item.status_word = "In progress";
    block.items.push_back(item);
    report.blocks.push_back(block);

    const std::string text = rapport::renderText(report);
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        CAPTURE(line);
        CHECK(displayWidth(line) <= 78);
        line.erase(0, line.find_first_not_of(' '));
        CHECK_FALSE(startsWith(line, "。"));
        for (const auto& continuation : kContinuations)
            CHECK_FALSE(startsWith(line, continuation));
        for (const auto& joiner : kJoiners)
            CHECK_FALSE(endsWith(line, joiner));
    }
    const auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
            ++n;
        return n;
    };
    CHECK(count(kFamily) == 46);
    CHECK(count(kKshatriya) >= 40); // a cut in the 90-column run of 30 falls between clusters, not inside one
    CHECK(count("क्ष") == 42);
    CHECK(count(kThumbsUp) == 37);
    CHECK(count(kFlag) == 25);
    CHECK(count("。") == 30);

    // Markdown is not wrapped: every sequence arrives as it was.
    const std::string markdown = rapport::renderMarkdown(report);
    CHECK(markdown.find(repeated(kFamily, 45)) != std::string::npos);
    CHECK(markdown.find(repeated(kKshatriya, 30)) != std::string::npos);
}

TEST_CASE("wrap: a paragraph of 200,000 characters keeps every word, every line within the width")
{
    std::string paragraph;
    for (int i = 0; paragraph.size() < 200000; ++i)
        paragraph += (i % 7 == 0 ? "合同" : "word") + std::to_string(i) + " ";
    const Lines lines = wrap(paragraph, 78);
    CHECK(lines.size() > 2000);
    // Nothing lost or added: the lines hold the paragraph's words in order (lines break at
    // its spaces, and also between an ideograph and a number).
    const auto withoutSpaces = [](std::string text) {
        text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
        return text;
    };
    std::string joined;
    bool allFit = true;
    for (const std::string& line : lines) {
        allFit = allFit && displayWidth(line) <= 78;
        joined += line;
    }
    CHECK(allFit);
    CHECK(withoutSpaces(joined) == withoutSpaces(paragraph));
}
