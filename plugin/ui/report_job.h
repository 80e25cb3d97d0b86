// Writing a report file from the sidebar: the report's content is built on the UI thread
// (store reads only), the file is written on a worker thread while a progress bar pulses
// (complete and synced, under a temporary name), then the report is kept in the store as
// a snapshot, and only then is the file put in its place: a snapshot stands for a report
// the client could have received, and a report whose snapshot could not be kept leaves
// no file behind.
#pragma once

#include "panel_context.h"
#include "report_dialogs.h"

#include "atomic_file.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

#include <wx/timer.h>

class wxGauge;
class wxSizer;
class wxWindow;

namespace rapport::ui {

// At most one report being written, and what is kept of it afterwards.
class ReportJob {
public:
    // Builds the progress bar inside `panel` and adds it (hidden) to `column`.
    ReportJob(wxWindow* panel, wxSizer* column, PanelContext& context);
    // Waits for a report still being written: a file is finished, never cut off half-written.
    ~ReportJob();
    ReportJob(const ReportJob&) = delete;
    ReportJob& operator=(const ReportJob&) = delete;

    // Whether a report is being written now.
    bool running() const noexcept { return worker_.joinable() && !done_->load(); }
    // The defaults "Create report…" starts from: the last report's language, else the
    // sidebar's, and a file beside the document.
    ReportDraft defaults() const;
    // Builds the report `draft` asks for and starts writing it; does nothing while another
    // is being written or without a checklist.
    void start(const ReportDraft& draft);
    // Called once a report is saved and kept (the panel then offers "Mark update sent").
    void onSaved(std::function<void()> saved) { saved_ = std::move(saved); }

private:
    // Back on the UI thread with the prepared file: keeps the snapshot, then puts the file
    // in place, and says so.
    void finished(Result<AtomicFile>& prepared);

    wxWindow* panel_;
    PanelContext& context_;
    wxGauge* progress_ = nullptr;
    wxTimer pulse_;
    std::unique_ptr<ReportDraft> draft_;
    std::unique_ptr<ReportContent> report_;
    std::int64_t document_ = 0; // the report's document: the user may have moved on meanwhile
    std::function<void()> saved_;
    std::shared_ptr<std::atomic<bool>> done_ = std::make_shared<std::atomic<bool>>(true);
    std::shared_ptr<int> alive_ = std::make_shared<int>(0); // the worker's callback checks the job lives
    std::jthread worker_;
};

} // namespace rapport::ui
