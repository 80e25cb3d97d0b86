#include "store_recovery.h"

#include "calendar.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace rapport {

namespace {

namespace bl = boost::locale;

// A name next to `file` that does not exist yet.
std::filesystem::path freeName(const std::filesystem::path& file, const std::string& suffix)
{
    std::error_code ec;
    std::filesystem::path candidate = file.string() + suffix;
    for (int n = 2; std::filesystem::exists(candidate, ec); ++n)
        candidate = file.string() + suffix + "-" + std::to_string(n);
    return candidate;
}

// The companions SQLite may leave beside a database file.
constexpr const char* kCompanions[] = {"-wal", "-shm", "-journal"};

// Removes `file`'s companions (a backup or a partial copy left by an older version).
void removeCompanions(const std::filesystem::path& file)
{
    std::error_code ec;
    for (const char* companion : kCompanions)
        std::filesystem::remove(file.string() + companion, ec);
}

// Copies `from` into `to` with the online backup API; both are plain file paths. The
// copy is left in rollback-journal mode (journal_mode=DELETE): one self-contained file,
// which a read-only check or a later restore opens without making -wal or -shm files.
bool copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to, std::string& problem)
{
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    bool ok = false;
    if (sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_open_v2(to.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(source, 5000);
        if (sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main")) {
            int rc;
            while ((rc = sqlite3_backup_step(backup, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(5);
            ok = sqlite3_backup_finish(backup) == SQLITE_OK && rc == SQLITE_DONE;
        }
        if (ok)
            ok = sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) == SQLITE_OK;
        if (!ok)
            problem = sqlite3_errmsg(target);
    } else {
        problem = source ? sqlite3_errmsg(source) : "cannot open";
    }
    sqlite3_close_v2(source);
    sqlite3_close_v2(target);
    return ok;
}

// True when `file` is an SQLite database whose quick_check says ok.
bool checksOut(const std::filesystem::path& file)
{
    sqlite3* db = nullptr;
    bool ok = false;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* check = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &check, nullptr) == SQLITE_OK &&
            sqlite3_step(check) == SQLITE_ROW)
            ok = std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok";
        sqlite3_finalize(check);
    }
    sqlite3_close_v2(db);
    return ok;
}

} // namespace

std::string RecoveryNotice::description(const std::locale& loc) const
{
    if (restored_from) {
        // TRANSLATORS: {1} is where the damaged data file was moved; {2} is the backup file used instead.
        return (bl::format(bl::translate("Rapport's data file was damaged. It was kept as {1}, and your checklists "
                                         "were restored from the backup {2}. Changes made after that backup "
                                         "may be missing."))
                % damaged_copy.string() % restored_from->string())
            .str(loc);
    }
    // TRANSLATORS: {1} is where the damaged data file was moved.
    return (bl::format(bl::translate("Rapport's data file was damaged and no backup could be used. It was kept as "
                                     "{1}, and Rapport started with an empty one."))
            % damaged_copy.string())
        .str(loc);
}

std::filesystem::path backupFolder(const std::filesystem::path& store_file)
{
    return store_file.parent_path() / "backups";
}

namespace {

// Files in the backup folder that a backup left behind and rotation may remove: partial
// copies and companions of backups. Only those older than `age`, so that a backup another
// window is making at this moment keeps its partial file.
void removeLeftovers(const std::filesystem::path& store_file, std::chrono::seconds age)
{
    std::error_code ec;
    const std::string prefix = store_file.stem().string() + "-";
    const std::string extension = store_file.extension().string();
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(backupFolder(store_file), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0)
            continue;
        const bool partial = name.find(extension + ".partial") != std::string::npos;
        bool companion = false;
        for (const char* suffix : kCompanions) {
            const std::string ending = extension + suffix;
            companion = companion || (name.size() > ending.size() &&
                                      name.compare(name.size() - ending.size(), ending.size(), ending) == 0);
        }
        if (!partial && !companion)
            continue;
        std::error_code timeError;
        const auto written = std::filesystem::last_write_time(entry.path(), timeError);
        if (!timeError && now - written >= age)
            std::filesystem::remove(entry.path(), ec);
    }
}

} // namespace

std::vector<std::filesystem::path> listBackups(const std::filesystem::path& store_file)
{
    std::vector<std::filesystem::path> backups;
    std::error_code ec;
    const std::string prefix = store_file.stem().string() + "-";
    for (const auto& entry : std::filesystem::directory_iterator(backupFolder(store_file), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == store_file.extension())
            backups.push_back(entry.path());
    }
    // Names carry a UTC timestamp, so the name order is the age order.
    std::sort(backups.rbegin(), backups.rend());
    return backups;
}

bool backupDue(const std::filesystem::path& store_file, std::chrono::seconds age)
{
    const auto backups = listBackups(store_file);
    if (backups.empty())
        return true;
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(backups.front(), ec);
    return ec || std::filesystem::file_time_type::clock::now() - written > age;
}

Status backupStore(const std::filesystem::path& store_file, std::size_t keep)
{
    std::error_code ec;
    const std::filesystem::path folder = backupFolder(store_file);
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return Error{ErrorCode::StoreCannotCreateDirectory, folder.string(), ec.message()};
    // rapport-YYYYMMDD-HHMMSS-NNN.sqlite3: the name order is the age order, even within a second.
    std::filesystem::path target;
    const std::string stamp = store_file.stem().string() + "-" + utcFileStamp(nowSeconds()) + "-";
    for (int n = 0; target.empty() || std::filesystem::exists(target, ec); ++n) {
        char counter[16];
        std::snprintf(counter, sizeof counter, "%03d", n);
        target = folder / (stamp + counter + store_file.extension().string());
    }
    const std::filesystem::path partial = target.string() + ".partial";
    std::string problem;
    const bool copied = copyDatabase(store_file, partial, problem) && checksOut(partial);
    removeCompanions(partial); // none are expected (the copy is not in WAL mode), and none may stay
    if (!copied) {
        std::filesystem::remove(partial, ec);
        return Error{ErrorCode::StoreWriteFailed, target.string(), problem.empty() ? "the copy did not check out" : problem};
    }
    std::filesystem::rename(partial, target, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return Error{ErrorCode::StoreWriteFailed, target.string(), ec.message()};
    }
    // Only now, with a verified new copy in place, let the oldest ones go, with anything
    // an earlier backup or restore left beside them.
    const auto backups = listBackups(store_file);
    for (std::size_t i = std::max<std::size_t>(keep, 1); i < backups.size(); ++i) {
        std::filesystem::remove(backups[i], ec);
        removeCompanions(backups[i]);
    }
    removeLeftovers(store_file, std::chrono::minutes(10));
    return {};
}

Result<RecoveredStore> openStoreWithRecovery(const std::filesystem::path& file)
{
    auto opened = Store::open(file);
    if (opened)
        return RecoveredStore{std::move(opened.value()), {}};
    if (opened.error().code != ErrorCode::StoreDamaged)
        return opened.error();

    RecoveryNotice notice;
    notice.reason = opened.error().detail;
    notice.damaged_copy = freeName(file, ".damaged-" + utcFileStamp(nowSeconds()));
    std::error_code ec;
    std::filesystem::rename(file, notice.damaged_copy, ec);
    if (ec)
        return Error{ErrorCode::StoreDamaged, file.string(), "cannot move the damaged file aside: " + ec.message()};
    // The write-ahead log and shared memory belong to the damaged file: keep them with it.
    for (const char* companion : {"-wal", "-shm"}) {
        const std::filesystem::path side = file.string() + companion;
        if (std::filesystem::exists(side, ec))
            std::filesystem::rename(side, notice.damaged_copy.string() + companion, ec);
    }
    for (const auto& backup : listBackups(file)) {
        std::string problem;
        const bool good = checksOut(backup);
        removeCompanions(backup); // an older backup in WAL mode leaves them when checked
        if (good && copyDatabase(backup, file, problem)) {
            notice.restored_from = backup;
            break;
        }
        std::filesystem::remove(file, ec); // a failed copy leaves nothing half-written behind
    }
    auto reopened = Store::open(file);
    if (!reopened)
        return reopened.error();
    return RecoveredStore{std::move(reopened.value()), {std::move(notice)}};
}

} // namespace rapport
