#include "command_table.h"

#include <boost/locale/message.hpp>

#include <algorithm>

namespace rapport::cli {

const std::vector<CommandEntry>& commandTable()
{
    // TRANSLATORS: the summaries below are shown by "rapport --help", one per command; keep
    // command names, option names and upper-case placeholders (DOC, ITEM, FILE) as they are.
    static const std::vector<CommandEntry> table{
        {"attach", "DOC [--template KEY]",
         N_("attach a checklist to DOC: the template's items, or an empty checklist without --template"), makeAttachCommand},
        {"add", "DOC TEXT", N_("add a custom item with TEXT to DOC's checklist"), makeAddCommand},
        {"set",
         "DOC ITEM [--status todo|in-progress|waiting|blocked|done|na] [--reason TEXT]\n"
         "               [--due YYYY-MM-DD|none] [--note TEXT] [--owner us|client] [--internal|--visible]",
         N_("change an item (ITEM: the number show prints, or a template item key)"), makeSetCommand},
        {"rename", "OLD NEW", N_("the document moved: its checklist goes with it"), makeRenameCommand},
        {"orphans", "[--json]", N_("list checklists whose document no longer exists"), makeOrphansCommand},
        {"relink", "DOC [--yes | --from OLD]",
         N_("re-attach an orphaned checklist whose document moved to DOC (found by its content;\n"
         "--yes accepts an edited match, --from chooses the checklist of the document once at OLD)"), makeRelinkCommand},
        {"show", "DOC [--json]", N_("print DOC's checklist"), makeShowCommand},
        {"history", "DOC [--json]", N_("print every recorded change to DOC's checklist"), makeHistoryCommand},
        {"export", "DOC [-o FILE|-]", N_("write DOC's checklist and history as XML (lossless; standard output by default)"), makeExportCommand},
        {"import", "FILE", N_("read a checklist exported by export, all or nothing"), makeImportCommand},
        {"templates", "[--json]", N_("list the available templates"), makeTemplatesCommand},
        {"report",
         "DOC --lang CODE --format html|md|txt|pdf -o FILE|- [--summary TEXT] [--next-steps TEXT]",
         N_("write a progress report for the client and keep it as a snapshot\n"
         "(--lang defaults to the client's language (project), else the last report's, else en;\n"
         "--format defaults to FILE's extension)"),
         makeReportCommand},
        {"reports", "DOC [--json]", N_("list the reports made for DOC"), makeReportsCommand},
        {"report-diff", "DOC OLD NEW", N_("what changed between two of DOC's reports (ids from reports)"), makeReportDiffCommand},
        // Project settings, revision rounds and the update rhythm (project_commands.cpp).
        {"project",
         "DOC [--client NAME] [--client-lang CODE|none] [--deadline YYYY-MM-DD|none]\n"
         "               [--rhythm weekly|biweekly|monthly|Nd|none] [--next-update YYYY-MM-DD|none]\n"
         "               [--rounds-agreed N|none]",
         N_("show DOC's project settings, or set them (all in one change set, undone one by one)"), makeProjectCommand},
        {"round", "DOC --start TEXT [--beyond-agreed]",
         N_("start a revision round for TEXT; refused past the rounds agreed unless --beyond-agreed"),
         makeRoundCommand},
        {"update-sent", "DOC", N_("mark the client update sent: the next update moves on by the rhythm"),
         makeUpdateSentCommand},
        // The client log: what the client said, what we promised (log_commands.cpp).
        {"log",
         "DOC [--json]\n"
         "       rapport log DOC add --kind request|change-request|complaint|approval|feedback|question\n"
         "               --channel call|email|meeting|message --said TEXT [--answer TEXT] [--who NAME]\n"
         "               [--when YYYY-MM-DDTHH:MM] [--promise TEXT [--due YYYY-MM-DD]] [--internal]\n"
         "       rapport log DOC resolve N [--resolution TEXT] [--accept | --decline REASON]",
         N_("list DOC's client log, add an entry (a promise becomes an item with its due date),\n"
         "or resolve entry N (a change request: --accept or --decline with the reason)"),
         makeLogCommand},
        // Items and sections (structure_commands.cpp).
        {"sections", "DOC", N_("print DOC's sections: number, title, items"), makeSectionsCommand},
        {"add-section", "DOC TITLE", N_("add a section of your own at the end"), makeAddSectionCommand},
        {"move", "DOC ITEM INDEX [--section SECTION]", N_("move an item to INDEX (0-based) of its or another section"), makeMoveCommand},
        {"delete", "DOC ITEM", N_("delete a custom item"), makeDeleteCommand},
        {"move-section", "DOC SECTION INDEX", N_("move a section to INDEX (0-based)"), makeMoveSectionCommand},
        {"delete-section", "DOC SECTION", N_("delete a section and its items"), makeDeleteSectionCommand},
        // Sharing with a team through git or a synced folder (sharing_commands.cpp).
        {"share", "DOC", N_("share DOC's checklist through .rapport/DOC.rapport beside it (commit that file)"), makeShareCommand},
        {"unshare", "DOC", N_("stop writing DOC's sidecar; the file and the checklist stay"), makeUnshareCommand},
        {"git-setup", "[REPO]", N_("make git merge sidecars by union (.gitattributes and the merge driver)"), makeGitSetupCommand},
        {"merge-sidecar", "BASE OURS THEIRS", N_("the merge driver git runs: the union of OURS and THEIRS into OURS"), makeMergeSidecarCommand},
    };
    return table;
}

const CommandEntry* findCommand(std::string_view name)
{
    const auto& table = commandTable();
    const auto found = std::find_if(table.begin(), table.end(), [&](const CommandEntry& e) { return e.name == name; });
    return found == table.end() ? nullptr : &*found;
}

std::string summaryOf(const CommandEntry& entry) { return say(boost::locale::translate(entry.summary)); }

} // namespace rapport::cli
