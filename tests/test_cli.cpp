// Runs the real `rapport` binary and checks its output and exit codes.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
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
    const Run unknown = runCli("--store /tmp/never-used.sqlite3 frobnicate");
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
