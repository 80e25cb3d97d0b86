// rapport(1), in roff, made from the command table (the build writes it with --man).
#include "help_text.h"

#include "localization.h"

namespace rapport::cli {

namespace {

// `text` for roff: backslashes and hyphens escaped, runs of white space (the synopses'
// continuation lines) folded into one space, a leading dot or quote made harmless.
std::string roff(std::string_view text)
{
    std::string result;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !result.empty())
            result += ' ';
        space = false;
        if (c == '\\')
            result += "\\e";
        else if (c == '-')
            result += "\\-";
        else
            result += c;
    }
    if (!result.empty() && (result[0] == '.' || result[0] == '\''))
        result = "\\&" + result;
    return result;
}

} // namespace

std::string manPage()
{
    std::string languages;
    for (const Language language : kLanguages)
        languages += (languages.empty() ? "" : ", ") + std::string(languageCode(language));
    std::string page = ".TH RAPPORT 1 \"\" \"rapport " RAPPORT_VERSION "\" \"User Commands\"\n"
                       ".SH NAME\n"
                       "rapport \\- client\\-expectation checklists and progress reports for documents\n"
                       ".SH SYNOPSIS\n"
                       ".B rapport\n"
                       "[\\fB\\-\\-store\\fR \\fIPATH\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n"
                       ".br\n"
                       ".B rapport help\n"
                       "[\\fICOMMAND\\fR]\n"
                       ".br\n"
                       ".B rapport \\-\\-version\n"
                       ".SH DESCRIPTION\n"
                       "Rapport keeps a checklist of what a client expects beside each document (a brief, a\n"
                       "specification) and makes progress reports from it. The Code::Blocks and Geany plugins\n"
                       "show it in the editor's sidebar;\n"
                       ".B rapport\n"
                       "works on the same store from the command line. Commands that list things take\n"
                       ".B \\-\\-json\n"
                       "for output a program can read (keys and formats: /usr/share/doc/rapport/cli.md).\n"
                       ".SH COMMANDS\n";
    for (const CommandEntry& entry : commandTable()) {
        page += ".TP\n\\fB" + roff(entry.name) + "\\fR";
        if (!entry.synopsis.empty())
            page += " " + roff(entry.synopsis);
        page += "\n" + roff(entry.summary) + "\n";
    }
    page += ".PP\n\\fICODE\\fR, the value of \\-\\-lang and \\-\\-client\\-lang, is one of the languages " + roff(languages) +
            ".\n";
    page += ".SH OPTIONS\n"
            ".TP\n.BI \\-\\-store \" PATH\"\nUse the store at PATH instead of your own.\n"
            ".TP\n.BR \\-h \", \" \\-\\-help\nShow the usage; after a command, that command's.\n"
            ".TP\n.B \\-\\-version\nShow the version.\n"
            ".SH EXIT STATUS\n"
            "0 when the command did what it was asked, 1 when it failed, 2 when it was used wrongly\n"
            "(found before anything was read or written).\n"
            ".SH ENVIRONMENT\n"
            ".TP\n.BR LC_ALL \", \" LC_MESSAGES \", \" LANG\n"
            "The language of the messages: " +
            roff(languages) +
            "; English for any other.\n"
            ".TP\n.B RAPPORT_DATA_DIR\n"
            "The folder of the store, its backups and settings (default: $XDG_DATA_HOME/rapport, else\n"
            "~/.local/share/rapport).\n"
            ".SH FILES\n"
            ".TP\n.I ~/.local/share/rapport/templates\n"
            "Your own checklist templates: they add to the bundled ones, and one with the key of a\n"
            "bundled template replaces it. Nothing is ever installed there.\n"
            ".TP\n.I /usr/share/rapport/templates\n"
            "The bundled templates (relative to the installation prefix).\n"
            ".SH SEE ALSO\n"
            ".BR codeblocks (1),\n"
            ".BR geany (1)\n";
    return page;
}

} // namespace rapport::cli
