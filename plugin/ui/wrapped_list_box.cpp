#include "wrapped_list_box.h"

#include <wx/settings.h>

namespace rapport::ui {

WrappedListBox::WrappedListBox(wxWindow* parent, const wxString& name)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME | wxWANTS_CHARS, name)
{
    Bind(wxEVT_SYS_COLOUR_CHANGED, [this](wxSysColourChangedEvent& event) {
        cacheAttributes();
        RefreshAll();
        event.Skip();
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        // Rows wrap to the width: a new width means new heights.
        if (const int width = GetClientSize().GetWidth(); width != lastWidth_) {
            lastWidth_ = width;
            RefreshAll();
        }
        event.Skip();
    });
}

void WrappedListBox::cacheAttributes()
{
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
    SetFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
    font_ = GetFont();
    boldFont_ = font_.Bold();
    text_ = wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT);
    highlightText_ = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT);
    muted_ = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    const bool dark = text_.GetLuminance() > 0.5; // light text: a dark theme
    alert_ = dark ? wxColour(255, 140, 120) : wxColour(178, 34, 34);
    measuringBitmap_ = wxBitmap(1, 1);
    measuring_ = std::make_unique<wxMemoryDC>(measuringBitmap_);
    measuring_->SetFont(font_);
    lineHeight_ = measuring_->GetCharHeight();
    attributesChanged();
}

} // namespace rapport::ui
