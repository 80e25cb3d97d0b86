// JSON for the tool's --json output: a small streaming writer. Every string is written as
// valid JSON whatever it holds (control characters escaped, invalid UTF-8 replaced by
// U+FFFD), and times as ISO 8601 in UTC ("2026-11-23T09:30:00Z"). docs/cli.md lists the
// keys each command writes; they are kept stable.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

// `text` as a JSON string literal, quotes included.
std::string jsonString(std::string_view text);
// Unix seconds as ISO 8601 in UTC.
std::string isoUtc(std::int64_t unix_seconds);

// Writes one JSON value to a stream, commas and nesting kept track of; the output ends
// with a newline when the outermost value is closed.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : out_(out) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    // The key of the next member of an object.
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // A string, or null when `text` is empty.
    JsonWriter& stringOrNull(std::string_view text);
    // A time as ISO 8601 UTC, or null.
    JsonWriter& time(std::optional<std::int64_t> unix_seconds);

private:
    void separate();
    void open(char bracket);
    void close(char bracket);

    std::ostream& out_;
    std::vector<bool> first_; // one per open container: no member written yet
    bool afterKey_ = false;
};

} // namespace rapport::cli
