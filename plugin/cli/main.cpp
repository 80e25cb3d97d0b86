// rapport: command-line access to the checklists in a Rapport store.
// Exit codes: 0 success, 1 the operation failed, 2 bad usage (cli_context.h).
#include "command_table.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace rapport::cli;

int usage(const std::string& problem, const CommandEntry* entry)
{
    std::cerr << "rapport: " << problem << "\n";
    if (entry)
        std::cerr << "usage: rapport " << entry->name << " " << entry->synopsis << "\n";
    else
        std::cerr << usageText();
    return kExitUsage;
}

int run(std::vector<std::string> args)
{
    std::filesystem::path storeFile = rapport::defaultStoreFile();
    if (args.size() >= 2 && args[0] == "--store") {
        storeFile = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty())
        return usage("no command given", nullptr);
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usageText();
        return kExitOk;
    }
    const CommandEntry* entry = findCommand(args[0]);
    if (!entry)
        return usage("unknown command \"" + args[0] + "\"", nullptr);

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
        std::cout << "usage: rapport " << entry->name << " " << entry->synopsis << "\n" << entry->summary << "\n";
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        return usage(e.what(), entry);
    }
    if (const std::string problem = command->check(); !problem.empty())
        return usage(problem, entry);
    CliContext context(storeFile, std::cout, std::cerr);
    return command->run(context);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "rapport: internal error: " << e.what() << "\n";
        return kExitFailed;
    }
}
