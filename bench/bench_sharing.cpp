// Sharing benchmarks (plugin/core/sharing.h, docs/sidecar-format.md):
//   sidecar_append_ratio_to_tick   a durable tick on a shared checklist (the commit, its line
//                                  in the store's log and the O_APPEND to the sidecar) against
//                                  the same tick on an unshared one, p50s (goal: at most 1.3)
//   shared_tick_p50_us, unshared_tick_p50_us   the two p50s behind that ratio
//   sidecar_append_ratio_free_sync the same pair where a sync costs nothing (a disk that caches
//                                  writes): our CPU and system-call work against the store's
//   sidecar_append_ratio_slow_sync the same pair where a sync costs 1 ms (a laptop SSD's flush)
//   merge_ms_10k                   the git merge driver's work: two sidecars of 10,000 changes
//                                  each (their common snapshot plus 10,000 of their own), read,
//                                  checked, united and written in order, p50 (goal: at most 50 ms)
//   merge_write_ms_10k             of which writing the result durably (the atomic writer's fsyncs)
//   merge_into_store_ms_10k        reading the 10,000 changes of the other side into a store that
//                                  holds one side: replay of all 20,000 and the rows rewritten
//   replay_ms_20k                  the replay alone, 20,000 changes
#include "bench_support.h"
#include "atomic_file.h"
#include "hlc.h"
#include "sharing.h"
#include "sidecar_file.h"
#include "sidecar_format.h"
#include "sidecar_replay.h"
#include "store.h"
#include "sync_cost_vfs.h"
#include "temp_folder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace rapport::bench;

double millisecondsOf(const std::function<void()>& work)
{
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<rapport::NewItem> items(int n)
{
    std::vector<rapport::NewItem> list;
    for (int i = 0; i < n; ++i)
        list.push_back({"", "", "Agree item " + std::to_string(i) + " with the client", "section-" + std::to_string(i / 20)});
    return list;
}

void require(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "bench_sharing: %s failed\n", what);
        std::exit(1);
    }
}

// Durable ticks alternating between a shared and an unshared checklist of 200 items each.
void tickRatio(const fs::path& folder, const char* name, std::optional<std::chrono::microseconds> sync_cost)
{
    setSyncCost(sync_cost);
    fs::remove_all(folder);
    const std::string shared = (folder / "shared" / "brief.md").string();
    const std::string unshared = (folder / "unshared" / "brief.md").string();
    fs::create_directories(folder / "shared");
    fs::create_directories(folder / "unshared");
    std::ofstream(shared) << "brief\n";
    std::ofstream(unshared) << "brief\n";
    auto store = rapport::Store::open(folder / "ticks.sqlite3");
    require(static_cast<bool>(store), "open");
    rapport::Sharing sharing(store.value());
    store.value().setAuthor("Bench");
    const auto a = store.value().attach(shared, "", items(200));
    const auto b = store.value().attach(unshared, "", items(200));
    require(a && b, "attach");
    require(static_cast<bool>(sharing.share(shared)), "share");
    const std::int64_t sharedId = a.value().document_id;
    const std::int64_t unsharedId = b.value().document_id;
    constexpr int kTicks = 400;
    std::vector<double> sharedTimes;
    std::vector<double> unsharedTimes;
    for (int i = 0; i < kTicks; ++i) {
        // Every tick really changes a row: Done on the first pass, In progress on the second.
        const auto status = i < 200 ? rapport::ItemStatus::Done : rapport::ItemStatus::InProgress;
        const std::int64_t item = 1 + i % 200;
        if (i % 2) {
            sharedTimes.push_back(millisecondsOf(
                [&] { require(static_cast<bool>(store.value().setStatus(sharedId, item, status, {}, i)), "shared tick"); }));
            unsharedTimes.push_back(millisecondsOf(
                [&] { require(static_cast<bool>(store.value().setStatus(unsharedId, item, status, {}, i)), "tick"); }));
        } else {
            unsharedTimes.push_back(millisecondsOf(
                [&] { require(static_cast<bool>(store.value().setStatus(unsharedId, item, status, {}, i)), "tick"); }));
            sharedTimes.push_back(millisecondsOf(
                [&] { require(static_cast<bool>(store.value().setStatus(sharedId, item, status, {}, i)), "shared tick"); }));
        }
    }
    require(!sharing.appendError().has_value(), "append");
    const double sharedP50 = percentile(sharedTimes, 0.5) * 1000.0;
    const double unsharedP50 = percentile(unsharedTimes, 0.5) * 1000.0;
    if (!sync_cost) {
        std::printf("shared_tick_p50_us %.1f us\n", sharedP50);
        std::printf("unshared_tick_p50_us %.1f us\n", unsharedP50);
    } else if (sync_cost->count() == 0) {
        std::printf("shared_tick_free_sync_p50_us %.1f us\n", sharedP50);
        std::printf("unshared_tick_free_sync_p50_us %.1f us\n", unsharedP50);
    }
    std::printf("%s %.2f x\n", name, sharedP50 / unsharedP50);
    setSyncCost(std::nullopt);
}

// A sidecar: a snapshot of 200 items, then `changes` status and note changes by one node.
std::string sideOf(const std::string& snapshot, const std::vector<std::string>& uids, const std::string& node,
                   const std::string& author, int changes, std::int64_t start_millis)
{
    std::string text = snapshot;
    rapport::Hlc clock{start_millis, 0};
    for (int i = 0; i < changes; ++i) {
        clock = rapport::nextHlc(clock, start_millis + i);
        rapport::sidecar::Body body{i % 3 ? "status" : "note", {}};
        body.add("item", uids[static_cast<std::size_t>(i) % uids.size()]);
        body.add("value", i % 3 ? std::string(i % 2 ? "done" : "in-progress") : author + "'s note " + std::to_string(i));
        body.add("old", "");
        text += rapport::sidecar::encode({node, clock, rapport::newReplicaId(), author, clock.seconds()}, {body});
    }
    return text;
}

void mergeFigures(const fs::path& folder)
{
    // The common snapshot, as a share writes it.
    rapport::Checklist checklist;
    std::vector<std::string> uids;
    rapport::ChecklistSection section{1, 1, "", "", "Everything", rapport::newReplicaId()};
    checklist.sections.push_back(section);
    std::vector<rapport::sidecar::Body> snapshot{rapport::sidecar::Body{"shared", {}}};
    snapshot.front().add("template", "").add("agreed", "").add("used", "0").add("every", "").add("next", "").add(
        "deadline", "");
    snapshot.push_back(rapport::sidecar::sectionRow("+section", section));
    for (int i = 0; i < 200; ++i) {
        rapport::ChecklistItem item;
        item.id = i + 1;
        item.position = i + 1;
        item.section_id = 1;
        item.custom_text = "Agree item " + std::to_string(i);
        item.uid = rapport::newReplicaId();
        uids.push_back(item.uid);
        snapshot.push_back(rapport::sidecar::itemRow("+item", item, section.uid));
    }
    const std::string base =
        rapport::sidecar::header() + rapport::sidecar::encode({rapport::newReplicaId(), {1700000000000, 0},
                                                               rapport::newReplicaId(), "Ana", 1700000000},
                                                              snapshot);
    const std::string ours = sideOf(base, uids, rapport::newReplicaId(), "Ana", 10000, 1700000001000);
    const std::string theirs = sideOf(base, uids, rapport::newReplicaId(), "Bo", 10000, 1700000001500);
    if (std::getenv("RAPPORT_BENCH_DUMP")) std::ofstream(std::getenv("RAPPORT_BENCH_DUMP"), std::ios::binary) << ours;
    const fs::path oursFile = folder / "ours.rapport";
    const fs::path theirsFile = folder / "theirs.rapport";

    // The driver: read both files, unite, write OURS.
    std::vector<double> merges;
    std::vector<double> writes;
    for (int run = 0; run < 7; ++run) {
        std::ofstream(oursFile, std::ios::binary | std::ios::trunc) << ours;
        std::ofstream(theirsFile, std::ios::binary | std::ios::trunc) << theirs;
        merges.push_back(millisecondsOf([&] {
            const auto a = rapport::sidecar::readText(oursFile);
            const auto b = rapport::sidecar::readText(theirsFile);
            require(a && b, "read");
            const auto merged = rapport::sidecar::mergeTexts({a.value(), b.value()});
            require(merged.has_value(), "merge");
            writes.push_back(millisecondsOf(
                [&] { require(static_cast<bool>(rapport::writeFileAtomically(oursFile, *merged)), "write"); }));
        }));
    }
    std::printf("merge_ms_10k %.1f ms\n", percentile(merges, 0.5));
    std::printf("merge_write_ms_10k %.1f ms\n", percentile(writes, 0.5));

    // The replay alone, of the union.
    const auto united = rapport::sidecar::mergeTexts({ours, theirs});
    const rapport::sidecar::Parsed parsed = rapport::sidecar::parse(*united);
    require(parsed.blocks.size() == 20001 && parsed.bad_lines == 0, "union");
    std::vector<const rapport::sidecar::Block*> blocks;
    for (const auto& block : parsed.blocks)
        blocks.push_back(&block);
    std::vector<double> replays;
    for (int run = 0; run < 5; ++run)
        replays.push_back(millisecondsOf([&] { require(rapport::sidecar::replay(blocks).checklist.items.size() == 200, "replay"); }));
    std::printf("replay_ms_20k %.1f ms\n", percentile(replays, 0.5));

    // Into a store that holds our side: the other side's 10,000 arrive.
    std::vector<double> intoStore;
    for (int run = 0; run < 3; ++run) {
        const fs::path project = folder / ("project-" + std::to_string(run));
        fs::create_directories(project / ".rapport");
        const std::string document = (project / "brief.md").string();
        std::ofstream(document) << "brief\n";
        const fs::path file = rapport::sidecar::pathFor(document);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << ours;
        auto store = rapport::Store::open(project / "store.sqlite3");
        require(static_cast<bool>(store), "open");
        rapport::Sharing sharing(store.value());
        require(static_cast<bool>(sharing.sync(document)), "join");
        std::ofstream(file, std::ios::binary | std::ios::trunc) << *united;
        intoStore.push_back(millisecondsOf([&] {
            const auto report = sharing.sync(document);
            require(report && report.value().merged == 10000, "merge into the store");
        }));
    }
    std::printf("merge_into_store_ms_10k %.1f ms\n", percentile(intoStore, 0.5));
}

} // namespace

int main()
{
    const rapport::testing::TempFolder scratch("rapport-bench-sharing"); // unique: runs may overlap
    const fs::path folder = scratch.path;
    if (!installSyncCostVfs())
        return 1;
    tickRatio(folder / "disk", "sidecar_append_ratio_to_tick", std::nullopt);
    tickRatio(folder / "free", "sidecar_append_ratio_free_sync", std::chrono::microseconds(0));
    tickRatio(folder / "slow", "sidecar_append_ratio_slow_sync", std::chrono::microseconds(1000));
    mergeFigures(folder);
    return 0;
}
