// The two rows above the checklist: search and filter, then Add section, Undo, Redo and
// the More… menu (reports, adding a section or a template's sections). It turns its
// controls into an ItemFilter and into calls the panel carries out; it edits nothing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "panel_context.h"

#include <functional>
#include <string>

class wxBoxSizer;
class wxButton;
class wxMenu;
class wxChoice;
class wxSearchCtrl;
class wxSizer;
class wxWindow;

namespace rapport::ui {

// What the toolbar's controls ask the panel to do.
struct ToolbarActions {
    std::function<void()> filterChanged; // the search text or the filter choice changed
    std::function<void()> addSection;
    std::function<void()> undo;
    std::function<void()> redo;
    std::function<void()> createReport;
    std::function<void()> pastReports;
    std::function<void(const std::string& template_key)> addTemplate; // its sections, to this checklist
    std::function<bool()> writingReport; // while one is written, "Create report…" waits
    std::function<void()> share;         // share the checklist with the project (sharing.h)
    std::function<void()> unshare;       // stop writing its sidecar
    std::function<void()> projectSettings; // "Project settings…" (project_dialog.h)
    std::function<void()> startRound;      // "Start revision round…"
    std::function<void()> updateSent;      // "Mark update sent": the next update moves by the rhythm
};

// The search field, the filter choice and the action buttons.
class ListToolbar {
public:
    // Builds both rows inside `panel` and adds them to `column`.
    ListToolbar(wxWindow* panel, wxSizer* column, PanelContext& context, ToolbarActions actions);

    // Shows or hides every control; true when any appeared or disappeared.
    bool show(bool shown);
    // What the search field and the filter choice ask for.
    ItemFilter filter() const;
    // The filter choice's entry, for the trace.
    int filterEntry() const;
    // Empties the search and shows every item again, sending no event.
    void clearFilter();
    // Empties the search only, sending no event.
    void clearSearch();
    // Sets the search text as typing it does (the filter follows).
    void setSearchText(const std::string& text);
    // Puts the focus in the search field with its text selected.
    void focusSearch();
    // The search field; its inner text control has it as parent.
    wxWindow* searchField() const;
    // Whether `focus` is in the search field while it holds text.
    bool searchingIn(const wxWindow* focus) const;
    // Gives the filter choice the width its chosen entry needs, the search field the rest;
    // when both cannot share the row, the choice goes under the search field. True when
    // anything changed (the panel then needs a layout).
    bool fitFilter();
    // Enables Undo and Redo as the session allows and names what Undo would undo.
    void showUndoState();
    // Opens the More… menu under its button and runs what is chosen.
    void openMoreMenu();
    // The More… menu as it would open now (null without a checklist); `templateKeys` gets
    // the key of each entry of its "add a template" submenu.
    std::unique_ptr<wxMenu> moreMenu(std::vector<std::string>& templateKeys) const;

private:
    void relabel(const std::locale& loc);

    wxWindow* panel_;
    PanelContext& context_;
    ToolbarActions actions_;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* filterChoice_ = nullptr;
    wxBoxSizer* filterRow_ = nullptr;
    int choiceArrow_ = -1; // what the choice adds around its text (measured once)
    wxButton* addSection_ = nullptr;
    wxButton* undo_ = nullptr;
    wxButton* redo_ = nullptr;
    wxButton* more_ = nullptr;
};

} // namespace rapport::ui
