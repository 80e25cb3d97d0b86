#include "error.h"

#include "msgid.h"
#include "text_rules.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

namespace rapport {

namespace bl = boost::locale;

namespace {

// What NotAFile's detail names, in the user's language.
std::string kindOfFile(const std::string& kind, const std::locale& loc)
{
    // TRANSLATORS: completes "{1} is {2}, not a file": what the path turned out to be.
    if (kind == "folder")
        return bl::translate("a folder").str(loc);
    if (kind == "device")
        return bl::translate("a device").str(loc);
    if (kind == "fifo")
        return bl::translate("a named pipe (FIFO)").str(loc);
    if (kind == "socket")
        return bl::translate("a socket").str(loc);
    return bl::translate("something other than a file").str(loc);
}

} // namespace

std::string Error::description(const std::locale& loc) const
{
    bl::message pattern;
    std::string first = subject;
    std::string second = detail;
    std::string third;
    bool detailInSentence = false; // else the detail follows the sentence, as "(details: ...)"
    switch (code) {
    case ErrorCode::StoreCannotCreateDirectory:
        // TRANSLATORS: {1} is a folder path.
        pattern = bl::translate("Rapport cannot create the folder for its data, {1}. Check that you may write in "
                                "the folder above it, or set RAPPORT_DATA_DIR to a folder you may write in.");
        break;
    case ErrorCode::StoreCannotOpen:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport cannot open its data file {1}. Check that the disk is available and that "
                                "the file is a Rapport data file.");
        break;
    case ErrorCode::StoreNoPermission:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport may not read its data file {1} or the folder it is in. Give your user "
                                "permission to read and write both (for example with chmod u+rw), then try again.");
        break;
    case ErrorCode::StoreReadOnly:
        // TRANSLATORS: {1} is a file path. Shown when the data file, its folder or the disk is read-only.
        pattern = bl::translate("Rapport's data file {1} is read-only (the file, its folder or the disk), so "
                                "changes cannot be saved; checklists can still be read. To change them, make the "
                                "file and its folder writable, then try again.");
        break;
    case ErrorCode::StoreDiskFull:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("The disk holding Rapport's data file {1} is full, so the change was not saved. "
                                "Free some space, then try again.");
        break;
    case ErrorCode::StoreLocked:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport's data file {1} is locked by another program, so the change was not "
                                "saved. Wait a moment or close the other program, then try again.");
        break;
    case ErrorCode::StoreDamaged:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport's data file {1} is damaged. Close and reopen Rapport: it keeps the damaged "
                                "file aside and restores the newest backup.");
        break;
    case ErrorCode::StoreTooNew:
        // TRANSLATORS: {1} is a file path. The file is left untouched.
        pattern = bl::translate("The data file {1} was written by a newer version of Rapport. "
                                "Update Rapport to use it; the file has not been changed.");
        break;
    case ErrorCode::StoreWriteFailed:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport could not save a change to {1}, so nothing was changed. Check that the "
                                "disk works, then try again.");
        break;
    case ErrorCode::DocumentUnknown:
        // TRANSLATORS: {1} is a document's file path.
        pattern = bl::translate("No checklist is attached to {1}. Check the document's path, or attach a checklist "
                                "to it first.");
        break;
    case ErrorCode::ChecklistExists:
        // TRANSLATORS: {1} is a document's file path.
        pattern = bl::translate("A checklist is already attached to {1}, so nothing was changed. Work on that "
                                "checklist, or choose another document.");
        break;
    case ErrorCode::ItemUnknown:
        // TRANSLATORS: {1} identifies a checklist item (a number or a key).
        pattern = bl::translate("The checklist has no item {1}. Use an item's number as the checklist shows it, or "
                                "a template item's key.");
        break;
    case ErrorCode::ReportUnknown:
        // TRANSLATORS: {1} is a report's number.
        pattern = bl::translate("There is no report {1} for this document. Use one of the numbers the list of past "
                                "reports shows.");
        break;
    case ErrorCode::TemplateUnknown:
        // TRANSLATORS: {1} is a template's short key, such as "kickoff".
        pattern = bl::translate("There is no checklist template called {1}. Choose one of the templates listed.");
        break;
    case ErrorCode::TemplateInvalid:
        // TRANSLATORS: {1} is a file path with line and column; {2} says what is wrong, in English.
        pattern = bl::translate("The checklist template {1} cannot be used: {2}. Correct or remove the file; the "
                                "other templates still work.");
        detailInSentence = true;
        break;
    case ErrorCode::InvalidArgument:
        // TRANSLATORS: {1} is a value; this should never happen, so the user is asked to report it.
        pattern = bl::translate("Rapport refused an internal request ({1}), so nothing was changed. Please report "
                                "this as a bug, with the details.");
        break;
    case ErrorCode::DateInvalid:
        // TRANSLATORS: {1} is what was typed; {2} and {3} are years. Keep YYYY-MM-DD as it is.
        pattern = bl::translate("\"{1}\" is not a date Rapport accepts. Write it as YYYY-MM-DD, between the years {2} "
                                "and {3}, for example 2026-12-01.");
        second = std::to_string(kFirstYear);
        third = std::to_string(kLastYear);
        detailInSentence = true;
        break;
    case ErrorCode::TextNotUtf8:
        // TRANSLATORS: {1} is the name of a field, such as "note"; {2} is a number of bytes.
        pattern = bl::translate("The field \"{1}\" is not valid UTF-8 text (the problem is at byte {2}), so nothing "
                                "was kept. Write it as UTF-8, then try again.");
        first = bl::translate(subject).str(loc);
        detailInSentence = true;
        break;
    case ErrorCode::TextHasControl:
        // TRANSLATORS: {1} is the name of a field; {2} is a character code such as U+001B.
        pattern = bl::translate("The field \"{1}\" contains the control character {2}, which Rapport does not keep. "
                                "Remove it, then try again.");
        first = bl::translate(subject).str(loc);
        detailInSentence = true;
        break;
    case ErrorCode::TextTooLong:
        // TRANSLATORS: {1} is the name of a field; {2} is a number of characters.
        pattern = bl::translate("The field \"{1}\" is too long: it may hold at most {2} characters. Shorten it, then "
                                "try again.");
        first = bl::translate(subject).str(loc);
        detailInSentence = true;
        break;
    case ErrorCode::KeyInvalid:
        // TRANSLATORS: {1} is a key such as "kickoff"; {2} is a character code such as U+0020.
        pattern = bl::translate("The key \"{1}\" contains {2}: a key may only hold the letters A to Z and a to z, "
                                "digits, \"-\", \"_\" and \".\". Correct it, then try again.");
        detailInSentence = true;
        break;
    case ErrorCode::FileWriteFailed:
        // TRANSLATORS: {1} is the path of a file the user asked for (a report, an export).
        pattern = bl::translate("Rapport could not write {1}, and left it as it was. Check that the folder exists, "
                                "that you may write in it, and that the disk has space.");
        break;
    case ErrorCode::FileReadFailed:
        // TRANSLATORS: {1} is a file path.
        pattern = bl::translate("Rapport could not read {1}. Check that the file exists and that you may read it.");
        break;
    case ErrorCode::FileTooLarge:
        // TRANSLATORS: {1} is a file path; {2} is a size in megabytes.
        pattern = bl::translate("{1} is larger than {2} MB, far more than any checklist export, so it was not read. "
                                "Check that it is the file you meant.");
        detailInSentence = true;
        break;
    case ErrorCode::NotAFile:
        // TRANSLATORS: {1} is a path; {2} is "a folder", "a device", ...
        pattern = bl::translate("{1} is {2}, not a file. Name a file instead.");
        second = kindOfFile(detail, loc);
        detailInSentence = true;
        break;
    case ErrorCode::OutputIsRapportData:
        // TRANSLATORS: {1} is a path the user asked Rapport to write to.
        pattern = bl::translate("{1} is part of Rapport's own data (its data file, its backups or its settings). "
                                "Writing there would destroy your checklists, so nothing was written: choose "
                                "another file.");
        break;
    case ErrorCode::OutputIsDocument:
        // TRANSLATORS: {1} is a path; it is (or links to) a document that has a checklist.
        pattern = bl::translate("{1} is a document with a checklist (perhaps through a link). Writing there would "
                                "replace it, so nothing was written: choose another file.");
        break;
    case ErrorCode::ImportInvalid:
        // TRANSLATORS: {1} is a file path with the line and column of the problem.
        pattern = bl::translate("{1}: this is not a checklist export Rapport can read, so nothing was imported. "
                                "Import a file written by \"rapport export\".");
        break;
    }
    std::string sentence = (bl::format(pattern) % first % second % third).str(loc);
    if (!detailInSentence && !detail.empty())
        // TRANSLATORS: follows an error message; {1} is the technical reason, in English, for a bug report.
        sentence += " " + (bl::format(bl::translate("(details: {1})")) % detail).str(loc);
    return sentence;
}

} // namespace rapport
