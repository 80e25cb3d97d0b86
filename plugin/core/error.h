// Errors at the core's edges are values with a description (pugixml's xml_parse_result
// is the model), never exceptions that could escape into a host callback.
#pragma once

#include <locale>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace rapport {

// What went wrong, in terms a caller can act on.
enum class ErrorCode {
    StoreCannotCreateDirectory, // the store's folder cannot be made
    StoreCannotOpen,            // SQLite refused to open or create the file
    StoreDamaged,               // the file is not a healthy Rapport store
    StoreTooNew,                // written by a newer Rapport; left untouched
    StoreWriteFailed,           // a change could not be committed
    DocumentUnknown,            // no such document or checklist
    ItemUnknown,                // no such item in the checklist
    TemplateUnknown,            // no template with that key
    TemplateInvalid,            // a template file could not be read
    InvalidArgument,            // a caller passed something meaningless
    FileWriteFailed,            // a file the user asked for (a report) could not be written
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
