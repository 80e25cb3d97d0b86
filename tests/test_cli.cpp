// Runs the real `rapport` binary and checks its output and exit codes.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

Run runCli(const std::string& arguments)
{
    const std::string command = std::string(RAPPORT_CLI) + " " + arguments + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (const std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

TEST_CASE("attach then show lists the template's items in English")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    fs::create_directories(dir);
    const std::string store = "--store '" + (dir / "s.sqlite3").string() + "' ";
    const std::string doc = "'" + (dir / "Бриф проекта.md").string() + "'";

    const Run attach = runCli(store + "attach " + doc + " --template kickoff");
    CHECK_MESSAGE(attach.exitCode == 0, attach.output);
    const Run show = runCli(store + "show " + doc);
    CHECK(show.exitCode == 0);
    CHECK(show.output.find("[ ]\tWrite down what is in scope and what is not") != std::string::npos);

    const Run again = runCli(store + "attach " + doc + " --template kickoff");
    CHECK(again.exitCode == 1);
    CHECK(again.output.find("already attached") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("bad usage exits with 2 and says why")
{
    const Run none = runCli("");
    CHECK(none.exitCode == 2);
    CHECK(none.output.find("no command given") != std::string::npos);
    const Run unknown = runCli("frobnicate");
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.output.find("unknown command") != std::string::npos);
}

TEST_CASE("showing a document without a checklist fails with a clear message")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    const Run show = runCli("--store '" + (dir / "s.sqlite3").string() + "' show /nowhere/brief.md");
    CHECK(show.exitCode == 1);
    CHECK(show.output.find("No checklist is attached to /nowhere/brief.md") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("add, set, history, rename and orphans through the command line")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    fs::create_directories(dir);
    const std::string store = "--store '" + (dir / "s.sqlite3").string() + "' ";
    const std::string doc = "'" + (dir / "brief.md").string() + "'";
    { std::ofstream(dir / "brief.md") << "brief"; }
    REQUIRE(runCli(store + "attach " + doc + " --template kickoff").exitCode == 0);

    const Run added = runCli(store + "add " + doc + " 'Call Maria — «срочно»'");
    CHECK_MESSAGE(added.exitCode == 0, added.output);
    CHECK(runCli(store + "set " + doc + " budget --status waiting --reason 'Needs the board' --owner client --due 2026-12-01")
              .exitCode == 0);
    CHECK(runCli(store + "set " + doc + " 1 --status done --internal").exitCode == 0);
    const Run show = runCli(store + "show " + doc);
    CHECK(show.output.find("[x]\tWrite down what is in scope and what is not\tdone\t-\tus\tinternal") != std::string::npos);
    CHECK(show.output.find("\twaiting\t2026-12-01\tclient\tvisible\tNeeds the board") != std::string::npos);
    CHECK(show.output.find("Call Maria — «срочно»") != std::string::npos);

    const Run history = runCli(store + "history " + doc);
    CHECK(history.output.find("\tstatus\ttodo\twaiting") != std::string::npos);
    CHECK(history.output.find("\titem\t\tCall Maria") != std::string::npos);

    // Bad values: a clear message, exit 1 or 2, and nothing half-applied.
    const Run badStatus = runCli(store + "set " + doc + " 1 --status finished");
    CHECK(badStatus.exitCode == 2);
    CHECK(badStatus.output.find("unknown status") != std::string::npos);
    const Run badDate = runCli(store + "set " + doc + " 2 --due 2026-02-30 --note 'should not be saved'");
    CHECK(badDate.exitCode == 1);
    CHECK(badDate.output.find("YYYY-MM-DD") != std::string::npos);
    CHECK(runCli(store + "history " + doc).output.find("should not be saved") == std::string::npos);
    CHECK(runCli(store + "set " + doc + " 999 --status done").exitCode == 1);

    fs::rename(dir / "brief.md", dir / "brief-final.md");
    CHECK(runCli(store + "orphans").output.find((dir / "brief.md").string()) != std::string::npos);
    CHECK(runCli(store + "rename " + doc + " '" + (dir / "brief-final.md").string() + "'").exitCode == 0);
    CHECK(runCli(store + "orphans").output.empty());
    CHECK(runCli(store + "show '" + (dir / "brief-final.md").string() + "'").output.find("[x]") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("an unknown command creates no store")
{
    std::random_device seed;
    const fs::path file = fs::temp_directory_path() / ("rapport-none-" + std::to_string(seed()) + ".sqlite3");
    CHECK(runCli("--store '" + file.string() + "' frobnicate").exitCode == 2);
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("export, import into a fresh store, export again: identical bytes")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    fs::create_directories(dir);
    const std::string first = "--store '" + (dir / "first.sqlite3").string() + "' ";
    const std::string second = "--store '" + (dir / "second.sqlite3").string() + "' ";
    const std::string doc = "'" + (dir / "Sözleşme 合同.txt").string() + "'";
    REQUIRE(runCli(first + "attach " + doc + " --template kickoff").exitCode == 0);
    // Hostile and awkward text: markup, quotes, newlines, leading spaces, CJK, RTL mark.
    REQUIRE(runCli(first + "add " + doc + " '  <script>alert(\"x\")</script> & \"quotes\"\n  second line \u200f'").exitCode == 0);
    REQUIRE(runCli(first + "set " + doc + " budget --status blocked --reason 'Bank <closed> & away' --due 2026-12-24 --note '客户 «note»' --owner client --internal").exitCode == 0);
    REQUIRE(runCli(first + "set " + doc + " deadlines --status na").exitCode == 0);

    const fs::path one = dir / "one.xml";
    const fs::path two = dir / "two.xml";
    REQUIRE(runCli(first + "export " + doc + " -o '" + one.string() + "'").exitCode == 0);
    const Run imported = runCli(second + "import '" + one.string() + "'");
    REQUIRE_MESSAGE(imported.exitCode == 0, imported.output);
    REQUIRE(runCli(second + "export " + doc + " -o '" + two.string() + "'").exitCode == 0);
    std::ifstream a(one, std::ios::binary), b(two, std::ios::binary);
    const std::string bytesOne((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>());
    const std::string bytesTwo((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
    CHECK(bytesOne.size() > 1000);
    CHECK(bytesOne == bytesTwo);
    CHECK(runCli(second + "show " + doc).output == runCli(first + "show " + doc).output);
    CHECK(runCli(second + "history " + doc).output == runCli(first + "history " + doc).output);

    // Importing twice is refused and changes nothing; bad files are refused with where and why.
    CHECK(runCli(second + "import '" + one.string() + "'").exitCode == 1);
    { std::ofstream(dir / "broken.xml") << "<rapport-checklist format=\"1\" document=\"/x\">\n  <item id=\"1\" status=\"done\"><text>a</text>\n"; }
    const Run broken = runCli(second + "import '" + (dir / "broken.xml").string() + "'");
    CHECK(broken.exitCode == 1);
    CHECK(broken.output.find("line ") != std::string::npos);
    { std::ofstream(dir / "status.xml") << "<rapport-checklist format=\"1\" document=\"/y\">\n<item id=\"1\" status=\"finished\"><text>a</text></item></rapport-checklist>"; }
    const Run badStatus = runCli(second + "import '" + (dir / "status.xml").string() + "'");
    CHECK(badStatus.exitCode == 1);
    CHECK(badStatus.output.find("unknown status \"finished\"") != std::string::npos);
    CHECK(badStatus.output.find("line 2") != std::string::npos);
    { std::ofstream(dir / "dup.xml") << "<rapport-checklist format=\"1\" document=\"/z\"><section id=\"1\"/>"
                                        "<item id=\"1\" section=\"1\"><text>a</text></item><item id=\"1\" section=\"1\"><text>b</text></item></rapport-checklist>"; }
    CHECK(runCli(second + "import '" + (dir / "dup.xml").string() + "'").exitCode == 1);
    CHECK(runCli(second + "show /z").exitCode == 1); // nothing half-imported
    fs::remove_all(dir);
}

namespace {

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("report writes the file in the chosen language, keeps a snapshot, and the next one defaults to it")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    fs::create_directories(dir);
    const std::string store = "--store '" + (dir / "s.sqlite3").string() + "' ";
    const std::string doc = "'" + (dir / "brief.md").string() + "'";
    REQUIRE(runCli(store + "attach " + doc + " --template kickoff").exitCode == 0);
    REQUIRE(runCli(store + "set " + doc + " budget --status waiting --reason 'Needs the board' --owner client").exitCode == 0);
    REQUIRE(runCli(store + "set " + doc + " 1 --status done").exitCode == 0);
    REQUIRE(runCli(store + "set " + doc + " 2 --status blocked --reason 'secret' --internal").exitCode == 0);

    const fs::path html = dir / "report.html";
    const Run first = runCli(store + "report " + doc + " --lang ru --format html -o '" + html.string() +
                             "' --summary 'Всё идёт по плану <b>' --next-steps 'Созвон в пятницу'");
    REQUIRE_MESSAGE(first.exitCode == 0, first.output);
    CHECK(first.output.find("report 1 (ru, html)") != std::string::npos);
    const std::string page = readFile(html);
    CHECK(page.find("<html lang=\"ru\"") != std::string::npos);
    CHECK(page.find("Отчёт о ходе работ") != std::string::npos);
    CHECK(page.find("Ожидает клиента") != std::string::npos);
    CHECK(page.find("Всё идёт по плану &lt;b&gt;") != std::string::npos);
    CHECK(page.find("secret") == std::string::npos); // the internal item's reason
    CHECK_FALSE(fs::exists(html.string() + ".partial"));

    // No --lang: the last report's language. --format from the extension.
    const fs::path md = dir / "report.md";
    const Run second = runCli(store + "report " + doc + " -o '" + md.string() + "'");
    REQUIRE_MESSAGE(second.exitCode == 0, second.output);
    CHECK(second.output.find("report 2 (ru, md)") != std::string::npos);
    CHECK(readFile(md).rfind("# Отчёт о ходе работ", 0) == 0);
    // Made after report 1, which already showed item 1 done: nothing completed since.
    CHECK(readFile(md).find("После прошлого отчёта ничего не завершено.") != std::string::npos);

    REQUIRE(runCli(store + "set " + doc + " budget --status done").exitCode == 0);
    const fs::path txt = dir / "report.txt";
    const Run third = runCli(store + "report " + doc + " --lang en --format txt -o '" + txt.string() + "'");
    REQUIRE_MESSAGE(third.exitCode == 0, third.output);
    CHECK(readFile(txt).rfind("Progress report\n===============\n", 0) == 0);
    CHECK(readFile(txt).find("2 of 10 items done (20%)") != std::string::npos); // 11 items, one internal

    const Run list = runCli(store + "reports " + doc);
    CHECK(list.exitCode == 0);
    CHECK(list.output.rfind("3\t", 0) == 0); // newest first
    CHECK(list.output.find("\ten\ttxt\n") != std::string::npos);
    CHECK(list.output.find("\tru\tmd\n") != std::string::npos);
    CHECK(list.output.find("\n1\t") != std::string::npos);

    const Run diff = runCli(store + "report-diff " + doc + " 1 3");
    CHECK_MESSAGE(diff.exitCode == 0, diff.output);
    CHECK(diff.output.find("Confirm the budget\twaiting -> done") != std::string::npos);
    CHECK(diff.output.find("progress\t") != std::string::npos);
    CHECK(runCli(store + "report-diff " + doc + " 1 2").output.find("no item changed") != std::string::npos);
    CHECK(runCli(store + "report-diff " + doc + " 1 9").exitCode == 1);
    CHECK(runCli(store + "history " + doc).output.find("\treport\t\t3 txt en") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("report validates every option before writing anything")
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-cli-" + std::to_string(seed()));
    fs::create_directories(dir);
    const std::string store = "--store '" + (dir / "s.sqlite3").string() + "' ";
    const std::string doc = "'" + (dir / "brief.md").string() + "'";
    const std::string out = "'" + (dir / "out.html").string() + "'";

    // Before any store exists: usage errors create nothing.
    for (const std::string& bad : {"report " + doc + " --lang de -o " + out, "report " + doc + " --format docx -o " + out,
                                   "report " + doc + " --lang ru", "report " + doc + " -o " + (dir / "x.doc").string(),
                                   "report " + doc + " --lang", "report " + doc + " --colour red -o " + out,
                                   std::string("report"), std::string("reports"), "report-diff " + doc + " 1"}) {
        const Run run = runCli(store + bad);
        CAPTURE(bad);
        CHECK(run.exitCode == 2);
        CHECK(run.output.find("usage:") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(dir / "s.sqlite3"));
    CHECK_FALSE(fs::exists(dir / "out.html"));

    // A document without a checklist: a failure, and no file.
    const Run none = runCli(store + "report " + doc + " -o " + out);
    CHECK(none.exitCode == 1);
    CHECK_FALSE(fs::exists(dir / "out.html"));
    // An unwritable target: a failure, and no snapshot kept.
    REQUIRE(runCli(store + "attach " + doc + " --template kickoff").exitCode == 0);
    // A PDF, in Turkish.
    const Run pdf = runCli(store + "report " + doc + " --lang tr --format pdf -o '" + (dir / "r.pdf").string() + "'");
    CHECK(pdf.exitCode == 0);
    std::ifstream pdfFile(dir / "r.pdf", std::ios::binary);
    std::string magic(5, '\0');
    pdfFile.read(magic.data(), 5);
    CHECK(magic == "%PDF-");
    const Run unwritable = runCli(store + "report " + doc + " -o '" + (dir / "missing" / "r.html").string() + "'");
    CHECK(unwritable.exitCode == 1);
    // Only the PDF was kept; the failed report left no snapshot.
    const std::string kept = runCli(store + "reports " + doc).output;
    CHECK(std::count(kept.begin(), kept.end(), '\n') == 1);
    CHECK(kept.find("\ttr\tpdf") != std::string::npos);
    fs::remove_all(dir);
}
