// What every command of the `rapport` tool works with: the store (opened only when a
// command needs it, so a typo creates no file), the templates, the output streams, and
// the two ways a command ends badly (exit 1: it failed; exit 2: it was used wrongly).
#pragma once

#include "calendar.h"
#include "error.h"
#include "model.h"
#include "store.h"
#include "template_library.h"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace rapport::cli {

// Exit codes, as the README promises them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// One run of the tool.
class CliContext {
public:
    CliContext(std::filesystem::path store_file, std::ostream& out, std::ostream& err);

    // Standard output and standard error.
    std::ostream& out() noexcept { return out_; }
    std::ostream& err() noexcept { return err_; }

    // The store, opened (and created) on first use; nullptr after a failure already reported.
    Store* store();
    // The bundled and the user's templates, loaded on first use.
    const TemplateLibrary& templates();

    // Reports `error` and returns the exit code of a failed operation.
    int failure(const Error& error);
    // The checklist of `document` into `out`, or a failure already reported (its exit code).
    int loadChecklist(const std::string& document, Checklist& out);

private:
    std::filesystem::path storeFile_;
    std::ostream& out_;
    std::ostream& err_;
    std::optional<Store> store_;
    std::optional<TemplateLibrary> templates_;
};

} // namespace rapport::cli
