#include "log_entries_view.h"

#include "checklist_view.h" // wrapText

#include <algorithm>

#include <wx/settings.h>

namespace rapport::ui {

LogEntriesView::LogEntriesView(wxWindow* parent, const wxString& name) : WrappedListBox(parent, name)
{
    cacheAttributes();
}

void LogEntriesView::attributesChanged() { wrappedAt_.assign(rows_.size(), -1); }

void LogEntriesView::setRows(std::vector<LogViewRow> rows)
{
    const int row = GetSelection();
    const std::string selected =
        row >= 0 && static_cast<std::size_t>(row) < rows_.size() ? rows_[static_cast<std::size_t>(row)].uid : std::string();
    const std::int64_t selectedNumber = selectedId();
    rows_ = std::move(rows);
    lines_.assign(rows_.size(), {});
    wrappedAt_.assign(rows_.size(), -1);
    SetItemCount(rows_.size());
    SetSelection(wxNOT_FOUND);
    const auto same = std::find_if(rows_.begin(), rows_.end(),
                                   [&](const LogViewRow& r) { return !selected.empty() && r.uid == selected; });
    if (same != rows_.end())
        selectId(same->id);
    else if (selected.empty())
        selectId(selectedNumber);
    RefreshAll();
}

std::int64_t LogEntriesView::selectedId() const
{
    const int row = GetSelection();
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size())
        return 0;
    return rows_[static_cast<std::size_t>(row)].id;
}

void LogEntriesView::selectId(std::int64_t id)
{
    if (id == 0)
        return;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].id == id) {
            SetSelection(static_cast<int>(i));
            ScrollToRow(i);
            return;
        }
}

int LogEntriesView::textWidth() const { return std::max(GetClientSize().GetWidth() - 2 * FromDIP(6), FromDIP(40)); }

const wxFont& LogEntriesView::fontOf(LogParagraph::Style style) const
{
    return style == LogParagraph::Style::Heading || style == LogParagraph::Style::Alert ? boldFont_ : font_;
}

const std::vector<LogEntriesView::Line>& LogEntriesView::wrapped(std::size_t n) const
{
    const int width = textWidth();
    if (wrappedAt_[n] == width)
        return lines_[n];
    std::vector<Line>& lines = lines_[n];
    lines.clear();
    for (const LogParagraph& paragraph : rows_[n].paragraphs) {
        measuring_->SetFont(fontOf(paragraph.style));
        for (const wxString& line : wrapText(*measuring_, paragraph.text, width))
            lines.push_back({line, paragraph.style});
    }
    wrappedAt_[n] = width;
    return lines;
}

std::vector<wxString> LogEntriesView::wrappedLines(std::size_t n) const
{
    std::vector<wxString> out;
    if (n < rows_.size())
        for (const Line& line : wrapped(n))
            out.push_back(line.text);
    return out;
}

int LogEntriesView::widestLine(std::size_t n) const
{
    int widest = 0;
    if (n < rows_.size())
        for (const Line& line : wrapped(n)) {
            measuring_->SetFont(fontOf(line.style));
            widest = std::max(widest, measuring_->GetTextExtent(line.text).x);
        }
    return widest;
}

wxCoord LogEntriesView::OnMeasureItem(size_t n) const
{
    if (n >= rows_.size())
        return lineHeight_;
    return static_cast<wxCoord>(wrapped(n).size()) * lineHeight_ + 2 * FromDIP(5);
}

void LogEntriesView::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const
{
    if (n >= rows_.size())
        return;
    const bool selected = IsSelected(n);
    int y = rect.y + FromDIP(5);
    for (const Line& line : wrapped(n)) {
        dc.SetFont(fontOf(line.style));
        const bool mutedStyle = line.style == LogParagraph::Style::Label || line.style == LogParagraph::Style::Detail;
        dc.SetTextForeground(selected                                    ? highlightText_
                             : line.style == LogParagraph::Style::Alert ? alert_
                             : mutedStyle                               ? muted_
                                                                        : text_);
        dc.DrawText(line.text, rect.x + FromDIP(6), y);
        y += lineHeight_;
    }
    // A rule between entries: rows of several paragraphs run together otherwise.
    if (!selected) {
        dc.SetPen(wxPen(muted_.ChangeLightness(160)));
        dc.DrawLine(rect.x, rect.GetBottom(), rect.GetRight(), rect.GetBottom());
    }
}

} // namespace rapport::ui
