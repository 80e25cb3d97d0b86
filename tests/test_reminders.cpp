// Reminders without wx: which projects are due on a given day, once a day per project
// (the remembered list across days), the notification's words in two languages, and the
// reminder settings read from settings.xml with their fallbacks.
#include "preferences.h"
#include "calendar.h"
#include "document_paths.h"
#include "reminders.h"
#include "sidebar_session.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace rapport;

namespace {

Checklist checklistWith(const std::string& next_update, const std::vector<std::string>& due_dates)
{
    Checklist c;
    c.document_id = 1;
    c.next_update_due = next_update;
    std::int64_t id = 0;
    for (const std::string& due : due_dates) {
        ChecklistItem item;
        item.id = ++id;
        item.due = due;
        c.items.push_back(item);
    }
    return c;
}

} // namespace

TEST_CASE("a project needs a reminder from the day its update is due or an item is overdue, across dates")
{
    const Checklist c = checklistWith("2026-12-04", {"2026-12-10"});
    CHECK_FALSE(needsReminder(dueNextOf(c, "2026-12-03", 0)));
    CHECK(needsReminder(dueNextOf(c, "2026-12-04", 0)));  // the update is due today
    CHECK(needsReminder(dueNextOf(c, "2026-12-05", 0)));  // and late afterwards
    const Checklist items = checklistWith("", {"2026-12-10"});
    CHECK_FALSE(needsReminder(dueNextOf(items, "2026-12-10", 0))); // due today is not overdue yet
    CHECK(needsReminder(dueNextOf(items, "2026-12-11", 0)));
    CHECK(needsReminder(dueNextOf(items, "2027-01-01", 0))); // across a year's end
    CHECK_FALSE(needsReminder(dueNextOf(checklistWith("", {}), "2026-12-11", 0)));
    // An item done is never overdue.
    Checklist done = checklistWith("", {"2026-12-01"});
    done.items[0].status = ItemStatus::Done;
    CHECK_FALSE(needsReminder(dueNextOf(done, "2026-12-11", 0)));
}

TEST_CASE("once a day per project: the list given today is kept, an earlier day's is forgotten")
{
    RemindedToday given = RemindedToday::parse("", "2026-12-01");
    const ProjectReminder a{"/w/a.md", dueNextOf(checklistWith("", {"2026-11-30"}), "2026-12-01", 0)};
    const ProjectReminder b{"/w/b.md", dueNextOf(checklistWith("2026-12-01", {}), "2026-12-01", 0)};
    const ProjectReminder quiet{"/w/c.md", dueNextOf(checklistWith("2026-12-09", {}), "2026-12-01", 0)};
    auto show = remindersToShow({a, b, quiet}, given);
    REQUIRE(show.size() == 2);
    CHECK(show[0].document_path == "/w/a.md");
    CHECK(show[1].document_path == "/w/b.md");
    given.add("/w/a.md");
    const std::string text = given.text();
    CHECK(text == "2026-12-01\n/w/a.md");
    // Read back the same day: a is not shown again, b still is.
    show = remindersToShow({a, b}, RemindedToday::parse(text, "2026-12-01"));
    REQUIRE(show.size() == 1);
    CHECK(show[0].document_path == "/w/b.md");
    // The next day both are shown again, and the old day's paths are not kept.
    const RemindedToday next = RemindedToday::parse(text, "2026-12-02");
    CHECK(remindersToShow({a, b}, next).size() == 2);
    CHECK(next.text() == "2026-12-02");
    // A path with spaces and non-ASCII letters survives.
    RemindedToday odd = RemindedToday::parse("", "2026-12-02");
    odd.add("/home/ö ü/проект.md");
    CHECK(RemindedToday::parse(odd.text(), "2026-12-02").contains("/home/ö ü/проект.md"));
}

TEST_CASE("the notification names the document and says what is due")
{
    ProjectReminder r{"/work/client/brief.md", dueNextOf(checklistWith("2026-12-01", {"2026-11-20", "2026-11-21"}),
                                                          "2026-12-01", 0)};
    ReminderText en = reminderText(r, "2026-12-01", Language::English);
    CHECK(en.title == "Rapport: brief.md");
    CHECK(en.body == "Update due today\n2 items overdue");
    const ReminderText ru = reminderText(r, "2026-12-01", Language::Russian);
    CHECK(ru.title == "Rapport: brief.md");
    CHECK(ru.body.starts_with("Сегодня")); // not the English words
    CHECK(ru.body.ends_with("\n2 пункта просрочены"));
    const ReminderText zh = reminderText(r, "2026-12-01", Language::ChineseSimplified);
    CHECK(zh.title == "Rapport：brief.md");
    r.due = dueNextOf(checklistWith("2026-11-28", {}), "2026-12-01", 0);
    en = reminderText(r, "2026-12-01", Language::English);
    CHECK(en.body == "Update overdue since Nov 28, 2026");
}

TEST_CASE("the reminder settings: on by default, waiting days 1 to 365 with 7 for anything else")
{
    Settings settings;
    CHECK(remindersEnabled(settings));
    CHECK(waitingThresholdDays(settings) == 7);
    settings.set(kRemindersKey, "off");
    CHECK_FALSE(remindersEnabled(settings));
    settings.set(kRemindersKey, "on");
    CHECK(remindersEnabled(settings));
    for (const auto& [text, days] : std::vector<std::pair<std::string, int>>{
             {"1", 1}, {"14", 14}, {"365", 365}, {"0", 7}, {"366", 7}, {"-3", 7}, {"", 7}, {"ten", 7}, {"10d", 7},
             {" 10", 7}, {"99999999999", 7}}) {
        settings.set(kWaitingDaysKey, text);
        CHECK_MESSAGE(waitingThresholdDays(settings) == days, "waiting_days=" << text);
    }
}

TEST_CASE("the session finds every due project in the store and counts long waits with the set threshold")
{
    rapport::testing::TempFolder folder;
    SidebarSession session(folder.store, TemplateLibrary::load(defaultTemplateFolders()));
    REQUIRE(session.openStore());
    const std::string a = (folder.path / "a.md").string();
    const std::string b = (folder.path / "b.md").string();
    REQUIRE(session.setActiveDocument(a));
    REQUIRE(session.attachTemplate("kickoff"));
    const std::int64_t first = session.checklist()->items.at(0).id;
    REQUIRE(session.setDue(first, "2026-11-20"));
    REQUIRE(session.setActiveDocument(b));
    REQUIRE(session.attachTemplate("kickoff"));
    const std::int64_t waiting = session.checklist()->items.at(0).id;
    REQUIRE(session.setStatus(waiting, ItemStatus::WaitingOnClient, "the logo"));

    auto due = session.projectsDue("2026-11-20", nowSeconds());
    REQUIRE(due);
    CHECK(due.value().empty());
    due = session.projectsDue("2026-11-21", nowSeconds());
    REQUIRE(due);
    REQUIRE(due.value().size() == 1);
    CHECK(due.value()[0].document_path == canonicalDocumentPath(a));
    CHECK(due.value()[0].due.overdue == 1);

    // Three days of waiting: long with a threshold of 2, not with the default 7.
    const std::int64_t later = nowSeconds() + 3 * 86400;
    CHECK(session.dueNext("2026-11-21", later).waiting_long == 0);
    session.setWaitingThresholdDays(2);
    const DueNext next = session.dueNext("2026-11-21", later);
    CHECK(next.waiting_long == 1);
    CHECK(next.wait_days == 2);
}
