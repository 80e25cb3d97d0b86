#include "template_library.h"

#include <doctest/doctest.h>

TEST_CASE("bundled templates load without errors")
{
    const auto library = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder()});
    CHECK(library.errors().empty());
    REQUIRE(library.find("kickoff") != nullptr);
    CHECK(library.findItem("kickoff", "scope-in-out") != nullptr);
}

TEST_CASE("a malformed template reports file, line and column")
{
    rapport::ChecklistTemplate parsed;
    rapport::TemplateLoadError error;
    const char* xml = "<?xml version=\"1.0\"?>\n<rapport-template format=\"1\" key=\"x\">\n  <title>T</title\n";
    CHECK_FALSE(rapport::TemplateLibrary::parse(xml, "bad.xml", parsed, error));
    CHECK(error.line == 3);
    CHECK(error.description().find("bad.xml:3:") == 0);
}

TEST_CASE("an unknown format version is refused")
{
    rapport::ChecklistTemplate parsed;
    rapport::TemplateLoadError error;
    const char* xml = "<rapport-template format=\"9\" key=\"x\"><title>T</title></rapport-template>";
    CHECK_FALSE(rapport::TemplateLibrary::parse(xml, "new.xml", parsed, error));
    CHECK(error.what.find("unsupported format version") != std::string::npos);
}

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// A fresh, empty folder under the system's temporary folder.
fs::path freshFolder(const std::string& name)
{
    const fs::path folder = fs::temp_directory_path() / ("rapport-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void writeFile(const fs::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

// Scoped environment variable, restored on exit.
struct EnvVar {
    std::string name;
    std::string old;
    bool had = false;
    EnvVar(std::string n, const char* value) : name(std::move(n))
    {
        if (const char* v = std::getenv(name.c_str())) {
            had = true;
            old = v;
        }
        if (value)
            ::setenv(name.c_str(), value, 1);
        else
            ::unsetenv(name.c_str());
    }
    ~EnvVar()
    {
        if (had)
            ::setenv(name.c_str(), old.c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

} // namespace

TEST_CASE("the four bundled templates load, each item with title, description and why")
{
    const auto library = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder()});
    for (const auto& error : library.errors())
        FAIL_CHECK(error.description());
    for (const char* key : {"kickoff", "during", "recovery", "handover"}) {
        const auto* found = library.find(key);
        REQUIRE_MESSAGE(found != nullptr, key);
        CHECK(!found->description.empty());
        for (const auto& section : found->sections) {
            for (const auto& item : section.items) {
                CHECK_MESSAGE(!item.description.empty(), item.key);
                CHECK_MESSAGE(!item.why.empty(), item.key);
            }
        }
    }
    for (const char* item : {"scope-in-out", "deadlines", "budget", "payment-terms", "tech-spec", "delivery-format",
                             "communication-plan", "update-rhythm", "revision-limit", "signed-agreement", "smart-goals"})
        CHECK_MESSAGE(library.findItem("kickoff", item) != nullptr, item);
    CHECK(library.findItem("kickoff", "scope-in-out")->title == "Write down what is in scope and what is not");
}

TEST_CASE("bad files are reported with file, line, column and what; the others still load")
{
    const fs::path user = freshFolder("templates");
    writeFile(user / "broken.xml", "<?xml version=\"1.0\"?>\n<rapport-template format=\"1\" key=\"broken\">\n"
                                   "  <title>Broken</title>\n  <section key=\"s\"><title>S</title>\n"
                                   "    <item key=\"a\"><title>A</title></itm>\n");
    writeFile(user / "future.xml", "<?xml version=\"1.0\"?>\n\n  <rapport-template format=\"2\" key=\"future\">"
                                   "<title>F</title></rapport-template>\n");
    writeFile(user / "mine.xml", "<rapport-template format=\"1\" key=\"mine\"><title>Mine</title>"
                                 "<section key=\"s\"><title>S</title><item key=\"a\"><title>A</title></item></section>"
                                 "</rapport-template>");
    const auto library = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder(), user});
    REQUIRE(library.errors().size() == 2);
    const auto& broken = library.errors()[0];
    CHECK(broken.file == user / "broken.xml");
    CHECK(broken.line == 5);
    CHECK(broken.column > 1);
    CHECK(!broken.what.empty());
    CHECK(broken.description().find((user / "broken.xml").string() + ":5:") == 0);
    const auto& future = library.errors()[1];
    CHECK(future.file == user / "future.xml");
    CHECK(future.line == 3);
    CHECK(future.column == 3);
    CHECK(future.what.find("unsupported format version \"2\"") != std::string::npos);
    CHECK(library.find("mine") != nullptr);
    for (const char* key : {"kickoff", "during", "recovery", "handover"})
        CHECK(library.find(key) != nullptr);
    fs::remove_all(user);
}

TEST_CASE("a user's template overrides a bundled one with the same key")
{
    const fs::path user = freshFolder("override");
    writeFile(user / "kickoff.xml", "<rapport-template format=\"1\" key=\"kickoff\"><title>My kickoff</title>"
                                    "<section key=\"s\"><title>S</title><item key=\"a\"><title>A</title></item>"
                                    "</section></rapport-template>");
    const auto library = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder(), user});
    CHECK(library.errors().empty());
    REQUIRE(library.find("kickoff") != nullptr);
    CHECK(library.find("kickoff")->title == "My kickoff");
    fs::remove_all(user);
}

TEST_CASE("userTemplateFolder follows RAPPORT_DATA_DIR, then XDG_DATA_HOME, then HOME")
{
    EnvVar home("HOME", "/home/someone");
    {
        EnvVar data("RAPPORT_DATA_DIR", "/data/rapport");
        EnvVar xdg("XDG_DATA_HOME", "/xdg");
        CHECK(rapport::userTemplateFolder() == fs::path("/data/rapport/templates"));
    }
    {
        EnvVar data("RAPPORT_DATA_DIR", nullptr);
        EnvVar xdg("XDG_DATA_HOME", "/xdg");
        CHECK(rapport::userTemplateFolder() == fs::path("/xdg/rapport/templates"));
    }
    {
        EnvVar data("RAPPORT_DATA_DIR", nullptr);
        EnvVar xdg("XDG_DATA_HOME", nullptr);
        CHECK(rapport::userTemplateFolder() == fs::path("/home/someone/.local/share/rapport/templates"));
        const auto folders = rapport::defaultTemplateFolders();
        REQUIRE(!folders.empty());
        CHECK(folders.back() == rapport::userTemplateFolder());
    }
}

TEST_CASE("a template's text follows the same rules as every edge: UTF-8, no controls, sane lengths")
{
    const auto parse = [](const std::string& title, const std::string& why) {
        rapport::ChecklistTemplate parsed;
        rapport::TemplateLoadError error;
        const std::string xml = "<rapport-template format=\"1\" key=\"t\"><title>Template</title>\n"
                                "<section key=\"s\"><title>Section</title>\n"
                                "<item key=\"i\"><title>" + title + "</title><why>" + why + "</why></item>"
                                "</section></rapport-template>";
        const bool ok = rapport::TemplateLibrary::parse(xml, "t.xml", parsed, error);
        return ok ? std::string() : error.description();
    };
    CHECK(parse("Agree the scope", "It matters.").empty());
    CHECK(parse("caf\xe9", "").find("t.xml:3:") == 0);
    CHECK(parse("caf\xe9", "").find("not valid UTF-8") != std::string::npos);
    CHECK(parse("\x1b[31mred", "").find("control character U+001B") != std::string::npos);
    CHECK(parse(std::string(2001, 't'), "").find("too long") != std::string::npos);
    CHECK(parse("Fine", std::string(20001, 'w')).find("too long") != std::string::npos);
}
