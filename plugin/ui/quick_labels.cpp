#include "quick_labels.h"

#include <wx/anybutton.h>
#include <wx/choice.h>
#include <wx/stattext.h>
#include <wx/window.h>

#include <gtk/gtk.h>

namespace rapport::ui {

namespace {

// wx's '&' mnemonics as GTK's '_' ones ("&&" is a literal '&', '_' is doubled), as
// wxControl::GTKConvertMnemonics() makes them.
wxString gtkMnemonics(const wxString& label)
{
    wxString converted;
    converted.reserve(label.length() + 1);
    for (auto at = label.begin(); at != label.end(); ++at) {
        const wxUniChar c = *at;
        if (c == '&') {
            const auto next = at + 1;
            if (next == label.end())
                break; // a '&' with nothing to mark
            if (*next == '&') {
                converted += '&';
                ++at;
            } else {
                converted += '_';
            }
        } else if (c == '_') {
            converted += "__";
        } else {
            converted += c;
        }
    }
    return converted;
}

// The label widget GTK built inside a button (directly, or beside its image), or null.
GtkLabel* labelInside(GtkWidget* widget, int depth)
{
    if (GTK_IS_LABEL(widget))
        return GTK_LABEL(widget);
    if (depth == 0 || !GTK_IS_CONTAINER(widget))
        return nullptr;
    GtkLabel* found = nullptr;
    GList* children = gtk_container_get_children(GTK_CONTAINER(widget));
    for (GList* child = children; child && !found; child = child->next)
        found = labelInside(static_cast<GtkWidget*>(child->data), depth - 1);
    g_list_free(children);
    return found;
}

// Gives a text button's (or toggle button's) existing label widget the new text: what
// SetLabel() does without rebuilding the widget. False when there is no label widget to change.
bool relabelButton(wxAnyButton& button, const wxString& label)
{
    if (button.HasFlag(wxBU_NOTEXT) || label.empty() || button.GetLabel().empty() || !button.GetHandle())
        return false; // wx shows no text, or GTK has not built the label widget yet
    GtkLabel* shown = labelInside(button.GetHandle(), 3);
    if (!shown)
        return false;
    button.wxControl::SetLabel(label); // wx's record of it: GetLabel(), the best size to measure again
    gtk_label_set_text_with_mnemonic(shown, gtkMnemonics(label).utf8_str());
    return true;
}

// While a MeasureAtLayout lives: the panel lays out once at the end of a relabel.
int measuringAtLayout = 0;

// A static text takes its text without being measured now: a hidden one is measured when
// it is laid out after being shown, a shown one in the layout that ends a relabel (either
// way wx's measure now would be thrown away or repeated).
void setStaticTextUnmeasured(wxStaticText& text, const wxString& label, bool mnemonics)
{
    const bool resizes = !text.HasFlag(wxST_NO_AUTORESIZE);
    if (resizes)
        text.ToggleWindowStyle(wxST_NO_AUTORESIZE);
    if (mnemonics)
        text.SetLabel(label);
    else
        text.SetLabelText(label);
    if (resizes) {
        text.ToggleWindowStyle(wxST_NO_AUTORESIZE);
        text.InvalidateBestSize();
    }
}

} // namespace

void setLabelQuickly(wxWindow& window, const wxString& label)
{
    if (window.GetLabel() == label)
        return;
    if (auto* button = dynamic_cast<wxAnyButton*>(&window)) {
        if (relabelButton(*button, label))
            return;
    } else if (auto* text = dynamic_cast<wxStaticText*>(&window); text && (!text->IsShown() || measuringAtLayout > 0)) {
        setStaticTextUnmeasured(*text, label, true);
        return;
    }
    window.SetLabel(label);
}

MeasureAtLayout::MeasureAtLayout() { ++measuringAtLayout; }

MeasureAtLayout::~MeasureAtLayout() { --measuringAtLayout; }

void setLabelTextQuickly(wxStaticText& label, const wxString& text)
{
    if (label.GetLabel() == wxControl::EscapeMnemonics(text))
        return;
    if (!label.IsShown() || measuringAtLayout > 0)
        setStaticTextUnmeasured(label, text, false);
    else
        label.SetLabelText(text);
}

void setToolTipQuickly(wxWindow& window, const wxString& tip)
{
    if (window.GetToolTipText() != tip)
        window.SetToolTip(tip);
    if (window.GetHelpText() != tip)
        window.SetHelpText(tip);
}

void setChoiceStrings(wxChoice& choice, const std::vector<wxString>& entries)
{
    if (choice.GetCount() == entries.size()) {
        for (unsigned i = 0; i < entries.size(); ++i)
            if (choice.GetString(i) != entries[i])
                choice.SetString(i, entries[i]);
        return;
    }
    const int selected = choice.GetSelection();
    choice.Clear();
    for (const wxString& entry : entries)
        choice.Append(entry);
    if (selected >= 0 && static_cast<std::size_t>(selected) < entries.size())
        choice.SetSelection(selected);
}

} // namespace rapport::ui
