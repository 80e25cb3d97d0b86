// Days and times as Rapport writes them: due dates and reports are calendar days in the
// user's own time zone (YYYY-MM-DD), file stamps are UTC so that they sort the same
// everywhere.
#pragma once

#include <cstdint>
#include <string>

namespace rapport {

// Unix seconds now.
std::int64_t nowSeconds();
// The local calendar day of `at` (unix seconds), YYYY-MM-DD.
std::string localDate(std::int64_t at);
// Today, YYYY-MM-DD in local time.
std::string localToday();
// "YYYY-MM-DD HH:MM" in local time.
std::string localDateTime(std::int64_t at);
// "YYYYMMDD-HHMMSS" in UTC, for file names.
std::string utcFileStamp(std::int64_t at);

} // namespace rapport
