// rapport: command-line access to the checklists in a Rapport store.
// Exit codes: 0 success, 1 the operation failed, 2 bad usage (cli_context.h).
#include "command_table.h"
#include "help_text.h"

#include "terminal_text.h"

#include <boost/locale/format.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace bl = boost::locale;
using namespace rapport::cli;

int usage(const std::string& problem, const CommandEntry* entry)
{
    std::cerr << "rapport: " << rapport::escapeForTerminal(problem) << "\n";
    if (entry)
        std::cerr << "usage: rapport " << entry->name << " " << entry->synopsis << "\n"
                  // TRANSLATORS: after a usage line; keep "rapport help" as it is. {1} is a command.
                  << formatted(bl::translate("\"rapport help {1}\" tells more."), {std::string(entry->name)}) << "\n";
    else
        std::cerr << usageText();
    return kExitUsage;
}

// Every value on the command line is text Rapport may keep or show: checked once, here,
// before the store is opened. Paths (documents, files) take no control character at all;
// other text takes tabs and line breaks, and no more than the longest field (a note).
std::string checkValues(const CLI::App& app)
{
    static const std::vector<std::string> paths{"DOC", "OLD", "NEW", "FILE", "-o", "--from", "--store"};
    for (const CLI::Option* option : app.get_options()) {
        const std::string name = option->get_name();
        const bool path = std::find(paths.begin(), paths.end(), name) != paths.end();
        for (const std::string& value : option->results())
            if (std::string problem =
                    checkArgument(name, value, path ? rapport::TextField::DocumentPath : rapport::TextField::Note);
                !problem.empty())
                return problem;
    }
    return {};
}

// The parser's objection in the user's language: CLI11 speaks English only, so the common
// mistakes are named here from what the parser kept; anything rarer keeps its own words.
std::string parseProblem(const CLI::App& app, const CLI::ParseError& error, std::string_view command)
{
    const std::string what = error.what();
    // The option the parser names first in its message (its messages start with the name).
    auto named = [&]() -> std::string {
        std::string best;
        for (const CLI::Option* option : app.get_options()) {
            const std::string name = option->get_name(option->get_positional(), false);
            if (!name.empty() && what.rfind(name, 0) == 0 && name.size() > best.size())
                best = name;
        }
        return best;
    };
    if (dynamic_cast<const CLI::ExtrasError*>(&error) && !app.remaining().empty())
        // TRANSLATORS: {1} is what was typed, {2} the command; the usage line follows.
        return formatted(bl::translate("\"{1}\" is not an argument of \"{2}\""),
                         {app.remaining().front(), std::string(command)});
    if (dynamic_cast<const CLI::RequiredError*>(&error))
        for (const CLI::Option* option : app.get_options())
            if (option->get_required() && option->count() == 0)
                // TRANSLATORS: {1} is an argument or option the command needs (DOC, --start); keep it as it is.
                return formatted(bl::translate("{1} is missing"), {option->get_name(option->get_positional(), false)});
    // ArgumentMismatch is an option without its value, or one given more than once.
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error))
        if (const std::string name = named(); !name.empty()) {
            const CLI::Option* option = app.get_option_no_throw(name);
            if (option && option->results().empty())
                // TRANSLATORS: {1} is an option typed without its value (--status); keep it as it is.
                return formatted(bl::translate("{1} needs a value"), {name});
            if (option && option->results().size() > 1)
                // TRANSLATORS: {1} is an option typed twice or more (--status); keep it as it is.
                return formatted(bl::translate("{1} is given more than once"), {name});
        }
    // TRANSLATORS: {1} is the command; {2} is the parser's own words, in English. The usage line follows.
    return formatted(bl::translate("the arguments of \"{1}\" are not right ({2}); see the usage below"),
                     {std::string(command), what});
}

int run(std::vector<std::string> args)
{
    std::filesystem::path storeFile = rapport::defaultStoreFile();
    if (args.size() >= 2 && args[0] == "--store") {
        if (std::string problem = checkArgument("--store", args[1], rapport::TextField::DocumentPath); !problem.empty())
            return usage(problem, nullptr);
        storeFile = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty())
        // TRANSLATORS: the command line named no command; the list of commands follows.
        return usage(say(bl::translate("no command given: name one of the commands below")), nullptr);
    // What the tool says about itself: standard output, exit 0 (git's habit).
    if (args[0] == "--version" || args[0] == "-V") {
        std::cout << versionText();
        return kExitOk;
    }
    if (args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
        std::cout << usageText();
        return kExitOk;
    }
    if (args[0] == "help") {
        const CommandEntry* asked = findCommand(args[1]);
        if (!asked)
            // TRANSLATORS: {1} is what was typed after "rapport help"; the list of commands follows.
            return usage(formatted(bl::translate("there is no command \"{1}\": see the commands below"), {args[1]}),
                         nullptr);
        std::cout << commandHelp(*asked);
        return kExitOk;
    }
    // Hidden: the build writes the man page and the completion script with these.
    if (args[0] == "--man") {
        std::cout << manPage();
        return kExitOk;
    }
    if (args[0] == "--bash-completion") {
        std::cout << bashCompletion();
        return kExitOk;
    }
    const CommandEntry* entry = findCommand(args[0]);
    if (!entry)
        // TRANSLATORS: {1} is what was typed as the command; the list of commands follows.
        return usage((bl::format(bl::translate("unknown command \"{1}\": use one of the commands below")) % args[0])
                         .str(messageLocale()),
                     nullptr);

    // Every argument is checked before the store is opened or a file written.
    std::unique_ptr<Command> command = entry->make();
    CLI::App app{std::string(entry->summary), "rapport " + std::string(entry->name)};
    command->define(app);
    std::vector<const char*> argv{"rapport"};
    for (auto it = args.begin() + 1; it != args.end(); ++it)
        argv.push_back(it->c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::CallForHelp&) {
        std::cout << commandHelp(*entry);
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        return usage(parseProblem(app, e, entry->name), entry);
    }
    if (const std::string problem = checkValues(app); !problem.empty())
        return usage(problem, entry);
    if (const std::string problem = command->check(); !problem.empty())
        return usage(problem, entry);
    CliContext context(storeFile, std::cout, std::cerr);
    const int rc = command->run(context);
    context.settle(); // the sidecars this run appended to, in canonical order
    context.finish(rc);
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        try {
            // TRANSLATORS: {1} is the technical reason, in English.
            std::cerr << "rapport: "
                      << rapport::escapeForTerminal(
                             (bl::format(bl::translate("an unexpected problem stopped the command; what it had saved "
                                                       "stays saved. Please report this, with the details: {1}")) %
                              e.what())
                                 .str(messageLocale()))
                      << "\n";
        } catch (...) {
            std::cerr << "rapport: internal error\n";
        }
        return kExitFailed;
    }
}
