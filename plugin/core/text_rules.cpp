#include "text_rules.h"

#include "msgid.h"
#include "report_unicode.h"

#include <cstdio>
#include <utility>

namespace rapport {

namespace {

// Tab, line feed and carriage return are text; every other C0 control, DEL, C1 and the
// two non-characters XML 1.0 forbids are not (ESC and BEL would drive a terminal, and no
// XML tool reads them back).
bool isControl(char32_t c, bool line_breaks_allowed)
{
    if (c == '\t' || c == '\n' || c == '\r')
        return !line_breaks_allowed;
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

bool isKeyCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

std::string codePoint(char32_t c)
{
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
    return text;
}

} // namespace

std::size_t maxLength(TextField field)
{
    switch (field) {
    case TextField::ItemTitle:
    case TextField::SectionTitle:
    case TextField::Reason:
    case TextField::RoundPurpose: return 2000;
    case TextField::ClientName: return 200;
    // Four of them, escaped (client_log.h), fit one history value (20000).
    case TextField::LogText: return 1500;
    case TextField::Note:
    case TextField::ReportText:
    case TextField::TemplateText:
    case TextField::HistoryValue: return 20000;
    case TextField::DocumentPath: return 4096; // PATH_MAX
    case TextField::Key: return 100;
    }
    return 0;
}

const char* fieldName(TextField field)
{
    switch (field) {
    // TRANSLATORS: names of text fields, shown inside messages such as 'The field \"note\" is too long'.
    case TextField::ItemTitle: return N_("item title");
    case TextField::SectionTitle: return N_("section title");
    case TextField::Note: return N_("note");
    case TextField::Reason: return N_("reason");
    case TextField::ReportText: return N_("report text");
    case TextField::DocumentPath: return N_("document path");
    case TextField::Key: return N_("key");
    case TextField::TemplateText: return N_("template text");
    case TextField::HistoryValue: return N_("history value");
    case TextField::ClientName: return N_("client name");
    case TextField::RoundPurpose: return N_("revision round");
    case TextField::LogText: return N_("client log text");
    }
    return "";
}

bool isValidUtf8(std::string_view text)
{
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            ++at;
            continue;
        }
        const unicode::Decoded d = unicode::decode(text, at);
        if (!d.valid)
            return false;
        at += d.length;
    }
    return true;
}

std::size_t countCharacters(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    return count;
}

Status checkText(TextField field, std::string_view text)
{
    const char* name = fieldName(field);
    // The length first: a 10 MB field is refused before it is decoded.
    const std::size_t limit = maxLength(field);
    if (text.size() > limit &&
        (field == TextField::DocumentPath || text.size() > 4 * limit || countCharacters(text) > limit))
        return Error{ErrorCode::TextTooLong, name, std::to_string(limit)};
    if (field == TextField::Key) {
        for (std::size_t at = 0; at < text.size();) {
            if (isKeyCharacter(text[at])) {
                ++at;
                continue;
            }
            const unicode::Decoded d = unicode::decode(text, at);
            // The key itself is named only when it is printable: it goes into a message.
            const bool printable = isValidUtf8(text) && checkText(TextField::ItemTitle, text);
            return Error{ErrorCode::KeyInvalid, printable ? std::string(text) : std::string("?"),
                         codePoint(d.code_point)};
        }
        return {};
    }
    const bool multiline = field != TextField::DocumentPath && field != TextField::ClientName; // one line
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20 && byte < 0x7F) {
            ++at;
            continue;
        }
        const unicode::Decoded d = unicode::decode(text, at);
        if (!d.valid)
            return Error{ErrorCode::TextNotUtf8, name, std::to_string(at)};
        if (isControl(d.code_point, multiline))
            return Error{ErrorCode::TextHasControl, name, codePoint(d.code_point)};
        at += d.length;
    }
    return {};
}

Status checkItemText(const ChecklistItem& item)
{
    for (const std::string* key : {&item.template_key, &item.item_key})
        if (Status checked = checkText(TextField::Key, *key); !checked)
            return checked;
    if (!isDateOrEmpty(item.due))
        return Error{ErrorCode::DateInvalid, item.due, {}};
    const std::pair<TextField, const std::string*> texts[] = {
        {TextField::ItemTitle, &item.custom_text}, {TextField::Reason, &item.status_reason}, {TextField::Note, &item.note}};
    for (const auto& [field, text] : texts)
        if (Status checked = checkText(field, *text); !checked)
            return checked;
    return {};
}

Status checkChecklistText(const Checklist& checklist, const std::vector<HistoryEntry>& history)
{
    if (Status path = checkText(TextField::DocumentPath, checklist.document_path); !path)
        return path;
    if (Status key = checkText(TextField::Key, checklist.template_key); !key)
        return key;
    for (const std::string* date : {&checklist.next_update_due, &checklist.deadline})
        if (!isDateOrEmpty(*date))
            return Error{ErrorCode::DateInvalid, *date, {}};
    if (Status client = checkText(TextField::ClientName, checklist.client_name); !client)
        return client;
    for (const std::string* key : {&checklist.client_language, &checklist.update_rhythm})
        if (Status checked = checkText(TextField::Key, *key); !checked)
            return checked;
    for (const ChecklistSection& section : checklist.sections) {
        for (const std::string* key : {&section.template_key, &section.section_key})
            if (Status checked = checkText(TextField::Key, *key); !checked)
                return checked;
        if (Status checked = checkText(TextField::SectionTitle, section.custom_title); !checked)
            return checked;
    }
    for (const ChecklistItem& item : checklist.items)
        if (Status checked = checkItemText(item); !checked)
            return checked;
    for (const HistoryEntry& entry : history) {
        if (Status checked = checkText(TextField::Key, entry.field); !checked)
            return checked;
        for (const std::string* value : {&entry.old_value, &entry.new_value})
            if (Status checked = checkText(TextField::HistoryValue, *value); !checked)
                return checked;
    }
    return {};
}

} // namespace rapport
