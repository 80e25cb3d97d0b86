// Reminders: which projects need the user's attention today (the client update is due, or
// an item is overdue), whether today's desktop notification for a project was already
// given (at most one a day per project, remembered in settings.xml), and the notification's
// words. No wx here: plugin/ui/reminder_notifier.h shows what this decides.
#pragma once

#include "localization.h"
#include "project_settings.h"

#include <locale>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// One project (a document with a checklist) and what is due on it.
struct ProjectReminder {
    std::string document_path; // canonical, as the store knows it
    DueNext due;
};

// True when `due` deserves a reminder: the update is due (or late) or an item is overdue.
// Items waiting long on the client show in the header only.
bool needsReminder(const DueNext& due);

// settings.xml key of the projects notified today: the day on the first line, then one
// document path a line.
inline constexpr const char* kRemindedTodayKey = "reminded-today";

// The projects given today's notification. A list kept from an earlier day reads as empty:
// each day starts afresh, and the list never grows beyond one day's projects.
class RemindedToday {
public:
    // Reads the settings text for `today` (YYYY-MM-DD).
    static RemindedToday parse(std::string_view text, std::string_view today);

    bool contains(const std::string& document_path) const;
    void add(const std::string& document_path);
    // The settings text: the day, then the paths.
    std::string text() const;

private:
    std::string day_;
    std::set<std::string> paths_;
};

// The reminders of `due` still to show today: those needing one and not yet given.
std::vector<ProjectReminder> remindersToShow(const std::vector<ProjectReminder>& due, const RemindedToday& given);

// What is due next, as phrases in `language` ("Update due today", "2 items overdue",
// "1 item waiting on the client over 7 days"), as the header and the notification say it.
std::vector<std::string> dueNextPhrases(const DueNext& due, std::string_view today, Language language);

// A desktop notification's words: the title names the document, the body what is due.
struct ReminderText {
    std::string title;
    std::string body;
};
ReminderText reminderText(const ProjectReminder& reminder, std::string_view today, Language language);

} // namespace rapport
