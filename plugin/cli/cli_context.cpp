#include "cli_context.h"

#include <ctime>
#include <ostream>

namespace rapport::cli {

CliContext::CliContext(std::filesystem::path store_file, std::ostream& out, std::ostream& err)
    : storeFile_(std::move(store_file)), out_(out), err_(err)
{
}

Store* CliContext::store()
{
    if (!store_) {
        auto opened = Store::open(storeFile_);
        if (!opened) {
            failure(opened.error());
            return nullptr;
        }
        store_.emplace(std::move(opened.value()));
    }
    return &*store_;
}

const TemplateLibrary& CliContext::templates()
{
    if (!templates_)
        templates_.emplace(TemplateLibrary::load(defaultTemplateFolders()));
    return *templates_;
}

int CliContext::failure(const Error& error)
{
    err_ << "rapport: " << error.description() << "\n";
    return kExitFailed;
}

int CliContext::loadChecklist(const std::string& document, Checklist& out)
{
    Store* opened = store();
    if (!opened)
        return kExitFailed;
    const std::string path = canonicalDocumentPath(document);
    auto checklist = opened->checklistFor(path);
    if (!checklist)
        return failure(checklist.error());
    if (!checklist.value())
        return failure({ErrorCode::DocumentUnknown, path, {}});
    out = std::move(*checklist.value());
    return kExitOk;
}

} // namespace rapport::cli
