// The PDF renderer, checked from the outside with poppler's tools: the text is really
// in the file (pdftotext), long reports break into pages (pdfinfo), and the pages are
// not blank (pdftoppm). ReportContent is filled by hand, as buildReport would.
#include "report_pdf.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using rapport::ItemStatus;
using rapport::Language;
using rapport::ReportContent;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kLongWord(20000, 'Z');
const std::string kBrokenUtf8 = "broken \xC3\x28 and \xFF\xFE bytes";
const std::string kRightToLeft = "invoice \u202Efdp.exe";

// The words of one language: what a translated report would hold.
struct Words {
    Language language;
    std::string code, title, date, progress;
    std::vector<std::string> statuses; // done, in progress, waiting, blocked, to do
    std::vector<std::string> blocks;   // completed, in progress, waiting, blocked, overdue, upcoming
    std::vector<std::string> items;
    std::string fact_label, fact_value, summary_heading, summary, next_heading, next_steps, empty, footer;
};

Words words(Language language)
{
    // Language is an index into locales/LINGUAS's list, not an enum: compared, not switched on.
    if (language == Language::Russian)
        return {language, "ru", "Отчёт о ходе работ", "23 нояб. 2026 г.", "Выполнено 7 из 12 пунктов (58 %)",
                {"Готово", "В работе", "Ждёт клиента", "Заблокировано", "К выполнению"},
                {"Выполнено", "В работе", "Ждёт клиента", "Заблокировано", "Просрочено", "Ближайшие сроки"},
                {"Согласовать объём работ", "Подписать условия оплаты", "Отправить еженедельный отчёт"},
                "Следующее обновление", "30 нояб. 2026 г.", "Итоги", "Макет главной страницы утверждён.",
                "Дальнейшие шаги", "Ждём от клиента логотипы в векторе.", "Здесь пока ничего нет.",
                "Сделано в Rapport 23 нояб. 2026 г."};
    if (language == Language::Turkish)
        return {language, "tr", "İlerleme raporu", "23 Kas 2026", "12 maddeden 7'si tamamlandı (%58)",
                {"Tamamlandı", "Devam ediyor", "Müşteri bekleniyor", "Engellendi", "Yapılacak"},
                {"Tamamlananlar", "Devam edenler", "Müşteriyi bekleyenler", "Engellenenler", "Gecikenler",
                 "Yaklaşan tarihler"},
                {"Kapsamı müşteriyle netleştir", "Ödeme koşullarını imzala", "Işık tasarımı için İzmir ofisine git", "Değişiklik talebini onayla"},
                "Sonraki güncelleme", "30 Kas 2026", "Özet", "Ana sayfa tasarımı onaylandı.", "Sonraki adımlar",
                "Müşteriden vektör logolar bekleniyor.", "Burada henüz bir şey yok.", "Rapport ile 23 Kas 2026'da hazırlandı"};
    if (language == Language::ChineseSimplified)
        return {language, "zh-CN", "进度报告", "2026年11月23日", "12 项中已完成 7 项（58%）",
                {"已完成", "进行中", "等待客户", "受阻", "待办"},
                {"已完成", "进行中", "等待客户", "受阻", "已逾期", "即将到期"},
                {"与客户确认项目范围", "签署付款条款", "发送每周进度邮件"},
                "下次更新", "2026年11月30日", "摘要", "首页设计已获批准。", "后续步骤", "等待客户提供矢量标志文件。",
                "暂无内容。", "由 Rapport 于 2026年11月23日生成"};
    return {language, "en", "Progress report", "23 Nov 2026", "7 of 12 items done (58%)",
            {"Done", "In progress", "Waiting on the client", "Blocked", "To do"},
            {"Completed", "In progress", "Waiting on the client", "Blocked", "Overdue", "Upcoming deadlines"},
            {"Agree the scope", "Sign the payment terms", "Send the weekly status email"},
            "Next update", "30 Nov 2026", "Summary", "The home page design was approved.", "Next steps",
            "Waiting for the client's vector logos.", "Nothing here yet.", "Made with Rapport on 23 Nov 2026"};
}

// A report in `language`; `items_per_block` items in each block but the last, which stays
// empty; the first items carry hostile text when `hostile`.
ReportContent sampleReport(Language language, int items_per_block, bool hostile)
{
    const Words w = words(language);
    ReportContent report;
    report.language = language;
    report.language_code = w.code;
    report.title = w.title;
    report.document_name = hostile ? "brief " + kScript + ".md" : "brief.md";
    report.date_text = w.date;
    report.today = "2026-11-23";
    report.percent_done = 58;
    report.progress_text = w.progress;
    const ItemStatus statuses[] = {ItemStatus::Done, ItemStatus::InProgress, ItemStatus::WaitingOnClient,
                                   ItemStatus::Blocked, ItemStatus::ToDo};
    for (std::size_t i = 0; i < 5; ++i)
        report.chart.push_back({statuses[i], w.statuses[i], i + 1});
    report.facts = {{w.fact_label, w.fact_value}};
    if (hostile)
        report.facts.push_back({kScript, kBrokenUtf8});
    report.summary_heading = w.summary_heading;
    report.summary = w.summary + (hostile ? "\n" + kScript + "\n" + kLongWord + "\n" + kRightToLeft : "");
    report.next_steps_heading = w.next_heading;
    report.next_steps = w.next_steps;
    std::int64_t id = 1;
    for (std::size_t b = 0; b < w.blocks.size(); ++b) {
        rapport::ReportBlock block;
        block.key = "block-" + std::to_string(b);
        block.heading = w.blocks[b];
        block.empty_text = w.empty;
        const bool last = b + 1 == w.blocks.size();
        for (int i = 0; !last && i < items_per_block; ++i, ++id) {
            rapport::ReportItem item;
            item.item_id = id;
            item.status = statuses[b % 5];
            item.status_word = w.statuses[b % 5];
            item.title = w.items[static_cast<std::size_t>(i) % w.items.size()] + " " + std::to_string(id);
            item.due = "2026-12-01";
            item.due_text = w.fact_value;
            item.detail = i % 2 ? w.next_steps : "";
            if (hostile && id == 1) {
                item.title = kScript;
                item.detail = "<img src=x onerror=alert(1)> " + kBrokenUtf8;
            }
            block.items.push_back(item);
            report.items.push_back(item);
        }
        report.blocks.push_back(block);
    }
    report.footer = w.footer;
    return report;
}

// Runs a shell command and returns its standard output; fails the test on a non-zero exit.
std::string run(const std::string& command)
{
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, n);
    const int status = ::pclose(pipe);
    INFO("command: " << command);
    REQUIRE(status == 0);
    return output;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

int pageCount(const fs::path& pdf)
{
    std::smatch match;
    const std::string info = run("pdfinfo " + quoted(pdf));
    REQUIRE(std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(match[1]);
}

// Pixels darker than mid-grey in a binary greyscale PGM (P5, 8-bit).
std::size_t darkPixels(const fs::path& pgm)
{
    std::ifstream in(pgm, std::ios::binary);
    std::string magic;
    int width = 0, height = 0, max = 0;
    in >> magic >> width >> height >> max;
    in.get();
    REQUIRE(magic == "P5");
    REQUIRE(max == 255);
    std::string pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), '\0');
    in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(pixels.size()));
    return static_cast<std::size_t>(
        std::count_if(pixels.begin(), pixels.end(), [](char p) { return static_cast<unsigned char>(p) < 160; }));
}

std::size_t occurrences(const std::string& text, const std::string& what)
{
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++count;
    return count;
}

// pdftotext may or may not keep the spaces around the slash of "N / M".
bool hasPageNumber(std::string text, int page, int pages)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text.find(std::to_string(page) + "/" + std::to_string(pages)) != std::string::npos;
}

std::vector<fs::path> entries(const fs::path& folder)
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
        found.push_back(entry.path());
    return found;
}

} // namespace

TEST_CASE("invalid UTF-8 and NUL become U+FFFD; valid text is untouched")
{
    using rapport::replaceInvalidUtf8;
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(replaceInvalidUtf8("Отчёт İı 进度 \u202E😀") == "Отчёт İı 进度 \u202E😀");
    CHECK(replaceInvalidUtf8("a\xFF" "b") == "a" + fffd + "b");
    CHECK(replaceInvalidUtf8("\xC3\x28") == fffd + "(");                   // a lead byte without its continuation
    CHECK(replaceInvalidUtf8("\xC0\xAF") == fffd + fffd);                  // overlong "/"
    CHECK(replaceInvalidUtf8("\xED\xA0\x80") == fffd + fffd + fffd);       // a UTF-16 surrogate
    CHECK(replaceInvalidUtf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd); // above U+10FFFF
    CHECK(replaceInvalidUtf8("\xE8\xBF") == fffd);                         // truncated at the end
    CHECK(replaceInvalidUtf8(std::string("a\0b", 3)) == "a" + fffd + "b");
}

TEST_CASE("a report in each language: its text, its pages, and pages that are not blank")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    const fs::path artifacts = fs::path(RAPPORT_BINARY_DIR) / "artifacts";
    fs::create_directories(artifacts);
    for (Language language : rapport::kLanguages) {
        const std::string code(rapport::languageCode(language));
        CAPTURE(code);
        const Words w = words(language);
        const fs::path pdf = folder.path / ("report-" + code + ".pdf");
        const rapport::Status written = rapport::writePdfReport(sampleReport(language, 12, true), pdf);
        REQUIRE_MESSAGE(written, (written ? "" : written.error().description()));

        const std::string text = run("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
        for (const std::string& expected : {w.title, w.items[0], w.items[2], w.blocks[5], w.empty, w.fact_label,
                                            w.summary_heading, w.next_steps, w.statuses[2], kScript,
                                            std::string("<img src=x onerror=alert(1)>")})
            CHECK_MESSAGE(text.find(expected) != std::string::npos, expected);
        CHECK(text.find("\xEF\xBF\xBD") != std::string::npos); // broken bytes show, not vanish
        CHECK(occurrences(text, "Z") >= kLongWord.size());        // the 20,000-character word, whole
        if (language == Language::Turkish)
            for (const char* letter : {"İ", "ı", "ş", "ğ", "ü"})
                CHECK_MESSAGE(text.find(letter) != std::string::npos, letter);
        if (language == Language::Russian)
            CHECK(text.find("Срок: 30 нояб. 2026 г.") != std::string::npos); // our own string, translated
        if (language == Language::ChineseSimplified)
            CHECK(run("pdffonts " + quoted(pdf)).find("CJK") != std::string::npos); // a real CJK font, not boxes

        const int pages = pageCount(pdf);
        CHECK(pages > 1);
        CHECK(hasPageNumber(text, 1, pages));
        CHECK(hasPageNumber(text, pages, pages));

        const fs::path prefix = folder.path / ("page-" + code);
        run("pdftoppm -gray -r 60 " + quoted(pdf) + " " + quoted(prefix));
        std::vector<fs::path> images;
        for (const auto& entry : entries(folder.path))
            if (entry.filename().string().rfind("page-" + code + "-", 0) == 0 && entry.extension() == ".pgm")
                images.push_back(entry);
        std::sort(images.begin(), images.end());
        REQUIRE(images.size() == static_cast<std::size_t>(pages));
        CHECK(darkPixels(images.front()) > 5000); // title, chart, facts
        for (const auto& image : images) {
            CAPTURE(image);
            CHECK(darkPixels(image) > 500);
        }
        run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile " + quoted(pdf) + " " +
            quoted(artifacts / ("report-pdf-" + code)));
        CHECK(fs::exists(artifacts / ("report-pdf-" + code + ".png")));
        fs::copy_file(pdf, artifacts / ("report-pdf-" + code + ".pdf"), fs::copy_options::overwrite_existing);
    }
}

TEST_CASE("a short report fits on one page, and an empty one still writes")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    const fs::path shortPdf = folder.path / "short.pdf";
    ReportContent shortReport = sampleReport(Language::English, 1, false);
    shortReport.blocks.resize(2);
    REQUIRE(rapport::writePdfReport(shortReport, shortPdf));
    CHECK(pageCount(shortPdf) == 1);
    CHECK(hasPageNumber(run("pdftotext " + quoted(shortPdf) + " -"), 1, 1));

    const fs::path emptyPdf = folder.path / "empty.pdf";
    REQUIRE(rapport::writePdfReport(ReportContent{}, emptyPdf));
    CHECK(pageCount(emptyPdf) == 1);
}

TEST_CASE("an unwritable target returns an error naming the file and leaves nothing behind")
{
    const rapport::ReportContent report = sampleReport(Language::English, 2, false);
    for (const fs::path& target : {fs::path("/proc/x.pdf"), fs::path("/nonexistent-rapport-folder/x.pdf")}) {
        CAPTURE(target);
        const rapport::Status status = rapport::writePdfReport(report, target);
        REQUIRE_FALSE(status);
        CHECK(status.error().code == (target.string().rfind("/proc/", 0) == 0 ? rapport::ErrorCode::NotAFile
                                                                               : rapport::ErrorCode::FileWriteFailed));
        CHECK(status.error().subject == target.string());
        CHECK_FALSE(status.error().detail.empty());
        CHECK(status.error().description().find(target.string()) != std::string::npos);
        CHECK_FALSE(fs::exists(target));
    }

    // The rename fails (the target is a folder): the finished temporary file is removed too.
    rapport::testing::TempFolder folder("rapport-pdf");
    const fs::path target = folder.path / "report.pdf";
    fs::create_directories(target / "inside");
    const rapport::Status status = rapport::writePdfReport(report, target);
    REQUIRE_FALSE(status);
    CHECK(status.error().subject == target.string());
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
    CHECK(fs::is_directory(target / "inside"));
}

TEST_CASE("a file name at the system's length limit still gets its temporary file")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    const fs::path target = folder.path / (std::string(251, 'r') + ".pdf"); // 255 bytes, the usual NAME_MAX
    REQUIRE(rapport::writePdfReport(sampleReport(Language::English, 1, false), target));
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
}

TEST_CASE("an existing report is replaced whole, with no temporary file left")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    const fs::path target = folder.path / "report.pdf";
    std::ofstream(target) << "an older report";
    REQUIRE(rapport::writePdfReport(sampleReport(Language::Russian, 3, false), target));
    std::ifstream in(target, std::ios::binary);
    std::string head(5, '\0');
    in.read(head.data(), 5);
    CHECK(head == "%PDF-");
    CHECK(entries(folder.path) == std::vector<fs::path>{target});
    CHECK(run("pdftotext " + quoted(target) + " -").find("Отчёт о ходе работ") != std::string::npos);
}

namespace {

// True when fontconfig knows a font for `language` (an RFC 3066 tag such as "hi").
bool fontFor(const std::string& language) { return !run("fc-list :lang=" + language + " family").empty(); }

std::string repeated(const std::string& text, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

TEST_CASE("long words without spaces, Devanagari, Thai and emoji wrap within the page, and nothing is dropped")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    const std::string devanagari = "क्षत्रिय राजा ने युद्ध में विजय प्राप्त की";
    const std::string thai = "ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ";
    const std::string url = "https://example.com/" + std::string(400, 'q');
    ReportContent report = sampleReport(Language::English, 1, false);
    report.summary = devanagari + "\n" + repeated("क्षत्रिय", 60) + "\n" + thai + "\n" +
                     repeated("👍🏽👨‍👩‍👧🇫🇷", 40) + "\n" + url + "\n" + repeated("合同附件签字确认", 40) + "\nThe end.";
    report.blocks[0].items[0].title = repeated("क्षत्रिय", 30) + " " + repeated("👨‍👩‍👧", 30); // the narrow column
    const fs::path pdf = folder.path / "scripts.pdf";
    REQUIRE(rapport::writePdfReport(report, pdf));

    // Every word pdftotext finds (glyphs of a missing font included: Pango draws them as
    // boxes with the code point in hex) lies within the left and right margins of A4.
    const std::string boxes = run("pdftotext -bbox " + quoted(pdf) + " -");
    const std::regex box(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)")re");
    std::size_t placed = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), box); it != std::sregex_iterator(); ++it, ++placed) {
        CAPTURE(it->str());
        CHECK(std::stod((*it)[1]) >= 56.7 - 1);
        CHECK(std::stod((*it)[2]) <= 595.276 - 56.7 + 1); // a glyph may overhang its advance a little
    }
    CHECK(placed > 50);

    const std::string text = run("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
    CHECK(occurrences(text, "q") >= 400);                   // the long address, whole, over several lines
    CHECK(text.find("https://example.com/") != std::string::npos);
    CHECK(occurrences(text, "签") == 40);                   // the ideographs, none lost at a line end
    CHECK(text.find("The end.") != std::string::npos);
    // Text in a script needs a font for it, or it is drawn as hex boxes that pdftotext
    // cannot read back. Debian's fonts-noto-core has both; say so rather than pass quietly.
    const std::vector<std::tuple<std::string, std::string, std::size_t>> scripts = {
        {"hi", "क्षत्रिय राजा", 1},
        {"hi", "क्ष", 91}, // the long runs break between clusters: every conjunct comes back whole
        {"th", "ภาษาไทยเป็น", 1}};
    for (const auto& [language, sample, times] : scripts) {
        CAPTURE(language);
        if (fontFor(language))
            CHECK(occurrences(text, sample) >= times);
        else
            WARN_MESSAGE(false, "no font for '" << language << "' is installed (Debian: fonts-noto-core): "
                                                       "its text is drawn as hex boxes and cannot be read back here");
    }
    // Emoji are not checked as text: with a colour emoji font cairo 1.16 draws them as
    // images (visible, but not text that pdftotext finds); without one, as hex boxes.
}

TEST_CASE("a very long title runs on across pages, none of it lost; notes are in the PDF too")
{
    rapport::testing::TempFolder folder("rapport-pdf");
    ReportContent report = sampleReport(Language::English, 1, false);
    std::string title;
    for (int i = 0; title.size() < 200000; ++i)
        title += "w" + std::to_string(i) + " ";
    title += "TheLastWord";
    report.blocks[0].items[0].title = title;
    report.blocks[0].items[0].note = "Confirmed by Maria on the call.";
    const fs::path pdf = folder.path / "long.pdf";
    REQUIRE(rapport::writePdfReport(report, pdf));
    CHECK(pageCount(pdf) > 40);
    std::string text = run("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
    std::replace(text.begin(), text.end(), '\n', ' ');
    // Every word, in order: the title was laid out in pieces, yet broke as one paragraph.
    CHECK(text.find("w0 w1 w2") != std::string::npos);
    CHECK(text.find("TheLastWord") != std::string::npos);
    std::size_t inOrder = 0;
    std::size_t last = 0;
    for (int i = 1; i < 30000; i += 997) {
        const std::size_t at = text.find(" w" + std::to_string(i) + " ");
        if (at != std::string::npos && at > last) {
            ++inOrder;
            last = at;
        }
    }
    CHECK(inOrder == 31);
    CHECK(text.find("Confirmed by Maria on the call.") != std::string::npos);
}

TEST_CASE("the client log's sections reach the PDF in every language, hostile text whole, internal entries never")
{
    rapport::testing::TempFolder folder("rapport-pdf-log");
    const rapport::TemplateLibrary templates = rapport::TemplateLibrary::load(std::vector<fs::path>{});
    rapport::Checklist checklist;
    checklist.document_id = 1;
    checklist.document_path = "/projects/acme/brief.md";
    checklist.sections = {{1, 1, "", "", "Work"}};
    rapport::ChecklistItem promise;
    promise.id = 1;
    promise.section_id = 1;
    promise.custom_text = "Send the mock-ups";
    promise.due = "2026-11-20";
    checklist.items.push_back(promise);
    std::vector<rapport::LogEntry> log;
    rapport::LogEntry asked;
    asked.id = 1;
    asked.when = "2026-11-12T10:00";
    asked.said = "Mock-ups again? " + kScript;
    asked.answer = "Yes " + kRightToLeft;
    asked.promise_item_id = 1;
    log.push_back(asked);
    rapport::LogEntry change = asked;
    change.id = 2;
    change.kind = rapport::LogKind::ChangeRequest;
    change.outcome = rapport::ChangeOutcome::Awaiting;
    change.said = "A French version";
    change.promise_item_id = 0;
    log.push_back(change);
    rapport::LogEntry secret = asked;
    secret.id = 3;
    secret.said = "SECRET internal request";
    secret.internal = true;
    log.push_back(secret);
    for (Language language : rapport::kLanguages) {
        const std::string code(rapport::languageCode(language));
        CAPTURE(code);
        rapport::ReportRequest request;
        request.language = language;
        request.today = "2026-11-23";
        request.now = 1795435200; // 2026-11-23 12:00 UTC
        request.client_log = log;
        const ReportContent report =
            rapport::buildReport(checklist, {}, templates, rapport::Localization::shared(), request);
        const auto asked_block = std::find_if(report.blocks.begin(), report.blocks.end(),
                                              [](const rapport::ReportBlock& b) { return b.key == "you-asked"; });
        REQUIRE(asked_block != report.blocks.end());
        const fs::path pdf = folder.path / ("log-" + code + ".pdf");
        const rapport::Status written = rapport::writePdfReport(report, pdf);
        REQUIRE_MESSAGE(written, (written ? "" : written.error().description()));
        const std::string text = run("pdftotext -enc UTF-8 " + quoted(pdf) + " -");
        CHECK(text.find(asked_block->heading) != std::string::npos);
        CHECK(text.find(kScript) != std::string::npos);
        CHECK(text.find("A French version") != std::string::npos);
        CHECK(text.find(report.facts.back().label) != std::string::npos); // promises kept
        CHECK(text.find("SECRET") == std::string::npos);
    }
}
