// The client log's entries, drawn by hand as the checklist's rows are (checklist_view.h):
// a virtual list whose rows are a few paragraphs each (when, how and who; the kind and
// what became of it; what was said; our answer; the promise and its state), every one
// wrapped to the width, so nothing is cut in any language at any pane width.
#pragma once

#include "wrapped_list_box.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rapport::ui {

// One paragraph of a row, already translated.
struct LogParagraph {
    enum class Style {
        Heading, // bold: when, the channel, who
        Label,   // muted: the kind and what became of it
        Text,    // what the client said
        Detail,  // muted: our answer, a resolution
        Alert,   // bold, in the alert colour and with words: a broken promise
    } style = Style::Text;
    wxString text;
};

// What one row shows.
struct LogViewRow {
    std::int64_t id = 0; // the entry's number
    std::string uid;     // the same on every replica: a merge may number entries anew
    std::vector<LogParagraph> paragraphs;
};

// The list of entries.
class LogEntriesView : public WrappedListBox {
public:
    LogEntriesView(wxWindow* parent, const wxString& name);

    // Replaces every row; keeps the selection on the same entry (by uid) when it is still shown.
    void setRows(std::vector<LogViewRow> rows);
    const std::vector<LogViewRow>& rows() const noexcept { return rows_; }
    // The entry number of the selected row, or 0.
    std::int64_t selectedId() const;
    // Selects the row of entry `id` (none when it is not shown) and scrolls to it, sending no event.
    void selectId(std::int64_t id);
    // The lines row `n` draws at the current width, each paragraph wrapped (for tests that
    // check nothing is cut), and the width they may take.
    std::vector<wxString> wrappedLines(std::size_t n) const;
    // The widest of those lines in the font it is drawn in; at most textWidth() unless cut.
    int widestLine(std::size_t n) const;
    int textWidth() const;

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

private:
    struct Line {
        wxString text;
        LogParagraph::Style style;
    };
    const std::vector<Line>& wrapped(std::size_t n) const;
    const wxFont& fontOf(LogParagraph::Style style) const;
    // The wraps made in the old fonts dropped.
    void attributesChanged() override;

    std::vector<LogViewRow> rows_;
    mutable std::vector<std::vector<Line>> lines_;
    mutable std::vector<int> wrappedAt_; // the width each row's lines were wrapped for
};

} // namespace rapport::ui
