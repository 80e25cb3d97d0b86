#include "reminder_notifier.h"

#include "calendar.h"
#include "relabeler.h"
#include "reminders.h"

#include <boost/locale/message.hpp>

#include <exception>

#include <wx/notifmsg.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

constexpr int kCheckEveryMs = 10 * 60 * 1000;
constexpr std::size_t kKeptNotifications = 32;

} // namespace

ReminderNotifier::ReminderNotifier(SidebarSession& session, host::HostServices& host, Settings& settings,
                                   TraceSink trace)
    : session_(session), host_(host), settings_(settings), trace_(std::move(trace)), timer_(this)
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
    flush();
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
        auto message = std::make_unique<wxNotificationMessage>(fromUtf8(text.title), fromUtf8(text.body));
        // TRANSLATORS: the button of a desktop reminder that opens the document it is about.
        message->AddAction(wxID_OPEN, translated(bl::translate("Open the document"), loc));
        const auto choose = [this, path = reminder.document_path](wxCommandEvent&) {
            try {
                open(path);
            } catch (...) {
                host_.log("Rapport: reminders: unexpected error opening " + path, true);
            }
        };
        message->Bind(wxEVT_NOTIFICATION_MESSAGE_ACTION, choose);
        message->Bind(wxEVT_NOTIFICATION_MESSAGE_CLICK, choose);
        if (!message->Show(wxNotificationMessage::Timeout_Auto)) {
            trace_("reminder-failed\t" + reminder.document_path);
            continue; // no notification service: tried again at the next check
        }
        given.add(reminder.document_path);
        ++count;
        trace_("reminder\t" + reminder.document_path);
        shown_.push_back(std::move(message));
        if (shown_.size() > kKeptNotifications)
            shown_.pop_front();
    }
    if (count > 0) {
        settings_.set(kRemindedTodayKey, given.text());
        save();
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

void ReminderNotifier::save()
{
    // settings.xml is written with an fsync: on its own thread, never waited for here (the
    // previous write, if any, is finished first so the two never race).
    flush();
    saver_ = std::jthread([copy = settings_] { static_cast<void>(copy.save()); });
}

void ReminderNotifier::flush()
{
    if (saver_.joinable())
        saver_.join();
}

} // namespace rapport::ui
