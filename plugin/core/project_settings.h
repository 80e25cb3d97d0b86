// A checklist's project settings as one value (the client, the client's report language,
// the deadline, the update rhythm and the next update, the revision rounds agreed), the
// changes that set them, and what is due next. The command line and the sidebar session
// both edit the settings through these, so every edit is a Change through Store::apply.
#pragma once

#include "change.h"
#include "model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

struct ProjectSettings {
    std::string client_name;
    std::string client_language; // "" or a language code
    std::string deadline;        // YYYY-MM-DD or ""
    std::string update_rhythm;   // a keyword of update_rhythm.h, "" for none
    std::string next_update_due; // YYYY-MM-DD or ""
    std::optional<int> revision_rounds_agreed;

    bool operator==(const ProjectSettings&) const = default;
};

// The settings `checklist` has now (its rhythm as a keyword, the older rhythm included).
ProjectSettings projectSettingsOf(const Checklist& checklist);

// The changes that take `checklist`'s settings to `wanted`, one per field that differs (a
// new rhythm also clears the older update_every_days); empty when nothing differs.
std::vector<Change> projectSettingsChanges(const Checklist& checklist, const ProjectSettings& wanted);

// The change that starts a revision round for `purpose`.
Change revisionRoundStart(std::int64_t document_id, const std::string& purpose);

// The change that marks an update sent on `today`: the next update moved on by the
// rhythm; nullopt when the checklist has no rhythm.
std::optional<Change> updateSentChange(const Checklist& checklist, std::string_view today);

// What is due next on `today`, as the sidebar's header and reminders show it.
inline constexpr int kDefaultClientWaitDays = 7; // preferences.h: the user's own, "waiting_days"
struct DueNext {
    std::string next_update;        // YYYY-MM-DD or ""
    bool update_due = false;        // the next update is today or earlier
    std::size_t overdue = 0;        // items past their due date
    std::size_t waiting_long = 0;   // items waiting on the client for more than `wait_days`
    int wait_days = kDefaultClientWaitDays; // the threshold used (preferences.h: "waiting_days")
};
DueNext dueNextOf(const Checklist& checklist, std::string_view today, std::int64_t now,
                  int wait_days = kDefaultClientWaitDays);

} // namespace rapport
