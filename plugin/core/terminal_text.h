// Text on its way to a terminal or into a tab-separated row. A title, a reason or a file
// name may hold ESC (which recolours or rewrites the terminal), BEL, carriage returns,
// line feeds and tabs (which break a row into several), or bidirectional controls (which
// reorder what follows): each becomes a visible escape, so what the user sees is what is
// stored, one row per record.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// `text` with every control character escaped as a C string would write it: "\t", "\n",
// "\r", "\\" for a backslash, "\xHH" for other C0 controls, DEL and each byte of invalid
// UTF-8, "\uXXXX" for C1 controls, bidirectional controls (U+061C, U+200E, U+200F,
// U+202A..U+202E, U+2066..U+2069) and the line and paragraph separators. Everything else,
// including every printable non-ASCII character, passes unchanged.
std::string escapeForTerminal(std::string_view text);

} // namespace rapport
