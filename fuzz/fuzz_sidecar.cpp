// libFuzzer target: a sidecar's text from anywhere (docs/sidecar-format.md) must never crash
// the reader, the replay or the merge driver, and what they keep must be stable: rendering
// what was read and reading it again gives the same changes, cleanly; the driver's union of
// a text with itself is that rendering; the replay gives every item a section it has.
#include "sidecar_format.h"
#include "sidecar_replay.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const rapport::sidecar::Parsed parsed = rapport::sidecar::parse(text);
    if (parsed.future)
        return 0;
    std::vector<const rapport::sidecar::Block*> blocks;
    for (const auto& block : parsed.blocks)
        blocks.push_back(&block);
    const std::string rendered = rapport::sidecar::render(blocks);
    const rapport::sidecar::Parsed again = rapport::sidecar::parse(rendered);
    if (again.bad_lines != 0 || !again.canonical || again.blocks.size() != parsed.blocks.size() || again.markers)
        std::abort();
    if (rapport::sidecar::render([&] {
            std::vector<const rapport::sidecar::Block*> second;
            for (const auto& block : again.blocks)
                second.push_back(&block);
            return second;
        }()) != rendered)
        std::abort();
    const auto merged = rapport::sidecar::mergeTexts({text, text});
    if (!merged || *merged != rendered)
        std::abort();
    const rapport::sidecar::Replayed replayed = rapport::sidecar::replay(blocks);
    std::set<std::int64_t> sections;
    std::set<std::int64_t> items;
    for (const auto& section : replayed.checklist.sections)
        if (!sections.insert(section.id).second)
            std::abort(); // two sections with one id
    for (const auto& item : replayed.checklist.items)
        if (!sections.count(item.section_id) || !items.insert(item.id).second)
            std::abort(); // an item without its section, or two items with one id
    return 0;
}
