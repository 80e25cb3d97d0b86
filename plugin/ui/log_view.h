// The client log beside the checklist: a filter (by kind, and open promises only), the
// entries (log_entries_view.h) and what can be done with them: add (Insert, or the host
// command "Add to the client log…"), resolve (Enter), delete (Delete), go to an entry's
// promise on the checklist (Ctrl+Enter). It reads the session and edits through it; every
// edit is one undo step reported like the checklist's edits.
#pragma once

#include "panel_context.h"

#include <cstdint>
#include <functional>
#include <string>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxPanel;
class wxSizer;
class wxStaticText;
class wxWindow;

namespace rapport::ui {

class LogEntriesView;

// The log's pane inside the sidebar panel.
class LogView {
public:
    // A change was saved or refused; `line` traces it.
    using ChangedSink = std::function<void(const Status& status, const std::string& line)>;
    // Shows checklist item `item_id` (an entry's promise) in the checklist.
    using ShowItemSink = std::function<void(std::int64_t item_id)>;

    LogView(wxWindow* panel, wxSizer* column, PanelContext& context, ChangedSink changed, ShowItemSink showItem);

    // Shows or hides the pane; true when that changed.
    bool show(bool shown);
    bool shown() const;
    // Redraws the entries from the session under the filter.
    void refresh();
    // "Add to the client log…"; selects the new entry once saved.
    void addEntry();
    // "Resolve…" for the selected entry.
    void resolveSelected();
    // Deletes the selected entry (undo puts it back).
    void deleteSelected();
    // Shows the selected entry's promise on the checklist.
    void goToPromise();
    // Puts the keyboard focus in the entries.
    void focusList();
    // The entries as drawn (for tests).
    LogEntriesView* entries() const noexcept { return list_; }
    // Enables the edit buttons to match a read-only store.
    void showReadOnly(bool read_only);

private:
    void relabel(const std::locale& loc);
    void onKey(int key, int modifiers, bool& handled);
    void showButtons();
    // Lays the pane out when its texts or parts changed since it was last laid out and it is shown.
    void layOutIfPending();

    PanelContext& context_;
    ChangedSink changed_;
    ShowItemSink showItem_;
    wxPanel* pane_ = nullptr;
    wxChoice* kindFilter_ = nullptr;
    wxCheckBox* openPromises_ = nullptr;
    LogEntriesView* list_ = nullptr;
    wxStaticText* empty_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* resolve_ = nullptr;
    wxButton* promise_ = nullptr;
    bool readOnly_ = false;
    bool layoutPending_ = true; // new texts or parts not laid out yet
};

} // namespace rapport::ui
