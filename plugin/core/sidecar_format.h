// The text of a sidecar file (docs/sidecar-format.md): a shared checklist's change log as
// UTF-8 lines, one change per line or per small block of lines. This file turns changes
// into lines and lines back into changes, checking every one: a sidecar comes from other
// people's machines, through git and file synchronisers, and may hold anything.
#pragma once

#include "hlc.h"
#include "model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::sidecar {

// The format version this build reads and writes (the header line "rapport-sidecar 1").
inline constexpr int kVersion = 1;
// A longer line, or a larger file, is not read: limits against hostile input.
inline constexpr std::size_t kMaxLineBytes = 1u << 20;
inline constexpr std::size_t kMaxFileBytes = 64u << 20;
// A block holds at most this many lines (a checklist of this many items and sections).
inline constexpr std::size_t kMaxBlockLines = 100000;

// Percent-escapes what would end a field or a line (%, space, control characters); every
// other byte, UTF-8 included, stays as it is, so the file reads as text.
std::string escape(std::string_view value);
// The value escape() made, or nullopt for a malformed escape or a value that is not UTF-8.
std::optional<std::string> unescape(std::string_view text);
// True when `text` is well-formed UTF-8.
bool isUtf8(std::string_view text);

// One key=value of a line.
struct Field {
    std::string key;
    std::string value;
};

// What one line says: its kind ("status", "+item", ...) and its fields, in order.
struct Body {
    std::string kind;
    std::vector<Field> fields;

    // The value of `key`, or nullptr.
    const std::string* get(std::string_view key) const;
    // The value of `key`, or "".
    std::string value(std::string_view key) const;
    // Adds a field.
    Body& add(std::string key, std::string value);
};

// Who made a change, when, and which change it is: the same on each of its lines.
struct Envelope {
    std::string node;      // the store that made it (16 hex digits)
    Hlc hlc;               // its clock reading
    std::string change_id; // 16 hex digits
    std::string author;    // a person's name, as they set it
    std::int64_t at = 0;   // unix seconds, as the history records it
};

// One change of the log: its envelope, its lines' bodies (the first says what it is; the
// others carry the rows a snapshot, a template or a restored section brings) and its
// lines exactly as written, each ending in '\n'.
struct Block {
    Envelope envelope;
    std::vector<Body> bodies;
    std::string text;

    // The order of the file (node, clock, id): one person's changes stay together, so two
    // people's additions land in different places of the file.
    bool fileOrderBefore(const Block& other) const;
    // The order of replay (clock, id): the same on every replica.
    bool replayOrderBefore(const Block& other) const;
};

// The line body of a whole item row (kinds "restored", "+item") in section `section_uid`.
Body itemRow(std::string kind, const ChecklistItem& item, const std::string& section_uid);
// The line body of a whole section row (kinds "section-restored", "+section").
Body sectionRow(std::string kind, const ChecklistSection& section);

// `bodies` written as the lines of one change.
std::string encode(const Envelope& envelope, const std::vector<Body>& bodies);
// Reads back one block encode() wrote (used for the store's own copy of the log).
std::optional<Block> decode(std::string_view lines);

// What reading a sidecar's text found.
struct Parsed {
    std::optional<int> version;    // the header's; nullopt without a header
    bool future = false;           // written by a newer format: nothing below was read
    std::vector<Block> blocks;     // every complete, valid change, once each, in no order
    std::size_t bad_lines = 0;     // lines skipped: malformed, foreign, incomplete
    std::vector<std::size_t> first_bad; // the first few of them, 1-based
    bool markers = false;          // conflict markers (a merge without the driver) were dropped
    bool canonical = false;        // exactly what render() writes for these blocks
};

// Reads a sidecar's text. Never fails: what cannot be read is counted and skipped. Without
// `keep_fields`, every line is checked as thoroughly but only the first line's kind is
// kept of its bodies (the merge driver needs the lines, not what they say).
Parsed parse(std::string_view content, bool keep_fields = true);
// The canonical text for `blocks`: the header, then each block in file order. Two
// replicas holding the same changes write the same bytes.
std::string render(std::vector<const Block*> blocks);
// The header line, with its '\n'.
std::string header();

// The union of two or more sidecars' valid changes, rendered: what the git merge driver
// writes. Refused (nullopt) when one of them comes from a newer format.
std::optional<std::string> mergeTexts(const std::vector<std::string_view>& texts);

} // namespace rapport::sidecar
