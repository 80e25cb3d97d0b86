#include "reminder_notifier.h"

#include "calendar.h"
#include "desktop_notifications.h"
#include "relabeler.h"
#include "reminders.h"

#include <boost/locale/message.hpp>

#include <exception>


namespace rapport::ui {

namespace bl = boost::locale;

namespace {

constexpr int kCheckEveryMs = 10 * 60 * 1000;

} // namespace

ReminderNotifier::ReminderNotifier(SidebarSession& session, host::HostServices& host, Settings& settings,
                                   SettingsWriter& writer, TraceSink trace)
    : session_(session), host_(host), settings_(settings), writer_(writer), trace_(std::move(trace)), timer_(this),
      notifications_(std::make_unique<DesktopNotifications>())
{
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        try {
            check();
        } catch (const std::exception& e) {
            host_.log(std::string("Rapport: reminders: ") + e.what(), true);
        } catch (...) {
            host_.log("Rapport: reminders: unexpected error", true);
        }
    });
}

ReminderNotifier::~ReminderNotifier()
{
    timer_.Stop();
}

void ReminderNotifier::start()
{
    timer_.Start(kCheckEveryMs);
    CallAfter([this] {
        try {
            check();
        } catch (...) {
            host_.log("Rapport: reminders: unexpected error", true);
        }
    });
}

void ReminderNotifier::stop() { timer_.Stop(); }

std::size_t ReminderNotifier::check()
{
    if (!enabled_ || host_.isPanelShown())
        return 0;
    const std::string today = localToday();
    auto due = session_.projectsDue(today, nowSeconds());
    if (!due) {
        host_.log("Rapport: reminders: " + due.error().description(), true);
        return 0;
    }
    RemindedToday given = RemindedToday::parse(settings_.get(kRemindedTodayKey), today);
    std::size_t count = 0;
    const std::locale& loc = Localization::shared().locale(language_);
    for (const ProjectReminder& reminder : remindersToShow(due.value(), given)) {
        const ReminderText text = reminderText(reminder, today, language_);
        const auto choose = [this, path = reminder.document_path] {
            try {
                open(path);
            } catch (...) {
                host_.log("Rapport: reminders: unexpected error opening " + path, true);
            }
        };
        std::string why;
        // TRANSLATORS: the button of a desktop reminder that opens the document it is about.
        if (!notifications_->show(text.title, text.body, bl::translate("Open the document").str(loc), choose, why)) {
            trace_("reminder-failed\t" + reminder.document_path);
            host_.log("Rapport: reminders: no desktop notification: " + why, true);
            continue; // no notification service: tried again at the next check
        }
        given.add(reminder.document_path);
        ++count;
        trace_("reminder\t" + reminder.document_path);
    }
    if (count > 0) {
        settings_.set(kRemindedTodayKey, given.text());
        writer_.write(settings_); // off the UI thread: an fsync is never waited for here
    }
    return count;
}

void ReminderNotifier::open(const std::string& document_path)
{
    if (!host_.openDocument(document_path))
        host_.log("Rapport: the host could not open " + document_path, true);
    host_.showPanel(true);
    trace_("reminder-opened\t" + document_path);
}

} // namespace rapport::ui
