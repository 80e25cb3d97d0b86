#include "preferences.h"

#include "localization.h"

#include <charconv>

namespace rapport {

namespace {

int numberIn(const std::string& text, std::pair<int, int> range, int fallback)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < range.first || value > range.second)
        return fallback;
    return value;
}

} // namespace

Preferences readPreferences(const Settings& settings)
{
    Preferences read;
    const std::string language = settings.get("language");
    read.language = languageWithExactCode(language) ? language : std::string();
    read.reminders = settings.get(kRemindersKey, "on") != "off";
    read.waiting_days = numberIn(settings.get(kWaitingDaysKey), kWaitingDaysRange, read.waiting_days);
    read.backups_kept = numberIn(settings.get(kBackupsKeptKey), kBackupsKeptRange, read.backups_kept);
    return read;
}

void writePreferences(Settings& settings, const Preferences& preferences)
{
    settings.set("language", preferences.language);
    settings.set(kRemindersKey, preferences.reminders ? "on" : "off");
    settings.set(kWaitingDaysKey, std::to_string(preferences.waiting_days));
    settings.set(kBackupsKeptKey, std::to_string(preferences.backups_kept));
}

bool remindersEnabled(const Settings& settings) { return readPreferences(settings).reminders; }

int waitingThresholdDays(const Settings& settings) { return readPreferences(settings).waiting_days; }

} // namespace rapport
