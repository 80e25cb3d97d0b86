// Commands on progress reports: report (write one and keep its snapshot), reports (list
// them), report-diff (compare two).
#include "calendar.h"
#include "command_table.h"

#include "localization.h"
#include "report.h"
#include "report_file.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

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
            language = code == "en" || code == "ru" || code == "tr" || code == "zh_CN" ? parseLanguage(code) : std::nullopt;
            if (!language)
                return "--lang takes en, ru, tr or zh_CN, not \"" + code + "\"";
        }
        if (format_) {
            format = parseReportFormat(*format_);
            if (!format)
                return "--format takes html, md, txt or pdf, not \"" + *format_ + "\"";
        }
        if (!output_ || output_->empty())
            return "report needs -o FILE";
        if (!format) {
            // Without --format, the file's extension says it.
            std::string extension = std::filesystem::path(*output_).extension().string();
            if (extension == ".htm")
                extension = ".html";
            format = extension.empty() ? std::nullopt : parseReportFormat(extension.substr(1));
            if (!format)
                return "report needs --format html, md, txt or pdf";
        }
        return {};
    }

    int runOn(CliContext& context, Checklist& checklist) override
    {
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
        const ReportContent report = buildReport(checklist, history.value(), context.templates(),
                                                 Localization::shared(), request);
        if (const Status written = writeReportFile(report, *format, *output_); !written)
            return context.failure(written.error());
        auto saved = store.saveReport(checklist.document_id,
                                      {0, request.now, std::string(languageCode(request.language)),
                                       std::string(reportFormatKeyword(*format)), reportToXml(report)});
        if (!saved)
            return context.failure(saved.error());
        context.out() << "report " << saved.value() << " (" << languageCode(request.language) << ", "
                      << reportFormatKeyword(*format) << ") written to " << *output_ << "\n";
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
    int runOn(CliContext& context, Checklist& checklist) override
    {
        std::vector<StoredReport> reports;
        if (const int rc = loadReports(context, checklist, reports))
            return rc;
        for (const auto& report : reports)
            context.out() << report.id << "\t" << localDateTime(report.made_at) << "\t" << report.language_code
                          << "\t" << report.format << "\n";
        return kExitOk;
    }
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
            return context.failure({ErrorCode::InvalidArgument, id, "no report with this id (see: rapport reports DOC)"});
        };
        ReportContent older, newer;
        if (const int rc = snapshot(older_, older))
            return rc;
        if (const int rc = snapshot(newer_, newer))
            return rc;
        const ReportDiff diff = diffReports(older, newer);
        context.out() << "progress\t" << diff.percent_before << "% -> " << diff.percent_after << "%\n";
        for (const auto& change : diff.changes) {
            std::string title = sanitizeUtf8(change.title);
            std::replace(title.begin(), title.end(), '\n', ' ');
            context.out() << change.item_id << "\t" << title << "\t"
                          << (change.before ? statusKeyword(*change.before) : "(new)") << " -> "
                          << (change.after ? statusKeyword(*change.after) : "(removed)") << "\n";
        }
        if (diff.changes.empty())
            context.out() << "no item changed\n";
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
