// Store benchmarks on a generated store of 10,000 documents and 1,000,000 items, each
// against bare sqlite3 calls doing the same work in the same run:
//   load_p50_us, load_p99_us, load_ratio_to_sqlite   one 200-item checklist, Store vs bare SELECT (p50s)
//   tick_p50_us, tick_p99_us, tick_ratio_to_sqlite   a durable status change with its history row
//                                                    vs a bare durable single-row UPDATE (p50s), on
//                                                    this machine's disk; every tick really changes
//                                                    a row on both sides (a no-op commit syncs nothing)
//   tick_ratio_free_sync                             the same pair where a sync costs nothing (a disk
//                                                    that caches writes): our CPU work against SQLite's
//                                                    (goal: at most 1.5)
//   tick_floor_free_sync                             a bare UPDATE plus a bare history INSERT against
//                                                    the bare UPDATE, sync free: the least any store
//                                                    that keeps one history row per change can reach
//   tick_ratio_slow_sync                             the same pair where a sync costs 1 ms (a laptop
//                                                    SSD's flush): what a user feels (goal: at most 1.1)
//   tick_ratio_free_sync_growing_wal,                the free-sync pair and floor while the WAL file
//   tick_floor_free_sync_growing_wal                 grows (the first few hundred changes after the
//                                                    store opens); the figures above are timed once
//                                                    SQLite has restarted the WAL, a host's usual state
//   open_ms_small, open_ms_large                     opening a 1,000-item and a 1,000,000-item store
#include "bench_support.h"
#include "store.h"
#include "sync_cost_vfs.h"
#include "temp_folder.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace rapport::bench;

std::vector<double> timeMicroseconds(int repetitions, const std::function<void(int)>& work)
{
    std::vector<double> samples;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = Clock::now();
        work(i);
        samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    return samples;
}

bool exec(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "bench: %s\n", message ? message : "?");
        sqlite3_free(message);
        return false;
    }
    return true;
}

// `documents` documents with `items_each` items; documents 1 and 2 have 200 items.
bool generate(const fs::path& file, int documents, int items_each)
{
    fs::remove(file);
    fs::remove(file.string() + "-wal");
    fs::remove(file.string() + "-shm");
    if (!rapport::Store::open(file)) // the real schema, migrated by the store itself
        return false;
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    const std::string n = std::to_string(documents);
    const std::string k = std::to_string(items_each);
    const bool ok =
        exec(db, "PRAGMA synchronous=OFF; BEGIN;") &&
        exec(db, ("WITH RECURSIVE d(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM d WHERE i < " + n + ") "
                  "INSERT INTO documents(id, path, created_at) SELECT i, '/projects/client-' || i || '/brief.md', 0 FROM d;")
                     .c_str()) &&
        exec(db, "INSERT INTO checklists(document_id, template_key, created_at) SELECT id, 'kickoff', 0 FROM documents;") &&
        exec(db, "INSERT INTO sections(document_id, section_id, position) SELECT id, 1, 1 FROM documents;") &&
        exec(db, ("WITH RECURSIVE j(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM j WHERE i < 200) "
                  "INSERT INTO items(document_id, item_id, position, custom_text, section_id, status) "
                  "SELECT d.id, j.i, j.i, 'Agree item ' || j.i || ' with the client', 1, j.i % 6 FROM documents d, j "
                  "WHERE j.i <= CASE WHEN d.id <= 2 THEN 200 ELSE " + k + " END;")
                     .c_str()) &&
        exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);");
    sqlite3_close(db);
    return ok;
}

double openMilliseconds(const fs::path& file)
{
    std::vector<double> samples;
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        auto store = rapport::Store::open(file);
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!store)
            return -1;
    }
    return percentile(samples, 0.5);
}

// Durable ticks through the store and bare durable UPDATEs, each really changing a row.
struct TickTimes {
    std::vector<double> store;
    std::vector<double> bare;
    std::vector<double> bare_with_history; // the bare UPDATE and one bare history row
    double ratio() const { return percentile(store, 0.5) / percentile(bare, 0.5); }
    double floor() const { return percentile(bare_with_history, 0.5) / percentile(bare, 0.5); }
};

// The WAL file is new when a store opens, and while it grows the file system allocates a
// block for every page written; once SQLite has checkpointed and restarted it, pages
// overwrite blocks that are already there. Both sides are always timed in the same state.
enum class WalFile { Working, Growing };

TickTimes timeTicks(const fs::path& file, std::optional<std::chrono::microseconds> sync_cost,
                    WalFile wal = WalFile::Working)
{
    // The three sides take turns in short blocks, so a change in the machine's load during
    // the run weighs on all of them alike instead of on whichever ran at the time.
    constexpr int kWarmUp = 600;
    constexpr int kTicks = 400;
    constexpr int kBlock = 50;
    TickTimes times;
    setSyncCost(std::nullopt);
    sqlite3* bare = nullptr;
    sqlite3_open(file.c_str(), &bare);
    exec(bare, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;"
               "UPDATE items SET status = 0 WHERE document_id IN (2, 3, 4);");
    auto store = rapport::Store::open(file);
    if (!store)
        std::abort();
    sqlite3_stmt* update = nullptr;
    sqlite3_prepare_v2(bare, "UPDATE items SET status = ?2 WHERE document_id = 3 AND item_id = ?1", -1, &update, nullptr);
    // The floor's side ticks document 4 (100 items too), so neither side undoes the other's rows.
    sqlite3_stmt* updateFloor = nullptr;
    sqlite3_prepare_v2(bare, "UPDATE items SET status = ?2 WHERE document_id = 4 AND item_id = ?1", -1, &updateFloor,
                       nullptr);
    sqlite3_stmt* history = nullptr;
    sqlite3_prepare_v2(bare,
                       "INSERT INTO history(document_id, sequence, at, item_id, field, old_value, new_value, change_id, "
                       "author, hlc) VALUES (4, ?1, ?2, ?3, 'status', 'done', 'in-progress', '0123456789abcdef', "
                       "'bench', '0000018c5e4a3b2f-0000-0123456789abcdef')",
                       -1, &history, nullptr);
    static int pass = 0; // timeTicks runs more than once on one file: fresh sequence numbers
    ++pass;
    // Document 2 has 200 items: every 200 ticks make each Done, then In progress, in turn.
    const auto storeTick = [&](int i) {
        const auto status = (i / 200) % 2 ? rapport::ItemStatus::InProgress : rapport::ItemStatus::Done;
        if (!store.value().setStatus(2, 1 + i % 200, status, {}, i))
            std::abort();
    };
    // Document 3 has 100 items: each 100 ticks give every item another status than the last.
    const auto bareTick = [&](int i) {
        exec(bare, "BEGIN IMMEDIATE");
        sqlite3_bind_int64(update, 1, 1 + i % 100);
        sqlite3_bind_int64(update, 2, (i / 100) % 2 ? 1 : 4);
        sqlite3_step(update);
        sqlite3_reset(update);
        exec(bare, "COMMIT");
    };
    const auto bareTickWithHistory = [&](int i) {
        exec(bare, "BEGIN IMMEDIATE");
        sqlite3_bind_int64(updateFloor, 1, 1 + i % 100);
        sqlite3_bind_int64(updateFloor, 2, (i / 100) % 2 ? 4 : 1);
        sqlite3_step(updateFloor);
        sqlite3_reset(updateFloor);
        sqlite3_bind_int64(history, 1, 1000000 * pass + i);
        sqlite3_bind_int64(history, 2, i);
        sqlite3_bind_int64(history, 3, 1 + i % 100);
        sqlite3_step(history);
        sqlite3_reset(history);
        exec(bare, "COMMIT");
    };
    const auto timeBlock = [&](std::vector<double>& samples, int first, const std::function<void(int)>& tick) {
        if (wal == WalFile::Growing)
            exec(bare, "PRAGMA wal_checkpoint(TRUNCATE)");
        for (int i = first; i < first + kBlock; ++i) {
            const auto start = Clock::now();
            tick(i);
            samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        }
    };
    setSyncCost(sync_cost);
    // Enough ticks for SQLite to checkpoint and restart the WAL at least once (about 2.6
    // pages a tick against its 1,000-page checkpoint): the working state. Before these, the
    // store's ticks ran while the file grew and the bare ones after it had stopped growing.
    for (int i = 0; i < kWarmUp; ++i)
        storeTick(i);
    for (int first = 0; first < kTicks; first += kBlock) {
        timeBlock(times.store, kWarmUp + first, storeTick);
        timeBlock(times.bare, first, bareTick);
        timeBlock(times.bare_with_history, first, bareTickWithHistory);
    }
    sqlite3_finalize(history);
    sqlite3_finalize(updateFloor);
    sqlite3_finalize(update);
    setSyncCost(std::nullopt);
    sqlite3_close(bare);
    return times;
}

} // namespace

int main()
{
    if (!installSyncCostVfs())
        return 1;
    const rapport::testing::TempFolder scratch("rapport-bench-store"); // unique: runs may overlap
    const fs::path folder = scratch.path;
    const fs::path small = folder / "small.sqlite3";
    const fs::path large = folder / "large.sqlite3";
    if (!generate(small, 10, 100) || !generate(large, 10000, 100))
        return 1;

    auto store = rapport::Store::open(large);
    if (!store)
        return 1;
    const std::string path = "/projects/client-1/brief.md";
    const auto load = timeMicroseconds(300, [&](int) {
        auto checklist = store.value().checklistFor(path);
        if (!checklist || !checklist.value() || checklist.value()->items.size() != 200)
            std::abort();
    });

    sqlite3* bare = nullptr;
    sqlite3_open(large.c_str(), &bare);
    exec(bare, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(bare,
                       "SELECT item_id, position, template_key, item_key, custom_text, status, section_id, "
                       "status_reason, status_since, due, owner, note, internal FROM items WHERE document_id = ?1 "
                       "ORDER BY position",
                       -1, &select, nullptr);
    // The same rows and columns into the same structure, without the store around it.
    auto text = [&](int column) {
        const auto* value = sqlite3_column_text(select, column);
        return value ? std::string(reinterpret_cast<const char*>(value)) : std::string();
    };
    std::vector<rapport::ChecklistItem> sink;
    const auto loadBare = timeMicroseconds(300, [&](int) {
        sink.clear();
        sqlite3_bind_int64(select, 1, 1);
        while (sqlite3_step(select) == SQLITE_ROW) {
            rapport::ChecklistItem item;
            item.id = sqlite3_column_int64(select, 0);
            item.position = sqlite3_column_int64(select, 1);
            item.template_key = text(2);
            item.item_key = text(3);
            item.custom_text = text(4);
            item.status = static_cast<rapport::ItemStatus>(sqlite3_column_int(select, 5));
            item.section_id = sqlite3_column_int64(select, 6);
            item.status_reason = text(7);
            if (sqlite3_column_type(select, 8) != SQLITE_NULL)
                item.status_since = sqlite3_column_int64(select, 8);
            item.due = text(9);
            item.owner = sqlite3_column_int(select, 10) ? rapport::Owner::Client : rapport::Owner::Us;
            item.note = text(11);
            item.internal = sqlite3_column_int(select, 12) != 0;
            sink.push_back(std::move(item));
        }
        sqlite3_reset(select);
        if (sink.size() != 200)
            std::abort();
    });

    sqlite3_finalize(select);
    sqlite3_close(bare);
    store = rapport::Error{}; // close before timing ticks and opens

    const TickTimes onDisk = timeTicks(large, std::nullopt);
    const TickTimes freeSync = timeTicks(large, std::chrono::microseconds(0));
    const TickTimes slowSync = timeTicks(large, std::chrono::microseconds(1000));
    const TickTimes freeSyncGrowing = timeTicks(large, std::chrono::microseconds(0), WalFile::Growing);

    std::printf("load_p50_us %.1f us\n", percentile(load, 0.5));
    std::printf("load_p99_us %.1f us\n", percentile(load, 0.99));
    std::printf("load_ratio_to_sqlite %.2f x\n", percentile(load, 0.5) / percentile(loadBare, 0.5));
    std::printf("tick_p50_us %.1f us\n", percentile(onDisk.store, 0.5));
    std::printf("tick_p99_us %.1f us\n", percentile(onDisk.store, 0.99));
    std::printf("tick_ratio_to_sqlite %.2f x\n", onDisk.ratio());
    std::printf("tick_ratio_free_sync %.2f x\n", freeSync.ratio());
    std::printf("tick_floor_free_sync %.2f x\n", freeSync.floor());
    std::printf("tick_ratio_slow_sync %.2f x\n", slowSync.ratio());
    std::printf("tick_ratio_free_sync_growing_wal %.2f x\n", freeSyncGrowing.ratio());
    std::printf("tick_floor_free_sync_growing_wal %.2f x\n", freeSyncGrowing.floor());
    std::printf("open_ms_small %.2f ms\n", openMilliseconds(small));
    std::printf("open_ms_large %.2f ms\n", openMilliseconds(large));
    return 0;
}
