// Runs the real `rapport` binary for a test: arguments passed exactly as given (no shell,
// so invalid UTF-8, escape characters and newlines reach the tool as a user's would),
// standard output and error kept apart, and an environment of its own: a throwaway data
// folder and home, English messages unless the test asks for a language, and a time limit
// (a command that never ends fails the test instead of hanging it).
#pragma once

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

extern char** environ;

namespace rapport::testing {

// What one run of the tool did.
struct CliRun {
    int exit_code = -1; // -1: killed (it ran past its time limit) or did not exit normally
    std::string out;    // standard output
    std::string err;    // standard error

    // Both streams, for messages and CHECK_MESSAGE.
    std::string output() const { return out + err; }
};

// Runs the `rapport` binary with `args`; `env` adds or replaces variables (an empty value
// removes one). Gives up after `limit`. `wrapper` runs before it (e.g. setpriv, to run as
// another user).
inline CliRun runRapport(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                         std::chrono::seconds limit = std::chrono::seconds(60),
                         const std::vector<std::string>& wrapper = {})
{
    std::vector<std::string> environment;
    for (char** entry = environ; *entry; ++entry) {
        const std::string variable = *entry;
        const std::string name = variable.substr(0, variable.find('='));
        if (!env.count(name))
            environment.push_back(variable);
    }
    for (const auto& [name, value] : env)
        if (!value.empty())
            environment.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (std::string& variable : environment)
        envp.push_back(variable.data());
    envp.push_back(nullptr);
    std::vector<std::string> argvStrings = wrapper;
    argvStrings.push_back(RAPPORT_CLI);
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argvStrings)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    int out[2], err[2];
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(err, O_CLOEXEC) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        const int null = ::open("/dev/null", O_RDONLY);
        ::dup2(null, 0);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(err[1]);
    CliRun run;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    std::string* sinks[2] = {&run.out, &run.err};
    int open = 2;
    bool killed = false;
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(child, SIGKILL);
            killed = true;
            break;
        }
        if (::poll(fds, 2, static_cast<int>(left.count())) < 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[65536];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (const pollfd& fd : fds)
        if (fd.fd >= 0)
            ::close(fd.fd);
    int status = 0;
    ::waitpid(child, &status, 0);
    run.exit_code = !killed && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// A throwaway data folder with a store in it, and the tool run against them: every run
// gets --store, and RAPPORT_DATA_DIR, XDG_DATA_HOME and HOME inside the folder, so that
// nothing reaches the user's own files; LANG=C unless `language` says otherwise.
class CliFolder : public TempFolder {
public:
    explicit CliFolder(const std::string& prefix = "rapport-cli") : TempFolder(prefix)
    {
        data = path / "data";
        std::filesystem::create_directories(data);
        store = data / "rapport.sqlite3";
    }

    std::filesystem::path data; // the store's folder, with backups/ and settings.xml

    // Runs `rapport --store STORE args...`.
    CliRun run(const std::vector<std::string>& args, const std::string& language = "C",
               std::chrono::seconds limit = std::chrono::seconds(60)) const
    {
        std::vector<std::string> all{"--store", store.string()};
        all.insert(all.end(), args.begin(), args.end());
        return runRapport(all, environment(language), limit);
    }

    // The variables every run gets.
    std::map<std::string, std::string> environment(const std::string& language = "C") const
    {
        return {{"RAPPORT_DATA_DIR", data.string()},
                {"XDG_DATA_HOME", (path / "xdg").string()},
                {"HOME", (path / "home").string()},
                {"LANG", language},
                {"LC_ALL", ""},
                {"LC_MESSAGES", ""},
                {"LANGUAGE", ""}};
    }

    // A path inside the folder, as a string.
    std::string file(const std::string& name) const { return (path / name).string(); }
};

} // namespace rapport::testing
