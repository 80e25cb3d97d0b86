#include "command_table.h"

#include <algorithm>

namespace rapport::cli {

const std::vector<CommandEntry>& commandTable()
{
    static const std::vector<CommandEntry> table{
        {"attach", "DOC --template KEY", "attach a checklist from a template to DOC", makeAttachCommand},
        {"add", "DOC TEXT", "add a custom item with TEXT to DOC's checklist", makeAddCommand},
        {"set",
         "DOC ITEM [--status todo|in-progress|waiting|blocked|done|na] [--reason TEXT]\n"
         "               [--due YYYY-MM-DD|none] [--note TEXT] [--owner us|client] [--internal|--visible]",
         "change an item (ITEM: the number show prints, or a template item key)", makeSetCommand},
        {"rename", "OLD NEW", "the document moved: its checklist goes with it", makeRenameCommand},
        {"orphans", "", "list checklists whose document no longer exists", makeOrphansCommand},
        {"relink", "DOC [--yes | --from OLD]",
         "re-attach an orphaned checklist whose document moved to DOC (found by its content;\n"
         "--yes accepts an edited match, --from chooses the checklist of the document once at OLD)",
         makeRelinkCommand},
        {"show", "DOC", "print DOC's checklist", makeShowCommand},
        {"history", "DOC", "print every recorded change to DOC's checklist", makeHistoryCommand},
        {"export", "DOC [-o FILE|-]", "write DOC's checklist and history as XML (lossless; standard output by default)",
         makeExportCommand},
        {"import", "FILE", "read a checklist exported by export, all or nothing", makeImportCommand},
        {"templates", "", "list the available templates", makeTemplatesCommand},
        {"report",
         "DOC --lang en|ru|tr|zh_CN --format html|md|txt|pdf -o FILE|- [--summary TEXT] [--next-steps TEXT]",
         "write a progress report for the client and keep it as a snapshot\n"
         "(--lang defaults to the client's language (project), else the last report's, else en;\n"
         "--format defaults to FILE's extension)",
         makeReportCommand},
        {"reports", "DOC", "list the reports made for DOC", makeReportsCommand},
        {"report-diff", "DOC OLD NEW", "what changed between two of DOC's reports (ids from reports)",
         makeReportDiffCommand},
        // Project settings, revision rounds and the update rhythm (project_commands.cpp).
        {"project",
         "DOC [--client NAME] [--client-lang en|ru|tr|zh_CN|none] [--deadline YYYY-MM-DD|none]\n"
         "               [--rhythm weekly|biweekly|monthly|Nd|none] [--next-update YYYY-MM-DD|none]\n"
         "               [--rounds-agreed N|none]",
         "show DOC's project settings, or set them (all in one change set, undone one by one)", makeProjectCommand},
        {"round", "DOC --start TEXT [--beyond-agreed]",
         "start a revision round for TEXT; refused past the rounds agreed unless --beyond-agreed",
         makeRoundCommand},
        {"update-sent", "DOC", "mark the client update sent: the next update moves on by the rhythm",
         makeUpdateSentCommand},
        // Items and sections (structure_commands.cpp).
        {"sections", "DOC", "print DOC's sections: number, title, items", makeSectionsCommand},
        {"add-section", "DOC TITLE", "add a section of your own at the end", makeAddSectionCommand},
        {"move", "DOC ITEM INDEX [--section SECTION]", "move an item to INDEX (0-based) of its or another section",
         makeMoveCommand},
        {"delete", "DOC ITEM", "delete a custom item", makeDeleteCommand},
        {"move-section", "DOC SECTION INDEX", "move a section to INDEX (0-based)", makeMoveSectionCommand},
        {"delete-section", "DOC SECTION", "delete a section and its items", makeDeleteSectionCommand},
        // Sharing with a team through git or a synced folder (sharing_commands.cpp).
        {"share", "DOC", "share DOC's checklist through .rapport/DOC.rapport beside it (commit that file)",
         makeShareCommand},
        {"unshare", "DOC", "stop writing DOC's sidecar; the file and the checklist stay", makeUnshareCommand},
        {"git-setup", "[REPO]", "make git merge sidecars by union (.gitattributes and the merge driver)",
         makeGitSetupCommand},
        {"merge-sidecar", "BASE OURS THEIRS", "the merge driver git runs: the union of OURS and THEIRS into OURS",
         makeMergeSidecarCommand},
    };
    return table;
}

const CommandEntry* findCommand(std::string_view name)
{
    const auto& table = commandTable();
    const auto found = std::find_if(table.begin(), table.end(), [&](const CommandEntry& e) { return e.name == name; });
    return found == table.end() ? nullptr : &*found;
}

std::string usageText()
{
    std::string text = "usage: rapport [--store PATH] COMMAND ...\ncommands:\n";
    for (const CommandEntry& entry : commandTable()) {
        std::string line = "  " + std::string(entry.name);
        if (!entry.synopsis.empty())
            line += " " + std::string(entry.synopsis);
        text += line + "\n";
        std::string_view summary = entry.summary;
        while (!summary.empty()) {
            const auto end = summary.find('\n');
            text += "                              " + std::string(summary.substr(0, end)) + "\n";
            summary = end == std::string_view::npos ? std::string_view() : summary.substr(end + 1);
        }
    }
    return text;
}

} // namespace rapport::cli
