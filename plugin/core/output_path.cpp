#include "output_path.h"

#include "settings.h"
#include "store.h"
#include "store_recovery.h"
#include "template_library.h"

#include <sys/stat.h>

#include <cerrno>
#include <system_error>

namespace rapport {

namespace fs = std::filesystem;

namespace {

// The absolute path with "." and ".." folded but links kept, and the path with every
// link that exists resolved: a path is protected if either form matches.
struct Spellings {
    fs::path plain;
    fs::path resolved;
};

Spellings spellingsOf(const fs::path& path)
{
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec)
        absolute = path;
    Spellings spellings{absolute.lexically_normal(), {}};
    spellings.resolved = fs::weakly_canonical(absolute, ec);
    if (ec)
        spellings.resolved = spellings.plain;
    // "folder/" and "folder" are the same folder.
    for (fs::path* p : {&spellings.plain, &spellings.resolved})
        if (!p->has_filename() && p->has_parent_path() && *p != p->root_path())
            *p = p->parent_path();
    return spellings;
}

bool sameFile(const Spellings& a, const Spellings& b)
{
    return a.plain == b.plain || a.plain == b.resolved || a.resolved == b.plain || a.resolved == b.resolved;
}

bool isInside(const fs::path& path, const fs::path& folder)
{
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty() && std::next(f) == folder.end())
            break; // a trailing separator
        if (p == path.end() || *p != *f)
            return false;
    }
    return true;
}

bool inFolder(const Spellings& path, const Spellings& folder)
{
    for (const fs::path* p : {&path.plain, &path.resolved})
        for (const fs::path* f : {&folder.plain, &folder.resolved})
            if (isInside(*p, *f))
                return true;
    return false;
}

// The same inode as `other` (a hard link, or a spelling the checks above missed).
bool sameInode(const struct stat& target, const fs::path& other)
{
    struct stat info {};
    return ::stat(other.c_str(), &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino;
}

// Paths in the kernel's own file systems: /dev/stdout may resolve to a regular file (when
// standard output is redirected to one), yet renaming over it would replace the link in
// /dev for every program on the machine.
bool isSystemPath(const fs::path& path)
{
    for (const char* root : {"/dev", "/proc", "/sys"})
        if (isInside(path, root))
            return true;
    return false;
}

const char* kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "folder";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "device";
    if (S_ISFIFO(mode))
        return "fifo";
    if (S_ISSOCK(mode))
        return "socket";
    return nullptr;
}

} // namespace

ProtectedPaths rapportDataPaths(const fs::path& store_file)
{
    ProtectedPaths paths;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        paths.files.emplace_back(store_file.string() + suffix);
    paths.files.push_back(store_file.parent_path() / "settings.xml");
    paths.files.push_back(Settings::defaultFile());
    paths.folders.push_back(backupFolder(store_file));
    if (const fs::path templates = userTemplateFolder(); !templates.empty())
        paths.folders.push_back(templates);
    return paths;
}

Result<ProtectedPaths> protectedPathsOf(Store& store)
{
    ProtectedPaths paths = rapportDataPaths(store.file());
    auto documents = store.documentPaths();
    if (!documents)
        return documents.error();
    paths.documents = std::move(documents.value());
    return paths;
}

Status checkOutputPath(const fs::path& target, const ProtectedPaths& protected_paths)
{
    const std::string subject = target.string();
    if (target.empty())
        return Error{ErrorCode::NotAFile, subject, "folder"};
    const Spellings wanted = spellingsOf(target);
    struct stat info {};
    const bool exists = ::stat(target.c_str(), &info) == 0;

    for (const fs::path& file : protected_paths.files)
        if (sameFile(wanted, spellingsOf(file)) || (exists && sameInode(info, file)))
            return Error{ErrorCode::OutputIsRapportData, subject, {}};
    for (const fs::path& folder : protected_paths.folders)
        if (inFolder(wanted, spellingsOf(folder)))
            return Error{ErrorCode::OutputIsRapportData, subject, {}};
    for (const std::string& document : protected_paths.documents)
        if (sameFile(wanted, spellingsOf(document)) || (exists && sameInode(info, document)))
            return Error{ErrorCode::OutputIsDocument, subject, {}};

    if (isSystemPath(wanted.plain) || isSystemPath(wanted.resolved))
        return Error{ErrorCode::NotAFile, subject, "device"};
    if (exists) {
        if (const char* kind = kindOf(info.st_mode))
            return Error{ErrorCode::NotAFile, subject, kind};
        return {}; // an ordinary file the user named: it may be replaced
    }
    // A new file: its folder must exist (a dangling link is replaced, not followed).
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    struct stat folderInfo {};
    if (::stat(folder.c_str(), &folderInfo) != 0 || !S_ISDIR(folderInfo.st_mode))
        return Error{ErrorCode::FileWriteFailed, subject, "the folder " + folder.string() + " does not exist"};
    return {};
}

Status checkInputFile(const fs::path& file, std::uintmax_t max_bytes)
{
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return Error{ErrorCode::FileReadFailed, file.string(), std::generic_category().message(errno)};
    if (const char* kind = kindOf(info.st_mode))
        return Error{ErrorCode::NotAFile, file.string(), kind};
    if (static_cast<std::uintmax_t>(info.st_size) > max_bytes)
        return Error{ErrorCode::FileTooLarge, file.string(), std::to_string(max_bytes / (1024 * 1024))};
    return {};
}

} // namespace rapport
