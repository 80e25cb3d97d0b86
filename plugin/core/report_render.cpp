// The report's HTML, Markdown and plain-text layouts. Every string they receive is
// already in the report's language; their job is layout and escaping. Each piece of
// user text is escaped for the place it lands in, after sanitizeUtf8.
#include "report.h"

#include "report_unicode.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace rapport {

namespace {

// "Label: value" punctuation: Chinese uses the full-width colon without a space.
std::string_view labelSeparator(Language language) { return language == Language::ChineseSimplified ? "：" : ": "; }

std::string_view statusClass(ItemStatus status) { return statusKeyword(status); }

// ---------------------------------------------------------------------------------
// HTML

// Escapes for HTML text, double-quoted attribute values and SVG (XML) text alike.
void appendEscaped(std::string& out, std::string_view raw)
{
    const std::string text = sanitizeUtf8(raw);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "&#10;"; break; // kept as a line feed, also inside an attribute
        default: out += c;
        }
    }
}

// User text inside an isolate: its own direction, and its bidi marks confined to it.
void appendUserText(std::string& out, std::string_view raw, const char* css_class = nullptr)
{
    out += css_class ? std::string("<bdi class=\"") + css_class + "\">" : std::string("<bdi>");
    appendEscaped(out, unicode::confineBidi(sanitizeUtf8(raw)));
    out += "</bdi>";
}

constexpr const char* kHtmlStyle = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
html{background:#f3f4f6}
body{margin:0;color:#1c1e22;font:15px/1.55 "Noto Sans","DejaVu Sans",system-ui,sans-serif;overflow-wrap:anywhere}
html:lang(zh) body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:820px;margin:24px auto;background:#fff;padding:28px 36px 20px;border:1px solid #d9dce1;border-radius:8px}
header h1{font-size:26px;line-height:1.25;margin:0 0 6px}
.meta{margin:0;color:#4a4f57}
.meta .document{font-weight:600}
h2{font-size:17px;line-height:1.3;margin:0 0 10px;padding-bottom:4px;border-bottom:2px solid #d9dce1}
h2 .count{font-weight:400;color:#4a4f57}
section{margin-top:26px}
.progress-text{font-size:16px;font-weight:600;margin:0 0 8px}
.chart{display:block;width:100%;height:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.user-text{white-space:pre-line;margin:0}
ul.items{list-style:none;margin:0;padding:0}
li.item{margin:0 0 8px;padding:4px 0 4px 12px;border-left:4px solid #9aa1ab}
li.item .title{font-weight:600}
.status{display:inline-block;margin-right:8px;padding:0 6px;font-size:12px;font-weight:600;line-height:18px;border:1px solid #4a4f57;border-radius:3px;white-space:nowrap;vertical-align:1px}
li.status-done{border-left-color:#2e7d32}
li.status-in-progress{border-left-color:#1565c0}
li.status-waiting{border-left-style:dashed;border-left-color:#a86400}
li.status-blocked{border-left-style:double;border-left-color:#b3261e;border-left-width:6px}
li.status-todo{border-left-style:dotted}
.status-waiting .status{border-style:dashed}
.status-blocked .status{border-width:2px}
.detail{display:block;color:#3d4249;font-size:14px}
.note{margin:2px 0 0;font-size:14px;color:#3d4249}
.note .label{font-style:italic}
.empty{margin:0;color:#5d636b;font-style:italic}
.block-waiting-on-client h2{border-bottom-color:#a86400;border-bottom-style:dashed}
.block-overdue h2{border-bottom-color:#b3261e}
footer{margin-top:30px;padding-top:8px;border-top:1px solid #d9dce1;color:#5d636b;font-size:13px}
@page{margin:16mm}
@media print{
html{background:none}
body{font-size:11pt}
main{max-width:none;margin:0;padding:0;border:0}
section,li.item,dl.facts,.chart{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}
}
)css";

// Fill patterns, so a status reads without colour (and in black-and-white print).
constexpr const char* kChartPatterns = R"svg(<defs>
<pattern id="rapport-p-done" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#2e7d32"/></pattern>
<pattern id="rapport-p-in-progress" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#cfe2f8"/><rect width="3" height="8" fill="#1565c0"/></pattern>
<pattern id="rapport-p-waiting" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fde9c4"/><circle cx="4" cy="4" r="2" fill="#a86400"/></pattern>
<pattern id="rapport-p-blocked" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f8d3d0"/><path d="M0 0L8 8M8 0L0 8" stroke="#b3261e" stroke-width="1.6"/></pattern>
<pattern id="rapport-p-todo" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffffff"/></pattern>
<pattern id="rapport-p-na" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#eceef1"/><rect y="3" width="8" height="2" fill="#8a9099"/></pattern>
</defs>)svg";

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

void appendChart(std::string& out, const ReportContent& report)
{
    constexpr double width = 640;
    constexpr double barHeight = 36;
    constexpr double legendTop = 58;
    constexpr double rowHeight = 28;
    const std::size_t rows = (report.chart.size() + 1) / 2;
    const double height = legendTop + static_cast<double>(rows) * rowHeight;
    std::size_t total = 0;
    for (const auto& slice : report.chart)
        total += slice.count;

    out += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 640 " + number(height) +
           "\" aria-labelledby=\"rapport-chart-title rapport-chart-desc\"><title id=\"rapport-chart-title\">";
    appendEscaped(out, report.chart_label);
    out += "</title><desc id=\"rapport-chart-desc\">";
    appendEscaped(out, report.progress_text);
    out += "</desc>";
    out += kChartPatterns;
    // The stacked bar: one segment per status, in the chart's order.
    double x = 0;
    for (const auto& slice : report.chart) {
        if (slice.count == 0 || total == 0)
            continue;
        const double w = width * static_cast<double>(slice.count) / static_cast<double>(total);
        const std::string key(statusClass(slice.status));
        out += "<rect x=\"" + number(x) + "\" y=\"0\" width=\"" + number(w) + "\" height=\"" + number(barHeight) +
               "\" fill=\"url(#rapport-p-" + key + ")\" stroke=\"#1c1e22\" stroke-width=\"1\"/>";
        if (w >= 28) {
            // The count on a white plate, readable over any pattern.
            const std::string count = std::to_string(slice.count);
            const double plate = 10 + 8.5 * static_cast<double>(count.size());
            out += "<rect x=\"" + number(x + w / 2 - plate / 2) + "\" y=\"9\" width=\"" + number(plate) +
                   "\" height=\"18\" rx=\"3\" fill=\"#fff\" stroke=\"#1c1e22\" stroke-width=\".6\"/>";
            out += "<text x=\"" + number(x + w / 2) + "\" y=\"23\" text-anchor=\"middle\" font-size=\"13\" "
                   "font-weight=\"600\" fill=\"#1c1e22\">" + count + "</text>";
        }
        x += w;
    }
    if (total == 0)
        out += "<rect x=\"0\" y=\"0\" width=\"640\" height=\"36\" fill=\"#fff\" stroke=\"#1c1e22\"/>";
    // The legend: pattern, status name and count, two columns.
    for (std::size_t i = 0; i < report.chart.size(); ++i) {
        const auto& slice = report.chart[i];
        const double left = i < rows ? 0 : width / 2;
        const double top = legendTop + static_cast<double>(i % rows) * rowHeight;
        const std::string key(statusClass(slice.status));
        out += "<rect x=\"" + number(left) + "\" y=\"" + number(top) + "\" width=\"18\" height=\"18\" fill=\"url(#rapport-p-" +
               key + ")\" stroke=\"#1c1e22\"/>";
        out += "<text x=\"" + number(left + 28) + "\" y=\"" + number(top + 14) + "\" font-size=\"15\" fill=\"#1c1e22\">";
        appendEscaped(out, slice.label);
        appendEscaped(out, labelSeparator(report.language));
        out += "<tspan font-weight=\"600\">" + std::to_string(slice.count) + "</tspan></text>";
    }
    out += "</svg>\n";
}

void appendItem(std::string& out, const ReportContent& report, const ReportItem& item)
{
    out += "<li class=\"item status-";
    out += statusClass(item.status);
    out += "\"><span class=\"status\">";
    appendEscaped(out, item.status_word);
    out += "</span>";
    appendUserText(out, item.title, "title");
    if (!item.detail.empty())
        appendUserText(out, item.detail, "detail");
    if (!item.note.empty()) {
        out += "<p class=\"note\"><span class=\"label\">";
        appendEscaped(out, report.note_label);
        appendEscaped(out, labelSeparator(report.language));
        out += "</span>";
        appendUserText(out, item.note);
        out += "</p>";
    }
    out += "</li>\n";
}

void appendUserSection(std::string& out, const char* css_class, const std::string& heading, const std::string& text)
{
    if (text.empty())
        return;
    out += "<section class=\"";
    out += css_class;
    out += "\"><h2>";
    appendEscaped(out, heading);
    out += "</h2><p class=\"user-text\" dir=\"auto\">";
    // One isolate per line: a right-to-left mark on one line cannot reach the next.
    const std::string clean = sanitizeUtf8(text);
    std::size_t start = 0;
    while (true) {
        const std::size_t end = clean.find('\n', start);
        appendUserText(out, std::string_view(clean).substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        out += '\n';
        start = end + 1;
    }
    out += "</p></section>\n";
}

// ---------------------------------------------------------------------------------
// Markdown

// User or report text made inert for Markdown: characters that start emphasis, code,
// links, HTML, tables or strikethrough are backslash-escaped (`<` becomes &lt;, which
// every Markdown dialect shows as `<`), and what would start a block at the beginning
// of a line (#, -, +, >, =, "1." or "1)", indentation) is neutralised.
std::string markdownEscaped(std::string_view raw, bool single_line)
{
    std::string text = sanitizeUtf8(raw);
    if (single_line)
        std::replace(text.begin(), text.end(), '\n', ' ');
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? end : end - start);
        // Leading blanks would make an indented code block.
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        // A line "starts" after any invisible isolate marks (U+2066..U+2069) in front.
        std::size_t first = 0;
        while (line.size() >= first + 3 && line.compare(first, 2, "\xE2\x81") == 0 &&
               static_cast<unsigned char>(line[first + 2]) >= 0xA6 && static_cast<unsigned char>(line[first + 2]) <= 0xA9)
            first += 3;
        std::size_t digits = first;
        while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
            ++digits;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            const bool atStart = i == first;
            if (c == '<') {
                out += "&lt;";
                continue;
            }
            if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '|' || c == '~' ||
                c == '&' || c == '!' || (atStart && (c == '#' || c == '-' || c == '+' || c == '>' || c == '=')) ||
                (c == '>' && i > 0) || (digits > first && i == digits && (c == '.' || c == ')')))
                out += '\\';
            out += c;
        }
        if (end == std::string::npos)
            break;
        out += "  \n"; // a hard line break: the user's lines stay lines
        start = end + 1;
    }
    return out;
}

std::string markdownUser(std::string_view raw, bool single_line)
{
    return markdownEscaped(unicode::isolate(sanitizeUtf8(raw)), single_line);
}

std::string textBar(int percent, int cells, const char* full, const char* empty)
{
    percent = std::clamp(percent, 0, 100);
    const int filled = (percent * cells + 50) / 100;
    std::string bar;
    for (int i = 0; i < cells; ++i)
        bar += i < filled ? full : empty;
    return bar;
}

// ---------------------------------------------------------------------------------
// Plain text

constexpr std::size_t kTextWidth = 78;

void appendWrapped(std::string& out, std::string_view text, std::string_view first_prefix, std::string_view next_prefix)
{
    const std::size_t indent = std::max(displayWidth(first_prefix), displayWidth(next_prefix));
    const auto lines = unicode::wrap(text, kTextWidth - indent);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = std::string(i == 0 ? first_prefix : next_prefix) + lines[i];
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line;
        out += '\n';
    }
}

void appendUnderlined(std::string& out, std::string_view heading, char rule)
{
    appendWrapped(out, heading, "", "");
    const std::size_t width = std::min(displayWidth(heading), kTextWidth);
    out.append(std::max<std::size_t>(width, 3), rule);
    out += '\n';
}

std::string plainUser(std::string_view raw) { return unicode::isolate(sanitizeUtf8(raw)); }

std::string padded(std::string_view text, std::size_t columns)
{
    std::string out(text);
    const std::size_t width = displayWidth(text);
    if (width < columns)
        out.append(columns - width, ' ');
    return out;
}

} // namespace

std::string renderHtml(const ReportContent& report)
{
    std::string out;
    out.reserve(16 * 1024 + report.items.size() * 600);
    out += "<!DOCTYPE html>\n<html lang=\"";
    appendEscaped(out, report.language_code);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Defence in depth: even if some text escaped its escaping, nothing could load or run.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"Rapport\">\n<title>";
    appendEscaped(out, report.title);
    if (!report.document_name.empty()) {
        out += " — ";
        appendEscaped(out, unicode::isolate(sanitizeUtf8(report.document_name)));
    }
    out += "</title>\n<style>";
    out += kHtmlStyle;
    out += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>";
    appendEscaped(out, report.title);
    out += "</h1>\n<p class=\"meta\">";
    if (!report.document_name.empty()) {
        appendUserText(out, report.document_name, "document");
        out += " · ";
    }
    out += "<time";
    if (!report.today.empty()) {
        out += " datetime=\"";
        appendEscaped(out, report.today);
        out += "\"";
    }
    out += ">";
    appendEscaped(out, report.date_text);
    out += "</time></p>\n</header>\n";

    out += "<section class=\"progress\"><h2>";
    appendEscaped(out, report.progress_heading);
    out += "</h2>\n<p class=\"progress-text\">";
    appendEscaped(out, report.progress_text);
    out += "</p>\n";
    appendChart(out, report);
    out += "</section>\n";

    if (!report.facts.empty()) {
        out += "<section class=\"facts\"><h2>";
        appendEscaped(out, report.facts_heading);
        out += "</h2>\n<dl class=\"facts\">";
        for (const ReportFact& fact : report.facts) {
            out += "<dt>";
            appendEscaped(out, fact.label);
            out += "</dt><dd>";
            appendEscaped(out, fact.value);
            out += "</dd>";
        }
        out += "</dl></section>\n";
    }
    appendUserSection(out, "summary", report.summary_heading, report.summary);
    appendUserSection(out, "next-steps", report.next_steps_heading, report.next_steps);

    for (const ReportBlock& block : report.blocks) {
        out += "<section class=\"block block-";
        appendEscaped(out, block.key);
        out += "\"><h2>";
        appendEscaped(out, block.heading);
        out += " <span class=\"count\">(" + std::to_string(block.items.size()) + ")</span></h2>\n";
        if (block.items.empty()) {
            out += "<p class=\"empty\">";
            appendEscaped(out, block.empty_text);
            out += "</p>\n";
        } else {
            out += "<ul class=\"items\">\n";
            for (const ReportItem& item : block.items)
                appendItem(out, report, item);
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    out += "<footer>";
    appendEscaped(out, report.footer);
    out += "</footer>\n</main>\n</body>\n</html>\n";
    return out;
}

std::string renderMarkdown(const ReportContent& report)
{
    std::string out;
    out.reserve(4 * 1024 + report.items.size() * 200);
    const std::string_view separator = labelSeparator(report.language);
    const auto heading = [&](const char* marks, std::string_view text) {
        out += marks;
        out += markdownEscaped(text, true);
        out += "\n\n";
    };
    heading("# ", report.title);
    if (!report.document_name.empty())
        out += "**" + markdownUser(report.document_name, true) + "** · ";
    out += markdownEscaped(report.date_text, true) + "\n\n";

    heading("## ", report.progress_heading);
    out += markdownEscaped(report.progress_text, true) + "\n\n";
    out += "`" + textBar(report.percent_done, 20, "█", "░") + "`\n\n";
    for (const ReportChartSlice& slice : report.chart)
        out += "- " + markdownEscaped(slice.label, true) + std::string(separator) + std::to_string(slice.count) + "\n";
    out += "\n";

    if (!report.facts.empty()) {
        heading("## ", report.facts_heading);
        for (const ReportFact& fact : report.facts)
            out += "- **" + markdownEscaped(fact.label, true) + "**" + std::string(separator) +
                   markdownEscaped(fact.value, true) + "\n";
        out += "\n";
    }
    for (const auto& [title, text] : {std::pair{&report.summary_heading, &report.summary},
                                      std::pair{&report.next_steps_heading, &report.next_steps}}) {
        if (text->empty())
            continue;
        heading("## ", *title);
        out += markdownUser(*text, false) + "\n\n";
    }
    for (const ReportBlock& block : report.blocks) {
        heading("## ", block.heading + " (" + std::to_string(block.items.size()) + ")");
        if (block.items.empty()) {
            out += "*" + markdownEscaped(block.empty_text, true) + "*\n\n";
            continue;
        }
        for (const ReportItem& item : block.items) {
            out += "- **" + markdownUser(item.title, true) + "** — *" + markdownEscaped(item.status_word, true) + "*";
            if (!item.detail.empty())
                out += "  \n  " + markdownEscaped(item.detail, true);
            if (!item.note.empty())
                out += "  \n  *" + markdownEscaped(report.note_label, true) + "*" + std::string(separator) +
                       markdownUser(item.note, true);
            out += "\n";
        }
        out += "\n";
    }
    out += "---\n\n" + markdownEscaped(report.footer, true) + "\n";
    return out;
}

std::string renderText(const ReportContent& report)
{
    std::string out;
    out.reserve(4 * 1024 + report.items.size() * 200);
    const std::string separator(labelSeparator(report.language));
    appendUnderlined(out, sanitizeUtf8(report.title), '=');
    std::string meta = report.document_name.empty() ? std::string() : plainUser(report.document_name) + " · ";
    appendWrapped(out, meta + sanitizeUtf8(report.date_text), "", "");
    out += '\n';

    appendUnderlined(out, sanitizeUtf8(report.progress_heading), '-');
    appendWrapped(out, sanitizeUtf8(report.progress_text), "", "");
    out += "[" + textBar(report.percent_done, 40, "#", ".") + "]\n";
    std::size_t labelWidth = 0;
    for (const ReportChartSlice& slice : report.chart)
        labelWidth = std::max(labelWidth, displayWidth(sanitizeUtf8(slice.label)));
    for (const ReportChartSlice& slice : report.chart)
        out += "  " + padded(sanitizeUtf8(slice.label), labelWidth) + "  " + std::to_string(slice.count) + "\n";
    out += '\n';

    if (!report.facts.empty()) {
        appendUnderlined(out, sanitizeUtf8(report.facts_heading), '-');
        for (const ReportFact& fact : report.facts)
            appendWrapped(out, sanitizeUtf8(fact.label) + separator + sanitizeUtf8(fact.value), "  ", "    ");
        out += '\n';
    }
    for (const auto& [title, text] : {std::pair{&report.summary_heading, &report.summary},
                                      std::pair{&report.next_steps_heading, &report.next_steps}}) {
        if (text->empty())
            continue;
        appendUnderlined(out, sanitizeUtf8(*title), '-');
        appendWrapped(out, plainUser(*text), "", "");
        out += '\n';
    }
    for (const ReportBlock& block : report.blocks) {
        appendUnderlined(out, sanitizeUtf8(block.heading) + " (" + std::to_string(block.items.size()) + ")", '-');
        if (block.items.empty())
            appendWrapped(out, sanitizeUtf8(block.empty_text), "  ", "  ");
        for (const ReportItem& item : block.items) {
            std::string title = plainUser(item.title);
            std::replace(title.begin(), title.end(), '\n', ' ');
            appendWrapped(out, title + " [" + sanitizeUtf8(item.status_word) + "]", "  * ", "    ");
            if (!item.detail.empty())
                appendWrapped(out, sanitizeUtf8(item.detail), "    ", "    ");
            if (!item.note.empty()) {
                std::string note = plainUser(item.note);
                std::replace(note.begin(), note.end(), '\n', ' ');
                appendWrapped(out, sanitizeUtf8(report.note_label) + separator + note, "    ", "    ");
            }
        }
        out += '\n';
    }
    appendWrapped(out, sanitizeUtf8(report.footer), "", "");
    return out;
}

} // namespace rapport
