// Report snapshots: each progress report is kept as it was made, per document, so that
// "Past reports" can show it again and compare two. Keeping one is a change like any
// other (it goes through apply() and is recorded in the history); reading them is here.
#include "store.h"

#include <sqlite3.h>

#include <utility>

namespace rapport {

Result<std::int64_t> Store::saveReport(std::int64_t document_id, const StoredReport& report)
{
    Change change;
    change.kind = ChangeKind::ReportKept;
    change.document_id = document_id;
    change.report = report;
    change.at = report.made_at;
    auto applied = apply(std::move(change));
    if (!applied)
        return applied.error();
    return applied.value().report->id;
}

Result<std::vector<StoredReport>> Store::reports(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT report_id, made_at, language, format, content_xml FROM reports "
                                 "WHERE document_id = ?1 ORDER BY made_at DESC, report_id DESC");
    query.bind(1, document_id);
    std::vector<StoredReport> found;
    int rc;
    while ((rc = query.step()) == SQLITE_ROW) {
        found.push_back(StoredReport{query.columnInt(0), query.columnInt(1), query.columnText(2), query.columnText(3),
                                     query.columnText(4)});
    }
    if (rc != SQLITE_DONE)
        return readError();
    return found;
}

Result<std::optional<std::string>> Store::lastReportLanguage(std::int64_t document_id)
{
    sqlite::Statement query(db_, "SELECT language FROM reports WHERE document_id = ?1 "
                                 "ORDER BY made_at DESC, report_id DESC LIMIT 1");
    query.bind(1, document_id);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<std::string>();
    if (rc != SQLITE_ROW)
        return readError();
    return std::optional<std::string>(query.columnText(0));
}

} // namespace rapport
