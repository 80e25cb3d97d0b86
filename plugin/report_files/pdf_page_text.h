// A PDF page's text, gathered by font, colour and direction and shown with one cairo call
// each: cairo's PDF surface pays per call (it records, analyses and replays every one),
// so a thousand lines cost a few dozen calls instead of several thousand. The text and its
// clusters go with the glyphs, so the PDF's text can still be searched and copied.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace rapport::pdf {

// A colour, each part 0 to 1.
struct Colour {
    double r = 0, g = 0, b = 0;
};

// The text of one page, until show() draws it.
class PageText {
public:
    // Adds `line` with its left end at `x` and its baseline at `baseline`; false when the
    // line has something only Pango itself can draw (a missing glyph's hex box): the caller
    // then draws that line with pango_cairo_show_layout_line().
    bool add(PangoLayoutLine* line, double x, double baseline, Colour colour);

    // Shows everything added, then forgets it.
    void show(cairo_t* cr);

private:
    struct Batch {
        cairo_scaled_font_t* font = nullptr;
        Colour colour;
        std::vector<cairo_glyph_t> glyphs;
        std::string utf8;
        std::vector<cairo_text_cluster_t> clusters;
    };
    std::map<std::tuple<cairo_scaled_font_t*, double, double, double, bool>, Batch> batches_;
};

} // namespace rapport::pdf
