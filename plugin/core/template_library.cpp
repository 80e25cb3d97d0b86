#include "template_library.h"

#include "install_paths.h"

#include "text_position.h"
#include "text_rules.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>


namespace rapport {

namespace {

// Template files are small; anything larger is a mistake or an attack (FIELD-NOTES:
// a deeply nested document parses but costs memory), so refuse it before parsing.
constexpr std::uintmax_t kMaxTemplateBytes = 1024 * 1024;

void lineAndColumn(std::string_view text, std::ptrdiff_t offset, int& line, int& column)
{
    const TextPosition position = textPosition(text, offset);
    line = position.line;
    column = position.column;
}

bool fail(std::string_view xml, const pugi::xml_node& node, const std::filesystem::path& file, std::string what,
          TemplateLoadError& error)
{
    error.file = file;
    error.what = std::move(what);
    error.line = error.column = 0;
    if (node && node.offset_debug() >= 0) {
        // pugixml points at an element's name; an editor user looks for its '<'.
        const std::ptrdiff_t offset = node.type() == pugi::node_element && node.offset_debug() > 0
                                          ? node.offset_debug() - 1
                                          : node.offset_debug();
        lineAndColumn(xml, offset, error.line, error.column);
    }
    return false;
}

std::string childText(const pugi::xml_node& node, const char* name)
{
    return node.child(name).text().as_string();
}

bool validKey(std::string_view key)
{
    return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

} // namespace

std::string TemplateLoadError::description() const
{
    std::ostringstream out;
    out << file.string();
    if (line > 0)
        out << ':' << line << ':' << column;
    out << ": " << what;
    return out.str();
}

bool TemplateLibrary::parse(std::string_view xml, const std::filesystem::path& file, ChecklistTemplate& out,
                            TemplateLoadError& error)
{
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                                                          pugi::encoding_utf8);
    if (!parsed) {
        error.file = file;
        error.what = parsed.description();
        lineAndColumn(xml, parsed.offset, error.line, error.column);
        return false;
    }
    const pugi::xml_node root = doc.child("rapport-template");
    if (!root)
        return fail(xml, doc.first_child(), file, "the root element must be <rapport-template>", error);
    const pugi::xml_attribute format = root.attribute("format");
    if (!format)
        return fail(xml, root, file, "missing format attribute", error);
    if (format.as_int(-1) != kTemplateFormatVersion)
        return fail(xml, root, file,
                    "unsupported format version \"" + std::string(format.value()) + "\" (this Rapport reads " +
                        std::to_string(kTemplateFormatVersion) + ")",
                    error);

    ChecklistTemplate result;
    result.source = file;
    result.key = root.attribute("key").as_string();
    if (!validKey(result.key))
        return fail(xml, root, file, "the key attribute must be lower-case letters, digits, '-' or '_'", error);
    result.title = childText(root, "title");
    result.description = childText(root, "description");
    if (result.title.empty())
        return fail(xml, root, file, "missing <title>", error);
    // The text rules every edge applies (text_rules.h), with the place in the file.
    const auto badText = [&](const pugi::xml_node& node, std::initializer_list<std::pair<TextField, const std::string*>> texts) {
        for (const auto& [field, text] : texts)
            if (const Status checked = checkText(field, *text); !checked)
                return fail(xml, node, file, checked.error().description(), error), true;
        return false;
    };
    if (badText(root, {{TextField::ItemTitle, &result.title}, {TextField::TemplateText, &result.description}}))
        return false;

    std::vector<std::string> itemKeys;
    for (const pugi::xml_node sectionNode : root.children("section")) {
        TemplateSection section;
        section.key = sectionNode.attribute("key").as_string();
        section.title = childText(sectionNode, "title");
        if (!validKey(section.key))
            return fail(xml, sectionNode, file, "a <section> needs a valid key attribute", error);
        if (section.title.empty())
            return fail(xml, sectionNode, file, "a <section> needs a <title>", error);
        if (badText(sectionNode, {{TextField::SectionTitle, &section.title}}))
            return false;
        for (const pugi::xml_node itemNode : sectionNode.children("item")) {
            TemplateItem item;
            item.key = itemNode.attribute("key").as_string();
            item.title = childText(itemNode, "title");
            item.description = childText(itemNode, "description");
            item.why = childText(itemNode, "why");
            if (!validKey(item.key))
                return fail(xml, itemNode, file, "an <item> needs a valid key attribute", error);
            if (std::find(itemKeys.begin(), itemKeys.end(), item.key) != itemKeys.end())
                return fail(xml, itemNode, file, "duplicate item key \"" + item.key + "\"", error);
            if (item.title.empty())
                return fail(xml, itemNode, file, "an <item> needs a <title>", error);
            if (badText(itemNode, {{TextField::ItemTitle, &item.title},
                                   {TextField::TemplateText, &item.description},
                                   {TextField::TemplateText, &item.why}}))
                return false;
            itemKeys.push_back(item.key);
            section.items.push_back(std::move(item));
        }
        if (section.items.empty())
            return fail(xml, sectionNode, file, "a <section> needs at least one <item>", error);
        result.sections.push_back(std::move(section));
    }
    if (result.sections.empty())
        return fail(xml, root, file, "a template needs at least one <section>", error);
    out = std::move(result);
    return true;
}

TemplateLibrary TemplateLibrary::load(const std::vector<std::filesystem::path>& folders)
{
    TemplateLibrary library;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec))
            continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            if (entry.path().extension() == ".xml")
                files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            TemplateLoadError error;
            const auto size = std::filesystem::file_size(file, ec);
            if (ec || size > kMaxTemplateBytes) {
                error.file = file;
                error.what = ec ? ec.message() : "the file is larger than 1 MiB";
                library.errors_.push_back(std::move(error));
                continue;
            }
            std::ifstream in(file, std::ios::binary);
            std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in && !in.eof()) {
                library.errors_.push_back(TemplateLoadError{file, 0, 0, "the file cannot be read"});
                continue;
            }
            ChecklistTemplate parsed;
            if (!parse(xml, file, parsed, error)) {
                library.errors_.push_back(std::move(error));
                continue;
            }
            auto same = std::find_if(library.templates_.begin(), library.templates_.end(),
                                     [&](const ChecklistTemplate& t) { return t.key == parsed.key; });
            if (same != library.templates_.end())
                *same = std::move(parsed);
            else
                library.templates_.push_back(std::move(parsed));
        }
    }
    return library;
}

const ChecklistTemplate* TemplateLibrary::find(std::string_view key) const
{
    auto found = std::find_if(templates_.begin(), templates_.end(),
                              [&](const ChecklistTemplate& t) { return t.key == key; });
    return found == templates_.end() ? nullptr : &*found;
}

const TemplateItem* TemplateLibrary::findItem(std::string_view template_key, std::string_view item_key) const
{
    const ChecklistTemplate* owner = find(template_key);
    if (!owner)
        return nullptr;
    for (const auto& section : owner->sections) {
        for (const auto& item : section.items) {
            if (item.key == item_key)
                return &item;
        }
    }
    return nullptr;
}

std::filesystem::path bundledTemplateFolder()
{
    if (const char* assets = std::getenv("RAPPORT_ASSETS_DIR"); assets && *assets)
        return std::filesystem::path(assets) / "templates";
    const std::filesystem::path data = bundledDataFolder();
    return data.empty() ? data : data / "templates";
}

} // namespace rapport

namespace rapport {

std::filesystem::path userTemplateFolder()
{
    const auto nonEmpty = [](const char* name) -> const char* {
        const char* value = std::getenv(name);
        return value && *value ? value : nullptr;
    };
    if (const char* data = nonEmpty("RAPPORT_DATA_DIR"))
        return std::filesystem::path(data) / "templates";
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const char* xdg = nonEmpty("XDG_DATA_HOME"); xdg && std::filesystem::path(xdg).is_absolute())
        return std::filesystem::path(xdg) / "rapport" / "templates";
    if (const char* home = nonEmpty("HOME"))
        return std::filesystem::path(home) / ".local" / "share" / "rapport" / "templates";
    return {};
}

std::vector<std::filesystem::path> defaultTemplateFolders()
{
    std::vector<std::filesystem::path> folders;
    if (auto bundled = bundledTemplateFolder(); !bundled.empty())
        folders.push_back(std::move(bundled));
    if (auto user = userTemplateFolder(); !user.empty())
        folders.push_back(std::move(user));
    return folders;
}

} // namespace rapport
