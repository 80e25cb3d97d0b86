// Commands on progress reports: report (write one and keep its snapshot), reports (list
// them), report-diff (compare two).
#include "calendar.h"
#include "command_table.h"
#include "json_writer.h"

#include "localization.h"
#include "report.h"
#include "report_file.h"

#include <boost/locale/format.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

class ReportCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("--lang", language_);
        app.add_option("--format", format_);
        app.add_option("-o", output_);
        app.add_option("--summary", summary_);
        app.add_option("--next-steps", nextSteps_);
    }

    std::string check() override
    {
        if (language_) {
            const std::string& code = *language_;
            language = languageWithExactCode(code);
            if (!language)
                // TRANSLATORS: {1} is the list of language codes ("en, ru, tr, zh_CN"), {2} what was typed;
                // keep the option as it is.
                return formatted(bl::translate("--lang takes one of {1}, not \"{2}\""), {languageCodeList(), code});
        }
        if (format_) {
            format = parseReportFormat(*format_);
            if (!format)
                // TRANSLATORS: {1} is what was typed; keep the option and the keywords as they are.
                return (bl::format(bl::translate("--format takes html, md, txt or pdf, not \"{1}\"")) % *format_)
                    .str(messageLocale());
        }
        if (!output_ || output_->empty())
            // TRANSLATORS: keep "-o FILE" and "-o -" as they are.
            return say(bl::translate("report needs -o FILE (or -o - for standard output)"));
        if (!format) {
            // Without --format, the file's extension says it.
            std::string extension = *output_ == "-" ? std::string() : std::filesystem::path(*output_).extension().string();
            if (extension == ".htm")
                extension = ".html";
            format = extension.empty() ? std::nullopt : parseReportFormat(extension.substr(1));
            if (!format)
                // TRANSLATORS: keep the option and the keywords as they are.
                return say(bl::translate("report needs --format html, md, txt or pdf"));
        }
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        // The target is checked before anything is built or written.
        if (const int rc = context.checkOutput(*output_))
            return rc;
        Store& store = *context.store();
        auto history = store.history(checklist.document_id);
        if (!history)
            return context.failure(history.error());
        auto previous = store.reports(checklist.document_id);
        if (!previous)
            return context.failure(previous.error());
        ReportRequest request;
        if (language) {
            request.language = *language;
        } else if (const auto client = parseLanguage(checklist.client_language); client && !checklist.client_language.empty()) {
            request.language = *client; // the client's report language, from the project settings
        } else {
            // The language of the document's last report, else English.
            auto last = store.lastReportLanguage(checklist.document_id);
            if (!last)
                return context.failure(last.error());
            request.language = last.value() ? parseLanguage(*last.value()).value_or(Language::English) : Language::English;
        }
        request.now = nowSeconds();
        request.today = localDate(request.now);
        request.summary = summary_;
        request.next_steps = nextSteps_;
        if (!previous.value().empty())
            request.previous_report_at = previous.value().front().made_at;
        auto log = store.clientLog(checklist.document_id);
        if (!log)
            return context.failure(log.error());
        request.client_log = std::move(log.value());
        const ReportContent report = buildReport(checklist, history.value(), context.templates(),
                                                 Localization::shared(), request);
        const StoredReport snapshot{0, request.now, std::string(languageCode(request.language)),
                                    std::string(reportFormatKeyword(*format)), reportToXml(report)};

        // A snapshot stands for a report the client could have received: the file is made
        // complete first, the snapshot kept, and only then the file put in its place; a
        // snapshot that cannot be kept leaves no file behind.
        if (*output_ == "-") {
            std::string bytes;
            if (const Status rendered = renderReport(report, *format, [&](std::string_view part) {
                    bytes.append(part);
                    return true;
                });
                !rendered)
                return context.failure(rendered.error());
            auto saved = store.saveReport(checklist.document_id, snapshot);
            if (!saved)
                return context.failure(saved.error());
            context.out() << bytes;
            context.out().flush();
            return context.out() ? kExitOk : kExitFailed;
        }
        Result<AtomicFile> prepared = prepareReportFile(report, *format, *output_);
        if (!prepared)
            return context.failure(prepared.error());
        auto saved = store.saveReport(checklist.document_id, snapshot);
        if (!saved)
            return context.failure(saved.error()); // the prepared file is dropped with its temporary name
        if (const Status committed = prepared.value().commit(); !committed) {
            context.failure(committed.error());
            // TRANSLATORS: {1} is a report's number; the file itself could not be put in place.
            context.note((bl::format(bl::translate("The report was kept in Rapport as report {1}; run the command "
                                                   "again to write the file.")) %
                          saved.value())
                             .str(messageLocale()));
            return kExitFailed;
        }
        // TRANSLATORS: the result of "rapport report"; {1} is its number, {2} its language code, {3} its
        // format keyword, {4} the file. Keep "({2}, {3})" as it is: scripts read it.
        context.out() << (bl::format(bl::translate("report {1} ({2}, {3}) written to {4}")) % saved.value() %
                          std::string(languageCode(request.language)) % std::string(reportFormatKeyword(*format)) %
                          *output_)
                             .str(messageLocale())
                      << "\n";
        return kExitOk;
    }

private:
    std::optional<std::string> language_, format_, output_;
    std::string summary_, nextSteps_;
    std::optional<Language> language;
    std::optional<ReportFormat> format;
};

// The reports kept for `checklist`, newest first, into `reports`; or a failure already reported.
int loadReports(CliContext& context, const Checklist& checklist, std::vector<StoredReport>& reports)
{
    auto kept = context.store()->reports(checklist.document_id);
    if (!kept)
        return context.failure(kept.error());
    reports = std::move(kept.value());
    return kExitOk;
}

class ReportsCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override { app.add_flag("--json", json_); }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        std::vector<StoredReport> reports;
        if (const int rc = loadReports(context, checklist, reports))
            return rc;
        if (json_) {
            JsonWriter json(context.out());
            json.beginObject().key("document").value(checklist.document_path).key("reports").beginArray();
            for (const auto& report : reports)
                json.beginObject()
                    .key("id").value(report.id)
                    .key("made_at").time(report.made_at)
                    .key("language").value(report.language_code)
                    .key("format").value(report.format)
                    .endObject();
            json.endArray().endObject();
            return context.out() ? kExitOk : kExitFailed;
        }
        for (const auto& report : reports)
            context.row({std::to_string(report.id), localDateTime(report.made_at), report.language_code, report.format});
        return kExitOk;
    }

private:
    bool json_ = false;
};

class ReportDiffCommand : public ChecklistCommand {
public:
    void defineMore(CLI::App& app) override
    {
        app.add_option("OLD", older_)->required();
        app.add_option("NEW", newer_)->required();
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
        std::vector<StoredReport> reports;
        if (const int rc = loadReports(context, checklist, reports))
            return rc;
        // The snapshot with the id in `id`, parsed, or a failure already reported.
        auto snapshot = [&](const std::string& id, ReportContent& out) -> int {
            for (const auto& stored : reports) {
                if (std::to_string(stored.id) != id)
                    continue;
                auto parsed = reportFromXml(stored.content_xml);
                if (!parsed)
                    return context.failure(parsed.error());
                out = std::move(parsed.value());
                return kExitOk;
            }
            context.failure({ErrorCode::ReportUnknown, id, {}});
            // TRANSLATORS: a hint; keep "rapport reports DOC" as it is.
            context.note(say(bl::translate("\"rapport reports DOC\" lists the reports with their numbers.")));
            return kExitFailed;
        };
        ReportContent older, newer;
        if (const int rc = snapshot(older_, older))
            return rc;
        if (const int rc = snapshot(newer_, newer))
            return rc;
        const ReportDiff diff = diffReports(older, newer);
        context.row({"progress",
                     std::to_string(diff.percent_before) + "% -> " + std::to_string(diff.percent_after) + "%"});
        for (const auto& change : diff.changes)
            context.row({std::to_string(change.item_id), change.title,
                         std::string(change.before ? statusKeyword(*change.before) : "(new)") + " -> " +
                             std::string(change.after ? statusKeyword(*change.after) : "(removed)")});
        if (diff.changes.empty())
            // TRANSLATORS: "rapport report-diff" found no difference between the two reports.
            context.out() << say(bl::translate("no item changed")) << "\n";
        return kExitOk;
    }

private:
    std::string older_;
    std::string newer_;
};

} // namespace

std::unique_ptr<Command> makeReportCommand() { return std::make_unique<ReportCommand>(); }
std::unique_ptr<Command> makeReportsCommand() { return std::make_unique<ReportsCommand>(); }
std::unique_ptr<Command> makeReportDiffCommand() { return std::make_unique<ReportDiffCommand>(); }

} // namespace rapport::cli
