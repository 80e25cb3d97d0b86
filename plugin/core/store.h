// The store: one SQLite file per user holding every document's checklist.
// Each call commits durably (WAL, synchronous=FULL) before it returns success.
#pragma once

#include "error.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport {

// One line of a checklist. Template items keep only their keys so that their text
// follows the current language; custom items keep the user's text exactly.
struct ChecklistItem {
    std::int64_t id = 0;
    std::int64_t position = 0;
    std::string template_key; // empty for a custom item
    std::string item_key;     // empty for a custom item
    std::string custom_text;  // empty for a template item
    bool done = false;
};

// The checklist attached to one document.
struct Checklist {
    std::int64_t document_id = 0;
    std::string document_path; // canonical, UTF-8
    std::string template_key;  // the template it was started from; may be empty
    std::vector<ChecklistItem> items;
};

// An item to add when attaching a checklist.
struct NewItem {
    std::string template_key;
    std::string item_key;
    std::string custom_text;
};

// A Rapport store, open on one SQLite file.
class Store {
public:
    // The schema version this build writes; see the migration steps in store.cpp.
    static constexpr int kSchemaVersion = 1;

    // Opens or creates the store at `file`, creating its folder, and migrates it up.
    static Result<Store> open(const std::filesystem::path& file);

    Store(Store&&) noexcept = default;
    Store& operator=(Store&&) noexcept = default;

    // The checklist attached to the document at `document_path`, or nullopt.
    // Reads only: a document the store has never seen costs one indexed lookup.
    Result<std::optional<Checklist>> checklistFor(const std::string& document_path);

    // Attaches a checklist with `items` to the document; fails if one is attached.
    Result<Checklist> attach(const std::string& document_path, const std::string& template_key,
                             const std::vector<NewItem>& items);

    // Marks an item done or not done.
    Status setDone(std::int64_t document_id, std::int64_t item_id, bool done);

    // The file this store lives in.
    const std::filesystem::path& file() const noexcept { return file_; }

private:
    Store(std::filesystem::path file, sqlite::Connection db);
    Error writeError() const;

    std::filesystem::path file_;
    sqlite::Connection db_;
};

// Where the store lives by default: $RAPPORT_DATA_DIR, else $XDG_DATA_HOME/rapport,
// else ~/.local/share/rapport; the file is rapport.sqlite3 inside it.
std::filesystem::path defaultStoreFile();

// The canonical, absolute UTF-8 form of a document path: symlinks, "." and ".."
// resolved where the file exists, no trailing separator.
std::string canonicalDocumentPath(const std::string& utf8_path);

} // namespace rapport
