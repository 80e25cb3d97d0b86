#include "report_file.h"

#include "report_pdf.h"

#include <string>

namespace rapport {

std::string reportFileExtension(ReportFormat format) { return "." + std::string(reportFormatKeyword(format)); }

Status renderReport(const ReportContent& report, ReportFormat format,
                    const std::function<bool(std::string_view bytes)>& write)
{
    std::string text;
    switch (format) {
    case ReportFormat::Html: text = renderHtml(report); break;
    case ReportFormat::Markdown: text = renderMarkdown(report); break;
    case ReportFormat::Text: text = renderText(report); break;
    case ReportFormat::Pdf: return renderPdf(report, write);
    }
    if (!write(text))
        return Error{ErrorCode::FileWriteFailed, {}, "the output refused the report"};
    return {};
}

Result<AtomicFile> prepareReportFile(const ReportContent& report, ReportFormat format,
                                     const std::filesystem::path& file)
{
    Result<AtomicFile> created = AtomicFile::create(file);
    if (!created)
        return created.error();
    AtomicFile& output = created.value();
    if (const Status rendered = renderReport(report, format, [&](std::string_view bytes) { return output.append(bytes); });
        !rendered) {
        // A failed write is best told in the system's words ("No space left on device").
        if (const Status written = output.status(); !written)
            return written.error();
        return Error{ErrorCode::FileWriteFailed, file.string(), rendered.error().detail};
    }
    if (const Status finished = output.finishWriting(); !finished)
        return finished.error();
    return created;
}

Status writeReportFile(const ReportContent& report, ReportFormat format, const std::filesystem::path& file)
{
    Result<AtomicFile> prepared = prepareReportFile(report, format, file);
    if (!prepared)
        return prepared.error();
    return prepared.value().commit();
}

} // namespace rapport
