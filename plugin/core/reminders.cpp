#include "reminders.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace rapport {

namespace bl = boost::locale;

namespace {

// An ISO date in `language`'s medium style; the ISO text when it is not a date.
std::string formattedDate(const std::string& iso, Language language)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &year, &month, &day) == 3) {
        const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (date.ok())
            return Localization::shared().formatDate(language, std::chrono::sys_days(date));
    }
    return iso;
}

} // namespace

bool needsReminder(const DueNext& due) { return due.update_due || due.overdue > 0; }

RemindedToday RemindedToday::parse(std::string_view text, std::string_view today)
{
    RemindedToday given;
    given.day_ = std::string(today);
    const std::size_t first = text.find('\n');
    if (text.substr(0, first) != today)
        return given; // another day's list, or none: nothing given today yet
    std::size_t start = first == std::string_view::npos ? text.size() : first + 1;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            given.paths_.emplace(text.substr(start, end - start));
        start = end + 1;
    }
    return given;
}

bool RemindedToday::contains(const std::string& document_path) const { return paths_.contains(document_path); }

void RemindedToday::add(const std::string& document_path) { paths_.insert(document_path); }

std::string RemindedToday::text() const
{
    std::string text = day_;
    for (const std::string& path : paths_)
        text += "\n" + path;
    return text;
}

std::vector<ProjectReminder> remindersToShow(const std::vector<ProjectReminder>& due, const RemindedToday& given)
{
    std::vector<ProjectReminder> show;
    for (const ProjectReminder& reminder : due)
        if (needsReminder(reminder.due) && !given.contains(reminder.document_path))
            show.push_back(reminder);
    return show;
}

std::vector<std::string> dueNextPhrases(const DueNext& due, std::string_view today, Language language)
{
    const std::locale& loc = Localization::shared().locale(language);
    std::vector<std::string> parts;
    if (due.update_due)
        parts.push_back(due.next_update == today
                            // TRANSLATORS: in the header: the client's progress update is due today.
                            ? bl::translate("Update due today").str(loc)
                            // TRANSLATORS: in the header: the client's update is late; {1} is the date it was due.
                            : (bl::format(bl::translate("Update overdue since {1}")) %
                               formattedDate(due.next_update, language))
                                  .str(loc));
    if (due.overdue > 0)
        // TRANSLATORS: in the header: items past their due date.
        parts.push_back((bl::format(bl::translate("{1} item overdue", "{1} items overdue", static_cast<int>(due.overdue))) %
                         due.overdue)
                            .str(loc));
    if (due.waiting_long > 0)
        // TRANSLATORS: in the header: items waiting on the client for longer than {2} days.
        parts.push_back((bl::format(bl::translate("{1} item waiting on the client over {2} days",
                                                  "{1} items waiting on the client over {2} days",
                                                  static_cast<int>(due.waiting_long))) %
                         due.waiting_long % due.wait_days)
                            .str(loc));
    return parts;
}

ReminderText reminderText(const ProjectReminder& reminder, std::string_view today, Language language)
{
    const std::locale& loc = Localization::shared().locale(language);
    ReminderText text;
    const std::string name = std::filesystem::path(reminder.document_path).filename().string();
    // TRANSLATORS: the title of a desktop notification (a reminder); {1} is a document's file name.
    text.title = (bl::format(bl::translate("Rapport: {1}")) % name).str(loc);
    for (const std::string& phrase : dueNextPhrases(reminder.due, today, language))
        text.body += (text.body.empty() ? "" : "\n") + phrase;
    return text;
}

} // namespace rapport
