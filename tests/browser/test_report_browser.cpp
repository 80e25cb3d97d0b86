// The HTML report in a real browser (Debian's headless Chromium): a report with hostile
// text in every user field runs no script and shows the text literally, with its
// Content-Security-Policy and without it (the escaping alone must hold). Also renders a
// realistic report in each language to build/artifacts/report-LANG.png for people to look at.
#include "report.h"
#include "report_unicode.h"

#include "../temp_folder.h"
#include "../test_sqlite.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using rapport::ItemStatus;
using rapport::Language;

namespace {

// ---------------------------------------------------------------------------------
// Chromium

struct Run {
    int exitCode = -1;
    std::string output;
};

std::string shellQuoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Run run(const std::string& command)
{
    Run result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 65536> buffer{};
    while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Chromium with a throwaway profile: never the user's own, never the network. A page
// whose script opened a dialog would wait forever: the time limit turns that into a failure.
std::string chromium(const fs::path& profile, const std::string& arguments)
{
    // HOME and the XDG folders point into the profile too, so that nothing (crash reports
    // included) is written to the user's own configuration.
    const std::string home = shellQuoted(profile.string());
    return "env HOME=" + home + " XDG_CONFIG_HOME=" + home + " XDG_CACHE_HOME=" + home + " timeout -k 5 90 " +
           std::string(RAPPORT_CHROMIUM) + " --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions "
           "--disable-background-networking --user-data-dir=" +
           shellQuoted(profile.string()) + " " + arguments + " 2>/dev/null";
}

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& file, const std::string& content)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
    REQUIRE(out.good());
}

// ---------------------------------------------------------------------------------
// A reader for the DOM Chromium serialises with --dump-dom: text nodes escape & < >,
// attribute values are always quoted, so tags and text can be told apart exactly.

struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
};

struct Dom {
    std::vector<Element> elements;
    std::string text;  // every text node of the body, decoded, in order
    std::string title; // the <title> element's text
};

std::string lower(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string decodeEntities(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const std::size_t end = text.find(';', i);
        REQUIRE(end != std::string_view::npos);
        const std::string_view entity = text.substr(i + 1, end - i - 1);
        if (entity == "amp")
            out += '&';
        else if (entity == "lt")
            out += '<';
        else if (entity == "gt")
            out += '>';
        else if (entity == "quot")
            out += '"';
        else if (entity == "nbsp")
            out += "\u00a0";
        else if (!entity.empty() && entity[0] == '#') {
            const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
            const auto code = std::stoul(std::string(entity.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            rapport::unicode::append(out, static_cast<char32_t>(code));
        } else {
            FAIL("unknown entity &" << std::string(entity) << ";");
        }
        i = end;
    }
    return out;
}

Dom parseDom(const std::string& html)
{
    Dom dom;
    std::size_t i = 0;
    bool inBody = false;
    while (i < html.size()) {
        if (html[i] != '<') {
            const std::size_t end = std::min(html.find('<', i), html.size());
            if (inBody)
                dom.text += decodeEntities(std::string_view(html).substr(i, end - i));
            i = end;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            i = html.find("-->", i);
            REQUIRE(i != std::string::npos);
            i += 3;
            continue;
        }
        if (html.compare(i, 2, "<!") == 0 || html.compare(i, 2, "</") == 0) {
            i = html.find('>', i);
            REQUIRE(i != std::string::npos);
            ++i;
            continue;
        }
        Element element;
        ++i;
        while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':'))
            element.name += html[i++];
        element.name = lower(element.name);
        while (i < html.size() && html[i] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/') {
                ++i;
                continue;
            }
            std::string name;
            while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '=' &&
                   html[i] != '>' && html[i] != '/')
                name += html[i++];
            std::string value;
            if (i < html.size() && html[i] == '=') {
                ++i;
                const char quote = html[i];
                REQUIRE((quote == '"' || quote == '\'')); // Chromium always quotes
                const std::size_t end = html.find(quote, i + 1);
                REQUIRE(end != std::string::npos);
                value = decodeEntities(std::string_view(html).substr(i + 1, end - i - 1));
                i = end + 1;
            }
            element.attributes.emplace_back(lower(name), value);
        }
        ++i; // '>'
        if (element.name == "body")
            inBody = true;
        // Raw text and escapable raw text elements: their content is not markup.
        for (const char* raw : {"script", "style", "title", "textarea"}) {
            if (element.name != raw)
                continue;
            const std::size_t end = html.find("</" + element.name, i);
            REQUIRE(end != std::string::npos);
            const std::string content = html.substr(i, end - i);
            if (element.name == "title" && !inBody) // not the chart's SVG <title>
                dom.title = decodeEntities(content);
            i = end;
        }
        dom.elements.push_back(std::move(element));
    }
    return dom;
}

// ---------------------------------------------------------------------------------
// Reports

const rapport::Localization& l10n() { return rapport::Localization::shared(); }

const rapport::TemplateLibrary& library()
{
    static const rapport::TemplateLibrary templates = rapport::TemplateLibrary::load({rapport::bundledTemplateFolder()});
    return templates;
}

const std::string kLongWord = "Sehr" + std::string(19990, 'x') + "lang!!"; // 20,000 characters, no break

// Every hostile string, each used as a custom item title, a reason or a note below.
const std::vector<std::string> kHostile = {
    "<script>document.title='PWNED'</script>",
    "\"><img src=x onerror=alert(1)>",
    "<svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "'><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "</bdi></li></ul></section><iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object><embed src=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "broken \xff\xfe\xc3( bytes \xed\xa0\x80 end",
    "\u202Edesrever\u200F RLO and RLM \u2066 open isolate",
    kLongWord,
};

std::int64_t unixDay(int y, unsigned m, unsigned d)
{
    using namespace std::chrono;
    return duration_cast<seconds>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch()).count();
}

// A store-backed report with hostile text in every user field: item titles, reasons,
// notes, summary, next steps and the document's file name. Rapport no longer stores
// invalid UTF-8 or over-long text (text_rules.h), but a store written before it checked
// may hold anything: the hostile text goes in as raw SQL, as such a store would have it.
rapport::ReportContent hostileReport(const fs::path& folder, std::string& document_name)
{
    document_name = "\"><img src=x onerror=alert(1)><svg onload=alert(1)><script>document.title='PWNED'"
                    "[x](javascript:alert(1))\u202Etxt.exe\xff.md";
    const fs::path file = folder / "rapport.sqlite3";
    auto store = rapport::Store::open(file);
    REQUIRE(store);
    auto& s = store.value();
    auto attached = s.attach("/home/client/brief.md", "kickoff", {{"kickoff", "scope-in-out", {}, "scope"}});
    REQUIRE(attached);
    const auto doc = attached.value().document_id;
    const std::string id = std::to_string(doc);
    rapport::testing::execRawWith(file, ("UPDATE documents SET path = ?1 WHERE id = " + id).c_str(),
                                  {"/home/client/" + document_name});
    const ItemStatus statuses[] = {ItemStatus::InProgress, ItemStatus::WaitingOnClient, ItemStatus::Blocked,
                                   ItemStatus::Done};
    const std::int64_t now = unixDay(2026, 11, 23) + 12 * 3600;
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        auto added = s.addCustomItem(doc, 0, "placeholder");
        REQUIRE(added);
        const ItemStatus status = statuses[i % 4];
        REQUIRE(s.setStatus(doc, added.value(), status, "placeholder", now - 5 * 86400));
        if (i % 3 == 0)
            REQUIRE(s.setDue(doc, added.value(), i % 2 ? "2026-11-20" : "2026-11-28"));
        // Reasons and notes get the other hostile strings, so every string lands in every field.
        rapport::testing::execRawWith(
            file,
            ("UPDATE items SET custom_text = ?1, status_reason = ?2, note = ?3 WHERE document_id = " + id +
             " AND item_id = " + std::to_string(added.value()))
                .c_str(),
            {kHostile[i], kHostile[(i + 3) % kHostile.size()], kHostile[(i + 7) % kHostile.size()]});
    }
    auto checklist = s.checklistFor("/home/client/" + document_name);
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    auto history = s.history(doc);
    REQUIRE(history);
    rapport::ReportRequest request;
    request.language = Language::English;
    request.today = "2026-11-23";
    request.now = now;
    request.summary = "";
    request.next_steps = "";
    for (const auto& hostile : kHostile) {
        request.summary += hostile + "\n";
        request.next_steps = hostile + "\n" + request.next_steps;
    }
    // The client log too: hostile text in every field of requests, complaints and change
    // requests, one promise each (the hostile items), so that every log section is shown.
    const rapport::LogKind kinds[] = {rapport::LogKind::Request, rapport::LogKind::Complaint,
                                      rapport::LogKind::ChangeRequest};
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        rapport::LogEntry entry;
        entry.id = static_cast<std::int64_t>(i + 1);
        entry.when = "2026-11-2" + std::to_string(i % 3) + "T10:00";
        entry.kind = kinds[i % 3];
        entry.who = kHostile[(i + 1) % kHostile.size()];
        entry.said = kHostile[i];
        entry.answer = kHostile[(i + 2) % kHostile.size()];
        entry.resolution = kHostile[(i + 4) % kHostile.size()];
        entry.outcome = entry.kind != rapport::LogKind::ChangeRequest ? rapport::ChangeOutcome::None
                        : i % 2 ? rapport::ChangeOutcome::Awaiting : rapport::ChangeOutcome::Declined;
        entry.decline_reason = entry.outcome == rapport::ChangeOutcome::Declined ? kHostile[(i + 5) % kHostile.size()] : "";
        entry.promise_item_id = checklist.value()->items[i % checklist.value()->items.size()].id;
        request.client_log.push_back(entry);
    }
    return rapport::buildReport(*checklist.value(), history.value(), library(), l10n(), request);
}

void checkInert(const Dom& dom, const std::string& expected_title)
{
    REQUIRE(dom.elements.size() > 50); // the page was rendered at all
    for (const Element& element : dom.elements) {
        CAPTURE(element.name);
        for (const char* forbidden : {"script", "iframe", "object", "embed", "frame", "applet", "img", "a", "form",
                                      "base", "link"})
            CHECK(element.name != forbidden);
        for (const auto& [name, value] : element.attributes) {
            CAPTURE(name);
            CAPTURE(value);
            CHECK(name.rfind("on", 0) != 0);
            CHECK(name != "data-pwned");
            CHECK(name != "href");
            CHECK(name != "src");
            CHECK(name != "srcdoc");
            std::string start = lower(value);
            start.erase(0, start.find_first_not_of(" \t\n"));
            CHECK(start.rfind("javascript:", 0) != 0);
        }
    }
    CHECK(dom.title == expected_title);
    CHECK(dom.title != "PWNED");
}

} // namespace

TEST_CASE("hostile text in every field: Chromium runs nothing and shows the text literally, with and without CSP")
{
    rapport::testing::TempFolder folder("rapport-browser");
    std::string documentName;
    const rapport::ReportContent report = hostileReport(folder.path, documentName);
    const std::string html = rapport::renderHtml(report);

    // The same page with its Content-Security-Policy removed: escaping alone must hold.
    const std::string cspStart = "<meta http-equiv=\"Content-Security-Policy\"";
    const std::size_t cspAt = html.find(cspStart);
    REQUIRE(cspAt != std::string::npos);
    std::string withoutCsp = html;
    withoutCsp.erase(cspAt, html.find('>', cspAt) + 1 - cspAt);
    REQUIRE(withoutCsp.find("Content-Security-Policy") == std::string::npos);

    const std::string expectedTitle =
        report.title + " — " + rapport::unicode::isolate(rapport::sanitizeUtf8(documentName));
    const std::string* withCsp = &html;
    for (const auto& [label, page] : {std::pair{"with CSP", withCsp}, std::pair{"without CSP", &std::as_const(withoutCsp)}}) {
        const std::string variant = label;
        CAPTURE(variant);
        const fs::path file = folder.path / "report.html";
        writeFile(file, *page);
        const Run dump = run(chromium(folder.path / "profile", "--dump-dom " + shellQuoted("file://" + file.string())));
        REQUIRE(dump.exitCode == 0);
        REQUIRE(dump.output.find("<html") != std::string::npos);
        const Dom dom = parseDom(dump.output);
        checkInert(dom, expectedTitle);
        // Each hostile string is there, literally (broken bytes as U+FFFD).
        for (const std::string& hostile : kHostile) {
            const std::string shown = rapport::sanitizeUtf8(hostile);
            CAPTURE(shown.substr(0, 80));
            CHECK(dom.text.find(shown) != std::string::npos);
        }
        CHECK(dom.text.find(rapport::sanitizeUtf8(documentName).substr(0, 60)) != std::string::npos);
        CHECK(dom.text.find("\xEF\xBF\xBD") != std::string::npos);
        CHECK(dom.text.find(kLongWord) != std::string::npos);
        for (const char* heading : {"You asked → we did", "Awaiting your decision", "Promises kept"})
            CHECK_MESSAGE(dom.text.find(heading) != std::string::npos, heading);
    }
}

TEST_CASE("the hostile report renders to a screenshot; a 20,000-character word wraps by CSS")
{
    rapport::testing::TempFolder folder("rapport-browser");
    std::string documentName;
    const std::string html = rapport::renderHtml(hostileReport(folder.path, documentName));
    writeFile(folder.path / "report.html", html);
    // Layout widths are not reachable without scripts, so the rule that makes long words
    // wrap is checked here, and the screenshot is kept for people to look at.
    CHECK(html.find("overflow-wrap:anywhere") != std::string::npos);
    const fs::path shot = fs::path(RAPPORT_BINARY_DIR) / "artifacts" / "report-hostile.png";
    fs::create_directories(shot.parent_path());
    fs::remove(shot);
    const Run screenshot = run(chromium(folder.path / "profile", "--hide-scrollbars --window-size=900,1600 --screenshot=" +
                                                                      shellQuoted(shot.string()) + " " +
                                                                      shellQuoted("file://" + (folder.path / "report.html").string())));
    CHECK(screenshot.exitCode == 0);
    CHECK(fs::exists(shot));
}

namespace {

struct Sample {
    Language language;
    const char* document;
    const char* summary;
    const char* next_steps;
    const char* logo;
    const char* logo_reason;
    const char* invoice_reason;
    const char* note;
};

const Sample kSamples[] = {
    {Language::English, "Website brief.md",
     "The new home page design is approved. Content for the product pages is late, so the launch moves by one week.",
     "We start building the product pages on Monday.\nPlease send the logo files by Friday.", "Logo files in vector format",
     "the logo files in SVG or EPS", "the billing address for the invoice", "Agreed with Maria on the call of 18 November."},
    {Language::Russian, "Бриф сайта.md",
     "Дизайн главной страницы утверждён. Тексты для страниц товаров задерживаются, поэтому запуск сдвигается на неделю.",
     "В понедельник начинаем вёрстку страниц товаров.\nПожалуйста, пришлите логотип до пятницы.",
     "Логотип в векторном формате", "файлы логотипа в SVG или EPS", "адрес для выставления счёта",
     "Согласовано с Марией на созвоне 18 ноября."},
    {Language::Turkish, "Web sitesi özeti.md",
     "Ana sayfa tasarımı onaylandı. Ürün sayfalarının metinleri gecikti; bu yüzden yayın bir hafta kayıyor.",
     "Pazartesi ürün sayfalarını kodlamaya başlıyoruz.\nLütfen logo dosyalarını cuma gününe kadar gönderin.",
     "Vektör formatında logo dosyaları", "SVG veya EPS biçiminde logo dosyaları", "fatura için fatura adresi",
     "18 Kasım'daki görüşmede İrem Hanım ile kararlaştırıldı."},
    {Language::ChineseSimplified, "网站需求说明.md", "首页设计已确认。产品页面的文案有所延迟，因此上线时间推迟一周。",
     "我们将于周一开始制作产品页面。\n请在周五之前发送标志文件。", "矢量格式的标志文件", "SVG 或 EPS 格式的标志文件",
     "开具发票所需的账单地址", "已在 11 月 18 日的通话中与王女士确认。"},
};

rapport::ReportContent realisticReport(const Sample& sample)
{
    rapport::Checklist checklist;
    checklist.document_id = 1;
    checklist.document_path = std::string("/home/me/clients/") + sample.document;
    checklist.template_key = "kickoff";
    std::int64_t id = 0;
    auto add = [&](const char* key, const char* custom, ItemStatus status, const char* due) -> rapport::ChecklistItem& {
        rapport::ChecklistItem item;
        item.id = item.position = ++id;
        item.section_id = 1;
        if (key) {
            item.template_key = "kickoff";
            item.item_key = key;
        } else {
            item.custom_text = custom;
        }
        item.status = status;
        item.done = status == ItemStatus::Done;
        item.due = due;
        checklist.items.push_back(item);
        return checklist.items.back();
    };
    add("scope-in-out", nullptr, ItemStatus::Done, "");
    add("smart-goals", nullptr, ItemStatus::Done, "");
    add("tech-spec", nullptr, ItemStatus::InProgress, "2026-11-27");
    add("deadlines", nullptr, ItemStatus::Done, "");
    auto& logo = add(nullptr, sample.logo, ItemStatus::WaitingOnClient, "2026-11-18");
    logo.status_reason = sample.logo_reason;
    logo.status_since = unixDay(2026, 11, 12);
    logo.owner = rapport::Owner::Client;
    add("budget", nullptr, ItemStatus::Done, "");
    auto& invoice = add("payment-terms", nullptr, ItemStatus::Blocked, "");
    invoice.status_reason = sample.invoice_reason;
    auto& late = add(nullptr, "Staging server", ItemStatus::ToDo, "2026-11-20");
    late.custom_text = sample.language == Language::English ? "Staging server for previews"
                       : sample.language == Language::Russian ? "Тестовый сервер для предпросмотра"
                       : sample.language == Language::Turkish ? "Önizleme için test sunucusu"
                                                              : "用于预览的测试服务器";
    late.note = sample.note;
    add(nullptr, "Internal: check the margin", ItemStatus::ToDo, "2026-11-01").internal = true;
    add(nullptr, "—", ItemStatus::NotApplicable, "").custom_text = "N/A";
    checklist.revision_rounds_agreed = 3;
    checklist.revision_rounds_used = 1;
    checklist.next_update_due = "2026-11-30";
    checklist.deadline = "2027-01-15";
    const std::vector<rapport::HistoryEntry> history = {
        {1, unixDay(2026, 11, 2), 1, "status", "todo", "done"},
        {2, unixDay(2026, 11, 16), 2, "status", "in-progress", "done"},
        {3, unixDay(2026, 11, 19), 4, "status", "todo", "done"},
        {4, unixDay(2026, 11, 21), 6, "status", "todo", "done"},
    };
    rapport::ReportRequest request;
    request.language = sample.language;
    request.today = "2026-11-23";
    request.now = unixDay(2026, 11, 23) + 10 * 3600;
    request.previous_report_at = unixDay(2026, 11, 9);
    request.summary = sample.summary;
    request.next_steps = sample.next_steps;
    return rapport::buildReport(checklist, history, library(), l10n(), request);
}

// Width and height from a PNG's IHDR chunk.
std::pair<unsigned, unsigned> pngSize(const std::string& png)
{
    REQUIRE(png.size() > 24);
    REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto at = [&](std::size_t i) {
        return (static_cast<unsigned>(static_cast<unsigned char>(png[i])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[i + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[i + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(png[i + 3]));
    };
    return {at(16), at(20)};
}

} // namespace

TEST_CASE("screenshots of a realistic report in each language, rendered by Chromium")
{
    rapport::testing::TempFolder folder("rapport-browser");
    const fs::path artifacts = fs::path(RAPPORT_BINARY_DIR) / "artifacts";
    fs::create_directories(artifacts);
    for (const Sample& sample : kSamples) {
        const std::string code(rapport::languageCode(sample.language));
        CAPTURE(code);
        const fs::path page = folder.path / ("report-" + code + ".html");
        const std::string html = rapport::renderHtml(realisticReport(sample));
        writeFile(page, html);
        writeFile(artifacts / ("report-" + code + ".html"), html);
        const fs::path shot = artifacts / ("report-" + code + ".png");
        fs::remove(shot);
        const Run screenshot = run(chromium(folder.path / "profile", "--hide-scrollbars --window-size=900,1600 --screenshot=" +
                                                                          shellQuoted(shot.string()) + " " +
                                                                          shellQuoted("file://" + page.string())));
        CHECK(screenshot.exitCode == 0);
        REQUIRE(fs::exists(shot));
        const std::string png = readFile(shot);
        CHECK(pngSize(png) == std::pair<unsigned, unsigned>{900, 1600});
        CHECK(png.size() > 40000); // a page with text and a chart, not a blank one
        // The text Chromium lays out is the report's language.
        const Run dump = run(chromium(folder.path / "profile", "--dump-dom " + shellQuoted("file://" + page.string())));
        REQUIRE(dump.exitCode == 0);
        const Dom dom = parseDom(dump.output);
        CHECK(dom.text.find(realisticReport(sample).title) != std::string::npos);
        CHECK(dom.text.find(sample.logo_reason) != std::string::npos);
    }
}
