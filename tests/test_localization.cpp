#include "localization.h"
#include "plural_phrases.h"

#include <boost/locale/message.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

using rapport::Language;

namespace {

const rapport::Localization& l10n() { return rapport::Localization::shared(); }

std::vector<std::string> seedLines()
{
    std::ifstream in(std::string(RAPPORT_SOURCE_DIR) + "/tests/data/tr_seed_excerpt.txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#')
            lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("language ids in every usual spelling map to the four languages")
{
    CHECK(rapport::parseLanguage("ru") == Language::Russian);
    CHECK(rapport::parseLanguage("ru_RU") == Language::Russian);
    CHECK(rapport::parseLanguage("ru_RU.UTF-8") == Language::Russian);
    CHECK(rapport::parseLanguage("tr_TR.utf8") == Language::Turkish);
    CHECK(rapport::parseLanguage("zh-CN") == Language::ChineseSimplified);
    CHECK(rapport::parseLanguage("zh_CN@stroke") == Language::ChineseSimplified);
    CHECK(rapport::parseLanguage("en_GB") == Language::English);
    CHECK_FALSE(rapport::parseLanguage("zh_TW").has_value());
    CHECK_FALSE(rapport::parseLanguage("de_DE").has_value());
    CHECK_FALSE(rapport::parseLanguage("").has_value());
}

TEST_CASE("the user's choice wins, then the host's language, then the system's, then English")
{
    CHECK(rapport::resolveLanguage("tr", "ru_RU", "zh_CN.UTF-8") == Language::Turkish);
    CHECK(rapport::resolveLanguage("", "ru_RU", "zh_CN.UTF-8") == Language::Russian);
    CHECK(rapport::resolveLanguage("", "", "zh_CN.UTF-8") == Language::ChineseSimplified);
    CHECK(rapport::resolveLanguage("klingon", "de_DE", "C") == Language::English);
    CHECK(rapport::resolveLanguage("", "", "") == Language::English);
    CHECK(rapport::resolveLanguage("xx", "tr_TR", "") == Language::Turkish);
}

TEST_CASE("creating the locales changes nothing process-wide")
{
    const std::string before = std::locale().name();
    const rapport::Localization own;
    CHECK(std::locale().name() == before);
    CHECK(std::use_facet<std::numpunct<char>>(std::locale()).decimal_point() == '.');
}

TEST_CASE("numbers, percentages and dates follow the language")
{
    CHECK(l10n().formatNumber(Language::English, 1234567) == "1,234,567");
    CHECK(l10n().formatNumber(Language::Russian, 1234567) == "1\u00a0234\u00a0567");
    CHECK(l10n().formatPercent(Language::English, 0.25) == "25%");
    CHECK(l10n().formatPercent(Language::Turkish, 0.25) == "%25");
    using namespace std::chrono;
    const sys_days day = year{2026} / November / 23;
    CHECK(l10n().formatDate(Language::English, day) == "Nov 23, 2026");
    CHECK(l10n().formatDate(Language::Russian, day).find("2026") != std::string::npos);
    CHECK(l10n().formatDate(Language::Russian, day).find("нояб") != std::string::npos);
    CHECK(l10n().formatDate(Language::ChineseSimplified, day) == "2026年11月23日");
}

TEST_CASE("lists sort with the language's collation")
{
    std::vector<std::string> names{"赵", "中", "阿", "王", "李", "张"};
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
        return l10n().collateLess(Language::ChineseSimplified, a, b);
    });
    CHECK(names == std::vector<std::string>{"阿", "李", "王", "张", "赵", "中"}); // pinyin order
    // Turkish sorts dotless ı before i; byte order would put "ı" (U+0131) after "i".
    CHECK(l10n().collateLess(Language::Turkish, "ılık", "iyi"));
    CHECK(l10n().collateLess(Language::English, "apple", "Banana"));
}

TEST_CASE("search ignores case correctly for Turkish without breaking English")
{
    const auto& text = l10n();
    CHECK(text.containsIgnoringCase(Language::Turkish, "izmir ofisi", "İZMİR"));
    CHECK(text.containsIgnoringCase(Language::Turkish, "IŞIK", "ışık"));
    CHECK(text.containsIgnoringCase(Language::Turkish, "config file", "FILE")); // English words in a Turkish UI
    CHECK(text.containsIgnoringCase(Language::English, "config file", "FILE"));
    CHECK(text.containsIgnoringCase(Language::English, "İzmir", "izmir"));
    CHECK_FALSE(text.containsIgnoringCase(Language::Turkish, "kitap", "kalem"));
    CHECK(text.containsIgnoringCase(Language::Russian, "Договор подписан", "ДОГОВОР"));

    const auto lines = seedLines();
    REQUIRE(lines.size() == 3);
    // "Müşteri İlişkileri Yönetimi" is found by its lower-case Turkish spelling.
    CHECK(text.containsIgnoringCase(Language::Turkish, lines[0], "müşteri ilişkileri"));
    CHECK(text.containsIgnoringCase(Language::Turkish, lines[1], "KIZGIN MÜŞTERİ"));
    // The article's "i̇şler" (i + U+0307, an İ lower-cased by a non-Turkish rule) is found as "İşler".
    REQUIRE(lines[2].rfind("i\xCC\x87" "şler", 0) == 0);
    CHECK(text.containsIgnoringCase(Language::Turkish, lines[2], "İşler kötü"));
    CHECK(text.containsIgnoringCase(Language::Turkish, lines[2], "işler"));
    CHECK(text.containsIgnoringCase(Language::English, lines[2], "İŞLER"));
}

TEST_CASE("two languages translate side by side through explicit locales")
{
    const auto& en = l10n().locale(Language::English);
    const auto& ru = l10n().locale(Language::Russian);
    const auto& zh = l10n().locale(Language::ChineseSimplified);
    CHECK(boost::locale::translate("Attach checklist").str(en) == "Attach checklist");
    CHECK(boost::locale::translate("Attach checklist").str(ru) == "Прикрепить чек-лист");
    CHECK(boost::locale::translate("Attach checklist").str(zh) == "附加清单");
    // Template strings are translated under their template's context.
    CHECK(boost::locale::translate("template:kickoff", "Confirm the budget").str(ru) == "Подтвердите бюджет");
    CHECK(std::locale().name() == std::locale::classic().name());
}

TEST_CASE("Russian plurals follow the catalogue's rules")
{
    const auto& ru = l10n().locale(Language::Russian);
    const std::pair<std::size_t, const char*> expected[] = {
        {0, "0 пунктов"},   {1, "1 пункт"},     {2, "2 пункта"},     {5, "5 пунктов"},    {11, "11 пунктов"},
        {21, "21 пункт"},   {22, "22 пункта"},  {25, "25 пунктов"},  {101, "101 пункт"},  {111, "111 пунктов"},
    };
    for (const auto& [n, phrase] : expected)
        CHECK_MESSAGE(rapport::itemsCountPhrase(n, ru) == phrase, n);
    const auto& tr = l10n().locale(Language::Turkish);
    CHECK(rapport::itemsCountPhrase(1, tr) == "1 madde");
    CHECK(rapport::itemsCountPhrase(2, tr) == "2 madde");
    const auto& zh = l10n().locale(Language::ChineseSimplified);
    CHECK(rapport::itemsCountPhrase(1, zh) == "1 项");
    CHECK(rapport::itemsCountPhrase(2, zh) == "2 项");
    CHECK(rapport::itemsCountPhrase(2, l10n().locale(Language::English)) == "2 items");
}

TEST_CASE("the languages are locales/LINGUAS's, each with its name in itself from its own catalogue")
{
    std::ifstream linguas(std::string(RAPPORT_SOURCE_DIR) + "/locales/LINGUAS");
    REQUIRE(linguas);
    std::vector<std::string> listed{"en"};
    for (std::string line; std::getline(linguas, line);) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        for (std::string code; words >> code;)
            listed.push_back(code);
    }
    std::vector<std::string> known;
    for (const Language language : rapport::kLanguages)
        known.emplace_back(rapport::languageCode(language));
    CHECK(known == listed);
    for (const Language language : rapport::kLanguages) {
        CHECK(rapport::parseLanguage(rapport::languageCode(language)) == language);
        CHECK(rapport::parseLanguage(std::string(rapport::languageCode(language)) + ".UTF-8") == language);
        if (language != Language::English)
            CHECK_MESSAGE(rapport::nativeLanguageName(language) != "English",
                          rapport::languageCode(language) << ".po lacks its name (context \"language name\")");
    }
    CHECK(rapport::nativeLanguageName(Language::Russian) == "Русский");
    CHECK(rapport::nativeLanguageName(Language::ChineseSimplified) == "简体中文");
}
