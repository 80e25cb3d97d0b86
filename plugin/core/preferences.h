// The user's preferences as one value, over settings.xml (settings.h): what the settings
// page shows and the sidebar follows. Bad or missing values read as the defaults.
#pragma once

#include "settings.h"

#include <string>
#include <utility>

namespace rapport {

// settings.xml keys: "reminders" is "on" (the default) or "off"; "waiting_days" and
// "backups_kept" are whole numbers in the ranges below; "language" a language code or "".
inline constexpr const char* kRemindersKey = "reminders";
inline constexpr const char* kWaitingDaysKey = "waiting_days";
inline constexpr const char* kBackupsKeptKey = "backups_kept";

// The range a number of days "waiting long" may take, and how many daily backups are kept.
inline constexpr std::pair<int, int> kWaitingDaysRange{1, 365};
inline constexpr std::pair<int, int> kBackupsKeptRange{1, 60};

// Every preference the settings page offers.
struct Preferences {
    std::string language;  // a language code (localization.h), "" for the editor's language
    bool reminders = true; // desktop notifications when an update or an item is due
    int waiting_days = 7;  // an item waiting on the client longer than this is named in the header
    int backups_kept = 5;  // daily backups of the store kept
};

// The preferences `settings` holds, defaults where a value is missing or out of range.
Preferences readPreferences(const Settings& settings);
// Puts `preferences` into `settings` (save() keeps them).
void writePreferences(Settings& settings, const Preferences& preferences);
// The two the sidebar follows all the time: true unless desktop reminders are turned off;
// the days after which a wait on the client is long.
bool remindersEnabled(const Settings& settings);
int waitingThresholdDays(const Settings& settings);

} // namespace rapport
