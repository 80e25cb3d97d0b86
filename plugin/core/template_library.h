// Checklist templates: XML files in assets/templates/ and in the user's data folder.
// Their English text is the msgid; the catalogue translates it with the context
// "template:KEY", so templates change language exactly like the interface does.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// One item a template proposes.
struct TemplateItem {
    std::string key;         // stable id, stored in the checklist
    std::string title;       // English msgid
    std::string description; // English msgid
    std::string why;         // "why it matters", English msgid
};

// A group of items within a template.
struct TemplateSection {
    std::string key;
    std::string title; // English msgid
    std::vector<TemplateItem> items;
};

// A whole template.
struct ChecklistTemplate {
    std::string key;
    std::string title;       // English msgid
    std::string description; // English msgid
    std::vector<TemplateSection> sections;
    std::filesystem::path source;

    // The catalogue context of every string in this template.
    std::string context() const { return "template:" + key; }
};

// Why one template file could not be loaded, with where in it.
struct TemplateLoadError {
    std::filesystem::path file;
    int line = 0;   // 1-based; 0 when not applicable
    int column = 0; // 1-based; 0 when not applicable
    std::string what;

    // "FILE:LINE:COLUMN: what", in English (technical; shown inside a translated sentence).
    std::string description() const;
};

// The template format version this build reads.
inline constexpr int kTemplateFormatVersion = 1;

// Every template found in a list of folders. A bad file is reported and skipped;
// the others still load. A later folder's template replaces an earlier one's with
// the same key, so a user's own template can override a bundled one.
class TemplateLibrary {
public:
    // Reads every *.xml file in each folder, in order; missing folders are skipped.
    static TemplateLibrary load(const std::vector<std::filesystem::path>& folders);

    // Parses one template from memory; `file` names it in errors.
    static bool parse(std::string_view xml, const std::filesystem::path& file, ChecklistTemplate& out,
                      TemplateLoadError& error);

    const std::vector<ChecklistTemplate>& templates() const noexcept { return templates_; }
    const std::vector<TemplateLoadError>& errors() const noexcept { return errors_; }

    // The template with `key`, or nullptr.
    const ChecklistTemplate* find(std::string_view key) const;
    // The item `item_key` of template `template_key`, or nullptr.
    const TemplateItem* findItem(std::string_view template_key, std::string_view item_key) const;

private:
    std::vector<ChecklistTemplate> templates_;
    std::vector<TemplateLoadError> errors_;
};

// The folder of bundled templates: $RAPPORT_ASSETS_DIR/templates if set, else the
// templates/ of bundledDataFolder() (install_paths.h): the install's share/rapport, or
// the build tree's share/rapport (which links to the source tree's assets/templates).
std::filesystem::path bundledTemplateFolder();

// The user's own templates, loaded after the bundled ones: $RAPPORT_DATA_DIR/templates,
// else $XDG_DATA_HOME/rapport/templates, else ~/.local/share/rapport/templates.
// Empty when none of those variables is set. The folder need not exist.
std::filesystem::path userTemplateFolder();

// The bundled folder, then the user's: the list to pass to TemplateLibrary::load.
std::vector<std::filesystem::path> defaultTemplateFolders();

} // namespace rapport
