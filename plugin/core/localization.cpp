#include "localization.h"

#include "install_paths.h"

#include <mutex>

#include <boost/locale.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <sstream>


namespace rapport {

namespace bl = boost::locale;

namespace {

std::size_t indexOf(Language language) { return language.index(); }

std::string lowerAscii(std::string_view text)
{
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

// "i" followed by U+0307 COMBINING DOT ABOVE is what a non-Turkish lower-casing makes
// of "İ": drop the dot so the word matches its correctly spelled form.
void dropDotAfterI(std::string& text)
{
    static const std::string dotAbove = "\xCC\x87";
    for (std::size_t at = text.find(dotAbove); at != std::string::npos; at = text.find(dotAbove, at)) {
        if (at > 0 && (text[at - 1] == 'i' || text[at - 1] == 'I'))
            text.erase(at, dotAbove.size());
        else
            at += dotAbove.size();
    }
}

} // namespace

std::string_view languageCode(Language language) { return kLanguageCodes[indexOf(language)]; }

std::string nativeLanguageName(Language language)
{
    if (language == Language::English)
        return "English";
    // TRANSLATORS: the name of your language in your language ("Русский", "Türkçe", "简体中文"),
    // as the language menus show it.
    return bl::translate("language name", "English").str(Localization::shared().locale(language));
}

std::string icuLocaleId(Language language) { return std::string(languageCode(language)) + ".UTF-8"; }

std::optional<Language> parseLanguage(std::string_view id)
{
    // Keep the language and the region, drop encoding and modifier: "zh-CN.UTF-8@x" -> "zh_cn".
    std::string normal = lowerAscii(id.substr(0, id.find_first_of(".@")));
    std::replace(normal.begin(), normal.end(), '-', '_');
    const std::string languagePart = normal.substr(0, normal.find('_'));
    const std::string region = normal.size() > languagePart.size() + 1 ? normal.substr(languagePart.size() + 1) : "";
    // Chinese: Simplified only where it is written (Taiwan and Hong Kong write Traditional).
    if (languagePart == "zh" && !(region.empty() || region == "cn" || region == "sg" || region.rfind("hans", 0) == 0))
        return std::nullopt;
    // An exact match of language and region first ("pt_br"), then the language alone ("ru" for "ru_UA").
    std::optional<Language> sameLanguage;
    for (const Language language : kLanguages) {
        const std::string code = lowerAscii(languageCode(language));
        if (code == normal)
            return language;
        if (!sameLanguage && code.substr(0, code.find('_')) == languagePart)
            sameLanguage = language;
    }
    return sameLanguage;
}

std::optional<Language> languageWithExactCode(std::string_view code)
{
    for (std::size_t i = 0; i < kLanguageCodes.size(); ++i)
        if (kLanguageCodes[i] == code)
            return Language::atIndex(i);
    return std::nullopt;
}

std::string languageCodeList()
{
    std::string list;
    for (const std::string_view code : kLanguageCodes)
        list.append(list.empty() ? "" : ", ").append(code);
    return list;
}

Language resolveLanguage(std::string_view user_choice, std::string_view host_language, std::string_view system_language)
{
    for (std::string_view candidate : {user_choice, host_language, system_language}) {
        if (candidate.empty() || candidate == "C" || candidate == "POSIX")
            continue;
        if (auto language = parseLanguage(candidate))
            return *language;
    }
    return Language::English;
}

std::string systemLanguage()
{
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* value = std::getenv(variable); value && *value)
            return value;
    }
    return {};
}

std::filesystem::path bundledLocaleFolder()
{
    if (const char* folder = std::getenv("RAPPORT_LOCALE_DIR"); folder && *folder)
        return folder;
    const std::filesystem::path data = bundledDataFolder();
    return data.empty() ? data : data / "locale";
}

Localization::Localization(const std::filesystem::path& catalogue_folder)
    : generator_(std::make_unique<bl::generator>([] {
          // ICU explicitly: the posix and std backends fall back to the C locale silently.
          bl::localization_backend_manager backends = bl::localization_backend_manager::global();
          backends.select("icu");
          return backends;
      }()))
{
    if (!catalogue_folder.empty())
        generator_->add_messages_path(catalogue_folder.string());
    generator_->add_messages_domain("rapport");
}

Localization::~Localization() = default;

const Localization& Localization::shared()
{
    static const Localization instance;
    return instance;
}

const std::locale& Localization::locale(Language language) const
{
    // Made on first use: a user who never opens Chinese never pays for its ICU data
    // (collation, calendars), which inside a host is memory the editor keeps.
    const std::size_t index = indexOf(language);
    std::call_once(made_[index], [&] { locales_[index] = generator_->generate(std::string(icuLocaleId(language))); });
    return locales_[index];
}

std::string Localization::formatDate(Language language, std::chrono::sys_days day) const
{
    std::ostringstream out;
    out.imbue(locale(language));
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count();
    // A calendar date has no time zone: format it in UTC so it never shifts by a day.
    out << bl::as::date << bl::as::date_medium << bl::as::time_zone("UTC") << static_cast<double>(seconds);
    return out.str();
}

std::string Localization::formatNumber(Language language, double value) const
{
    std::ostringstream out;
    out.imbue(locale(language));
    out << bl::as::number << value;
    return out.str();
}

std::string Localization::formatPercent(Language language, double fraction) const
{
    std::ostringstream out;
    out.imbue(locale(language));
    out << bl::as::percent << fraction;
    return out.str();
}

bool Localization::collateLess(Language language, std::string_view a, std::string_view b) const
{
    const auto& collator = std::use_facet<bl::collator<char>>(locale(language));
    return collator.compare(bl::collator_base::tertiary, a.data(), a.data() + a.size(), b.data(), b.data() + b.size()) < 0;
}

std::string Localization::searchForm(Language language, std::string_view text, bool fold) const
{
    const std::locale& loc = locale(language);
    std::string normal = bl::normalize(std::string(text), bl::norm_nfc, loc);
    std::string form = fold ? bl::fold_case(normal, loc) : bl::to_lower(normal, loc);
    dropDotAfterI(form);
    return form;
}

bool Localization::containsIgnoringCase(Language language, std::string_view haystack, std::string_view needle) const
{
    if (needle.empty())
        return true;
    if (searchForm(language, haystack, true).find(searchForm(language, needle, true)) != std::string::npos)
        return true;
    return language == Language::Turkish &&
           searchForm(language, haystack, false).find(searchForm(language, needle, false)) != std::string::npos;
}

} // namespace rapport
