// Small per-user preferences (the sidebar's language, ...), kept in settings.xml beside
// the store: a human-readable file a user can delete to get the defaults back.
#pragma once

#include "error.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace rapport {

// Key-value preferences, read once and written atomically.
class Settings {
public:
    // settings.xml in the folder of the default store.
    static std::filesystem::path defaultFile();

    // Reads `file`; a missing file gives empty settings, a damaged one is moved aside
    // (settings.xml.damaged) so it is neither lost nor read again.
    static Settings load(const std::filesystem::path& file);
    // Reads `file` and never writes: a damaged file reads as empty settings and stays where it
    // is (for readers such as the sharing author lookup, which may run in a refused command).
    static Settings peek(const std::filesystem::path& file);

    // The value of `key`, or `fallback`.
    std::string get(std::string_view key, std::string_view fallback = {}) const;
    // Sets `key`; call save() to keep it.
    void set(std::string_view key, std::string_view value);

    // Writes the file atomically: a temporary file, fsync, rename over the old one.
    Status save() const;
    // The file it was read from and is written to.
    const std::filesystem::path& file() const noexcept { return file_; }

private:
    std::filesystem::path file_;
    std::map<std::string, std::string, std::less<>> values_;
};

} // namespace rapport
