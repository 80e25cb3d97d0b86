// A VFS shim that simulates losing power, the way SQLite's own crash tests do: it keeps,
// for every file, the bytes as of the last xSync; at the Nth write or sync it puts every
// file back to those bytes (what a disk would hold after the power went), drops the
// shared-memory index (it lives in RAM), and ends the process on the spot.
//   RAPPORT_POWERCUT_AT=N          cut the power at the Nth xWrite/xSync
//   RAPPORT_POWERCUT_IGNORE_SYNC=1 a disk that never really syncs: proves the harness
//                                  sees damage when durability is off
//   RAPPORT_DISK_FULL_AFTER=BYTES  a disk that fills up: later writes fail with SQLITE_FULL
#include "powercut_vfs.h"

#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <unistd.h>

namespace {

sqlite3_vfs* realVfs = nullptr;
sqlite3_vfs shimVfs;
long cutAt = 0;
long fullAfterBytes = -1; // RAPPORT_DISK_FULL_AFTER: writes beyond this many bytes fail with SQLITE_FULL
long bytesWritten = 0;
long operations = 0;
bool ignoreSync = false;

// The bytes of every file as a disk would hold them after a power cut.
std::map<std::string, std::string>& durableImages()
{
    static std::map<std::string, std::string> images;
    return images;
}

std::string readWhole(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[noreturn]] void cutThePower()
{
    for (const auto& [path, bytes] : durableImages()) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    for (const auto& entry : durableImages()) {
        const std::string& path = entry.first;
        if (path.size() > 4 && path.compare(path.size() - 4, 4, "-wal") == 0)
            ::unlink((path.substr(0, path.size() - 4) + "-shm").c_str());
    }
    ::_exit(0);
}

void countOperation()
{
    if (cutAt > 0 && ++operations >= cutAt)
        cutThePower();
}

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;
    std::string* path;
};

sqlite3_file* real(sqlite3_file* file) { return reinterpret_cast<ShimFile*>(file)->real; }

int shimClose(sqlite3_file* file)
{
    auto* shim = reinterpret_cast<ShimFile*>(file);
    const int rc = shim->real->pMethods ? shim->real->pMethods->xClose(shim->real) : SQLITE_OK;
    delete shim->path;
    return rc;
}
int shimRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset)
{
    return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}
int shimWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    countOperation();
    if (fullAfterBytes >= 0 && (bytesWritten += amount) > fullAfterBytes)
        return SQLITE_FULL;
    return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
}
int shimTruncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int shimSync(sqlite3_file* f, int flags)
{
    countOperation();
    const int rc = real(f)->pMethods->xSync(real(f), flags);
    auto* shim = reinterpret_cast<ShimFile*>(f);
    if (rc == SQLITE_OK && !ignoreSync && shim->path)
        durableImages()[*shim->path] = readWhole(*shim->path);
    return rc;
}
int shimFileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int shimLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int shimUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int shimCheckReservedLock(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int shimFileControl(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int shimSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int shimDeviceCharacteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int shimShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out)
{
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int shimShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void shimShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int shimShmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }

const sqlite3_io_methods shimMethods = {
    2, // no xFetch/xUnfetch: every page goes through xRead and xWrite
    shimClose, shimRead, shimWrite, shimTruncate, shimSync, shimFileSize, shimLock, shimUnlock,
    shimCheckReservedLock, shimFileControl, shimSectorSize, shimDeviceCharacteristics,
    shimShmMap, shimShmLock, shimShmBarrier, shimShmUnmap, nullptr, nullptr,
};

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* shim = reinterpret_cast<ShimFile*>(file);
    shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
    shim->path = nullptr;
    shim->base.pMethods = nullptr;
    const int rc = realVfs->xOpen(realVfs, name, shim->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) {
        shim->path = new std::string(name);
        // What is on disk when we start is durable.
        if (durableImages().count(*shim->path) == 0)
            durableImages()[*shim->path] = readWhole(*shim->path);
    }
    shim->base.pMethods = &shimMethods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    // A deleted file stays deleted after the cut (SQLite's own crash tests assume the
    // same); resurrecting a committed rollback journal would roll back a finished commit.
    durableImages().erase(name);
    return realVfs->xDelete(realVfs, name, syncDir);
}
int shimAccess(sqlite3_vfs*, const char* name, int flags, int* out) { return realVfs->xAccess(realVfs, name, flags, out); }
int shimFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return realVfs->xFullPathname(realVfs, name, size, out);
}

} // namespace

bool installPowerCutVfsFromEnvironment()
{
    const char* at = std::getenv("RAPPORT_POWERCUT_AT");
    const char* full = std::getenv("RAPPORT_DISK_FULL_AFTER");
    if ((!at || !*at) && (!full || !*full))
        return false;
    cutAt = at && *at ? std::atol(at) : 0;
    fullAfterBytes = full && *full ? std::atol(full) : -1;
    ignoreSync = std::getenv("RAPPORT_POWERCUT_IGNORE_SYNC") != nullptr;
    realVfs = sqlite3_vfs_find(nullptr);
    shimVfs = *realVfs;
    shimVfs.zName = "rapport-powercut";
    shimVfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + realVfs->szOsFile;
    shimVfs.xOpen = shimOpen;
    shimVfs.xDelete = shimDelete;
    shimVfs.xAccess = shimAccess;
    shimVfs.xFullPathname = shimFullPathname;
    return sqlite3_vfs_register(&shimVfs, 1) == SQLITE_OK;
}
