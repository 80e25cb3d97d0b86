// A sidecar on disk: where it lives beside its document, how a change is appended to it
// (one write, O_APPEND: whole or not at all, never mixed with another writer's line), how
// it is rewritten (the atomic writer), and the conflict copies file synchronisers leave
// beside it (Syncthing's *.sync-conflict-*, Nextcloud's and Dropbox's "conflicted copy").
#pragma once

#include "error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::sidecar {

// .rapport/<document file name>.rapport in the document's folder.
std::filesystem::path pathFor(const std::string& document_path);

// What a file looked like at a moment: a cheap way to notice that someone changed it.
struct FileStamp {
    bool exists = false;
    std::uintmax_t size = 0;
    std::int64_t modified_ns = 0;
    std::uint64_t inode = 0; // a rename over it (git, the atomic writer) changes it

    bool operator==(const FileStamp&) const = default;
};

// The file's stamp now (one stat).
FileStamp stampOf(const std::filesystem::path& file);

// The whole file, or an error; refused beyond kMaxFileBytes. A missing file is "".
Result<std::string> readText(const std::filesystem::path& file);

// The file's stamps around an append: `before` tells whether someone else changed it since.
struct Appended {
    FileStamp before;
    FileStamp after;
};

// Appends `lines` (whole lines) in one write with O_APPEND, creating the folder and the
// file (with its header) when needed. Writes nothing to a file whose header names a newer
// format. When the file is still as `known` (as this process left it), its header and its
// last line are known to be fine and are not read again.
Result<Appended> appendLines(const std::filesystem::path& file, std::string_view lines, const FileStamp& known = {});

// Replaces the file with `text` through the atomic writer; returns the new stamp.
Result<FileStamp> writeText(const std::filesystem::path& file, std::string_view text);

// The conflict copies of `file` in its folder, by name order.
std::vector<std::filesystem::path> conflictCopies(const std::filesystem::path& file);

// True when the header at the start of `text` names a format newer than this build's.
bool headerIsFuture(std::string_view text);

} // namespace rapport::sidecar
