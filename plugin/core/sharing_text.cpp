#include "sharing_text.h"

#include "item_text.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <climits>
#include <utility>

namespace rapport {

namespace bl = boost::locale;

namespace {

// What a change of `kind` did, as the sidebar names its undo steps (already in the
// catalogue); nullptr for a kind it has no name for.
const char* actionOf(const std::string& kind)
{
    static const std::pair<const char*, const char*> kActions[] = {
        {"status", "Change status"},      {"reason", "Change status"},  {"due", "Change due date"},
        {"owner", "Change owner"},        {"note", "Edit note"},        {"internal", "Change visibility"},
        {"text", "Rename item"},          {"item", "Add item"},         {"moved", "Move item"},
        {"deleted", "Delete item"},       {"section", "Add section"},   {"section-title", "Rename section"},
        {"section-moved", "Move section"}, {"section-deleted", "Delete section"},
    };
    for (const auto& [known, action] : kActions)
        if (kind == known)
            return action;
    return nullptr;
}

int forPlural(std::size_t n) { return n > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(n); }

std::string lineNumbers(const std::vector<std::size_t>& numbers)
{
    std::string text;
    for (const std::size_t n : numbers)
        text += (text.empty() ? "" : ", ") + std::to_string(n);
    return text;
}

} // namespace

std::vector<std::string> describeSync(const SyncReport& report, const std::string& sidecar, const std::locale& loc)
{
    std::vector<std::string> said;
    if (report.future_version) {
        // TRANSLATORS: {1} is the path of the file a shared checklist is kept in. Nothing is lost.
        said.push_back((bl::format(bl::translate("The shared checklist file {1} was written by a newer version of "
                                                 "Rapport, so it was not read. Update Rapport to see the team's "
                                                 "changes; yours are kept and will be written then."))
                        % sidecar)
                           .str(loc));
    }
    if (report.joined) {
        // TRANSLATORS: {1} is the path of the file a shared checklist is kept in.
        said.push_back((bl::format(bl::translate("The checklist the team shares in {1} is now attached here.")) % sidecar)
                           .str(loc));
    }
    if (report.bad_lines > 0) {
        // TRANSLATORS: {1} is a number of lines, {2} a file path, {3} a list of line numbers ("3, 7, 12").
        said.push_back((bl::format(bl::translate("{1} line of the shared checklist file {2} could not be read and "
                                                 "was skipped (line {3}).",
                                                 "{1} lines of the shared checklist file {2} could not be read and "
                                                 "were skipped (first at lines {3}).",
                                                 forPlural(report.bad_lines)))
                        % report.bad_lines % sidecar % lineNumbers(report.first_bad))
                           .str(loc));
    }
    if (report.markers_repaired) {
        // TRANSLATORS: {1} is a file path. "Conflict markers" are the <<<<<<< lines a merge leaves.
        said.push_back((bl::format(bl::translate("The shared checklist file {1} had conflict markers from a merge; "
                                                 "both sides' changes were kept and the markers removed."))
                        % sidecar)
                           .str(loc));
    }
    if (report.copies_folded > 0) {
        // TRANSLATORS: {1} is a number; the copies are files a sync tool (Syncthing, Nextcloud) left.
        said.push_back((bl::format(bl::translate("{1} conflict copy of the shared checklist file was read in and removed.",
                                                 "{1} conflict copies of the shared checklist file were read in and removed.",
                                                 forPlural(report.copies_folded)))
                        % report.copies_folded)
                           .str(loc));
    }
    if (report.unjoined_sidecar) {
        // TRANSLATORS: {1} is a file path. Sharing combines the team's checklist with this one.
        said.push_back((bl::format(bl::translate("{1} holds a checklist the team shares for this document; share "
                                                 "this checklist to combine the two."))
                        % sidecar)
                           .str(loc));
    }
    if (report.file_error) {
        // TRANSLATORS: {1} is a file path; {2} the system's reason. The checklist itself is safe.
        said.push_back((bl::format(bl::translate("The shared checklist file {1} could not be read or written: {2}. "
                                                 "The checklist in Rapport's data is safe."))
                        % sidecar % report.file_error->detail)
                           .str(loc));
    }
    return said;
}

std::string describeOverride(const OverriddenChange& change, const std::string& what, const std::string& when,
                             const std::locale& loc)
{
    if (change.kind == "status") {
        const auto theirs = parseStatusKeyword(change.their_value);
        const auto yours = parseStatusKeyword(change.your_value);
        if (theirs && yours) {
            // TRANSLATORS: "Ana set Done at 14:02; your Blocked is in the history." {1} a person,
            // {2} and {4} status names, {3} a time. A colleague's later change replaced the user's.
            return (bl::format(bl::translate("{1} set {2} at {3}; your {4} is in the history.")) % change.their_author %
                    statusName(*theirs, loc) % when % statusName(*yours, loc))
                .str(loc);
        }
    }
    // TRANSLATORS: {1} a person, {2} the title of an item or section, {3} a time. A colleague's
    // later change replaced the user's own.
    return (bl::format(bl::translate("{1} changed “{2}” at {3}; your change is in the history.")) %
            change.their_author % what % when)
        .str(loc);
}

std::string describeShareStatus(const ShareStatus& status, const std::string& when, const std::locale& loc)
{
    if (!status.shared)
        return {};
    if (status.last_author.empty()) {
        // TRANSLATORS: shown under the document's name when its checklist is shared with the team.
        return bl::translate("Shared with the project").str(loc);
    }
    if (const char* action = actionOf(status.last_kind)) {
        // TRANSLATORS: {1} is a person's name, {2} a date and time, {3} what they did ("Change status").
        return (bl::format(bl::translate("Shared with the project · last change by {1}, {2}: {3}")) %
                status.last_author % when % bl::translate(action).str(loc))
            .str(loc);
    }
    // TRANSLATORS: {1} is a person's name, {2} a date and time.
    return (bl::format(bl::translate("Shared with the project · last change by {1}, {2}")) % status.last_author % when)
        .str(loc);
}

} // namespace rapport
