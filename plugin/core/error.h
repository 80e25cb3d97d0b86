// Errors at the core's edges are values with a description (pugixml's xml_parse_result
// is the model), never exceptions that could escape into a host callback.
#pragma once

#include <locale>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace rapport {

// What went wrong, in terms a caller can act on. Each has its own sentence for the user
// (what happened and what to do); the lower layer's words only ever follow as detail.
enum class ErrorCode {
    StoreCannotCreateDirectory, // the store's folder cannot be made
    StoreCannotOpen,            // SQLite refused to open or create the file (another reason)
    StoreNoPermission,          // the store or its folder may not be read
    StoreReadOnly,              // the store or its folder may be read but not written
    StoreDiskFull,              // no space left for a change
    StoreLocked,                // another program holds the store's lock for too long
    StoreDamaged,               // the file is not a healthy Rapport store
    StoreTooNew,                // written by a newer Rapport; left untouched
    StoreWriteFailed,           // a change could not be committed (another reason)
    DocumentUnknown,            // no such document or checklist
    ChecklistExists,            // the document has a checklist already
    ItemUnknown,                // no such item in the checklist
    ReportUnknown,              // no report with that id for the document
    TemplateUnknown,            // no template with that key
    TemplateInvalid,            // a template file could not be read
    InvalidArgument,            // a caller passed something meaningless (a bug, not the user)
    DateInvalid,                // not a date written YYYY-MM-DD between kFirstYear and kLastYear
    TextNotUtf8,                // text that is not UTF-8; subject: the field, detail: the byte offset
    TextHasControl,             // a control character; subject: the field, detail: U+XXXX
    TextTooLong,                // subject: the field, detail: the limit in characters
    KeyInvalid,                 // a key with other characters than letters, digits, - _ .
    FileWriteFailed,            // a file the user asked for (a report) could not be written
    FileReadFailed,             // a file the user named could not be read
    FileTooLarge,               // a file to read is larger than Rapport reads; detail: the limit in MB
    NotAFile,                   // a folder, device, FIFO or socket where a file was meant; detail: which
    OutputIsRapportData,        // an output path that is the store, its companions, backups or settings
    OutputIsDocument,           // an output path that is a document with a checklist
    ImportInvalid,              // a file that is not a checklist export; subject: file and place
};

// An error with the path or object it concerns and the lower layer's own words.
struct Error {
    ErrorCode code{};
    std::string subject; // the file, document or key it is about (UTF-8)
    std::string detail;  // the lower layer's message, e.g. SQLite's, untranslated

    // A sentence for the user, translated with the catalogue in `loc` if it has one.
    [[nodiscard]] std::string description(const std::locale& loc = std::locale::classic()) const;
};

// Either a value or an Error.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    // True when a value is held.
    explicit operator bool() const noexcept { return state_.index() == 0; }
    // The value; only valid when the result holds one.
    T& value() & { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const T& value() const& { return std::get<0>(state_); }
    // The error; only valid when the result holds no value.
    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

// Success or an Error, for operations that return nothing.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)) {}

    // True on success.
    explicit operator bool() const noexcept { return !error_.has_value(); }
    // The error; only valid on failure.
    const Error& error() const { return *error_; }

private:
    std::optional<Error> error_;
};

} // namespace rapport
