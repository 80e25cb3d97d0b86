// What the sidebar shows and does, without a single widget: it follows the active
// document, loads the checklist attached to it, attaches one from a template and
// ticks items. The wx panel (plugin/ui/sidebar_panel.h) only draws this state.
#pragma once

#include "change.h"
#include "client_log.h"
#include "error.h"
#include "project_settings.h"
#include "reminders.h"
#include "revision_rounds.h"
#include "report.h"
#include "sharing.h"
#include "store.h"
#include "store_recovery.h"
#include "template_library.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <locale>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

class Localization;
class Language;

// What the list shows: every item, or only those matching all the set criteria.
struct ItemFilter {
    std::string text;                  // matched, ignoring case the language's way, in title, note and reason
    std::optional<ItemStatus> status;  // only items with this status
    std::optional<Owner> owner;        // only items this side has to act on
    bool overdue_only = false;         // only items past their due date

    // True when any criterion is set.
    bool active() const { return !text.empty() || status || owner || overdue_only; }
};

// One row of the list: a section heading or an item.
struct ChecklistRow {
    enum class Kind { Section, Item } kind = Kind::Item;
    std::size_t index = 0; // into checklist()->sections or checklist()->items
};

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
    ~SidebarSession();
    SidebarSession(const SidebarSession&) = delete;
    SidebarSession& operator=(const SidebarSession&) = delete;

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
    // Why changes cannot be saved (the store, its folder or the disk is read-only), or
    // nullopt. Found when the store opens, or at the first change refused as read-only;
    // the panel then shows the checklist read-only and says why.
    const std::optional<Error>& readOnly() const noexcept;
    const TemplateLibrary& templates() const noexcept { return templates_; }

    // Attaches a checklist from the template `template_key` to the active document.
    Status attachTemplate(const std::string& template_key);
    // Attaches one checklist combining `template_keys`, each template's sections in turn;
    // no keys starts an empty checklist.
    Status attachTemplates(const std::vector<std::string>& template_keys);
    // Adds the sections of another template to the attached checklist.
    Status addTemplate(const std::string& template_key);
    // The tick: Done becomes To do, any other status becomes Done. Undoable like any change.
    Status toggleDone(std::int64_t item_id);

    // Every change below is committed before it returns success, reloads the checklist,
    // and can be undone. Items and sections are named by their ids, which stay stable
    // while rows move under a filter.
    Status setStatus(std::int64_t item_id, ItemStatus status, const std::string& reason = {});
    Status setDue(std::int64_t item_id, const std::string& due);
    Status setOwner(std::int64_t item_id, Owner owner);
    Status setNote(std::int64_t item_id, const std::string& note);
    Status setInternal(std::int64_t item_id, bool internal);
    // Changes a custom item's text (template items are refused).
    Status renameItem(std::int64_t item_id, const std::string& text);
    // Adds a custom item at the end of `section_id` (0: the last section); returns its id.
    Result<std::int64_t> addItem(std::int64_t section_id, const std::string& text);
    // Deletes an item (undo puts it back).
    Status deleteItem(std::int64_t item_id);
    // Moves an item one place up (-1) or down (+1), into the neighbouring section at an edge.
    Status moveItem(std::int64_t item_id, int step);
    // Replaces a template item by a custom item with `text` and the same fields, in the
    // same place, so its text can be edited; returns the copy's id.
    Result<std::int64_t> makeCustomCopy(std::int64_t item_id, const std::string& text);
    // Adds a section of the user's own at the end; returns its id.
    Result<std::int64_t> addSection(const std::string& title);
    Status renameSection(std::int64_t section_id, const std::string& title);
    // Deletes a section with its items (undo puts them back).
    Status deleteSection(std::int64_t section_id);
    // Moves a section one place up (-1) or down (+1).
    Status moveSection(std::int64_t section_id, int step);

    // Undoes the active checklist's latest change, or redoes the latest undone one.
    Status undo();
    Status redo();
    bool canUndo() const;
    bool canRedo() const;
    // The English msgid naming what undo()/redo() would do ("Change status"), or "".
    std::string undoName() const;
    std::string redoName() const;

    // The rows to show under `filter` on `today` (YYYY-MM-DD): section headings (only those
    // with a visible item while a filter is active) and items, in checklist order.
    std::vector<ChecklistRow> rows(const ItemFilter& filter, const Localization& localization, Language language,
                                   const std::string& today) const;
    // The position in checklist()->items of the item with `item_id`, or nullopt.
    std::optional<std::size_t> indexOfItem(std::int64_t item_id) const;
    // An item's title in `loc` (see item_text.h).
    std::string itemTitle(const ChecklistItem& item, const std::locale& loc) const;
    // A section's title in `loc`.
    std::string sectionTitle(const ChecklistSection& section, const std::locale& loc) const;
    // The template item behind `item` (for its description and "why it matters"), or nullptr.
    const TemplateItem* templateItem(const ChecklistItem& item) const;

    // Progress reports for the active document. The report's content is built here, on the
    // caller's thread (store reads only); writing the file may then happen elsewhere.
    Result<ReportContent> buildReport(Language language, const std::string& summary, const std::string& next_steps,
                                      const std::string& today, std::int64_t now);
    // Keeps a report that was written as `format` in the store, attached to the document with
    // `document_id` (the active one when the report was built: the user may have moved on).
    Result<std::int64_t> keepReport(std::int64_t document_id, const ReportContent& report, ReportFormat format,
                                    std::int64_t made_at);
    // Success when a report may be written to `file`: never over the store, its companions,
    // backups or settings, nor over a document with a checklist, nor over a folder or a
    // device (output_path.h); the same rules as the command line's.
    Status checkOutputFile(const std::filesystem::path& file);
    // Every report kept for the active document, newest first.
    Result<std::vector<Store::StoredReport>> reports();
    // The language of the active document's last report, or nullopt when none was made.
    std::optional<Language> lastReportLanguage();

    // The item selected in the active document, remembered per document for this session.
    std::optional<std::int64_t> selectedItem() const;
    void selectItem(std::optional<std::int64_t> item_id);
    // Every document's remembered selection as text to keep in the settings ("path<TAB>id"
    // lines, at most a few hundred), and back.
    std::string savedSelections() const;
    void restoreSavedSelections(const std::string& text);

    // Items of the active checklist that are Done.
    std::size_t doneCount() const;

    // --- Sharing with the team (sidebar_session_sharing.cpp; see sharing.h) -------------

    // Shares the active checklist through its sidecar (and folds in one that exists).
    Result<SyncReport> share();
    // Stops writing the active checklist's sidecar; the file stays.
    Status unshare();
    // Whether the active checklist is shared, and who changed it last.
    const ShareStatus& shareStatus() const noexcept { return shareStatus_; }
    // True when the active document's sidecar changed on disk since it was last read (a stat).
    bool sidecarChanged() const;
    // Reads the active document's sidecar into the store and reloads. Changes from others
    // rewrite the checklist's rows (local ids may move), so the selection follows its item
    // by uid, and the undo history of that checklist is cleared: its steps name ids that may
    // now be other items'.
    Result<SyncReport> syncShared();
    // What the last sync found that the panel has not shown yet (joining on a document switch).
    std::optional<SyncReport> takeSyncReport();
    // Sorts appended sidecar lines into place (the panel calls it when the user pauses);
    // true when reading the file back brought changes from others (reload to show them).
    bool settleShared();
    bool sharedUnsettled() const;

    // --- Project settings and the update rhythm (sidebar_session_project.cpp) -----------

    // Sets the active checklist's project settings (project_settings.h): one undo step, a
    // history row per field that changed; nothing when nothing differs.
    Status setProjectSettings(const ProjectSettings& settings);
    // Starts a revision round for `purpose` (one undo step). The panel asks first when
    // roundWouldExceedAgreed() (revision_rounds.h) says it goes beyond the agreed number.
    Status startRevisionRound(const std::string& purpose);
    // Marks the client update sent on `today`: the next update moves by the rhythm (one undo
    // step). Refused (InvalidArgument) when the checklist has no rhythm.
    Status markUpdateSent(const std::string& today);
    // The active checklist's revision rounds, oldest first (read from its history).
    Result<std::vector<RevisionRound>> revisionRounds();
    // What is due next on `today` at `now`, for the header and the reminders.
    DueNext dueNext(const std::string& today, std::int64_t now) const;
    // The days after which an item waiting on the client counts as waiting long (the user's
    // "waiting_days", preferences.h); dueNext() and projectsDue() count with it.
    void setWaitingThresholdDays(int days) noexcept { waitDays_ = days; }
    // Every project in the store whose update is due or which has an overdue item on
    // `today`, for the reminders (reminders.h); empty without a store.
    Result<std::vector<ProjectReminder>> projectsDue(const std::string& today, std::int64_t now);
    // The language a new report is offered in: the client's (project settings), else the
    // last report's; nullopt when neither is known.
    std::optional<Language> defaultReportLanguage();

    // --- The client log (sidebar_session_log.cpp; client_log.h) ----------------------------

    // The active checklist's client log, oldest first; read with the checklist.
    const std::vector<LogEntry>& clientLog() const noexcept { return log_; }
    // The entry numbered `entry_id` in the active log, or nullptr.
    const LogEntry* logEntry(std::int64_t entry_id) const;
    // Where the promise of `entry` stands on `today`; nullopt when it promised nothing.
    std::optional<PromiseState> promiseState(const LogEntry& entry, const std::string& today) const;
    // "Promises kept: N of M on time" for the header, internal entries included (the user's own view).
    PromiseFigures promiseFigures(const std::string& today) const;
    // The entry whose promise is item `item_id`, or nullptr (the item's side of the link).
    const LogEntry* promiseEntryOfItem(std::int64_t item_id) const;
    // Records `entry` (its id is given by the store); a non-empty `promise` becomes a
    // checklist item due `due`, linked to the entry, in the same undo step. Returns the
    // entry's number.
    Result<std::int64_t> addLogEntry(LogEntry entry, const std::string& promise, const std::string& due);
    // Records how entry `resolved.id` was resolved: its resolution, and for a change request
    // its outcome and decline reason (one undo step).
    Status resolveLogEntry(const LogEntry& resolved);
    // Accepts change request `entry_id` into the checklist: the outcome, `new_item` as an item
    // at the end (none when ""), and a revision round for it when `start_round`; one undo step.
    Status acceptChangeRequest(std::int64_t entry_id, const std::string& resolution, const std::string& new_item,
                               bool start_round);
    // Deletes an entry; its promise stays a checklist item (undo puts the entry back).
    Status deleteLogEntry(std::int64_t entry_id);

private:
    // One undoable step: the changes it recorded, which undo (and then redo) invert.
    struct UndoStep {
        std::string name; // English msgid
        std::vector<Change> applied;
    };
    struct UndoHistory {
        std::vector<UndoStep> done;
        std::vector<UndoStep> undone;
    };
    // Applies `batch` to the active checklist through the store's one write path, remembers
    // it as one undo step named `undo_name`, and reloads.
    Result<std::vector<Change>> change(std::string_view undo_name, std::vector<Change> batch);
    Status change(std::string_view undo_name, Change one);
    // Applies the inverse of `applied` and replaces it with what that recorded.
    Status replay(std::vector<Change>& applied);
    UndoHistory* activeHistory();
    const UndoHistory* activeHistory() const;
    Status requireChecklist() const;
    Status requireItem(std::int64_t item_id) const;
    const ChecklistItem* findItem(std::int64_t item_id) const;

    std::filesystem::path storeFile_;
    TemplateLibrary templates_;
    std::optional<Store> store_;
    std::optional<Error> storeError_;
    std::vector<RecoveryNotice> recoveryNotices_;
    std::string documentPath_;
    std::optional<Checklist> checklist_;
    std::map<std::int64_t, UndoHistory> histories_; // by document id, for this session
    int waitDays_ = kDefaultClientWaitDays;
    std::map<std::string, std::int64_t> selections_; // selected item id by document path
    std::unique_ptr<Sharing> sharing_;                // over store_; reset before store_ is
    ShareStatus shareStatus_;                         // of the active document
    std::optional<SyncReport> pendingSync_;           // found on a document switch, not yet shown
    std::vector<LogEntry> log_;                                      // the active checklist's client log
    std::vector<HistoryEntry> logHistory_; // what promises are judged from (Store::promiseHistory), read when there are any
    // Reads the sidecar of the active document when it changed, joining a shared checklist.
    void followSidecar();
};

} // namespace rapport
