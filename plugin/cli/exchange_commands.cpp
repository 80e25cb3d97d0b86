// Commands that move a checklist in and out of the store as XML: export, import.
#include "command_table.h"

#include "atomic_file.h"
#include "checklist_xml.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

class ExportCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("-o", output_);
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        auto history = context.store()->history(checklist.document_id);
        if (!history)
            return context.failure(history.error());
        const std::string xml = writeChecklistXml({std::move(checklist), std::move(history.value())});
        if (!output_) {
            context.out() << xml;
            return kExitOk;
        }
        // Whole or not at all: a failed export leaves no half file and no temporary.
        if (const Status written = writeFileAtomically(*output_, xml); !written)
            return context.failure(written.error());
        return kExitOk;
    }

private:
    std::optional<std::string> output_;
};

class ImportCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_option("FILE", file_)->required(); }

    int run(CliContext& context) override
    {
        std::ifstream in(file_, std::ios::binary);
        if (!in)
            return context.failure({ErrorCode::InvalidArgument, file_, "cannot read the file"});
        const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto parsed = readChecklistXml(xml);
        if (!parsed)
            return context.failure({parsed.error().code, file_ + ", " + parsed.error().subject, parsed.error().detail});
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        if (const auto imported = store->importChecklist(parsed.value().checklist, parsed.value().history); !imported)
            return context.failure(imported.error());
        context.out() << "imported " << parsed.value().checklist.items.size() << " items\n";
        return kExitOk;
    }

private:
    std::string file_;
};

} // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }
std::unique_ptr<Command> makeImportCommand() { return std::make_unique<ImportCommand>(); }

} // namespace rapport::cli
