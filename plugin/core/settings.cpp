#include "settings.h"

#include "atomic_file.h"
#include "store.h"

#include <pugixml.hpp>

namespace rapport {

namespace {

// pugixml's output collected in a string, written out whole by writeFileAtomically.
struct StringWriter final : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
};

} // namespace

std::filesystem::path Settings::defaultFile() { return defaultStoreFile().parent_path() / "settings.xml"; }

namespace {

// Reads `file` into `values`; false when it exists but is not a settings file.
bool readSettings(const std::filesystem::path& file, std::map<std::string, std::string, std::less<>>& values)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return true;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_file(file.c_str());
    const pugi::xml_node root = doc.child("rapport-settings");
    if (!parsed || !root)
        return false;
    for (const pugi::xml_node entry : root.children("setting"))
        values[entry.attribute("key").as_string()] = entry.text().as_string();
    return true;
}

} // namespace

Settings Settings::load(const std::filesystem::path& file)
{
    Settings settings;
    settings.file_ = file;
    if (!readSettings(file, settings.values_)) {
        std::error_code ec;
        std::filesystem::rename(file, std::filesystem::path(file.string() + ".damaged"), ec);
        settings.values_.clear();
    }
    return settings;
}

Settings Settings::peek(const std::filesystem::path& file)
{
    Settings settings;
    settings.file_ = file;
    if (!readSettings(file, settings.values_))
        settings.values_.clear();
    return settings;
}

std::string Settings::get(std::string_view key, std::string_view fallback) const
{
    const auto found = values_.find(key);
    return found == values_.end() ? std::string(fallback) : found->second;
}

void Settings::set(std::string_view key, std::string_view value) { values_[std::string(key)] = std::string(value); }

Status Settings::save() const
{
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    if (ec)
        return Error{ErrorCode::StoreCannotCreateDirectory, file_.parent_path().string(), ec.message()};
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("rapport-settings");
    root.append_attribute("format") = 1;
    for (const auto& [key, value] : values_) {
        pugi::xml_node entry = root.append_child("setting");
        entry.append_attribute("key") = key.c_str();
        entry.text() = value.c_str();
    }
    StringWriter xml;
    doc.save(xml, "  ", pugi::format_default, pugi::encoding_utf8);
    return writeFileAtomically(file_, xml.text);
}

} // namespace rapport
