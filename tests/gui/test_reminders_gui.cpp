// Desktop reminders for real, under Xvfb on a private session bus (dbus-run-session): a
// stand-in notification service (fake_notifications.py) records what the sidebar sends
// (desktop_notifications.h). Hidden sidebar + overdue item: one notification, in English and
// in Russian; none again the same day (even after a restart); none with "reminders" off;
// its button or a click on it opens the document in the host and shows the sidebar. Also: the
// header's "waiting on the client" threshold follows settings.xml after settingsChanged().
#include "calendar.h"
#include "gui_support.h"
#include "preferences.h"
#include "settings.h"
#include "sidebar_controller.h"
#include "sidebar_session.h"
#include "store.h"

#include <wx/stattext.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

using namespace rapport;
using rapport::testing::findNamed;
using rapport::testing::isoDay;
using rapport::testing::settle;

namespace fs = std::filesystem;

namespace {


std::string unescaped(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

// One Notify call as the service received it.
struct Notified {
    std::string id, summary, body;
    std::vector<std::pair<std::string, std::string>> actions; // key, label
};

// The stand-in notification service, started for one test on the test's own bus.
class FakeNotificationService {
public:
    explicit FakeNotificationService(const fs::path& folder)
        : record_(folder / "notified.txt"), ready_(folder / "service-ready")
    {
        const std::string script = std::string(RAPPORT_SOURCE_DIR) + "/tests/gui/fake_notifications.py";
        pid_ = wxExecute(wxString::FromUTF8("/usr/bin/python3 '" + script + "' '" + record_.string() + "' '" +
                                            ready_.string() + "'"),
                         wxEXEC_ASYNC);
        REQUIRE(pid_ > 0);
        for (int i = 0; i < 500 && !fs::exists(ready_); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        REQUIRE_MESSAGE(fs::exists(ready_), "the fake notification service did not start");
    }
    ~FakeNotificationService() { wxKill(pid_, wxSIGTERM); }

    std::vector<Notified> notified() const
    {
        std::vector<Notified> all;
        std::ifstream in(record_);
        std::string line;
        while (std::getline(in, line)) {
            std::vector<std::string> fields;
            std::stringstream split(line);
            std::string field;
            while (std::getline(split, field, '\t'))
                fields.push_back(unescaped(field));
            REQUIRE(fields.size() >= 3);
            Notified one{fields[0], fields[1], fields[2], {}};
            for (std::size_t i = 3; i + 1 < fields.size(); i += 2)
                one.actions.emplace_back(fields[i], fields[i + 1]);
            all.push_back(std::move(one));
        }
        return all;
    }

    // What the desktop does when the user chooses `key` of notification `id`.
    void invoke(const std::string& id, const std::string& key) const
    {
        const std::string command = "gdbus call --session --dest org.freedesktop.Notifications --object-path "
                                    "/org/freedesktop/Notifications --method org.rapport.FakeNotifications.Invoke " +
                                    id + " '" + key + "' >/dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
    }

private:
    fs::path record_;
    fs::path ready_;
    long pid_ = 0;
};

// Attaches the kickoff checklist to `doc` (another connection, as another window would)
// and makes its first item overdue since two days.
void makeOverdue(const fs::path& data, const std::string& doc)
{
    SidebarSession session(data / "rapport.sqlite3", TemplateLibrary::load(defaultTemplateFolders()));
    REQUIRE(session.openStore());
    REQUIRE(session.setActiveDocument(doc));
    REQUIRE(session.attachTemplate("kickoff"));
    REQUIRE(session.setDue(session.checklist()->items.at(0).id, isoDay(-2)));
}

void writeSetting(const char* key, const std::string& value)
{
    Settings settings = Settings::load(Settings::defaultFile());
    settings.set(key, value);
    REQUIRE(settings.save());
}

} // namespace

TEST_CASE("reminders: one desktop notification a day per project while the sidebar is hidden, in its language")
{
    rapport::testing::DataFolder data;
    FakeNotificationService service(data.path);
    rapport::testing::FrameHost host(320);
    const std::string a = canonicalDocumentPath((data.path / "brief.md").string());
    const std::string b = canonicalDocumentPath((data.path / "смета.md").string());
    const std::string c = canonicalDocumentPath((data.path / "plan.md").string());
    makeOverdue(data.path, a);

    {
        ui::SidebarController controller(host.frame, host);
        settle();
        // While the sidebar is in view its header says it: no notification.
        CHECK(controller.checkReminders() == 0);
        CHECK(service.notified().empty());

        host.showPanel(false);
        settle();
        REQUIRE_FALSE(host.isPanelShown());
        CHECK(controller.checkReminders() == 1);
        auto notified = service.notified();
        REQUIRE(notified.size() == 1);
        CHECK(notified[0].summary == "Rapport: brief.md");
        CHECK(notified[0].body == "1 item overdue");
        // The click on the notification itself ("default") and its button, both named.
        REQUIRE(notified[0].actions.size() == 2);
        CHECK(notified[0].actions[0].first == "default");
        CHECK(notified[0].actions[1].second == "Open the document");

        // A second check the same day: nothing more.
        CHECK(controller.checkReminders() == 0);
        CHECK(service.notified().size() == 1);

        // In Russian, for a second project.
        controller.setLanguage(Language::Russian);
        makeOverdue(data.path, b);
        CHECK(controller.checkReminders() == 1);
        notified = service.notified();
        REQUIRE(notified.size() == 2);
        CHECK(notified[1].summary == "Rapport: смета.md");
        CHECK(notified[1].body == "1 пункт просрочен");
        REQUIRE(notified[1].actions.size() == 2);
        CHECK(notified[1].actions[1].second == "Открыть документ");

        // Choosing the notification's button: the host opens the document, the sidebar shows.
        service.invoke(notified[1].id, notified[1].actions[1].first);
        for (int i = 0; i < 250 && host.opened.empty(); ++i) {
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        REQUIRE(host.opened.size() == 1);
        CHECK(host.opened[0] == b);
        CHECK(host.isPanelShown());

        // A click on the other notification's body ("default"): its document opens.
        for (int i = 0; i < 10; ++i) { // the frame's late map event first (see below)
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        host.showPanel(false);
        settle();
        REQUIRE_FALSE(host.isPanelShown());
        service.invoke(notified[0].id, "default");
        for (int i = 0; i < 250 && host.opened.size() < 2; ++i) {
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        REQUIRE(host.opened.size() == 2);
        CHECK(host.opened[1] == a);
        CHECK(host.isPanelShown());
        // wxGTK marks a frame shown again when its late map event comes: let it come first.
        for (int i = 0; i < 10; ++i) {
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        host.showPanel(false);
        for (int i = 0; i < 10; ++i) {
            settle();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        CHECK(host.opened.size() == 2); // once per click
        CHECK_FALSE(host.isPanelShown());
    }

    // After a restart the same day: still nothing for these two (settings.xml remembers).
    CHECK(Settings::load(Settings::defaultFile()).get(kRemindedTodayKey).starts_with(localToday() + "\n"));
    {
        ui::SidebarController controller(host.frame, host);
        settle();
        REQUIRE_FALSE(host.isPanelShown());
        CHECK(controller.checkReminders() == 0);
        CHECK(service.notified().size() == 2);

        // Reminders turned off: a third project due gets none; on again, it does.
        makeOverdue(data.path, c);
        writeSetting(kRemindersKey, "off");
        controller.settingsChanged();
        CHECK(controller.checkReminders() == 0);
        CHECK(service.notified().size() == 2);
        writeSetting(kRemindersKey, "on");
        controller.settingsChanged();
        CHECK(controller.checkReminders() == 1);
        const auto notified = service.notified();
        REQUIRE(notified.size() == 3);
        CHECK(notified[2].summary == "Rapport: plan.md");
        CHECK(notified[2].body == "1 пункт просрочен"); // the language chosen before the restart
    }
}

TEST_CASE("the header's long wait on the client follows waiting_days in settings.xml")
{
    rapport::testing::DataFolder data;
    rapport::testing::FrameHost host(320);
    const std::string doc = canonicalDocumentPath((data.path / "brief.md").string());
    {
        SidebarSession session(data.path / "rapport.sqlite3", TemplateLibrary::load(defaultTemplateFolders()));
        REQUIRE(session.openStore());
        REQUIRE(session.setActiveDocument(doc));
        REQUIRE(session.attachTemplate("kickoff"));
    }
    {
        // Waiting on the client since three days ago.
        auto store = Store::open(data.path / "rapport.sqlite3");
        REQUIRE(store);
        auto checklist = store.value().checklistFor(doc);
        REQUIRE(checklist);
        REQUIRE(checklist.value());
        const Checklist& list = *checklist.value();
        REQUIRE(store.value().apply(changes::status(list.document_id, list.items.at(0).id, ItemStatus::WaitingOnClient,
                                                    "the logo", nowSeconds() - 3 * 86400)));
    }
    writeSetting(kWaitingDaysKey, "2");
    ui::SidebarController controller(host.frame, host);
    controller.onActiveDocumentChanged(doc);
    settle();
    auto* due = findNamed<wxStaticText>(host.frame, "rapport-due-next");
    CHECK(due->GetLabel().utf8_string().find("1 item waiting on the client over 2 days") != std::string::npos);

    writeSetting(kWaitingDaysKey, "5");
    controller.settingsChanged();
    settle();
    CHECK(due->GetLabel().utf8_string().find("over 2 days") == std::string::npos);
    CHECK_FALSE(due->IsShown()); // three days is not long with five

    writeSetting(kWaitingDaysKey, "not a number"); // falls back to 7: still nothing due
    controller.settingsChanged();
    settle();
    CHECK_FALSE(due->IsShown());
    writeSetting(kWaitingDaysKey, "1");
    controller.settingsChanged();
    settle();
    CHECK(due->IsShown());
    CHECK(due->GetLabel().utf8_string().find("1 item waiting on the client over 1 days") != std::string::npos);
}
