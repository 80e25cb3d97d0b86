// Commands that move a checklist in and out of the store as XML: export, import.
#include "command_table.h"

#include "atomic_file.h"
#include "checklist_xml.h"
#include "output_path.h"

#include <boost/locale/format.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

class ExportCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_option("-o", output_); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        const std::string target = output_.value_or("-");
        if (const int rc = context.checkOutput(target))
            return rc;
        auto history = context.store()->history(checklist.document_id);
        if (!history)
            return context.failure(history.error());
        auto log = context.store()->clientLog(checklist.document_id);
        if (!log)
            return context.failure(log.error());
        const std::string xml =
            writeChecklistXml({std::move(checklist), std::move(history.value()), std::move(log.value())});
        if (target == "-") {
            context.out() << xml;
            return kExitOk;
        }
        // Whole or not at all: a failed export leaves no half file and no temporary.
        if (const Status written = writeFileAtomically(target, xml); !written)
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
        // A folder, a device (/dev/zero never ends) or a huge file is refused before reading.
        if (const Status readable = checkInputFile(file_, kMaxImportBytes); !readable)
            return context.failure(readable.error());
        std::ifstream in(file_, std::ios::binary | std::ios::ate);
        std::string xml;
        if (in) {
            xml.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
            in.seekg(0);
            in.read(xml.data(), static_cast<std::streamsize>(xml.size()));
        }
        if (!in)
            return context.failure({ErrorCode::FileReadFailed, file_, {}});
        auto parsed = readChecklistXml(xml);
        if (!parsed) {
            Error error = parsed.error();
            error.subject = file_ + ", " + error.subject;
            return context.failure(error);
        }
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        if (const auto imported = store->importChecklist(parsed.value().checklist, parsed.value().history,
                                                     parsed.value().log);
            !imported)
            return context.failure(imported.error());
        const auto count = parsed.value().checklist.items.size();
        // TRANSLATORS: the result of "rapport import"; {1} is a number of checklist items.
        context.out() << (bl::format(bl::translate("imported {1} item", "imported {1} items", static_cast<int>(count))) %
                          count)
                             .str(messageLocale())
                      << "\n";
        return kExitOk;
    }

private:
    std::string file_;
};

} // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }
std::unique_ptr<Command> makeImportCommand() { return std::make_unique<ImportCommand>(); }

} // namespace rapport::cli
