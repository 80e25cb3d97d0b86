// A progress report written to the file the user chose, in any of the four formats.
#pragma once

#include "atomic_file.h"
#include "error.h"
#include "report.h"

#include <filesystem>
#include <functional>
#include <string_view>

namespace rapport {

// Renders `report` as `format`, handing the bytes to `write` (which returns false to
// stop): to a file, to standard output, to memory. Errors are FileWriteFailed without a
// subject; the caller names where the bytes were going.
Status renderReport(const ReportContent& report, ReportFormat format,
                    const std::function<bool(std::string_view bytes)>& write);

// Renders `report` as `format` into a new version of `file`, complete and synced but not
// yet in its place: commit() puts it there, and dropping it leaves `file` as it was. So a
// caller can keep the report's snapshot first and let the file appear only once that is
// done. The path is not checked here: see checkOutputPath() (output_path.h).
Result<AtomicFile> prepareReportFile(const ReportContent& report, ReportFormat format,
                                     const std::filesystem::path& file);

// Renders `report` as `format` and writes it to `file`. The file is replaced only once the
// new one is complete and synced (a temporary file in the same folder, then a rename), so
// a failure never leaves a half-written report; errors name the file and the reason.
Status writeReportFile(const ReportContent& report, ReportFormat format, const std::filesystem::path& file);

// The usual file name extension of `format`, with the dot: ".html", ".md", ".txt", ".pdf".
std::string reportFileExtension(ReportFormat format);

} // namespace rapport
