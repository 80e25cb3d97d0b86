// What every command of the `rapport` tool works with: the store (opened only when a
// command needs it, so a typo creates no file), the templates, the output streams, the
// language of its messages, and the ways a command ends (exit 0: done; 1: it failed;
// 2: it was used wrongly, found before anything was read or written).
#pragma once

#include "calendar.h"
#include "error.h"
#include "model.h"
#include "sharing.h"
#include "store.h"
#include "template_library.h"
#include "text_rules.h"

#include <boost/locale/message.hpp>

#include <filesystem>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::cli {

// Exit codes, as the README promises them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// The language of the tool's messages: $LC_ALL, $LC_MESSAGES or $LANG (as the sidebar
// follows its own choice), English when none names a language Rapport speaks. The
// process's own locale is never changed.
const std::locale& messageLocale();
// `message` translated into messageLocale().
std::string say(const boost::locale::message& message);
// `pattern` translated into messageLocale() with {1}, {2}, ... filled from `arguments`.
std::string formatted(const boost::locale::message& pattern, std::initializer_list<std::string> arguments);

// Why `value`, given for the argument or option `name`, cannot be taken as `field`
// (invalid UTF-8, a control character, too long), in the user's language; "" when fine.
std::string checkArgument(std::string_view name, const std::string& value, TextField field);

// `text` quoted for a POSIX shell when it needs it, so a command the tool suggests can be
// copied as it is printed.
std::string shellQuoted(const std::string& text);

// One run of the tool.
class CliContext {
public:
    CliContext(std::filesystem::path store_file, std::ostream& out, std::ostream& err);

    // Standard output and standard error.
    std::ostream& out() noexcept { return out_; }
    std::ostream& err() noexcept { return err_; }

    // The store, opened (and created) on first use, a damaged one kept aside and restored
    // from its newest backup (as the sidebar does); nullptr after a failure already
    // reported. A read-only store opens for reading: its writes fail with the reason.
    Store* store();
    // The bundled and the user's templates, loaded on first use.
    const TemplateLibrary& templates();

    // Reports `error` in the user's language and returns the exit code of a failed operation.
    int failure(const Error& error);
    // Reports `message` (already in the user's language) and returns kExitFailed.
    int failure(const std::string& message);
    // Writes a line to standard error, escaped for the terminal, after "rapport: ".
    void note(const std::string& message);
    // Writes one tab-separated row to standard output, every field escaped so that no
    // control character reaches the terminal and no field spills into the next.
    void row(std::initializer_list<std::string_view> fields);

    // The checklist of `document` into `out`, or a failure already reported (its exit code).
    // A shared checklist's sidecar is read first (sync()).
    int loadChecklist(const std::string& document, Checklist& out);

    // Whether a file may be written at `path` ("-" is standard output and always may):
    // never over the store, its companions, backups or settings, nor over a document with
    // a checklist, nor over a folder, device or FIFO. kExitOk, or the failure reported.
    int checkOutput(const std::string& path);

    // After the command: when it wrote a change and the store has no backup from the
    // last day, makes one (as the sidebar does once a day), so that users of the command
    // line alone have backups too. A failed backup is reported, not fatal.
    void finish(int exit_code);
    // Sharing over the store (opened with it): its listener appends each change to a shared
    // checklist's sidecar.
    Sharing* sharing();
    // Reads the sidecar of the document at the canonical `path` into the store, joining a
    // shared checklist the store has not seen, and says what it found on the error stream;
    // kExitOk, or the exit code of a failure already reported.
    int sync(const std::string& path);
    // Says on the error stream what a sync of the document at `path` found.
    void tell(const SyncReport& report, const std::string& path);
    // Rewrites the sidecars this run appended to in canonical order; main() calls it last.
    void settle();

private:
    std::filesystem::path storeFile_;
    std::ostream& out_;
    std::ostream& err_;
    std::optional<Store> store_;
    std::optional<TemplateLibrary> templates_;
    bool wrote_ = false; // a change was committed in this run
    std::unique_ptr<Sharing> sharing_; // declared after store_: gone before it
};

} // namespace rapport::cli
