#include "report_file.h"

#include "atomic_file.h"
#include "report_pdf.h"

#include <string>

namespace rapport {

std::string reportFileExtension(ReportFormat format) { return "." + std::string(reportFormatKeyword(format)); }

Status writeReportFile(const ReportContent& report, ReportFormat format, const std::filesystem::path& file)
{
    switch (format) {
    case ReportFormat::Html:
        return writeFileAtomically(file, renderHtml(report));
    case ReportFormat::Markdown:
        return writeFileAtomically(file, renderMarkdown(report));
    case ReportFormat::Text:
        return writeFileAtomically(file, renderText(report));
    case ReportFormat::Pdf:
        return writePdfReport(report, file);
    }
    return Error{ErrorCode::InvalidArgument, file.string(), "unknown report format"};
}

} // namespace rapport
