#include "settings_page.h"

#include "checklist_view.h"
#include "document_paths.h"
#include "localization.h"
#include "preferences.h"
#include "relabeler.h"
#include "sidebar_controller.h"
#include "store_recovery.h"

#include <boost/locale/message.hpp>

#include <utility>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// A path shown whole and selectable, never edited here.
wxTextCtrl* pathField(wxWindow* parent, const std::filesystem::path& path, const char* name)
{
    return new wxTextCtrl(parent, wxID_ANY, fromUtf8(path.string()), wxDefaultPosition, wxDefaultSize,
                          wxTE_READONLY, wxDefaultValidator, name);
}

// A label wrapped to `width` instead of being cut (wxStaticText::Wrap breaks only at
// spaces, so Chinese would not wrap).
wxStaticText* wrappedText(wxWindow* parent, const wxString& text, int width)
{
    auto* label = new wxStaticText(parent, wxID_ANY, wxString());
    label->SetLabelText(wrapForLabel(*label, text, width));
    return label;
}

// A row of `grid`: its label, and a number in `range` starting at `value`, named `name`.
wxSpinCtrl* numberRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, std::pair<int, int> range,
                      int value, const char* name)
{
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* number = new wxSpinCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                                  range.first, range.second, value, name);
    grid->Add(number, 0);
    return number;
}

} // namespace

SettingsPage::SettingsPage(wxWindow* parent, SidebarController& controller)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-settings"),
      controller_(controller)
{
    const std::locale& loc = Localization::shared().locale(controller.language());
    const Preferences now = controller.preferences();
    const int gap = FromDIP(6);
    const int textWidth = FromDIP(420);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, gap, 2 * gap);
    grid->AddGrowableCol(1, 1);

    // TRANSLATORS: label of the choice of the language Rapport's sidebar speaks.
    grid->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("&Interface language:"), loc)), 0,
              wxALIGN_CENTER_VERTICAL);
    language_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                             "rapport-settings-language");
    // TRANSLATORS: an entry of the interface language choice: Rapport speaks the editor's language.
    language_->Append(translated(bl::translate("The editor's language"), loc));
    language_->SetSelection(0);
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
        language_->Append(fromUtf8(nativeLanguageName(kLanguages[i])));
        if (now.language == languageCode(kLanguages[i]))
            language_->SetSelection(static_cast<int>(i) + 1);
    }
    grid->Add(language_, 0, wxEXPAND);

    // TRANSLATORS: label of a number of days; an item waiting on the client longer than this is named in the header.
    const wxString waitingLabel = translated(bl::translate("&Waiting long after (days):"), loc);
    waitingDays_ = numberRow(this, grid, waitingLabel, kWaitingDaysRange, now.waiting_days,
                             "rapport-settings-waiting-days");
    // TRANSLATORS: label of the number of daily backups of the store that are kept.
    const wxString backupsLabel = translated(bl::translate("Daily &backups kept:"), loc);
    backupsKept_ = numberRow(this, grid, backupsLabel, kBackupsKeptRange, now.backups_kept,
                             "rapport-settings-backups-kept");

    const std::filesystem::path store = defaultStoreFile();
    // TRANSLATORS: label of the path of the file where Rapport keeps every checklist.
    grid->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("Store:"), loc)), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(pathField(this, store, "rapport-settings-store"), 1, wxEXPAND);
    // TRANSLATORS: label of the folder where the store's daily backups are kept.
    grid->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("Backups:"), loc)), 0,
              wxALIGN_CENTER_VERTICAL);
    grid->Add(pathField(this, backupFolder(store), "rapport-settings-backups"), 1, wxEXPAND);
    column->Add(grid, 0, wxEXPAND | wxALL, 2 * gap);

    // TRANSLATORS: check box: desktop notifications when an update or an item is due.
    reminders_ = new wxCheckBox(this, wxID_ANY, translated(bl::translate("&Desktop reminders"), loc),
                                wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-settings-reminders");
    reminders_->SetValue(now.reminders);
    column->Add(reminders_, 0, wxLEFT | wxRIGHT, 2 * gap);
    // TRANSLATORS: explains the Desktop reminders check box.
    column->Add(wrappedText(this,
                            translated(bl::translate("When the sidebar is hidden and a project's update is due or "
                                                     "an item is overdue, a notification says so, once a day per "
                                                     "project. Clicking it opens the document."),
                                       loc),
                            textWidth),
                0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    // TRANSLATORS: explains where the store lives and how to move it.
    column->Add(wrappedText(this,
                            translated(bl::translate("To keep the store elsewhere, quit the editor, move the folder "
                                                     "and set RAPPORT_DATA_DIR to its new place."),
                                       loc),
                            textWidth),
                0, wxALL, 2 * gap);
    SetSizer(column);
}

bool SettingsPage::apply(bool quiet)
{
    Preferences chosen = controller_.preferences();
    const int language = language_->GetSelection();
    chosen.language = language <= 0 ? std::string() : std::string(languageCode(kLanguages.at(language - 1)));
    chosen.reminders = reminders_->GetValue();
    chosen.waiting_days = waitingDays_->GetValue();
    chosen.backups_kept = backupsKept_->GetValue();
    const Status kept = controller_.setPreferences(chosen);
    if (!kept && !quiet) {
        const std::locale& loc = Localization::shared().locale(controller_.language());
        wxMessageBox(fromUtf8(kept.error().description(loc)), "Rapport", wxOK | wxICON_ERROR, this);
    }
    return static_cast<bool>(kept);
}

} // namespace rapport::ui
