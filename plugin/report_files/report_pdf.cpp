// The PDF renderer. Two passes: every piece of text becomes a Pango layout and its
// lines become rows, the rows are split into pages, and only then is anything drawn,
// so the footer can say "N / M". User text only ever reaches Pango as plain text
// (pango_layout_set_text, never markup) after invalid UTF-8 is replaced.
#include "report_pdf.h"

#include "atomic_file.h"
#include "pdf_page_text.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <map>
#include <numbers>
#include <tuple>
#include <utility>
#include <vector>

namespace rapport {

namespace {


namespace bl = boost::locale;

// A4 in PDF points, with 20 mm margins and room for the footer below the content.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.7;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kContentTop = kMargin;
constexpr double kContentHeight = kPageHeight - kMargin - kContentTop - 28;
constexpr double kFooterBaseline = kPageHeight - kMargin + 14;

// Latin, Cyrillic and Turkish from Noto Sans (or the system's sans), Chinese from Noto Sans CJK.
constexpr const char* kFontFamilies = "Noto Sans, Noto Sans CJK SC, sans-serif";

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.13, 0.13, 0.13};
constexpr Rgb kMuted{0.38, 0.38, 0.38};
constexpr Rgb kAccent{0.08, 0.20, 0.45};
constexpr Rgb kRule{0.75, 0.75, 0.75};

void setSource(cairo_t* cr, Rgb colour) { cairo_set_source_rgb(cr, colour.r, colour.g, colour.b); }

// --- owning handles for the C libraries' objects ---------------------------------

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct GObjectDeleter {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectDeleter>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

// --- the chart's status styles: a colour AND a pattern, so print in grey still tells them apart

// Fills the rectangle in the status's colour and overlays its pattern, clipped to it.
void fillStatus(cairo_t* cr, ItemStatus status, double x, double y, double w, double h)
{
    struct Style {
        Rgb fill;
        Rgb ink;
    };
    Style style{};
    switch (status) {
    case ItemStatus::Done: style = {{0.18, 0.49, 0.20}, {0.18, 0.49, 0.20}}; break; // solid
    case ItemStatus::InProgress: style = {{0.56, 0.79, 0.98}, {0.05, 0.28, 0.63}}; break; // diagonal lines
    case ItemStatus::WaitingOnClient: style = {{1.00, 0.88, 0.51}, {0.45, 0.33, 0.00}}; break; // dots
    case ItemStatus::Blocked: style = {{0.94, 0.60, 0.60}, {0.72, 0.11, 0.11}}; break; // cross-hatch
    case ItemStatus::ToDo: style = {{1.00, 1.00, 1.00}, {0.40, 0.40, 0.40}}; break; // empty
    case ItemStatus::NotApplicable: style = {{0.93, 0.93, 0.93}, {0.55, 0.55, 0.55}}; break; // horizontal lines
    }
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    setSource(cr, style.fill);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    setSource(cr, style.ink);
    cairo_set_line_width(cr, 0.8);
    constexpr double step = 4.0;
    switch (status) {
    case ItemStatus::InProgress:
        for (double offset = -h; offset < w; offset += step) {
            cairo_move_to(cr, x + offset, y + h);
            cairo_line_to(cr, x + offset + h, y);
        }
        cairo_stroke(cr);
        break;
    case ItemStatus::Blocked:
        for (double offset = -h; offset < w; offset += step) {
            cairo_move_to(cr, x + offset, y + h);
            cairo_line_to(cr, x + offset + h, y);
            cairo_move_to(cr, x + offset, y);
            cairo_line_to(cr, x + offset + h, y + h);
        }
        cairo_stroke(cr);
        break;
    case ItemStatus::WaitingOnClient:
        for (double dy = step / 2; dy < h; dy += step)
            for (double dx = (static_cast<int>(dy / step) % 2 ? step : step / 2); dx < w; dx += step) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, x + dx, y + dy, 0.9, 0, 2 * std::numbers::pi);
            }
        cairo_fill(cr);
        break;
    case ItemStatus::NotApplicable:
        for (double dy = step / 2; dy < h; dy += step) {
            cairo_move_to(cr, x, y + dy);
            cairo_line_to(cr, x + w, y + dy);
        }
        cairo_stroke(cr);
        break;
    case ItemStatus::Done:
    case ItemStatus::ToDo:
        break;
    }
    cairo_restore(cr);
    // Every swatch and segment gets an outline, so a white "to do" still shows.
    cairo_save(cr);
    cairo_set_line_width(cr, 0.6);
    setSource(cr, {0.30, 0.30, 0.30});
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// --- rows: the unit of pagination ------------------------------------------------

// One line of one Pango layout, placed horizontally.
struct LineSlot {
    PangoLayoutLine* line = nullptr; // owned by a layout in Layouter::layouts_
    double x = 0;
    double ascent = 0;
    double descent = 0;
    Rgb colour = kInk;
};

// What one horizontal band of a page holds: lines side by side (one per column) on a
// common baseline, and drawings (chart, swatches, rules) relative to the band's top.
struct Row {
    double height = 0;
    double ascent = 0;
    double space_before = 0; // dropped at the top of a page
    bool keep_with_next = false;
    std::vector<LineSlot> lines;
    std::vector<std::function<void(cairo_t*, double top)>> drawings;
};

struct Placement {
    const Row* row;
    double top; // from the top of the page
};

// Splits rows into pages: a run of rows tied by keep_with_next moves to a new page as a
// whole when it does not fit, unless it would not fit on a page of its own either.
std::vector<std::vector<Placement>> paginate(const std::vector<Row>& rows)
{
    std::vector<std::vector<Placement>> pages(1);
    double y = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool at_top = pages.back().empty();
        double run = (at_top ? 0 : rows[i].space_before) + rows[i].height;
        for (std::size_t j = i; rows[j].keep_with_next && j + 1 < rows.size() && run <= kContentHeight; ++j)
            run += rows[j + 1].space_before + rows[j + 1].height;
        const double own = (at_top ? 0 : rows[i].space_before) + rows[i].height;
        if (!at_top && ((y + run > kContentHeight && run <= kContentHeight) || y + own > kContentHeight)) {
            pages.emplace_back();
            y = 0;
        }
        if (!pages.back().empty())
            y += rows[i].space_before;
        pages.back().push_back({&rows[i], y});
        y += rows[i].height;
    }
    return pages;
}

// A text style: size in points, weight, colour.
struct TextStyle {
    double size;
    PangoWeight weight = PANGO_WEIGHT_NORMAL;
    Rgb colour = kInk;
    PangoStyle slant = PANGO_STYLE_NORMAL;
};
constexpr TextStyle kTitleStyle{22, PANGO_WEIGHT_BOLD, kAccent};
constexpr TextStyle kDocumentStyle{12.5, PANGO_WEIGHT_SEMIBOLD, kInk};
constexpr TextStyle kDateStyle{10, PANGO_WEIGHT_NORMAL, kMuted};
constexpr TextStyle kProgressStyle{11.5, PANGO_WEIGHT_SEMIBOLD, kInk};
constexpr TextStyle kBodyStyle{10};
constexpr TextStyle kLabelStyle{10, PANGO_WEIGHT_SEMIBOLD, kMuted};
constexpr TextStyle kHeadingStyle{14, PANGO_WEIGHT_BOLD, kAccent};
constexpr TextStyle kStatusStyle{9, PANGO_WEIGHT_BOLD, kInk};
constexpr TextStyle kSmallStyle{8.5, PANGO_WEIGHT_NORMAL, kMuted};
constexpr TextStyle kItemTitleStyle{10.5, PANGO_WEIGHT_SEMIBOLD, kInk};
constexpr TextStyle kDetailStyle{9.5, PANGO_WEIGHT_NORMAL, kMuted};
constexpr TextStyle kEmptyStyle{10, PANGO_WEIGHT_NORMAL, kMuted, PANGO_STYLE_ITALIC};
constexpr TextStyle kLegendStyle{9.5};
constexpr TextStyle kFooterStyle{8, PANGO_WEIGHT_NORMAL, kMuted};

// Each status's swatch at each size, drawn once per report into a recording surface: the
// PDF then holds it once and refers to it from every item, instead of a thousand copies
// of the same pattern each with its own clip.
class Swatches {
public:
    // Draws the swatch of `status`, `size` points square, with its top left at (x, y).
    void draw(cairo_t* cr, ItemStatus status, double x, double y, double size)
    {
        constexpr double margin = 1; // the outline is stroked half outside the square
        auto& surface = surfaces_[{status, size}];
        if (!surface) {
            cairo_rectangle_t extents{0, 0, size + 2 * margin, size + 2 * margin};
            surface.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
            CairoPtr recorder(cairo_create(surface.get()));
            fillStatus(recorder.get(), status, margin, margin, size, size);
        }
        cairo_save(cr);
        cairo_set_source_surface(cr, surface.get(), x - margin, y - margin);
        cairo_rectangle(cr, x - margin, y - margin, size + 2 * margin, size + 2 * margin);
        cairo_fill(cr);
        cairo_restore(cr);
    }

private:
    std::map<std::pair<ItemStatus, double>, SurfacePtr> surfaces_;
};

// Turns text into Pango layouts and layouts into rows, keeping every layout alive
// until the pages are drawn.
class Layouter {
public:
    explicit Layouter(PangoContext* context) : context_(context) {}

    // A layout of `text` (made valid UTF-8 first), wrapped at `width` points, of the
    // layouter's own: the caller may change it (bold a part, align it).
    PangoLayout* layout(std::string_view text, const TextStyle& style, double width)
    {
        return newLayout(replaceInvalidUtf8(text), style, width);
    }

    // Every line of `text` (made valid UTF-8 first) wrapped at `width` points, placed at
    // `x` from the left margin. The same text in the same style and width is laid out
    // once per report (status words, dates, template items repeat), and a long text is
    // laid out a piece at a time: Pango's and HarfBuzz's cost grows faster than the text,
    // and HarfBuzz drops glyphs from a run of a million characters.
    std::vector<LineSlot> textLines(std::string_view text, const TextStyle& style, double width, double x)
    {
        const std::string valid = replaceInvalidUtf8(text);
        LinesKey key{valid, style.size, style.weight, style.slant, width};
        auto cached = lines_.find(key);
        if (cached == lines_.end())
            cached = lines_.emplace(std::move(key), layOutPieces(valid, style, width)).first;
        std::vector<LineSlot> slots = cached->second;
        for (LineSlot& slot : slots) {
            slot.x += x;
            slot.colour = style.colour;
        }
        return slots;
    }

    // The font for a style, made once per style and report.
    const PangoFontDescription* font(const TextStyle& style)
    {
        for (const auto& [known, description] : fonts_)
            if (known.size == style.size && known.weight == style.weight && known.slant == style.slant)
                return description.get();
        FontPtr description(pango_font_description_from_string(kFontFamilies));
        pango_font_description_set_absolute_size(description.get(), style.size * PANGO_SCALE);
        pango_font_description_set_weight(description.get(), style.weight);
        pango_font_description_set_style(description.get(), style.slant);
        fonts_.emplace_back(style, std::move(description));
        return fonts_.back().second.get();
    }

    // Makes bytes [begin, end) of the layout's text bold (attributes, never markup).
    static void embolden(PangoLayout* layout, std::size_t begin, std::size_t end)
    {
        PangoAttrList* attributes = pango_attr_list_copy(pango_layout_get_attributes(layout));
        PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        bold->start_index = static_cast<guint>(begin);
        bold->end_index = static_cast<guint>(end);
        pango_attr_list_insert(attributes, bold);
        pango_layout_set_attributes(layout, attributes);
        pango_attr_list_unref(attributes);
    }

    // Every line of `layout`, at `x` from the left margin, in `colour`.
    static std::vector<LineSlot> lines(PangoLayout* layout, double x, Rgb colour)
    {
        std::vector<LineSlot> slots;
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const int baseline = pango_layout_iter_get_baseline(iter);
            slots.push_back({pango_layout_iter_get_line_readonly(iter), x + pango_units_to_double(logical.x),
                             pango_units_to_double(baseline - logical.y),
                             pango_units_to_double(logical.y + logical.height - baseline), colour});
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        return slots;
    }

    // Appends a full-width paragraph; returns the index of its first row.
    std::size_t paragraph(std::string_view text, const TextStyle& style, double space_before, double indent = 0)
    {
        return columns({textLines(text, style, kContentWidth - indent, indent)}, space_before, false);
    }

    // Appends columns of lines side by side, row k holding line k of every column;
    // `keep_together` ties the rows to one page when they fit. Returns the first row's index.
    std::size_t columns(const std::vector<std::vector<LineSlot>>& columns, double space_before, bool keep_together)
    {
        std::size_t count = 0;
        for (const auto& column : columns)
            count = std::max(count, column.size());
        const std::size_t first = rows_.size();
        for (std::size_t k = 0; k < count; ++k) {
            Row row;
            double descent = 0;
            for (const auto& column : columns)
                if (k < column.size()) {
                    row.lines.push_back(column[k]);
                    row.ascent = std::max(row.ascent, column[k].ascent);
                    descent = std::max(descent, column[k].descent);
                }
            row.height = row.ascent + descent;
            row.space_before = k == 0 ? space_before : 0;
            // A lone first line never ends a page: it stays with the second.
            row.keep_with_next = k + 1 < count && (keep_together || k == 0);
            rows_.push_back(std::move(row));
        }
        return first;
    }

    // A row of fixed height holding only a drawing.
    std::size_t drawing(double height, double space_before, std::function<void(cairo_t*, double top)> draw)
    {
        Row row;
        row.height = height;
        row.space_before = space_before;
        row.drawings.push_back(std::move(draw));
        rows_.push_back(std::move(row));
        return rows_.size() - 1;
    }

    std::vector<Row>& rows() { return rows_; }
    // The status swatches drawn so far (they draw themselves when the pages are drawn).
    Swatches& swatches() { return swatches_; }

private:
    // Laid-out text is found again by its text, style and width.
    struct LinesKey {
        std::string text;
        double size;
        PangoWeight weight;
        PangoStyle slant;
        double width;
        bool operator<(const LinesKey& other) const
        {
            return std::tie(text, size, weight, slant, width) <
                   std::tie(other.text, other.size, other.weight, other.slant, other.width);
        }
    };

    PangoLayout* newLayout(std::string_view valid, const TextStyle& style, double width)
    {
        LayoutPtr layout(pango_layout_new(context_));
        pango_layout_set_font_description(layout.get(), font(style));
        pango_layout_set_width(layout.get(), pango_units_from_double(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR); // long words and CJK still wrap
        // A hyphen added where a long word breaks would change what the user wrote (a URL, an id).
        pango_layout_set_attributes(layout.get(), noHyphens());
        pango_layout_set_text(layout.get(), valid.data(), static_cast<int>(valid.size()));
        layouts_.push_back(std::move(layout));
        return layouts_.back().get();
    }

    // The attribute list every layout starts from, made once.
    PangoAttrList* noHyphens()
    {
        if (!noHyphens_) {
            noHyphens_.reset(pango_attr_list_new());
            pango_attr_list_insert(noHyphens_.get(), pango_attr_insert_hyphens_new(FALSE));
        }
        return noHyphens_.get();
    }

    // Lines of valid UTF-8 `text`, at x 0, a piece of at most kPieceBytes at a time. Each
    // piece's last line may go on in the next piece, so the next piece starts where that
    // line starts, and the lines come out exactly as one layout of the whole text would
    // break them (Pango fills each line before starting the next).
    std::vector<LineSlot> layOutPieces(const std::string& text, const TextStyle& style, double width)
    {
        constexpr std::size_t kPieceBytes = 4096;
        std::vector<LineSlot> all;
        std::size_t begin = 0;
        while (true) {
            std::size_t end = std::min(text.size(), begin + kPieceBytes);
            while (end < text.size() && end > begin && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u)
                --end; // a piece ends between characters
            PangoLayout* piece = newLayout(std::string_view(text).substr(begin, end - begin), style, width);
            std::vector<LineSlot> lines = Layouter::lines(piece, 0, style.colour);
            const int count = pango_layout_get_line_count(piece);
            const int lastStart = count > 1 ? pango_layout_get_line_readonly(piece, count - 1)->start_index : 0;
            if (end == text.size() || lastStart <= 0) {
                all.insert(all.end(), lines.begin(), lines.end());
                if (end == text.size())
                    return all;
                begin = end; // a piece that is one line only
                continue;
            }
            all.insert(all.end(), lines.begin(), lines.end() - 1);
            begin += static_cast<std::size_t>(lastStart);
        }
    }

    struct AttrListDeleter {
        void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
    };

    PangoContext* context_;
    std::vector<std::pair<TextStyle, FontPtr>> fonts_;
    std::vector<LayoutPtr> layouts_;
    std::map<LinesKey, std::vector<LineSlot>> lines_;
    std::unique_ptr<PangoAttrList, AttrListDeleter> noHyphens_;
    std::vector<Row> rows_;
    Swatches swatches_;
};

// A status swatch of `size` points drawn on row `row`, its bottom on the text's baseline.
void addSwatch(Row& row, Swatches& swatches, ItemStatus status, double x, double size)
{
    const double y = std::max(0.0, row.ascent - size);
    row.drawings.push_back(
        [=, &swatches](cairo_t* cr, double top) { swatches.draw(cr, status, kMargin + x, top + y, size); });
}

// A heading: kept with what follows, with a thin rule under it.
void addHeading(Layouter& out, std::string_view text, double space_before)
{
    const std::size_t first = out.paragraph(text, kHeadingStyle, space_before);
    auto& rows = out.rows();
    for (std::size_t i = first; i < rows.size(); ++i)
        rows[i].keep_with_next = true;
    Row& last = rows.back();
    const double y = last.height + 2;
    last.drawings.push_back([y](cairo_t* cr, double top) {
        setSource(cr, kRule);
        cairo_set_line_width(cr, 0.7);
        cairo_move_to(cr, kMargin, top + y);
        cairo_line_to(cr, kMargin + kContentWidth, top + y);
        cairo_stroke(cr);
    });
    last.height += 4;
}

// The stacked progress bar (one segment per status, wide as its share) and its legend.
void addChart(Layouter& out, const ReportContent& report)
{
    std::size_t total = 0;
    for (const auto& slice : report.chart)
        total += slice.count;
    constexpr double bar_height = 18;
    const std::size_t bar = out.drawing(bar_height, 8, [chart = report.chart, total](cairo_t* cr, double top) {
        if (total == 0) {
            fillStatus(cr, ItemStatus::ToDo, kMargin, top, kContentWidth, bar_height);
            return;
        }
        double x = kMargin;
        for (const auto& slice : chart) {
            if (slice.count == 0)
                continue;
            const double w = kContentWidth * static_cast<double>(slice.count) / static_cast<double>(total);
            fillStatus(cr, slice.status, x, top, w, bar_height);
            x += w;
        }
    });
    out.rows()[bar].keep_with_next = !report.chart.empty();

    // Legend: three entries per row, each a swatch, the status's name and its count.
    constexpr int per_row = 3;
    constexpr double swatch = 10;
    const double column_width = kContentWidth / per_row;
    for (std::size_t start = 0; start < report.chart.size(); start += per_row) {
        std::vector<std::vector<LineSlot>> columns;
        std::vector<std::pair<ItemStatus, double>> swatches;
        for (std::size_t i = start; i < std::min(report.chart.size(), start + per_row); ++i) {
            const auto& slice = report.chart[i];
            const double x = column_width * static_cast<double>(i - start);
            const std::string label = replaceInvalidUtf8(slice.label) + " ";
            const std::string text = label + std::to_string(slice.count);
            PangoLayout* layout = out.layout(text, kLegendStyle, column_width - swatch - 10);
            Layouter::embolden(layout, label.size(), text.size());
            columns.push_back(Layouter::lines(layout, x + swatch + 5, kInk));
            swatches.emplace_back(slice.status, x);
        }
        const std::size_t first = out.columns(columns, start == 0 ? 6 : 3, true);
        for (const auto& [status, x] : swatches)
            addSwatch(out.rows()[first], out.swatches(), status, x, swatch);
        if (start + per_row < report.chart.size())
            out.rows().back().keep_with_next = true;
    }
}

// Label and value side by side; the label column is about a third of the width.
void addFacts(Layouter& out, const ReportContent& report)
{
    constexpr double label_width = 160;
    constexpr double gap = 12;
    for (std::size_t i = 0; i < report.facts.size(); ++i) {
        const auto& fact = report.facts[i];
        out.columns({out.textLines(fact.label, kLabelStyle, label_width, 0),
                     out.textLines(fact.value, kBodyStyle, kContentWidth - label_width - gap, label_width + gap)},
                    i == 0 ? 16 : 4, true);
    }
}

// The user's own words under their heading; nothing when the user wrote nothing.
void addUserText(Layouter& out, std::string_view heading, std::string_view text)
{
    if (text.empty())
        return;
    addHeading(out, heading, 18);
    out.paragraph(text, kBodyStyle, 4);
}

// One item: status swatch, status word and due date on the left; title and detail on the right.
void addItem(Layouter& out, const ReportContent& report, const ReportItem& item, const std::locale& locale)
{
    constexpr double left_width = 140;
    constexpr double swatch = 9;
    constexpr double gap = 10;
    std::vector<LineSlot> left =
        out.textLines(item.status_word, kStatusStyle, left_width - swatch - 5, swatch + 5);
    if (!item.due_text.empty()) {
        // TRANSLATORS: in a PDF progress report, under an item's status; {1} is its due date, e.g. "30 Nov 2026".
        const std::string due = (bl::format(bl::translate("report-pdf", "Due {1}")) % item.due_text).str(locale);
        auto due_lines = out.textLines(due, kSmallStyle, left_width - swatch - 5, swatch + 5);
        left.insert(left.end(), due_lines.begin(), due_lines.end());
    }
    std::vector<LineSlot> right = out.textLines(item.title, kItemTitleStyle, kContentWidth - left_width - gap, left_width + gap);
    if (!item.detail.empty()) {
        auto detail = out.textLines(item.detail, kDetailStyle, kContentWidth - left_width - gap, left_width + gap);
        right.insert(right.end(), detail.begin(), detail.end());
    }
    if (!item.note.empty()) {
        // The note, as the other formats show it: "Note: ..." in the detail's style.
        const char* separator = report.language == Language::ChineseSimplified ? "：" : ": ";
        auto note = out.textLines(report.note_label + separator + item.note, kDetailStyle, kContentWidth - left_width - gap,
                                  left_width + gap);
        right.insert(right.end(), note.begin(), note.end());
    }
    const std::size_t first = out.columns({left, right}, 7, true);
    addSwatch(out.rows()[first], out.swatches(), item.status, 0, swatch);
}

void addBlock(Layouter& out, const ReportContent& report, const ReportBlock& block, const std::locale& locale)
{
    addHeading(out, block.heading, 20);
    if (block.items.empty()) {
        out.paragraph(block.empty_text, kEmptyStyle, 6);
        return;
    }
    for (const auto& item : block.items)
        addItem(out, report, item, locale);
}

// Every row of the report, in reading order.
void layOut(Layouter& out, const ReportContent& report)
{
    const std::locale& locale = Localization::shared().locale(report.language);
    out.paragraph(report.title, kTitleStyle, 0);
    out.paragraph(report.document_name, kDocumentStyle, 6);
    out.paragraph(report.date_text, kDateStyle, 2);
    out.paragraph(report.progress_text, kProgressStyle, 18);
    addChart(out, report);
    addFacts(out, report);
    addUserText(out, report.summary_heading, report.summary);
    addUserText(out, report.next_steps_heading, report.next_steps);
    for (const auto& block : report.blocks)
        addBlock(out, report, block, locale);
}

// The footer of every page: the report's footer line on the left, "N / M" on the right.
void drawFooter(cairo_t* cr, Layouter& out, const ReportContent& report, std::size_t page, std::size_t pages)
{
    setSource(cr, kRule);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMargin, kFooterBaseline - 14);
    cairo_line_to(cr, kMargin + kContentWidth, kFooterBaseline - 14);
    cairo_stroke(cr);

    constexpr double number_width = 70;
    PangoLayout* number = out.layout(std::to_string(page) + " / " + std::to_string(pages), kFooterStyle, number_width);
    pango_layout_set_alignment(number, PANGO_ALIGN_RIGHT);
    PangoLayout* footer = out.layout(report.footer, kFooterStyle, kContentWidth - number_width - 12);
    pango_layout_set_ellipsize(footer, PANGO_ELLIPSIZE_END); // one line, however long
    setSource(cr, kFooterStyle.colour);
    for (auto [layout, x] : {std::pair{footer, kMargin}, std::pair{number, kMargin + kContentWidth - number_width}}) {
        const double baseline = pango_units_to_double(pango_layout_get_baseline(layout));
        cairo_move_to(cr, x, kFooterBaseline - baseline);
        pango_cairo_show_layout(cr, layout);
    }
}

void drawPages(cairo_t* cr, Layouter& out, const ReportContent& report)
{
    const auto pages = paginate(out.rows());
    pdf::PageText text;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& [row, top] : pages[p]) {
            const double row_top = kContentTop + top;
            for (const auto& draw : row->drawings)
                draw(cr, row_top);
            for (const auto& slot : row->lines) {
                const double baseline = row_top + row->ascent;
                if (!text.add(slot.line, kMargin + slot.x, baseline, {slot.colour.r, slot.colour.g, slot.colour.b})) {
                    setSource(cr, slot.colour);
                    cairo_move_to(cr, kMargin + slot.x, baseline);
                    pango_cairo_show_layout_line(cr, slot.line);
                }
            }
        }
        text.show(cr);
        drawFooter(cr, out, report, p + 1, pages.size());
        cairo_show_page(cr);
    }
}

// --- the bytes: handed to the caller's sink as cairo produces them -------------------

using PdfSink = std::function<bool(std::string_view bytes)>;

// cairo's write callback: after the sink refuses, cairo stops writing.
cairo_status_t toSink(void* closure, const unsigned char* data, unsigned int length)
{
    const auto& sink = *static_cast<const PdfSink*>(closure);
    return sink({reinterpret_cast<const char*>(data), length}) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// The fonts every report is drawn with: a font map of Rapport's own (never the thread's
// default, which a GTK host shares with its widgets), made once, because loading the
// fonts again for every report cost a tenth of its time. A font map is not thread-safe,
// so reports are drawn one at a time.
PangoFontMap* reportFontMap()
{
    static PangoFontMap* map = pango_cairo_font_map_new();
    return map;
}
std::mutex drawing;

Status renderPdfTo(const ReportContent& report, const PdfSink& sink)
{
    const std::lock_guard<std::mutex> oneAtATime(drawing);
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    {
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(&toSink, const_cast<PdfSink*>(&sink), kPageWidth,
                                                               kPageHeight));
        const std::string title = replaceInvalidUtf8(report.title + " — " + report.document_name);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Rapport");
        {
            CairoPtr cr(cairo_create(surface.get()));
            ContextPtr context(pango_font_map_create_context(reportFontMap()));
            // A PDF is vector output: glyphs at their exact advances, unhinted, not rounded
            // to whole points as on a screen. It reads better when zoomed, and cairo then
            // writes each run as one string instead of a position for every glyph.
            cairo_font_options_t* options = cairo_font_options_create();
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
            pango_cairo_context_set_font_options(context.get(), options);
            cairo_font_options_destroy(options);
            pango_context_set_round_glyph_positions(context.get(), FALSE);
            pango_cairo_update_context(cr.get(), context.get());
            const std::string language =
                report.language_code.empty() ? std::string(languageCode(report.language)) : report.language_code;
            pango_context_set_language(context.get(), pango_language_from_string(replaceInvalidUtf8(language).c_str()));
            Layouter out(context.get());
            layOut(out, report);
            drawPages(cr.get(), out, report);
            status = cairo_status(cr.get());
        }
        cairo_surface_finish(surface.get());
        if (status == CAIRO_STATUS_SUCCESS)
            status = cairo_surface_status(surface.get());
    }
    if (status != CAIRO_STATUS_SUCCESS)
        return Error{ErrorCode::FileWriteFailed, {}, cairo_status_to_string(status)};
    return {};
}

} // namespace

std::string replaceInvalidUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead != 0 && lead < 0x80) {
            out += static_cast<char>(lead);
            ++i;
            continue;
        }
        // Continuation bytes needed and the allowed range of the first one (Unicode table 3-7:
        // no overlong forms, no surrogates, nothing above U+10FFFF).
        int needed = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            needed = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            needed = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            needed = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        }
        std::size_t next = i + 1;
        int found = 0;
        while (found < needed && next < text.size()) {
            const auto byte = static_cast<unsigned char>(text[next]);
            if (byte < (found == 0 ? low : 0x80) || byte > (found == 0 ? high : 0xBF))
                break;
            ++found;
            ++next;
        }
        if (needed > 0 && found == needed)
            out.append(text.substr(i, next - i));
        else
            out.append(kReplacementCharacter); // one per maximal invalid subpart, as Unicode recommends
        i = next;
    }
    return out;
}

Status renderPdf(const ReportContent& report, const std::function<bool(std::string_view bytes)>& write)
{
    try {
        return renderPdfTo(report, write);
    } catch (const std::exception& error) {
        return Error{ErrorCode::FileWriteFailed, {}, error.what()};
    }
}

Status writePdfReport(const ReportContent& report, const std::filesystem::path& file)
{
    Result<AtomicFile> created = AtomicFile::create(file);
    if (!created)
        return created.error();
    AtomicFile& output = created.value();
    if (const Status drawn = renderPdf(report, [&](std::string_view bytes) { return output.append(bytes); }); !drawn) {
        // A failed write is best told in the system's words ("No space left on device").
        if (const Status written = output.status(); !written)
            return written;
        return Error{ErrorCode::FileWriteFailed, file.string(), drawn.error().detail};
    }
    return output.commit();
}

} // namespace rapport
