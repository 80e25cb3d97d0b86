#include "checklist_edits.h"

#include "checklist_view.h"

#include <boost/locale/message.hpp>

#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

ChecklistEdits::ChecklistEdits(PanelContext& context, ChecklistView* list, ItemDetail* detail, wxTextCtrl* newItem,
                               ItemDetail::ChangeSink changed)
    : context_(context), list_(list), detail_(detail), newItem_(newItem), changed_(std::move(changed))
{
}

void ChecklistEdits::setStatusOfSelection(ItemStatus status)
{
    const ChecklistViewRow* shown = list_->selectedRow();
    if (!shown || shown->section)
        return;
    SidebarSession& session = context_.session();
    const std::int64_t id = shown->id;
    detail_->show(id, std::nullopt);
    const auto index = session.indexOfItem(id);
    const std::string reason = index ? session.checklist()->items[*index].status_reason : std::string();
    changed_(session.setStatus(id, status, reason),
             "status\titem=" + std::to_string(id) + "\t" + std::string(statusKeyword(status)));
}

void ChecklistEdits::moveSelection(int step)
{
    const std::optional<ChecklistViewRow> shown = selection();
    if (!shown)
        return;
    // The detail pane follows the moved row, so the user sees what moved.
    const std::string what = (shown->section ? "section=" : "item=") + std::to_string(shown->id);
    if (shown->section)
        detail_->show(std::nullopt, shown->id);
    else
        detail_->show(shown->id, std::nullopt);
    SidebarSession& session = context_.session();
    changed_(shown->section ? session.moveSection(shown->id, step) : session.moveItem(shown->id, step),
             "moved\t" + what + "\t" + std::to_string(step));
}

void ChecklistEdits::deleteSelection()
{
    const std::optional<ChecklistViewRow> selected = selection();
    if (!selected)
        return;
    const ChecklistViewRow& shown = *selected;
    SidebarSession& session = context_.session();
    if (shown.section) {
        changed_(session.deleteSection(shown.id), "deleted\tsection=" + std::to_string(shown.id));
    } else if (const auto index = session.indexOfItem(shown.id);
               index && isDeletable(session.checklist()->items[*index])) {
        changed_(session.deleteItem(shown.id), "deleted\titem=" + std::to_string(shown.id));
    } else {
        // TRANSLATORS: shown when Delete is pressed on an item that came from a template.
        context_.showProblem(bl::translate("Items from a template are not deleted: press 6 to mark one Not "
                                           "applicable, or make an editable copy.")
                                 .str(context_.locale()));
    }
}

void ChecklistEdits::toggleRow(std::size_t row)
{
    if (row >= list_->rows().size() || list_->rows()[row].section)
        return;
    const std::int64_t id = list_->rows()[row].id;
    list_->selectRow(static_cast<int>(row));
    context_.session().selectItem(id);
    detail_->show(id, std::nullopt);
    tick(id);
}

void ChecklistEdits::tick(std::int64_t item_id)
{
    SidebarSession& session = context_.session();
    const Status saved = session.toggleDone(item_id); // the session owns the rule
    const auto index = session.indexOfItem(item_id);
    const bool done = index && session.checklist()->items[*index].status == ItemStatus::Done;
    changed_(saved, "ticked\t" + session.documentPath() + "\titem=" + std::to_string(item_id) + "\tdone=" +
                        (done ? "1" : "0"));
}

void ChecklistEdits::addItem()
{
    const std::string text = newItem_->GetValue().Strip(wxString::both).utf8_string();
    if (text.empty())
        return;
    SidebarSession& session = context_.session();
    // The new item goes into the selected row's section, else the last one.
    std::int64_t section = 0;
    if (const ChecklistViewRow* shown = list_->selectedRow()) {
        if (shown->section) {
            section = shown->id;
        } else if (const auto index = session.indexOfItem(shown->id)) {
            section = session.checklist()->items[*index].section_id;
        }
    }
    auto added = session.addItem(section, text);
    if (!added) {
        context_.reportStatus(added.error()); // the text stays in the field: nothing typed is lost
        return;
    }
    newItem_->ChangeValue(wxString());
    session.selectItem(added.value());
    detail_->show(added.value(), std::nullopt);
    changed_({}, "added\titem=" + std::to_string(added.value()));
}

void ChecklistEdits::addSection()
{
    // TRANSLATORS: the title a new section starts with, until the user renames it.
    auto added = context_.session().addSection(bl::translate("New section").str(context_.locale()));
    if (!added) {
        context_.reportStatus(added.error());
        return;
    }
    detail_->show(std::nullopt, added.value());
    changed_({}, "added\tsection=" + std::to_string(added.value()));
    detail_->focusTitle();
}

void ChecklistEdits::addTemplate(const std::string& template_key)
{
    changed_(context_.session().addTemplate(template_key), "added\ttemplate=" + template_key);
}

void ChecklistEdits::undo()
{
    SidebarSession& session = context_.session();
    if (!session.canUndo())
        return;
    detail_->flushPending();
    const std::string name = session.undoName();
    changed_(session.undo(), "undone\t" + name);
}

void ChecklistEdits::redo()
{
    SidebarSession& session = context_.session();
    if (!session.canRedo())
        return;
    const std::string name = session.redoName();
    changed_(session.redo(), "redone\t" + name);
}

std::optional<ChecklistViewRow> ChecklistEdits::selection() const
{
    // A copy: the change redraws the list under it.
    const ChecklistViewRow* shown = list_->selectedRow();
    return shown ? std::optional<ChecklistViewRow>(*shown) : std::nullopt;
}

} // namespace rapport::ui
