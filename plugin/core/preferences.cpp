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
    read.reminders = settings.get("reminders", "on") != "off";
    read.waiting_days = numberIn(settings.get("waiting_days"), kWaitingDaysRange, read.waiting_days);
    read.backups_kept = numberIn(settings.get("backups_kept"), kBackupsKeptRange, read.backups_kept);
    return read;
}

void writePreferences(Settings& settings, const Preferences& preferences)
{
    settings.set("language", preferences.language);
    settings.set("reminders", preferences.reminders ? "on" : "off");
    settings.set("waiting_days", std::to_string(preferences.waiting_days));
    settings.set("backups_kept", std::to_string(preferences.backups_kept));
}

} // namespace rapport
