// Benchmark-only: a VFS whose sync costs what we say, so that the store's write path can
// be measured as a user on another disk would feel it: free (a disk that caches writes),
// about 1 ms (a laptop SSD's flush), or the real disk's own.
#pragma once

#include <chrono>
#include <optional>

// Makes the shim the default VFS (once); later Store::open and sqlite3_open calls use it.
bool installSyncCostVfs();
// From now on every sync costs `cost` instead of the real sync; nullopt: the real sync.
void setSyncCost(std::optional<std::chrono::microseconds> cost);
