// libFuzzer target: TemplateLibrary::parse on arbitrary bytes must never crash, and a
// failure must always come with a description that names the file.
#include "template_library.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    rapport::ChecklistTemplate parsed;
    rapport::TemplateLoadError error;
    if (rapport::TemplateLibrary::parse(xml, "fuzz.xml", parsed, error)) {
        if (parsed.key.empty() || parsed.title.empty() || parsed.sections.empty())
            std::abort();
    } else if (error.description().rfind("fuzz.xml", 0) != 0 || error.what.empty() || error.line < 0 ||
               error.column < 0) {
        std::abort();
    }
    return 0;
}
