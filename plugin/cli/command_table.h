// The `rapport` tool's commands, as one table: each has a name, how it is called, what it
// does, and a handler. main.cpp parses the command line against it; --help, `help CMD`,
// the man page and the bash completion (help_text.h) are all made from it, so a command
// added here appears in all of them.
#pragma once

#include "cli_context.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::cli {

// One command: its options, bound to its own members, and what it does with them.
class Command {
public:
    virtual ~Command() = default;
    // Declares the command's arguments and options on `app`.
    virtual void define(CLI::App& app) = 0;
    // Checks what the options alone can tell (before the store is opened); "" when fine,
    // else the problem in the user's language (say(), messageLocale()), reported as bad
    // usage (exit 2). The text of every value (UTF-8, control characters, the longest
    // field) is checked before this, for every command, by main.cpp.
    virtual std::string check() { return {}; }
    // Does the work; returns the exit code.
    virtual int run(CliContext& context) = 0;
};

// A command on one document's checklist: DOC comes first, and its checklist is found
// (or its absence reported) before runOn() is called.
class ChecklistCommand : public Command {
public:
    void define(CLI::App& app) final
    {
        app.add_option("DOC", document_)->required();
        defineMore(app);
    }
    int run(CliContext& context) final
    {
        Checklist checklist;
        if (const int rc = context.loadChecklist(document_, checklist))
            return rc;
        return runOn(context, checklist);
    }

protected:
    // Declares what the command takes after DOC.
    virtual void defineMore(CLI::App&) {}
    // Does the work on DOC's checklist (the store is open); returns the exit code.
    virtual int runOn(CliContext& context, Checklist& checklist) = 0;

private:
    std::string document_;
};

// Marks a string for the catalogue (scripts/update-catalogues extracts N_) without
// translating it where it stands: the table's summaries are translated when shown.
constexpr const char* N_(const char* text) { return text; }

// A row of the table.
struct CommandEntry {
    std::string_view name;
    std::string_view synopsis; // the arguments, as the usage line shows them
    const char* summary;       // what it does, in English (the msgid); summaryOf() translates it
    std::function<std::unique_ptr<Command>()> make;
};

// The entry's summary in the user's language (messageLocale()).
std::string summaryOf(const CommandEntry& entry);

// Every command, in the order the usage text lists them.
const std::vector<CommandEntry>& commandTable();
// The entry named `name`, or nullptr.
const CommandEntry* findCommand(std::string_view name);

// The commands, one factory each, grouped by concept in their own files.
std::unique_ptr<Command> makeAttachCommand();      // checklist_commands.cpp
std::unique_ptr<Command> makeAddCommand();         // checklist_commands.cpp
std::unique_ptr<Command> makeSetCommand();         // checklist_commands.cpp
std::unique_ptr<Command> makeShowCommand();        // checklist_commands.cpp
std::unique_ptr<Command> makeHistoryCommand();     // checklist_commands.cpp
std::unique_ptr<Command> makeLogCommand();         // log_commands.cpp
std::unique_ptr<Command> makeTemplatesCommand();   // checklist_commands.cpp
std::unique_ptr<Command> makeRenameCommand();      // document_commands.cpp
std::unique_ptr<Command> makeOrphansCommand();     // document_commands.cpp
std::unique_ptr<Command> makeRelinkCommand();      // document_commands.cpp
std::unique_ptr<Command> makeExportCommand();      // exchange_commands.cpp
std::unique_ptr<Command> makeImportCommand();      // exchange_commands.cpp
std::unique_ptr<Command> makeReportCommand();      // report_commands.cpp
std::unique_ptr<Command> makeReportsCommand();     // report_commands.cpp
std::unique_ptr<Command> makeReportDiffCommand();  // report_commands.cpp
std::unique_ptr<Command> makeSectionsCommand();      // structure_commands.cpp
std::unique_ptr<Command> makeAddSectionCommand();    // structure_commands.cpp
std::unique_ptr<Command> makeMoveCommand();          // structure_commands.cpp
std::unique_ptr<Command> makeDeleteCommand();        // structure_commands.cpp
std::unique_ptr<Command> makeMoveSectionCommand();   // structure_commands.cpp
std::unique_ptr<Command> makeDeleteSectionCommand(); // structure_commands.cpp
std::unique_ptr<Command> makeShareCommand();         // sharing_commands.cpp
std::unique_ptr<Command> makeUnshareCommand();       // sharing_commands.cpp
std::unique_ptr<Command> makeGitSetupCommand();      // sharing_commands.cpp
std::unique_ptr<Command> makeMergeSidecarCommand();  // sharing_commands.cpp
std::unique_ptr<Command> makeProjectCommand();       // project_commands.cpp
std::unique_ptr<Command> makeRoundCommand();         // project_commands.cpp
std::unique_ptr<Command> makeUpdateSentCommand();    // project_commands.cpp

} // namespace rapport::cli
