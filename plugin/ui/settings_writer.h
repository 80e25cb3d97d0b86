#pragma once

#include "error.h"
#include "settings.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rapport::ui {

// Writes settings.xml off the UI thread: a write waits for the disk (an fsync), which a
// language switch or a reminder must not. The settings are preferences, not the user's
// checklists: the sidebar shows a choice at once and the file holds it a few milliseconds
// later; readers of the file and the end of the session wait for it (finish()). Writes
// asked for while one is under way are folded into one, of the latest settings, so the
// file always ends with the last choice. A failed write is reported on the UI thread.
class SettingsWriter {
public:
    // Called on the UI thread with the error of a write that failed.
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
    void run(std::stop_token stop);
    // Reports the failures collected so far; the UI thread's, with the mutex not held.
    void reportFailures();

    FailureSink onFailure_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::optional<Settings> queued_; // the latest settings not yet being written
    bool writing_ = false;
    Status last_;                    // the result of the last write finished
    std::vector<Error> unreported_;  // failures the UI thread has not heard of
    std::shared_ptr<SettingsWriter*> self_; // the worker's way back (read under mutex_), gone with the writer
    std::jthread worker_;            // started at the first write; last, so it stops first
};

} // namespace rapport::ui
