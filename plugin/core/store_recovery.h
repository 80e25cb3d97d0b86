// What happens when the store cannot be trusted: the damaged file is moved aside (never
// overwritten, never deleted), the newest automatic backup that checks out is restored,
// and the user is told in plain words. Backups are made with SQLite's online backup API,
// rotated, and each is verified before an older one is let go. Zotero and Firefox do the
// same; FIELD-NOTES has the figures.
#pragma once

#include "error.h"
#include "store.h"

#include <chrono>
#include <filesystem>
#include <locale>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

// What recovery did, for the user.
struct RecoveryNotice {
    std::filesystem::path damaged_copy;                // where the damaged store now is
    std::optional<std::filesystem::path> restored_from; // the backup restored, if any
    std::string reason;                                // why the store was not usable (technical)

    // A sentence for the user in the language of `loc`.
    std::string description(const std::locale& loc = std::locale::classic()) const;
};

// A store opened with recovery, and what recovery had to do (empty when nothing).
struct RecoveredStore {
    Store store;
    std::vector<RecoveryNotice> notices;
};

// Opens the store; when it is damaged, keeps it aside, restores the newest good backup
// (or starts an empty store when there is none) and reports it. Other errors (no
// permission, a store from a newer Rapport) are returned untouched.
Result<RecoveredStore> openStoreWithRecovery(const std::filesystem::path& file);

// The folder automatic backups of `store_file` go to.
std::filesystem::path backupFolder(const std::filesystem::path& store_file);

// Copies the store into its backup folder through its own connection (safe while the
// store is open and in use), verifies the copy, keeps the newest `keep` backups.
// Slow on a big store: call it off the UI thread.
Status backupStore(const std::filesystem::path& store_file, std::size_t keep = 5);

// True when the store has no backup younger than `age` (by the backups' names).
bool backupDue(const std::filesystem::path& store_file, std::chrono::seconds age);

// The store's backups, newest first.
std::vector<std::filesystem::path> listBackups(const std::filesystem::path& store_file);

} // namespace rapport
