// The checklist's rows, drawn by hand: a virtual list that measures and paints only
// the rows in view, so showing a document with hundreds of items costs one frame.
// Each row shows its status as an icon and a word (never colour alone), the title
// wrapped to the width, the due date (overdue stands out), and the owner.
#pragma once

#include "accessible_rows.h"
#include "store.h"
#include "wrapped_list_box.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include <wx/bmpbndl.h>
#include <wx/dcmemory.h>
#include <wx/stattext.h>
#include <wx/vlbox.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace rapport::ui {

// What one row shows, already translated.
struct ChecklistViewRow {
    bool section = false;      // a section heading rather than an item
    std::int64_t id = 0;       // the item's or the section's id
    wxString title;
    ItemStatus status = ItemStatus::ToDo;
    wxString statusWord;       // the status in the interface language
    wxString dueText;          // "" when there is no due date
    bool overdue = false;
    wxString ownerText;        // "" when it is ours (the usual case)
    bool internal = false;
    wxString internalText;     // the word shown for internal items
    wxString progressText;     // for a section: "2/5"
};

// The list of rows.
class ChecklistView : public WrappedListBox, private AccessibleRowSource {
public:
    // `onToggle` runs when the status icon is clicked (the mouse path to tick an item).
    ChecklistView(wxWindow* parent, const wxString& name);

    // Replaces every row; keeps the selection on the same id when it is still shown.
    void setRows(std::vector<ChecklistViewRow> rows);
    // The icons drawn for each status, indexed by the status's number.
    void setStatusIcons(std::array<wxBitmapBundle, 6> icons);
    // Called with the row index when a status icon is clicked.
    void onIconClicked(std::function<void(std::size_t row)> handler) { iconClicked_ = std::move(handler); }

    const std::vector<ChecklistViewRow>& rows() const noexcept { return rows_; }
    // The selected row, or nullptr when none is (or the selection is out of date).
    const ChecklistViewRow* selectedRow() const;
    // The row of the item or section with `id`, or -1.
    int rowOf(bool section, std::int64_t id) const;
    // What row `n` draws and where, wrapped to the list's width: title lines, then the
    // second line's pieces (for tests that check nothing is cut).
    struct RowLayout {
        std::vector<wxString> title;
        std::vector<wxString> meta; // each piece's text, separators left out
        std::vector<int> metaRight; // each piece's right edge from the text's left edge
        int width = 0;              // the width the text may take
        int height = 0;             // the height its lines take, without padding
    };
    RowLayout layoutOf(size_t n) const;
    // What a screen reader is told (wxAccessible does not exist on GTK): the list's ATK
    // role and `name`, every row as a child named with what spokenRow() says (selected,
    // checked when done), and the selected row's words as the list's description. See
    // accessible_rows.h and FIELD-NOTES "Accessibility on wxGTK" (route b).
    void setAccessibleName(const wxString& name);
    // Tells the screen reader about the selected row (after a selection change).
    void announceSelection();
    // A row read out: title, status, due date, owner, internal ("" when out of range).
    wxString spokenRow(size_t n) const;
    // Selects a row and scrolls it into view, sending no event.
    void selectRow(int row);
    // How many rows have been drawn since the counter was reset (for tests and benchmarks).
    std::size_t paintedRows() const noexcept { return paintedRows_; }

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;
    // A guess from the row kinds alone (one title line each), so that a new document's rows
    // are not wrapped just to size the scroll bar: only the rows in view are measured.
    wxCoord EstimateTotalHeight() const override;

private:
    // One piece of a row's second line (status, due date, owner, internal) where it is drawn.
    struct MetaPiece {
        wxString text;
        int x = 0;       // from the text's left edge
        int line = 0;    // 0 for the first line under the title
        bool separator = false;
        bool emphasis = false; // overdue: bold and in the overdue colour
    };
    // The title's lines at `width` pixels, cached until the width or the rows change.
    const std::vector<wxString>& wrappedTitle(size_t n, int width) const;
    // The second line's pieces at `width` pixels, wrapped as units: a piece moves to the next
    // line whole when it fits there, is wrapped itself only when wider than a line, and no
    // line starts with the separator. Cached with the title.
    const std::vector<MetaPiece>& wrappedMeta(size_t n, int width) const;
    void wrapMeta(const ChecklistViewRow& row, int width, std::vector<MetaPiece>& pieces) const;
    static int metaLines(const std::vector<MetaPiece>& pieces);
    int textWidth() const;
    // The italic and small fonts from the base's, and the wraps made in the old ones dropped.
    void attributesChanged() override;
    void onLeftDown(wxMouseEvent& event);

    // AccessibleRowSource: what the accessibility layer asks.
    std::size_t accessibleRowCount() const override { return rows_.size(); }
    wxString accessibleRowText(std::size_t row) const override { return spokenRow(row); }
    bool accessibleRowIsItem(std::size_t row) const override;
    bool accessibleRowIsDone(std::size_t row) const override;
    bool accessibleRowShown(std::size_t row) const override;
    int accessibleSelection() const override;
    bool accessibleListHasFocus() const override { return HasFocus(); }
    bool accessibleSelectRow(std::size_t row) override;

    std::vector<ChecklistViewRow> rows_;
    std::array<wxBitmapBundle, 6> icons_;
    std::function<void(std::size_t)> iconClicked_;
    mutable std::vector<std::vector<wxString>> wrapped_;
    mutable std::vector<int> wrappedAt_; // the width each cached wrap was made for
    mutable std::vector<std::vector<MetaPiece>> meta_;
    mutable std::vector<int> metaAt_;
    // Wraps made before, by text and width, kept across setRows(): the rows of a document
    // switched back to, or of a language shown before, are not measured again. Bounded.
    mutable std::unordered_map<std::wstring, std::vector<wxString>> recentTitles_;
    mutable std::unordered_map<std::wstring, std::vector<MetaPiece>> recentMeta_;
    mutable std::size_t paintedRows_ = 0;
    wxFont italicFont_, smallFont_, smallBoldFont_;
    int smallLineHeight_ = 0;
    AccessibleRows accessible_{*this, *this}; // last: let go first, while the widget is alive
};

// Breaks `text` into lines no wider than `width` in `dc`'s font: at spaces where it can,
// between any two CJK characters, and inside a word that is wider than a whole line.
std::vector<wxString> wrapText(const wxDC& dc, const wxString& text, int width);

// `text` with line breaks inserted so that it fits `width` pixels in `window`'s font, kept
// paragraphs and all. wxStaticText::Wrap() breaks only at spaces, so Chinese never wraps.
wxString wrapForLabel(const wxWindow& window, const wxString& text, int width);

// Static texts shown wrapped to a width. Wrapping measures every word, so a label is
// touched only when its text or its width changed.
class WrappedLabels {
public:
    // Shows `text` in `label` wrapped to `width`; true when the label changed.
    bool set(wxStaticText* label, const wxString& text, int width);
    // The unwrapped text last given for `label`.
    wxString plain(wxStaticText* label) const;

private:
    std::map<wxStaticText*, std::pair<wxString, int>> shown_; // unwrapped text and width
};

} // namespace rapport::ui
