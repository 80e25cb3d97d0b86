// Values in a sidecar's lines (docs/sidecar-format.md, "The text"): percent-escaping with one
// spelling per value, and the UTF-8 check every line passes.
#include "sidecar_kinds.h"

#include <cstdint>
#include <cstring>

namespace rapport::sidecar {

std::string escape(std::string_view value)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f || byte == '%') {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

bool unescapeInto(std::string_view text, std::string& out, bool line_checked)
{
    const auto hexValue = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1; // lower case is not what escape() writes: one spelling per value
    };
    out.clear();
    // Most values have nothing escaped: the line was checked for UTF-8 as a whole.
    if (text.find('%') == std::string_view::npos) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte <= 0x20 || byte == 0x7f)
                return false;
        }
        out.assign(text);
        return line_checked || isUtf8(out);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte <= 0x20 || byte == 0x7f)
            return false;
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return false;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0)
            return false;
        const auto decoded = static_cast<unsigned char>(high * 16 + low);
        // Only what escape() escapes may be escaped: one spelling per value.
        if (!(decoded <= 0x20 || decoded == 0x7f || decoded == '%'))
            return false;
        out += static_cast<char>(decoded);
        i += 2;
    }
    return isUtf8(out);
}

std::optional<std::string> unescape(std::string_view text)
{
    std::string out;
    if (!unescapeInto(text, out, false))
        return std::nullopt;
    return out;
}

bool isUtf8(std::string_view text)
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // Eight ASCII bytes at a time: most of a sidecar is ASCII.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((c & 0xe0) == 0xc0) {
            length = 2;
            code = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            length = 3;
            code = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
            code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

} // namespace rapport::sidecar
