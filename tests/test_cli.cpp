// Runs the real `rapport` binary and checks its output and exit codes: the ordinary use
// of every command. Hostile and careless input is in test_cli_hostile.cpp.
#include "cli_runner.h"
#include "json_check.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using rapport::testing::CliFolder;
using rapport::testing::CliRun;
using rapport::testing::readBytes;

TEST_CASE("attach then show lists the template's items in English")
{
    CliFolder folder;
    const std::string doc = folder.file("Бриф проекта.md");
    const CliRun attach = folder.run({"attach", doc, "--template", "kickoff"});
    CHECK_MESSAGE(attach.exit_code == 0, attach.output());
    CHECK(attach.out == "attached 11 items\n");
    const CliRun show = folder.run({"show", doc});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("[ ]\tWrite down what is in scope and what is not") != std::string::npos);

    const CliRun again = folder.run({"attach", doc, "--template", "kickoff"});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already attached") != std::string::npos);
}

TEST_CASE("messages follow LANG: the same failure in Russian, and English for an unknown language")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    const CliRun russian = folder.run({"attach", doc, "--template", "kickoff"}, "ru_RU.UTF-8");
    CHECK(russian.exit_code == 1);
    CHECK(russian.err.find("уже") != std::string::npos);
    CHECK(russian.err.find("already") == std::string::npos);
    // The show command's template titles follow the language too.
    CHECK(folder.run({"show", doc}, "zh_CN.UTF-8").out.find("Write down") == std::string::npos);
    const CliRun german = folder.run({"attach", doc, "--template", "kickoff"}, "de_DE.UTF-8");
    CHECK(german.err.find("already attached") != std::string::npos);
}

TEST_CASE("bad usage exits with 2 and says why")
{
    CliFolder folder;
    const CliRun none = folder.run({});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no command given") != std::string::npos);
    const CliRun unknown = folder.run({"frobnicate"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("unknown command") != std::string::npos);
    CHECK_FALSE(fs::exists(folder.store)); // a typo creates no store
}

TEST_CASE("showing a document without a checklist fails with a clear message")
{
    CliFolder folder;
    const CliRun show = folder.run({"show", "/nowhere/brief.md"});
    CHECK(show.exit_code == 1);
    CHECK(show.err.find("No checklist is attached to /nowhere/brief.md") != std::string::npos);
}

TEST_CASE("add, set, history, rename and orphans through the command line")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    { std::ofstream(doc) << "brief"; }
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);

    const CliRun added = folder.run({"add", doc, "Call Maria — «срочно»"});
    CHECK_MESSAGE(added.exit_code == 0, added.output());
    CHECK(folder.run({"set", doc, "budget", "--status", "waiting", "--reason", "Needs the board", "--owner", "client",
                      "--due", "2026-12-01"})
              .exit_code == 0);
    CHECK(folder.run({"set", doc, "1", "--status", "done", "--internal"}).exit_code == 0);
    const CliRun show = folder.run({"show", doc});
    CHECK(show.out.find("[x]\tWrite down what is in scope and what is not\tdone\t-\tus\tinternal") != std::string::npos);
    CHECK(show.out.find("\twaiting\t2026-12-01\tclient\tvisible\tNeeds the board") != std::string::npos);
    CHECK(show.out.find("Call Maria — «срочно»") != std::string::npos);

    const CliRun history = folder.run({"history", doc});
    CHECK(history.out.find("\tstatus\ttodo\twaiting") != std::string::npos);
    CHECK(history.out.find("\titem\t\tCall Maria") != std::string::npos);

    // Bad values: a clear message, exit 2 for what the options alone show, and nothing
    // half-applied: a bad date is bad usage, found before the store is read.
    const CliRun badStatus = folder.run({"set", doc, "1", "--status", "finished"});
    CHECK(badStatus.exit_code == 2);
    CHECK(badStatus.err.find("unknown status") != std::string::npos);
    const CliRun badDate = folder.run({"set", doc, "2", "--due", "2026-02-30", "--note", "should not be saved"});
    CHECK(badDate.exit_code == 2);
    CHECK(badDate.err.find("YYYY-MM-DD") != std::string::npos);
    CHECK(folder.run({"history", doc}).out.find("should not be saved") == std::string::npos);
    const CliRun noItem = folder.run({"set", doc, "999", "--status", "done"});
    CHECK(noItem.exit_code == 1);
    CHECK(noItem.err.find("no item 999") != std::string::npos);

    const std::string moved = folder.file("brief-final.md");
    fs::rename(doc, moved);
    CHECK(folder.run({"orphans"}).out.find(doc) != std::string::npos);
    const CliRun renamed = folder.run({"rename", doc, moved});
    CHECK_MESSAGE(renamed.exit_code == 0, renamed.output());
    CHECK(folder.run({"orphans"}).out.empty());
    CHECK(folder.run({"show", moved}).out.find("[x]") != std::string::npos);
}

TEST_CASE("set applies all its options in one change, or none of them")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    REQUIRE(folder.run({"set", doc, "1", "--status", "blocked", "--reason", "Bank closed", "--note", "call back",
                        "--owner", "client", "--due", "2026-12-24", "--internal"})
                .exit_code == 0);
    const std::string history = folder.run({"history", doc}).out;
    for (const char* field : {"\tstatus\t", "\treason\t", "\tnote\t", "\towner\t", "\tdue\t", "\tinternal\t"})
        CHECK(history.find(field) != std::string::npos);
    CHECK(folder.run({"show", doc}).out.find("blocked\t2026-12-24\tclient\tinternal\tBank closed") != std::string::npos);
}

TEST_CASE("export, import into a fresh store, export again: identical bytes")
{
    CliFolder first("rapport-cli-first");
    CliFolder second("rapport-cli-second");
    const std::string doc = first.file("Sözleşme 合同.txt");
    REQUIRE(first.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    // Hostile and awkward text: markup, quotes, newlines, leading spaces, CJK, RTL mark.
    REQUIRE(first.run({"add", doc, "  <script>alert(\"x\")</script> & \"quotes\"\n  second line \u200f"}).exit_code == 0);
    REQUIRE(first.run({"set", doc, "budget", "--status", "blocked", "--reason", "Bank <closed> & away", "--due",
                       "2026-12-24", "--note", "客户 «note»", "--owner", "client", "--internal"})
                .exit_code == 0);
    REQUIRE(first.run({"set", doc, "deadlines", "--status", "na"}).exit_code == 0);
    // A client log with a promise, a declined change request and an internal entry.
    REQUIRE(first.run({"log", doc, "add", "--kind", "complaint", "--channel", "call", "--said", "<b>late</b> & \"again\"",
                       "--answer", "Sorry\nfixed", "--who", "Ms «Smith»", "--when", "2026-11-20T09:05", "--promise",
                       "Send ]]> the fix", "--due", "2026-11-27"})
                .exit_code == 0);
    REQUIRE(first.run({"log", doc, "add", "--kind", "change-request", "--channel", "email", "--said", "Français aussi",
                       "--when", "2026-11-21T10:00", "--internal"})
                .exit_code == 0);
    REQUIRE(first.run({"log", doc, "resolve", "2", "--decline", "Not in the budget"}).exit_code == 0);

    const std::string one = first.file("one.xml");
    const std::string two = first.file("two.xml");
    REQUIRE(first.run({"export", doc, "-o", one}).exit_code == 0);
    const CliRun imported = second.run({"import", one});
    REQUIRE_MESSAGE(imported.exit_code == 0, imported.output());
    REQUIRE(second.run({"export", doc, "-o", two}).exit_code == 0);
    const std::string bytesOne = readBytes(one);
    CHECK(bytesOne.size() > 1000);
    CHECK(bytesOne == readBytes(two));
    CHECK(second.run({"show", doc}).out == first.run({"show", doc}).out);
    CHECK(second.run({"history", doc}).out == first.run({"history", doc}).out);
    CHECK(bytesOne.find("<client-log>") != std::string::npos);
    CHECK(second.run({"log", doc, "--json"}).out == first.run({"log", doc, "--json"}).out);
    // Without -o, and with -o -, the export goes to standard output.
    CHECK(first.run({"export", doc}).out == bytesOne);
    CHECK(first.run({"export", doc, "-o", "-"}).out == bytesOne);

    // Importing twice is refused and changes nothing; bad files are refused with where and why.
    CHECK(second.run({"import", one}).exit_code == 1);
    { std::ofstream(second.file("broken.xml")) << "<rapport-checklist format=\"1\" document=\"/x\">\n  <item id=\"1\" status=\"done\"><text>a</text>\n"; }
    const CliRun broken = second.run({"import", second.file("broken.xml")});
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find("line ") != std::string::npos);
    { std::ofstream(second.file("status.xml")) << "<rapport-checklist format=\"1\" document=\"/y\">\n<item id=\"1\" status=\"finished\"><text>a</text></item></rapport-checklist>"; }
    const CliRun badStatus = second.run({"import", second.file("status.xml")});
    CHECK(badStatus.exit_code == 1);
    CHECK(badStatus.err.find("unknown status \"finished\"") != std::string::npos);
    CHECK(badStatus.err.find("line 2") != std::string::npos);
    { std::ofstream(second.file("dup.xml")) << "<rapport-checklist format=\"1\" document=\"/z\"><section id=\"1\"/>"
                                               "<item id=\"1\" section=\"1\"><text>a</text></item><item id=\"1\" section=\"1\"><text>b</text></item></rapport-checklist>"; }
    CHECK(second.run({"import", second.file("dup.xml")}).exit_code == 1);
    CHECK(second.run({"show", "/z"}).exit_code == 1); // nothing half-imported
}

TEST_CASE("report writes the file in the chosen language, keeps a snapshot, and the next one defaults to it")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    REQUIRE(folder.run({"set", doc, "budget", "--status", "waiting", "--reason", "Needs the board", "--owner", "client"})
                .exit_code == 0);
    REQUIRE(folder.run({"set", doc, "1", "--status", "done"}).exit_code == 0);
    REQUIRE(folder.run({"set", doc, "2", "--status", "blocked", "--reason", "secret", "--internal"}).exit_code == 0);

    const std::string html = folder.file("report.html");
    const CliRun first = folder.run({"report", doc, "--lang", "ru", "--format", "html", "-o", html, "--summary",
                                     "Всё идёт по плану <b>", "--next-steps", "Созвон в пятницу"});
    REQUIRE_MESSAGE(first.exit_code == 0, first.output());
    CHECK(first.out.find("report 1 (ru, html)") != std::string::npos);
    const std::string page = readBytes(html);
    CHECK(page.find("<html lang=\"ru\"") != std::string::npos);
    CHECK(page.find("Отчёт о ходе работ") != std::string::npos);
    CHECK(page.find("Ожидает клиента") != std::string::npos);
    CHECK(page.find("Всё идёт по плану &lt;b&gt;") != std::string::npos);
    CHECK(page.find("secret") == std::string::npos); // the internal item's reason
    // Nothing but the report beside it: no temporary file left.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder.path))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"data", "report.html"});

    // No --lang: the last report's language. --format from the extension.
    const std::string md = folder.file("report.md");
    const CliRun second = folder.run({"report", doc, "-o", md});
    REQUIRE_MESSAGE(second.exit_code == 0, second.output());
    CHECK(second.out.find("report 2 (ru, md)") != std::string::npos);
    CHECK(readBytes(md).rfind("# Отчёт о ходе работ", 0) == 0);
    // Made after report 1, which already showed item 1 done: nothing completed since.
    CHECK(readBytes(md).find("После прошлого отчёта ничего не завершено.") != std::string::npos);

    REQUIRE(folder.run({"set", doc, "budget", "--status", "done"}).exit_code == 0);
    const std::string txt = folder.file("report.txt");
    const CliRun third = folder.run({"report", doc, "--lang", "en", "--format", "txt", "-o", txt});
    REQUIRE_MESSAGE(third.exit_code == 0, third.output());
    CHECK(readBytes(txt).rfind("Progress report\n===============\n", 0) == 0);
    CHECK(readBytes(txt).find("2 of 10 items done (20%)") != std::string::npos); // 11 items, one internal

    // -o -: the report on standard output, kept like any other.
    const CliRun toStdout = folder.run({"report", doc, "--lang", "en", "--format", "md", "-o", "-"});
    REQUIRE_MESSAGE(toStdout.exit_code == 0, toStdout.output());
    CHECK(toStdout.out.rfind("# Progress report", 0) == 0);

    const CliRun list = folder.run({"reports", doc});
    CHECK(list.exit_code == 0);
    CHECK(list.out.rfind("4\t", 0) == 0); // newest first
    CHECK(list.out.find("\ten\ttxt\n") != std::string::npos);
    CHECK(list.out.find("\tru\tmd\n") != std::string::npos);
    CHECK(list.out.find("\n1\t") != std::string::npos);

    const CliRun diff = folder.run({"report-diff", doc, "1", "3"});
    CHECK_MESSAGE(diff.exit_code == 0, diff.output());
    CHECK(diff.out.find("Confirm the budget\twaiting -> done") != std::string::npos);
    CHECK(diff.out.find("progress\t") != std::string::npos);
    CHECK(folder.run({"report-diff", doc, "1", "2"}).out.find("no item changed") != std::string::npos);
    const CliRun noReport = folder.run({"report-diff", doc, "1", "9"});
    CHECK(noReport.exit_code == 1);
    CHECK(noReport.err.find("no report 9") != std::string::npos);
    CHECK(folder.run({"history", doc}).out.find("\treport\t\t3 txt en") != std::string::npos);
}

TEST_CASE("report validates every option before writing anything")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    const std::string out = folder.file("out.html");

    // Before any store exists: usage errors create nothing.
    const std::vector<std::vector<std::string>> bad{
        {"report", doc, "--lang", "de", "-o", out},      {"report", doc, "--format", "docx", "-o", out},
        {"report", doc, "--lang", "ru"},                 {"report", doc, "-o", folder.file("x.doc")},
        {"report", doc, "--lang"},                       {"report", doc, "--colour", "red", "-o", out},
        {"report"},                                      {"reports"},
        {"report-diff", doc, "1"},                       {"report", doc, "-o", "-"}};
    for (const auto& args : bad) {
        const CliRun run = folder.run(args);
        CAPTURE(run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("usage:") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(folder.store));
    CHECK_FALSE(fs::exists(out));

    // A document without a checklist: a failure, and no file.
    const CliRun none = folder.run({"report", doc, "-o", out});
    CHECK(none.exit_code == 1);
    CHECK_FALSE(fs::exists(out));
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    // A PDF, in Turkish.
    const std::string pdf = folder.file("r.pdf");
    CHECK(folder.run({"report", doc, "--lang", "tr", "--format", "pdf", "-o", pdf}).exit_code == 0);
    CHECK(readBytes(pdf).rfind("%PDF-", 0) == 0);
    // An unwritable target: a failure, and no snapshot kept.
    const CliRun unwritable = folder.run({"report", doc, "-o", folder.file("missing/r.html")});
    CHECK(unwritable.exit_code == 1);
    // Only the PDF was kept; the failed report left no snapshot.
    const std::string kept = folder.run({"reports", doc}).out;
    CHECK(std::count(kept.begin(), kept.end(), '\n') == 1);
    CHECK(kept.find("\ttr\tpdf") != std::string::npos);
}

TEST_CASE("project shows and sets the settings; round starts rounds, refusing past the agreed; update-sent moves the next")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    const CliRun empty = folder.run({"project", doc});
    REQUIRE_MESSAGE(empty.exit_code == 0, empty.output());
    CHECK(empty.out.find("client\t-\n") != std::string::npos);
    CHECK(empty.out.find("rhythm\t-\n") != std::string::npos);
    CHECK(empty.out.find("rounds-used\t0\t0 rounds used\n") != std::string::npos);

    const CliRun set = folder.run({"project", doc, "--client", "ООО «Ромашка»", "--client-lang", "ru", "--deadline",
                                   "2027-03-31", "--rhythm", "monthly", "--next-update", "2026-01-31", "--rounds-agreed",
                                   "2"});
    REQUIRE_MESSAGE(set.exit_code == 0, set.output());
    CHECK(set.out.find("client\tООО «Ромашка»\n") != std::string::npos);
    CHECK(set.out.find("client-lang\tru\n") != std::string::npos);
    CHECK(set.out.find("deadline\t2027-03-31\n") != std::string::npos);
    CHECK(set.out.find("rhythm\tmonthly\n") != std::string::npos);
    CHECK(set.out.find("next-update\t2026-01-31\n") != std::string::npos);
    CHECK(set.out.find("rounds-used\t0\t0 of 2 rounds used\n") != std::string::npos);
    // One history row per setting.
    const std::string history = folder.run({"history", doc}).out;
    for (const char* field : {"\tclient_name\t", "\tclient_language\t", "\tdeadline\t", "\tupdate_rhythm\t",
                              "\tnext_update_due\t", "\trevision_rounds_agreed\t"})
        CHECK_MESSAGE(history.find(field) != std::string::npos, field);

    // Rounds: two within the agreed number, the third refused unless asked for.
    CHECK(folder.run({"round", doc, "--start", "Homepage copy"}).out == "started revision round 1 (1 of 2 rounds used)\n");
    CHECK(folder.run({"round", doc, "--start", "Logo colours"}).exit_code == 0);
    const CliRun third = folder.run({"round", doc, "--start", "Footer"});
    CHECK(third.exit_code == 1);
    CHECK(third.err.find("round 3 would go beyond the 2 agreed with the client") != std::string::npos);
    CHECK(third.err.find("--beyond-agreed") != std::string::npos);
    const CliRun beyond = folder.run({"round", doc, "--start", "Footer", "--beyond-agreed"});
    CHECK_MESSAGE(beyond.exit_code == 0, beyond.output());
    CHECK(beyond.err.find("warning: round 3 goes beyond the 2 agreed") != std::string::npos);
    CHECK(beyond.out == "started revision round 3 (3 of 2 rounds used)\n");
    const CliRun shown = folder.run({"project", doc});
    CHECK(shown.out.find("round\t1\t") != std::string::npos);
    CHECK(shown.out.find("\tHomepage copy\n") != std::string::npos);
    CHECK(shown.out.find("\tFooter\n") != std::string::npos);
    // The messages follow LANG.
    const CliRun russian = folder.run({"round", doc, "--start", "Ещё"}, "ru_RU.UTF-8");
    CHECK(russian.exit_code == 1);
    CHECK(russian.err.find("would go beyond") == std::string::npos);
    CHECK(russian.err.find("согласованные с клиентом") != std::string::npos);

    // The due date is long past: the next update is the first month end after today, the day kept.
    const CliRun sent = folder.run({"update-sent", doc});
    REQUIRE_MESSAGE(sent.exit_code == 0, sent.output());
    CHECK(sent.out.rfind("update sent; the next one is due ", 0) == 0);
    const std::string next = sent.out.substr(sent.out.size() - 11, 10);
    CHECK(next.size() == 10);
    CHECK((next.substr(8) == "31" || next.substr(8) == "30" || next.substr(8) == "28" || next.substr(8) == "29"));
    CHECK(folder.run({"project", doc}).out.find("next-update\t" + next + "\n") != std::string::npos);

    // The client's language is the report's default.
    const CliRun report = folder.run({"report", doc, "--format", "txt", "-o", "-"});
    REQUIRE_MESSAGE(report.exit_code == 0, report.output());
    CHECK(report.out.find("Отчёт о ходе работ") != std::string::npos);
    CHECK(report.out.find("ООО «Ромашка»") != std::string::npos);
    CHECK(report.out.find("3 из 2") != std::string::npos);

    // "none" clears; a rhythm alone on a checklist with no next update sets the first one.
    const CliRun cleared = folder.run({"project", doc, "--client-lang", "none", "--next-update", "none", "--rhythm", "none",
                                       "--rounds-agreed", "none", "--client", ""});
    REQUIRE_MESSAGE(cleared.exit_code == 0, cleared.output());
    CHECK(cleared.out.find("client\t-\n") != std::string::npos);
    CHECK(cleared.out.find("next-update\t-\n") != std::string::npos);
    CHECK(cleared.out.find("rounds-agreed\t-\n") != std::string::npos);
    const CliRun weekly = folder.run({"project", doc, "--rhythm", "10d"});
    CHECK(weekly.out.find("rhythm\t10d\n") != std::string::npos);
    CHECK(weekly.out.find("next-update\t-\n") == std::string::npos);
}

// --- The conventions of git and taskwarrior: help, version, JSON --------------------------

using rapport::testing::isJson;
using rapport::testing::jsonEval;

TEST_CASE("--help, -h, help, help CMD and CMD --help print to standard output and exit 0")
{
    CliFolder folder;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
        const CliRun run = folder.run(args);
        CHECK_MESSAGE(run.exit_code == 0, run.output());
        CHECK(run.err.empty());
        CHECK(run.out.find("usage: rapport") == 0);
        // Every command of the table is listed, with its summary.
        for (const char* command : {"attach", "show", "history", "report", "git-setup", "merge-sidecar"})
            CHECK_MESSAGE(run.out.find("\n  " + std::string(command) + " ") != std::string::npos, command);
        CHECK(run.out.find("print DOC's checklist") != std::string::npos);
        CHECK(run.out.find("--version") != std::string::npos);
    }
    for (const std::vector<std::string>& args : {std::vector<std::string>{"help", "show"},
                                                 {"show", "--help"}, {"show", "-h"}, {"show", "some.md", "--help"}}) {
        const CliRun run = folder.run(args);
        CHECK_MESSAGE(run.exit_code == 0, run.output());
        CHECK(run.err.empty());
        CHECK(run.out.find("usage: rapport show DOC [--json]") == 0);
        CHECK(run.out.find("--json") != std::string::npos);
    }
    const CliRun set = folder.run({"help", "set"});
    CHECK(set.out.find("--status VALUE") != std::string::npos);
    CHECK(set.out.find("--internal") != std::string::npos);
    const CliRun nothing = folder.run({"help", "frobnicate"});
    CHECK(nothing.exit_code == 2);
    CHECK(nothing.err.find("frobnicate") != std::string::npos);
    CHECK_FALSE(fs::exists(folder.store)); // asking for help creates no store
}

TEST_CASE("--version prints CMake's project version, the one the plugin's manifest carries")
{
    CliFolder folder;
    const CliRun run = folder.run({"--version"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "rapport " RAPPORT_VERSION "\n");
    // The Code::Blocks manifest is written from the same project version.
    const std::string manifest = readBytes(fs::path(RAPPORT_BINARY_DIR) / "host-shim/codeblocks/zip/manifest.xml");
    if (!manifest.empty())
        CHECK(manifest.find("<Value version=\"" RAPPORT_VERSION "\" />") != std::string::npos);
    // CHANGELOG.md has an entry for it.
    CHECK(readBytes(fs::path(RAPPORT_SOURCE_DIR) / "CHANGELOG.md").find("## " RAPPORT_VERSION) != std::string::npos);
}

TEST_CASE("help follows LANG: the summaries and headings are translated")
{
    CliFolder folder;
    const CliRun russian = folder.run({"--help"}, "ru_RU.UTF-8");
    CHECK(russian.exit_code == 0);
    CHECK(russian.out.find("Команды:") != std::string::npos);
    CHECK(russian.out.find("print DOC's checklist") == std::string::npos);
    CHECK(folder.run({"help", "show"}, "tr_TR.UTF-8").out.find("print DOC's checklist") == std::string::npos);
    CHECK(folder.run({"help", "show"}, "zh_CN.UTF-8").out.find("print DOC's checklist") == std::string::npos);
}

TEST_CASE("the parser's objections follow LANG too, and name the argument")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    const CliRun russian = folder.run({"show", doc, "--colour"}, "ru_RU.UTF-8");
    CHECK(russian.exit_code == 2);
    CHECK(russian.err.find("«--colour» — не аргумент команды «show»") != std::string::npos);
    const CliRun chinese = folder.run({"set", doc, "1", "--status"}, "zh_CN.UTF-8");
    CHECK(chinese.exit_code == 2);
    CHECK(chinese.err.find("--status 需要一个值") != std::string::npos);
    const CliRun turkish = folder.run({"show"}, "tr_TR.UTF-8");
    CHECK(turkish.exit_code == 2);
    CHECK(turkish.err.find("DOC eksik") != std::string::npos);
    // The CODE line names the codes LINGUAS lists, in every language.
    CHECK(folder.run({"help", "report"}, "ru_RU.UTF-8").out.find("en, ru, tr, zh_CN") != std::string::npos);
}

TEST_CASE("attach without --template starts an empty checklist; add on a document without one says how to start one")
{
    CliFolder folder;
    const std::string doc = folder.file("notes.md");
    const CliRun missing = folder.run({"add", doc, "first"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("rapport attach " + doc) != std::string::npos);
    const CliRun attach = folder.run({"attach", doc});
    CHECK_MESSAGE(attach.exit_code == 0, attach.output());
    CHECK(attach.out == "attached 0 items\n");
    CHECK(folder.run({"add", doc, "first"}).exit_code == 0);
    const CliRun show = folder.run({"show", doc, "--json"});
    REQUIRE(show.exit_code == 0);
    CHECK(jsonEval(show.out, "[i['title'] for i in d['items']]") == "[\"first\"]");
    CHECK(jsonEval(show.out, "d['template']") == "null");
}

TEST_CASE("--json: show, history, reports, orphans and templates write JSON with stable keys and UTC times")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    std::ofstream(doc) << "# Brief\n";
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    REQUIRE(folder.run({"set", doc, "1", "--status", "waiting", "--reason", "the logo", "--due", "2026-12-24"}).exit_code == 0);
    REQUIRE(folder.run({"report", doc, "--format", "md", "-o", folder.file("r.md")}).exit_code == 0);

    const CliRun show = folder.run({"show", doc, "--json"});
    REQUIRE(show.exit_code == 0);
    REQUIRE_MESSAGE(isJson(show.out), show.out);
    CHECK(jsonEval(show.out, "sorted(d.keys())") == "[\"deadline\",\"document\",\"items\",\"sections\",\"template\"]");
    CHECK(jsonEval(show.out, "len(d['items'])") == "11");
    CHECK(jsonEval(show.out, "sorted(d['items'][0].keys())") ==
          "[\"done\",\"due\",\"id\",\"internal\",\"key\",\"note\",\"owner\",\"reason\",\"section\",\"status\","
          "\"status_since\",\"title\"]");
    CHECK(jsonEval(show.out, "[d['items'][0][k] for k in ('status', 'reason', 'due', 'done', 'owner')]") ==
          "[\"waiting\",\"the logo\",\"2026-12-24\",false,\"us\"]");
    CHECK(jsonEval(show.out, "d['template']") == "\"kickoff\"");
    // ISO 8601 in UTC.
    CHECK(jsonEval(show.out, "__import__('re').fullmatch(r'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ', "
                             "d['items'][0]['status_since']) is not None") == "true");

    const CliRun history = folder.run({"history", doc, "--json"});
    REQUIRE(isJson(history.out));
    CHECK(jsonEval(history.out, "sorted(d['changes'][0].keys())") ==
          "[\"at\",\"author\",\"change_id\",\"field\",\"item\",\"new\",\"old\",\"sequence\"]");
    CHECK(jsonEval(history.out, "[c['new'] for c in d['changes'] if c['field'] == 'status']") == "[\"waiting\"]");
    CHECK(jsonEval(history.out, "all(c['at'].endswith('Z') for c in d['changes'])") == "true");

    const CliRun reports = folder.run({"reports", doc, "--json"});
    REQUIRE(isJson(reports.out));
    CHECK(jsonEval(reports.out, "[(r['id'], r['language'], r['format']) for r in d['reports']]") == "[[1,\"en\",\"md\"]]");
    CHECK(jsonEval(reports.out, "d['reports'][0]['made_at'][-1]") == "\"Z\"");

    const CliRun templates = folder.run({"templates", "--json"});
    REQUIRE(isJson(templates.out));
    CHECK(jsonEval(templates.out, "'kickoff' in [t['key'] for t in d['templates']]") == "true");
    CHECK(jsonEval(templates.out, "sorted(d['templates'][0].keys())") == "[\"file\",\"items\",\"key\",\"title\"]");

    fs::remove(doc);
    const CliRun orphans = folder.run({"orphans", "--json"});
    REQUIRE(isJson(orphans.out));
    CHECK(jsonEval(orphans.out, "[o['path'] for o in d['orphans']]") == "[\"" + doc + "\"]");
    // The messages and titles follow LANG; the keys and keywords do not.
    const CliRun russian = folder.run({"templates", "--json"}, "ru_RU.UTF-8");
    CHECK(jsonEval(russian.out, "sorted(d['templates'][0].keys())") == "[\"file\",\"items\",\"key\",\"title\"]");
}

TEST_CASE("templates: the bundled ones from the build tree's share/rapport; the user's folder adds and overrides")
{
    CliFolder folder;
    auto environment = folder.environment();
    environment["RAPPORT_ASSETS_DIR"] = ""; // found next to the binary, as an install finds them
    environment["RAPPORT_DATA_DIR"] = "";
    environment["XDG_DATA_HOME"] = (folder.path / "xdg").string();
    const CliRun bundled = rapport::testing::runRapport({"--store", folder.store.string(), "templates", "--json"},
                                                        environment);
    REQUIRE_MESSAGE(bundled.exit_code == 0, bundled.output());
    CHECK(jsonEval(bundled.out, "'kickoff' in [t['key'] for t in d['templates']]") == "true");
    CHECK(jsonEval(bundled.out, "all('/share/rapport/templates/' in t['file'] for t in d['templates'])") == "true");

    // The user's own: one new, one replacing a bundled key.
    const fs::path mine = folder.path / "xdg" / "rapport" / "templates";
    fs::create_directories(mine);
    const auto write = [&](const std::string& key, const std::string& title) {
        std::ofstream(mine / (key + ".xml"))
            << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rapport-template format=\"1\" key=\"" << key
            << "\">\n  <title>" << title << "</title>\n  <description>d</description>\n"
            << "  <section key=\"s\">\n    <title>S</title>\n    <item key=\"i\">\n      <title>I</title>\n"
            << "      <description>d</description>\n    </item>\n  </section>\n</rapport-template>\n";
    };
    write("kickoff", "My kickoff");
    write("mine", "Mine");
    const CliRun both = rapport::testing::runRapport({"--store", folder.store.string(), "templates", "--json"},
                                                     environment);
    REQUIRE_MESSAGE(isJson(both.out), both.output());
    CHECK(jsonEval(both.out, "[t['title'] for t in d['templates'] if t['key'] == 'kickoff']") == "[\"My kickoff\"]");
    CHECK(jsonEval(both.out, "'mine' in [t['key'] for t in d['templates']]") == "true");
    CHECK(jsonEval(both.out, "'handover' in [t['key'] for t in d['templates']]") == "true");
}
