#include "content_sketch.h"

#include "document_paths.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>

namespace rapport {

namespace {

// splitmix64: a fast, well-mixed 64-bit permutation; seeded once per signature value.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// FNV-1a of a line with its leading and trailing spaces dropped and inner runs of spaces
// and tabs collapsed to one, so that re-indenting a paragraph changes nothing.
std::optional<std::uint64_t> lineHash(std::string_view line)
{
    std::uint64_t hash = 1469598103934665603ULL;
    bool any = false;
    bool pendingSpace = false;
    for (const char c : line) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace) {
            hash = (hash ^ static_cast<unsigned char>(' ')) * 1099511628211ULL;
            pendingSpace = false;
        }
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        any = true;
    }
    return any ? std::optional<std::uint64_t>(hash) : std::nullopt;
}

} // namespace

ContentSketch sketchDocument(const std::filesystem::path& file)
{
    ContentSketch sketch;
    sketch.exact = documentFingerprint(file);
    if (sketch.exact.empty())
        return sketch;
    std::error_code ec;
    sketch.size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    std::string content(static_cast<std::size_t>(std::min(sketch.size, kSketchBytes)), '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));

    // The 64 hash functions: multiply-shift over the line's mixed hash, each with its own
    // odd multiplier and offset (fixed forever: stored sketches are compared with new ones).
    std::uint64_t multipliers[kSketchValues];
    std::uint64_t offsets[kSketchValues];
    for (std::size_t i = 0; i < kSketchValues; ++i) {
        multipliers[i] = mix(0x5241505041525400ULL + 2 * i) | 1u;
        offsets[i] = mix(0x5241505041525401ULL + 2 * i);
    }
    std::uint32_t minimum[kSketchValues];
    std::fill(std::begin(minimum), std::end(minimum), std::numeric_limits<std::uint32_t>::max());
    bool anyLine = false;
    std::string_view rest = content;
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        const auto hash = lineHash(line);
        if (!hash)
            continue;
        anyLine = true;
        const std::uint64_t mixed = mix(*hash);
        for (std::size_t i = 0; i < kSketchValues; ++i)
            minimum[i] = std::min(minimum[i], static_cast<std::uint32_t>((multipliers[i] * mixed + offsets[i]) >> 32));
    }
    if (anyLine)
        sketch.minhash.assign(std::begin(minimum), std::end(minimum));
    return sketch;
}

std::string encodeSketch(const ContentSketch& sketch)
{
    if (sketch.exact.empty())
        return {};
    std::string text = sketch.exact + " " + std::to_string(sketch.size) + " ";
    char value[9];
    for (const std::uint32_t v : sketch.minhash) {
        std::snprintf(value, sizeof value, "%08x", v);
        text += value;
    }
    return text;
}

ContentSketch decodeSketch(std::string_view text)
{
    ContentSketch sketch;
    const auto first = text.find(' ');
    sketch.exact = std::string(text.substr(0, first));
    if (first == std::string_view::npos)
        return sketch;
    const auto second = text.find(' ', first + 1);
    if (second == std::string_view::npos)
        return sketch;
    sketch.size = std::strtoull(std::string(text.substr(first + 1, second - first - 1)).c_str(), nullptr, 10);
    const std::string_view hex = text.substr(second + 1);
    if (hex.size() != kSketchValues * 8)
        return sketch;
    for (std::size_t i = 0; i < kSketchValues; ++i)
        sketch.minhash.push_back(
            static_cast<std::uint32_t>(std::strtoul(std::string(hex.substr(i * 8, 8)).c_str(), nullptr, 16)));
    return sketch;
}

std::optional<double> estimatedSimilarity(const ContentSketch& a, const ContentSketch& b)
{
    if (a.minhash.size() != kSketchValues || b.minhash.size() != kSketchValues)
        return std::nullopt;
    std::size_t equal = 0;
    for (std::size_t i = 0; i < kSketchValues; ++i)
        equal += a.minhash[i] == b.minhash[i] ? 1 : 0;
    return static_cast<double>(equal) / static_cast<double>(kSketchValues);
}

} // namespace rapport
