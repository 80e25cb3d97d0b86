#include "reminder_settings.h"

#include <charconv>
#include <string>

namespace rapport {

bool remindersEnabled(const Settings& settings) { return settings.get(kRemindersKey, "on") != "off"; }

int waitingThresholdDays(const Settings& settings)
{
    const std::string text = settings.get(kWaitingDaysKey);
    int days = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, days);
    if (text.empty() || error != std::errc() || stop != end || days < kMinWaitingDays || days > kMaxWaitingDays)
        return kDefaultWaitingDays;
    return days;
}

} // namespace rapport
