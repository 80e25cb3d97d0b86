// Calendar dates as the interface language writes them, for fields and date pickers:
// a month's title ("январь 2026 г."), the weekdays' short names in the order the
// language's calendar starts its week, and reading back what a user typed, in ISO form
// or the language's own short or medium form. ICU, with explicit locales: nothing global.
#pragma once

#include "localization.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

// "November 2026", "ноябрь 2026 г.", "Kasım 2026", "2026年11月" (standalone month name).
std::string monthTitle(Language language, int year, unsigned month);

// The weekdays' short standalone names, starting with the language's first day of the week.
struct WeekNames {
    std::array<std::string, 7> names;
    int first_weekday = 1; // 0 = Sunday ... 6 = Saturday, as std::chrono::weekday counts
};
WeekNames weekNames(Language language);

// What the user typed as a date, as YYYY-MM-DD: "2026-11-23", or the language's short or
// medium form ("23.11.2026", "23 нояб. 2026 г.", "Nov 23, 2026", "2026年11月23日");
// nullopt when it is not a real date in either form.
std::optional<std::string> parseDateText(Language language, std::string_view text);

} // namespace rapport
