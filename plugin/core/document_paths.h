// Where documents and the store live on disk: the canonical form of a document's path
// (the key a checklist is attached by), a fingerprint of a document's content (to find
// it again after a move outside the editor), and the default store file.
#pragma once

#include <filesystem>
#include <string>

namespace rapport {

// The canonical, absolute UTF-8 form of a document path: symlinks, "." and ".."
// resolved where the file exists, no trailing separator.
std::string canonicalDocumentPath(const std::string& utf8_path);

// A fingerprint of a file's content (size plus first and last 64 KiB), "" if unreadable.
std::string documentFingerprint(const std::filesystem::path& file);

// Where the store lives by default: $RAPPORT_DATA_DIR, else $XDG_DATA_HOME/rapport,
// else ~/.local/share/rapport; the file is rapport.sqlite3 inside it.
std::filesystem::path defaultStoreFile();

} // namespace rapport
