// What the tool says about itself, all made from the command table (command_table.h):
// the usage text (--help, -h, help), one command's help (help CMD, CMD --help), the man
// page (the hidden --man, written at build time) and the bash completion script (the
// hidden --bash-completion, also written at build time).
#pragma once

#include "command_table.h"

#include <string>
#include <vector>

namespace rapport::cli {

// One argument or option a command takes, as its CLI11 definition declares it.
struct OptionInfo {
    std::string name;  // "DOC", "--status", "-o"
    bool positional = false;
    bool takes_value = false; // an option with a value (not a flag)
};

// The arguments and options of the command, in the order it declares them (help left out).
std::vector<OptionInfo> optionsOf(const CommandEntry& entry);

// The version, from CMake's project version.
std::string versionText();
// The usage text in the user's language: how to call the tool, every command with its
// synopsis and summary, the global options.
std::string usageText();
// One command's help in the user's language: its usage line, summary and options.
std::string commandHelp(const CommandEntry& entry);
// The man page, rapport(1), in roff (English).
std::string manPage();
// The bash completion script: commands, options, document paths, template keys, languages.
std::string bashCompletion();

} // namespace rapport::cli
