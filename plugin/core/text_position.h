// Where a byte offset falls in a UTF-8 text, as an editor shows it, for error messages
// about files a person can open (templates, exported checklists).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace rapport {

// A 1-based line and column; columns count characters, not bytes.
struct TextPosition {
    int line = 1;
    int column = 1;
};

// The position of byte `offset` in `text` (clamped to the text).
inline TextPosition textPosition(std::string_view text, std::ptrdiff_t offset)
{
    TextPosition position;
    const std::size_t end = offset < 0 ? 0 : std::min(static_cast<std::size_t>(offset), text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++position.column;
        }
    }
    return position;
}

} // namespace rapport
