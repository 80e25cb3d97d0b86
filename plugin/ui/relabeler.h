// Keeps every translatable label of a panel as its msgid, so the whole panel can be
// relabelled live in another language (the pattern KiCad and Audacity use; Poedit and
// Code::Blocks itself need a restart).
#pragma once

#include <boost/locale/message.hpp>

#include <functional>
#include <locale>
#include <string>
#include <vector>

#include <wx/string.h>

class wxWindow;

namespace rapport::ui {

// UTF-8 to wxString. The host process runs in the C locale, where the implicit
// conversion of UTF-8 text yields an empty string: always convert through here.
inline wxString fromUtf8(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

// The translation of `message` in `loc`, as a wxString.
inline wxString translated(const boost::locale::message& message, const std::locale& loc)
{
    return fromUtf8(message.str(loc));
}

// Remembers which msgid belongs to which widget and applies them in a language.
class Relabeler {
public:
    // The widget's label is `message`.
    void label(wxWindow* window, boost::locale::message message);
    // The widget's tooltip and accessible help is `message`.
    void tooltip(wxWindow* window, boost::locale::message message);
    // Any other relabelling (choice items, dynamic text), run on every apply().
    void custom(std::function<void(const std::locale&)> apply);
    // Sets every label, tooltip and custom text in `loc`.
    void apply(const std::locale& loc) const;

private:
    struct Entry {
        wxWindow* window;
        boost::locale::message message;
        bool isTooltip;
    };
    std::vector<Entry> entries_;
    std::vector<std::function<void(const std::locale&)>> customs_;
};

} // namespace rapport::ui
