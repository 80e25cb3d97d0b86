// The four interface languages, created once with Boost.Locale's ICU backend and used
// explicitly. Nothing here touches process-wide state: inside a host, changing the
// global C++ or C locale would change the editor's own language and number formats too.
#pragma once

#include <array>
#include <chrono>
#include <filesystem>
#include <locale>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "language_codes.h"

namespace boost::locale {
class generator;
}

namespace rapport {

// The languages are data: locales/LINGUAS lists them, and CMake writes kLanguageCodes
// (English first, then LINGUAS's lines in order) into language_codes.h at configure time
// (cmake/RapportLanguages.cmake). Adding a language is adding its .po and a line there.
// A language Rapport ships a catalogue for: an index into kLanguageCodes.
class Language {
public:
    // English, the source text.
    constexpr Language() = default;

    // The languages the code names (each must be listed in LINGUAS, or the build stops).
    static const Language English, Russian, Turkish, ChineseSimplified;

    // The language with `code` in kLanguageCodes, found while compiling.
    static consteval Language withCode(std::string_view code)
    {
        for (std::size_t i = 0; i < kLanguageCodes.size(); ++i)
            if (kLanguageCodes[i] == code)
                return Language(i);
        throw "this language is not listed in locales/LINGUAS";
    }
    // The language at `index` of kLanguageCodes (checked by the caller).
    static constexpr Language atIndex(std::size_t index) { return Language(index); }

    constexpr std::size_t index() const noexcept { return index_; }
    friend constexpr bool operator==(Language, Language) = default;

private:
    constexpr explicit Language(std::size_t index) : index_(index) {}
    std::size_t index_ = 0;
};

inline constexpr Language Language::English = Language::withCode("en");
inline constexpr Language Language::Russian = Language::withCode("ru");
inline constexpr Language Language::Turkish = Language::withCode("tr");
inline constexpr Language Language::ChineseSimplified = Language::withCode("zh_CN");

// Every supported language, in the order the selector shows them.
inline constexpr std::array<Language, kLanguageCodes.size()> kLanguages = [] {
    std::array<Language, kLanguageCodes.size()> languages{};
    for (std::size_t i = 0; i < languages.size(); ++i)
        languages[i] = Language::atIndex(i);
    return languages;
}();

// A stable short code, used in settings and on the command line: en, ru, tr, zh_CN.
std::string_view languageCode(Language language);
// The language's name in itself ("Русский"), for the selector: its own catalogue's
// translation of "English" in the context "language name".
std::string nativeLanguageName(Language language);
// The id Boost.Locale needs ("ru.UTF-8", "zh_CN.UTF-8"); without the encoding it fails.
std::string icuLocaleId(Language language);

// Reads a language from a code or locale name in any usual spelling ("ru", "ru_RU",
// "ru_RU.UTF-8", "zh-CN", "zh_CN@stroke", "en_GB"); nullopt when unsupported.
std::optional<Language> parseLanguage(std::string_view id);

// The language whose code is exactly `code` ("ru", not "ru_RU"): what the command line,
// settings and the XML accept; nullopt for anything else.
std::optional<Language> languageWithExactCode(std::string_view code);
// Every language code, for messages: "en, ru, tr, zh_CN".
std::string languageCodeList();

// The user's choice if made and supported, else the host's interface language, else
// the system's, else English. Never throws.
Language resolveLanguage(std::string_view user_choice, std::string_view host_language, std::string_view system_language);

// The system's message language from $LC_ALL, $LC_MESSAGES or $LANG (read, never set).
std::string systemLanguage();

// Where compiled catalogues live: $RAPPORT_LOCALE_DIR, else the locale/ of
// bundledDataFolder() (install_paths.h): the install's or the build tree's share/rapport.
std::filesystem::path bundledLocaleFolder();

// The four locales with their catalogues, and the locale-aware helpers built on them.
class Localization {
public:
    // Reads catalogues from `catalogue_folder`; each language's locale is made on first use.
    explicit Localization(const std::filesystem::path& catalogue_folder = bundledLocaleFolder());
    ~Localization();

    // One instance for the whole process, created on first use (catalogues are read once).
    static const Localization& shared();

    // The locale to pass to translate(...).str(loc) and to format with.
    const std::locale& locale(Language language) const;

    // A calendar date in the language's medium style ("23 нояб. 2026 г.").
    std::string formatDate(Language language, std::chrono::sys_days day) const;
    // A number with the language's digit grouping and decimal separator.
    std::string formatNumber(Language language, double value) const;
    // A fraction (0.25) as a percentage in the language's style ("25 %" in Russian).
    std::string formatPercent(Language language, double fraction) const;

    // Orders strings as the language sorts them (pinyin for Chinese, ı before i for Turkish).
    bool collateLess(Language language, std::string_view a, std::string_view b) const;

    // Case-insensitive search. Policy: a match under the language's own lower-casing
    // (Turkish İ→i, I→ı) or under root case folding (so "FILE" still finds "file" in
    // Turkish); both sides are NFC-normalised and a U+0307 dot left after "i" by a
    // non-Turkish lower-casing of "İ" is dropped, so "i̇şler" matches "İşler".
    bool containsIgnoringCase(Language language, std::string_view haystack, std::string_view needle) const;

private:
    std::string searchForm(Language language, std::string_view text, bool fold) const;

    std::unique_ptr<boost::locale::generator> generator_;
    mutable std::array<std::once_flag, kLanguages.size()> made_;
    mutable std::array<std::locale, kLanguages.size()> locales_;
};

} // namespace rapport
