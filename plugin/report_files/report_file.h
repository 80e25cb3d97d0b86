// A progress report written to the file the user chose, in any of the four formats.
#pragma once

#include "error.h"
#include "report.h"

#include <filesystem>

namespace rapport {

// Renders `report` as `format` and writes it to `file`. The file is replaced only once the
// new one is complete and synced (a temporary file in the same folder, then a rename), so
// a failure never leaves a half-written report; errors name the file and the reason.
Status writeReportFile(const ReportContent& report, ReportFormat format, const std::filesystem::path& file);

// The usual file name extension of `format`, with the dot: ".html", ".md", ".txt", ".pdf".
std::string reportFileExtension(ReportFormat format);

} // namespace rapport
