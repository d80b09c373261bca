// Status and Result<T>: how every Annals stage reports failure.
//
// No exception crosses a public header. A function that can fail on input
// returns a Status (or a Result<T> holding either a value or a Status). Each
// status has a stable code and a message that names the place and quotes the
// offending text, e.g. "data/actors/people.tsv:412:7: unknown sector 'GOVV'".
// Codes are stable: scripts and the CLI's exit codes depend on them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace annals {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // a caller passed something unusable (CLI flags)
  kNotFound = 2,         // a file, table entry or document is missing
  kDataError = 3,        // malformed input data: table, dictionary, model
  kInputError = 4,       // a bad document: encoding, size, broken JSON
  kIoError = 5,          // the operating system refused a read or write
  kInternal = 6,         // a bug in Annals; never caused by input alone
};

// Stable lower-case name of a code, e.g. "data_error".
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status InputError(std::string m) { return {StatusCode::kInputError, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "data_error: file:3: bad row" (or "ok").
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-OK Status. Check ok() before value().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}      // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

// Formats "path:line: message" or "path:line:column: message" for data errors.
std::string AtLine(std::string_view path, size_t line, std::string_view message);
std::string AtLine(std::string_view path, size_t line, size_t column, std::string_view message);

}  // namespace annals

#define ANNALS_RETURN_IF_ERROR(expr)        \
  do {                                      \
    ::annals::Status _annals_st = (expr);   \
    if (!_annals_st.ok()) return _annals_st; \
  } while (0)
