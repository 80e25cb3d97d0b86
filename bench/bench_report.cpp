// Report benchmarks on a checklist of 1,000 items with 10,000 history entries, read back
// from a temporary store exactly as the command-line tool and the sidebar read it:
//   report_load_ms   reading the checklist and its history from the store
//   report_build_ms  buildReport: blocks, chart, facts, every string translated (Russian)
//   report_html_ms   renderHtml of that report (goal: at most 20 ms)
//   report_md_ms     renderMarkdown
//   report_txt_ms    renderText
//   report_xml_ms    reportToXml, the snapshot kept for every report
//   report_pdf_ms    writing that report as a PDF file (cairo and Pango), median of 5 after a warm-up
//                    (goal: at most 100 ms)
//   report_pdf_cpu_ms the processor time of the same runs: steadier than the wall clock on a
//                    shared machine, for comparing two builds
// With 1,000 client log entries added to the same checklist (requests, complaints, change
// requests awaiting, accepted and declined, ...; some internal; every third with a promise
// linked to an item), through Store::apply as the command line and the sidebar add them:
//   report_log_load_ms   reading the checklist, its history and its client log
//   report_log_build_ms  buildReport with the log ("You asked → we did", "Promises kept")
//   report_html_log_ms   renderHtml of that report, beside report_html_ms above
//                        (goal: within 2 ms of it); report_html_log_delta_ms the difference
//   log_add_ms           adding one entry with a promise (item, due date, entry: one batch,
//                        durable) through Store::apply, as `rapport log DOC add --promise` does
// Each other figure is the median of 21 runs.
#include "change.h"
#include "report.h"
#include "report_file.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kItems = 1000;
constexpr int kHistory = 10000;
constexpr int kRuns = 21;

// Processor time this thread has used, in milliseconds.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double medianMs(const std::function<void()>& work)
{
    std::vector<double> samples;
    for (int i = 0; i < kRuns; ++i) {
        const auto start = Clock::now();
        work();
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

// A realistic mix: template and custom items, every status, reasons, notes, due dates
// around today, some internal items, and a history of status changes.
rapport::Checklist makeChecklist()
{
    rapport::Checklist checklist;
    checklist.document_path = "/projects/client/brief.md";
    checklist.template_key = "kickoff";
    checklist.revision_rounds_agreed = 3;
    checklist.revision_rounds_used = 2;
    checklist.next_update_due = "2026-11-30";
    checklist.deadline = "2027-02-01";
    const char* keys[] = {"scope-in-out", "smart-goals", "tech-spec", "deadlines", "budget", "payment-terms"};
    for (int s = 1; s <= 10; ++s)
        checklist.sections.push_back({s, s, "", "", "Section " + std::to_string(s)});
    for (int i = 1; i <= kItems; ++i) {
        rapport::ChecklistItem item;
        item.id = item.position = i;
        item.section_id = (i - 1) / 100 + 1;
        if (i % 4 == 0) {
            item.template_key = "kickoff";
            item.item_key = keys[i % 6];
        } else {
            item.custom_text = "Deliver part " + std::to_string(i) + " of the client's website, «as agreed» & reviewed";
        }
        item.status = static_cast<rapport::ItemStatus>(i % 6);
        item.done = item.status == rapport::ItemStatus::Done;
        if (item.status == rapport::ItemStatus::WaitingOnClient || item.status == rapport::ItemStatus::Blocked) {
            item.status_reason = "Waiting for the texts <and> the photos from the marketing team";
            item.status_since = 1795000000 + i * 600;
        }
        if (i % 3 == 0) {
            char due[16];
            std::snprintf(due, sizeof due, "2026-%02d-%02d", 11 + (i % 2), 1 + i % 28);
            item.due = due;
        }
        if (i % 5 == 0)
            item.note = "Discussed on the call; Maria confirms by e-mail.";
        item.internal = i % 17 == 0;
        checklist.items.push_back(std::move(item));
    }
    return checklist;
}

constexpr int kLogEntries = 1000;

// The client log: what the client said over the three months before the report.
std::vector<rapport::Change> makeLog(std::int64_t document_id)
{
    using namespace rapport;
    std::vector<Change> log;
    for (int i = 1; i <= kLogEntries; ++i) {
        LogEntry entry;
        char when[24];
        std::snprintf(when, sizeof when, "2026-%02d-%02dT%02d:%02d", 9 + i % 3, 1 + i % 28, 9 + i % 9, i % 60);
        entry.when = when;
        entry.channel = static_cast<LogChannel>(i % 4);
        entry.who = "Maria (client)";
        entry.kind = static_cast<LogKind>(i % 6);
        entry.said = "Could you make part " + std::to_string(i) + " «bigger» & clearer before the launch?";
        if (i % 2)
            entry.answer = "Yes, in the next round; we send a preview first.";
        if (entry.kind == LogKind::ChangeRequest) {
            entry.outcome = i % 3 == 0 ? ChangeOutcome::Awaiting : i % 3 == 1 ? ChangeOutcome::Accepted : ChangeOutcome::Declined;
            if (entry.outcome == ChangeOutcome::Declined)
                entry.decline_reason = "Not in the agreed scope; we can quote it separately.";
        }
        if (entry.kind == LogKind::Complaint && i % 4 == 0)
            entry.resolution = "Fixed the same day, and we apologised.";
        entry.internal = i % 13 == 0;
        log.push_back(changes::logEntryAdded(document_id, entry, i % 3 == 0 ? i % kItems + 1 : 0));
    }
    return log;
}

std::vector<rapport::HistoryEntry> makeHistory()
{
    std::vector<rapport::HistoryEntry> history;
    std::mt19937 random(42);
    const char* words[] = {"todo", "in-progress", "waiting", "blocked", "done", "na"};
    for (int i = 1; i <= kHistory; ++i) {
        const auto item = static_cast<std::int64_t>(random() % kItems + 1);
        history.push_back({i, 1790000000 + i * 500, item, i % 3 ? "status" : "note", words[random() % 6],
                           words[random() % 6]});
    }
    return history;
}

} // namespace

int main()
{
    const fs::path folder = fs::temp_directory_path() / ("rapport-bench-report-" + std::to_string(std::random_device{}()));
    fs::create_directories(folder);
    int rc = 0;
    {
        auto store = rapport::Store::open(folder / "rapport.sqlite3");
        if (!store || !store.value().importChecklist(makeChecklist(), makeHistory())) {
            std::fprintf(stderr, "bench: cannot build the store\n");
            rc = 1;
        } else {
            const auto templates = rapport::TemplateLibrary::load(rapport::defaultTemplateFolders());
            const rapport::Localization& localization = rapport::Localization::shared();
            rapport::Checklist checklist;
            std::vector<rapport::HistoryEntry> history;
            const double load = medianMs([&] {
                checklist = std::move(*store.value().checklistFor("/projects/client/brief.md").value());
                history = store.value().history(checklist.document_id).value();
            });
            rapport::ReportRequest request;
            request.language = rapport::Language::Russian;
            request.today = "2026-11-23";
            request.now = 1795400000;
            request.previous_report_at = 1792000000;
            request.summary = "Дизайн утверждён; тексты задерживаются.";
            request.next_steps = "Вёрстка страниц товаров с понедельника.";
            rapport::ReportContent report;
            const double build = medianMs([&] { report = rapport::buildReport(checklist, history, templates, localization, request); });
            std::size_t bytes = 0;
            const double html = medianMs([&] { bytes += rapport::renderHtml(report).size(); });
            const double md = medianMs([&] { bytes += rapport::renderMarkdown(report).size(); });
            const double txt = medianMs([&] { bytes += rapport::renderText(report).size(); });
            const double xml = medianMs([&] { bytes += rapport::reportToXml(report).size(); });
            std::printf("report_load_ms %.2f ms\n", load);
            std::printf("report_build_ms %.2f ms\n", build);
            std::printf("report_html_ms %.2f ms\n", html);
            std::printf("report_md_ms %.2f ms\n", md);
            std::printf("report_txt_ms %.2f ms\n", txt);
            std::printf("report_xml_ms %.2f ms\n", xml);
            std::printf("report_html_kib %.0f KiB\n", static_cast<double>(rapport::renderHtml(report).size()) / 1024.0);
            const fs::path pdf = folder / "report.pdf";
            std::vector<double> pdfRuns;
            std::vector<double> pdfCpu;
            for (int i = 0; i < 6; ++i) {
                const auto start = Clock::now();
                const double cpuStart = cpuMs();
                if (!rapport::writeReportFile(report, rapport::ReportFormat::Pdf, pdf))
                    rc = 1;
                if (i > 0) { // the first run loads the fonts
                    pdfRuns.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                    pdfCpu.push_back(cpuMs() - cpuStart);
                }
            }
            std::sort(pdfRuns.begin(), pdfRuns.end());
            std::sort(pdfCpu.begin(), pdfCpu.end());
            std::printf("report_pdf_ms %.1f ms\n", pdfRuns[pdfRuns.size() / 2]);
            std::printf("report_pdf_cpu_ms %.1f ms\n", pdfCpu[pdfCpu.size() / 2]);

            // The same checklist with 1,000 client log entries, read and reported as the
            // command line does (report_commands.cpp): the log goes into the request.
            if (!store.value().apply(makeLog(checklist.document_id)))
                rc = 1;
            const double logLoad = medianMs([&] {
                checklist = std::move(*store.value().checklistFor("/projects/client/brief.md").value());
                history = store.value().history(checklist.document_id).value();
                request.client_log = store.value().clientLog(checklist.document_id).value();
            });
            if (request.client_log.size() != kLogEntries)
                rc = 1;
            const double logBuild =
                medianMs([&] { report = rapport::buildReport(checklist, history, templates, localization, request); });
            const double logHtml = medianMs([&] { bytes += rapport::renderHtml(report).size(); });
            std::printf("report_log_load_ms %.2f ms\n", logLoad);
            std::printf("report_log_build_ms %.2f ms\n", logBuild);
            std::printf("report_html_log_ms %.2f ms\n", logHtml);
            std::printf("report_html_log_delta_ms %.2f ms\n", logHtml - html);

            // One entry with a promise, durable, as `rapport log DOC add --promise` adds it.
            rapport::LogEntry asked;
            asked.when = "2026-11-23T10:30";
            asked.who = "Maria (client)";
            asked.said = "Can we see the new product pages before Friday?";
            asked.answer = "Yes: we send a preview on Thursday.";
            const double logAdd = medianMs([&] {
                if (!store.value().apply(rapport::changes::logEntryWithPromise(checklist.document_id, asked,
                                                                              "Send the product pages preview", "2026-11-26")))
                    rc = 1;
            });
            std::printf("log_add_ms %.2f ms\n", logAdd);
            if (bytes == 0)
                rc = 1;
        }
    }
    std::error_code ec;
    fs::remove_all(folder, ec);
    return rc;
}
