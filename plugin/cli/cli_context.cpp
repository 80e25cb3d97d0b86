#include "cli_context.h"

#include "localization.h"
#include "output_path.h"
#include "sharing_text.h"
#include "store_recovery.h"
#include "terminal_text.h"

#include <boost/locale/format.hpp>

#include <chrono>
#include <ostream>

namespace rapport::cli {

namespace bl = boost::locale;

const std::locale& messageLocale()
{
    static const std::locale locale =
        Localization::shared().locale(parseLanguage(systemLanguage()).value_or(Language::English));
    return locale;
}

std::string say(const bl::message& message) { return message.str(messageLocale()); }

std::string formatted(const bl::message& pattern, std::initializer_list<std::string> arguments)
{
    bl::format format(pattern);
    for (const std::string& argument : arguments)
        format % argument;
    return format.str(messageLocale());
}

std::string checkArgument(std::string_view name, const std::string& value, TextField field)
{
    const Status checked = checkText(field, value);
    if (checked)
        return {};
    Error error = checked.error();
    if (error.code != ErrorCode::KeyInvalid)
        error.subject = std::string(name); // the option as typed, not the field's name
    return error.description(messageLocale());
}

std::string shellQuoted(const std::string& text)
{
    const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                               "0123456789-_./=:+,@%") == std::string::npos;
    if (plain)
        return text;
    std::string quoted = "'";
    for (const char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

CliContext::CliContext(std::filesystem::path store_file, std::ostream& out, std::ostream& err)
    : storeFile_(std::move(store_file)), out_(out), err_(err)
{
}

Store* CliContext::store()
{
    if (!store_) {
        auto opened = openStoreWithRecovery(storeFile_);
        if (!opened) {
            failure(opened.error());
            return nullptr;
        }
        for (const RecoveryNotice& notice : opened.value().notices)
            note(notice.description(messageLocale()));
        store_.emplace(std::move(opened.value().store));
        store_->addListener([this](const std::vector<Change>&) { wrote_ = true; });
        sharing_ = std::make_unique<Sharing>(*store_);
    }
    return &*store_;
}

const TemplateLibrary& CliContext::templates()
{
    if (!templates_)
        templates_.emplace(TemplateLibrary::load(defaultTemplateFolders()));
    return *templates_;
}

int CliContext::failure(const Error& error) { return failure(error.description(messageLocale())); }

int CliContext::failure(const std::string& message)
{
    note(message);
    return kExitFailed;
}

void CliContext::note(const std::string& message) { err_ << "rapport: " << escapeForTerminal(message) << "\n"; }

void CliContext::row(std::initializer_list<std::string_view> fields)
{
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first)
            out_ << '\t';
        out_ << escapeForTerminal(field);
        first = false;
    }
    out_ << '\n';
}

int CliContext::loadChecklist(const std::string& document, Checklist& out)
{
    Store* opened = store();
    if (!opened)
        return kExitFailed;
    const std::string path = canonicalDocumentPath(document);
    if (const int rc = sync(path))
        return rc;
    auto checklist = opened->checklistFor(path);
    if (!checklist)
        return failure(checklist.error());
    if (!checklist.value()) {
        failure({ErrorCode::DocumentUnknown, path, {}});
        // TRANSLATORS: a hint after "No checklist is attached to …"; {1} is a command to copy, keep it as it is.
        note(formatted(bl::translate("To start one: {1} (empty), or add --template KEY for a template's items."),
                       {"rapport attach " + shellQuoted(document)}));
        return kExitFailed;
    }
    out = std::move(*checklist.value());
    return kExitOk;
}

int CliContext::checkOutput(const std::string& path)
{
    if (path == "-")
        return kExitOk;
    Store* opened = store();
    if (!opened)
        return kExitFailed;
    auto guarded = protectedPathsOf(*opened);
    if (!guarded)
        return failure(guarded.error());
    if (const Status allowed = checkOutputPath(path, guarded.value()); !allowed) {
        failure(allowed.error());
        if (allowed.error().code == ErrorCode::NotAFile)
            // TRANSLATORS: a hint after "… is a device, not a file"; keep "-o -" as it is.
            note(say(bl::translate("To write to standard output, use -o -.")));
        return kExitFailed;
    }
    return kExitOk;
}

void CliContext::finish(int exit_code)
{
    if (exit_code != kExitOk || !wrote_ || !store_ || store_->readOnly())
        return;
    if (!backupDue(store_->file(), std::chrono::hours(24)))
        return;
    if (const Status backedUp = backupStore(store_->file()); !backedUp) {
        // TRANSLATORS: {1} explains why; the command itself succeeded.
        note((bl::format(bl::translate("The change was saved, but the day's backup could not be made: {1}")) %
              backedUp.error().description(messageLocale()))
                 .str(messageLocale()));
    }
}

Sharing* CliContext::sharing() { return store() ? sharing_.get() : nullptr; }

int CliContext::sync(const std::string& path)
{
    Sharing* shared = sharing();
    if (!shared)
        return kExitFailed;
    auto report = shared->sync(path);
    if (!report)
        return failure(report.error());
    tell(report.value(), path);
    // Changes from here on are this person's: git's user.name for a shared checklist.
    shared->useAuthorFor(path);
    return kExitOk;
}

void CliContext::tell(const SyncReport& report, const std::string& path)
{
    for (const std::string& line : describeSync(report, sidecar::pathFor(path).string(), messageLocale()))
        err_ << "rapport: " << line << "\n";
    for (const OverriddenChange& change : report.overridden)
        err_ << "rapport: "
             << describeOverride(change, change.item_id ? "#" + std::to_string(change.item_id) : change.kind,
                                 localDateTime(change.their_at), messageLocale())
             << "\n";
}

void CliContext::settle()
{
    if (sharing_)
        static_cast<void>(sharing_->settle());
}

} // namespace rapport::cli
