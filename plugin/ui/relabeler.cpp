#include "relabeler.h"

#include "quick_labels.h"

#include <wx/window.h>

namespace rapport::ui {

void Relabeler::label(wxWindow* window, boost::locale::message message)
{
    entries_.push_back({window, std::move(message), false});
}

void Relabeler::tooltip(wxWindow* window, boost::locale::message message)
{
    entries_.push_back({window, std::move(message), true});
}

void Relabeler::custom(std::function<void(const std::locale&)> apply) { customs_.push_back(std::move(apply)); }

void Relabeler::apply(const std::locale& loc) const
{
    for (const Entry& entry : entries_) {
        const wxString text = translated(entry.message, loc);
        if (entry.isTooltip)
            setToolTipQuickly(*entry.window, text);
        else
            setLabelQuickly(*entry.window, text);
    }
    for (const auto& apply : customs_)
        apply(loc);
}

} // namespace rapport::ui
