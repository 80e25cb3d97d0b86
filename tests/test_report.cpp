// Progress reports: content per block, the report's own language, escaping in every
// renderer, the snapshot XML round trip and the diff of two snapshots.
#include "report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

using rapport::ItemStatus;
using rapport::Language;
using namespace std::chrono;

namespace {

const rapport::Localization& l10n() { return rapport::Localization::shared(); }

const rapport::TemplateLibrary& library()
{
    static const rapport::TemplateLibrary templates = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder()});
    return templates;
}

std::int64_t unixAt(sys_days day, int hour = 0) { return duration_cast<seconds>(day.time_since_epoch()).count() + hour * 3600; }

constexpr sys_days kToday = sys_days{year{2026} / 11 / 23};

rapport::ChecklistItem item(std::int64_t id, ItemStatus status, std::string custom_text, std::string due = {})
{
    rapport::ChecklistItem result;
    result.id = id;
    result.position = id;
    result.section_id = 1;
    result.status = status;
    result.done = status == ItemStatus::Done;
    result.custom_text = std::move(custom_text);
    result.due = std::move(due);
    return result;
}

rapport::ChecklistItem templateItem(std::int64_t id, ItemStatus status, std::string key, std::string due = {})
{
    rapport::ChecklistItem result = item(id, status, {}, std::move(due));
    result.template_key = "kickoff";
    result.item_key = std::move(key);
    return result;
}

// One item of every kind the blocks tell apart, on 23 Nov 2026.
rapport::Checklist sampleChecklist()
{
    rapport::Checklist checklist;
    checklist.document_id = 1;
    checklist.document_path = "/projects/acme/brief.md";
    checklist.template_key = "kickoff";
    checklist.sections = {{1, 1, "kickoff", "scope", ""}};
    checklist.items.push_back(templateItem(1, ItemStatus::Done, "scope-in-out"));             // done after the last report
    checklist.items.push_back(templateItem(2, ItemStatus::InProgress, "deadlines", "2026-11-30")); // upcoming, in 7 days
    auto waiting = item(3, ItemStatus::WaitingOnClient, "Logo files", "2026-11-20"); // late, but the client's turn
    waiting.status_reason = "waiting for the logo files";
    waiting.status_since = unixAt(sys_days{year{2026} / 11 / 3});
    waiting.owner = rapport::Owner::Client;
    checklist.items.push_back(waiting);
    auto blocked = item(4, ItemStatus::Blocked, "First invoice paid");
    blocked.status_reason = "the invoice address is missing";
    checklist.items.push_back(blocked);
    checklist.items.push_back(item(5, ItemStatus::ToDo, "Staging server", "2026-11-20")); // overdue on our side
    auto secret = item(6, ItemStatus::ToDo, "Internal margin check", "2026-11-01");
    secret.internal = true;
    secret.note = "never show this";
    checklist.items.push_back(secret);
    checklist.items.push_back(templateItem(7, ItemStatus::Done, "budget")); // done before the last report
    checklist.items.push_back(item(8, ItemStatus::NotApplicable, "Old request"));
    checklist.items.push_back(item(9, ItemStatus::ToDo, "Final review", "2026-12-20")); // beyond 14 days
    checklist.revision_rounds_agreed = 3;
    checklist.revision_rounds_used = 1;
    checklist.next_update_due = "2026-11-30";
    return checklist;
}

std::vector<rapport::HistoryEntry> sampleHistory()
{
    return {{1, unixAt(sys_days{year{2026} / 11 / 5}), 7, "status", "todo", "done"},
            {2, unixAt(sys_days{year{2026} / 11 / 20}, 10), 1, "status", "in-progress", "done"},
            {3, unixAt(sys_days{year{2026} / 11 / 21}), 6, "status", "todo", "done"}, // internal: never shown
            {4, unixAt(sys_days{year{2026} / 11 / 22}), 6, "status", "done", "todo"}};
}

rapport::ReportRequest request(Language language)
{
    rapport::ReportRequest result;
    result.language = language;
    result.today = "2026-11-23";
    result.now = unixAt(kToday, 12);
    result.previous_report_at = unixAt(sys_days{year{2026} / 11 / 10});
    result.summary = "The design is approved.";
    result.next_steps = "We start the build on Monday.";
    return result;
}

rapport::ReportContent build(Language language, const rapport::Checklist& checklist = sampleChecklist())
{
    return rapport::buildReport(checklist, sampleHistory(), library(), l10n(), request(language));
}

const rapport::ReportBlock& block(const rapport::ReportContent& report, const std::string& key)
{
    const auto found = std::find_if(report.blocks.begin(), report.blocks.end(),
                                    [&](const rapport::ReportBlock& b) { return b.key == key; });
    REQUIRE(found != report.blocks.end());
    return *found;
}

std::vector<std::int64_t> ids(const rapport::ReportBlock& b)
{
    std::vector<std::int64_t> result;
    for (const auto& i : b.items)
        result.push_back(i.item_id);
    return result;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::size_t count(const rapport::ReportContent& report, ItemStatus status)
{
    for (const auto& slice : report.chart)
        if (slice.status == status)
            return slice.count;
    return 999;
}

} // namespace

TEST_CASE("each block holds the right items; waiting on the client is kept apart from overdue")
{
    const auto report = build(Language::English);
    CHECK(ids(block(report, "completed")) == std::vector<std::int64_t>{1});
    CHECK(ids(block(report, "in-progress")) == std::vector<std::int64_t>{2});
    CHECK(ids(block(report, "waiting-on-client")) == std::vector<std::int64_t>{3});
    CHECK(ids(block(report, "blocked")) == std::vector<std::int64_t>{4});
    // Item 3 is past its date too, but it waits on the client: not late on our side.
    CHECK(ids(block(report, "overdue")) == std::vector<std::int64_t>{4 + 1});
    CHECK(ids(block(report, "upcoming")) == std::vector<std::int64_t>{2});

    CHECK(block(report, "waiting-on-client").heading == "Waiting for you");
    CHECK(block(report, "overdue").heading == "Overdue on our side");
    CHECK(block(report, "waiting-on-client").items[0].detail ==
          "since " + l10n().formatDate(Language::English, sys_days{year{2026} / 11 / 3}) +
              " (20 days): waiting for the logo files");
    CHECK(block(report, "waiting-on-client").items[0].client_owned);
    CHECK(block(report, "blocked").items[0].detail == "the invoice address is missing");
    CHECK(contains(block(report, "overdue").items[0].detail, "3 days late"));
    CHECK(contains(block(report, "upcoming").items[0].detail, "in 7 days"));
    CHECK(block(report, "completed").heading == "Completed since the last report");
    CHECK(contains(block(report, "completed").items[0].detail, "done on "));

    // Template items are translated titles; custom items are the user's text.
    CHECK(report.items[0].title == "Write down what is in scope and what is not");
    CHECK(report.items[2].title == "Logo files");
    CHECK(report.document_name == "brief.md");
    CHECK(report.today == "2026-11-23");
    auto withoutDay = request(Language::English);
    withoutDay.today.clear(); // the day of `now` then
    CHECK(rapport::buildReport(sampleChecklist(), {}, library(), l10n(), withoutDay).today == "2026-11-23");
    CHECK(report.language_code == "en");
}

TEST_CASE("internal items appear nowhere: not in blocks, items, chart, counts or any rendering")
{
    const auto report = build(Language::English);
    for (const auto& b : report.blocks)
        for (const auto& i : b.items)
            CHECK(i.item_id != 6);
    for (const auto& i : report.items)
        CHECK(i.item_id != 6);
    CHECK(report.items.size() == 8);
    std::size_t charted = 0;
    for (const auto& slice : report.chart)
        charted += slice.count;
    CHECK(charted == 8);
    CHECK(count(report, ItemStatus::ToDo) == 2);
    CHECK(count(report, ItemStatus::Done) == 2);
    CHECK(count(report, ItemStatus::NotApplicable) == 1);
    // 2 done of 7 that count (Not applicable is counted out): 28%.
    CHECK(report.percent_done == 28);
    CHECK(report.progress_text == "2 of 7 items done (28%)");
    for (const std::string& text : {rapport::renderHtml(report), rapport::renderMarkdown(report),
                                    rapport::renderText(report), rapport::reportToXml(report)}) {
        CHECK_FALSE(contains(text, "Internal margin check"));
        CHECK_FALSE(contains(text, "never show this"));
    }
}

TEST_CASE("completed since the last report honours previous_report_at; without one, every done item")
{
    auto req = request(Language::English);
    req.previous_report_at = unixAt(sys_days{year{2026} / 11 / 1});
    auto report = rapport::buildReport(sampleChecklist(), sampleHistory(), library(), l10n(), req);
    CHECK(ids(block(report, "completed")) == std::vector<std::int64_t>{1, 7});

    req.previous_report_at = unixAt(sys_days{year{2026} / 11 / 21});
    report = rapport::buildReport(sampleChecklist(), sampleHistory(), library(), l10n(), req);
    CHECK(block(report, "completed").items.empty());
    CHECK(block(report, "completed").empty_text == "Nothing was completed since the last report.");

    req.previous_report_at.reset();
    report = rapport::buildReport(sampleChecklist(), sampleHistory(), library(), l10n(), req);
    CHECK(ids(block(report, "completed")) == std::vector<std::int64_t>{1, 7});
    CHECK(block(report, "completed").heading == "Completed");

    // An item ticked after the last report, then reopened, is not "completed".
    auto history = sampleHistory();
    history.push_back({5, unixAt(sys_days{year{2026} / 11 / 21}), 2, "status", "in-progress", "done"});
    history.push_back({6, unixAt(sys_days{year{2026} / 11 / 22}), 2, "status", "done", "in-progress"});
    report = rapport::buildReport(sampleChecklist(), history, library(), l10n(), request(Language::English));
    CHECK(ids(block(report, "completed")) == std::vector<std::int64_t>{1});
}

TEST_CASE("facts show only what is set")
{
    auto report = build(Language::English);
    REQUIRE(report.facts.size() == 2);
    CHECK(report.facts[0].label == "Next update");
    CHECK(report.facts[0].value == l10n().formatDate(Language::English, sys_days{year{2026} / 11 / 30}));
    CHECK(report.facts[1].label == "Revision rounds");
    CHECK(report.facts[1].value == "1 of 3 rounds used");

    auto checklist = sampleChecklist();
    checklist.revision_rounds_agreed.reset();
    checklist.next_update_due.clear();
    checklist.deadline = "2027-01-15";
    report = build(Language::English, checklist);
    REQUIRE(report.facts.size() == 1);
    CHECK(report.facts[0].label == "Project deadline");

    // The client's name from the project settings comes first, as it was typed.
    checklist.client_name = "ООО «Ромашка»";
    report = build(Language::English, checklist);
    REQUIRE(report.facts.size() == 2);
    CHECK(report.facts[0].label == "Client");
    CHECK(report.facts[0].value == "ООО «Ромашка»");
}

TEST_CASE("the report speaks its own language: headings, status words, dates, numbers, plurals")
{
    struct Expect {
        Language language;
        const char* code;
        const char* title;
        const char* waiting_heading;
        const char* waiting_word;
        const char* template_title;
        const char* progress;
        const char* rounds;
    };
    const Expect expectations[] = {
        {Language::Russian, "ru", "Отчёт о ходе работ", "Ждём от вас", "Ожидает клиента",
         "Запишите, что входит в объём работ, а что нет", "Выполнено 2 из 7 пунктов (28 %)", "использовано 1 из 3 раундов"},
        {Language::Turkish, "tr", "İlerleme raporu", "Sizden beklenenler", "Müşteriyi bekliyor", nullptr,
         "7 maddeden 2 tanesi tamamlandı (%28)", "3 turdan 1 tanesi kullanıldı"},
        {Language::ChineseSimplified, "zh-CN", "进度报告", "等待您处理", "等待客户", nullptr, "已完成 2/7 项（28%）",
         "已用 1 轮，共 3 轮"},
    };
    for (const Expect& expect : expectations) {
        CAPTURE(expect.code);
        const auto report = build(expect.language);
        CHECK(report.language_code == expect.code);
        CHECK(report.title == expect.title);
        CHECK(block(report, "waiting-on-client").heading == expect.waiting_heading);
        CHECK(block(report, "waiting-on-client").items[0].status_word == expect.waiting_word);
        if (expect.template_title)
            CHECK(report.items[0].title == expect.template_title);
        CHECK(report.items[0].title != "Write down what is in scope and what is not");
        CHECK(report.progress_text == expect.progress);
        CHECK(report.facts[1].value == expect.rounds);
        CHECK(report.date_text == l10n().formatDate(expect.language, kToday));
        CHECK(report.date_text != l10n().formatDate(Language::English, kToday));
        // Nothing of the English interface leaks in.
        const std::string html = rapport::renderHtml(report);
        CHECK(contains(html, std::string("<html lang=\"") + expect.code + "\""));
        for (const char* english : {"Waiting on client", "Overdue on our side", "Progress report", "Summary"})
            CHECK_FALSE(contains(html, english));
    }
    CHECK(contains(build(Language::Russian).date_text, "нояб"));
    CHECK(contains(build(Language::Turkish).date_text, "Kas"));
    CHECK(contains(build(Language::ChineseSimplified).date_text, "11月"));
}

TEST_CASE("Russian plurals at 1, 2, 5 and 21 days; Turkish and Chinese forms")
{
    const struct {
        int days;
        const char* word;
    } russian[] = {{1, "(1 день)"}, {2, "(2 дня)"}, {5, "(5 дней)"}, {21, "(21 день)"}, {11, "(11 дней)"}, {22, "(22 дня)"}};
    for (const auto& expect : russian) {
        CAPTURE(expect.days);
        auto req = request(Language::Russian);
        auto checklist = sampleChecklist();
        checklist.items[2].status_since = req.now - std::int64_t{expect.days} * 86400;
        const auto report = rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req);
        const std::string detail = block(report, "waiting-on-client").items[0].detail;
        CHECK(contains(detail, expect.word));
        CHECK(contains(detail, "с "));
    }
    auto req = request(Language::Turkish);
    auto checklist = sampleChecklist();
    checklist.items[2].status_since = req.now - 86400;
    CHECK(contains(block(rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req), "waiting-on-client")
                       .items[0]
                       .detail,
                   "(1 gün)"));
    req = request(Language::ChineseSimplified);
    checklist.items[2].status_since = req.now - 5 * 86400;
    CHECK(contains(block(rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req), "waiting-on-client")
                       .items[0]
                       .detail,
                   "（5 天）"));
    // The progress line: "из 1 пункта" (one) and "из 21 пункта" (one again) but "из 5 пунктов".
    for (const auto& [visible, words] : {std::pair{1, "из 1 пункта"}, std::pair{5, "из 5 пунктов"}, std::pair{21, "из 21 пункта"}}) {
        rapport::Checklist many;
        many.document_path = "/x.md";
        for (int i = 1; i <= visible; ++i)
            many.items.push_back(item(i, ItemStatus::ToDo, "Item"));
        const auto report = rapport::buildReport(many, {}, library(), l10n(), request(Language::Russian));
        CAPTURE(report.progress_text);
        CHECK(contains(report.progress_text, words));
    }
}

TEST_CASE("large numbers are grouped in the report's language")
{
    rapport::Checklist many;
    many.document_path = "/x.md";
    for (int i = 1; i <= 1200; ++i)
        many.items.push_back(item(i, i <= 1100 ? ItemStatus::Done : ItemStatus::ToDo, "Item"));
    CHECK(contains(rapport::buildReport(many, {}, library(), l10n(), request(Language::English)).progress_text,
                   "1,100 of 1,200"));
    CHECK(contains(rapport::buildReport(many, {}, library(), l10n(), request(Language::Russian)).progress_text,
                   "1\u00a0100 из 1\u00a0200"));
}

TEST_CASE("sanitizeUtf8 replaces broken bytes and forbidden controls with U+FFFD")
{
    CHECK(rapport::sanitizeUtf8("plain text") == "plain text");
    CHECK(rapport::sanitizeUtf8("Договор 合同") == "Договор 合同");
    CHECK(rapport::sanitizeUtf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(rapport::sanitizeUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");       // overlong '/'
    CHECK(rapport::sanitizeUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD");               // a UTF-16 surrogate
    CHECK(rapport::sanitizeUtf8("\xE2\x82") == "\xEF\xBF\xBD");                   // truncated
    CHECK(rapport::sanitizeUtf8("\xE2\x82" "A") == "\xEF\xBF\xBD" "A");           // truncated, next byte kept
    CHECK(rapport::sanitizeUtf8("esc\x1b[31m") == "esc\xEF\xBF\xBD[31m");        // terminal escapes neutralised
    CHECK(rapport::sanitizeUtf8("\xC2\x9B" "1m") == "\xEF\xBF\xBD" "1m");         // C1 CSI
    CHECK(rapport::sanitizeUtf8("a\r\nb\rc\td") == "a\nb\nc\td");
    CHECK(rapport::sanitizeUtf8(std::string("nul\0x", 5)) == "nul\xEF\xBF\xBDx");
}

TEST_CASE("display width: wide East Asian characters count two, marks none")
{
    CHECK(rapport::displayWidth("abc") == 3);
    CHECK(rapport::displayWidth("合同") == 4);
    CHECK(rapport::displayWidth("Ｔｅｓｔ") == 8);
    CHECK(rapport::displayWidth("e\u0301") == 1);
    CHECK(rapport::displayWidth("\u2068x\u2069\u202e") == 1);
}

namespace {

// A report whose every user field is hostile.
rapport::ReportContent hostileReport(Language language = Language::English)
{
    auto checklist = sampleChecklist();
    checklist.document_path = "/tmp/<script>alert('doc')</script>\u202Egnp.md";
    checklist.items[2].custom_text = "\"><img src=x onerror=alert(1)>";
    checklist.items[2].status_reason = "<svg onload=alert(2)> & [click](javascript:alert(3))";
    checklist.items[3].custom_text = "# Heading\n- list\n> quote\n1. one\n    code";
    checklist.items[3].status_reason = "javascript:alert(1)";
    checklist.items[4].custom_text = "\u202Eevil\u200F *bold* _it_ `code` |t| ~s~ \\";
    checklist.items[4].note = "<b>note</b>\xff\xfe";
    auto req = request(language);
    req.summary = "<script>document.title='PWNED'</script>\n<iframe src=javascript:alert(1)>";
    req.next_steps = "[click](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>";
    return rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req);
}

} // namespace

TEST_CASE("HTML: user text is escaped, isolated, and the page loads nothing and runs nothing")
{
    const std::string html = rapport::renderHtml(hostileReport());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<meta charset=\"utf-8\">"));
    CHECK(contains(html, "default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
    CHECK(contains(html, "@media print"));
    CHECK(contains(html, "overflow-wrap:anywhere"));
    CHECK(contains(html, "<svg"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<iframe"));
    CHECK_FALSE(contains(html, "<svg onload"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK_FALSE(contains(html, "<a "));
    CHECK_FALSE(contains(html, "href=\""));
    CHECK_FALSE(contains(html, "src=\""));
    // The only URL is SVG's namespace name, which loads nothing.
    const std::size_t namespaceAt = html.find("http://www.w3.org/2000/svg");
    CHECK(html.find("http://") == namespaceAt);
    CHECK(html.find("http://", namespaceAt + 1) == std::string::npos);
    CHECK_FALSE(contains(html, "https://"));
    CHECK(contains(html, "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
    CHECK(contains(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    CHECK(contains(html, "<bdi class=\"title\">&quot;&gt;&lt;img"));
    CHECK(contains(html, "\xEF\xBF\xBD")); // the broken bytes
    CHECK(contains(html, "dir=\"auto\""));
    // Every right-to-left override is closed again inside its own isolate.
    std::size_t overrides = 0, pops = 0;
    for (std::size_t at = html.find("\u202E"); at != std::string::npos; at = html.find("\u202E", at + 1))
        ++overrides;
    for (std::size_t at = html.find("\u202C"); at != std::string::npos; at = html.find("\u202C", at + 1))
        ++pops;
    CHECK(overrides >= 2);
    CHECK(pops == overrides);
}

TEST_CASE("Markdown: links, HTML and block markers in user text stay inert")
{
    const std::string md = rapport::renderMarkdown(hostileReport());
    CHECK_FALSE(contains(md, "<script"));
    CHECK_FALSE(contains(md, "<img"));
    CHECK_FALSE(contains(md, "<svg"));
    CHECK_FALSE(contains(md, "<a href"));
    for (std::size_t at = md.find("]("); at != std::string::npos; at = md.find("](", at + 1))
        CHECK(md[at - 1] == '\\'); // every "](" is an escaped bracket, never a link
    CHECK(contains(md, "&lt;script\\>document.title='PWNED'&lt;/script\\>"));
    CHECK(contains(md, "\\[click\\](javascript:alert(1))"));
    CHECK(contains(md, "\\*bold\\* \\_it\\_ \\`code\\` \\|t\\| \\~s\\~ \\\\"));
    CHECK(contains(md, "\\# Heading - list \\> quote 1. one     code")); // one line: no block starts
    CHECK(contains(md, "## ")); // our own headings still work
    // Multi-line user text keeps its lines, and no line starts a block.
    CHECK(contains(md, "&lt;script\\>document.title='PWNED'&lt;/script\\>  \n&lt;iframe"));
    // The only block starts are ours: 1 title, 10 section headings, no quotes or code blocks.
    std::size_t headings = 0;
    for (std::size_t start = 0; start < md.size();) {
        const std::size_t end = md.find('\n', start);
        const std::string line = md.substr(start, end - start);
        CAPTURE(line);
        if (line.rfind("#", 0) == 0)
            ++headings;
        CHECK(line.rfind(">", 0) != 0);
        CHECK(line.rfind("    ", 0) != 0);
        start = end == std::string::npos ? md.size() : end + 1;
    }
    CHECK(headings == 11);
    CHECK(contains(md, "`████"));
}

TEST_CASE("plain text: wrapped at 78 columns, wide characters counted as two")
{
    auto checklist = sampleChecklist();
    checklist.items[2].custom_text = std::string(200, 'x');
    checklist.items[3].custom_text =
        "合同的所有附件都需要客户在本周内签字确认，否则我们无法按时开始下一阶段的设计工作，请尽快回复。我们会再次提醒。";
    auto req = request(Language::ChineseSimplified);
    req.summary = "A long summary line that goes on and on past the seventy-eighth column of the page, surely.";
    const auto report = rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req);
    const std::string text = rapport::renderText(report);
    std::size_t lines = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        CAPTURE(line);
        CHECK(rapport::displayWidth(line) <= 78);
        ++lines;
        start = end + 1;
    }
    CHECK(lines > 30);
    CHECK(contains(text, "合同的所有附件"));
    CHECK(contains(text, "等待客户"));
    // The kinsoku rule: no line starts with a closing comma or full stop.
    CHECK_FALSE(contains(text, "\n    ，"));
    CHECK_FALSE(contains(text, "\n    。"));
    // Broken bytes and terminal escapes never reach the text.
    auto hostile = rapport::renderText(hostileReport());
    CHECK_FALSE(contains(hostile, "\x1b"));
    CHECK(contains(hostile, "\xEF\xBF\xBD"));
}

namespace {

void checkSame(const rapport::ReportItem& a, const rapport::ReportItem& b)
{
    CHECK(a.item_id == b.item_id);
    CHECK(a.title == b.title);
    CHECK(a.status == b.status);
    CHECK(a.status_word == b.status_word);
    CHECK(a.due == b.due);
    CHECK(a.due_text == b.due_text);
    CHECK(a.detail == b.detail);
    CHECK(a.client_owned == b.client_owned);
    CHECK(a.note == b.note);
}

void checkSame(const rapport::ReportContent& a, const rapport::ReportContent& b)
{
    CHECK(a.language == b.language);
    for (const auto member :
         {&rapport::ReportContent::language_code, &rapport::ReportContent::title, &rapport::ReportContent::progress_heading,
          &rapport::ReportContent::chart_label, &rapport::ReportContent::facts_heading, &rapport::ReportContent::note_label,
          &rapport::ReportContent::document_name, &rapport::ReportContent::date_text, &rapport::ReportContent::today,
          &rapport::ReportContent::progress_text, &rapport::ReportContent::summary_heading,
          &rapport::ReportContent::summary, &rapport::ReportContent::next_steps_heading,
          &rapport::ReportContent::next_steps, &rapport::ReportContent::footer})
        CHECK(a.*member == b.*member);
    CHECK(a.percent_done == b.percent_done);
    REQUIRE(a.chart.size() == b.chart.size());
    for (std::size_t i = 0; i < a.chart.size(); ++i) {
        CHECK(a.chart[i].status == b.chart[i].status);
        CHECK(a.chart[i].label == b.chart[i].label);
        CHECK(a.chart[i].count == b.chart[i].count);
    }
    REQUIRE(a.facts.size() == b.facts.size());
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        CHECK(a.facts[i].label == b.facts[i].label);
        CHECK(a.facts[i].value == b.facts[i].value);
    }
    REQUIRE(a.blocks.size() == b.blocks.size());
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
        CHECK(a.blocks[i].key == b.blocks[i].key);
        CHECK(a.blocks[i].heading == b.blocks[i].heading);
        CHECK(a.blocks[i].empty_text == b.blocks[i].empty_text);
        REQUIRE(a.blocks[i].items.size() == b.blocks[i].items.size());
        for (std::size_t j = 0; j < a.blocks[i].items.size(); ++j)
            checkSame(a.blocks[i].items[j], b.blocks[i].items[j]);
    }
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i)
        checkSame(a.items[i], b.items[i]);
}

} // namespace

TEST_CASE("snapshot XML round-trips every field, hostile text and whitespace included")
{
    for (Language language : rapport::kLanguages) {
        auto report = hostileReport(language);
        report.summary = "  leading and trailing  \n\n\ttabbed\n";
        report.next_steps = "   ";
        report.items[1].note = "]]> <!-- --> &amp; \"'";
        const std::string xml = rapport::reportToXml(report);
        auto back = rapport::reportFromXml(xml);
        REQUIRE_MESSAGE(back, (back ? std::string() : back.error().detail));
        checkSame(report, back.value());
        CHECK(rapport::reportToXml(back.value()) == xml);
        CHECK(rapport::renderHtml(back.value()) == rapport::renderHtml(report));
    }
}

TEST_CASE("bad snapshot XML is an error value, never an exception")
{
    CHECK_FALSE(rapport::reportFromXml(""));
    CHECK_FALSE(rapport::reportFromXml("<rapport-report format=\"1\" language=\"en\">"));
    CHECK_FALSE(rapport::reportFromXml("<other/>"));
    CHECK_FALSE(rapport::reportFromXml("<rapport-report format=\"2\" language=\"en\"/>"));
    CHECK_FALSE(rapport::reportFromXml("<rapport-report format=\"1\" language=\"de\"/>"));
    const auto badItem = rapport::reportFromXml(
        "<rapport-report format=\"1\" language=\"en\"><items><item id=\"1\" status=\"finished\"/></items></rapport-report>");
    REQUIRE_FALSE(badItem);
    CHECK(badItem.error().code == rapport::ErrorCode::InvalidArgument);
}

TEST_CASE("the diff lists status changes, new and removed items, in the newer report's order")
{
    const auto older = build(Language::English);
    auto checklist = sampleChecklist();
    checklist.items[1].status = ItemStatus::Done;      // 2: in progress -> done
    checklist.items[3].status = ItemStatus::InProgress; // 4: blocked -> in progress
    checklist.items[8].internal = true;                 // 9: made internal: gone from the report
    checklist.items[5].internal = false;                // 6: made client-visible: new
    checklist.items.push_back(item(10, ItemStatus::ToDo, "New request"));
    const auto newer = build(Language::Russian, checklist); // another language: statuses still compare
    const auto diff = rapport::diffReports(older, newer);
    CHECK(diff.percent_before == 28);
    CHECK(diff.percent_after == 37); // 3 done of 8: items 6 and 10 in, 9 out
    REQUIRE(diff.changes.size() == 5);
    CHECK(diff.changes[0].item_id == 2);
    CHECK(diff.changes[0].before == ItemStatus::InProgress);
    CHECK(diff.changes[0].after == ItemStatus::Done);
    CHECK(diff.changes[1].item_id == 4);
    CHECK(diff.changes[2].item_id == 6);
    CHECK_FALSE(diff.changes[2].before.has_value());
    CHECK(diff.changes[3].item_id == 10);
    CHECK(diff.changes[3].title == "New request");
    CHECK(diff.changes[4].item_id == 9);
    CHECK(diff.changes[4].before == ItemStatus::ToDo);
    CHECK_FALSE(diff.changes[4].after.has_value());
    CHECK(rapport::diffReports(older, older).changes.empty());
}

TEST_CASE("format keywords")
{
    CHECK(rapport::parseReportFormat("md") == rapport::ReportFormat::Markdown);
    CHECK(rapport::parseReportFormat("txt") == rapport::ReportFormat::Text);
    CHECK(rapport::parseReportFormat("pdf") == rapport::ReportFormat::Pdf);
    CHECK_FALSE(rapport::parseReportFormat("docx"));
    CHECK(rapport::reportFormatKeyword(rapport::ReportFormat::Html) == "html");
}

TEST_CASE("a tampered snapshot cannot break out of attributes or SVG text either")
{
    // Snapshots come back from the store: every field is escaped again when rendered.
    auto report = build(Language::English);
    report.language_code = "en\" onload=\"alert(1)";
    report.today = "2026-11-23\"><script>alert(1)</script>";
    report.blocks[0].key = "x\" onclick=\"alert(1)";
    report.chart[0].label = "</text><script>alert(1)</script><text>";
    report.chart_label = "</title><foreignObject><iframe/></foreignObject>";
    report.facts.push_back({"<b>label</b>", "<i>value</i>"});
    report.progress_text = "\"'<>&";
    const auto back = rapport::reportFromXml(rapport::reportToXml(report));
    REQUIRE(back);
    for (const std::string& html : {rapport::renderHtml(report), rapport::renderHtml(back.value())}) {
        CHECK_FALSE(contains(html, "<script"));
        CHECK_FALSE(contains(html, "\" onload="));
        CHECK_FALSE(contains(html, "\" onclick="));
        CHECK_FALSE(contains(html, "<foreignObject"));
        CHECK_FALSE(contains(html, "<iframe"));
        CHECK_FALSE(contains(html, "<b>"));
        CHECK(contains(html, "<html lang=\"en&quot; onload=&quot;alert(1)\">"));
        CHECK(contains(html, "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;text&gt;"));
        CHECK(contains(html, "&quot;&#39;&lt;&gt;&amp;"));
    }
}

TEST_CASE("random bytes in user fields never add markup, and always round-trip through the snapshot")
{
    // Oracle: user text can add no '<', '>' or '"' to the HTML and no '<' to the Markdown,
    // whatever its bytes; the snapshot gives back exactly what it was given.
    std::mt19937 random(20261123);
    const std::string alphabet = "<>&\"'`*_[]()#-!|~\\/=:;. \n\tajs\xff\xfe\xc3\xa9\xe2\x80\xae\xe2\x81\xa9\xe5\x90\x88";
    auto randomText = [&] {
        std::string text;
        const std::size_t length = random() % 40;
        for (std::size_t i = 0; i < length; ++i)
            text += random() % 8 == 0 ? static_cast<char>(random() % 256) : alphabet[random() % alphabet.size()];
        return text;
    };
    auto withText = [&](const std::string& a, const std::string& b, const std::string& c) {
        auto checklist = sampleChecklist();
        checklist.document_path = "/docs/" + a;
        checklist.items[2].custom_text = b;
        checklist.items[2].status_reason = c;
        checklist.items[3].status_reason = a;
        checklist.items[4].note = c;
        auto req = request(Language::English);
        req.summary = b;
        req.next_steps = c;
        return rapport::buildReport(checklist, sampleHistory(), library(), l10n(), req);
    };
    // Each line of multi-line user text gets its own <bdi>: those are ours, not counted.
    const auto countOf = [](std::string text, char c) {
        for (const std::string own : {"<bdi>", "</bdi>"})
            for (std::size_t at = text.find(own); at != std::string::npos; at = text.find(own, at))
                text.erase(at, own.size());
        return std::count(text.begin(), text.end(), c);
    };
    const auto plain = withText("x", "x", "x");
    const std::string plainHtml = rapport::renderHtml(plain);
    const std::string plainMd = rapport::renderMarkdown(plain);
    for (int round = 0; round < 300; ++round) {
        std::string a = randomText(), b = randomText(), c = randomText();
        a.erase(std::remove(a.begin(), a.end(), '/'), a.end()); // a file name
        a.erase(std::remove(a.begin(), a.end(), '\0'), a.end());
        if (a.empty())
            a = "x";
        b = b.empty() ? "x" : b;
        c = c.empty() ? "x" : c;
        CAPTURE(a);
        CAPTURE(b);
        CAPTURE(c);
        const auto report = withText(a, b, c);
        const std::string html = rapport::renderHtml(report);
        CHECK(countOf(html, '<') == countOf(plainHtml, '<'));
        CHECK(countOf(html, '>') == countOf(plainHtml, '>'));
        CHECK(countOf(html, '"') == countOf(plainHtml, '"'));
        const std::string md = rapport::renderMarkdown(report);
        CHECK(countOf(md, '<') == countOf(plainMd, '<'));
        CHECK(rapport::sanitizeUtf8(html) == html);
        CHECK(rapport::sanitizeUtf8(md) == md);
        CHECK(rapport::sanitizeUtf8(rapport::renderText(report)) == rapport::renderText(report));
        const auto back = rapport::reportFromXml(rapport::reportToXml(report));
        REQUIRE(back);
        CHECK(back.value().summary == report.summary);
        CHECK(back.value().next_steps == report.next_steps);
        CHECK(back.value().document_name == report.document_name);
        CHECK(back.value().items[2].title == report.items[2].title);
        CHECK(rapport::renderHtml(back.value()) == html);
    }
}

TEST_CASE("text stored before the limits existed is shown whole up to 200,000 characters, then cut visibly")
{
    rapport::Checklist checklist = sampleChecklist();
    std::string huge;
    for (int i = 0; huge.size() < 1000000; ++i)
        huge += "слово" + std::to_string(i) + " ";
    checklist.items[0].custom_text = huge;
    checklist.items[0].template_key.clear();
    checklist.items[0].item_key.clear();
    checklist.items[0].note = std::string(200000, 'n');
    const rapport::ReportContent report = build(Language::English, checklist);
    const std::string& title = report.items.at(0).title;
    // 200,000 characters kept, then the mark of what was left out, never a silent cut.
    CHECK(title.rfind(huge.substr(0, 1000), 0) == 0);
    CHECK(contains(title, "more characters not shown]"));
    CHECK(title.size() < huge.size());
    CHECK(report.items.at(0).note == std::string(200000, 'n')); // at the limit: whole
    // Every format carries the whole 200,000 characters, quickly (this test has no clock:
    // the old quadratic wrapping took minutes here).
    CHECK(contains(rapport::renderText(report), "nnnnnnnnnn"));
    const std::string html = rapport::renderHtml(report);
    CHECK(std::count(html.begin(), html.end(), 'n') >= 200000);
}
