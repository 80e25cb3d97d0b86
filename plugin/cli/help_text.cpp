#include "help_text.h"

#include "cli_context.h"
#include "localization.h"

#include <boost/locale/message.hpp>

#include <algorithm>

#ifndef RAPPORT_VERSION
#error "RAPPORT_VERSION comes from CMake's project version"
#endif

namespace rapport::cli {

namespace bl = boost::locale;

namespace {

// `text` indented by `indent` spaces on every line.
std::string indented(std::string_view text, std::size_t indent)
{
    std::string result;
    while (!text.empty()) {
        const auto end = text.find('\n');
        result += std::string(indent, ' ') + std::string(text.substr(0, end)) + "\n";
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return result;
}

// The line that says what CODE stands for in the synopses: the codes come from LINGUAS.
std::string languagesLine()
{
    // TRANSLATORS: {1} is the list of language codes, "en, ru, tr, zh_CN"; keep "CODE" as it is
    // (it stands for the value of --lang and --client-lang).
    return formatted(bl::translate("CODE is one of the languages {1}."), {languageCodeList()}) + "\n";
}

} // namespace

std::vector<OptionInfo> optionsOf(const CommandEntry& entry)
{
    CLI::App app;
    entry.make()->define(app);
    std::vector<OptionInfo> options;
    for (const CLI::Option* option : app.get_options()) {
        if (option == app.get_help_ptr() || option == app.get_help_all_ptr())
            continue;
        OptionInfo info;
        info.positional = option->get_positional();
        info.name = info.positional ? option->get_name() : option->get_name(false, false);
        info.takes_value = !info.positional && option->get_expected_max() > 0;
        options.push_back(std::move(info));
    }
    return options;
}

std::string versionText() { return "rapport " RAPPORT_VERSION "\n"; }

std::string usageText()
{
    std::string text = "usage: rapport [--store PATH] COMMAND [ARGUMENTS]\n"
                       "       rapport help [COMMAND]\n"
                       "       rapport --version\n\n";
    // TRANSLATORS: a heading of "rapport --help"; the commands follow.
    text += say(bl::translate("Commands:")) + "\n";
    for (const CommandEntry& entry : commandTable()) {
        std::string line = "  " + std::string(entry.name);
        if (!entry.synopsis.empty())
            line += " " + std::string(entry.synopsis);
        text += line + "\n" + indented(summaryOf(entry), 6);
    }
    text += "\n" + languagesLine();
    // TRANSLATORS: a heading of "rapport --help"; the options every command takes follow.
    text += "\n" + say(bl::translate("Options:")) + "\n";
    // TRANSLATORS: keep "--store PATH" as it is.
    text += "  --store PATH\n" + indented(say(bl::translate("use the store at PATH instead of your own")), 6);
    text += "  -h, --help\n" + indented(say(bl::translate("show this help; after a command, that command's")), 6);
    text += "  --version\n" + indented(say(bl::translate("show the version")), 6);
    // TRANSLATORS: the last lines of "rapport --help"; keep "rapport help COMMAND" and "man rapport" as they are.
    text += "\n" + say(bl::translate("\"rapport help COMMAND\" or \"man rapport\" tells more. Exit codes: 0 done, "
                                     "1 failed, 2 wrong usage.")) +
            "\n";
    return text;
}

std::string commandHelp(const CommandEntry& entry)
{
    std::string text = "usage: rapport " + std::string(entry.name);
    if (!entry.synopsis.empty())
        text += " " + std::string(entry.synopsis);
    text += "\n\n" + summaryOf(entry) + "\n";
    std::string names;
    for (const OptionInfo& option : optionsOf(entry))
        if (!option.positional)
            names += " " + option.name + (option.takes_value ? " VALUE" : "");
    if (!names.empty())
        // TRANSLATORS: a heading of "rapport help COMMAND"; the command's options follow.
        text += "\n" + say(bl::translate("Options:")) + names + "\n";
    if (entry.synopsis.find("CODE") != std::string_view::npos)
        text += languagesLine();
    return text;
}

} // namespace rapport::cli
