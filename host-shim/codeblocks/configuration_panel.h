// Rapport's page in Code::Blocks' Settings → Environment: the host-neutral SettingsPage
// (plugin/ui/settings_page.h) inside the cbConfigurationPanel Code::Blocks asks plugins for.
#pragma once

#include <configurationpanel.h>

namespace rapport::ui {
class SettingsPage;
class SidebarController;
} // namespace rapport::ui

namespace rapport::codeblocks {

// Code::Blocks calls OnApply when the dialog's OK is pressed; it owns the panel.
class ConfigurationPanel : public cbConfigurationPanel {
public:
    ConfigurationPanel(wxWindow* parent, rapport::ui::SidebarController& controller);

    wxString GetTitle() const override;
    wxString GetBitmapBaseName() const override;
    void OnApply() override;
    void OnCancel() override {}

    // The page inside (the end-to-end test drives it).
    rapport::ui::SettingsPage* page() const noexcept { return page_; }

private:
    // Logs an exception that escaped applying the settings and tells the user.
    void unexpectedProblem(const char* what) noexcept;

    rapport::ui::SidebarController& controller_;
    rapport::ui::SettingsPage* page_;
};

} // namespace rapport::codeblocks
