#include "store.h"

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using TempDir = rapport::testing::TempFolder;

namespace {

std::vector<rapport::NewItem> threeItems()
{
    return {{"kickoff", "scope-in-out", {}, "scope"}, {"kickoff", "deadlines", {}, "scope"},
            {{}, {}, "Call the client on Friday", "own"}};
}

} // namespace

TEST_CASE("a new store opens, attaches a checklist and reads it back")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "nested" / "rapport.sqlite3");
    REQUIRE_MESSAGE(store, (store ? "" : store.error().description()));

    auto none = store.value().checklistFor("/docs/brief.md");
    REQUIRE(none);
    CHECK_FALSE(none.value().has_value());

    auto attached = store.value().attach("/docs/brief.md", "kickoff", threeItems());
    REQUIRE(attached);
    REQUIRE(attached.value().items.size() == 3);
    CHECK(attached.value().items[0].item_key == "scope-in-out");
    CHECK(attached.value().items[2].custom_text == "Call the client on Friday");
    CHECK_FALSE(attached.value().items[1].done);
}

TEST_CASE("a tick survives closing and reopening the store")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    std::int64_t documentId = 0, itemId = 0;
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        auto attached = store.value().attach("/docs/Договор.txt", "kickoff", threeItems());
        REQUIRE(attached);
        documentId = attached.value().document_id;
        itemId = attached.value().items[1].id;
        REQUIRE(store.value().setDone(documentId, itemId, true));
    }
    auto reopened = rapport::Store::open(file);
    REQUIRE(reopened);
    auto checklist = reopened.value().checklistFor("/docs/Договор.txt");
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    const auto& items = checklist.value()->items;
    CHECK_FALSE(items[0].done);
    CHECK(items[1].done);
    CHECK_FALSE(items[2].done);

    SUBCASE("unticking is stored too")
    {
        REQUIRE(reopened.value().setDone(documentId, itemId, false));
        auto again = reopened.value().checklistFor("/docs/Договор.txt");
        REQUIRE(again);
        CHECK_FALSE(again.value()->items[1].done);
    }
}

TEST_CASE("attaching twice to one document is refused and changes nothing")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "rapport.sqlite3");
    REQUIRE(store);
    REQUIRE(store.value().attach("/docs/a.md", "kickoff", threeItems()));
    auto second = store.value().attach("/docs/a.md", "kickoff", {{"kickoff", "budget", {}, "money"}});
    CHECK_FALSE(second);
    auto checklist = store.value().checklistFor("/docs/a.md");
    REQUIRE(checklist);
    CHECK(checklist.value()->items.size() == 3);
}

TEST_CASE("ticking an unknown item is an error, not a silent success")
{
    TempDir dir;
    auto store = rapport::Store::open(dir.path / "rapport.sqlite3");
    REQUIRE(store);
    auto attached = store.value().attach("/docs/a.md", "kickoff", threeItems());
    REQUIRE(attached);
    const auto status = store.value().setDone(attached.value().document_id, 999, true);
    REQUIRE_FALSE(status);
    CHECK(status.error().code == rapport::ErrorCode::ItemUnknown);
}

TEST_CASE("a folder that cannot be created gives a clear error")
{
    TempDir dir;
    // A regular file where a folder should be: fails for every user, root included.
    const fs::path blocker = dir.path / "not-a-folder";
    std::ofstream(blocker) << "x";
    auto store = rapport::Store::open(blocker / "rapport" / "rapport.sqlite3");
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreCannotCreateDirectory);
    const std::string message = store.error().description();
    CHECK(message.find("cannot create the folder") != std::string::npos);
    CHECK(message.find((blocker / "rapport").string()) != std::string::npos);
}

TEST_CASE("an unwritable folder gives a clear error")
{
    // /proc refuses new files even to root, so this holds however the tests are run.
    auto store = rapport::Store::open("/proc/rapport.sqlite3");
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreCannotOpen);
    CHECK(store.error().description().find("/proc/rapport.sqlite3") != std::string::npos);
}

TEST_CASE("a file that is not a store is reported as damaged and left untouched")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    const std::string junk(8192, 'J');
    std::ofstream(file, std::ios::binary) << junk;
    auto store = rapport::Store::open(file);
    REQUIRE_FALSE(store);
    CHECK(store.error().code == rapport::ErrorCode::StoreDamaged);
    std::ifstream in(file, std::ios::binary);
    const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == junk);
}

TEST_CASE("document paths are canonicalised")
{
    TempDir dir;
    fs::create_directories(dir.path / "real");
    std::ofstream(dir.path / "real" / "笔记.md") << "x";
    fs::create_symlink(dir.path / "real", dir.path / "link");
    const std::string expected = (fs::canonical(dir.path) / "real" / "笔记.md").string();
    CHECK(rapport::canonicalDocumentPath((dir.path / "link" / "笔记.md").string()) == expected);
    CHECK(rapport::canonicalDocumentPath((dir.path / "real" / ".." / "real" / "笔记.md").string()) == expected);
    CHECK(rapport::canonicalDocumentPath((dir.path / "real" / "").string()) == (fs::canonical(dir.path) / "real").string());
}

TEST_CASE("reports are kept per document, newest first, recorded in the history, and survive reopening")
{
    TempDir dir;
    const fs::path file = dir.path / "rapport.sqlite3";
    std::int64_t documentId = 0;
    {
        auto store = rapport::Store::open(file);
        REQUIRE(store);
        auto attached = store.value().attach("/docs/a.md", "kickoff", threeItems());
        REQUIRE(attached);
        documentId = attached.value().document_id;
        REQUIRE(store.value().attach("/docs/b.md", "kickoff", threeItems()));

        CHECK(store.value().saveReport(documentId, {0, 1000, "ru", "html", "<first/>"}).value() == 1);
        CHECK(store.value().saveReport(documentId, {0, 2000, "zh_CN", "md", "<second> 合同 </second>"}).value() == 2);
        CHECK(store.value().saveReport(documentId + 1, {0, 3000, "en", "txt", "<other/>"}).value() == 1);
        // Refused: unknown document, missing language.
        auto unknown = store.value().saveReport(999, {0, 1, "en", "html", "<x/>"});
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == rapport::ErrorCode::DocumentUnknown);
        CHECK_FALSE(store.value().saveReport(documentId, {0, 1, "", "html", "<x/>"}));
    }
    auto store = rapport::Store::open(file);
    REQUIRE(store);
    const auto reports = store.value().reports(documentId);
    REQUIRE(reports);
    REQUIRE(reports.value().size() == 2);
    CHECK(reports.value()[0].id == 2);
    CHECK(reports.value()[0].made_at == 2000);
    CHECK(reports.value()[0].language_code == "zh_CN");
    CHECK(reports.value()[0].format == "md");
    CHECK(reports.value()[0].content_xml == "<second> 合同 </second>");
    CHECK(reports.value()[1].id == 1);
    CHECK(store.value().lastReportLanguage(documentId).value() == std::optional<std::string>("zh_CN"));
    const auto history = store.value().history(documentId).value();
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().field == "report");
    CHECK(history.back().new_value == "2 md zh_CN");
    CHECK(history.back().at == 2000);
}
