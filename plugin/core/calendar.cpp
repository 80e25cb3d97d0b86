#include "calendar.h"

#include <ctime>

namespace rapport {

namespace {

std::string format(std::int64_t at, const char* pattern, bool local)
{
    const auto time = static_cast<std::time_t>(at);
    std::tm parts{};
    if (local)
        localtime_r(&time, &parts);
    else
        gmtime_r(&time, &parts);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, pattern, &parts);
    return std::string(text, length);
}

} // namespace

std::int64_t nowSeconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string localDate(std::int64_t at) { return format(at, "%Y-%m-%d", true); }

std::string localToday() { return localDate(nowSeconds()); }

std::string localDateTime(std::int64_t at) { return format(at, "%Y-%m-%d %H:%M", true); }

std::string utcFileStamp(std::int64_t at) { return format(at, "%Y%m%d-%H%M%S", false); }

} // namespace rapport
