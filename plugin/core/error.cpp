#include "error.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

namespace rapport {

namespace bl = boost::locale;

std::string Error::description(const std::locale& loc) const
{
    bl::message pattern;
    switch (code) {
    case ErrorCode::StoreCannotCreateDirectory:
        // TRANSLATORS: {1} is a folder path; {2} is the operating system's reason.
        pattern = bl::translate("Rapport cannot create the folder for its data, {1}: {2}");
        break;
    case ErrorCode::StoreCannotOpen:
        // TRANSLATORS: {1} is a file path; {2} is the database library's reason.
        pattern = bl::translate("Rapport cannot open its data file {1}: {2}");
        break;
    case ErrorCode::StoreDamaged:
        // TRANSLATORS: {1} is a file path; {2} is a technical reason.
        pattern = bl::translate("Rapport's data file {1} is damaged: {2}");
        break;
    case ErrorCode::StoreTooNew:
        // TRANSLATORS: {1} is a file path. The file is left untouched.
        pattern = bl::translate("The data file {1} was written by a newer version of Rapport. "
                                           "Update Rapport to use it; the file has not been changed.");
        break;
    case ErrorCode::StoreWriteFailed:
        // TRANSLATORS: {1} is a file path; {2} is the database library's reason.
        pattern = bl::translate("Rapport could not save a change to {1}: {2}");
        break;
    case ErrorCode::DocumentUnknown:
        // TRANSLATORS: {1} is a document's file path.
        pattern = bl::translate("No checklist is attached to {1}.");
        break;
    case ErrorCode::ItemUnknown:
        // TRANSLATORS: {1} identifies a checklist item.
        pattern = bl::translate("The checklist has no item {1}.");
        break;
    case ErrorCode::TemplateUnknown:
        // TRANSLATORS: {1} is a template's short key, such as "kickoff".
        pattern = bl::translate("There is no checklist template called {1}.");
        break;
    case ErrorCode::TemplateInvalid:
        // TRANSLATORS: {1} is a file path with line and column; {2} says what is wrong.
        pattern = bl::translate("The checklist template {1} cannot be used: {2}");
        break;
    case ErrorCode::FileWriteFailed:
        // TRANSLATORS: {1} is the path of a report file; {2} is the system's reason.
        pattern = bl::translate("Rapport could not write {1}: {2}");
        break;
    case ErrorCode::InvalidArgument:
        // TRANSLATORS: {1} is the value that was rejected; {2} says why.
        pattern = bl::translate("Invalid value {1}: {2}");
        break;
    }
    return (bl::format(pattern) % subject % detail).str(loc);
}

} // namespace rapport
