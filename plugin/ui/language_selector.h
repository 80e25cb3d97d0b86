// The sidebar's own language selector: a label and a button that opens a menu of the
// languages, each named in itself. Choosing one relabels the panel at once, without a
// restart, and never touches the host's language.
#pragma once

#include "panel_context.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxMenu;
class wxSizer;
class wxWindow;

namespace rapport::ui {

// The selector row at the top of the panel.
class LanguageSelector {
public:
    // The user picked the language at `index` of the choices given to setChoices().
    using ChosenSink = std::function<void(std::size_t index)>;

    // Builds the row inside `panel` and adds it to `column`.
    LanguageSelector(wxWindow* panel, wxSizer* column, PanelContext& context);

    // Fills the selector with native names and shows `selected`.
    void setChoices(const std::vector<std::string>& native_names, std::size_t selected, ChosenSink onChosen);
    // Shows the language at `index` as the chosen one, without telling anyone.
    void showChosen(std::size_t index);
    // The same path choosing a language in the menu takes.
    void choose(std::size_t index);
    // The menu: every language, named in itself, the current one checked.
    std::unique_ptr<wxMenu> menu() const;

private:
    void openMenu();

    wxWindow* panel_;
    PanelContext& context_;
    wxButton* button_ = nullptr;
    ChosenSink chosenSink_;
    std::vector<std::string> names_; // native names, in the order of setChoices()
    std::size_t chosen_ = 0;
};

} // namespace rapport::ui
