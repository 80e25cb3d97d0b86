// What sharing says to a person, in their language: what a sync found (lines skipped,
// markers repaired, copies folded in, a newer format) and whose change replaced theirs.
// The sidebar and the command line both say it with these.
#pragma once

#include "sharing.h"

#include <locale>
#include <string>
#include <vector>

namespace rapport {

// One sentence per thing worth telling about `report` on the sidecar `sidecar`, in the
// language of `loc`; nothing for a quiet sync.
std::vector<std::string> describeSync(const SyncReport& report, const std::string& sidecar, const std::locale& loc);

// "Ana set Done at 14:02; your Blocked is in the history." `what` names the item, section
// or checklist the change concerns (its title); `when` is the time, already formatted.
std::string describeOverride(const OverriddenChange& change, const std::string& what, const std::string& when,
                             const std::locale& loc);

// "Shared with the project · last change by Ana, 14:02" for the header; `when` formatted.
std::string describeShareStatus(const ShareStatus& status, const std::string& when, const std::locale& loc);

} // namespace rapport
