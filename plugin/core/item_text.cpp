#include "item_text.h"

#include <boost/locale/message.hpp>

namespace rapport {

namespace bl = boost::locale;

ItemText itemText(const TemplateLibrary& templates, const ChecklistItem& item)
{
    if (item.template_key.empty())
        return {{}, item.custom_text, false};
    if (const TemplateItem* known = templates.findItem(item.template_key, item.item_key))
        return {"template:" + item.template_key, known->title, true};
    return {{}, item.template_key + " / " + item.item_key, false};
}

std::string itemTitle(const TemplateLibrary& templates, const ChecklistItem& item, const std::locale& loc)
{
    const ItemText text = itemText(templates, item);
    if (!text.translatable)
        return text.text;
    return bl::translate(text.context.c_str(), text.text.c_str()).str(loc);
}

std::string sectionTitle(const TemplateLibrary& templates, const ChecklistSection& section, const std::locale& loc)
{
    if (!section.custom_title.empty())
        return section.custom_title;
    if (const ChecklistTemplate* owner = templates.find(section.template_key)) {
        for (const auto& known : owner->sections)
            if (known.key == section.section_key)
                return bl::translate(owner->context().c_str(), known.title.c_str()).str(loc);
        if (section.section_key.empty())
            return bl::translate(owner->context().c_str(), owner->title.c_str()).str(loc);
    }
    // TRANSLATORS: the heading of a checklist section that has no title of its own.
    return bl::translate("Items").str(loc);
}

std::string statusName(ItemStatus status, const std::locale& loc)
{
    switch (status) {
    case ItemStatus::ToDo:
        // TRANSLATORS: an item's status: not started yet.
        return bl::translate("status", "To do").str(loc);
    case ItemStatus::InProgress:
        // TRANSLATORS: an item's status: being worked on.
        return bl::translate("status", "In progress").str(loc);
    case ItemStatus::WaitingOnClient:
        // TRANSLATORS: an item's status: we cannot go on until the client answers or sends something.
        return bl::translate("status", "Waiting on client").str(loc);
    case ItemStatus::Blocked:
        // TRANSLATORS: an item's status: stuck for a reason other than the client.
        return bl::translate("status", "Blocked").str(loc);
    case ItemStatus::Done:
        // TRANSLATORS: an item's status: finished.
        return bl::translate("status", "Done").str(loc);
    case ItemStatus::NotApplicable:
        // TRANSLATORS: an item's status: does not apply to this project.
        return bl::translate("status", "Not applicable").str(loc);
    }
    return {};
}

} // namespace rapport
