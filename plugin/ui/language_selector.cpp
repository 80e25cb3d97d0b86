#include "language_selector.h"

#include "quick_labels.h"

#include <boost/locale/message.hpp>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// The menu's entries, one per language; ids clear of the panel's own menus.
constexpr int kMenuLanguageFirst = wxID_HIGHEST + 50;

} // namespace

LanguageSelector::LanguageSelector(wxWindow* panel, wxSizer* column, PanelContext& context)
    : panel_(panel), context_(context)
{
    const int gap = panel->FromDIP(6);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                   "rapport-language-label");
    // A button that opens a menu of the languages rather than a drop-down list: a list is
    // measured whole at once, and drawing "简体中文" there would load a CJK font (about
    // 2.6 MB inside the host) for every user; a menu draws the names only when opened.
    button_ = new wxButton(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                           "rapport-language");
    row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    row->Add(button_, 1, wxALIGN_CENTER_VERTICAL);
    column->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    // TRANSLATORS: label of the selector for the sidebar's interface language; keep it short.
    context_.relabeler().label(label, bl::translate("Language:"));
    context_.relabeler().tooltip(button_, bl::translate("The language of this sidebar. Reports choose their own."));
    button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { openMenu(); }); });
}

void LanguageSelector::openMenu()
{
    std::unique_ptr<wxMenu> shown = menu();
    const int chosen =
        panel_->GetPopupMenuSelectionFromUser(*shown, button_->GetPosition() + wxPoint(0, button_->GetSize().y));
    if (chosen >= kMenuLanguageFirst && chosen < kMenuLanguageFirst + static_cast<int>(names_.size()))
        choose(static_cast<std::size_t>(chosen - kMenuLanguageFirst));
}

void LanguageSelector::setChoices(const std::vector<std::string>& native_names, std::size_t selected,
                                  ChosenSink onChosen)
{
    chosenSink_ = std::move(onChosen);
    names_ = native_names;
    showChosen(selected);
}

void LanguageSelector::showChosen(std::size_t index)
{
    if (index >= names_.size())
        return;
    chosen_ = index;
    // Each language is named in itself, never translated; the arrow says a menu opens.
    setLabelQuickly(*button_, fromUtf8(names_[index] + " \xE2\x96\xBE"));
}

std::unique_ptr<wxMenu> LanguageSelector::menu() const
{
    auto shown = std::make_unique<wxMenu>();
    for (std::size_t i = 0; i < names_.size(); ++i) {
        shown->AppendRadioItem(kMenuLanguageFirst + static_cast<int>(i), fromUtf8(names_[i]));
        shown->Check(kMenuLanguageFirst + static_cast<int>(i), i == chosen_);
    }
    return shown;
}

void LanguageSelector::choose(std::size_t index)
{
    if (index >= names_.size())
        return;
    showChosen(index);
    if (chosenSink_)
        chosenSink_(index);
}

} // namespace rapport::ui
