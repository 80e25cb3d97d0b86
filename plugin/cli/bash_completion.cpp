// The bash completion script, made from the command table (the build writes it with
// --bash-completion): commands, each command's options, document paths, template keys
// (asked of `rapport templates` when completing) and languages.
#include "help_text.h"

#include "localization.h"

#include <map>
#include <set>

namespace rapport::cli {

namespace {

// The words an option's value is completed from; options not listed take a path.
const std::map<std::string, std::string>& valueWords()
{
    static const std::map<std::string, std::string> words = [] {
        std::string languages;
        for (const Language language : kLanguages)
            languages += (languages.empty() ? "" : " ") + std::string(languageCode(language));
        return std::map<std::string, std::string>{
            {"--lang", languages},
            {"--format", "html md txt pdf"},
            {"--status", "todo in-progress waiting blocked done na"},
            {"--owner", "us client"},
            {"--due", "none"},
        };
    }();
    return words;
}

// The options whose value is a path.
const std::set<std::string>& pathOptions()
{
    static const std::set<std::string> options{"--store", "-o", "--from"};
    return options;
}

} // namespace

std::string bashCompletion()
{
    std::string commands = "help";
    std::string cases;
    std::set<std::string> textOptions; // options whose value is free text: nothing to offer
    for (const CommandEntry& entry : commandTable()) {
        commands += " " + std::string(entry.name);
        std::string options = "--help";
        for (const OptionInfo& option : optionsOf(entry)) {
            if (option.positional)
                continue;
            options += " " + option.name;
            if (option.takes_value && !valueWords().count(option.name) && !pathOptions().count(option.name) &&
                option.name != "--template")
                textOptions.insert(option.name);
        }
        cases += "    " + std::string(entry.name) + ") options='" + options + "' ;;\n";
    }
    std::string paths, texts;
    for (const std::string& option : pathOptions())
        paths += (paths.empty() ? "" : "|") + option;
    for (const std::string& option : textOptions)
        texts += (texts.empty() ? "" : "|") + option;
    std::string values;
    for (const auto& [option, words] : valueWords())
        values += "    " + option + ") COMPREPLY=($(compgen -W '" + words + "' -- \"$cur\")); return ;;\n";

    return "# bash completion for rapport (made from its command table by `rapport --bash-completion`)\n"
           "_rapport()\n"
           "{\n"
           "  local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
           "  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "  local command= i\n"
           "  for (( i = 1; i < COMP_CWORD; i++ )); do\n"
           "    case ${COMP_WORDS[i]} in\n"
           "    --store) (( i++ )) ;;\n"
           "    -*) ;;\n"
           "    *) command=${COMP_WORDS[i]}; break ;;\n"
           "    esac\n"
           "  done\n"
           "  COMPREPLY=()\n"
           "  case $prev in\n"
           "    " + paths + ") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
           "    --template) COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" templates 2>/dev/null | cut -f1)\" -- \"$cur\")); return ;;\n" +
           values + (texts.empty() ? std::string() : "    " + texts + ") return ;;\n") +
           "  esac\n"
           "  if [[ -z $command ]]; then\n"
           "    if [[ $cur == -* ]]; then\n"
           "      COMPREPLY=($(compgen -W '--store --help -h --version' -- \"$cur\"))\n"
           "    else\n"
           "      COMPREPLY=($(compgen -W '" + commands + "' -- \"$cur\"))\n"
           "    fi\n"
           "    return\n"
           "  fi\n"
           "  local options=\n"
           "  case $command in\n"
           "    help) COMPREPLY=($(compgen -W '" + commands + "' -- \"$cur\")); return ;;\n" +
           cases +
           "  esac\n"
           "  if [[ $cur == -* ]]; then\n"
           "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "  else\n"
           "    compopt -o filenames 2>/dev/null\n"
           "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "  fi\n"
           "}\n"
           "complete -F _rapport rapport\n";
}

} // namespace rapport::cli
