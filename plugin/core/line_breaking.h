// Where text may be broken into lines (Unicode's rules, UAX #14, by ICU), for the
// interface's own wrapping, and a way to keep a label with its value on one line.
// The reports wrap by columns in report_unicode.h; the sidebar measures pixels, so it asks
// here only where a break is allowed and measures the pieces itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// For each code point of `text`, whether a line may break before it (index 0 is always
// false): at spaces, between ideographs but not before "。" or "：", never at a no-break
// space (U+00A0) or word joiner (U+2060). Without ICU's data: after spaces only.
std::vector<bool> lineBreaksBefore(std::u32string_view text);

// A line of "label: value · label: value" parts (a header line) made so that no line
// break separates a label from its value or starts a line with "·": every space after a
// part's colon (":" or "：") and every space before a digit becomes a no-break space, and
// so does the space before each "·". Text written without spaces (Chinese, Japanese) gets a
// word joiner (U+2060) between its characters, so such a part never breaks inside. Breaks
// stay possible after "· " and between the words of a spaced label.
std::string keepLabelsWithValues(std::string_view utf8);

} // namespace rapport
