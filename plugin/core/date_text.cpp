#include "date_text.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace rapport {

namespace {

icu::Locale icuLocale(Language language)
{
    std::string id(icuLocaleId(language)); // "ru_RU.UTF-8"
    id = id.substr(0, id.find('.'));
    return icu::Locale(id.c_str());
}

std::string utf8(const icu::UnicodeString& text)
{
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool realDate(int year, int month, int day)
{
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    return year >= 1900 && year <= 9999 && date.ok();
}

std::string iso(int year, int month, int day)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

} // namespace

std::string monthTitle(Language language, int year, unsigned month)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icuLocale(language);
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createInstanceForSkeleton("yMMMM", locale, status));
    if (U_FAILURE(status) || !format)
        return iso(year, static_cast<int>(month), 1).substr(0, 7);
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), locale, status);
    calendar.clear();
    calendar.set(year, static_cast<int32_t>(month) - 1, 15);
    const UDate at = calendar.getTime(status);
    if (U_FAILURE(status))
        return iso(year, static_cast<int>(month), 1).substr(0, 7);
    icu::UnicodeString text;
    format->format(at, text);
    return utf8(text);
}

WeekNames weekNames(Language language)
{
    WeekNames week;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icuLocale(language);
    icu::DateFormatSymbols symbols(locale, status);
    int32_t count = 0;
    const icu::UnicodeString* names =
        U_SUCCESS(status) ? symbols.getWeekdays(count, icu::DateFormatSymbols::STANDALONE,
                                                icu::DateFormatSymbols::SHORT)
                          : nullptr;
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(locale, status));
    if (U_SUCCESS(status) && calendar)
        week.first_weekday = static_cast<int>(calendar->getFirstDayOfWeek(status)) - 1; // UCAL_SUNDAY is 1
    if (week.first_weekday < 0 || week.first_weekday > 6)
        week.first_weekday = 1;
    for (int i = 0; i < 7; ++i) {
        const int weekday = (week.first_weekday + i) % 7; // 0 = Sunday
        // ICU's array is indexed by UCAL_SUNDAY (1) ... UCAL_SATURDAY (7); index 0 is empty.
        week.names[static_cast<std::size_t>(i)] =
            names && count > weekday + 1 ? utf8(names[weekday + 1]) : std::string(1, "SMTWTFS"[weekday]);
    }
    return week;
}

std::optional<std::string> parseDateText(Language language, std::string_view typed)
{
    std::string text(typed);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.erase(text.begin());
    if (text.empty())
        return std::nullopt;
    int year = 0;
    int month = 0;
    int day = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
        return realDate(year, month, day) ? std::optional<std::string>(iso(year, month, day)) : std::nullopt;
    const icu::Locale locale = icuLocale(language);
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    for (const auto style : {icu::DateFormat::kShort, icu::DateFormat::kMedium, icu::DateFormat::kLong}) {
        std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(style, locale));
        if (!format)
            continue;
        format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
        format->setLenient(false);
        UErrorCode status = U_ZERO_ERROR;
        icu::ParsePosition position(0);
        const UDate at = format->parse(unicode, position);
        if (position.getIndex() != unicode.length() || position.getErrorIndex() >= 0)
            continue;
        icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), locale, status);
        calendar.setTime(at, status);
        year = calendar.get(UCAL_YEAR, status);
        month = calendar.get(UCAL_MONTH, status) + 1;
        day = calendar.get(UCAL_DATE, status);
        if (U_SUCCESS(status) && realDate(year, month, day))
            return iso(year, month, day);
    }
    return std::nullopt;
}

} // namespace rapport
