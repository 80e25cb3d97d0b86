#include "host_action_menu.h"

#include "panel_actions.h"
#include "relabeler.h"
#include "sidebar_controller.h"

#include <exception>
#include <memory>

#include <wx/accel.h>
#include <wx/menu.h>

namespace rapport::ui {

namespace {

std::string toUtf8(const wxString& text)
{
    const wxScopedCharBuffer utf8 = text.utf8_str();
    return std::string(utf8.data(), utf8.length());
}

// A key in one spelling whatever the label wrote ("ctrl-alt-p" and "Ctrl+Alt+P" agree).
std::string normalisedKey(const wxString& accelerator)
{
    std::unique_ptr<wxAcceleratorEntry> entry(wxAcceleratorEntry::Create("\t" + accelerator));
    return entry ? toUtf8(entry->ToRawString()) : std::string();
}

} // namespace

HostActionMenu::HostActionMenu(SidebarController& controller, wxEvtHandler& handler)
    : controller_(controller), handler_(handler)
{
}

HostActionMenu::~HostActionMenu()
{
    for (const auto& [name, id] : itemIds_) {
        handler_.Unbind(wxEVT_MENU, &HostActionMenu::onChosen, this, id);
        handler_.Unbind(wxEVT_UPDATE_UI, &HostActionMenu::onUpdate, this, id);
    }
}

void HostActionMenu::onChosen(wxCommandEvent& event)
{
    // A host callback: nothing thrown may reach the host's event loop.
    try {
        for (const auto& [name, id] : itemIds_)
            if (id == event.GetId())
                controller_.runPanelAction(name);
    } catch (const std::exception& e) {
        try {
            controller_.showProblem(e.what());
        } catch (...) {
        }
    } catch (...) {
    }
}

void HostActionMenu::onUpdate(wxUpdateUIEvent&)
{
    try {
        if (labelled_ != controller_.language())
            relabel();
    } catch (...) {
    }
}

wxMenu* HostActionMenu::build()
{
    menu_ = new wxMenu;
    labelled_ = controller_.language();
    const std::locale& loc = Localization::shared().locale(labelled_);
    for (const PanelAction& action : panelActions()) {
        int& id = itemIds_[std::string(action.id)];
        if (id == 0) {
            id = wxWindow::NewControlId();
            handler_.Bind(wxEVT_MENU, &HostActionMenu::onChosen, this, id);
            handler_.Bind(wxEVT_UPDATE_UI, &HostActionMenu::onUpdate, this, id);
        }
        wxString label = fromUtf8(panelActionLabel(action, loc));
        if (const std::string key = panelActionKeyText(action); !key.empty())
            label += "\t" + fromUtf8(key);
        menu_->Append(id, label);
    }
    return menu_;
}

void HostActionMenu::relabel()
{
    if (!menu_)
        return;
    labelled_ = controller_.language();
    const std::locale& loc = Localization::shared().locale(labelled_);
    for (const PanelAction& action : panelActions()) {
        wxMenuItem* item = menu_->FindItem(itemIds_[std::string(action.id)]);
        if (!item)
            continue;
        const wxString key = item->GetItemLabel().AfterFirst('\t'); // the host's binding, kept
        wxString label = fromUtf8(panelActionLabel(action, loc));
        if (!key.empty())
            label += "\t" + key;
        item->SetItemLabel(label);
    }
}

bool HostActionMenu::choose(std::string_view id)
{
    const auto found = itemIds_.find(std::string(id));
    if (found == itemIds_.end() || !menu_ || !menu_->FindItem(found->second))
        return false;
    wxCommandEvent chosen(wxEVT_MENU, found->second);
    handler_.ProcessEvent(chosen); // as choosing the menu item does
    return true;
}

std::vector<std::string> HostActionMenu::report(wxMenuBar* bar) const
{
    std::vector<std::string> lines;
    std::vector<std::string> ourKeys;
    std::map<std::string, std::string> hostKeys; // key -> the host item using it
    const auto ours = [&](int id) {
        for (const auto& [name, itemId] : itemIds_)
            if (itemId == id)
                return true;
        return false;
    };
    const auto walk = [&](const auto& self, wxMenu* menu) -> void {
        for (wxMenuItem* item : menu->GetMenuItems()) {
            if (item->GetSubMenu()) {
                self(self, item->GetSubMenu());
                continue;
            }
            const wxString key = item->GetItemLabel().AfterFirst('\t');
            if (ours(item->GetId())) {
                lines.push_back("action\t" + toUtf8(item->GetItemLabelText()) + "\t" + toUtf8(key));
                ourKeys.push_back(key.empty() ? std::string() : normalisedKey(key));
            } else if (!key.empty()) {
                hostKeys.emplace(normalisedKey(key), toUtf8(item->GetItemLabelText()));
            }
        }
    };
    if (bar)
        for (size_t i = 0; i < bar->GetMenuCount(); ++i)
            walk(walk, bar->GetMenu(i));
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (const auto clash = hostKeys.find(ourKeys[i]); !ourKeys[i].empty() && clash != hostKeys.end())
            lines[i] += "\tconflict=" + clash->second;
    return lines;
}

} // namespace rapport::ui
