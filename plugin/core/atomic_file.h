// Files that appear whole or not at all. Every file Rapport writes (reports, exports,
// settings) goes through here, so a crash, a full disk or a power cut leaves either the
// old file or the new one, never a mix, and never a stray temporary beside it.
#pragma once

#include "error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace rapport {

// A new version of `target`, written under a unique temporary name in the target's
// folder (a rename is only atomic within one file system); commit() puts it in the
// target's place. Destroyed without a commit, it removes the temporary file and leaves
// the target as it was. Not for sharing between threads.
class AtomicFile {
public:
    // Creates the temporary file exclusively, so concurrent writers never share one.
    // Errors are FileWriteFailed with the target's path and the system's reason, or
    // NotAFile when the target is a folder, a device, a FIFO or a socket: renaming over
    // one would replace the device node itself (as root, /dev/stdout).
    static Result<AtomicFile> create(const std::filesystem::path& target);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Adds `bytes` at the end (buffered). False once a write has failed; commit() then
    // says why, so a producer such as cairo's write callback only has to stop.
    bool append(std::string_view bytes);

    // The first write failure so far, if any: what commit() would report.
    Status status() const;

    // Writes out the buffer and syncs the file under its temporary name, so that commit()
    // only has to put it in place: a caller can finish the file, then record elsewhere
    // that it exists, and only then commit it. On failure the temporary file is removed.
    Status finishWriting();

    // Finishes writing if needed, renames the file over the target and syncs the folder,
    // so that the rename too survives a power cut. On failure the temporary file is
    // removed and the target is untouched. Only the first call does anything.
    Status commit();

    // The file that commit() replaces.
    const std::filesystem::path& target() const { return target_; }

private:
    AtomicFile() = default;
    bool flush();
    Error failure(int system_error) const;
    void discard() noexcept;

    std::filesystem::path target_;
    std::filesystem::path temporary_;
    int fd_ = -1;
    int error_ = 0; // errno of the first failed write, reported by commit()
    bool done_ = false;
    std::string buffer_;
};

// Writes all of `bytes` to `fd`, retrying short writes and EINTR; on failure false with
// the errno in `error`. For writers that must append in place, such as the sidecar.
bool writeAll(int fd, std::string_view bytes, int& error);

// `content` written to `target` through an AtomicFile: all of it, or the old file untouched.
Status writeFileAtomically(const std::filesystem::path& target, std::string_view content);

} // namespace rapport
