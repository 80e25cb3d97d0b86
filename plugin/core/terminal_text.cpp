#include "terminal_text.h"

#include "report_unicode.h"

#include <cstdio>

namespace rapport {

namespace {

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void appendHex(std::string& out, const char* format, unsigned value)
{
    char escaped[12];
    std::snprintf(escaped, sizeof escaped, format, value);
    out += escaped;
}

} // namespace

std::string escapeForTerminal(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20 && byte < 0x7F) {
            if (byte == '\\')
                out += '\\';
            out += static_cast<char>(byte);
            ++at;
            continue;
        }
        switch (byte) {
        case '\t': out += "\\t"; ++at; continue;
        case '\n': out += "\\n"; ++at; continue;
        case '\r': out += "\\r"; ++at; continue;
        default: break;
        }
        if (byte < 0x80) { // the other C0 controls and DEL
            appendHex(out, "\\x%02X", byte);
            ++at;
            continue;
        }
        const unicode::Decoded d = unicode::decode(text, at);
        if (!d.valid) {
            for (std::size_t k = 0; k < d.length; ++k)
                appendHex(out, "\\x%02X", static_cast<unsigned char>(text[at + k]));
        } else if ((d.code_point >= 0x80 && d.code_point <= 0x9F) || isBidiControl(d.code_point) ||
                   d.code_point == 0x2028 || d.code_point == 0x2029) {
            appendHex(out, "\\u%04X", static_cast<unsigned>(d.code_point));
        } else {
            out.append(text, at, d.length);
        }
        at += d.length;
    }
    return out;
}

} // namespace rapport
