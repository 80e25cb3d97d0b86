// What the sidebar shows and does, without a single widget: it follows the active
// document, loads the checklist attached to it, attaches one from a template and
// ticks items. The wx panel (plugin/ui/sidebar_panel.h) only draws this state.
#pragma once

#include "error.h"
#include "store.h"
#include "store_recovery.h"
#include "template_library.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace rapport {

// The sidebar's state for the active document.
class SidebarSession {
public:
    // What the panel should show.
    enum class View {
        NoDocument,       // no document is active
        NoChecklist,      // the document has no checklist yet: offer to attach one
        Checklist,        // the document's checklist
        StoreUnavailable, // the store could not be opened; see storeError()
    };

    SidebarSession(std::filesystem::path store_file, TemplateLibrary templates);

    // Opens the store, recovering a damaged one from its backups (see recoveryNotices()).
    // On failure the session stays usable and shows StoreUnavailable.
    Status openStore();
    // What recovery had to do when the store was opened; empty when nothing.
    const std::vector<RecoveryNotice>& recoveryNotices() const noexcept { return recoveryNotices_; }

    // Follows the host's active document ("" for none) and loads its checklist.
    // Documents the store has never seen cost one indexed read and create nothing.
    Status setActiveDocument(const std::string& path);
    // Reloads the active document's checklist from the store.
    Status reload();
    // A document moved (Save As, rename): its checklist moves with it in the store,
    // and the session keeps following it.
    Status documentRenamed(const std::string& old_path, const std::string& new_path);

    // A document was saved: if it has a checklist, its content fingerprint is refreshed so
    // the checklist can find it again after a move outside the editor.
    Status documentSaved(const std::string& path);

    View view() const noexcept;
    // The active document's canonical path, or "".
    const std::string& documentPath() const noexcept { return documentPath_; }
    // The active document's file name, for the header.
    std::string documentName() const;
    // The loaded checklist, when view() is Checklist.
    const std::optional<Checklist>& checklist() const noexcept { return checklist_; }
    // The store's error when view() is StoreUnavailable.
    const std::optional<Error>& storeError() const noexcept { return storeError_; }
    const TemplateLibrary& templates() const noexcept { return templates_; }

    // Attaches a checklist from the template `template_key` to the active document.
    Status attachTemplate(const std::string& template_key);
    // Ticks or unticks the item at `index` in checklist()->items; committed on success.
    Status setDone(std::size_t index, bool done);

    // Items done and items counted (Not applicable will count out once it exists).
    std::size_t doneCount() const;

    // The English msgid of an item's title and its catalogue context ("" for custom items,
    // whose text is the user's own and is shown untranslated).
    struct ItemText {
        std::string context;
        std::string text;
        bool translatable = false;
    };
    ItemText itemText(const ChecklistItem& item) const;

private:
    std::filesystem::path storeFile_;
    TemplateLibrary templates_;
    std::optional<Store> store_;
    std::optional<Error> storeError_;
    std::vector<RecoveryNotice> recoveryNotices_;
    std::string documentPath_;
    std::optional<Checklist> checklist_;
};

} // namespace rapport
