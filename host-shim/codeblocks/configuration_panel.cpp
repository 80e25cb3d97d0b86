#include <sdk.h> // Code::Blocks' precompiled SDK header must come first

#include "configuration_panel.h"

#include "localization.h"
#include "settings_page.h"
#include "sidebar_controller.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <logmanager.h>
#include <manager.h>

#include <exception>
#include <string>

#include <wx/msgdlg.h>
#include <wx/sizer.h>

namespace rapport::codeblocks {

ConfigurationPanel::ConfigurationPanel(wxWindow* parent, rapport::ui::SidebarController& controller)
    : controller_(controller)
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
    } catch (const std::exception& e) {
        unexpectedProblem(e.what());
    } catch (...) {
        unexpectedProblem("unknown exception");
    }
}

void ConfigurationPanel::unexpectedProblem(const char* what) noexcept
{
    // Into Code::Blocks' log, as the plugin logs its other failures, then to the user.
    try {
        const std::string line = std::string("Rapport: unexpected error applying the settings: ") + what;
        Manager::Get()->GetLogManager()->LogError(wxString::FromUTF8(line.data(), line.size()));
    } catch (...) {
    }
    try {
        namespace bl = boost::locale;
        const std::locale& loc = Localization::shared().locale(controller_.language());
        // TRANSLATORS: shown when pressing OK in the editor's settings dialog failed; {1} is the technical reason, in English.
        const std::string text = (bl::format(bl::translate("Rapport's settings may not all have been applied: an "
                                                           "unexpected problem stopped them. Please report this, "
                                                           "with the details: {1}")) %
                                  what)
                                     .str(loc);
        wxMessageBox(wxString::FromUTF8(text.data(), text.size()), "Rapport", wxOK | wxICON_ERROR, this);
    } catch (...) {
    }
}

} // namespace rapport::codeblocks
