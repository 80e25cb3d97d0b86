#pragma once

#include "error.h"
#include "settings.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <wx/event.h>

namespace rapport::ui {

// Writes settings.xml off the UI thread: a write waits for the disk (an fsync), which a
// language switch or a reminder must not. The settings are preferences, not the user's
// checklists: the sidebar shows a choice at once and the file holds it a few milliseconds
// later; readers of the file and the end of the session wait for it (finish()). Writes
// asked for while one is under way are folded into one, of the latest settings, so the
// file always ends with the last choice. A failed write is reported on the UI thread.
class SettingsWriter {
public:
    // Called on the UI thread with the error of a write that failed; what it throws is
    // swallowed (and logged nowhere: it is the place errors are said).
    using FailureSink = std::function<void(const Error& error)>;

    explicit SettingsWriter(FailureSink on_failure);
    // Waits for the writes asked for; says nothing of them (call finish() for that).
    ~SettingsWriter();
    SettingsWriter(const SettingsWriter&) = delete;
    SettingsWriter& operator=(const SettingsWriter&) = delete;

    // Has `settings` written; returns at once (or after writing here, when no thread can be had).
    void write(Settings settings);
    // Waits until every write asked for has finished; the last one's result. Failures not
    // reported yet go to the sink first.
    Status finish();

private:
    void run(std::stop_token stop) noexcept;
    // Keeps the result of a write (mutex_ held); a failure is queued for the UI thread.
    void record(Status saved) noexcept;
    // Reports the failures collected so far; the UI thread's, with the mutex not held.
    void reportFailures() noexcept;

    FailureSink onFailure_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::optional<Settings> queued_; // the latest settings not yet being written
    bool writing_ = false;
    Status last_;                    // the result of the last write finished
    std::vector<Error> unreported_;  // failures the UI thread has not heard of
    // The worker's way back to the UI thread: its pending calls go with the writer, so none
    // runs after it (nor after the host unloads the plugin).
    wxEvtHandler uiThread_;
    std::jthread worker_; // started at the first write; last, so it stops first
};

} // namespace rapport::ui
