// What text Rapport keeps. Every way text comes in — command-line arguments, an imported
// file, a template, the sidebar's fields — is checked here once, so nothing reaches the
// store that a report, an export or a terminal could not carry: no invalid UTF-8, no
// control characters but tab, line feed and carriage return, nothing longer than any real
// checklist needs. The limits are far above real use (a long item title is ~200
// characters) and far below what would make a report slow.
#pragma once

#include "error.h"
#include "model.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The kinds of text a user writes, each with its own limit.
enum class TextField {
    ItemTitle,       // a custom item's text
    SectionTitle,    // a section of the user's own
    Note,            // an item's note
    Reason,          // why an item waits or is blocked
    ReportText,      // a report's summary or next steps
    DocumentPath,    // a document's path (bytes, as the system counts them)
    Key,             // a template, section or item key: letters, digits, '-', '_', '.'
    TemplateText,    // a template's title, description or "why it matters"
    HistoryValue,    // a value in an imported history row
    ClientName,      // the client's name in the project settings: one line, no tab
    RoundPurpose,    // what a revision round is for
    LogText,         // a client log entry's words: what was said, our answer, a resolution, a reason
};

// The most characters (code points) `field` may hold; for DocumentPath, bytes.
std::size_t maxLength(TextField field);

// The field's name for messages, as an English msgid ("note"); translated where shown.
const char* fieldName(TextField field);

// Success, or why `text` may not be kept as `field`: TextNotUtf8 (detail: the byte
// offset), TextHasControl (detail: the code point, as U+XXXX), TextTooLong (detail: the
// limit), each with fieldName(field) as subject; KeyInvalid (subject: the key, detail:
// the code point) for a Key.
Status checkText(TextField field, std::string_view text);

// Every text of `item` (title, reason, note, keys, due date) checked as above.
Status checkItemText(const ChecklistItem& item);
// Every text of a whole checklist and its history: what an import brings.
Status checkChecklistText(const Checklist& checklist, const std::vector<HistoryEntry>& history);

// The number of code points in valid UTF-8 `text`.
std::size_t countCharacters(std::string_view text);

// True when `text` is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);

// The first and last calendar years a date may be in: a due date in year 0 or 9999 is a
// typing mistake, not a plan (and would be reported as 740,000 days late).
inline constexpr int kFirstYear = 1970;
inline constexpr int kLastYear = 2199;

// The largest file import reads: far above any real export (a checklist of 1,000 items
// with 10,000 history rows is ~3 MB), small enough to read into memory.
inline constexpr std::size_t kMaxImportBytes = 64u * 1024u * 1024u;

} // namespace rapport
