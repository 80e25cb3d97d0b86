// What the user does to the checklist from the list and its buttons: tick, set a status,
// move, delete, add an item, a section or a template's sections, undo and redo. Each
// edit goes through the session (which owns the rules, the tick's included) and ends in
// one call to the panel with its outcome and trace line; the panel then redraws.
#pragma once

#include "item_detail.h"
#include "panel_context.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

class wxTextCtrl;

namespace rapport::ui {

class ChecklistView;

// The edits, applied to the list's selection.
class ChecklistEdits {
public:
    // `changed` shows an edit's outcome (ItemDetail reports its own edits the same way).
    ChecklistEdits(PanelContext& context, ChecklistView* list, ItemDetail* detail, wxTextCtrl* newItem,
                   ItemDetail::ChangeSink changed);

    // The selected item gets `status` (keeping its reason).
    void setStatusOfSelection(ItemStatus status);
    // Moves the selected item or section one place up (-1) or down (+1).
    void moveSelection(int step);
    // Deletes the selected section or custom item; template items are only explained.
    void deleteSelection();
    // Selects the item at list row `row` and ticks it, as a click on its icon does.
    void toggleRow(std::size_t row);
    // Ticks the item with `item_id`, shown or not.
    void tick(std::int64_t item_id);
    // Adds the text of the new-item field as an item of the selected row's section.
    void addItem();
    // Adds a section of the user's own and puts the focus on its title.
    void addSection();
    // Adds the sections of the template `template_key` to the checklist.
    void addTemplate(const std::string& template_key);
    // Undoes or redoes the checklist's latest change (text being typed is committed first).
    void undo();
    void redo();

private:
    // The selected row, copied; nullopt when none is selected.
    std::optional<ChecklistViewRow> selection() const;
    PanelContext& context_;
    ChecklistView* list_;
    ItemDetail* detail_;
    wxTextCtrl* newItem_;
    ItemDetail::ChangeSink changed_;
};

} // namespace rapport::ui
