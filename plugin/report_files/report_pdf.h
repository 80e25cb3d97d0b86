// The PDF form of a progress report, drawn with cairo and Pango. Kept apart from the
// core so that only what writes PDFs links cairo and Pango; the core stays wx- and
// graphics-free.
#pragma once

#include "error.h"
#include "report.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace rapport {

// Draws `report` as an A4 PDF, handing its bytes to `write` as they are made; stops when
// `write` returns false. Errors are FileWriteFailed with cairo's words as detail and no
// subject (the caller knows where the bytes went). Long text wraps and runs on across
// pages; nothing the report holds is left out.
Status renderPdf(const ReportContent& report, const std::function<bool(std::string_view bytes)>& write);

// Writes `report` as an A4 PDF to `file`, replacing it only once the new file is
// complete (a temporary file in the same folder, then a rename), so a failure never
// leaves a half-written report. Errors carry the path and cairo's or the system's words.
Status writePdfReport(const ReportContent& report, const std::filesystem::path& file);

// `text` with every invalid UTF-8 sequence and every NUL replaced by U+FFFD: Pango
// refuses invalid text outright, and silently dropping bytes would hide the damage.
std::string replaceInvalidUtf8(std::string_view text);

} // namespace rapport
