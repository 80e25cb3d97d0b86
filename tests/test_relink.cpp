// Finding a checklist's document again after it moved outside the editor (content_sketch.h,
// Store::relinkCandidates): the same bytes match exactly; an edited version still matches
// by the lines it kept; another document does not; and each verdict says which case it is.
#include "content_sketch.h"
#include "store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using Verdict = rapport::RelinkSearch::Verdict;

namespace {

// Sixty numbered clauses: a contract of two pages.
std::string contract(int rewritten_every = 0, const std::string& extra = {})
{
    std::string text;
    for (int i = 0; i < 60; ++i) {
        const bool rewritten = rewritten_every > 0 && i % rewritten_every == 0;
        text += "Clause " + std::to_string(i) + (rewritten ? ": the client pays part " : ": the contractor delivers part ") +
                std::to_string(i) + ".\n";
    }
    return text + extra;
}

fs::path write(const fs::path& file, const std::string& content)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
}

double similarity(const std::string& a, const std::string& b, const fs::path& folder)
{
    const auto one = rapport::sketchDocument(write(folder / "one.txt", a));
    const auto two = rapport::sketchDocument(write(folder / "two.txt", b));
    return rapport::estimatedSimilarity(one, two).value_or(-1);
}

} // namespace

TEST_CASE("the sketch: the same lines are alike, an edited version mostly, another document hardly")
{
    rapport::testing::TempFolder temp("rapport-relink");
    CHECK(similarity(contract(), contract(), temp.path) == 1.0);
    // Re-indented and re-spaced: the same lines.
    std::string respaced = contract();
    for (std::size_t at = respaced.find(": "); at != std::string::npos; at = respaced.find(": ", at + 4))
        respaced.replace(at, 2, ":    ");
    CHECK(similarity(contract(), "  " + respaced + "\n\n\n", temp.path) == 1.0);
    // A fifth of the clauses rewritten and one added: 48 of 73 distinct lines shared (0.66).
    const double edited = similarity(contract(), contract(5, "Clause 60: penalties apply.\n"), temp.path);
    CHECK(edited > 0.5);
    CHECK(edited < 0.85);
    // Half rewritten: a third shared.
    CHECK(similarity(contract(), contract(2), temp.path) < 0.5);
    // Another document.
    CHECK(similarity(contract(), "A poem\nabout the sea\n", temp.path) < 0.1);
}

TEST_CASE("a sketch is kept as text and read back; an older fingerprint reads as one without lines")
{
    rapport::testing::TempFolder temp("rapport-relink");
    const auto sketch = rapport::sketchDocument(write(temp.path / "c.txt", contract()));
    REQUIRE(sketch.exact.size() == 16);
    CHECK(sketch.size == contract().size());
    REQUIRE(sketch.minhash.size() == rapport::kSketchValues);
    const auto back = rapport::decodeSketch(rapport::encodeSketch(sketch));
    CHECK(back.exact == sketch.exact);
    CHECK(back.size == sketch.size);
    CHECK(back.minhash == sketch.minhash);
    const auto older = rapport::decodeSketch(sketch.exact);
    CHECK(older.exact == sketch.exact);
    CHECK(older.minhash.empty());
    CHECK_FALSE(rapport::estimatedSimilarity(older, sketch));
    CHECK(rapport::sketchDocument(temp.path / "missing.txt").exact.empty());
}

TEST_CASE("each relink verdict: no orphan, exact, likely, ambiguous, nothing alike, unreadable")
{
    rapport::testing::TempFolder temp("rapport-relink");
    auto opened = rapport::Store::open(temp.store);
    REQUIRE(opened);
    rapport::Store& store = opened.value();
    const auto attach = [&](const fs::path& doc) {
        REQUIRE(store.attach(doc.string(), "", {{"", "", "Send the invoice", ""}}));
    };
    const fs::path doc = write(temp.path / "contract.md", contract());
    attach(doc);
    CHECK(store.relinkCandidates((temp.path / "x.md").string()).value().verdict == Verdict::NoOrphan);

    // Moved as it was: exact, and relinkByFingerprint takes it.
    const fs::path moved = temp.path / "moved" / "contract.md";
    fs::create_directories(moved.parent_path());
    fs::rename(doc, moved);
    auto exact = store.relinkCandidates(moved.string());
    REQUIRE(exact);
    CHECK(exact.value().verdict == Verdict::Exact);
    CHECK(exact.value().candidates.front().path == doc.string());
    REQUIRE(store.relinkByFingerprint(moved.string()).value() == doc.string());

    // Moved and edited: likely, most alike first, but relinkByFingerprint does not take it.
    REQUIRE(store.updateFingerprint(moved.string()));
    const fs::path again = write(temp.path / "final" / "contract.md", contract(5, "Clause 60: penalties apply.\n"));
    fs::remove(moved);
    auto likely = store.relinkCandidates(again.string());
    REQUIRE(likely);
    CHECK(likely.value().verdict == Verdict::Likely);
    const rapport::RelinkCandidate& best = likely.value().candidates.front();
    CHECK(best.path == moved.string());
    CHECK(best.same_name);
    CHECK_FALSE(best.exact);
    CHECK(best.old_size == contract().size());
    CHECK(store.relinkByFingerprint(again.string()).value() == std::nullopt);

    // Unreadable or empty: nothing to compare.
    CHECK(store.relinkCandidates(write(temp.path / "empty.md", "").string()).value().verdict == Verdict::Unreadable);
    // Nothing alike.
    CHECK(store.relinkCandidates(write(temp.path / "poem.md", "A poem\nabout the sea\n").string()).value().verdict ==
          Verdict::NothingAlike);
    // Two orphans as alike: ambiguous.
    const fs::path copy = write(temp.path / "copy" / "contract.md", contract());
    attach(copy);
    fs::remove(copy);
    CHECK(store.relinkCandidates(again.string()).value().verdict == Verdict::Ambiguous);
}
