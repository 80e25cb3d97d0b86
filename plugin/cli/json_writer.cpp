#include "json_writer.h"

#include <cstdio>
#include <ctime>

namespace rapport::cli {

namespace {

// The length of the valid UTF-8 sequence at text[at], or 0 when it is not one.
std::size_t utf8Length(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (overlong || surrogate || code > 0x10FFFF)
        return 0;
    return length;
}

} // namespace

std::string jsonString(std::string_view text)
{
    std::string result = "\"";
    result.reserve(text.size() + 2);
    for (std::size_t at = 0; at < text.size();) {
        const char c = text[at];
        const std::size_t length = utf8Length(text, at);
        if (length == 0) {
            result += "\\ufffd"; // not UTF-8: the replacement character
            ++at;
            continue;
        }
        if (length > 1) {
            const std::string_view sequence = text.substr(at, length);
            // U+2028 and U+2029 are valid JSON but end lines in JavaScript: escaped.
            if (sequence == "\xE2\x80\xA8")
                result += "\\u2028";
            else if (sequence == "\xE2\x80\xA9")
                result += "\\u2029";
            else
                result += sequence;
            at += length;
            continue;
        }
        switch (c) {
        case '"': result += "\\\""; break;
        case '\\': result += "\\\\"; break;
        case '\n': result += "\\n"; break;
        case '\r': result += "\\r"; break;
        case '\t': result += "\\t"; break;
        case '\b': result += "\\b"; break;
        case '\f': result += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                result += escaped;
            }
            else
                result += c;
        }
        ++at;
    }
    return result + "\"";
}

std::string isoUtc(std::int64_t unix_seconds)
{
    const std::time_t at = static_cast<std::time_t>(unix_seconds);
    std::tm parts{};
    if (!::gmtime_r(&at, &parts))
        return {};
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return std::string(text, length);
}

void JsonWriter::separate()
{
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back())
            out_ << ',';
        first_.back() = false;
    }
}

void JsonWriter::open(char bracket)
{
    separate();
    out_ << bracket;
    first_.push_back(true);
}

void JsonWriter::close(char bracket)
{
    out_ << bracket;
    if (!first_.empty())
        first_.pop_back();
    if (first_.empty())
        out_ << '\n';
}

JsonWriter& JsonWriter::beginObject()
{
    open('{');
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    close('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    open('[');
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    separate();
    out_ << jsonString(name) << ':';
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
    separate();
    out_ << jsonString(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
    separate();
    out_ << number;
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    separate();
    out_ << (flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    out_ << "null";
    return *this;
}

JsonWriter& JsonWriter::stringOrNull(std::string_view text) { return text.empty() ? null() : value(text); }

JsonWriter& JsonWriter::time(std::optional<std::int64_t> unix_seconds)
{
    return unix_seconds ? value(isoUtc(*unix_seconds)) : null();
}

} // namespace rapport::cli
