// The end-to-end test's scripted commands, for every host alike: while a test channel
// is open (test_channel.h) the commands file is read on a timer and each line runs on
// its own. The sidebar's verbs take the same panel paths a user's clicks take; the
// host's verbs go to the adapter's host::HostTestVerbs. Outside a test nothing here
// runs; the GUI tests call run() directly.
//
//   tick N | select N         checklist item N (0-based): tick it / select its row
//   attach KEY                tick template KEY in the empty state and attach
//   search TEXT               type TEXT into the search field ("search " clears it)
//   language CODE             choose en, ru, tr or zh_CN in the selector
//   report LANG FORMAT FILE   "Create report…" confirmed with these choices
//   undo | redo
//   panel-state               traces whether the host shows the panel ("panel\tshown")
//   measure-switch N A B      the host switches N times between open documents A and B
//                             (host paths without spaces); traces "measured\tdoc_switch\t…"
//                             (ms): CPU and wall time from the host's event reaching the
//                             sidebar to the list drawn, and a repaint of the list alone
//   activate PATH | save-as PATH | close PATH | menu-toggle-sidebar | plugin-manager |
//   settings-page CODE        in the host's open settings dialog: Rapport's page's language
//                             set to CODE (anything else: the editor's), then OK;
//                             "settings-page show" only brings the page to the front
//   host-menu | host-menu-run ID | settings-dialog | quit | throw   (the host's)
#pragma once

#include "host_interface.h"
#include "test_channel.h"

#include <functional>
#include <string>

#include <wx/timer.h>

namespace rapport::ui {

class SidebarPanel;

// Runs scripted commands against one panel and one host.
class TestDriver : private wxTimer {
public:
    // Something the driver did or saw, for the test channel's state.log.
    using TraceSink = std::function<void(const std::string& line)>;
    // A command failed unexpectedly (it threw): for the host's log and the panel.
    using ErrorSink = std::function<void(const std::string& description)>;

    // `verbs` may be nullptr: then only the sidebar's verbs are known.
    TestDriver(SidebarPanel& panel, host::HostServices& host, host::HostTestVerbs* verbs, TraceSink trace,
               ErrorSink error);
    ~TestDriver() override;

    // Reads `channel`'s new commands every 50 ms and runs them, until stop().
    void startPolling(TestChannel& channel);
    // No more polling (the host is closing, or a script asked it to quit).
    void stop();
    // Runs one command; false when its verb is unknown.
    bool run(const std::string& command);
    // The host told the sidebar of another active document: where a switch is timed from.
    void noteHostEvent();

private:
    void Notify() override;
    bool runSidebarVerb(const std::string& verb, const std::string& argument);
    bool runHostVerb(const std::string& verb, const std::string& argument);
    void measureSwitches(const std::string& argument);
    // "settings-page CODE": see the verbs above.
    void chooseInSettingsPage(const std::string& code);

    SidebarPanel& panel_;
    host::HostServices& host_;
    host::HostTestVerbs* verbs_;
    TraceSink trace_;
    ErrorSink error_;
    TestChannel* channel_ = nullptr;
    double hostEventCpu_ = 0;  // this thread's CPU time at the last host event, ms
    double hostEventWall_ = 0; // and the steady clock's, ms
};

} // namespace rapport::ui
