#include "install_paths.h"

#include "document_paths.h"

#include <dlfcn.h>


namespace rapport {

namespace {

bool isFolder(const std::filesystem::path& path)
{
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

// Whether `folder` is the user's own data folder (~/.local/share/rapport): the user's
// templates live there, never the bundled ones.
bool isUserDataFolder(const std::filesystem::path& folder)
{
    std::error_code ec;
    const std::filesystem::path user = defaultStoreFile().parent_path();
    return std::filesystem::equivalent(folder, user, ec);
}

} // namespace

std::filesystem::path binaryFolder()
{
    Dl_info info{};
    if (::dladdr(reinterpret_cast<const void*>(&binaryFolder), &info) == 0 || !info.dli_fname || !*info.dli_fname)
        return {};
    std::error_code ec;
    std::filesystem::path binary = std::filesystem::canonical(info.dli_fname, ec);
    if (ec) // an executable's dli_fname may be its bare name: the kernel knows the file
        binary = std::filesystem::canonical("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : binary.parent_path();
}

std::filesystem::path bundledDataFolder()
{
    const std::filesystem::path from = binaryFolder();
    if (from.empty())
        return {};
    if (rapport_relative_data_folder) {
        const std::filesystem::path folder = (from / rapport_relative_data_folder()).lexically_normal();
        if (isFolder(folder / "templates"))
            return folder;
    }
    std::filesystem::path above = from;
    for (int level = 0; level < 6 && !above.empty(); ++level) {
        const std::filesystem::path folder = above / "share" / "rapport";
        if (isFolder(folder / "templates") && !isUserDataFolder(folder))
            return folder;
        if (above == above.parent_path())
            break;
        above = above.parent_path();
    }
    return {};
}

} // namespace rapport
