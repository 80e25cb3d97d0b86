// The client log in progress reports (report.cpp, addClientLog): "You asked → we did"
// since the last report, the change requests awaiting the client's decision, "Promises
// kept: N of M on time"; internal entries never appear; hostile text in every log field
// is escaped in every format and survives the snapshot; all four languages.
#include "report.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace rapport;
using namespace std::chrono;

namespace {

const TemplateLibrary& library()
{
    static const TemplateLibrary templates = TemplateLibrary::load({bundledTemplateFolder()});
    return templates;
}

std::int64_t unixAt(sys_days day, int hour = 0) { return duration_cast<seconds>(day.time_since_epoch()).count() + hour * 3600; }

ChecklistItem promiseItem(std::int64_t id, std::string text, std::string due, ItemStatus status,
                          std::optional<std::int64_t> since = std::nullopt)
{
    ChecklistItem item;
    item.id = id;
    item.position = id;
    item.section_id = 1;
    item.custom_text = std::move(text);
    item.due = std::move(due);
    item.status = status;
    item.done = status == ItemStatus::Done;
    item.status_since = since;
    return item;
}

Checklist checklist(const std::string& hostile = {})
{
    Checklist result;
    result.document_id = 1;
    result.document_path = "/projects/acme/brief.md";
    result.sections = {{1, 1, "", "", "Work"}};
    // 1: kept on time; 2: broken (due 20 Nov, open on 23 Nov); 3: the internal entry's promise.
    result.items.push_back(promiseItem(1, "Send the revised mock-ups" + hostile, "2026-11-20", ItemStatus::Done,
                                       unixAt(sys_days{year{2026} / 11 / 19}, 12)));
    result.items.push_back(promiseItem(2, "Fix the staging login", "2026-11-20", ItemStatus::InProgress));
    result.items.push_back(promiseItem(3, "SECRET promise", "2026-11-01", ItemStatus::ToDo));
    result.items.back().internal = true; // an internal entry's promise is internal (changes::logEntryWithPromise)
    return result;
}

LogEntry entry(std::int64_t id, const char* when, LogKind kind, std::string said)
{
    LogEntry e;
    e.id = id;
    e.when = when;
    e.kind = kind;
    e.said = std::move(said);
    if (kind == LogKind::ChangeRequest)
        e.outcome = ChangeOutcome::Awaiting;
    return e;
}

std::vector<LogEntry> sampleLog(const std::string& hostile = {})
{
    std::vector<LogEntry> log;
    LogEntry request = entry(1, "2026-11-12T10:00", LogKind::Request, "Can we see the mock-ups again?" + hostile);
    request.answer = "Yes, revised ones" + hostile;
    request.who = "Ms Smith" + hostile;
    request.promise_item_id = 1;
    log.push_back(request);
    LogEntry complaint = entry(2, "2026-11-15T16:20", LogKind::Complaint, "The staging site rejects my login" + hostile);
    complaint.promise_item_id = 2;
    complaint.resolution = "Reset the password" + hostile;
    log.push_back(complaint);
    LogEntry waiting = entry(3, "2026-11-18T09:00", LogKind::ChangeRequest, "Add a French version" + hostile);
    waiting.answer = "Possible, for two more days of work" + hostile;
    log.push_back(waiting);
    LogEntry declined = entry(4, "2026-11-19T09:00", LogKind::ChangeRequest, "Make the logo blink" + hostile);
    declined.outcome = ChangeOutcome::Declined;
    declined.decline_reason = "It would hurt accessibility" + hostile;
    log.push_back(declined);
    LogEntry old = entry(5, "2026-11-02T09:00", LogKind::Request, "An old request before the last report");
    log.push_back(old);
    LogEntry secret = entry(6, "2026-11-20T09:00", LogKind::Complaint, "SECRET internal complaint");
    secret.internal = true;
    secret.answer = "SECRET answer";
    secret.promise_item_id = 3;
    log.push_back(secret);
    LogEntry praise = entry(7, "2026-11-21T09:00", LogKind::Feedback, "Lovely colours");
    log.push_back(praise);
    return log;
}

ReportRequest request(Language language, std::vector<LogEntry> log)
{
    ReportRequest result;
    result.language = language;
    result.today = "2026-11-23";
    result.now = unixAt(sys_days{year{2026} / 11 / 23}, 12);
    result.previous_report_at = unixAt(sys_days{year{2026} / 11 / 10}, 12);
    result.client_log = std::move(log);
    return result;
}

const ReportBlock* findBlock(const ReportContent& report, std::string_view key)
{
    const auto found = std::find_if(report.blocks.begin(), report.blocks.end(),
                                    [&](const ReportBlock& b) { return b.key == key; });
    return found == report.blocks.end() ? nullptr : &*found;
}

const ReportFact* findFact(const ReportContent& report, std::string_view label)
{
    const auto found = std::find_if(report.facts.begin(), report.facts.end(),
                                    [&](const ReportFact& f) { return f.label == label; });
    return found == report.facts.end() ? nullptr : &*found;
}

} // namespace

TEST_CASE("a report says what the client asked and what we did, the promises kept and what awaits a decision")
{
    const ReportContent report =
        buildReport(checklist(), {}, library(), Localization::shared(), request(Language::English, sampleLog()));
    const ReportBlock* asked = findBlock(report, "you-asked");
    REQUIRE(asked);
    CHECK(asked->heading == "You asked → we did");
    // Requests, complaints and decided change requests since the last report, in log order;
    // not the request from before it, not feedback, not the internal complaint.
    REQUIRE(asked->items.size() == 3);
    CHECK(asked->items[0].title == "Can we see the mock-ups again?");
    CHECK(asked->items[0].status_word == "Done on time");
    CHECK(asked->items[0].detail.find("our answer: Yes, revised ones") != std::string::npos);
    CHECK(asked->items[0].detail.find("we promised: Send the revised mock-ups, by") != std::string::npos);
    CHECK(asked->items[1].title == "The staging site rejects my login");
    CHECK(asked->items[1].status_word == "Overdue"); // its promise is past its date, resolution or not
    CHECK(asked->items[1].detail.find("resolved: Reset the password") != std::string::npos);
    CHECK(asked->items[2].status_word == "Change declined");
    CHECK(asked->items[2].detail.find("declined because: It would hurt accessibility") != std::string::npos);

    const ReportBlock* awaiting = findBlock(report, "awaiting-decision");
    REQUIRE(awaiting);
    REQUIRE(awaiting->items.size() == 1);
    CHECK(awaiting->items[0].title == "Add a French version");
    CHECK(awaiting->items[0].status_word == "Change awaiting your decision");

    const ReportFact* kept = findFact(report, "Promises kept");
    REQUIRE(kept);
    CHECK(kept->value == "1 of 2 on time"); // the internal entry's broken promise is not counted

    // Nothing internal, in any format.
    for (const std::string& rendered : {renderHtml(report), renderMarkdown(report), renderText(report), reportToXml(report)})
        CHECK(rendered.find("SECRET") == std::string::npos);
    // The checklist's own items are unchanged by the log (the diff unit).
    CHECK(report.items.size() == 2); // the internal promise is left out like any internal item
}

TEST_CASE("without a log, a report has no log sections and no promise figure")
{
    const ReportContent report = buildReport(checklist(), {}, library(), Localization::shared(), request(Language::English, {}));
    CHECK(findBlock(report, "you-asked") == nullptr);
    CHECK(findBlock(report, "awaiting-decision") == nullptr);
    CHECK(findFact(report, "Promises kept") == nullptr);
    CHECK(report.blocks.size() == 6);
}

TEST_CASE("the log sections in all four languages")
{
    const ReportContent english =
        buildReport(checklist(), {}, library(), Localization::shared(), request(Language::English, sampleLog()));
    for (const Language language : {Language::Russian, Language::Turkish, Language::ChineseSimplified}) {
        CAPTURE(std::string(languageCode(language)));
        const ReportContent report =
            buildReport(checklist(), {}, library(), Localization::shared(), request(language, sampleLog()));
        const ReportBlock* asked = findBlock(report, "you-asked");
        const ReportBlock* awaiting = findBlock(report, "awaiting-decision");
        REQUIRE(asked);
        REQUIRE(awaiting);
        CHECK(asked->heading != findBlock(english, "you-asked")->heading);
        CHECK(awaiting->heading != findBlock(english, "awaiting-decision")->heading);
        for (std::size_t i = 0; i < asked->items.size(); ++i) {
            CHECK(asked->items[i].status_word != findBlock(english, "you-asked")->items[i].status_word);
            CHECK(asked->items[i].title == findBlock(english, "you-asked")->items[i].title); // the user's words
        }
        // The promise figure is there, translated, with its numbers.
        REQUIRE(report.facts.size() == english.facts.size());
        const ReportFact& kept = report.facts.back();
        CHECK(kept.label != "Promises kept");
        CHECK(kept.value.find('1') != std::string::npos);
        CHECK(kept.value.find('2') != std::string::npos);
        for (const std::string& rendered : {renderHtml(report), renderMarkdown(report), renderText(report)}) {
            CHECK(rendered.find(asked->heading) != std::string::npos);
            CHECK(rendered.find("SECRET") == std::string::npos);
        }
    }
}

TEST_CASE("hostile text in every log field is escaped in every format and survives the snapshot")
{
    const std::string hostile = " <script>alert(1)</script> **x** [l](javascript:1) \x1b[31m\x07 \xE2\x80\xAE ]]> & \xff";
    const ReportContent report = buildReport(checklist(hostile), {}, library(), Localization::shared(),
                                             request(Language::English, sampleLog(hostile)));
    REQUIRE(findBlock(report, "you-asked"));
    const std::string html = renderHtml(report);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find('\x1b') == std::string::npos);
    const std::string markdown = renderMarkdown(report);
    CHECK(markdown.find("<script>") == std::string::npos);
    CHECK(markdown.find("[l](javascript") == std::string::npos);
    CHECK(markdown.find('\x1b') == std::string::npos);
    const std::string text = renderText(report);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    for (const std::string& rendered : {html, markdown, text})
        CHECK(rendered.find("\xff") == std::string::npos); // invalid UTF-8 replaced
    // The snapshot keeps the log sections exactly.
    auto back = reportFromXml(reportToXml(report));
    REQUIRE(back);
    const ReportBlock* asked = findBlock(back.value(), "you-asked");
    REQUIRE(asked);
    CHECK(asked->items.size() == findBlock(report, "you-asked")->items.size());
    CHECK(asked->items[0].title == findBlock(report, "you-asked")->items[0].title);
    CHECK(asked->items[0].detail == findBlock(report, "you-asked")->items[0].detail);
    CHECK(renderHtml(back.value()) == html);
}
