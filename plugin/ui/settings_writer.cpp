#include "settings_writer.h"

#include "contained.h"

#include <exception>
#include <utility>

namespace rapport::ui {

namespace {

// Nothing may leave the worker: an exception leaving a thread ends the host.
Status saveCaught(const Settings& settings) noexcept
{
    try {
        try {
            return settings.save();
        } catch (const std::exception& e) {
            return Error{ErrorCode::FileWriteFailed, settings.file().string(), e.what()};
        }
    } catch (...) {
        return Error{ErrorCode::FileWriteFailed, {}, {}}; // even the words could not be had (out of memory)
    }
}

} // namespace

SettingsWriter::SettingsWriter(FailureSink on_failure) : onFailure_(std::move(on_failure)) {}

SettingsWriter::~SettingsWriter()
{
    // Only waits: what reports a failure may be gone already (its owner calls finish()
    // while it can still hear the answer).
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !queued_ && !writing_; });
    lock.unlock();
    worker_.request_stop();
}

void SettingsWriter::write(Settings settings)
{
    std::unique_lock lock(mutex_);
    queued_ = std::move(settings);
    if (worker_.joinable()) {
        lock.unlock();
        changed_.notify_all();
        return;
    }
    try {
        worker_ = std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
        lock.unlock();
        changed_.notify_all();
    } catch (...) { // no thread to be had: written here, and nothing left waiting
        std::optional<Settings> now;
        now.swap(queued_);
        record(saveCaught(*now));
        lock.unlock();
        reportFailures();
    }
}

void SettingsWriter::record(Status saved) noexcept
{
    try {
        if (saved) {
            unreported_.clear(); // the file holds the latest choice: an older failure is moot
        } else {
            unreported_.push_back(saved.error());
            // Thread-safe: queued for the UI thread, deleted unrun if the writer goes first.
            uiThread_.CallAfter([this] { reportFailures(); });
        }
        last_ = std::move(saved);
    } catch (...) { // out of memory: the failure goes unsaid
    }
}

void SettingsWriter::run(std::stop_token stop) noexcept
{
    std::unique_lock lock(mutex_, std::defer_lock);
    try {
        lock.lock();
    } catch (...) {
        return;
    }
    for (;;) {
        bool more = false;
        try {
            more = changed_.wait(lock, stop, [this] { return queued_.has_value(); });
        } catch (...) { // a wait that fails: what is queued is dropped, so that nobody waits for it
            queued_.reset();
        }
        if (!more) {
            changed_.notify_all();
            return;
        }
        std::optional<Settings> settings;
        settings.swap(queued_);
        writing_ = true;
        lock.unlock();
        Status saved = saveCaught(*settings);
        lock.lock(); // cannot fail: this thread gave the mutex up a moment ago
        writing_ = false;
        record(std::move(saved));
        changed_.notify_all();
    }
}

Status SettingsWriter::finish()
{
    Status last;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !queued_ && !writing_; });
        last = last_;
    }
    reportFailures();
    return last;
}

void SettingsWriter::reportFailures() noexcept
{
    std::vector<Error> failures;
    try {
        std::lock_guard lock(mutex_);
        failures.swap(unreported_);
    } catch (...) {
        return;
    }
    if (!onFailure_)
        return;
    for (const Error& error : failures)
        runContained([&] { onFailure_(error); }, [](const std::string&) {});
}

} // namespace rapport::ui
