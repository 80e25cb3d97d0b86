// A complete, lossless XML form of one checklist and its history, for export, import
// and backup by hand. Written deterministically, so export -> import -> export gives
// the same bytes.
#pragma once

#include "error.h"
#include "store.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport {

// A checklist with its history, as exported.
struct ChecklistExport {
    Checklist checklist;
    std::vector<HistoryEntry> history;
    std::vector<LogEntry> log{}; // the client log (client_log.h); written only when it has entries
};

// The XML form of `data` (UTF-8).
std::string writeChecklistXml(const ChecklistExport& data);

// Reads the XML form; errors name the line and column and what is wrong.
Result<ChecklistExport> readChecklistXml(std::string_view xml);

} // namespace rapport
