#include "document_paths.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace rapport {

std::string canonicalDocumentPath(const std::string& utf8_path)
{
    if (utf8_path.empty())
        return {};
    std::error_code ec;
    std::filesystem::path path(utf8_path);
    auto absolute = std::filesystem::absolute(path, ec);
    if (ec)
        absolute = path;
    auto canonical = std::filesystem::weakly_canonical(absolute, ec);
    if (ec)
        canonical = absolute.lexically_normal();
    std::string result = canonical.string();
    while (result.size() > 1 && result.back() == '/')
        result.pop_back();
    return result;
}

std::string documentFingerprint(const std::filesystem::path& file)
{
    // FNV-1a over the size and the first and last 64 KiB: cheap on any file, and the
    // same for a file that was only moved or renamed.
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!in || ec || size == 0)
        return {};
    std::uint64_t hash = 1469598103934665603ULL;
    auto mix = [&](const char* data, std::size_t length) {
        for (std::size_t i = 0; i < length; ++i) {
            hash ^= static_cast<unsigned char>(data[i]);
            hash *= 1099511628211ULL;
        }
    };
    const std::string sizeText = std::to_string(size);
    mix(sizeText.data(), sizeText.size());
    constexpr std::uintmax_t window = 64 * 1024;
    std::string buffer(static_cast<std::size_t>(std::min(size, window)), '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    mix(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (size > window) {
        in.seekg(static_cast<std::streamoff>(size - std::min(size - window, window)));
        in.read(buffer.data(), static_cast<std::streamsize>(std::min(size - window, window)));
        mix(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::filesystem::path defaultStoreFile()
{
    std::filesystem::path dir;
    if (const char* explicitDir = std::getenv("RAPPORT_DATA_DIR"); explicitDir && *explicitDir)
        dir = explicitDir;
    else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        dir = std::filesystem::path(xdg) / "rapport";
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = std::filesystem::path(home) / ".local" / "share" / "rapport";
    else
        dir = std::filesystem::temp_directory_path() / "rapport";
    return dir / "rapport.sqlite3";
}

} // namespace rapport
