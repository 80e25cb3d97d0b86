// A document's content, summarised so that its checklist can find it again after it was
// moved outside the editor — even when it was also edited. The store keeps one sketch per
// document (in documents.fingerprint) from the time it last saw the file.
//
// The measure: the Jaccard similarity of the two versions' sets of distinct lines (blank
// lines dropped, spaces collapsed), estimated from a MinHash signature of 64 values
// (Broder, 1997): the share of equal values estimates the share of common lines, within
// about ±0.06 at 0.5. Lines are the unit a text editor changes, so a brief with a
// paragraph rewritten keeps most of its lines, while another document shares few. The
// file's name and size only break ties and are shown to the user; they never decide alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// What is kept of a document's content.
struct ContentSketch {
    std::string exact;                  // 16 hex digits: size and first and last 64 KiB (same bytes, same value)
    std::uintmax_t size = 0;            // bytes
    std::vector<std::uint32_t> minhash; // kSketchValues values, or empty when not known
};

// Values in a MinHash signature.
inline constexpr std::size_t kSketchValues = 64;
// Only the first this many bytes of a document are sketched: enough to recognise it.
inline constexpr std::uintmax_t kSketchBytes = 2u * 1024u * 1024u;
// A document is taken for an edited version of another from this estimated similarity on,
// or from kSameNameSimilarity when it also has the same file name.
inline constexpr double kLikelySimilarity = 0.5;
inline constexpr double kSameNameSimilarity = 0.3;

// The sketch of `file`; `exact` is empty when the file cannot be read or is empty.
ContentSketch sketchDocument(const std::filesystem::path& file);

// The form the store keeps: "EXACT SIZE HEX..." (the older 16-digit fingerprint alone is
// read back as a sketch without size or signature).
std::string encodeSketch(const ContentSketch& sketch);
ContentSketch decodeSketch(std::string_view text);

// The estimated share of lines the two versions have in common (0 to 1), or nullopt when
// either has no signature.
std::optional<double> estimatedSimilarity(const ContentSketch& a, const ContentSketch& b);

} // namespace rapport
