// The one writer behind every file Rapport writes: the content arrives whole, an old
// file is replaced whole or left untouched, and no temporary file is ever left behind,
// also when several writers race for the same target.
#include "atomic_file.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> entries(const fs::path& folder)
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
        found.push_back(entry.path());
    return found;
}

// Text that shows where a cut or a mix-up happened: `size` bytes of numbered lines.
std::string numbered(char tag, std::size_t size)
{
    std::string text;
    for (std::size_t line = 0; text.size() < size; ++line)
        text += std::string(1, tag) + std::to_string(line) + " the quick brown fox\n";
    text.resize(size);
    return text;
}

void checkFailure(const rapport::Status& status, const fs::path& target,
                  rapport::ErrorCode code = rapport::ErrorCode::FileWriteFailed)
{
    REQUIRE_FALSE(status);
    CHECK(status.error().code == code);
    CHECK(status.error().subject == target.string());
    CHECK_FALSE(status.error().detail.empty());
    CHECK(status.error().description().find(target.string()) != std::string::npos);
}

// Limits the size of files this process may write, as a full disk would, for one scope.
struct FileSizeLimit {
    rlimit saved{};
    void (*saved_handler)(int) = nullptr;
    explicit FileSizeLimit(rlim_t bytes)
    {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        saved_handler = std::signal(SIGXFSZ, SIG_IGN); // a failed write instead of a dead process
        rlimit limited = saved;
        limited.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, saved_handler);
    }
};

} // namespace

TEST_CASE("a string is written whole, and so is content appended piece by piece")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path target = folder.path / "report.txt";
    const std::string text = "Отчёт 进度 😀\n" + numbered('a', 300000); // larger than the buffer
    REQUIRE(rapport::writeFileAtomically(target, text));
    CHECK(readAll(target) == text);
    CHECK(entries(folder.path) == std::vector<fs::path>{target});

    const fs::path pieces = folder.path / "pieces.pdf";
    auto file = rapport::AtomicFile::create(pieces);
    REQUIRE(file);
    CHECK(file.value().target() == pieces);
    std::string expected;
    for (std::size_t i = 0; i < 5000; ++i) { // small, odd-sized writes, as cairo makes
        const std::string piece = numbered(static_cast<char>('a' + i % 26), 1 + i % 97);
        CHECK(file.value().append(piece));
        expected += piece;
    }
    CHECK(file.value().append(numbered('Z', 200000))); // and one larger than the buffer
    expected += numbered('Z', 200000);
    CHECK_FALSE(fs::exists(pieces)); // nothing at the target before the commit
    REQUIRE(file.value().status());
    REQUIRE(file.value().commit());
    CHECK(readAll(pieces) == expected);
    CHECK(fs::exists(target));
    CHECK(entries(folder.path).size() == 2);

    // A second commit does nothing and says so.
    CHECK_FALSE(file.value().commit());
    CHECK(readAll(pieces) == expected);

    const fs::path empty = folder.path / "empty.md";
    REQUIRE(rapport::writeFileAtomically(empty, ""));
    CHECK(fs::is_regular_file(empty));
    CHECK(fs::file_size(empty) == 0);
}

TEST_CASE("an existing file is replaced whole and keeps its permissions")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path target = folder.path / "settings.xml";
    REQUIRE(rapport::writeFileAtomically(target, numbered('o', 100000)));
    ::chmod(target.c_str(), 0600);
    REQUIRE(rapport::writeFileAtomically(target, "short"));
    CHECK(readAll(target) == "short"); // nothing of the longer old file remains
    struct stat info {};
    REQUIRE(::stat(target.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0600);
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
}

TEST_CASE("a folder that cannot hold the file: an error naming the file, nothing written")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path blocker = folder.path / "not-a-folder";
    std::ofstream(blocker) << "a file standing where the folder should be";
    // Root may write almost anywhere, but not under a plain file; and nothing is ever renamed
    // into the kernel's file systems (/proc, /dev: as root, /dev/stdout would be replaced).
    for (const fs::path& target : {fs::path("/proc/rapport-atomic-test.txt"), blocker / "report.html",
                                   folder.path / "missing" / "report.html", folder.path / "dir" / ""}) {
        CAPTURE(target);
        const bool refusedAhead = target.string().rfind("/proc/", 0) == 0 || target.filename().empty();
        checkFailure(rapport::writeFileAtomically(target, "content"), target,
                     refusedAhead ? rapport::ErrorCode::NotAFile : rapport::ErrorCode::FileWriteFailed);
        CHECK_FALSE(fs::exists(target));
        auto file = rapport::AtomicFile::create(target);
        CHECK_FALSE(file);
    }
    CHECK(readAll(blocker) == "a file standing where the folder should be");
    CHECK(entries(folder.path) == std::vector<fs::path>{blocker});
}

TEST_CASE("a failed write leaves the old file untouched and no temporary file behind")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path target = folder.path / "report.pdf";
    const std::string old = numbered('o', 5000);
    REQUIRE(rapport::writeFileAtomically(target, old));

    SUBCASE("the disk fills up half-way through")
    {
        const FileSizeLimit limit(64 * 1024); // writes past 64 KiB fail with EFBIG
        checkFailure(rapport::writeFileAtomically(target, numbered('n', 1 << 20)), target);

        auto file = rapport::AtomicFile::create(target);
        REQUIRE(file);
        bool appended = true;
        for (int i = 0; i < 100 && appended; ++i)
            appended = file.value().append(numbered('n', 10000));
        CHECK_FALSE(appended); // the producer is told to stop ...
        CHECK_FALSE(file.value().status());
        checkFailure(file.value().commit(), target); // ... and commit() says why
    }
    SUBCASE("the writer gives up without committing")
    {
        auto file = rapport::AtomicFile::create(target);
        REQUIRE(file);
        CHECK(file.value().append(numbered('n', 300000)));
        CHECK(entries(folder.path).size() == 2); // the temporary file, beside the target
    }
    SUBCASE("a moved-from writer leaves the temporary file to its new owner")
    {
        auto file = rapport::AtomicFile::create(target);
        REQUIRE(file);
        rapport::AtomicFile moved = std::move(file).value();
        CHECK(moved.append("new"));
        rapport::AtomicFile other = std::move(moved);
        CHECK(other.append(" content"));
        CHECK(entries(folder.path).size() == 2);
    }
    CHECK(readAll(target) == old);
    CHECK(entries(folder.path) == std::vector<fs::path>{target});

    // A folder stands at the target: refused before a temporary file is even made.
    const fs::path folderTarget = folder.path / "taken";
    fs::create_directories(folderTarget / "inside");
    checkFailure(rapport::writeFileAtomically(folderTarget, "content"), folderTarget, rapport::ErrorCode::NotAFile);
    CHECK(fs::is_directory(folderTarget / "inside"));
    CHECK(entries(folder.path).size() == 2);

    // The file is finished first and put in place later: until commit(), the target keeps
    // its old content; dropped unfinished, nothing of it stays.
    {
        auto file = rapport::AtomicFile::create(target);
        REQUIRE(file);
        CHECK(file.value().append("prepared"));
        REQUIRE(file.value().finishWriting());
        CHECK(readAll(target) == old);
        CHECK(entries(folder.path).size() == 3);
    }
    CHECK(readAll(target) == old);
    CHECK(entries(folder.path).size() == 2);
    auto file = rapport::AtomicFile::create(target);
    REQUIRE(file);
    CHECK(file.value().append("prepared"));
    REQUIRE(file.value().finishWriting());
    REQUIRE(file.value().commit());
    CHECK(readAll(target) == "prepared");
}

TEST_CASE("devices, FIFOs and the kernel's file systems are never replaced")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path fifo = folder.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // /dev/stdout may resolve to a regular file (output redirected to one), but renaming
    // over it would replace the link in /dev for everyone; /proc/self/fd/1 is the same.
    for (const fs::path& target : {fifo, fs::path("/dev/null"), fs::path("/dev/stdout"), fs::path("/proc/self/fd/1")}) {
        CAPTURE(target);
        auto file = rapport::AtomicFile::create(target);
        REQUIRE_FALSE(file);
        CHECK(file.error().code == rapport::ErrorCode::NotAFile);
    }
    CHECK(fs::is_fifo(fifo));
    CHECK(fs::is_symlink("/dev/stdout"));
}

TEST_CASE("a file name at the system's length limit still gets its temporary file")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    // 255 bytes, the usual NAME_MAX, in two-byte letters: the temporary's shortened name
    // must not end in half a letter.
    const fs::path target = folder.path / (std::string(1, 'r') + [] {
        std::string name;
        for (int i = 0; i < 125; ++i)
            name += "ё";
        return name;
    }() + ".txt");
    REQUIRE(target.filename().string().size() == 255);
    REQUIRE(rapport::writeFileAtomically(target, "content"));
    CHECK(readAll(target) == "content");
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
}

TEST_CASE("concurrent writers to one target: one complete file, no leftovers, readers never see a mix")
{
    rapport::testing::TempFolder folder("rapport-atomic");
    const fs::path target = folder.path / "export.xml";
    constexpr int kWriters = 6;
    constexpr int kRounds = 15;
    std::vector<std::string> versions;
    for (int w = 0; w < kWriters; ++w)
        versions.push_back(numbered(static_cast<char>('A' + w), 150000 + static_cast<std::size_t>(w) * 1000));
    REQUIRE(rapport::writeFileAtomically(target, versions[0]));

    std::atomic<int> failures{0};
    std::atomic<int> torn{0};
    std::atomic<bool> writing{true};
    std::thread reader([&] {
        while (writing) {
            const std::string seen = readAll(target);
            if (std::find(versions.begin(), versions.end(), seen) == versions.end())
                ++torn;
        }
    });
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([&, w] {
            for (int round = 0; round < kRounds; ++round) {
                const std::string& text = versions[static_cast<std::size_t>(w)];
                auto file = rapport::AtomicFile::create(target);
                if (!file) {
                    ++failures;
                    continue;
                }
                for (std::size_t at = 0; at < text.size(); at += 4093) // interleaved, in pieces
                    file.value().append(std::string_view(text).substr(at, 4093));
                if (!file.value().commit())
                    ++failures;
            }
        });
    for (auto& writer : writers)
        writer.join();
    writing = false;
    reader.join();

    CHECK(failures == 0);
    CHECK(torn == 0);
    const std::string final = readAll(target);
    CHECK(std::find(versions.begin(), versions.end(), final) != versions.end());
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
}
