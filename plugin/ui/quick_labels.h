// Giving a control a new text with no more native work than the change needs: what a live
// language switch does to every label, button, tooltip and choice of the panel at once.
//
// On GTK, wxButton::SetLabel() throws away the button's label widget and builds a new one
// (gtk_button_set_label(), which looks its style up again), and wxStaticText::SetLabel()
// measures the text at once even when the label is hidden; wxChoice::Clear() and Append()
// remove and insert every row of the model. These keep the widgets and change their text.
#pragma once

#include <vector>

#include <wx/string.h>

class wxChoice;
class wxStaticText;
class wxWindow;

namespace rapport::ui {

// Sets the label (with '&' mnemonics, as SetLabel() takes it) of a button, a static text,
// a checkbox or any other window; nothing when it already has it. A text or toggle button
// keeps its GTK label widget and only that widget's text changes; a hidden static text is measured
// when it is next laid out rather than now.
void setLabelQuickly(wxWindow& window, const wxString& label);
// The same for a static text given plain text (SetLabelText(): '&' is itself).
void setLabelTextQuickly(wxStaticText& label, const wxString& text);
// While one lives, shown static texts given a new text are not measured at once either: the
// caller lays their window out when it ends (a relabel of the whole panel, which measures
// every label in that one layout instead of once here and again there). UI thread only.
class MeasureAtLayout {
public:
    MeasureAtLayout();
    ~MeasureAtLayout();
    MeasureAtLayout(const MeasureAtLayout&) = delete;
    MeasureAtLayout& operator=(const MeasureAtLayout&) = delete;
};

// Sets the tooltip and the accessible help text; nothing when it already has them.
void setToolTipQuickly(wxWindow& window, const wxString& tip);
// Gives `choice` exactly these entries, keeping its selection: the same number of entries
// are renamed in place; otherwise the entries are replaced.
void setChoiceStrings(wxChoice& choice, const std::vector<wxString>& entries);

} // namespace rapport::ui
