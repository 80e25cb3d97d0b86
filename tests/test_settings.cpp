#include "preferences.h"
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

TEST_CASE("preferences read back as written; missing, bad and out-of-range values read as the defaults")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-preferences-" + std::to_string(seed()));
    const fs::path file = dir / "settings.xml";
    auto settings = rapport::Settings::load(file);

    const rapport::Preferences defaults = rapport::readPreferences(settings);
    CHECK(defaults.language.empty());
    CHECK(defaults.reminders);
    CHECK(defaults.waiting_days == 7);
    CHECK(defaults.backups_kept == 5);

    rapport::Preferences chosen;
    chosen.language = "tr";
    chosen.reminders = false;
    chosen.waiting_days = 14;
    chosen.backups_kept = 30;
    rapport::writePreferences(settings, chosen);
    REQUIRE(settings.save());
    const rapport::Preferences read = rapport::readPreferences(rapport::Settings::load(file));
    CHECK(read.language == "tr");
    CHECK_FALSE(read.reminders);
    CHECK(read.waiting_days == 14);
    CHECK(read.backups_kept == 30);

    for (const char* bad : {"0", "366", "-3", "7 days", "", "1e3", "99999999999999999999"}) {
        settings.set("waiting_days", bad);
        settings.set("backups_kept", bad);
        CHECK_MESSAGE(rapport::readPreferences(settings).waiting_days == 7, bad);
        CHECK_MESSAGE(rapport::readPreferences(settings).backups_kept == 5, bad);
    }
    settings.set("language", "klingon");
    CHECK(rapport::readPreferences(settings).language.empty());
    settings.set("language", "zh_CN");
    CHECK(rapport::readPreferences(settings).language == "zh_CN");
    fs::remove_all(dir);
}
