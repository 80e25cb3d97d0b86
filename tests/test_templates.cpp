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
