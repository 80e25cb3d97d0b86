// Makes files and folders read-only for one test, in a way that holds for root too: the
// tests may run as root, and chmod does not stop root. As root the immutable attribute is
// set (what `chattr +i` does; ext4, xfs and btrfs have it), which refuses writes to
// everyone; otherwise the write permissions are taken away. Everything is put back when
// the guard ends, so the test's temporary folder can still be removed.
#pragma once

#include <doctest/doctest.h>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace rapport::testing {

class ReadOnly {
public:
    // Makes each of `paths` read-only, in order; REQUIREs that it worked.
    explicit ReadOnly(std::vector<std::filesystem::path> paths) : paths_(std::move(paths))
    {
        for (const auto& path : paths_) {
            std::string problem;
            const bool done = ::geteuid() == 0 ? setImmutable(path, true, problem) : removeWrite(path, problem);
            REQUIRE_MESSAGE(done, "cannot make " << path << " read-only: " << problem
                                                 << " (as root this needs a file system with the immutable "
                                                    "attribute, such as ext4: point TMPDIR at one)");
            done_.push_back(path);
        }
    }
    ~ReadOnly()
    {
        for (auto it = done_.rbegin(); it != done_.rend(); ++it) {
            std::string ignored;
            if (::geteuid() == 0)
                setImmutable(*it, false, ignored);
            else
                std::filesystem::permissions(*it, std::filesystem::perms::owner_write,
                                             std::filesystem::perm_options::add);
        }
    }
    ReadOnly(const ReadOnly&) = delete;
    ReadOnly& operator=(const ReadOnly&) = delete;

private:
    static bool setImmutable(const std::filesystem::path& path, bool on, std::string& problem)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            problem = std::strerror(errno);
            return false;
        }
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        if (!ok)
            problem = std::strerror(errno);
        ::close(fd);
        return ok;
    }
    static bool removeWrite(const std::filesystem::path& path, std::string& problem)
    {
        std::error_code ec;
        std::filesystem::permissions(path,
                                     std::filesystem::perms::owner_write | std::filesystem::perms::group_write |
                                         std::filesystem::perms::others_write,
                                     std::filesystem::perm_options::remove, ec);
        problem = ec.message();
        return !ec;
    }

    std::vector<std::filesystem::path> paths_;
    std::vector<std::filesystem::path> done_;
};

} // namespace rapport::testing
