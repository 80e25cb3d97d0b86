#include <sdk.h> // Code::Blocks' precompiled SDK header must come first

#include "configuration_panel.h"

#include "settings_page.h"

#include <exception>

#include <wx/sizer.h>

namespace rapport::codeblocks {

ConfigurationPanel::ConfigurationPanel(wxWindow* parent, rapport::ui::SidebarController& controller)
{
    Create(parent, wxID_ANY);
    page_ = new rapport::ui::SettingsPage(this, controller);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(page_, 1, wxEXPAND);
    SetSizer(sizer);
}

wxString ConfigurationPanel::GetTitle() const { return "Rapport"; }

// Code::Blocks draws each page's icon from images/settings/NAME.png; its generic one.
wxString ConfigurationPanel::GetBitmapBaseName() const { return "generic-plugin"; }

void ConfigurationPanel::OnApply()
{
    try { // a host callback: the page shows its own problems, nothing reaches the host
        page_->apply();
    } catch (const std::exception&) {
    } catch (...) {
    }
}

} // namespace rapport::codeblocks
