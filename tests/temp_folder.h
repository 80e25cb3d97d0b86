// A fresh folder under the system temp dir for one test, removed when the test ends.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace rapport::testing {

struct TempFolder {
    std::filesystem::path path;
    std::filesystem::path store; // path / "rapport.sqlite3", for tests that need a store

    explicit TempFolder(const std::string& prefix = "rapport-test")
    {
        std::random_device seed;
        path = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(seed()));
        std::filesystem::create_directories(path);
        store = path / "rapport.sqlite3";
    }
    ~TempFolder()
    {
        std::error_code ec;
        // A test may have made the folder read-only; it must still go.
        std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

// The whole content of `file` ("" when it cannot be read).
inline std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace rapport::testing
