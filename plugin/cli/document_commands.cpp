// Commands that follow documents: rename, orphans, relink.
#include "command_table.h"

#include <ostream>

namespace rapport::cli {

namespace {

class RenameCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("OLD", from_)->required();
        app.add_option("NEW", to_)->required();
    }

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        const auto renamed = store->renameDocument(canonicalDocumentPath(from_), canonicalDocumentPath(to_));
        if (!renamed)
            return context.failure(renamed.error());
        return kExitOk;
    }

private:
    std::string from_;
    std::string to_;
};

class OrphansCommand : public Command {
public:
    void define(CLI::App&) override {}

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        auto orphans = store->orphans();
        if (!orphans)
            return context.failure(orphans.error());
        for (const auto& orphan : orphans.value())
            context.out() << orphan.document_id << "\t" << orphan.path << "\n";
        return kExitOk;
    }
};

class RelinkCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_option("DOC", document_)->required(); }

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        auto relinked = store->relinkByFingerprint(canonicalDocumentPath(document_));
        if (!relinked)
            return context.failure(relinked.error());
        if (!relinked.value()) {
            context.err() << "rapport: no single orphaned checklist matches " << document_ << "\n";
            return kExitFailed;
        }
        context.out() << "re-attached the checklist of " << *relinked.value() << "\n";
        return kExitOk;
    }

private:
    std::string document_;
};

} // namespace

std::unique_ptr<Command> makeRenameCommand() { return std::make_unique<RenameCommand>(); }
std::unique_ptr<Command> makeOrphansCommand() { return std::make_unique<OrphansCommand>(); }
std::unique_ptr<Command> makeRelinkCommand() { return std::make_unique<RelinkCommand>(); }

} // namespace rapport::cli
