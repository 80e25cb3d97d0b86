// What a screen reader is given for an owner-drawn list (wxAccessible does not exist on
// wxGTK): the list's ATK role and name, every row as an accessible child (a list item
// named with the row's readable text, selected, checkable and checked when done), the
// selection through AtkSelection, and the selected row's text as the list's description.
// Everything GTK/ATK-specific lives in accessible_rows.cpp: FIELD-NOTES "Accessibility on
// wxGTK", route (b). Nothing thrown here or by the source reaches GTK.
#pragma once

#include <wx/string.h>

#include <cstddef>

class wxWindow;

namespace rapport::ui {

// What the accessibility layer asks the list (called from GTK, on the UI thread).
class AccessibleRowSource {
public:
    virtual std::size_t accessibleRowCount() const = 0;
    // The row as read out: its title, status, due date, owner ("" when out of range).
    virtual wxString accessibleRowText(std::size_t row) const = 0;
    // An item (checkable) rather than a section heading.
    virtual bool accessibleRowIsItem(std::size_t row) const = 0;
    virtual bool accessibleRowIsDone(std::size_t row) const = 0;
    // The row is scrolled into view.
    virtual bool accessibleRowShown(std::size_t row) const = 0;
    // The selected row, or -1.
    virtual int accessibleSelection() const = 0;
    virtual bool accessibleListHasFocus() const = 0;
    // Selects `row` as a click would (AtkSelection from an assistive tool); false when not done.
    virtual bool accessibleSelectRow(std::size_t row) = 0;

protected:
    ~AccessibleRowSource() = default;
};

// Gives `list`'s accessible object the rows of `source` as children. Both must outlive
// this object; the accessible object may outlive both (an assistive tool may hold it), so
// the destructor leaves it answering with no rows.
class AccessibleRows {
public:
    AccessibleRows(wxWindow& list, AccessibleRowSource& source);
    ~AccessibleRows();
    AccessibleRows(const AccessibleRows&) = delete;
    AccessibleRows& operator=(const AccessibleRows&) = delete;

    // The list's role (a list) and its name.
    void setName(const wxString& name);
    // The rows were replaced: `before` rows then, the source's count now. Tells assistive
    // tools which children came and went and which kept rows changed their text or state.
    void rowsChanged(std::size_t before);
    // The selection moved (or its row's words changed): the rows' selected and focused
    // states, selection-changed, the active descendant, and the list's description.
    void selectionChanged();

private:
    void tellRowsChanged(std::size_t before);
    void tellSelectionChanged();

    AccessibleRowSource& source_;
    void* accessible_ = nullptr; // the list's AtkObject, weakly held
    bool rows_ = false;          // it was given the rows (else: role, name, description only)
    wxString description_;
};

} // namespace rapport::ui
