#include "atomic_file.h"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace rapport {

namespace {

// Enough to keep cairo's many small writes from becoming as many system calls.
constexpr std::size_t kBufferSize = std::size_t{1} << 16;

std::string reason(int system_error) { return std::generic_category().message(system_error); }

std::uint64_t randomNumber()
{
    std::uint64_t value = 0;
    if (::getrandom(&value, sizeof value, GRND_NONBLOCK) == static_cast<ssize_t>(sizeof value))
        return value;
    // No entropy yet (very early boot): still distinct per process and call; O_EXCL catches the rest.
    static std::uint64_t counter = 0;
    return (static_cast<std::uint64_t>(::getpid()) << 40) ^
           static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^ ++counter;
}

// ".NAME.tmp-RANDOM": hidden, recognisably ours, and within NAME_MAX even when NAME is at
// the limit (the name is shortened at a UTF-8 character boundary).
std::string temporaryName(const std::string& name)
{
    std::size_t keep = std::min<std::size_t>(name.size(), 100);
    while (keep > 0 && keep < name.size() && (static_cast<unsigned char>(name[keep]) & 0xC0u) == 0x80u)
        --keep;
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".tmp-%016llx", static_cast<unsigned long long>(randomNumber()));
    return "." + name.substr(0, keep) + suffix;
}

} // namespace

bool writeAll(int fd, std::string_view bytes, int& error)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& target)
{
    AtomicFile file;
    file.target_ = target;
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == "..")
        return Error{ErrorCode::NotAFile, target.string(), "folder"};
    // Never a rename into the kernel's file systems: /dev/stdout may resolve to a regular
    // file, but renaming over it would replace the link in /dev itself.
    std::error_code ec;
    const std::string absolute = std::filesystem::absolute(target, ec).lexically_normal().string();
    for (const char* root : {"/dev/", "/proc/", "/sys/"})
        if (absolute.rfind(root, 0) == 0)
            return Error{ErrorCode::NotAFile, target.string(), "device"};
    struct stat current {};
    if (::stat(target.c_str(), &current) == 0 && !S_ISREG(current.st_mode)) {
        const char* kind = S_ISDIR(current.st_mode)                               ? "folder"
                           : S_ISCHR(current.st_mode) || S_ISBLK(current.st_mode) ? "device"
                           : S_ISFIFO(current.st_mode)                            ? "fifo"
                                                                                  : "socket";
        return Error{ErrorCode::NotAFile, target.string(), kind};
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::filesystem::path candidate = target.parent_path() / temporaryName(name);
        // 0666 before the umask: the file gets the permissions of any file the user saves.
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            file.fd_ = fd;
            file.temporary_ = std::move(candidate);
            break;
        }
        if (errno != EEXIST)
            return Error{ErrorCode::FileWriteFailed, target.string(), reason(errno)};
    }
    if (file.fd_ < 0)
        return Error{ErrorCode::FileWriteFailed, target.string(), reason(EEXIST)};
    // Replacing a file must not change who may read it (a private settings file stays private).
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        static_cast<void>(::fchmod(file.fd_, existing.st_mode & 07777));
    return file;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)), temporary_(std::exchange(other.temporary_, {})),
      fd_(std::exchange(other.fd_, -1)), error_(other.error_), done_(std::exchange(other.done_, true)),
      buffer_(std::move(other.buffer_))
{
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept
{
    if (this != &other) {
        discard();
        target_ = std::move(other.target_);
        temporary_ = std::exchange(other.temporary_, {});
        fd_ = std::exchange(other.fd_, -1);
        error_ = other.error_;
        done_ = std::exchange(other.done_, true);
        buffer_ = std::move(other.buffer_);
    }
    return *this;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() noexcept
{
    if (fd_ >= 0)
        ::close(std::exchange(fd_, -1));
    if (!done_ && !temporary_.empty())
        ::unlink(temporary_.c_str());
    done_ = true;
}

Error AtomicFile::failure(int system_error) const
{
    return Error{ErrorCode::FileWriteFailed, target_.string(), reason(system_error)};
}

bool AtomicFile::flush()
{
    if (error_ == 0 && !writeAll(fd_, buffer_, error_))
        return false;
    buffer_.clear();
    return error_ == 0;
}

bool AtomicFile::append(std::string_view bytes)
{
    if (fd_ < 0 || error_ != 0)
        return false;
    if (buffer_.size() + bytes.size() > kBufferSize) {
        if (!flush())
            return false;
        if (bytes.size() >= kBufferSize) // large content goes straight to the file, uncopied
            return writeAll(fd_, bytes, error_);
    }
    if (buffer_.capacity() < kBufferSize)
        buffer_.reserve(kBufferSize);
    buffer_.append(bytes);
    return true;
}

Status AtomicFile::status() const
{
    if (error_ != 0)
        return failure(error_);
    return {};
}

Status AtomicFile::finishWriting()
{
    if (done_ || (fd_ < 0 && temporary_.empty()))
        return Error{ErrorCode::FileWriteFailed, target_.string(), "already committed or abandoned"};
    if (fd_ < 0)
        return {}; // finished already
    const auto fail = [this](int system_error) -> Status {
        Error error = failure(system_error);
        discard();
        return error;
    };
    if (!flush())
        return fail(error_);
    if (::fsync(fd_) != 0)
        return fail(errno);
    // Linux releases the descriptor even when close() reports EINTR, and the data is synced.
    if (::close(std::exchange(fd_, -1)) != 0 && errno != EINTR)
        return fail(errno);
    return {};
}

Status AtomicFile::commit()
{
    if (Status finished = finishWriting(); !finished)
        return finished;
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
        Error error = failure(errno);
        discard();
        return error;
    }
    done_ = true;
    // The new name is on disk only once the folder is synced. A folder we may not read
    // cannot be synced at all, and some file systems cannot sync folders (EINVAL): the
    // file is in place either way, so only a real I/O failure is reported.
    const std::filesystem::path folder = target_.has_parent_path() ? target_.parent_path() : ".";
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return errno == EACCES ? Status{} : Status{failure(errno)};
    const int synced = ::fsync(dir);
    const int sync_error = errno;
    ::close(dir);
    if (synced != 0 && sync_error != EINVAL && sync_error != ENOTSUP)
        return failure(sync_error);
    return {};
}

Status writeFileAtomically(const std::filesystem::path& target, std::string_view content)
{
    Result<AtomicFile> file = AtomicFile::create(target);
    if (!file)
        return file.error();
    file.value().append(content); // a failure here is what commit() reports
    return file.value().commit();
}

} // namespace rapport
