// What the checklist view shows for the session's rows: each section heading with its
// done/counted figure, each item with its title, status word, due date (overdue stands
// out), who acts and whether it is internal, all in the panel's language.
#pragma once

#include "checklist_view.h"
#include "panel_context.h"

#include <vector>

namespace rapport::ui {

// The active checklist's rows under `filter`, ready for ChecklistView::setRows().
std::vector<ChecklistViewRow> listRows(const PanelContext& context, const ItemFilter& filter);

} // namespace rapport::ui
