// rapport: command-line access to the checklists in a Rapport store.
// Exit codes: 0 success, 1 the operation failed, 2 bad usage.
#include "store.h"
#include "template_library.h"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: rapport [--store PATH] COMMAND ...\n"
    "commands:\n"
    "  attach DOC --template KEY   attach a checklist from a template to DOC\n"
    "  show DOC                    print DOC's checklist\n"
    "  templates                   list the available templates\n";

int usage(const std::string& problem)
{
    std::cerr << "rapport: " << problem << "\n" << kUsage;
    return 2;
}

int failure(const rapport::Error& error)
{
    std::cerr << "rapport: " << error.description() << "\n";
    return 1;
}

std::string itemText(const rapport::TemplateLibrary& library, const rapport::ChecklistItem& item)
{
    if (item.template_key.empty())
        return item.custom_text;
    if (const auto* known = library.findItem(item.template_key, item.item_key))
        return known->title;
    return item.template_key + "/" + item.item_key;
}

int run(std::vector<std::string> args)
{
    std::filesystem::path storeFile = rapport::defaultStoreFile();
    if (args.size() >= 2 && args[0] == "--store") {
        storeFile = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty())
        return usage("no command given");
    const std::string command = args[0];
    const auto library = rapport::TemplateLibrary::load(rapport::defaultTemplateFolders());

    if (command == "templates") {
        for (const auto& entry : library.templates())
            std::cout << entry.key << "\t" << entry.title << "\n";
        for (const auto& error : library.errors())
            std::cerr << "rapport: " << error.description() << "\n";
        return 0;
    }

    auto store = rapport::Store::open(storeFile);
    if (!store)
        return failure(store.error());

    if (command == "attach") {
        if (args.size() != 4 || args[2] != "--template")
            return usage("attach takes DOC --template KEY");
        const auto* chosen = library.find(args[3]);
        if (!chosen)
            return failure({rapport::ErrorCode::TemplateUnknown, args[3], {}});
        std::vector<rapport::NewItem> items;
        for (const auto& section : chosen->sections)
            for (const auto& item : section.items)
                items.push_back({chosen->key, item.key, {}, section.key});
        auto attached = store.value().attach(rapport::canonicalDocumentPath(args[1]), chosen->key, items);
        if (!attached)
            return failure(attached.error());
        std::cout << "attached " << attached.value().items.size() << " items\n";
        return 0;
    }
    if (command == "show") {
        if (args.size() != 2)
            return usage("show takes DOC");
        const std::string path = rapport::canonicalDocumentPath(args[1]);
        auto checklist = store.value().checklistFor(path);
        if (!checklist)
            return failure(checklist.error());
        if (!checklist.value())
            return failure({rapport::ErrorCode::DocumentUnknown, path, {}});
        for (const auto& item : checklist.value()->items)
            std::cout << item.id << "\t" << (item.done ? "[x]" : "[ ]") << "\t" << itemText(library, item) << "\n";
        return 0;
    }
    return usage("unknown command \"" + command + "\"");
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "rapport: internal error: " << e.what() << "\n";
        return 1;
    }
}
