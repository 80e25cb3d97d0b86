// The compiled-in SVG icons, rendered by wx's own SVG renderer (nanosvg) on a real display.
#include "icons.h"

#include <doctest/doctest.h>

#include <wx/image.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

using rapport::ItemStatus;
using rapport::ui::Action;

namespace {

constexpr std::array kAllStatuses{ItemStatus::ToDo,    ItemStatus::InProgress, ItemStatus::WaitingOnClient,
                                  ItemStatus::Blocked, ItemStatus::Done,       ItemStatus::NotApplicable};

std::vector<wxBitmapBundle> everyIcon()
{
    std::vector<wxBitmapBundle> icons;
    for (ItemStatus status : kAllStatuses)
        icons.push_back(rapport::ui::statusIcon(status));
    for (Action action : rapport::ui::kAllActions)
        icons.push_back(rapport::ui::actionIcon(action));
    return icons;
}

wxImage render(const wxBitmapBundle& icon, int pixels)
{
    const wxBitmap bitmap = icon.GetBitmap(wxSize(pixels, pixels));
    REQUIRE(bitmap.IsOk());
    wxImage image = bitmap.ConvertToImage();
    REQUIRE(image.IsOk());
    CHECK(image.GetWidth() == pixels);
    CHECK(image.GetHeight() == pixels);
    return image;
}

unsigned char alphaAt(const wxImage& image, int x, int y)
{
    return image.HasAlpha() ? image.GetAlpha(x, y) : 255;
}

std::size_t paintedPixels(const wxImage& image)
{
    std::size_t painted = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            painted += alphaAt(image, x, y) > 0 ? 1 : 0;
    return painted;
}

// What a pixel shows once colour is ignored: nothing, a light mark on the icon, or ink.
enum class Mark { None, Light, Ink };

Mark markAt(const wxImage& image, int x, int y)
{
    if (alphaAt(image, x, y) < 128)
        return Mark::None;
    const int darkest = std::min({image.GetRed(x, y), image.GetGreen(x, y), image.GetBlue(x, y)});
    return darkest > 200 ? Mark::Light : Mark::Ink;
}

std::size_t pixelsDiffering(const wxImage& a, const wxImage& b)
{
    std::size_t differing = 0;
    for (int y = 0; y < a.GetHeight(); ++y)
        for (int x = 0; x < a.GetWidth(); ++x)
            differing += (a.GetRed(x, y) != b.GetRed(x, y) || a.GetGreen(x, y) != b.GetGreen(x, y) ||
                          a.GetBlue(x, y) != b.GetBlue(x, y) || alphaAt(a, x, y) != alphaAt(b, x, y))
                             ? 1
                             : 0;
    return differing;
}

std::size_t marksDiffering(const wxImage& a, const wxImage& b)
{
    std::size_t differing = 0;
    for (int y = 0; y < a.GetHeight(); ++y)
        for (int x = 0; x < a.GetWidth(); ++x)
            differing += markAt(a, x, y) != markAt(b, x, y) ? 1 : 0;
    return differing;
}

// Draws `icon` over the background colour already in `sheet` at (left, top).
void blend(wxImage& sheet, const wxImage& icon, int left, int top)
{
    for (int y = 0; y < icon.GetHeight(); ++y)
        for (int x = 0; x < icon.GetWidth(); ++x) {
            const int alpha = alphaAt(icon, x, y);
            auto mix = [alpha](int over, int under) {
                return static_cast<unsigned char>((over * alpha + under * (255 - alpha) + 127) / 255);
            };
            const int sx = left + x, sy = top + y;
            sheet.SetRGB(sx, sy, mix(icon.GetRed(x, y), sheet.GetRed(sx, sy)),
                         mix(icon.GetGreen(x, y), sheet.GetGreen(sx, sy)), mix(icon.GetBlue(x, y), sheet.GetBlue(sx, sy)));
        }
}

} // namespace

TEST_CASE("every status and action icon renders at 16 and 32 px")
{
    for (const wxBitmapBundle& icon : everyIcon()) {
        REQUIRE(icon.IsOk());
        CHECK(icon.GetDefaultSize() == wxSize(16, 16));
        for (int pixels : {16, 32}) {
            const wxImage image = render(icon, pixels);
            const std::size_t painted = paintedPixels(image);
            CHECK(painted > 0);
            CHECK(painted < static_cast<std::size_t>(pixels * pixels)); // a glyph, not a filled square
        }
    }
}

TEST_CASE("the six status icons differ from each other, in colour and in shape")
{
    std::vector<wxImage> images;
    for (ItemStatus status : kAllStatuses)
        images.push_back(render(rapport::ui::statusIcon(status), 16));
    for (std::size_t a = 0; a < images.size(); ++a)
        for (std::size_t b = a + 1; b < images.size(); ++b) {
            INFO("statuses " << a << " and " << b);
            CHECK(pixelsDiffering(images[a], images[b]) >= 16);
            // Without colour (a colour-blind reader, a greyscale print) the shapes still differ.
            CHECK(marksDiffering(images[a], images[b]) >= 8);
        }
}

TEST_CASE("the action icons differ from each other")
{
    std::vector<wxImage> images;
    for (Action action : rapport::ui::kAllActions)
        images.push_back(render(rapport::ui::actionIcon(action), 16));
    for (std::size_t a = 0; a < images.size(); ++a)
        for (std::size_t b = a + 1; b < images.size(); ++b) {
            INFO("actions " << a << " and " << b);
            CHECK(marksDiffering(images[a], images[b]) >= 8);
        }
}

TEST_CASE("contact sheet: every icon at 4x, on a light and a dark theme's background")
{
    // Rows: drawn at 64 px on light and dark, then the 16 px rendering enlarged 4x
    // (nearest neighbour) on light and dark, to judge how crisp the real size is.
    const std::vector<wxBitmapBundle> icons = everyIcon();
    constexpr int cell = 64, gap = 12;
    const std::array<wxColour, 2> backgrounds{wxColour(255, 255, 255), wxColour(0x35, 0x35, 0x35)};
    const int width = gap + static_cast<int>(icons.size()) * (cell + gap);
    const int height = 4 * (cell + gap);
    wxImage sheet(width, height);
    for (int row = 0; row < 4; ++row) {
        const wxColour& background = backgrounds[static_cast<std::size_t>(row % 2)];
        const int bandTop = row * (cell + gap);
        sheet.SetRGB(wxRect(0, bandTop, width, cell + gap), background.Red(), background.Green(), background.Blue());
        for (std::size_t i = 0; i < icons.size(); ++i) {
            const wxImage image = row < 2 ? render(icons[i], cell) : render(icons[i], 16).Scale(cell, cell, wxIMAGE_QUALITY_NEAREST);
            blend(sheet, image, gap + static_cast<int>(i) * (cell + gap), bandTop + gap / 2);
        }
    }
    const std::filesystem::path folder = std::filesystem::path(RAPPORT_BINARY_DIR) / "artifacts";
    std::filesystem::create_directories(folder);
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr)
        wxImage::AddHandler(new wxPNGHandler);
    const std::string file = (folder / "icons.png").string();
    REQUIRE(sheet.SaveFile(file, wxBITMAP_TYPE_PNG));
    CHECK(std::filesystem::file_size(file) > 0);
}
