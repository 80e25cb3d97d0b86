// What a person reads of a checklist: an item's title, a section's heading and a status's
// name, in a given language. One place for the fallbacks, so the sidebar, the command
// line and the reports never disagree about what an item is called.
#pragma once

#include "model.h"
#include "template_library.h"

#include <locale>
#include <string>

namespace rapport {

// The English msgid of an item's title and its catalogue context; a custom item's text
// is the user's own and is shown as typed (translatable is then false).
struct ItemText {
    std::string context;
    std::string text;
    bool translatable = false;
};

// The text behind `item`: the template's msgid, the user's text, or, when the template is
// gone (a user template deleted), "TEMPLATE / ITEM" so that the item is never blank.
ItemText itemText(const TemplateLibrary& templates, const ChecklistItem& item);

// An item's title in the language of `loc`.
std::string itemTitle(const TemplateLibrary& templates, const ChecklistItem& item, const std::locale& loc);

// A section's heading in the language of `loc`: the user's title, else the template's.
std::string sectionTitle(const TemplateLibrary& templates, const ChecklistSection& section, const std::locale& loc);

// A status as the sidebar names it, in the language of `loc` ("Waiting on client").
std::string statusName(ItemStatus status, const std::locale& loc);

} // namespace rapport
