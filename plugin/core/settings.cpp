#include "settings.h"

#include "store.h"

#include <pugixml.hpp>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace rapport {

namespace {

// Makes a written file durable: its data, then the folder entry that names it.
bool syncFileAndFolder(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return synced;
}

} // namespace

std::filesystem::path Settings::defaultFile() { return defaultStoreFile().parent_path() / "settings.xml"; }

Settings Settings::load(const std::filesystem::path& file)
{
    Settings settings;
    settings.file_ = file;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return settings;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_file(file.c_str());
    const pugi::xml_node root = doc.child("rapport-settings");
    if (!parsed || !root) {
        std::filesystem::rename(file, std::filesystem::path(file.string() + ".damaged"), ec);
        return settings;
    }
    for (const pugi::xml_node entry : root.children("setting"))
        settings.values_[entry.attribute("key").as_string()] = entry.text().as_string();
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
    const std::filesystem::path temporary = file_.string() + ".tmp";
    if (!doc.save_file(temporary.c_str(), "  ", pugi::format_default, pugi::encoding_utf8) ||
        !syncFileAndFolder(temporary))
        return Error{ErrorCode::StoreWriteFailed, file_.string(), "cannot write " + temporary.string()};
    std::filesystem::rename(temporary, file_, ec);
    if (ec)
        return Error{ErrorCode::StoreWriteFailed, file_.string(), ec.message()};
    syncFileAndFolder(file_);
    return {};
}

} // namespace rapport
