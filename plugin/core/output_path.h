// Where Rapport may write a file the user named (a report, an export): checked before a
// single byte is written, by the command line and the sidebar alike. Never over Rapport's
// own data (the store, its -wal, -shm and -journal companions, its backups, settings.xml,
// the user's templates) nor over a document that has a checklist — whether the path names
// it directly, through a symbolic link, through "..", or as a hard link — and never over
// a folder, a device, a FIFO or a socket. An ordinary file the user named may be replaced.
#pragma once

#include "error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rapport {

class Store;

// What no output may replace.
struct ProtectedPaths {
    std::vector<std::filesystem::path> files;   // each one exactly
    std::vector<std::filesystem::path> folders; // the folder and everything in it
    std::vector<std::string> documents;         // documents with a checklist (canonical paths)
};

// Rapport's own data around `store_file`: the store and its companions, the backups
// folder, settings.xml beside it and the default settings file, the user's templates.
ProtectedPaths rapportDataPaths(const std::filesystem::path& store_file);

// rapportDataPaths() of the store plus every document the store has a checklist for.
Result<ProtectedPaths> protectedPathsOf(Store& store);

// Success when a new file may be written at `target`; else OutputIsRapportData,
// OutputIsDocument, NotAFile (detail "folder", "device", "fifo" or "socket") or
// FileWriteFailed (the folder it would go in does not exist), with `target` as subject.
Status checkOutputPath(const std::filesystem::path& target, const ProtectedPaths& protected_paths);

// Success when `file` can be read as a file of at most `max_bytes`: NotAFile for a
// folder, device, FIFO or socket (/dev/zero never ends), FileTooLarge, FileReadFailed.
Status checkInputFile(const std::filesystem::path& file, std::uintmax_t max_bytes);

} // namespace rapport
