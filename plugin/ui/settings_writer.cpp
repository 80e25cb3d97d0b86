#include "settings_writer.h"

#include <exception>
#include <system_error>
#include <utility>

#include <wx/app.h>

namespace rapport::ui {

namespace {

// On the worker nothing may escape: an exception leaving a thread ends the host.
Status saveCaught(const Settings& settings)
{
    try {
        return settings.save();
    } catch (const std::exception& e) {
        return Error{ErrorCode::FileWriteFailed, settings.file().string(), e.what()};
    } catch (...) {
        return Error{ErrorCode::FileWriteFailed, settings.file().string(), "unexpected error"};
    }
}

} // namespace

SettingsWriter::SettingsWriter(FailureSink on_failure)
    : onFailure_(std::move(on_failure)), self_(std::make_shared<SettingsWriter*>(this))
{
}

SettingsWriter::~SettingsWriter()
{
    {
        std::lock_guard lock(mutex_); // the worker reads self_ under it
        self_.reset();                // a report it queued finds no writer
    }
    // Only waits: what reports a failure may be gone already (its owner calls finish()
    // while it can still hear the answer).
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !queued_ && !writing_; });
    lock.unlock();
    worker_.request_stop();
}

void SettingsWriter::write(Settings settings)
{
    {
        std::lock_guard lock(mutex_);
        queued_ = std::move(settings);
    }
    if (!worker_.joinable()) {
        try {
            worker_ = std::jthread([this](std::stop_token stop) { run(stop); });
        } catch (const std::system_error&) { // no thread to be had: written here
            Settings now = std::move(*queued_);
            queued_.reset();
            last_ = saveCaught(now);
            if (!last_)
                unreported_.push_back(last_.error());
            reportFailures();
            return;
        }
    }
    changed_.notify_all();
}

void SettingsWriter::run(std::stop_token stop)
{
    std::unique_lock lock(mutex_);
    while (changed_.wait(lock, stop, [this] { return queued_.has_value(); })) {
        std::optional<Settings> settings;
        settings.swap(queued_);
        writing_ = true;
        lock.unlock();
        Status saved = saveCaught(*settings);
        lock.lock();
        writing_ = false;
        try {
            last_ = saved;
            if (!saved) {
                unreported_.push_back(saved.error());
                // wxTheApp outlives the plugin; the callback runs on the UI thread, where the
                // writer is destroyed, so the lock of `self` cannot race with that.
                if (wxTheApp)
                    wxTheApp->CallAfter([self = std::weak_ptr(self_)] {
                        if (const auto writer = self.lock())
                            (*writer)->reportFailures();
                    });
            }
        } catch (...) { // out of memory: the failure goes unsaid, and nothing leaves the thread
        }
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

void SettingsWriter::reportFailures()
{
    std::vector<Error> failures;
    {
        std::lock_guard lock(mutex_);
        failures.swap(unreported_);
    }
    if (onFailure_)
        for (const Error& error : failures)
            onFailure_(error);
}

} // namespace rapport::ui
