// rapport: command-line access to the checklists in a Rapport store.
// Exit codes: 0 success, 1 the operation failed, 2 bad usage.
#include "atomic_file.h"
#include "checklist_xml.h"
#include "item_text.h"
#include "localization.h"
#include "report.h"
#include "report_file.h"
#include "store.h"
#include "template_library.h"

#include <algorithm>
#include <ctime>
#include <exception>
#include <fstream>
#include <iterator>
#include <functional>
#include <optional>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: rapport [--store PATH] COMMAND ...\n"
    "commands:\n"
    "  attach DOC --template KEY   attach a checklist from a template to DOC\n"
    "  add DOC TEXT                add a custom item with TEXT to DOC's checklist\n"
    "  set DOC ITEM [--status todo|in-progress|waiting|blocked|done|na] [--reason TEXT]\n"
    "               [--due YYYY-MM-DD|none] [--note TEXT] [--owner us|client] [--internal|--visible]\n"
    "                              change an item (ITEM: the number show prints, or a template item key)\n"
    "  rename OLD NEW              the document moved: its checklist goes with it\n"
    "  orphans                     list checklists whose document no longer exists\n"
    "  relink DOC                  re-attach an orphaned checklist whose document moved to DOC\n"
    "  show DOC                    print DOC's checklist\n"
    "  history DOC                 print every recorded change to DOC's checklist\n"
    "  export DOC [-o FILE]        write DOC's checklist and history as XML (lossless)\n"
    "  import FILE                 read a checklist exported by export, all or nothing\n"
    "  templates                   list the available templates\n"
    "  report DOC --lang en|ru|tr|zh_CN --format html|md|txt|pdf -o FILE [--summary TEXT] [--next-steps TEXT]\n"
    "                              write a progress report for the client and keep it as a snapshot\n"
    "                              (--lang defaults to the last report's language, else en;\n"
    "                              --format defaults to FILE's extension)\n"
    "  reports DOC                 list the reports made for DOC\n"
    "  report-diff DOC OLD NEW     what changed between two of DOC's reports (ids from reports)\n";

// Commands that need the store; checked before it is opened so a typo creates no file.
const std::vector<std::string> kStoreCommands{"attach", "add",    "set",    "rename", "orphans", "show",
                                              "history", "export", "import", "relink", "report", "reports",
                                              "report-diff"};

int usage(const std::string& problem)
{
    std::cerr << "rapport: " << problem << "\n" << kUsage;
    return 2;
}

int failure(const rapport::Error& error)
{
    std::cerr << "rapport: " << error.description() << "\n";
    return 1;
}

// What `rapport report` was asked for, validated before anything is opened or written.
struct ReportOptions {
    std::string document;
    std::optional<rapport::Language> language;
    rapport::ReportFormat format = rapport::ReportFormat::Html;
    std::string output;
    std::string summary;
    std::string next_steps;
};

// Parses `report DOC ...`; returns an exit code (2) with the problem printed, or 0.
int parseReportOptions(const std::vector<std::string>& args, ReportOptions& options)
{
    if (args.size() < 2 || args[1].rfind("-", 0) == 0)
        return usage("report takes DOC and options");
    options.document = args[1];
    std::optional<rapport::ReportFormat> format;
    std::optional<std::string> output;
    for (std::size_t i = 2; i < args.size(); ++i) {
        const std::string& option = args[i];
        if (option != "--lang" && option != "--format" && option != "-o" && option != "--summary" &&
            option != "--next-steps")
            return usage("unknown option " + option);
        if (i + 1 >= args.size())
            return usage(option + " needs a value");
        const std::string& value = args[++i];
        if (option == "--lang") {
            options.language = value == "en" || value == "ru" || value == "tr" || value == "zh_CN"
                                   ? rapport::parseLanguage(value)
                                   : std::nullopt;
            if (!options.language)
                return usage("--lang takes en, ru, tr or zh_CN, not \"" + value + "\"");
        } else if (option == "--format") {
            format = rapport::parseReportFormat(value);
            if (!format)
                return usage("--format takes html, md, txt or pdf, not \"" + value + "\"");
        } else if (option == "-o") {
            if (value.empty())
                return usage("-o needs a file name");
            output = value;
        } else if (option == "--summary") {
            options.summary = value;
        } else {
            options.next_steps = value;
        }
    }
    if (!output)
        return usage("report needs -o FILE");
    options.output = *output;
    if (!format) {
        // Without --format, the file's extension says it.
        std::string extension = std::filesystem::path(*output).extension().string();
        if (extension == ".htm")
            extension = ".html";
        format = extension.empty() ? std::nullopt : rapport::parseReportFormat(extension.substr(1));
        if (!format)
            return usage("report needs --format html, md, txt or pdf");
    }
    options.format = *format;
    return 0;
}

// "YYYY-MM-DD" (local time) for unix seconds.
std::string localDate(std::time_t at)
{
    std::tm local{};
    localtime_r(&at, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// "YYYY-MM-DD HH:MM" (local time) for unix seconds.
std::string localDateTime(std::time_t at)
{
    std::tm local{};
    localtime_r(&at, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

// Writes `content` to `file` through a temporary beside it: never a half-written file.
int run(std::vector<std::string> args)
{
    std::filesystem::path storeFile = rapport::defaultStoreFile();
    if (args.size() >= 2 && args[0] == "--store") {
        storeFile = args[1];
        args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty())
        return usage("no command given");
    const std::string command = args[0];
    const auto library = rapport::TemplateLibrary::load(rapport::defaultTemplateFolders());

    if (command != "templates" &&
        std::find(kStoreCommands.begin(), kStoreCommands.end(), command) == kStoreCommands.end())
        return usage("unknown command \"" + command + "\"");

    if (command == "templates") {
        for (const auto& entry : library.templates())
            std::cout << entry.key << "\t" << entry.title << "\n";
        for (const auto& error : library.errors())
            std::cerr << "rapport: " << error.description() << "\n";
        return 0;
    }

    // Every report option is checked before the store is opened or a file written.
    ReportOptions reportOptions;
    if (command == "report") {
        if (const int rc = parseReportOptions(args, reportOptions))
            return rc;
    }
    if (command == "reports" && args.size() != 2)
        return usage("reports takes DOC");
    if (command == "report-diff" && args.size() != 4)
        return usage("report-diff takes DOC OLD_ID NEW_ID");

    auto store = rapport::Store::open(storeFile);
    if (!store)
        return failure(store.error());

    if (command == "attach") {
        if (args.size() != 4 || args[2] != "--template")
            return usage("attach takes DOC --template KEY");
        const auto* chosen = library.find(args[3]);
        if (!chosen)
            return failure({rapport::ErrorCode::TemplateUnknown, args[3], {}});
        std::vector<rapport::NewItem> items;
        for (const auto& section : chosen->sections)
            for (const auto& item : section.items)
                items.push_back({chosen->key, item.key, {}, section.key});
        auto attached = store.value().attach(rapport::canonicalDocumentPath(args[1]), chosen->key, items);
        if (!attached)
            return failure(attached.error());
        std::cout << "attached " << attached.value().items.size() << " items\n";
        return 0;
    }
    // The checklist of DOC, or a failure already reported.
    auto load = [&](const std::string& doc, rapport::Checklist& out) -> int {
        const std::string path = rapport::canonicalDocumentPath(doc);
        auto checklist = store.value().checklistFor(path);
        if (!checklist)
            return failure(checklist.error());
        if (!checklist.value())
            return failure({rapport::ErrorCode::DocumentUnknown, path, {}});
        out = std::move(*checklist.value());
        return 0;
    };

    if (command == "report") {
        rapport::Checklist checklist;
        if (const int rc = load(reportOptions.document, checklist))
            return rc;
        auto history = store.value().history(checklist.document_id);
        if (!history)
            return failure(history.error());
        auto previous = store.value().reports(checklist.document_id);
        if (!previous)
            return failure(previous.error());
        rapport::ReportRequest request;
        if (reportOptions.language) {
            request.language = *reportOptions.language;
        } else {
            // The language of the document's last report, else English.
            auto last = store.value().lastReportLanguage(checklist.document_id);
            if (!last)
                return failure(last.error());
            request.language = last.value() ? rapport::parseLanguage(*last.value()).value_or(rapport::Language::English)
                                            : rapport::Language::English;
        }
        const std::time_t now = std::time(nullptr);
        request.now = static_cast<std::int64_t>(now);
        request.today = localDate(now);
        request.summary = reportOptions.summary;
        request.next_steps = reportOptions.next_steps;
        if (!previous.value().empty())
            request.previous_report_at = previous.value().front().made_at;
        const rapport::ReportContent report = rapport::buildReport(checklist, history.value(), library,
                                                                   rapport::Localization::shared(), request);
        if (const rapport::Status written = rapport::writeReportFile(report, reportOptions.format, reportOptions.output);
            !written)
            return failure(written.error());
        auto saved = store.value().saveReport(
            checklist.document_id, {0, request.now, std::string(rapport::languageCode(request.language)),
                                    std::string(rapport::reportFormatKeyword(reportOptions.format)),
                                    rapport::reportToXml(report)});
        if (!saved)
            return failure(saved.error());
        std::cout << "report " << saved.value() << " (" << rapport::languageCode(request.language) << ", "
                  << rapport::reportFormatKeyword(reportOptions.format) << ") written to " << reportOptions.output
                  << "\n";
        return 0;
    }
    // The reports kept for DOC's checklist, newest first, or a failure already reported.
    std::vector<rapport::Store::StoredReport> reports;
    auto loadReports = [&](const std::string& document) -> int {
        rapport::Checklist checklist;
        if (const int rc = load(document, checklist))
            return rc;
        auto kept = store.value().reports(checklist.document_id);
        if (!kept)
            return failure(kept.error());
        reports = std::move(kept.value());
        return 0;
    };
    if (command == "reports") {
        if (const int rc = loadReports(args[1]))
            return rc;
        for (const auto& report : reports)
            std::cout << report.id << "\t" << localDateTime(static_cast<std::time_t>(report.made_at)) << "\t"
                      << report.language_code << "\t" << report.format << "\n";
        return 0;
    }
    if (command == "report-diff") {
        if (const int rc = loadReports(args[1]))
            return rc;
        // The snapshot with the id in `arg`, parsed, or a failure already reported.
        auto snapshot = [&](const std::string& arg, rapport::ReportContent& out) -> int {
            for (const auto& stored : reports) {
                if (std::to_string(stored.id) != arg)
                    continue;
                auto parsed = rapport::reportFromXml(stored.content_xml);
                if (!parsed)
                    return failure(parsed.error());
                out = std::move(parsed.value());
                return 0;
            }
            return failure({rapport::ErrorCode::InvalidArgument, arg, "no report with this id (see: rapport reports DOC)"});
        };
        rapport::ReportContent older, newer;
        if (const int rc = snapshot(args[2], older))
            return rc;
        if (const int rc = snapshot(args[3], newer))
            return rc;
        const rapport::ReportDiff diff = rapport::diffReports(older, newer);
        std::cout << "progress\t" << diff.percent_before << "% -> " << diff.percent_after << "%\n";
        for (const auto& change : diff.changes) {
            std::string title = rapport::sanitizeUtf8(change.title);
            std::replace(title.begin(), title.end(), '\n', ' ');
            std::cout << change.item_id << "\t" << title << "\t"
                      << (change.before ? rapport::statusKeyword(*change.before) : "(new)") << " -> "
                      << (change.after ? rapport::statusKeyword(*change.after) : "(removed)") << "\n";
        }
        if (diff.changes.empty())
            std::cout << "no item changed\n";
        return 0;
    }
    if (command == "add") {
        if (args.size() != 3)
            return usage("add takes DOC TEXT");
        rapport::Checklist checklist;
        if (const int rc = load(args[1], checklist))
            return rc;
        auto added = store.value().addCustomItem(checklist.document_id, 0, args[2]);
        if (!added)
            return failure(added.error());
        std::cout << "added item " << added.value() << "\n";
        return 0;
    }
    if (command == "set") {
        if (args.size() < 4)
            return usage("set takes DOC ITEM and at least one option");
        rapport::Checklist checklist;
        if (const int rc = load(args[1], checklist))
            return rc;
        const rapport::ChecklistItem* item = nullptr;
        for (const auto& candidate : checklist.items)
            if (std::to_string(candidate.id) == args[2] || (!candidate.item_key.empty() && candidate.item_key == args[2]))
                item = &candidate;
        if (!item)
            return failure({rapport::ErrorCode::ItemUnknown, args[2], {}});
        // Validate every option first: a bad one must not leave half the changes applied.
        std::optional<rapport::ItemStatus> status;
        std::optional<std::string> reason, due, note;
        std::optional<rapport::Owner> owner;
        std::optional<bool> internal;
        for (std::size_t i = 3; i < args.size(); ++i) {
            const std::string& option = args[i];
            if (option == "--internal" || option == "--visible") {
                internal = option == "--internal";
                continue;
            }
            if (i + 1 >= args.size())
                return usage(option + " needs a value");
            const std::string& value = args[++i];
            if (option == "--status") {
                status = rapport::parseStatusKeyword(value);
                if (!status)
                    return usage("unknown status \"" + value + "\"");
            } else if (option == "--reason") {
                reason = value;
            } else if (option == "--due") {
                due = value == "none" ? std::string() : value;
                if (!rapport::isDateOrEmpty(*due))
                    return failure({rapport::ErrorCode::InvalidArgument, value, "expected a date written YYYY-MM-DD"});
            } else if (option == "--note") {
                note = value;
            } else if (option == "--owner") {
                if (value != "us" && value != "client")
                    return usage("--owner takes us or client");
                owner = value == "client" ? rapport::Owner::Client : rapport::Owner::Us;
            } else {
                return usage("unknown option " + option);
            }
        }
        auto& s = store.value();
        const auto doc = checklist.document_id;
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        // Everything was validated above; each change is committed on its own, in order.
        const std::function<rapport::Status()> changes[] = {
            [&] { return due ? s.setDue(doc, item->id, *due) : rapport::Status{}; },
            [&] {
                return status || reason ? s.setStatus(doc, item->id, status.value_or(item->status),
                                                      reason.value_or(item->status_reason), now)
                                        : rapport::Status{};
            },
            [&] { return note ? s.setNote(doc, item->id, *note) : rapport::Status{}; },
            [&] { return owner ? s.setOwner(doc, item->id, *owner) : rapport::Status{}; },
            [&] { return internal ? s.setInternal(doc, item->id, *internal) : rapport::Status{}; },
        };
        for (const auto& change : changes)
            if (const rapport::Status result = change(); !result)
                return failure(result.error());
        return 0;
    }
    if (command == "rename") {
        if (args.size() != 3)
            return usage("rename takes OLD NEW");
        const auto renamed = store.value().renameDocument(rapport::canonicalDocumentPath(args[1]),
                                                          rapport::canonicalDocumentPath(args[2]));
        if (!renamed)
            return failure(renamed.error());
        return 0;
    }
    if (command == "export") {
        if (args.size() != 2 && !(args.size() == 4 && args[2] == "-o"))
            return usage("export takes DOC [-o FILE]");
        rapport::Checklist checklist;
        if (const int rc = load(args[1], checklist))
            return rc;
        auto history = store.value().history(checklist.document_id);
        if (!history)
            return failure(history.error());
        const std::string xml = rapport::writeChecklistXml({std::move(checklist), std::move(history.value())});
        if (args.size() == 2) {
            std::cout << xml;
            return 0;
        }
        // Whole or not at all: a failed export leaves the old file and no temporary behind.
        if (const rapport::Status written = rapport::writeFileAtomically(args[3], xml); !written)
            return failure(written.error());
        return 0;
    }
    if (command == "import") {
        if (args.size() != 2)
            return usage("import takes FILE");
        std::ifstream in(args[1], std::ios::binary);
        if (!in)
            return failure({rapport::ErrorCode::InvalidArgument, args[1], "cannot read the file"});
        const std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto parsed = rapport::readChecklistXml(xml);
        if (!parsed)
            return failure({parsed.error().code, args[1] + ", " + parsed.error().subject, parsed.error().detail});
        if (const auto imported = store.value().importChecklist(parsed.value().checklist, parsed.value().history);
            !imported)
            return failure(imported.error());
        std::cout << "imported " << parsed.value().checklist.items.size() << " items\n";
        return 0;
    }
    if (command == "relink") {
        if (args.size() != 2)
            return usage("relink takes DOC");
        auto relinked = store.value().relinkByFingerprint(rapport::canonicalDocumentPath(args[1]));
        if (!relinked)
            return failure(relinked.error());
        if (!relinked.value()) {
            std::cerr << "rapport: no single orphaned checklist matches " << args[1] << "\n";
            return 1;
        }
        std::cout << "re-attached the checklist of " << *relinked.value() << "\n";
        return 0;
    }
    if (command == "orphans") {
        auto orphans = store.value().orphans();
        if (!orphans)
            return failure(orphans.error());
        for (const auto& orphan : orphans.value())
            std::cout << orphan.document_id << "\t" << orphan.path << "\n";
        return 0;
    }
    if (command == "history") {
        if (args.size() != 2)
            return usage("history takes DOC");
        rapport::Checklist checklist;
        if (const int rc = load(args[1], checklist))
            return rc;
        auto entries = store.value().history(checklist.document_id);
        if (!entries)
            return failure(entries.error());
        for (const auto& entry : entries.value())
            std::cout << entry.sequence << "\t" << entry.at << "\t" << entry.item_id << "\t" << entry.field << "\t"
                      << entry.old_value << "\t" << entry.new_value << "\n";
        return 0;
    }
    if (command == "show") {
        if (args.size() != 2)
            return usage("show takes DOC");
        const std::string path = rapport::canonicalDocumentPath(args[1]);
        auto checklist = store.value().checklistFor(path);
        if (!checklist)
            return failure(checklist.error());
        if (!checklist.value())
            return failure({rapport::ErrorCode::DocumentUnknown, path, {}});
        for (const auto& item : checklist.value()->items) {
            std::cout << item.id << "\t" << (item.done ? "[x]" : "[ ]") << "\t" << rapport::itemTitle(library, item, std::locale::classic()) << "\t"
                      << rapport::statusKeyword(item.status) << "\t" << (item.due.empty() ? "-" : item.due) << "\t"
                      << (item.owner == rapport::Owner::Client ? "client" : "us") << "\t"
                      << (item.internal ? "internal" : "visible");
            if (!item.status_reason.empty())
                std::cout << "\t" << item.status_reason;
            std::cout << "\n";
        }
        return 0;
    }
    return usage("unknown command \"" + command + "\"");
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "rapport: internal error: " << e.what() << "\n";
        return 1;
    }
}
