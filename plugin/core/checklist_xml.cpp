#include "checklist_xml.h"

#include "report_unicode.h"
#include "hlc.h"
#include "text_position.h"
#include "text_rules.h"
#include "localization.h"
#include "update_rhythm.h"

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>
#include <utility>

namespace rapport {

namespace {

constexpr int kFormat = 1;

void setOptional(pugi::xml_node node, const char* name, const std::optional<int>& value)
{
    if (value)
        node.append_attribute(name) = *value;
}

// Attributes that only rows made since sharing have (schema 4): absent when empty, so
// that an older export reads back byte for byte.
std::string xmlSafe(std::string_view text);

void setText(pugi::xml_node node, const char* name, const std::string& value)
{
    if (!value.empty()) // an author comes from git or the login name: never trusted to be XML-safe
        node.append_attribute(name) = xmlSafe(value).c_str();
}

std::optional<int> optionalInt(const pugi::xml_node& node, const char* name)
{
    const auto attribute = node.attribute(name);
    return attribute ? std::optional<int>(attribute.as_int()) : std::nullopt;
}

// "line L, column C" of a byte offset, for messages.
std::string where(std::string_view text, std::ptrdiff_t offset)
{
    const TextPosition position = textPosition(text, offset);
    return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
}

Error invalid(std::string_view xml, const pugi::xml_node& node, const std::string& what)
{
    const std::string place = node ? where(xml, node.offset_debug()) : std::string("the document");
    return Error{ErrorCode::ImportInvalid, place, what};
}

// The text rules (text_rules.h) broken at `node`, in English, for the error's detail.
Error invalidText(std::string_view xml, const pugi::xml_node& node, const Status& checked)
{
    return invalid(xml, node, checked.error().description());
}

// `text` as XML 1.0 can carry it: invalid UTF-8 and the characters XML forbids (C0
// controls but tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD. Text
// Rapport accepts never holds them; a store from before the rules might, and an export
// that no XML tool can read would be no export at all.
std::string xmlSafe(std::string_view text)
{
    const bool clean = std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x80 ? true : c == '\t' || c == '\n' || c == '\r';
    });
    if (clean)
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const unicode::Decoded d = unicode::decode(text, at);
        const char32_t c = d.code_point;
        const bool allowed = d.valid && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
        if (allowed)
            out.append(text, at, d.length);
        else
            unicode::append(out, 0xFFFD);
        at += d.length;
    }
    return out;
}

} // namespace

std::string writeChecklistXml(const ChecklistExport& data)
{
    const Checklist& c = data.checklist;
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("rapport-checklist");
    root.append_attribute("format") = kFormat;
    root.append_attribute("document") = xmlSafe(c.document_path).c_str();
    root.append_attribute("template") = xmlSafe(c.template_key).c_str();
    setOptional(root, "revision-rounds-agreed", c.revision_rounds_agreed);
    root.append_attribute("revision-rounds-used") = c.revision_rounds_used;
    setOptional(root, "update-every-days", c.update_every_days);
    root.append_attribute("next-update-due") = xmlSafe(c.next_update_due).c_str();
    root.append_attribute("deadline") = xmlSafe(c.deadline).c_str();
    setText(root, "client", c.client_name);
    setText(root, "client-language", c.client_language);
    setText(root, "update-rhythm", c.update_rhythm);
    for (const auto& section : c.sections) {
        pugi::xml_node node = root.append_child("section");
        node.append_attribute("id") = static_cast<long long>(section.id);
        node.append_attribute("position") = static_cast<long long>(section.position);
        node.append_attribute("template") = xmlSafe(section.template_key).c_str();
        node.append_attribute("key") = xmlSafe(section.section_key).c_str();
        node.append_attribute("title") = xmlSafe(section.custom_title).c_str();
        setText(node, "uid", section.uid);
    }
    for (const auto& item : c.items) {
        pugi::xml_node node = root.append_child("item");
        node.append_attribute("id") = static_cast<long long>(item.id);
        node.append_attribute("position") = static_cast<long long>(item.position);
        node.append_attribute("section") = static_cast<long long>(item.section_id);
        node.append_attribute("template") = xmlSafe(item.template_key).c_str();
        node.append_attribute("key") = xmlSafe(item.item_key).c_str();
        node.append_attribute("status") = std::string(statusKeyword(item.status)).c_str();
        if (item.status_since)
            node.append_attribute("since") = static_cast<long long>(*item.status_since);
        node.append_attribute("due") = xmlSafe(item.due).c_str();
        node.append_attribute("owner") = item.owner == Owner::Client ? "client" : "us";
        node.append_attribute("internal") = item.internal;
        setText(node, "uid", item.uid);
        node.append_child("text").text() = xmlSafe(item.custom_text).c_str();
        node.append_child("reason").text() = xmlSafe(item.status_reason).c_str();
        node.append_child("note").text() = xmlSafe(item.note).c_str();
    }
    pugi::xml_node history = root.append_child("history");
    for (const auto& entry : data.history) {
        pugi::xml_node node = history.append_child("change");
        node.append_attribute("sequence") = static_cast<long long>(entry.sequence);
        node.append_attribute("at") = static_cast<long long>(entry.at);
        node.append_attribute("item") = static_cast<long long>(entry.item_id);
        node.append_attribute("field") = xmlSafe(entry.field).c_str();
        setText(node, "id", entry.change_id);
        setText(node, "author", entry.author);
        setText(node, "clock", entry.hlc);
        node.append_child("old").text() = xmlSafe(entry.old_value).c_str();
        node.append_child("new").text() = xmlSafe(entry.new_value).c_str();
    }
    if (!data.log.empty()) { // absent without a log, so that older exports read back byte for byte
        pugi::xml_node log = root.append_child("client-log");
        for (const LogEntry& entry : data.log) {
            pugi::xml_node node = log.append_child("entry");
            node.append_attribute("id") = static_cast<long long>(entry.id);
            node.append_attribute("when") = xmlSafe(entry.when).c_str();
            node.append_attribute("channel") = std::string(channelKeyword(entry.channel)).c_str();
            node.append_attribute("kind") = std::string(logKindKeyword(entry.kind)).c_str();
            setText(node, "who", entry.who);
            node.append_attribute("internal") = entry.internal;
            setText(node, "outcome", std::string(outcomeKeyword(entry.outcome)));
            if (entry.promise_item_id != 0)
                node.append_attribute("promise") = static_cast<long long>(entry.promise_item_id);
            setText(node, "uid", entry.uid);
            node.append_child("said").text() = xmlSafe(entry.said).c_str();
            node.append_child("answer").text() = xmlSafe(entry.answer).c_str();
            node.append_child("resolution").text() = xmlSafe(entry.resolution).c_str();
            node.append_child("decline-reason").text() = xmlSafe(entry.decline_reason).c_str();
        }
    }
    std::ostringstream out;
    // format_raw would lose nothing either, but indented output is what a person opens.
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

Result<ChecklistExport> readChecklistXml(std::string_view xml)
{
    pugi::xml_document doc;
    // parse_ws_pcdata would keep whitespace-only texts; our texts are kept exactly via
    // parse_ws_pcdata_single plus the default trimming being off.
    const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                        pugi::encoding_utf8);
    if (!parsed)
        return Error{ErrorCode::ImportInvalid, where(xml, parsed.offset), parsed.description()};
    const pugi::xml_node root = doc.child("rapport-checklist");
    if (!root)
        return invalid(xml, doc.first_child(), "the root element must be <rapport-checklist>");
    if (root.attribute("format").as_int(-1) != kFormat)
        return invalid(xml, root, "unsupported format version \"" + std::string(root.attribute("format").value()) + "\"");

    ChecklistExport data;
    Checklist& c = data.checklist;
    c.document_path = root.attribute("document").as_string();
    if (c.document_path.empty())
        return invalid(xml, root, "the document attribute is missing");
    c.template_key = root.attribute("template").as_string();
    c.revision_rounds_agreed = optionalInt(root, "revision-rounds-agreed");
    c.revision_rounds_used = root.attribute("revision-rounds-used").as_int();
    c.update_every_days = optionalInt(root, "update-every-days");
    c.next_update_due = root.attribute("next-update-due").as_string();
    c.deadline = root.attribute("deadline").as_string();
    c.client_name = root.attribute("client").as_string();
    c.client_language = root.attribute("client-language").as_string();
    c.update_rhythm = root.attribute("update-rhythm").as_string();
    if (!parseUpdateRhythm(c.update_rhythm))
        return invalid(xml, root, "update-rhythm is weekly, biweekly, monthly or a number of days (Nd)");
    if (!c.client_language.empty() && !languageWithExactCode(c.client_language))
        return invalid(xml, root, "client-language is one of " + languageCodeList());
    if (Status client = checkText(TextField::ClientName, c.client_name); !client)
        return invalidText(xml, root, client);
    if (!isDateOrEmpty(c.next_update_due) || !isDateOrEmpty(c.deadline))
        return invalid(xml, root, "dates must be written YYYY-MM-DD, in the years 1970 to 2199");
    if (Status path = checkText(TextField::DocumentPath, c.document_path); !path)
        return invalidText(xml, root, path);
    if (Status key = checkText(TextField::Key, c.template_key); !key)
        return invalidText(xml, root, key);
    for (const pugi::xml_node node : root.children("section")) {
        ChecklistSection section;
        section.id = node.attribute("id").as_llong();
        section.position = node.attribute("position").as_llong();
        section.template_key = node.attribute("template").as_string();
        section.section_key = node.attribute("key").as_string();
        section.custom_title = node.attribute("title").as_string();
        section.uid = node.attribute("uid").as_string();
        if (!section.uid.empty() && !isReplicaId(section.uid))
            return invalid(xml, node, "a uid is 16 hexadecimal digits");
        if (section.id <= 0)
            return invalid(xml, node, "a section needs a positive id");
        for (const auto& [field, text] : {std::pair{TextField::Key, &section.template_key},
                                          std::pair{TextField::Key, &section.section_key},
                                          std::pair{TextField::SectionTitle, &section.custom_title}})
            if (Status checked = checkText(field, *text); !checked)
                return invalidText(xml, node, checked);
        c.sections.push_back(std::move(section));
    }
    for (const pugi::xml_node node : root.children("item")) {
        ChecklistItem item;
        item.id = node.attribute("id").as_llong();
        item.position = node.attribute("position").as_llong();
        item.section_id = node.attribute("section").as_llong();
        item.template_key = node.attribute("template").as_string();
        item.item_key = node.attribute("key").as_string();
        const auto status = parseStatusKeyword(node.attribute("status").as_string());
        if (!status)
            return invalid(xml, node, "unknown status \"" + std::string(node.attribute("status").value()) + "\"");
        item.status = *status;
        item.done = item.status == ItemStatus::Done;
        if (node.attribute("since"))
            item.status_since = node.attribute("since").as_llong();
        item.due = node.attribute("due").as_string();
        if (!isDateOrEmpty(item.due))
            return invalid(xml, node, "dates must be written YYYY-MM-DD, in the years 1970 to 2199");
        const std::string owner = node.attribute("owner").as_string("us");
        if (owner != "us" && owner != "client")
            return invalid(xml, node, "owner must be us or client");
        item.owner = owner == "client" ? Owner::Client : Owner::Us;
        item.internal = node.attribute("internal").as_bool();
        item.custom_text = node.child("text").text().as_string();
        item.status_reason = node.child("reason").text().as_string();
        item.note = node.child("note").text().as_string();
        item.uid = node.attribute("uid").as_string();
        if (!item.uid.empty() && !isReplicaId(item.uid))
            return invalid(xml, node, "a uid is 16 hexadecimal digits");
        if (item.id <= 0)
            return invalid(xml, node, "an item needs a positive id");
        if (item.template_key.empty() && item.custom_text.empty())
            return invalid(xml, node, "an item needs a template key or a text");
        if (Status checked = checkItemText(item); !checked)
            return invalidText(xml, node, checked);
        c.items.push_back(std::move(item));
    }
    for (const pugi::xml_node node : root.child("history").children("change")) {
        HistoryEntry entry;
        entry.sequence = node.attribute("sequence").as_llong();
        entry.at = node.attribute("at").as_llong();
        entry.item_id = node.attribute("item").as_llong();
        entry.field = node.attribute("field").as_string();
        entry.old_value = node.child("old").text().as_string();
        entry.new_value = node.child("new").text().as_string();
        entry.change_id = node.attribute("id").as_string();
        entry.author = node.attribute("author").as_string();
        entry.hlc = node.attribute("clock").as_string();
        if (entry.sequence <= 0 || entry.field.empty())
            return invalid(xml, node, "a change needs a sequence number and a field");
        for (const auto& [field, text] : {std::pair{TextField::Key, &entry.field},
                                          std::pair{TextField::HistoryValue, &entry.old_value},
                                          std::pair{TextField::HistoryValue, &entry.new_value}})
            if (Status checked = checkText(field, *text); !checked)
                return invalidText(xml, node, checked);
        data.history.push_back(std::move(entry));
    }
    for (const pugi::xml_node node : root.child("client-log").children("entry")) {
        LogEntry entry;
        entry.id = node.attribute("id").as_llong();
        entry.when = node.attribute("when").as_string();
        const auto channel = parseChannelKeyword(node.attribute("channel").as_string());
        const auto kind = parseLogKindKeyword(node.attribute("kind").as_string());
        const auto outcome = parseOutcomeKeyword(node.attribute("outcome").as_string());
        if (!channel || !kind || !outcome)
            return invalid(xml, node, "a client log entry's channel, kind or outcome is not one Rapport knows");
        entry.channel = *channel;
        entry.kind = *kind;
        entry.outcome = *outcome;
        entry.who = node.attribute("who").as_string();
        entry.internal = node.attribute("internal").as_bool();
        entry.promise_item_id = node.attribute("promise").as_llong();
        entry.uid = node.attribute("uid").as_string();
        if (!entry.uid.empty() && !isReplicaId(entry.uid))
            return invalid(xml, node, "a uid is 16 hexadecimal digits");
        entry.said = node.child("said").text().as_string();
        entry.answer = node.child("answer").text().as_string();
        entry.resolution = node.child("resolution").text().as_string();
        entry.decline_reason = node.child("decline-reason").text().as_string();
        if (entry.id <= 0)
            return invalid(xml, node, "a client log entry needs a positive id");
        if (const char* problem = logEntryProblem(entry))
            return invalid(xml, node, problem);
        if (Status who = checkText(TextField::ClientName, entry.who); !who)
            return invalidText(xml, node, who);
        for (const std::string* text : {&entry.said, &entry.answer, &entry.resolution, &entry.decline_reason})
            if (Status checked = checkText(TextField::LogText, *text); !checked)
                return invalidText(xml, node, checked);
        data.log.push_back(std::move(entry));
    }
    return data;
}

} // namespace rapport
