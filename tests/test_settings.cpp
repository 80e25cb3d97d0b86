#include "settings.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

namespace fs = std::filesystem;

TEST_CASE("settings survive a save and a load, and a damaged file is kept aside")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-settings-" + std::to_string(seed()));
    const fs::path file = dir / "settings.xml";

    auto fresh = rapport::Settings::load(file);
    CHECK(fresh.get("language", "none") == "none");
    fresh.set("language", "zh_CN");
    fresh.set("note", "Ünïcödé & <xml>");
    REQUIRE(fresh.save());
    // Written through the atomic writer: nothing but the file itself is left in the folder.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

    const auto loaded = rapport::Settings::load(file);
    CHECK(loaded.get("language") == "zh_CN");
    CHECK(loaded.get("note") == "Ünïcödé & <xml>");

    CHECK(rapport::Settings::peek(file).get("language") == "zh_CN");
    std::ofstream(file, std::ios::trunc) << "<rapport-settings><setting key=";
    // A reader that must not write leaves the damaged file where it is.
    CHECK(rapport::Settings::peek(file).get("language", "en") == "en");
    CHECK(fs::exists(file));
    CHECK_FALSE(fs::exists(dir / "settings.xml.damaged"));
    const auto damaged = rapport::Settings::load(file);
    CHECK(damaged.get("language", "en") == "en");
    CHECK(fs::exists(dir / "settings.xml.damaged"));
    fs::remove_all(dir);
}
