// Progress reports for the client: built from a checklist and its history in the
// report's own language (independent of the interface's), then laid out as HTML,
// Markdown, plain text or PDF. Internal items never reach a report.
//
// The flow: buildReport() turns the checklist into a ReportContent whose every
// string is already translated and formatted; the renderers only lay it out and
// escape. A ReportContent is also what is kept as the report's snapshot.
#pragma once

#include "error.h"
#include "localization.h"
#include "store.h"
#include "template_library.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// The file formats a report can be written in.
enum class ReportFormat { Html, Markdown, Text, Pdf };

// "html", "md", "txt", "pdf".
std::string_view reportFormatKeyword(ReportFormat format);
// The format for a keyword above, or nullopt.
std::optional<ReportFormat> parseReportFormat(std::string_view keyword);

// What the user decides when making a report.
struct ReportRequest {
    Language language = Language::English; // the client's language
    std::string summary;                    // the user's own words, shown as written
    std::string next_steps;                 // the user's own words, shown as written
    std::string today;                      // YYYY-MM-DD: the report's date
    std::int64_t now = 0;                   // unix seconds, for "since" figures
    std::optional<std::int64_t> previous_report_at; // "completed since" starts here; none: since the start
    // The document's client log (Store::clientLog): its requests, complaints and change
    // requests since the last report, the promises kept, the change requests awaiting a
    // decision. Internal entries (and their promises) never reach a report.
    std::vector<LogEntry> client_log;
};

// One client-visible item as the report shows it; also the unit a snapshot diff compares.
struct ReportItem {
    std::int64_t item_id = 0;
    std::string title;      // translated (template item) or the user's text (custom item)
    ItemStatus status = ItemStatus::ToDo;
    std::string status_word; // the status in the report's language
    std::string due;         // YYYY-MM-DD or ""
    std::string due_text;    // the due date formatted in the report's language, or ""
    std::string detail;      // e.g. "since 3 Nov 2026: waiting for the logo files"; may be ""
    bool client_owned = false; // the client has to act on it
    std::string note;        // the user's note on the item, shown as written; may be ""
};

// One group of the report: a heading and its items.
struct ReportBlock {
    // Stable keys: "completed", "in-progress", "waiting-on-client", "blocked",
    // "overdue", "upcoming"; from the client log, only when they have entries,
    // "you-asked" (what the client asked and what became of it) and "awaiting-decision"
    // (change requests the client has to decide on). A log block's items have id 0. Waiting on the client is always its own block, apart
    // from "overdue", which lists only what is late on our side.
    std::string key;
    std::string heading;    // translated
    std::string empty_text; // translated line shown when the block has no items
    std::vector<ReportItem> items;
};

// One slice of the progress chart.
struct ReportChartSlice {
    ItemStatus status = ItemStatus::ToDo;
    std::string label; // translated status name
    std::size_t count = 0;
};

// A label and a value, e.g. ("Next update", "30 Nov 2026").
struct ReportFact {
    std::string label;
    std::string value;
};

// A report, every string already in the report's language.
struct ReportContent {
    Language language = Language::English;
    std::string language_code;   // "en", "ru", "tr", "zh-CN": for <html lang>
    std::string title;           // "Progress report"
    std::string progress_heading; // "Overall progress"
    std::string chart_label;     // the chart's accessible name, e.g. "Items by status"
    std::string facts_heading;   // "Key dates and figures"
    std::string note_label;      // "Note", shown before an item's note
    std::string document_name;   // the document's file name
    std::string date_text;       // the report date, formatted
    std::string today;           // YYYY-MM-DD
    int percent_done = 0;        // 0..100, Not applicable counted out
    std::string progress_text;   // "7 of 12 items done (58%)", with correct plurals
    std::vector<ReportChartSlice> chart; // counts per status, client-visible items only
    std::vector<ReportFact> facts;       // next update, revision rounds, deadline, ...
    std::string summary_heading;
    std::string summary;         // the user's words
    std::string next_steps_heading;
    std::string next_steps;      // the user's words
    std::vector<ReportBlock> blocks;
    std::vector<ReportItem> items; // every client-visible item, in checklist order (for diffs)
    std::string footer;          // "Made with Rapport on ..."
};

// Builds the report for `checklist` (with its `history`) as `request` asks.
ReportContent buildReport(const Checklist& checklist, const std::vector<HistoryEntry>& history,
                          const TemplateLibrary& templates, const Localization& localization,
                          const ReportRequest& request);

// A self-contained HTML page: inline CSS and SVG, no scripts, no external resources.
std::string renderHtml(const ReportContent& report);
// Markdown to paste into an email or a notes app.
std::string renderMarkdown(const ReportContent& report);
// Plain text, wrapped at 78 columns (East Asian wide characters count as two).
std::string renderText(const ReportContent& report);

// `text` as valid UTF-8 that every format can carry: each invalid byte sequence, each
// control character XML forbids (C0 but tab and line feed, DEL, C1) and U+FFFE/U+FFFF
// becomes U+FFFD; CR LF and a lone CR become LF. Every renderer passes user text through it.
std::string sanitizeUtf8(std::string_view text);

// The columns `text` takes in a terminal, counted per grapheme cluster: East Asian wide
// characters and emoji (sequences, flags and skin tones included) count two, a letter
// with its combining marks one, invisible format characters none.
std::size_t displayWidth(std::string_view utf8);

// The report as snapshot XML (lossless for ReportContent), and back.
std::string reportToXml(const ReportContent& report);
Result<ReportContent> reportFromXml(std::string_view xml);

// What changed for one item between two reports.
struct ReportItemChange {
    std::int64_t item_id = 0;
    std::string title;
    std::optional<ItemStatus> before; // nullopt: the item is new
    std::optional<ItemStatus> after;  // nullopt: the item was removed or made internal
};

// Differences between an older and a newer report, in the newer one's item order.
struct ReportDiff {
    int percent_before = 0;
    int percent_after = 0;
    std::vector<ReportItemChange> changes; // only items whose status or presence changed
};
ReportDiff diffReports(const ReportContent& older, const ReportContent& newer);

} // namespace rapport
