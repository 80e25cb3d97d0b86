// The reminder preferences a user sets in settings.xml (settings.h), read in one place
// for the sidebar and its settings page: whether desktop reminders are shown, and after
// how many days an item waiting on the client counts as waiting long.
#pragma once

#include "settings.h"

namespace rapport {

// settings.xml keys: "reminders" is "on" (the default) or "off"; "waiting_days" is a whole
// number of days, 1 to 365 (7 when missing or not such a number).
inline constexpr const char* kRemindersKey = "reminders";
inline constexpr const char* kWaitingDaysKey = "waiting_days";
inline constexpr int kDefaultWaitingDays = 7;
inline constexpr int kMinWaitingDays = 1;
inline constexpr int kMaxWaitingDays = 365;

// True unless the user turned desktop reminders off ("reminders" is "off").
bool remindersEnabled(const Settings& settings);
// The days after which an item waiting on the client is shown as waiting long (1-365,
// kDefaultWaitingDays when unset or not a whole number in range).
int waitingThresholdDays(const Settings& settings);

} // namespace rapport
