// Where a report or an export may be written (output_path.h): never over the store, its
// companions, backups, settings or a document with a checklist — whatever the spelling:
// a symbolic link, "..", a hard link — never over a folder, a device or a FIFO; an
// ordinary file the user named may be replaced. And what import may read.
#include "output_path.h"

#include "store.h"
#include "temp_folder.h"
#include "text_rules.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using rapport::ErrorCode;

namespace {

ErrorCode refusal(const fs::path& target, const rapport::ProtectedPaths& paths)
{
    const rapport::Status checked = rapport::checkOutputPath(target, paths);
    REQUIRE_FALSE(checked);
    CHECK(checked.error().subject == target.string());
    return checked.error().code;
}

} // namespace

TEST_CASE("Rapport's own data and the documents with a checklist are never an output, however they are named")
{
    rapport::testing::TempFolder temp("rapport-output");
    const fs::path data = temp.path / "data";
    const fs::path store = data / "rapport.sqlite3";
    const fs::path doc = temp.path / "brief.md";
    std::ofstream(doc) << "brief";
    {
        auto opened = rapport::Store::open(store);
        REQUIRE(opened);
        REQUIRE(opened.value().attach(doc.string(), "", {{"", "", "item", ""}}));
        auto paths = rapport::protectedPathsOf(opened.value());
        REQUIRE(paths);
        CHECK(paths.value().documents == std::vector<std::string>{doc.string()});
    }
    auto reopened = rapport::Store::open(store);
    REQUIRE(reopened);
    const rapport::ProtectedPaths paths = rapport::protectedPathsOf(reopened.value()).value();
    fs::create_directories(data / "backups");
    std::ofstream(data / "backups" / "rapport-20260101-000000-000.sqlite3") << "a backup";
    fs::create_symlink(store, temp.path / "store-link");
    fs::create_directory_symlink(data, temp.path / "data-link");
    fs::create_symlink(doc, temp.path / "doc-link");
    fs::create_directories(temp.path / "sub");
    REQUIRE(::link(store.c_str(), (temp.path / "hard").c_str()) == 0);
    REQUIRE(::link(doc.c_str(), (temp.path / "hard-doc").c_str()) == 0);

    for (const fs::path& own : {store, fs::path(store.string() + "-wal"), fs::path(store.string() + "-shm"),
                                fs::path(store.string() + "-journal"), data / "settings.xml", data / "backups",
                                data / "backups" / "rapport-20260101-000000-000.sqlite3", data / "backups" / "new.html",
                                temp.path / "store-link", temp.path / "data-link" / "rapport.sqlite3",
                                temp.path / "sub" / ".." / "data" / "rapport.sqlite3", temp.path / "hard",
                                fs::path(data.string() + "/./rapport.sqlite3")}) {
        CAPTURE(own);
        CHECK(refusal(own, paths) == ErrorCode::OutputIsRapportData);
    }
    for (const fs::path& document : {doc, temp.path / "doc-link", temp.path / "sub" / ".." / "brief.md", temp.path / "hard-doc"}) {
        CAPTURE(document);
        CHECK(refusal(document, paths) == ErrorCode::OutputIsDocument);
    }
    // A relative spelling, from inside the folder.
    const fs::path here = fs::current_path();
    fs::current_path(temp.path);
    CHECK(refusal("data/rapport.sqlite3", paths) == ErrorCode::OutputIsRapportData);
    CHECK(refusal("brief.md", paths) == ErrorCode::OutputIsDocument);
    CHECK(rapport::checkOutputPath("report.html", paths));
    fs::current_path(here);
}

TEST_CASE("folders, devices, FIFOs and the kernel's file systems are refused by what they are")
{
    rapport::testing::TempFolder temp("rapport-output");
    const rapport::ProtectedPaths none;
    REQUIRE(::mkfifo((temp.path / "pipe").c_str(), 0600) == 0);
    const auto kind = [&](const fs::path& target) {
        const rapport::Status checked = rapport::checkOutputPath(target, none);
        REQUIRE_FALSE(checked);
        CHECK(checked.error().code == ErrorCode::NotAFile);
        return checked.error().detail;
    };
    CHECK(kind(temp.path) == "folder");
    CHECK(kind(temp.path / "pipe") == "fifo");
    CHECK(kind("/dev/null") == "device");
    CHECK(kind("/dev/stdout") == "device"); // whatever standard output is now
    CHECK(kind("/proc/self/fd/1") == "device");
    CHECK(kind("") == "folder");
    CHECK(rapport::Error{ErrorCode::NotAFile, "/dev/null", "device"}.description() ==
          "/dev/null is a device, not a file. Name a file instead.");
}

TEST_CASE("an ordinary file the user named may be written, new or existing, but only in a folder that exists")
{
    rapport::testing::TempFolder temp("rapport-output");
    const rapport::ProtectedPaths paths = rapport::rapportDataPaths(temp.path / "data" / "rapport.sqlite3");
    std::ofstream(temp.path / "old.html") << "old";
    CHECK(rapport::checkOutputPath(temp.path / "old.html", paths));
    CHECK(rapport::checkOutputPath(temp.path / "new.html", paths));
    fs::create_symlink(temp.path / "gone.html", temp.path / "dangling"); // replaced, not followed
    CHECK(rapport::checkOutputPath(temp.path / "dangling", paths));
    const rapport::Status missing = rapport::checkOutputPath(temp.path / "missing" / "r.html", paths);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::FileWriteFailed);
}

TEST_CASE("import reads only a file of a sane size")
{
    rapport::testing::TempFolder temp("rapport-output");
    const fs::path small = temp.path / "small.xml";
    std::ofstream(small) << "<x/>";
    CHECK(rapport::checkInputFile(small, rapport::kMaxImportBytes));
    CHECK(rapport::checkInputFile(temp.path, 100).error().code == ErrorCode::NotAFile);
    CHECK(rapport::checkInputFile("/dev/zero", 100).error().detail == "device");
    CHECK(rapport::checkInputFile(temp.path / "nowhere.xml", 100).error().code == ErrorCode::FileReadFailed);
    const fs::path big = temp.path / "big.xml";
    std::ofstream(big) << "";
    fs::resize_file(big, 3u * 1024u * 1024u);
    const rapport::Status tooBig = rapport::checkInputFile(big, 2u * 1024u * 1024u);
    REQUIRE_FALSE(tooBig);
    CHECK(tooBig.error().code == ErrorCode::FileTooLarge);
    CHECK(tooBig.error().description().find("larger than 2 MB") != std::string::npos);
}
