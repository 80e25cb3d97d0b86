// Dates as each interface language writes them, read back from what a user types, and
// the line breaking the sidebar wraps its texts with.
#include "date_text.h"
#include "line_breaking.h"

#include <doctest/doctest.h>

#include <boost/locale/encoding_utf.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <tuple>

using namespace rapport;

namespace {

std::string formatted(Language language, int y, unsigned m, unsigned d)
{
    return Localization::shared().formatDate(
        language, std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}});
}

} // namespace

TEST_CASE("a date is read back in ISO form and in each language's own forms")
{
    for (const Language language : kLanguages) {
        INFO(languageCode(language));
        CHECK(parseDateText(language, "2026-11-23") == std::optional<std::string>("2026-11-23"));
        CHECK(parseDateText(language, " 2024-02-29 ") == std::optional<std::string>("2024-02-29"));
        CHECK_FALSE(parseDateText(language, "2023-02-29"));
        CHECK_FALSE(parseDateText(language, "tomorrow"));
        CHECK_FALSE(parseDateText(language, ""));
        // What the sidebar shows is what it reads: every date round-trips.
        for (const auto& [y, m, d] : {std::tuple{2026, 11u, 23u}, std::tuple{2024, 1u, 5u}, std::tuple{2030, 12u, 31u}}) {
            const std::string shown = formatted(language, y, m, d);
            char iso[16];
            std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, m, d);
            CHECK_MESSAGE(parseDateText(language, shown) == std::optional<std::string>(iso), shown);
        }
    }
    CHECK(parseDateText(Language::Russian, "23.11.2026") == std::optional<std::string>("2026-11-23"));
    CHECK(parseDateText(Language::Turkish, "23.11.2026") == std::optional<std::string>("2026-11-23"));
    CHECK(parseDateText(Language::English, "11/23/26") == std::optional<std::string>("2026-11-23"));
    CHECK(parseDateText(Language::ChineseSimplified, "2026/11/23") == std::optional<std::string>("2026-11-23"));
}

TEST_CASE("the C locale's format is not what the sidebar shows")
{
    CHECK(formatted(Language::Russian, 2026, 11, 23).find("11/23") == std::string::npos);
    CHECK(formatted(Language::Russian, 2026, 11, 23).find("нояб") != std::string::npos);
    CHECK(formatted(Language::ChineseSimplified, 2026, 11, 23).find("年") != std::string::npos);
}

TEST_CASE("a calendar's month title and weekdays are the language's")
{
    CHECK(monthTitle(Language::English, 2026, 11) == "November 2026");
    CHECK(monthTitle(Language::Russian, 2026, 11).find("ноябрь") == 0); // nominative, not «ноября»
    CHECK(monthTitle(Language::Turkish, 2026, 11).find("Kasım") == 0);
    CHECK(monthTitle(Language::ChineseSimplified, 2026, 11).find("2026年11月") == 0);
    const WeekNames en = weekNames(Language::English);
    CHECK(en.first_weekday == 0); // Sunday in the US
    CHECK(en.names[0] == "Su"); // the short form a calendar grid uses
    const WeekNames ru = weekNames(Language::Russian);
    CHECK(ru.first_weekday == 1); // Monday
    CHECK(ru.names[0] == "пн");
    const WeekNames zh = weekNames(Language::ChineseSimplified);
    CHECK(zh.names[0].find("周") == 0);
}

TEST_CASE("line breaks follow Unicode's rules: CJK between characters, never at a no-break space")
{
    const std::u32string latin = U"Done: 3 · Open: 5";
    const auto breaks = lineBreaksBefore(latin);
    REQUIRE(breaks.size() == latin.size());
    CHECK_FALSE(breaks[0]);
    CHECK(breaks[6]);        // before "3", after the space
    CHECK_FALSE(breaks[2]);  // inside "Done"
    const std::u32string chinese = U"已完成：3，未完成。";
    const auto cjk = lineBreaksBefore(chinese);
    CHECK(cjk[1]);           // between two ideographs
    CHECK_FALSE(cjk[3]);     // never before "："
    CHECK_FALSE(cjk[9]);     // never before "。"
    const std::u32string joined = U"a\u00A0b";
    CHECK_FALSE(lineBreaksBefore(joined)[2]);
}

TEST_CASE("a header line keeps each label with its value and never starts a line with a dot")
{
    const std::string nbsp = "\xC2\xA0";
    CHECK(keepLabelsWithValues("Done: 3 · Open: 5") == "Done:" + nbsp + "3" + nbsp + "· Open:" + nbsp + "5");
    CHECK(keepLabelsWithValues("Revisions: 1 of 3") == "Revisions:" + nbsp + "1" + nbsp + "of" + nbsp + "3");
    // A label of several words may still break between its words.
    CHECK(keepLabelsWithValues("Waiting on client: 2") == "Waiting on client:" + nbsp + "2");
    const std::string joiner = "\u2060";
    const std::string j = joiner;
    CHECK(keepLabelsWithValues("已完成：3 · 进行中：5") ==
          "已" + j + "完" + j + "成" + j + "：" + j + "3" + nbsp + "· 进" + j + "行" + j + "中" + j + "：" + j + "5");
    // A part without spaces stays whole: no break inside "项目截止：2027年3月31日"...
    const std::string deadline = keepLabelsWithValues("项目截止：2027年3月31日 · 等待客户：0");
    const std::u32string decoded = boost::locale::conv::utf_to_utf<char32_t>(deadline);
    const auto breaks = lineBreaksBefore(decoded);
    const std::size_t colon = decoded.find(U'：');
    const std::size_t dot = decoded.find(U'·');
    REQUIRE(colon < dot);
    CHECK(std::count(breaks.begin(), breaks.begin() + static_cast<std::ptrdiff_t>(dot), true) == 0);
    // ...while a line may break before the next part.
    CHECK(breaks[dot + 2]);
}
