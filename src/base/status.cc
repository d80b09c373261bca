// Names of status codes and the file:line formatting used by every loader.
#include "annals/status.h"

namespace annals {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kDataError: return "data_error";
    case StatusCode::kInputError: return "input_error";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s(StatusCodeName(code_));
  s += ": ";
  s += message_;
  return s;
}

std::string AtLine(std::string_view path, size_t line, std::string_view message) {
  std::string s(path);
  s += ':';
  s += std::to_string(line);
  s += ": ";
  s += message;
  return s;
}

std::string AtLine(std::string_view path, size_t line, size_t column, std::string_view message) {
  std::string s(path);
  s += ':';
  s += std::to_string(line);
  s += ':';
  s += std::to_string(column);
  s += ": ";
  s += message;
  return s;
}

}  // namespace annals
