#include "sidecar_file.h"

#include "atomic_file.h"
#include "sidecar_format.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace rapport::sidecar {

namespace {

constexpr std::string_view kExtension = ".rapport";

Error failure(const std::filesystem::path& file, int system_error)
{
    return Error{ErrorCode::FileWriteFailed, file.string(), std::generic_category().message(system_error)};
}

FileStamp stampOf(const struct stat& info)
{
    FileStamp stamp;
    stamp.exists = true;
    stamp.size = static_cast<std::uintmax_t>(info.st_size);
    stamp.modified_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    stamp.inode = static_cast<std::uint64_t>(info.st_ino);
    return stamp;
}

bool containsConflict(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text.find("conflict") != std::string::npos;
}

} // namespace

std::filesystem::path pathFor(const std::string& document_path)
{
    const std::filesystem::path document(document_path);
    return document.parent_path() / ".rapport" / (document.filename().string() + std::string(kExtension));
}

FileStamp stampOf(const std::filesystem::path& file)
{
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return {};
    return stampOf(info);
}

bool headerIsFuture(std::string_view text)
{
    const std::string_view word = "rapport-sidecar ";
    if (text.substr(0, word.size()) != word)
        return false;
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    int version = 0;
    for (const char c : line.substr(word.size())) {
        if (c < '0' || c > '9')
            return false;
        version = version * 10 + (c - '0');
        if (version > 1000000)
            return true;
    }
    return version > kVersion;
}

Result<std::string> readText(const std::filesystem::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::string();
        return Error{ErrorCode::InvalidArgument, file.string(), std::generic_category().message(errno)};
    }
    struct stat info {};
    std::string text;
    int error = 0;
    if (::fstat(fd, &info) != 0) {
        error = errno;
    } else if (static_cast<std::uintmax_t>(info.st_size) > kMaxFileBytes) {
        ::close(fd);
        return Error{ErrorCode::InvalidArgument, file.string(), "larger than a sidecar may be"};
    } else {
        text.resize(static_cast<std::size_t>(info.st_size));
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                error = errno;
                break;
            }
            if (n == 0)
                break; // it shrank meanwhile: what was there is what we read
            done += static_cast<std::size_t>(n);
        }
        text.resize(done);
    }
    ::close(fd);
    if (error != 0)
        return Error{ErrorCode::InvalidArgument, file.string(), std::generic_category().message(error)};
    return text;
}

Result<Appended> appendLines(const std::filesystem::path& file, std::string_view lines, const FileStamp& known)
{
    int fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0 && errno == ENOENT) { // the first line of a new sidecar: its folder too
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return failure(file.parent_path(), ec.value());
        fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    }
    if (fd < 0)
        return failure(file, errno);
    std::string block;
    int error = 0;
    struct stat info {};
    Appended stamps;
    if (::fstat(fd, &info) != 0) {
        error = errno;
    } else if (info.st_size == 0) {
        block = header();
    } else if (stamps.before = stampOf(info); !(known.exists && stamps.before == known)) {
        // A newer format is never written to; a file cut short mid-line gets its line ended,
        // so that the cut line stays one bad line and ours stays whole.
        char head[32] = {};
        const ssize_t got = ::pread(fd, head, sizeof head, 0);
        char last = '\n';
        if (::pread(fd, &last, 1, info.st_size - 1) != 1)
            last = '\n';
        if (got > 0 && headerIsFuture(std::string_view(head, static_cast<std::size_t>(got)))) {
            ::close(fd);
            return Error{ErrorCode::InvalidArgument, file.string(), "written by a newer Rapport"};
        }
        if (last != '\n')
            block = "\n";
    }
    block.append(lines);
    if (error == 0)
        writeAll(fd, block, error); // one write: the line lands whole after whatever is there
    if (error == 0 && ::fstat(fd, &info) != 0)
        error = errno;
    ::close(fd);
    if (error != 0)
        return failure(file, error);
    if (!stamps.before.exists)
        stamps.before = FileStamp{true, 0, 0, static_cast<std::uint64_t>(info.st_ino)}; // it was empty
    stamps.after = stampOf(info);
    return stamps;
}

Result<FileStamp> writeText(const std::filesystem::path& file, std::string_view text)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
        return failure(file.parent_path(), ec.value());
    if (Status written = writeFileAtomically(file, text); !written)
        return written.error();
    return stampOf(file);
}

std::vector<std::filesystem::path> conflictCopies(const std::filesystem::path& file)
{
    std::vector<std::filesystem::path> copies;
    const std::string name = file.filename().string();
    if (name.size() <= kExtension.size())
        return copies;
    const std::string stem = name.substr(0, name.size() - kExtension.size());
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(file.parent_path(), ec)) {
        const std::string other = entry.path().filename().string();
        if (other == name || other.size() <= name.size() || other.compare(0, stem.size(), stem) != 0 ||
            other.compare(other.size() - kExtension.size(), kExtension.size(), kExtension) != 0)
            continue;
        // brief.md.sync-conflict-20240102-101112-ABCDEF7.rapport (Syncthing),
        // brief.md (conflicted copy 2024-01-02 101112).rapport (Nextcloud),
        // brief.md (Ana's conflicted copy 2024-01-02).rapport (Dropbox)
        const std::string middle = other.substr(stem.size(), other.size() - stem.size() - kExtension.size());
        if ((middle.front() == '.' || middle.front() == ' ' || middle.front() == '_') && containsConflict(middle) &&
            entry.is_regular_file(ec))
            copies.push_back(entry.path());
    }
    std::sort(copies.begin(), copies.end());
    return copies;
}

} // namespace rapport::sidecar
