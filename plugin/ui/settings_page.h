// Rapport's preferences as one page a host puts in its own settings dialog (Code::Blocks:
// Settings → Environment → Rapport, through a cbConfigurationPanel): the interface language,
// desktop reminders, when an item waits "long" on the client, where the store and its
// backups live and how many daily backups are kept. The page only shows and collects; the
// choices are kept in settings.xml and applied by SidebarController::settingsChanged().
#pragma once

#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;

namespace rapport::ui {

class SidebarController;

// The page, in the sidebar's language at the time it is made.
class SettingsPage : public wxPanel {
public:
    SettingsPage(wxWindow* parent, SidebarController& controller);

    // Keeps the choices and applies them at once (the language switches live); false when
    // settings.xml could not be written, the problem then shown in a message box (unless
    // `quiet`) and logged.
    bool apply(bool quiet = false);

private:
    SidebarController& controller_;
    wxChoice* language_ = nullptr;   // 0: the editor's language, then each language
    wxCheckBox* reminders_ = nullptr;
    wxSpinCtrl* waitingDays_ = nullptr;
    wxSpinCtrl* backupsKept_ = nullptr;
};

} // namespace rapport::ui
