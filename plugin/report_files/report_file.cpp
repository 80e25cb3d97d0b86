#include "report_file.h"

#include "report_pdf.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <unistd.h>

namespace rapport {

namespace {

Error writeError(const std::filesystem::path& file, const std::string& reason)
{
    return Error{ErrorCode::FileWriteFailed, file.string(), reason};
}

// Writes `content` next to `file` under a temporary name, syncs it, renames it over `file`
// and syncs the folder: the report appears whole or not at all, even after a power cut.
Status writeTextAtomically(const std::filesystem::path& file, const std::string& content)
{
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::random_device seed;
    const std::filesystem::path partial =
        folder / ("." + file.filename().string() + "." + std::to_string(seed()) + ".partial");
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return writeError(file, std::strerror(errno));
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            ::unlink(partial.c_str());
            return writeError(file, reason);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(partial.c_str());
        return writeError(file, reason);
    }
    if (::rename(partial.c_str(), file.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(partial.c_str());
        return writeError(file, reason);
    }
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

} // namespace

std::string reportFileExtension(ReportFormat format) { return "." + std::string(reportFormatKeyword(format)); }

Status writeReportFile(const ReportContent& report, ReportFormat format, const std::filesystem::path& file)
{
    switch (format) {
    case ReportFormat::Html:
        return writeTextAtomically(file, renderHtml(report));
    case ReportFormat::Markdown:
        return writeTextAtomically(file, renderMarkdown(report));
    case ReportFormat::Text:
        return writeTextAtomically(file, renderText(report));
    case ReportFormat::Pdf:
        return writePdfReport(report, file);
    }
    return Error{ErrorCode::InvalidArgument, file.string(), "unknown report format"};
}

} // namespace rapport
