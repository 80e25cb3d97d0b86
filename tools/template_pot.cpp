// rapport_template_pot: prints a .pot fragment with every string of the checklist
// templates, each with the context "template:KEY" (ChecklistTemplate::context()).
// A maintainer tool run by scripts/update-catalogues, never during a build.
//
//   rapport_template_pot [--base DIR] [FOLDER...]
//
// FOLDER defaults to the bundled template folder. With --base, the "#:" references
// are paths relative to DIR (the source tree), so the output does not depend on
// where the tree is checked out. Exits 1 if any template fails to load.
#include "template_library.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace {

std::string poQuote(const std::string& text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out + "\"";
}

// A comment line must stay on one line.
std::string oneLine(std::string text)
{
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
}

struct Entry {
    std::vector<std::string> comments; // "#." lines, in order of appearance
    std::vector<std::string> references;
    std::size_t order = 0;
};

} // namespace

int main(int argc, char** argv)
{
    std::filesystem::path base;
    std::vector<std::filesystem::path> folders;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--base" && i + 1 < argc) {
            base = argv[++i];
        } else if (arg == "-h" || arg == "--help") {
            std::cout << "usage: rapport_template_pot [--base DIR] [FOLDER...]\n";
            return 0;
        } else {
            folders.emplace_back(arg);
        }
    }
    if (folders.empty())
        folders.push_back(rapport::bundledTemplateFolder());

    const auto library = rapport::TemplateLibrary::load(folders);
    for (const auto& error : library.errors())
        std::cerr << "rapport_template_pot: " << error.description() << '\n';
    if (!library.errors().empty())
        return 1;
    if (library.templates().empty()) {
        std::cerr << "rapport_template_pot: no templates found\n";
        return 1;
    }

    auto templates = library.templates();
    std::sort(templates.begin(), templates.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });

    // (msgctxt, msgid) → entry; the same text twice in one template is one entry.
    std::map<std::pair<std::string, std::string>, Entry> entries;
    std::size_t order = 0;
    for (const auto& t : templates) {
        std::string reference = t.source.filename().string();
        if (!base.empty()) {
            std::error_code ec;
            const auto relative = std::filesystem::relative(t.source, base, ec);
            if (!ec && !relative.empty())
                reference = relative.generic_string();
        }
        const auto add = [&](const std::string& text, const std::string& comment) {
            if (text.empty())
                return;
            Entry& entry = entries[{t.context(), text}];
            if (entry.comments.empty())
                entry.order = order++;
            entry.comments.push_back(oneLine(comment));
            if (std::find(entry.references.begin(), entry.references.end(), reference) == entry.references.end())
                entry.references.push_back(reference);
        };
        const std::string where = "Checklist template \"" + t.key + "\"";
        add(t.title, where + ": title");
        add(t.description, where + ": description");
        for (const auto& section : t.sections) {
            const std::string inSection = where + ", section \"" + section.key + "\"";
            add(section.title, inSection + ": title");
            for (const auto& item : section.items) {
                const std::string inItem = inSection + ", item \"" + item.key + "\"";
                add(item.title, inItem + ": title");
                add(item.description, inItem + ": description");
                add(item.why, inItem + ": why it matters");
            }
        }
    }

    std::vector<std::pair<const std::pair<std::string, std::string>*, const Entry*>> sorted;
    for (const auto& [id, entry] : entries)
        sorted.emplace_back(&id, &entry);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second->order < b.second->order; });

    std::cout << "# Checklist template strings, written by rapport_template_pot.\n"
                 "msgid \"\"\n"
                 "msgstr \"\"\n"
                 "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                 "\"Content-Transfer-Encoding: 8bit\\n\"\n";
    for (const auto& [id, entry] : sorted) {
        std::cout << '\n';
        for (const auto& comment : entry->comments)
            std::cout << "#. " << comment << '\n';
        for (const auto& reference : entry->references)
            std::cout << "#: " << reference << '\n';
        std::cout << "msgctxt " << poQuote(id->first) << '\n'
                  << "msgid " << poQuote(id->second) << '\n'
                  << "msgstr \"\"\n";
    }
    return std::cout ? 0 : 1;
}
