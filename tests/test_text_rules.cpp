// What text Rapport keeps (text_rules.h) and how it reaches a terminal (terminal_text.h):
// invalid UTF-8 and control characters refused with the field named, limits counted in
// characters, dates within the years Rapport accepts, and every control character made
// visible on the way out.
#include "terminal_text.h"
#include "text_rules.h"

#include <doctest/doctest.h>

#include <string>

using rapport::ErrorCode;
using rapport::TextField;

namespace {

ErrorCode codeOf(TextField field, const std::string& text)
{
    const rapport::Status checked = rapport::checkText(field, text);
    REQUIRE_FALSE(checked);
    return checked.error().code;
}

std::string repeated(const std::string& unit, std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < count; ++i)
        text += unit;
    return text;
}

} // namespace

TEST_CASE("valid text in every script is kept as written")
{
    for (const std::string text : {"", "Send the Friday status email", "Отправить «срочно»", "合同附件签字确认",
                                   "शुक्रवार", "שלום \u202e عربى", "👨‍👩‍👧 🇫🇷", "tab\tand\nlines\r\n", "U+10FFFF \U0010FFFF"})
        CHECK(rapport::checkText(TextField::Note, text));
}

TEST_CASE("invalid UTF-8 is refused, with the field and the byte")
{
    for (const std::string bad : {"caf\xe9", "\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                  "trunc\xe2\x82", "\x80 alone"}) {
        CAPTURE(bad);
        CHECK(codeOf(TextField::ItemTitle, bad) == ErrorCode::TextNotUtf8);
        CHECK_FALSE(rapport::isValidUtf8(bad));
    }
    const rapport::Status checked = rapport::checkText(TextField::Note, "abc\xff");
    REQUIRE_FALSE(checked);
    CHECK(checked.error().subject == "note");
    CHECK(checked.error().detail == "3");
    CAPTURE(checked.error().description());
    CHECK(checked.error().description().find("The field \"note\" is not valid UTF-8 text") != std::string::npos);
}

TEST_CASE("control characters are refused; tab and line breaks only where lines make sense")
{
    for (const std::string& bad : {std::string("\x1b[31m"), std::string("bell\a"), std::string("nul\0x", 5),
                                  std::string("\x7f"), std::string("C1 \xc2\x9b"), std::string("\xef\xbf\xbe")}) {
        CAPTURE(bad);
        CHECK(codeOf(TextField::Note, bad) == ErrorCode::TextHasControl);
    }
    CHECK(rapport::checkText(TextField::Reason, "two\nlines"));
    CHECK(codeOf(TextField::DocumentPath, "/a/two\nlines.md") == ErrorCode::TextHasControl);
    CHECK(codeOf(TextField::DocumentPath, "/a/tab\t.md") == ErrorCode::TextHasControl);
    const rapport::Status esc = rapport::checkText(TextField::Reason, "x\x1b");
    CHECK(esc.error().detail == "U+001B");
}

TEST_CASE("limits count characters, not bytes, and name the limit")
{
    CHECK(rapport::checkText(TextField::ItemTitle, repeated("界", 2000)));
    CHECK(codeOf(TextField::ItemTitle, repeated("界", 2001)) == ErrorCode::TextTooLong);
    CHECK(rapport::checkText(TextField::Note, repeated("n", 20000)));
    CHECK(codeOf(TextField::Note, repeated("n", 20001)) == ErrorCode::TextTooLong);
    CHECK(codeOf(TextField::Reason, repeated("r", 2001)) == ErrorCode::TextTooLong);
    CHECK(codeOf(TextField::SectionTitle, repeated("s", 2001)) == ErrorCode::TextTooLong);
    CHECK(codeOf(TextField::ReportText, repeated("s", 20001)) == ErrorCode::TextTooLong);
    // A path is measured in bytes, as the system counts them.
    CHECK(rapport::checkText(TextField::DocumentPath, "/" + repeated("d", 4095)));
    CHECK(codeOf(TextField::DocumentPath, "/" + repeated("ж", 2048)) == ErrorCode::TextTooLong);
    const rapport::Status tooLong = rapport::checkText(TextField::Note, std::string(10 << 20, 'x'));
    CHECK(tooLong.error().detail == "20000");
    CHECK(tooLong.error().description().find("at most 20000 characters") != std::string::npos);
}

TEST_CASE("keys hold letters, digits, - _ . only")
{
    for (const std::string key : {"", "kickoff", "scope-in-out", "revision_rounds_used", "v1.2"})
        CHECK(rapport::checkText(TextField::Key, key));
    CHECK(codeOf(TextField::Key, "kick off") == ErrorCode::KeyInvalid);
    CHECK(codeOf(TextField::Key, "ключ") == ErrorCode::KeyInvalid);
    CHECK(codeOf(TextField::Key, "a\x1b") == ErrorCode::KeyInvalid);
    CHECK(codeOf(TextField::Key, repeated("k", 101)) == ErrorCode::TextTooLong);
    CHECK(rapport::checkText(TextField::Key, "kick off").error().description().find("U+0020") != std::string::npos);
}

TEST_CASE("dates are real days between 1970 and 2199")
{
    for (const char* good : {"", "1970-01-01", "2026-12-01", "2028-02-29", "2199-12-31"})
        CHECK(rapport::isDateOrEmpty(good));
    for (const char* bad : {"0000-01-01", "1969-12-31", "2200-01-01", "9999-12-31", "2026-02-30", "2026-13-01",
                            "2026-1-1", "tomorrow", "2026-12-01x"}) {
        CAPTURE(bad);
        CHECK_FALSE(rapport::isDateOrEmpty(bad));
    }
    const std::string said = rapport::Error{ErrorCode::DateInvalid, "0000-01-01", {}}.description();
    CHECK(said.find("between the years 1970 and 2199") != std::string::npos);
}

TEST_CASE("every control character reaches a terminal as a visible escape; printable text is untouched")
{
    using rapport::escapeForTerminal;
    CHECK(escapeForTerminal("Отчёт 合同 👍 é") == "Отчёт 合同 👍 é");
    CHECK(escapeForTerminal("\x1b[31mred\x1b[0m") == "\\x1B[31mred\\x1B[0m");
    CHECK(escapeForTerminal("a\tb\nc\rd") == "a\\tb\\nc\\rd");
    CHECK(escapeForTerminal("bell\a nul") == "bell\\x07 nul");
    CHECK(escapeForTerminal(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(escapeForTerminal("\x7f") == "\\x7F");
    CHECK(escapeForTerminal("C1 \xc2\x9b") == "C1 \\u009B");
    CHECK(escapeForTerminal("\u202eevil\u2066\u200f\u061c") == "\\u202Eevil\\u2066\\u200F\\u061C");
    CHECK(escapeForTerminal("line\u2028sep") == "line\\u2028sep");
    CHECK(escapeForTerminal("caf\xe9!") == "caf\\xE9!");
    CHECK(escapeForTerminal("back\\slash") == "back\\\\slash"); // unambiguous: a real "\t" is "\\t"
    CHECK(escapeForTerminal("\\t") == "\\\\t");
}
