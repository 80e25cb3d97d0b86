// PDF report stress benchmark: a hand-filled report of 1,000 items, every one with a long
// detail, spread over the six blocks, written to a temporary file (bench_report.cpp has
// report_pdf_ms for the report buildReport makes of a real checklist).
//   report_pdf_long_ms      p50 of 10 runs of writePdfReport, layout and file included
//   report_pdf_long_pages   pages in that PDF
#include "report_pdf.h"
#include "temp_folder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

rapport::ReportContent largeReport()
{
    using rapport::ItemStatus;
    rapport::ReportContent report;
    report.language = rapport::Language::English;
    report.language_code = "en";
    report.title = "Progress report";
    report.document_name = "statement-of-work.md";
    report.date_text = "23 Nov 2026";
    report.today = "2026-11-23";
    report.percent_done = 40;
    report.progress_text = "400 of 1,000 items done (40%)";
    const ItemStatus statuses[] = {ItemStatus::Done, ItemStatus::InProgress, ItemStatus::WaitingOnClient,
                                   ItemStatus::Blocked, ItemStatus::ToDo, ItemStatus::ToDo};
    const char* words[] = {"Done", "In progress", "Waiting on the client", "Blocked", "To do", "To do"};
    const char* headings[] = {"Completed", "In progress", "Waiting on the client", "Blocked", "Overdue",
                              "Upcoming deadlines"};
    const char* keys[] = {"completed", "in-progress", "waiting-on-client", "blocked", "overdue", "upcoming"};
    const std::size_t per_block[] = {400, 200, 120, 80, 100, 100};
    for (std::size_t b = 0; b < 5; ++b)
        report.chart.push_back({statuses[b], words[b], per_block[b] + (b == 4 ? per_block[5] : 0)});
    report.facts = {{"Next update", "30 Nov 2026"}, {"Revision rounds", "1 of 3 used"}, {"Deadline", "15 Jan 2027"}};
    report.summary_heading = "Summary";
    report.summary = "The design phase is complete and the client approved the home page. Development is on "
                     "schedule; two items wait on the client's content.";
    report.next_steps_heading = "Next steps";
    report.next_steps = "Finish the checkout flow, then the first round of user testing.";
    std::int64_t id = 1;
    for (std::size_t b = 0; b < 6; ++b) {
        rapport::ReportBlock block{keys[b], headings[b], "Nothing here.", {}};
        for (std::size_t i = 0; i < per_block[b]; ++i, ++id) {
            rapport::ReportItem item;
            item.item_id = id;
            item.title = "Checklist item " + std::to_string(id) + ": agree the details of this deliverable with the client";
            item.status = statuses[b];
            item.status_word = words[b];
            item.due = "2026-12-01";
            item.due_text = "1 Dec 2026";
            if (i % 3 == 0)
                item.detail = "since 3 Nov 2026: waiting for the logo files and the final copy for the landing page";
            block.items.push_back(item);
            report.items.push_back(std::move(item));
        }
        report.blocks.push_back(std::move(block));
    }
    report.footer = "Made with Rapport on 23 Nov 2026";
    return report;
}

// The page count cairo writes in the PDF's page tree ("/Count N").
int pageCount(const fs::path& pdf)
{
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto tree = bytes.find("/Type /Pages");
    const auto count = bytes.find("/Count ", tree == std::string::npos ? 0 : tree);
    return count == std::string::npos ? -1 : std::atoi(bytes.c_str() + count + 7);
}

} // namespace

int main()
{
    const rapport::testing::TempFolder scratch("rapport-bench-report-pdf"); // unique: runs may overlap
    const fs::path folder = scratch.path;
    const fs::path pdf = folder / "report.pdf";
    const rapport::ReportContent report = largeReport();

    std::vector<double> samples;
    for (int i = 0; i < 11; ++i) {
        const auto start = Clock::now();
        const rapport::Status status = rapport::writePdfReport(report, pdf);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (!status) {
            std::fprintf(stderr, "bench: %s\n", status.error().description().c_str());
            return 1;
        }
        if (i > 0) // the first run loads fonts and catalogues
            samples.push_back(ms);
    }
    std::sort(samples.begin(), samples.end());
    std::printf("report_pdf_long_ms %.1f ms\n", samples[samples.size() / 2]);
    std::printf("report_pdf_long_pages %d pages\n", pageCount(pdf));
    return 0;
}
