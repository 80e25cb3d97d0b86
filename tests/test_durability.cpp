// Durability: a writer killed with SIGKILL at random moments loses no acknowledged
// change and leaves a store that checks out; two writers at once see no error.
#include "store.h"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <thread>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;
namespace fs = std::filesystem;

namespace {

// A running store_writer with its stdout on a pipe.
struct Writer {
    pid_t pid = -1;
    int out = -1;
    std::string buffer;

    Writer(const fs::path& store, const std::string& doc, const std::string& name, int count,
           const std::vector<std::string>& extraEnvironment = {})
    {
        std::vector<std::string> environment(extraEnvironment);
        for (char** entry = environ; *entry; ++entry)
            environment.emplace_back(*entry);
        std::vector<char*> envp;
        for (auto& entry : environment)
            envp.push_back(entry.data());
        envp.push_back(nullptr);
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        const std::string countText = std::to_string(count);
        std::vector<char*> args{const_cast<char*>(RAPPORT_STORE_WRITER), const_cast<char*>(store.c_str()),
                                const_cast<char*>(doc.c_str()), const_cast<char*>(name.c_str()),
                                const_cast<char*>(countText.c_str()), nullptr};
        REQUIRE(posix_spawn(&pid, RAPPORT_STORE_WRITER, &actions, nullptr, args.data(), envp.data()) == 0);
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        out = fds[0];
    }
    ~Writer()
    {
        if (out >= 0)
            close(out);
    }

    // Reads what is available (blocking until at least something, or end of file).
    bool readSome()
    {
        char chunk[4096];
        const ssize_t n = read(out, chunk, sizeof chunk);
        if (n > 0)
            buffer.append(chunk, static_cast<std::size_t>(n));
        return n > 0;
    }
    int wait()
    {
        int status = 0;
        waitpid(pid, &status, 0);
        while (readSome()) {
        }
        return status;
    }
    std::vector<std::string> acknowledged() const
    {
        std::vector<std::string> acks;
        std::size_t start = 0;
        for (std::size_t end; (end = buffer.find('\n', start)) != std::string::npos; start = end + 1)
            if (buffer.compare(start, 4, "ack ") == 0)
                acks.push_back(buffer.substr(start + 4, end - start - 4));
        return acks;
    }
};

std::set<std::string> itemsIn(const fs::path& store, const std::string& doc)
{
    auto opened = rapport::Store::open(store);
    REQUIRE(opened);
    auto checklist = opened.value().checklistFor(doc);
    REQUIRE(checklist);
    std::set<std::string> texts;
    if (checklist.value())
        for (const auto& item : checklist.value()->items)
            texts.insert(item.custom_text);
    return texts;
}

std::string integrity(const fs::path& store)
{
    sqlite3* db = nullptr;
    // Read-write, as after a reboot: recovering a WAL whose index was lost needs to write.
    REQUIRE(sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* check = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(check) == SQLITE_ROW);
    std::string result = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    sqlite3_finalize(check);
    sqlite3_close(db);
    return result;
}

fs::path freshFolder()
{
    std::random_device seed;
    const fs::path dir = fs::temp_directory_path() / ("rapport-durability-" + std::to_string(seed()));
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("SIGKILL at random moments, 200 times: every acknowledged change survives")
{
    const fs::path dir = freshFolder();
    const fs::path store = dir / "rapport.sqlite3";
    const std::string doc = "/docs/brief.md";
    std::mt19937 random(20261123);
    std::set<std::string> acknowledged;
    int killedMidway = 0;
    for (int trial = 0; trial < 200; ++trial) {
        Writer writer(store, doc, "t" + std::to_string(trial), 1000);
        // Once it is writing, let it run for a random 0–20 ms of commits, then kill it
        // without warning. (Waiting for "ready" keeps slow start-ups, as under ASan, from
        // turning the trial into a kill before the first write.)
        while (writer.buffer.find("ready") == std::string::npos && writer.readSome()) {
        }
        // And has acknowledged a few changes: on a loaded machine (or under ASan) a short
        // random window alone might end before the first commit, proving nothing.
        const std::size_t first = 1 + random() % 3;
        while (writer.acknowledged().size() < first && writer.readSome()) {
        }
        const auto runFor = std::chrono::microseconds(random() % 20000);
        const auto until = std::chrono::steady_clock::now() + runFor;
        while (std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        kill(writer.pid, SIGKILL);
        const int status = writer.wait();
        if (WIFSIGNALED(status))
            ++killedMidway;
        for (const auto& ack : writer.acknowledged())
            acknowledged.insert(ack);
    }
    CHECK(killedMidway > 150); // the kills really landed while it was writing
    REQUIRE(integrity(store) == "ok");
    const auto present = itemsIn(store, doc);
    std::size_t lost = 0;
    for (const auto& ack : acknowledged)
        lost += present.count(ack) == 0 ? 1 : 0;
    CHECK(lost == 0);
    CHECK(acknowledged.size() > 200);
    MESSAGE("acknowledged changes: " << acknowledged.size() << ", lost: " << lost << ", kills mid-write: " << killedMidway);
    fs::remove_all(dir);
}

TEST_CASE("two processes writing the same store at once: no error, nothing lost")
{
    const fs::path dir = freshFolder();
    const fs::path store = dir / "rapport.sqlite3";
    const std::string doc = "/docs/contract.txt";
    Writer first(store, doc, "first", 300);
    Writer second(store, doc, "second", 300);
    const int firstStatus = first.wait();
    const int secondStatus = second.wait();
    CHECK(WIFEXITED(firstStatus));
    CHECK(WEXITSTATUS(firstStatus) == 0);
    CHECK(WIFEXITED(secondStatus));
    CHECK(WEXITSTATUS(secondStatus) == 0);
    CHECK(first.acknowledged().size() == 300);
    CHECK(second.acknowledged().size() == 300);
    const auto present = itemsIn(store, doc);
    CHECK(present.size() == 600);
    CHECK(integrity(store) == "ok");
    fs::remove_all(dir);
}

namespace {

struct PowerCutResult {
    int trials = 0;
    int cuts = 0;        // trials where the power went before the writer finished
    int corrupt = 0;     // stores whose integrity_check was not ok afterwards
    std::size_t lost = 0; // acknowledged changes missing afterwards
};

// Each trial: a writer on the shim VFS loses power at a random write or sync; then the
// store is opened normally (as after a reboot) and checked.
PowerCutResult powerCutTrials(int trials, bool durable, unsigned seed)
{
    const fs::path dir = freshFolder();
    const fs::path store = dir / "rapport.sqlite3";
    const std::string doc = "/docs/notes.md";
    std::mt19937 random(seed);
    PowerCutResult result;
    std::set<std::string> acknowledged;
    for (int trial = 0; trial < trials; ++trial) {
        std::vector<std::string> environment{"RAPPORT_POWERCUT_AT=" + std::to_string(1 + random() % 120)};
        if (!durable)
            environment.emplace_back("RAPPORT_POWERCUT_IGNORE_SYNC=1");
        Writer writer(store, doc, "p" + std::to_string(trial), 40, environment);
        writer.wait();
        for (const auto& ack : writer.acknowledged())
            acknowledged.insert(ack);
        if (writer.acknowledged().size() < 40)
            ++result.cuts;
        ++result.trials;
        if (integrity(store) != "ok") {
            ++result.corrupt;
            fs::remove_all(dir); // start the next trial from a clean store
            fs::create_directories(dir);
            acknowledged.clear();
            continue;
        }
        const auto present = itemsIn(store, doc);
        for (const auto& ack : acknowledged)
            if (present.count(ack) == 0)
                ++result.lost;
        if (!durable)
            acknowledged = std::set<std::string>(present.begin(), present.end()); // count each loss once
    }
    fs::remove_all(dir);
    return result;
}

} // namespace

TEST_CASE("simulated power cuts, 200 trials: no corrupt store, no acknowledged change lost")
{
    const auto result = powerCutTrials(200, true, 42);
    MESSAGE("trials " << result.trials << ", cut mid-write " << result.cuts << ", corrupt " << result.corrupt
                      << ", lost " << result.lost);
    CHECK(result.trials == 200);
    CHECK(result.cuts > 150); // the cuts really happened in the middle of the work
    CHECK(result.corrupt == 0);
    CHECK(result.lost == 0);
}

TEST_CASE("the same harness with a disk that never syncs does see losses")
{
    const auto result = powerCutTrials(40, false, 7);
    MESSAGE("without durability: corrupt " << result.corrupt << ", lost " << result.lost);
    CHECK(result.corrupt + result.lost > 0);
}

TEST_CASE("a full disk: a clear error, nothing acknowledged is lost, the store stays sound")
{
    const fs::path dir = freshFolder();
    const fs::path store = dir / "rapport.sqlite3";
    const std::string doc = "/docs/full.md";
    { Writer warmUp(store, doc, "before", 20); warmUp.wait(); }
    const auto before = itemsIn(store, doc);
    REQUIRE(before.size() == 20);

    // The disk fills up after a few more pages; the writer must stop with an error, not crash.
    Writer writer(store, doc, "after", 400, {"RAPPORT_DISK_FULL_AFTER=60000"});
    int status = writer.wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    const auto acknowledged = writer.acknowledged();
    CHECK(acknowledged.size() < 400);
    CHECK(integrity(store) == "ok");
    const auto after = itemsIn(store, doc);
    for (const auto& text : before)
        CHECK(after.count(text) == 1);
    for (const auto& ack : acknowledged)
        CHECK(after.count(ack) == 1);
    fs::remove_all(dir);
}
