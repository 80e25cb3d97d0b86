#include "report_job.h"

#include "calendar.h"

#include "report_file.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <ctime>
#include <exception>
#include <filesystem>
#include <memory>

#include <wx/app.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/window.h>

namespace rapport::ui {

namespace bl = boost::locale;

ReportJob::ReportJob(wxWindow* panel, wxSizer* column, PanelContext& context) : panel_(panel), context_(context)
{
    progress_ = new wxGauge(panel, wxID_ANY, 100, wxDefaultPosition, panel->FromDIP(wxSize(-1, 6)),
                            wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "rapport-report-progress");
    column->Add(progress_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, panel->FromDIP(6));
    progress_->Hide();
    pulse_.SetOwner(progress_);
    progress_->Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { context_.guarded([&] { progress_->Pulse(); }); }, pulse_.GetId());
}

ReportJob::~ReportJob()
{
    pulse_.Stop();
    alive_.reset();
    if (worker_.joinable())
        worker_.join();
}

ReportDraft ReportJob::defaults() const
{
    SidebarSession& session = context_.session();
    ReportDraft draft;
    draft.language = session.defaultReportLanguage().value_or(context_.language()); // the client's, the last; else the sidebar's
    draft.format = ReportFormat::Html;
    const std::filesystem::path document = session.documentPath();
    draft.file = document.parent_path() /
                 (document.stem().string() + "-report-" + context_.today() + reportFileExtension(draft.format));
    return draft;
}

void ReportJob::start(const ReportDraft& draft)
{
    SidebarSession& session = context_.session();
    if (session.view() != SidebarSession::View::Checklist || running() || context_.readOnly())
        return;
    // The same rules as the dialog's, again: the file system may have changed meanwhile.
    if (const Status allowed = session.checkOutputFile(draft.file); !allowed) {
        context_.reportStatus(allowed);
        return;
    }
    auto built = session.buildReport(draft.language, draft.summary, draft.next_steps, context_.today(),
                                     nowSeconds());
    if (!built) {
        context_.reportStatus(built.error());
        return;
    }
    if (worker_.joinable())
        worker_.join(); // the previous one is done (running() said so)
    draft_ = std::make_unique<ReportDraft>(draft);
    report_ = std::make_unique<ReportContent>(std::move(built.value()));
    document_ = session.checklist()->document_id;
    const std::locale& loc = context_.locale();
    // TRANSLATORS: shown while a report file is being written; {1} is the file name.
    context_.showNotice((bl::format(bl::translate("Writing {1}…")) % draft.file.filename().string()).str(loc));
    progress_->Show();
    progress_->Pulse();
    pulse_.Start(100);
    panel_->Layout();
    done_->store(false);
    // A PDF of a long checklist takes a few hundred milliseconds: never on the UI thread.
    worker_ = std::jthread([this, report = *report_, format = draft.format, file = draft.file, done = done_,
                            alive = std::weak_ptr<int>(alive_)] {
        auto prepared = std::make_shared<Result<AtomicFile>>(Error{ErrorCode::FileWriteFailed, file.string(), {}});
        try {
            *prepared = prepareReportFile(report, format, file);
        } catch (const std::exception& e) {
            *prepared = Error{ErrorCode::FileWriteFailed, file.string(), e.what()};
        }
        wxTheApp->CallAfter([this, prepared, done, alive] {
            done->store(true);
            if (alive.lock()) // the job, and so the panel, still exists
                context_.guarded([&] { finished(*prepared); });
        });
    });
    context_.trace("report-started\t" + draft.file.string());
}

void ReportJob::finished(Result<AtomicFile>& prepared)
{
    pulse_.Stop();
    progress_->Hide();
    if (!prepared || !report_ || !draft_) {
        if (!prepared)
            context_.reportStatus(prepared.error());
        panel_->Layout();
        return;
    }
    auto kept = context_.session().keepReport(document_, *report_, draft_->format,
                                              nowSeconds());
    if (!kept) {
        context_.reportStatus(kept.error()); // the prepared file goes with its temporary name
        panel_->Layout();
        return;
    }
    const std::locale& loc = context_.locale();
    if (const Status committed = prepared.value().commit(); !committed) {
        context_.reportStatus(committed);
        panel_->Layout();
        return;
    }
    // TRANSLATORS: shown when a report was written; {1} is the file's path.
    context_.showNotice((bl::format(bl::translate("Report saved as {1}")) % draft_->file.string()).str(loc));
    context_.trace("report\t" + draft_->file.string() + "\t" + std::string(languageCode(draft_->language)) + "\t" +
                   std::string(reportFormatKeyword(draft_->format)) + "\tid=" + std::to_string(kept.value()));
    report_.reset();
    draft_.reset();
    if (saved_)
        saved_();
}

} // namespace rapport::ui
