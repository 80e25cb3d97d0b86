// Watches the active document's sidecar (sharing.h) for changes made outside this
// sidebar — a git pull, Syncthing, a colleague on a network folder — with a cheap stat on
// a timer: it works in every host, Geany too, where wx runs without an event loop of its
// own. A change found is handed on (the panel reads it in and redraws). Lines this sidebar
// appended are sorted into place once the user pauses. The controller owns it beside the
// session it looks at, so that it never outlives the session.
#pragma once

#include "sidebar_session.h"

#include <functional>
#include <string>

#include <wx/timer.h>

namespace rapport::ui {

// The timer and what it checks at each tick.
class SidecarWatch : private wxTimer {
public:
    // How often the sidecar is looked at: a change shows within a third of a second.
    static constexpr int kPollMilliseconds = 300;

    // `changed` runs when the sidecar changed on disk, or when reading it back found
    // changes from others; `failed` hears what either let out (nothing reaches wx).
    SidecarWatch(SidebarSession& session, std::function<void()> changed,
                 std::function<void(const std::string&)> failed);
    ~SidecarWatch() override;

    // Looks now, as a tick does (tests and benchmarks call it to skip the wait).
    void check();

private:
    void Notify() override;

    SidebarSession& session_;
    std::function<void()> changed_;
    std::function<void(const std::string&)> failed_;
    int unsettledTicks_ = 0; // ticks since this sidebar appended lines not yet in place
};

} // namespace rapport::ui
