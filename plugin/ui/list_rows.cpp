#include "list_rows.h"

#include "item_text.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <array>

namespace rapport::ui {

namespace bl = boost::locale;

std::vector<ChecklistViewRow> listRows(const PanelContext& context, const ItemFilter& filter)
{
    const SidebarSession& session = context.session();
    const std::locale& loc = context.locale();
    const Checklist& checklist = *session.checklist();
    const std::string day = context.today();
    const auto rows = session.rows(filter, Localization::shared(), context.language(), day);
    std::vector<ChecklistViewRow> shown;
    shown.reserve(rows.size());
    // The status words and other fixed texts, translated once per refresh rather than per row.
    std::array<wxString, 6> statusWords;
    for (std::size_t s = 0; s < statusWords.size(); ++s)
        statusWords[s] = fromUtf8(statusName(static_cast<ItemStatus>(s), loc));
    // TRANSLATORS: shown on an item the client has to act on.
    const wxString clientActs = translated(bl::translate("client to act"), loc);
    // TRANSLATORS: shown on an item we (the freelancer or agency) have to act on.
    const wxString weAct = translated(bl::translate("we act"), loc);
    // TRANSLATORS: shown on an item hidden from the client's reports.
    const wxString internalWord = translated(bl::translate("internal"), loc);
    const std::string overduePattern = bl::translate("Overdue: {1}").str(loc);
    // TRANSLATORS: an item's due date in the list; {1} is a date.
    const std::string duePattern = bl::translate("Due {1}").str(loc);
    for (const ChecklistRow& row : rows) {
        ChecklistViewRow view;
        if (row.kind == ChecklistRow::Kind::Section) {
            const ChecklistSection& section = checklist.sections[row.index];
            view.section = true;
            view.id = section.id;
            view.title = fromUtf8(session.sectionTitle(section, loc));
            const SectionFigures figures = sectionFiguresOf(checklist, section.id);
            view.progressText = wxString::Format("%zu/%zu", figures.done, figures.counted);
        } else {
            const ChecklistItem& item = checklist.items[row.index];
            view.id = item.id;
            view.title = fromUtf8(session.itemTitle(item, loc));
            view.status = item.status;
            view.statusWord = statusWords[static_cast<std::size_t>(item.status)];
            if (!item.due.empty()) {
                view.overdue = isOverdue(item, day);
                const std::string date = context.formattedDate(item.due).utf8_string();
                view.dueText = fromUtf8((bl::format(view.overdue ? overduePattern : duePattern) % date).str(loc));
            }
            view.ownerText = item.owner == Owner::Client ? clientActs : weAct;
            view.internal = item.internal;
            view.internalText = internalWord;
        }
        shown.push_back(std::move(view));
    }
    return shown;
}

} // namespace rapport::ui
