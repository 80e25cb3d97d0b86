#include "pdf_page_text.h"

namespace rapport::pdf {

bool PageText::add(PangoLayoutLine* line, double x, double baseline, Colour colour)
{
    for (GSList* run = line->runs; run; run = run->next) {
        const auto* glyphItem = static_cast<PangoGlyphItem*>(run->data);
        const PangoGlyphString* glyphs = glyphItem->glyphs;
        if (!PANGO_IS_CAIRO_FONT(glyphItem->item->analysis.font))
            return false;
        for (int i = 0; i < glyphs->num_glyphs; ++i)
            if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
                return false;
    }
    const char* text = pango_layout_get_text(line->layout);
    double pen = x;
    for (GSList* run = line->runs; run; run = run->next) {
        auto* glyphItem = static_cast<PangoGlyphItem*>(run->data);
        PangoGlyphString* glyphs = glyphItem->glyphs;
        cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(glyphItem->item->analysis.font));
        const bool backward = glyphItem->item->analysis.level % 2 == 1;
        Batch& batch = batches_[{font, colour.r, colour.g, colour.b, backward}];
        batch.font = font;
        batch.colour = colour;
        // Where each glyph goes, left to right as Pango placed them.
        std::vector<double> xs(static_cast<std::size_t>(glyphs->num_glyphs));
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            xs[static_cast<std::size_t>(i)] = pen + pango_units_to_double(glyphs->glyphs[i].geometry.x_offset);
            pen += pango_units_to_double(glyphs->glyphs[i].geometry.width);
        }
        PangoGlyphItemIter cluster;
        for (gboolean more = pango_glyph_item_iter_init_start(&cluster, glyphItem, text); more;
             more = pango_glyph_item_iter_next_cluster(&cluster)) {
            int count = 0;
            const int step = backward ? -1 : 1;
            for (int g = cluster.start_glyph; g != cluster.end_glyph; g += step) {
                const PangoGlyphInfo& info = glyphs->glyphs[g];
                if (info.glyph == PANGO_GLYPH_EMPTY)
                    continue;
                batch.glyphs.push_back({info.glyph, xs[static_cast<std::size_t>(g)],
                                        baseline + pango_units_to_double(info.geometry.y_offset)});
                ++count;
            }
            const int bytes = cluster.end_index - cluster.start_index;
            if (count == 0 && bytes == 0)
                continue;
            batch.utf8.append(text + cluster.start_index, static_cast<std::size_t>(bytes));
            batch.clusters.push_back({bytes, count});
        }
    }
    return true;
}

void PageText::show(cairo_t* cr)
{
    for (auto& [key, batch] : batches_) {
        if (batch.glyphs.empty())
            continue;
        cairo_set_source_rgb(cr, batch.colour.r, batch.colour.g, batch.colour.b);
        cairo_set_scaled_font(cr, batch.font);
        cairo_show_text_glyphs(cr, batch.utf8.data(), static_cast<int>(batch.utf8.size()), batch.glyphs.data(),
                               static_cast<int>(batch.glyphs.size()), batch.clusters.data(),
                               static_cast<int>(batch.clusters.size()),
                               std::get<4>(key) ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
    }
    batches_.clear();
}

} // namespace rapport::pdf
