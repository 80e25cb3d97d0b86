// Unicode helpers the report renderers share: decoding, bidirectional isolation and
// column-aware wrapping. Internal to the core; the public part is in report.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::unicode {

// One decoded code point and the bytes it took; invalid input decodes as U+FFFD.
struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = true;
};
// Decodes the code point starting at `at` (which must be inside `text`).
Decoded decode(std::string_view text, std::size_t at);
// Appends `code_point` to `out` as UTF-8.
void append(std::string& out, char32_t code_point);

// The columns one code point takes in a terminal (0, 1 or 2), from ICU's properties:
// East Asian Wide or Fullwidth and emoji presentation take two; marks, format characters
// and other invisible code points none. Text is measured per grapheme cluster, by
// displayWidth() in report.h, so that a base and its marks or an emoji sequence count once.
int columnWidth(char32_t code_point);

// `text` with its bidirectional embeddings and isolates balanced: unmatched closers are
// dropped and open ones closed at the end, so right-to-left marks in user text cannot
// reorder anything that follows it.
std::string confineBidi(std::string_view text);
// True when `text` holds right-to-left letters or bidi controls that could reorder the
// text around it.
bool needsIsolation(std::string_view text);
// `text` confined and wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, line by
// line: the plain-text equivalent of HTML's <bdi>, for user text inside a sentence. Text
// that needsIsolation() finds harmless is returned unchanged.
std::string isolate(std::string_view text);

// `text` broken into lines of at most `width` columns (as displayWidth counts them) where
// Unicode's line breaking rules (UAX #14, by ICU) allow: at spaces, between ideographs but
// not before "。", between Thai words. A word longer than a line is cut, but never inside
// a grapheme cluster. Spaces where a line wraps are dropped, tabs become spaces, line
// feeds in `text` start new lines, and an empty line stays empty.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

} // namespace rapport::unicode
