// The command line as a careless or hostile user tries it: every bad input of issue 12
// and more, in one table. For each row: the exit code, a message naming the problem, and
// afterwards the store byte for byte as it was (or, where the command rightly wrote, a
// store that passes integrity_check with every earlier change still there), the
// documents, settings and backups untouched, and no temporary file left behind.
#include "cli_runner.h"
#include "json_check.h"
#include "read_only.h"
#include "test_sqlite.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using rapport::testing::CliFolder;
using rapport::testing::CliRun;
using rapport::testing::readBytes;

namespace {

// Every file under `folder` with its bytes (links as their target's name, files over 1 MB —
// the test's own huge inputs — as their size and time), to compare.
std::map<std::string, std::string> snapshot(const fs::path& folder)
{
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
        const fs::path& path = it->path();
        const std::string name = path.lexically_relative(folder).string();
        if (it->is_symlink())
            files[name] = "-> " + fs::read_symlink(path).string();
        else if (it->is_fifo())
            files[name] = "fifo";
        else if (it->is_directory())
            files[name] = "folder";
        else if (it->file_size() > (1u << 20))
            files[name] = std::to_string(it->file_size()) + " bytes at " +
                          std::to_string(it->last_write_time().time_since_epoch().count());
        else
            files[name] = readBytes(path);
    }
    return files;
}

// A document with a checklist and everything around a store a command could destroy:
// the backups, settings.xml, a second document, links to the store and the document
// (symbolic and hard), a link to the data folder, a FIFO, a folder and an ordinary file.
struct Scene : CliFolder {
    std::string doc = file("brief.md");
    std::string other = file("other.md");

    Scene() : CliFolder("rapport-hostile")
    {
        std::ofstream(doc) << "# Brief\nScope: the shop.\n";
        std::ofstream(other) << "# Other\n";
        REQUIRE(run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
        REQUIRE(run({"set", doc, "budget", "--status", "waiting", "--reason", "Needs the board", "--note",
                     "earlier change"})
                    .exit_code == 0);
        REQUIRE(run({"attach", other, "--template", "kickoff"}).exit_code == 0);
        std::ofstream(data / "settings.xml") << "<settings><value key=\"language\">ru</value></settings>\n";
        fs::create_symlink(store, path / "store-link");
        fs::create_symlink(doc, path / "brief-link.md");
        fs::create_directory_symlink(data, path / "data-link");
        REQUIRE(::link(store.c_str(), (path / "store-hardlink").c_str()) == 0);
        REQUIRE(::mkfifo((path / "pipe").c_str(), 0600) == 0);
        fs::create_directories(path / "folder");
        std::ofstream(path / "old-report.html") << "old report";
        REQUIRE(fs::exists(data / "backups"));
    }

    // True when the store passes integrity_check and the earlier changes are still there.
    bool intactWithEarlierChanges() const
    {
        return rapport::testing::queryRaw(store, "PRAGMA integrity_check") == "ok" &&
               run({"show", doc}).out.find("\twaiting\t-\tus\tvisible\tNeeds the board") != std::string::npos &&
               run({"history", doc}).out.find("earlier change") != std::string::npos;
    }
};

// What a row expects of the store.
enum class Store { Unchanged, Written };

struct Case {
    Case(std::string name_, std::vector<std::string> args_, int exit_code_, std::string message_,
         Store store_ = Store::Unchanged, std::string created_ = {})
        : name(std::move(name_)), args(std::move(args_)), exit_code(exit_code_), message(std::move(message_)),
          store(store_), created(std::move(created_))
    {
    }
    std::string name;
    std::vector<std::string> args;
    int exit_code;
    std::string message; // found in standard error (or output, for a success)
    Store store;
    std::string created; // a file the command rightly makes or replaces ("" for none)
};

void runTable(Scene& scene, const std::vector<Case>& table)
{
    for (const Case& row : table) {
        CAPTURE(row.name);
        const auto before = snapshot(scene.path);
        const CliRun run = scene.run(row.args, "C", std::chrono::seconds(30));
        CAPTURE(run.out.substr(0, 400));
        CAPTURE(run.err);
        CHECK(run.exit_code == row.exit_code);
        CHECK(run.output().find(row.message) != std::string::npos);
        if (row.exit_code == 2)
            CHECK(run.err.find("usage: rapport") != std::string::npos);
        auto after = snapshot(scene.path);
        // No temporary file anywhere, whatever happened.
        for (const auto& [name, bytes] : after)
            CHECK_MESSAGE(name.find(".tmp-") == std::string::npos, name);
        auto expected = before;
        if (!row.created.empty()) { // the one file the command was asked to write
            const std::string name = fs::path(row.created).lexically_relative(scene.path).string();
            expected.erase(name);
            after.erase(name);
        }
        if (row.store == Store::Unchanged) {
            for (const auto& [name, bytes] : after)
                { const bool same = expected.count(name) && expected.at(name) == bytes; CHECK_MESSAGE(same, (std::string("changed or new: ") + name)); }
            for (const auto& [name, bytes] : expected)
                { const bool kept = after.count(name) != 0; CHECK_MESSAGE(kept, (std::string("gone: ") + name)); }
        } else {
            CHECK(scene.intactWithEarlierChanges());
            // Nothing else changed: the documents, the settings, the backups, the links.
            for (const std::string& kept : {std::string("brief.md"), std::string("other.md"), std::string("data/settings.xml"),
                                            std::string("store-link"), std::string("brief-link.md"), std::string("pipe"),
                                            std::string("folder")})
                CHECK_MESSAGE(after[kept] == before.at(kept), kept);
        }
        if (!row.created.empty())
            CHECK_MESSAGE(fs::exists(row.created), row.created);
    }
}

std::string repeated(const std::string& unit, std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < count; ++i)
        text += unit;
    return text;
}

} // namespace

TEST_CASE("report and export never write over the store, its companions, backups, settings or a document")
{
    Scene s;
    const std::string storeFile = s.store.string();
    const std::string backup = fs::directory_iterator(s.data / "backups")->path().string();
    const char* own = "part of Rapport's own data";
    const char* document = "is a document with a checklist";
    std::vector<Case> table;
    for (const std::string command : {"report", "export"}) {
        const auto args = [&](const std::string& target) {
            std::vector<std::string> all{command, s.doc, "-o", target};
            if (command == "report")
                all.insert(all.end(), {"--format", "html"});
            return all;
        };
        table.push_back({command + " over the store", args(storeFile), 1, own});
        for (const char* companion : {"-wal", "-shm", "-journal"})
            table.push_back({command + " over the store's " + companion, args(storeFile + companion), 1, own});
        table.push_back({command + " over a backup", args(backup), 1, own});
        table.push_back({command + " into the backups folder", args((s.data / "backups" / "new.html").string()), 1, own});
        table.push_back({command + " over settings.xml", args((s.data / "settings.xml").string()), 1, own});
        table.push_back({command + " over the store through a link", args(s.file("store-link")), 1, own});
        table.push_back({command + " over the store through a linked folder", args(s.file("data-link/rapport.sqlite3")), 1,
                         own});
        table.push_back({command + " over the store through ..", args(s.file("folder/../data/rapport.sqlite3")), 1, own});
        table.push_back({command + " over the store's hard link", args(s.file("store-hardlink")), 1, own});
        table.push_back({command + " over the document itself", args(s.doc), 1, document});
        table.push_back({command + " over another document", args(s.other), 1, document});
        table.push_back({command + " over the document through a link", args(s.file("brief-link.md")), 1, document});
        table.push_back({command + " over a folder", args(s.file("folder")), 1, "is a folder, not a file"});
        table.push_back({command + " into a FIFO", args(s.file("pipe")), 1, "is a named pipe (FIFO), not a file"});
        table.push_back({command + " over /dev/null", args("/dev/null"), 1, "is a device, not a file"});
        // Standard output is a pipe here; /dev/stdout and /proc/self/fd/1 lead to it.
        table.push_back({command + " to /dev/stdout", args("/dev/stdout"), 1, "use -o -"});
        table.push_back({command + " to /proc/self/fd/1", args("/proc/self/fd/1"), 1, "is a device, not a file"});
        table.push_back({command + " into a missing folder", args(s.file("missing/out.html")), 1, "could not write"});
        // What is allowed: an ordinary file the user named, even one that exists, and -o -.
        table.push_back({command + " over an ordinary file", args(s.file("old-report.html")), 0, "",
                         command == "report" ? Store::Written : Store::Unchanged, s.file("old-report.html")});
        table.push_back({command + " to standard output", args("-"), 0, command == "report" ? "<!DOCTYPE html>" : "<?xml",
                         command == "report" ? Store::Written : Store::Unchanged});
    }
    runTable(s, table);
    CHECK(readBytes(s.file("old-report.html")).find("<?xml") == 0); // replaced, last by the export
    CHECK(fs::is_symlink("/dev/stdout"));
}

TEST_CASE("every command on a document without a checklist says so, exit 1, and changes nothing")
{
    Scene s;
    const std::string missing = s.file("never-attached.md");
    const char* none = "No checklist is attached to";
    runTable(s, {
                    {"add", {"add", missing, "text"}, 1, none},
                    {"set", {"set", missing, "1", "--status", "done"}, 1, none},
                    {"show", {"show", missing}, 1, none},
                    {"history", {"history", missing}, 1, none},
                    {"export", {"export", missing, "-o", s.file("x.xml")}, 1, none},
                    {"report", {"report", missing, "-o", s.file("x.html")}, 1, none},
                    {"reports", {"reports", missing}, 1, none},
                    {"report-diff", {"report-diff", missing, "1", "2"}, 1, none},
                    {"rename", {"rename", missing, s.file("elsewhere.md")}, 1, none},
                    {"sections", {"sections", missing}, 1, none},
                    {"add-section", {"add-section", missing, "Extra"}, 1, none},
                    {"move", {"move", missing, "1", "0"}, 1, none},
                    {"delete", {"delete", missing, "1"}, 1, none},
                    {"move-section", {"move-section", missing, "1", "0"}, 1, none},
                    {"delete-section", {"delete-section", missing, "1"}, 1, none},
                    {"share", {"share", missing}, 1, none},
                    {"project", {"project", missing}, 1, none},
                    {"project setting", {"project", missing, "--client", "Acme"}, 1, none},
                    {"round", {"round", missing, "--start", "Logo"}, 1, none},
                    {"update-sent", {"update-sent", missing}, 1, none},
                    {"log", {"log", missing}, 1, none},
                    {"log add", {"log", missing, "add", "--kind", "request", "--channel", "call", "--said", "x"}, 1, none},
                    {"update-sent without a rhythm", {"update-sent", s.doc}, 1, "no update rhythm"},
                    {"moving to a section that does not exist", {"move", s.doc, "1", "0", "--section", "99"}, 1,
                     "has no section 99"},
                    {"deleting a section that does not exist", {"delete-section", s.doc, "zz"}, 1, "has no section zz"},
                    {"deleting a template's item", {"delete", s.doc, "1"}, 1, "came from the template"},
                    {"git-setup outside a repository", {"git-setup", s.file("folder")}, 1, "is not inside a git repository"},
                    {"relink with nothing orphaned", {"relink", s.file("unrelated.md")}, 1, "No checklist has lost its document"},
                    {"set on an item that does not exist", {"set", s.doc, "999", "--status", "done"}, 1, "no item 999"},
                    {"a report that does not exist", {"report-diff", s.doc, "1", "7"}, 1, "no report 1"},
                    {"an unknown template", {"attach", s.file("new.md"), "--template", "nope"}, 1, "rapport templates"},
                    {"attaching twice", {"attach", s.doc, "--template", "kickoff"}, 1, "already attached"},
                    {"renaming onto a document with a checklist", {"rename", s.doc, s.other}, 1, "already attached"},
                });
}

TEST_CASE("text in: invalid UTF-8, control characters, lengths and dates refused before anything is read")
{
    Scene s;
    const char* tooLong = "is too long";
    const char* notUtf8 = "is not valid UTF-8";
    const char* control = "control character";
    const char* date = "is not a date Rapport accepts";
    std::vector<Case> table{
        {"a title of 2,001 characters", {"add", s.doc, repeated("й", 2001)}, 2, tooLong},
        {"a note of 20,001 characters", {"set", s.doc, "1", "--note", repeated("n", 20001)}, 2, tooLong},
        {"a reason of 2,001 characters", {"set", s.doc, "1", "--status", "blocked", "--reason", repeated("r", 2001)}, 2,
         tooLong},
        {"a summary of 20,001 characters", {"report", s.doc, "-o", "-", "--format", "txt", "--summary", repeated("s", 20001)},
         2, tooLong},
        {"a document path of 5,000 bytes", {"show", "/" + repeated("d", 5000)}, 2, tooLong},
        {"a 100,000-character title", {"add", s.doc, repeated("x", 100000)}, 2, tooLong},
        {"a title that is not UTF-8", {"add", s.doc, "caf\xe9"}, 2, notUtf8},
        {"a note that is not UTF-8", {"set", s.doc, "1", "--note", "\xff\xfe"}, 2, notUtf8},
        {"a reason with an overlong encoding", {"set", s.doc, "1", "--reason", "\xc0\xaf"}, 2, notUtf8},
        {"a summary that is not UTF-8", {"report", s.doc, "-o", "-", "--format", "md", "--summary", "\xed\xa0\x80"}, 2,
         notUtf8},
        {"a document path that is not UTF-8", {"show", s.file("br\xe9" "f.md")}, 2, notUtf8},
        {"a title with ESC that would recolour the terminal", {"add", s.doc, "\x1b[31mred\x1b[0m"}, 2, control},
        {"a title with BEL", {"add", s.doc, "ring\a"}, 2, control},
        {"a note with a C1 control", {"set", s.doc, "1", "--note", "CSI \xc2\x9b"}, 2, control},
        {"a document path with a newline", {"show", s.file("two\nlines.md")}, 2, control},
        {"year 0000", {"set", s.doc, "1", "--due", "0000-01-01"}, 2, date},
        {"year 9999", {"set", s.doc, "1", "--due", "9999-12-31"}, 2, date},
        {"the day before 1970", {"set", s.doc, "1", "--due", "1969-12-31"}, 2, date},
        {"the 30th of February", {"set", s.doc, "1", "--due", "2026-02-30"}, 2, date},
        {"a date in words", {"set", s.doc, "1", "--due", "tomorrow"}, 2, date},
        {"an unknown status", {"set", s.doc, "1", "--status", "finished"}, 2, "unknown status"},
        {"an unknown owner", {"set", s.doc, "1", "--owner", "boss"}, 2, "--owner takes us or client"},
        {"internal and visible at once", {"set", s.doc, "1", "--internal", "--visible"}, 2, "contradict"},
        {"set without a change", {"set", s.doc, "1"}, 2, "at least one option"},
        {"an empty title", {"add", s.doc, ""}, 2, "an item needs a text"},
        {"an unknown option", {"show", s.doc, "--colour"}, 2, "\"--colour\" is not an argument of \"show\""},
        {"a second document", {"show", s.doc, s.doc}, 2, "is not an argument of \"show\""},
        {"no document", {"show"}, 2, "DOC is missing"},
        {"an option without its value", {"set", s.doc, "1", "--status"}, 2, "--status needs a value"},
        {"an option given twice", {"set", s.doc, "1", "--status", "done", "--status", "todo"}, 2, "--status is given more than once"},
        {"a round without --start", {"round", s.doc}, 2, "--start is missing"},
        {"an unknown language", {"report", s.doc, "-o", "-", "--lang", "de"}, 2, "--lang takes"},
        {"a report to standard output without a format", {"report", s.doc, "-o", "-"}, 2, "--format"},
        {"a client name of 201 characters", {"project", s.doc, "--client", repeated("я", 201)}, 2, tooLong},
        {"a client name with ESC", {"project", s.doc, "--client", "\x1b]0;title\a"}, 2, control},
        {"a client name that is not UTF-8", {"project", s.doc, "--client", "M\xfcller"}, 2, notUtf8},
        {"a client name with a line break", {"project", s.doc, "--client", "two\nlines"}, 2, control},
        {"an unknown client language", {"project", s.doc, "--client-lang", "de"}, 2, "--client-lang takes"},
        {"a client language in the wrong case", {"project", s.doc, "--client-lang", "zh_cn"}, 2, "--client-lang takes"},
        {"a deadline on the 30th of February", {"project", s.doc, "--deadline", "2026-02-30"}, 2, date},
        {"a next update in year 9999", {"project", s.doc, "--next-update", "9999-01-01"}, 2, date},
        {"an unknown rhythm", {"project", s.doc, "--rhythm", "fortnightly"}, 2, "--rhythm takes"},
        {"a rhythm of 0 days", {"project", s.doc, "--rhythm", "0d"}, 2, "--rhythm takes"},
        {"a rhythm of 367 days", {"project", s.doc, "--rhythm", "367d"}, 2, "--rhythm takes"},
        {"an empty rhythm", {"project", s.doc, "--rhythm", ""}, 2, "--rhythm takes"},
        {"negative rounds agreed", {"project", s.doc, "--rounds-agreed", "-1"}, 2, "--rounds-agreed takes"},
        {"rounds agreed in words", {"project", s.doc, "--rounds-agreed", "three"}, 2, "--rounds-agreed takes"},
        {"a million rounds agreed", {"project", s.doc, "--rounds-agreed", "1000000"}, 2, "--rounds-agreed takes"},
        {"a round without a purpose", {"round", s.doc, "--start", ""}, 2, "what it is for"},
        {"a round without --start", {"round", s.doc}, 2, "--start"},
        {"a round purpose of 2,001 characters", {"round", s.doc, "--start", repeated("r", 2001)}, 2, tooLong},
        {"a round purpose with a C1 control", {"round", s.doc, "--start", "x\xc2\x85"}, 2, control},
        // At the limits, and in every script, the text is kept as written.
        {"a title of exactly 2,000 characters", {"add", s.doc, repeated("界", 2000)}, 0, "added item", Store::Written},
        {"a title with tabs, line breaks and right-to-left text", {"add", s.doc, "a\tb\nc \u05e9\u05dc\u05d5\u05dd \u202e"},
         0, "added item", Store::Written},
        {"the last day accepted", {"set", s.doc, "1", "--due", "2199-12-31"}, 0, "", Store::Written},
        {"a client name of exactly 200 characters", {"project", s.doc, "--client", repeated("界", 200)}, 0,
         repeated("界", 200), Store::Written},
    };
    runTable(s, table);
    CHECK(s.run({"show", s.doc}).out.find(repeated("界", 2000)) != std::string::npos);
    // The store's own path is checked too, before anything is opened.
    const CliRun badStore = rapport::testing::runRapport({"--store", s.file("st\xe9re"), "show", s.doc}, s.environment());
    CHECK(badStore.exit_code == 2);
    CHECK(badStore.err.find(notUtf8) != std::string::npos);
    CHECK_FALSE(fs::exists(s.file("st\xe9re")));
}

TEST_CASE("the client log refuses bad input before anything is written, and keeps hostile text as written")
{
    Scene s;
    const char* tooLong = "is too long";
    const char* control = "control character";
    const std::vector<std::string> add{"log", s.doc, "add", "--kind", "request", "--channel", "call"};
    const auto with = [&](std::vector<std::string> more) {
        std::vector<std::string> args = add;
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    std::vector<Case> table{
        {"an unknown action", {"log", s.doc, "remove"}, 2, "is not an action of \"log\""},
        {"an unknown kind", {"log", s.doc, "add", "--kind", "rant", "--channel", "call", "--said", "x"}, 2, "--kind is one of"},
        {"no kind", {"log", s.doc, "add", "--channel", "call", "--said", "x"}, 2, "--kind is one of"},
        {"an unknown channel", {"log", s.doc, "add", "--kind", "request", "--channel", "fax", "--said", "x"}, 2,
         "--channel is one of"},
        {"nothing said", with({}), 2, "--said is needed"},
        {"an empty said", with({"--said", ""}), 2, "--said is needed"},
        {"said of 1,501 characters", with({"--said", repeated("ж", 1501)}), 2, tooLong},
        {"an answer of 1,501 characters", with({"--said", "x", "--answer", repeated("a", 1501)}), 2, tooLong},
        {"said with ESC", with({"--said", "\x1b[31mred"}), 2, control},
        {"said not UTF-8", with({"--said", "caf\xe9"}), 2, "is not valid UTF-8"},
        {"who with a line break", with({"--said", "x", "--who", "two\nlines"}), 2, control},
        {"a time without T", with({"--said", "x", "--when", "2026-11-20 10:00"}), 2, "--when is a local date"},
        {"the 25th hour", with({"--said", "x", "--when", "2026-11-20T25:00"}), 2, "--when is a local date"},
        {"a due date without a promise", with({"--said", "x", "--due", "2026-12-01"}), 2, "--due is the date of"},
        {"a promise on the 30th of February", with({"--said", "x", "--promise", "p", "--due", "2026-02-30"}), 2,
         "--due is a date"},
        {"an empty promise", with({"--said", "x", "--promise", ""}), 2, "--promise needs"},
        {"resolve options when adding", with({"--said", "x", "--accept"}), 2, "do not go with"},
        {"json when adding", with({"--said", "x", "--json"}), 2, "do not go with"},
        {"resolve without a number", {"log", s.doc, "resolve", "--resolution", "done"}, 2, "needs the number"},
        {"resolve with nothing to record", {"log", s.doc, "resolve", "1"}, 2, "--resolution, --accept or --decline"},
        {"accept and decline", {"log", s.doc, "resolve", "1", "--accept", "--decline", "no"}, 2, "cannot go together"},
        {"decline without a reason", {"log", s.doc, "resolve", "1", "--decline", ""}, 2, "--decline needs the reason"},
        {"resolve a number in words", {"log", s.doc, "resolve", "one", "--resolution", "x"}, 2, "\"log\""},
        {"resolve an entry that does not exist", {"log", s.doc, "resolve", "9", "--resolution", "x"}, 1,
         "there is no entry 9"},
        // Kept exactly as written, whatever the text: markup, bidi overrides, tabs.
        {"hostile text in every field", with({"--said", "<script>alert(1)</script>\t|%7C|", "--answer", "**x** \u202e",
                                               "--who", "O'Brien & <Co>", "--promise", "]]> <b>", "--due", "2099-12-31"}),
         0, "logged entry 1", Store::Written},
        {"accept on a request", {"log", s.doc, "resolve", "1", "--accept"}, 1, "only a change request"},
        {"a kind given twice", with({"--kind", "change-request", "--said", "x"}), 2, "--kind is given more than once"},
    };
    runTable(s, table);
    // What was written reads back exactly, as rows and as JSON.
    const CliRun list = s.run({"log", s.doc});
    CHECK(list.exit_code == 0);
    CHECK(list.out.find("<script>alert(1)</script>\\t|%7C|") != std::string::npos); // the tab escaped in the row
    CHECK(list.out.find("O'Brien & <Co>") != std::string::npos);
    const CliRun json = s.run({"log", s.doc, "--json"});
    CHECK(json.exit_code == 0);
    CHECK(rapport::testing::isJson(json.out));
    CHECK(json.out.find("\"said\":\"<script>alert(1)</script>\\t|%7C|\"") != std::string::npos);
    CHECK(json.out.find("\"state\":\"open\"") != std::string::npos);
    // A change request is accepted or declined, and history records each step.
    CHECK(s.run({"log", s.doc, "add", "--kind", "change-request", "--channel", "email", "--said", "French too"}).exit_code == 0);
    CHECK(s.run({"log", s.doc, "resolve", "2", "--decline", "Not in the budget"}).exit_code == 0);
    CHECK(s.run({"log", s.doc}).out.find("\tdeclined\tNot in the budget\t") != std::string::npos);
    const CliRun history = s.run({"history", s.doc});
    CHECK(history.out.find("log-added") != std::string::npos);
    CHECK(history.out.find("log-resolved") != std::string::npos);
    CHECK(s.intactWithEarlierChanges());
}

TEST_CASE("import refuses folders, devices, FIFOs, huge files and bad text, all or nothing")
{
    Scene s;
    const auto write = [&](const std::string& name, const std::string& content) {
        std::ofstream(s.path / name, std::ios::binary) << content;
        return s.file(name);
    };
    const auto item = [](const std::string& attributes, const std::string& text) {
        return "<?xml version=\"1.0\"?>\n<rapport-checklist format=\"1\" document=\"/imported/doc.md\">\n"
               "<section id=\"1\" position=\"1\"/>\n<item id=\"1\" section=\"1\" status=\"todo\" " +
               attributes + "><text>" + text + "</text></item>\n</rapport-checklist>\n";
    };
    const std::string huge = s.file("huge.xml");
    { std::ofstream(huge) << ""; }
    fs::resize_file(huge, 65u * 1024u * 1024u); // sparse: costs nothing on disk
    runTable(s, {
                    {"a folder", {"import", s.file("folder")}, 1, "is a folder, not a file"},
                    {"/dev/zero, which never ends", {"import", "/dev/zero"}, 1, "is a device, not a file"},
                    {"a FIFO", {"import", s.file("pipe")}, 1, "is a named pipe (FIFO)"},
                    {"a file that does not exist", {"import", s.file("nowhere.xml")}, 1, "could not read"},
                    {"a file of 65 MB", {"import", huge}, 1, "larger than 64 MB"},
                    {"not XML", {"import", write("notes.xml", "just some notes\n")}, 1, "not a checklist export"},
                    {"text that is not UTF-8", {"import", write("latin1.xml", item("", "caf\xe9"))}, 1, "line 4"},
                    {"a title with ESC", {"import", write("esc.xml", item("", "\x1b[2J"))}, 1, "control character"},
                    {"a title of 2,001 characters", {"import", write("long.xml", item("", std::string(2001, 't')))}, 1,
                     "too long"},
                    {"a title of 10 MB", {"import", write("ten.xml", item("", std::string(10u << 20, 't')))}, 1, "too long"},
                    {"year 0000", {"import", write("year.xml", item("due=\"0000-01-01\"", "t"))}, 1, "1970 to 2199"},
                    {"a key with spaces", {"import", write("key.xml", item("template=\"kick off\" key=\"x\"", "t"))}, 1,
                     "a key may only hold"},
                    {"the same document twice",
                     {"import", write("again.xml", s.run({"export", s.doc}).out)}, 1, "already attached"},
                });
    CHECK(s.run({"show", "/imported/doc.md"}).exit_code == 1); // nothing half-imported
}

TEST_CASE("text out: control characters from an older store are escaped on the terminal, rows stay rows, "
          "and the export is XML every tool reads")
{
    Scene s;
    // Text an older Rapport stored unchecked: ESC sequences, BEL, CR, LF, TAB, a bidi
    // override, invalid UTF-8 and a C1 control; and a gone document whose name has them too.
    rapport::testing::execRaw(
        s.store,
        "UPDATE items SET custom_text = CAST(X'1B5B33316D7265641B5B306D07' || X'0D0A' || X'0909' || "
        "X'E280AE6C6566742D746F2D7269676874' || X'FF' || X'C29B' AS TEXT), template_key = '', item_key = '' "
        "WHERE item_id = 1;"
        "UPDATE items SET status_reason = CAST('line one' || X'0A' || 'line two' AS TEXT) WHERE item_id = 2;"
        "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value) "
        "SELECT id, 999, 1, 1, 'note', CAST(X'1B5D303B7469746C6507' AS TEXT), CAST(X'0A0A' AS TEXT) "
        "FROM documents WHERE path LIKE '%brief.md';"
        "UPDATE documents SET path = CAST('/gone/evil' || X'1B5B324A' || X'0A' || 'name.md' AS TEXT) "
        "WHERE path LIKE '%other.md';");
    const auto checkRows = [](const std::string& output, std::size_t rows, std::size_t min_fields) {
        CHECK(std::count(output.begin(), output.end(), '\n') == static_cast<long>(rows));
        for (const char c : output)
            CHECK_MESSAGE((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n'),
                          "a raw control character reached the terminal: " << static_cast<int>(c));
        std::size_t start = 0;
        while (start < output.size()) {
            const std::size_t end = output.find('\n', start);
            const std::string line = output.substr(start, end - start);
            CHECK(static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t')) + 1 >= min_fields);
            start = end + 1;
        }
    };
    const CliRun show = s.run({"show", s.doc});
    REQUIRE(show.exit_code == 0);
    checkRows(show.out, 11, 7);
    CHECK(show.out.find("\\x1B[31mred\\x1B[0m\\x07\\r\\n\\t\\t\\u202Eleft-to-right\\xFF\\u009B") != std::string::npos);
    CHECK(show.out.find("line one\\nline two") != std::string::npos);
    const CliRun history = s.run({"history", s.doc});
    checkRows(history.out, static_cast<std::size_t>(std::count(history.out.begin(), history.out.end(), '\n')), 6);
    CHECK(history.out.find("\\x1B]0;title\\x07\t\\n\\n") != std::string::npos);
    const CliRun orphans = s.run({"orphans"});
    checkRows(orphans.out, 1, 2);
    CHECK(orphans.out.find("/gone/evil\\x1B[2J\\nname.md") != std::string::npos);

    // The export of that store is well-formed XML: xmllint reads it.
    const std::string exported = s.file("hostile.xml");
    REQUIRE(s.run({"export", s.doc, "-o", exported}).exit_code == 0);
    CHECK(std::system(("xmllint --noout '" + exported + "'").c_str()) == 0);
    CHECK(readBytes(exported).find("\xEF\xBF\xBD") != std::string::npos); // U+FFFD where XML cannot go
}

TEST_CASE("a read-only store is read, never written, and says why")
{
    Scene s;
    // An export of a document the store does not have yet, to import.
    std::string exported = s.run({"export", s.other}).out;
    exported.replace(exported.find(s.other), s.other.size(), "/imported/elsewhere.md");
    std::ofstream(s.path / "elsewhere.xml") << exported;
    rapport::testing::ReadOnly readOnly({s.store, s.data});
    const char* why = "is read-only";
    runTable(s, {
                    {"show reads", {"show", s.doc}, 0, "Write down what is in scope"},
                    {"export reads", {"export", s.doc}, 0, "<rapport-checklist"},
                    {"set is refused", {"set", s.doc, "1", "--status", "done"}, 1, why},
                    {"add is refused", {"add", s.doc, "more"}, 1, why},
                    {"attach is refused", {"attach", s.file("new.md"), "--template", "kickoff"}, 1, why},
                    {"rename is refused", {"rename", s.doc, s.file("moved.md")}, 1, why},
                    {"a report leaves no file when its snapshot cannot be kept",
                     {"report", s.doc, "-o", s.file("report.html")}, 1, why},
                    {"import is refused", {"import", s.file("elsewhere.xml")}, 1, why},
                });
    CHECK_FALSE(fs::exists(s.file("report.html")));
    CHECK(s.run({"set", s.doc, "1", "--status", "done"}).err.find("make the file and its folder writable") !=
          std::string::npos);
}

TEST_CASE("an unreadable store is named as such, with what to do; a store another user owns opens read-only")
{
    Scene s;
    // Permissions do not stop root: as root, the tool runs as nobody here.
    const std::vector<std::string> asNobody =
        ::geteuid() == 0 ? std::vector<std::string>{"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}
                         : std::vector<std::string>{};
    if (::geteuid() == 0)
        REQUIRE_MESSAGE(fs::exists(asNobody[0]), "setpriv (util-linux) is needed to run as another user");
    const auto run = [&](const std::vector<std::string>& args) {
        std::vector<std::string> all{"--store", s.store.string()};
        all.insert(all.end(), args.begin(), args.end());
        return rapport::testing::runRapport(all, s.environment(), std::chrono::seconds(30), asNobody);
    };
    const std::string before = readBytes(s.store);
    if (::geteuid() == 0) {
        // Owned by root, mode 0644: nobody may read it, not write it, nor write in its folder.
        const CliRun show = run({"show", s.doc});
        CHECK_MESSAGE(show.exit_code == 0, show.output());
        const CliRun set = run({"set", s.doc, "1", "--status", "done"});
        CHECK(set.exit_code == 1);
        CHECK(set.err.find("is read-only") != std::string::npos);
    }
    fs::permissions(s.store, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    if (::geteuid() != 0)
        fs::permissions(s.store, fs::perms::none, fs::perm_options::replace);
    const CliRun unreadable = run({"show", s.doc});
    CHECK(unreadable.exit_code == 1);
    CHECK(unreadable.err.find("may not read its data file") != std::string::npos);
    CHECK(unreadable.err.find("chmod u+rw") != std::string::npos);
    fs::permissions(s.store, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                 fs::perms::others_read, fs::perm_options::replace);
    CHECK(readBytes(s.store) == before);
}

TEST_CASE("the command line makes the day's backup when it writes, and backups leave nothing else behind")
{
    CliFolder folder;
    const std::string doc = folder.file("brief.md");
    const fs::path backups = folder.data / "backups";
    const auto names = [&] {
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(backups))
            found.push_back(entry.path().filename().string());
        std::sort(found.begin(), found.end());
        return found;
    };
    // Reading makes no backup; the first write does.
    CHECK(folder.run({"orphans"}).exit_code == 0);
    CHECK_FALSE(fs::exists(backups));
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);
    REQUIRE(names().size() == 1);
    CHECK(names()[0].find(".sqlite3") == names()[0].size() - 8); // a finished backup, nothing else
    // Within the day: no second backup.
    REQUIRE(folder.run({"set", doc, "1", "--status", "done"}).exit_code == 0);
    CHECK(names().size() == 1);
    // A day later (the backup's time moved back), the next write makes one; what an older
    // backup left beside it (partial copies, -wal and -shm files) is cleared by rotation.
    const fs::path first = backups / names()[0];
    const auto twoDaysAgo = fs::file_time_type::clock::now() - std::chrono::hours(48);
    fs::last_write_time(first, twoDaysAgo);
    for (const char* leftover : {"rapport-20200101-000000-000.sqlite3.partial", "rapport-20200101-000000-000.sqlite3.partial-wal",
                                 "rapport-20200101-000000-000.sqlite3.partial-shm"}) {
        std::ofstream(backups / leftover) << "left by an older version";
        fs::last_write_time(backups / leftover, twoDaysAgo);
    }
    std::ofstream(first.string() + "-wal") << "left by an older restore";
    fs::last_write_time(first.string() + "-wal", twoDaysAgo);
    REQUIRE(folder.run({"set", doc, "2", "--status", "done"}).exit_code == 0);
    const auto after = names();
    REQUIRE(after.size() == 2);
    for (const std::string& name : after) {
        const bool finished = name.size() > 8 && name.compare(name.size() - 8, 8, ".sqlite3") == 0;
        CHECK_MESSAGE(finished, name);
    }
    CHECK(rapport::testing::queryRaw(backups / after.back(), "PRAGMA integrity_check") == "ok");
    CHECK(rapport::testing::queryRaw(backups / after.back(), "PRAGMA journal_mode") == "delete");
}

TEST_CASE("relink says why nothing matched and finds an edited document by what is still alike")
{
    CliFolder folder;
    std::string body;
    for (int i = 0; i < 60; ++i)
        body += "Clause " + std::to_string(i) + ": the contractor delivers part " + std::to_string(i) + " on time.\n";
    const std::string doc = folder.file("contract.md");
    std::ofstream(doc) << body;
    REQUIRE(folder.run({"attach", doc, "--template", "kickoff"}).exit_code == 0);

    // Nothing orphaned yet: say so, and how to move a checklist whose document still exists.
    const CliRun nothing = folder.run({"relink", folder.file("elsewhere.md")});
    CHECK(nothing.exit_code == 1);
    CHECK(nothing.err.find("No checklist has lost its document") != std::string::npos);
    CHECK(nothing.err.find("rapport rename") != std::string::npos);

    // Moved and edited: a fifth of the clauses rewritten, one added.
    fs::create_directories(folder.path / "moved");
    const std::string moved = folder.file("moved/contract.md");
    {
        std::string edited = body;
        for (int i = 0; i < 60; i += 5) {
            const std::string clause = "Clause " + std::to_string(i) + ": the contractor delivers part";
            edited.replace(edited.find(clause), clause.size(), "Clause " + std::to_string(i) + ": the client pays part");
        }
        std::ofstream(moved) << edited << "Clause 60: penalties apply.\n";
    }
    fs::remove(doc);
    const CliRun asked = folder.run({"relink", moved});
    CHECK(asked.exit_code == 1);
    CHECK(asked.err.find("its content changed") != std::string::npos);
    CHECK(asked.err.find(doc) != std::string::npos);
    CHECK(asked.err.find("same file name") != std::string::npos);
    CHECK(asked.err.find("--yes") != std::string::npos);
    CHECK(folder.run({"orphans"}).out.find(doc) != std::string::npos); // asked, not done
    const CliRun confirmed = folder.run({"relink", moved, "--yes"});
    CHECK_MESSAGE(confirmed.exit_code == 0, confirmed.output());
    CHECK(folder.run({"show", moved}).exit_code == 0);
    CHECK(folder.run({"orphans"}).out.empty());

    // A document like none of the orphans: the closest is named, with how to choose it anyway.
    const std::string note = folder.file("notes.md");
    std::ofstream(note) << "Shopping list\nmilk\nbread\n";
    REQUIRE(folder.run({"attach", note, "--template", "kickoff"}).exit_code == 0);
    fs::remove(note);
    const std::string unrelated = folder.file("unrelated.md");
    std::ofstream(unrelated) << "A poem\nabout the sea\n";
    const CliRun unlike = folder.run({"relink", unrelated});
    CHECK(unlike.exit_code == 1);
    CHECK(unlike.err.find("No checklist whose document is gone is like") != std::string::npos);
    CHECK(unlike.err.find("--from") != std::string::npos);
    const CliRun chosen = folder.run({"relink", unrelated, "--from", note});
    CHECK_MESSAGE(chosen.exit_code == 0, chosen.output());

    // Two copies of one document, both gone: several candidates, none chosen.
    const std::string a = folder.file("a.md");
    const std::string b = folder.file("b.md");
    std::ofstream(a) << body;
    std::ofstream(b) << body;
    REQUIRE(folder.run({"attach", a, "--template", "kickoff"}).exit_code == 0);
    REQUIRE(folder.run({"attach", b, "--template", "kickoff"}).exit_code == 0);
    const std::string copy = folder.file("copy.md");
    fs::rename(a, copy);
    fs::remove(b);
    const CliRun several = folder.run({"relink", copy});
    CHECK(several.exit_code == 1);
    CHECK(several.err.find("Several checklists") != std::string::npos);
    CHECK(several.err.find(a) != std::string::npos);
    CHECK(several.err.find(b) != std::string::npos);
    CHECK(folder.run({"relink", copy, "--yes"}).exit_code == 1); // --yes never picks among equals
}

TEST_CASE("text out as JSON: control characters, quotes, invalid UTF-8 and bidi overrides stay valid JSON")
{
    using rapport::testing::isJson;
    using rapport::testing::jsonEval;
    Scene s;
    // Quotes, backslashes, a line break and a tab, as a user may type them in a note.
    REQUIRE(s.run({"set", s.doc, "2", "--note", "say \"hi\" \\ back\\slash\nnext\tline </script>"}).exit_code == 0);
    rapport::testing::execRaw(
        s.store,
        "UPDATE items SET custom_text = CAST(X'1B5B33316D7265641B5B306D07' || X'0D0A' || X'0909' || "
        "X'E280AE6C6566742D746F2D7269676874' || X'FF' || X'C29B' || X'E280A8' || 'end' AS TEXT), "
        "template_key = '', item_key = '' WHERE item_id = 1;"
        "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value) "
        "SELECT id, 999, 1, 1, 'note', CAST(X'1B5D303B7469746C6507' AS TEXT), CAST(X'C0AF' || X'EDA080' AS TEXT) "
        "FROM documents WHERE path LIKE '%brief.md';"
        "UPDATE documents SET path = CAST('/gone/evil\"' || X'1B5B324A' || X'0A' || 'name.md' AS TEXT) "
        "WHERE path LIKE '%other.md';");
    const CliRun show = s.run({"show", s.doc, "--json"});
    REQUIRE(show.exit_code == 0);
    REQUIRE_MESSAGE(isJson(show.out), show.out);
    for (const char c : show.out)
        CHECK_MESSAGE((static_cast<unsigned char>(c) >= 0x20 || c == '\n'), "a raw control character in JSON: "
                                                                                << static_cast<int>(c));
    CHECK(show.out.back() == '\n');
    CHECK(std::count(show.out.begin(), show.out.end(), '\n') == 1); // one line
    // What a JSON reader gets back: the text itself, invalid bytes as U+FFFD.
    CHECK(jsonEval(show.out, "d['items'][0]['title'] == '\\x1b[31mred\\x1b[0m\\x07\\r\\n\\t\\t\\u202eleft-to-right"
                             "\\ufffd\\u009b\\u2028end'") == "true");
    CHECK(jsonEval(show.out, "d['items'][1]['note']") == "\"say \\\"hi\\\" \\\\ back\\\\slash\\nnext\\tline </script>\"");
    const CliRun history = s.run({"history", s.doc, "--json"});
    REQUIRE_MESSAGE(isJson(history.out), history.out);
    CHECK(jsonEval(history.out, "[c['new'] for c in d['changes'] if c['sequence'] == 999] == ['\\ufffd' * 5]") ==
          "true");
    CHECK(jsonEval(history.out, "[c['at'] for c in d['changes'] if c['sequence'] == 999]") ==
          "[\"1970-01-01T00:00:01Z\"]");
    const CliRun orphans = s.run({"orphans", "--json"});
    REQUIRE_MESSAGE(isJson(orphans.out), orphans.out);
    CHECK(jsonEval(orphans.out, "d['orphans'][0]['path'] == '/gone/evil\"\\x1b[2J\\nname.md'") == "true");
}
