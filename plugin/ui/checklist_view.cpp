#include "checklist_view.h"

#include "line_breaking.h"
#include "quick_labels.h"

#include <wx/dcmemory.h>
#include <wx/settings.h>

#include <algorithm>
#include <initializer_list>

namespace rapport::ui {

std::vector<wxString> wrapText(const wxDC& dc, const wxString& text, int width)
{
    std::vector<wxString> lines;
    if (text.empty()) {
        lines.emplace_back();
        return lines;
    }
    wxArrayInt extents;
    if (!dc.GetPartialTextExtents(text, extents) || extents.size() != text.length()) {
        lines.push_back(text);
        return lines;
    }
    width = std::max(width, 20);
    // Where Unicode allows a break (UAX #14, by ICU): at spaces, between ideographs, never
    // at a no-break space, never before "。" or a closing bracket.
    std::u32string codes;
    codes.reserve(text.length());
    for (const wxUniChar c : text)
        codes.push_back(static_cast<char32_t>(c.GetValue()));
    const std::vector<bool> breaks = lineBreaksBefore(codes);
    std::size_t start = 0;         // first character of the current line
    std::size_t lastBreak = 0;     // one past the last place the line may break, or 0
    int startX = 0;                // extent before `start`
    const std::size_t length = text.length();
    for (std::size_t i = 0; i < length; ++i) {
        const int lineWidth = extents[i] - startX;
        // Spaces hang at the end of a line: they never make it overflow.
        if (lineWidth > width && i > start && text[i] != ' ') {
            const std::size_t end = lastBreak > start ? lastBreak : i;
            wxString line = text.Mid(start, end - start);
            line.Trim(true);
            lines.push_back(line);
            start = end;
            while (start < length && text[start] == ' ')
                ++start;
            startX = start > 0 ? extents[start - 1] : 0;
            lastBreak = 0;
            i = start > 0 ? start - 1 : 0;
            if (start >= length)
                break;
            continue;
        }
        if (i + 1 < length && breaks[i + 1])
            lastBreak = i + 1;
    }
    if (start < length)
        lines.push_back(text.Mid(start));
    if (lines.empty())
        lines.emplace_back();
    return lines;
}

wxString wrapForLabel(const wxWindow& window, const wxString& text, int width)
{
    wxBitmap pixel(1, 1);
    wxMemoryDC dc(pixel);
    dc.SetFont(window.GetFont());
    wxString wrapped;
    wxString rest = text;
    while (true) {
        const int newline = rest.Find('\n');
        const wxString paragraph = newline == wxNOT_FOUND ? rest : rest.Left(static_cast<size_t>(newline));
        for (const wxString& line : wrapText(dc, paragraph, width)) {
            if (!wrapped.empty())
                wrapped += '\n';
            wrapped += line;
        }
        if (newline == wxNOT_FOUND)
            break;
        rest = rest.Mid(static_cast<size_t>(newline) + 1);
    }
    return wrapped;
}

bool WrappedLabels::set(wxStaticText* label, const wxString& text, int width)
{
    auto& shown = shown_[label];
    if (shown.first == text && shown.second == width)
        return false;
    shown = {text, width};
    // Two pixels to spare: GTK's own measure of a line may round a pixel wider than ours.
    // Text, not markup: '&' stays itself. A hidden label is measured when it is shown.
    setLabelTextQuickly(*label, wrapForLabel(*label, text, width - label->FromDIP(2)));
    return true;
}

wxString WrappedLabels::plain(wxStaticText* label) const
{
    const auto found = shown_.find(label);
    return found == shown_.end() ? wxString() : found->second.first;
}

ChecklistView::ChecklistView(wxWindow* parent, const wxString& name) : WrappedListBox(parent, name)
{
    cacheAttributes();
    Bind(wxEVT_LEFT_DOWN, &ChecklistView::onLeftDown, this);
    // The selected row is the focused one while the list has the focus.
    const auto focusMoved = [this](wxFocusEvent& event) {
        announceSelection();
        event.Skip();
    };
    Bind(wxEVT_SET_FOCUS, focusMoved);
    Bind(wxEVT_KILL_FOCUS, focusMoved);
}

void ChecklistView::attributesChanged()
{
    italicFont_ = font_.Italic();
    smallFont_ = font_;
    smallFont_.SetFractionalPointSize(font_.GetFractionalPointSize() * 0.9);
    smallBoldFont_ = smallFont_.Bold();
    measuring_->SetFont(smallFont_);
    smallLineHeight_ = measuring_->GetCharHeight();
    wrappedAt_.assign(rows_.size(), -1);
    metaAt_.assign(rows_.size(), -1);
    recentTitles_.clear();
    recentMeta_.clear();
}

void ChecklistView::setRows(std::vector<ChecklistViewRow> rows)
{
    const int selected = GetSelection();
    bool hadSelection = selected >= 0 && static_cast<std::size_t>(selected) < rows_.size();
    const bool wasSection = hadSelection && rows_[static_cast<std::size_t>(selected)].section;
    const std::int64_t selectedId = hadSelection ? rows_[static_cast<std::size_t>(selected)].id : 0;
    const std::size_t before = rows_.size();
    rows_ = std::move(rows);
    wrapped_.assign(rows_.size(), {});
    wrappedAt_.assign(rows_.size(), -1);
    meta_.assign(rows_.size(), {});
    metaAt_.assign(rows_.size(), -1);
    SetItemCount(rows_.size());
    const int again = hadSelection ? rowOf(wasSection, selectedId) : -1;
    SetSelection(again);
    accessible_.rowsChanged(before);
    announceSelection(); // the row's words may have changed (a tick, another language)
    RefreshAll();
}

void ChecklistView::setStatusIcons(std::array<wxBitmapBundle, 6> icons)
{
    icons_ = std::move(icons);
    Refresh();
}

int ChecklistView::rowOf(bool section, std::int64_t id) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].section == section && rows_[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void ChecklistView::setAccessibleName(const wxString& name) { accessible_.setName(name); }

wxString ChecklistView::spokenRow(size_t n) const
{
    if (n >= rows_.size())
        return {};
    const ChecklistViewRow& row = rows_[n];
    if (row.section)
        return row.title + ", " + row.progressText;
    wxString spoken = row.title;
    for (const wxString* part : {&row.statusWord, &row.dueText, &row.ownerText})
        if (!part->empty())
            spoken += ", " + *part;
    if (row.internal)
        spoken += ", " + row.internalText;
    return spoken;
}

void ChecklistView::announceSelection() { accessible_.selectionChanged(); }

bool ChecklistView::accessibleRowIsItem(std::size_t row) const { return row < rows_.size() && !rows_[row].section; }

bool ChecklistView::accessibleRowIsDone(std::size_t row) const
{
    return accessibleRowIsItem(row) && rows_[row].status == ItemStatus::Done;
}

bool ChecklistView::accessibleRowShown(std::size_t row) const { return row < rows_.size() && IsRowVisible(row); }

int ChecklistView::accessibleSelection() const
{
    const int row = GetSelection();
    return row >= 0 && static_cast<std::size_t>(row) < rows_.size() ? row : -1;
}

bool ChecklistView::accessibleSelectRow(std::size_t row)
{
    if (row >= rows_.size())
        return false;
    SetSelection(static_cast<int>(row));
    SendSelectedEvent(); // as a click would: the panel shows the row's details and announces it
    return true;
}

void ChecklistView::selectRow(int row)
{
    SetSelection(row); // wxVListBox scrolls the new current row into view, to the top
    announceSelection();
    // Keep the row above in view too: usually the heading that says which section this is.
    if (row > 0 && GetVisibleRowsBegin() == static_cast<size_t>(row))
        ScrollToRow(static_cast<size_t>(row - 1));
}

int ChecklistView::textWidth() const
{
    const int margin = FromDIP(6);
    const int icon = FromDIP(16);
    return std::max(GetClientSize().GetWidth() - 3 * margin - icon, FromDIP(40));
}

namespace {

// How many wraps of titles (and as many of second lines) are kept: a few languages of a
// few hundred rows; beyond it they are forgotten all at once.
constexpr std::size_t kRecentWraps = 2048;

// The key of a wrap made at `width` of `texts`, each after a separator (a control character
// none of the row texts holds).
std::wstring wrapKey(int width, std::initializer_list<const wxString*> texts)
{
    std::wstring key = std::to_wstring(width);
    for (const wxString* text : texts) {
        key += L'\x1f';
        key += text->ToStdWstring();
    }
    return key;
}

} // namespace

const std::vector<wxString>& ChecklistView::wrappedTitle(size_t n, int width) const
{
    if (wrappedAt_[n] != width) {
        const wxString kind = rows_[n].section ? "s" : "i";
        const std::wstring key = wrapKey(width, {&kind, &rows_[n].title});
        if (const auto known = recentTitles_.find(key); known != recentTitles_.end()) {
            wrapped_[n] = known->second;
        } else {
            measuring_->SetFont(rows_[n].section ? boldFont_ : font_);
            wrapped_[n] = wrapText(*measuring_, rows_[n].title, rows_[n].section ? width - FromDIP(40) : width);
            if (recentTitles_.size() >= kRecentWraps)
                recentTitles_.clear();
            recentTitles_.emplace(key, wrapped_[n]);
        }
        wrappedAt_[n] = width;
    }
    return wrapped_[n];
}

const std::vector<ChecklistView::MetaPiece>& ChecklistView::wrappedMeta(size_t n, int width) const
{
    if (metaAt_[n] == width)
        return meta_[n];
    const ChecklistViewRow& row = rows_[n];
    std::vector<MetaPiece>& pieces = meta_[n];
    pieces.clear();
    metaAt_[n] = width;
    if (row.section)
        return pieces;
    const wxString flags = wxString(row.overdue ? "o" : "-") + (row.internal ? "i" : "-");
    const std::wstring key = wrapKey(width, {&flags, &row.statusWord, &row.dueText, &row.ownerText, &row.internalText});
    if (const auto known = recentMeta_.find(key); known != recentMeta_.end()) {
        pieces = known->second;
        return pieces;
    }
    wrapMeta(row, width, pieces);
    if (recentMeta_.size() >= kRecentWraps)
        recentMeta_.clear();
    recentMeta_.emplace(key, pieces);
    return pieces;
}

void ChecklistView::wrapMeta(const ChecklistViewRow& row, int width, std::vector<MetaPiece>& pieces) const
{
    const wxString separator = wxString::FromUTF8(" \xC2\xB7 ");
    measuring_->SetFont(smallFont_);
    const int separatorWidth = measuring_->GetTextExtent(separator).x;
    int x = 0;
    int line = 0;
    bool lineUsed = false;
    const auto add = [&](const wxString& text, bool emphasis) {
        if (text.empty())
            return;
        measuring_->SetFont(emphasis ? smallBoldFont_ : smallFont_);
        const int textWidth = measuring_->GetTextExtent(text).x;
        if (lineUsed) {
            if (x + separatorWidth + textWidth <= width) {
                pieces.push_back({separator, x, line, true, false});
                x += separatorWidth;
                pieces.push_back({text, x, line, false, emphasis});
                x += textWidth;
                return;
            }
            ++line; // the piece goes to the next line whole; the separator is not drawn
            x = 0;
        }
        if (textWidth <= width) {
            pieces.push_back({text, 0, line, false, emphasis});
            x = textWidth;
        } else { // wider than a whole line: wrapped itself
            const std::vector<wxString> lines = wrapText(*measuring_, text, width);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                pieces.push_back({lines[i], 0, line, false, emphasis});
                if (i + 1 < lines.size())
                    ++line;
            }
            x = measuring_->GetTextExtent(lines.back()).x;
        }
        lineUsed = true;
    };
    add(row.statusWord, false);
    add(row.dueText, row.overdue);
    add(row.ownerText, false);
    add(row.internal ? row.internalText : wxString(), false);
}

int ChecklistView::metaLines(const std::vector<MetaPiece>& pieces)
{
    return pieces.empty() ? 1 : pieces.back().line + 1;
}

ChecklistView::RowLayout ChecklistView::layoutOf(size_t n) const
{
    RowLayout layout;
    if (n >= rows_.size())
        return layout;
    const int width = textWidth();
    layout.width = width;
    layout.title = wrappedTitle(n, width);
    if (rows_[n].section)
        layout.width -= FromDIP(40);
    for (const MetaPiece& piece : wrappedMeta(n, width)) {
        if (piece.separator)
            continue;
        measuring_->SetFont(piece.emphasis ? smallBoldFont_ : smallFont_);
        layout.meta.push_back(piece.text);
        layout.metaRight.push_back(piece.x + measuring_->GetTextExtent(piece.text).x);
    }
    layout.height = static_cast<int>(layout.title.size()) * lineHeight_ +
                    (rows_[n].section ? 0 : metaLines(wrappedMeta(n, width)) * smallLineHeight_);
    return layout;
}

wxCoord ChecklistView::OnMeasureItem(size_t n) const
{
    if (n >= rows_.size())
        return FromDIP(20);
    const int pad = FromDIP(4);
    const int width = textWidth(); // asking GTK for the client size costs more than a wrap found again
    const auto& lines = wrappedTitle(n, width);
    if (rows_[n].section)
        return static_cast<wxCoord>(lines.size()) * lineHeight_ + 3 * pad;
    // Title lines, then the lines of status, due date and owner in a smaller font.
    const int meta = metaLines(wrappedMeta(n, width));
    return static_cast<wxCoord>(lines.size()) * lineHeight_ + meta * smallLineHeight_ + 2 * pad + FromDIP(2);
}

wxCoord ChecklistView::EstimateTotalHeight() const
{
    const int pad = FromDIP(4);
    wxCoord total = 0;
    for (const ChecklistViewRow& row : rows_)
        total += row.section ? lineHeight_ + 3 * pad : lineHeight_ + smallLineHeight_ + 2 * pad + FromDIP(2);
    return total;
}

void ChecklistView::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const
{
    if (n >= rows_.size())
        return;
    ++paintedRows_;
    const ChecklistViewRow& row = rows_[n];
    const bool selected = IsSelected(n);
    const wxColour& text = selected ? highlightText_ : text_;
    const wxColour& muted = selected ? highlightText_ : muted_;
    const int margin = FromDIP(6);
    const int pad = FromDIP(4);
    const int lineHeight = lineHeight_;
    const int width = textWidth();
    const auto& lines = wrappedTitle(n, width);

    if (row.section) {
        dc.SetFont(boldFont_);
        dc.SetTextForeground(text);
        int y = rect.y + 2 * pad;
        for (const wxString& line : lines) {
            dc.DrawText(line, rect.x + margin, y);
            y += lineHeight;
        }
        dc.SetFont(font_);
        dc.SetTextForeground(muted);
        const wxSize progress = dc.GetTextExtent(row.progressText);
        dc.DrawText(row.progressText, rect.GetRight() - margin - progress.x, rect.y + 2 * pad);
        dc.SetPen(wxPen(muted));
        dc.DrawLine(rect.x + margin, rect.GetBottom(), rect.GetRight() - margin, rect.GetBottom());
        return;
    }

    const std::size_t statusIndex = static_cast<std::size_t>(row.status);
    if (statusIndex < icons_.size() && icons_[statusIndex].IsOk()) {
        const wxBitmap icon = icons_[statusIndex].GetBitmapFor(this);
        dc.DrawBitmap(icon, rect.x + margin, rect.y + pad + (lineHeight - static_cast<int>(icon.GetLogicalHeight())) / 2, true);
    }
    const int textX = rect.x + 2 * margin + FromDIP(16);
    const bool finished = row.status == ItemStatus::Done || row.status == ItemStatus::NotApplicable;
    dc.SetFont(row.status == ItemStatus::NotApplicable ? italicFont_ : font_);
    dc.SetTextForeground(finished ? muted : text);
    int y = rect.y + pad;
    for (const wxString& line : lines) {
        dc.DrawText(line, textX, y);
        y += lineHeight;
    }

    // The second line: status word, due date, owner, internal; each a word, not only a
    // colour, wrapped as units (see wrappedMeta).
    for (const MetaPiece& piece : wrappedMeta(n, width)) {
        dc.SetFont(piece.emphasis ? smallBoldFont_ : smallFont_);
        dc.SetTextForeground(piece.emphasis && !selected ? alert_ : muted);
        dc.DrawText(piece.text, textX + piece.x, y + piece.line * smallLineHeight_);
    }
}

void ChecklistView::onLeftDown(wxMouseEvent& event)
{
    // A click on the status icon ticks the item, as a checkbox would.
    const int row = VirtualHitTest(event.GetPosition().y);
    const int iconRight = FromDIP(6) * 2 + FromDIP(16);
    if (row >= 0 && static_cast<std::size_t>(row) < rows_.size() && !rows_[static_cast<std::size_t>(row)].section &&
        event.GetPosition().x < iconRight && iconClicked_) {
        SetFocus();
        iconClicked_(static_cast<std::size_t>(row));
        return;
    }
    event.Skip();
}

const ChecklistViewRow* ChecklistView::selectedRow() const
{
    const int row = GetSelection();
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size())
        return nullptr;
    return &rows_[static_cast<std::size_t>(row)];
}

} // namespace rapport::ui
