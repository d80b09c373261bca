// Diagnostics on standard error in one format (messages.h).
#include "cli/messages.h"

#include <iostream>

#include "cli/exit_codes.h"

namespace annals::cli {

namespace {

void Print(std::string_view command, std::string_view severity, std::string_view message) {
  std::string line = "annals";
  if (!command.empty()) line.append(" ").append(command);
  line += ": ";
  if (!severity.empty()) line.append(severity).append(": ");
  line.append(message);
  line += '\n';
  std::cerr << line;
}

}  // namespace

void PrintError(std::string_view command, std::string_view message) { Print(command, "error", message); }
void PrintWarning(std::string_view command, std::string_view message) { Print(command, "warning", message); }
void PrintNote(std::string_view command, std::string_view message) { Print(command, "", message); }
void PrintDiagnostic(std::string_view command, const Diagnostic& d) {
  Print(command, d.severity.empty() ? std::string_view("error") : std::string_view(d.severity), d.message);
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kDataError: return kExitDataError;
    case StatusCode::kInternal: return kExitInternal;
    default: return kExitIoError;
  }
}

std::unique_ptr<Store> OpenStoreForReading(std::string_view command, const std::string& db, int* exit_code) {
  Result<std::unique_ptr<Store>> store = Store::Open(db, StoreOptions{.read_only = true});
  if (store.ok()) return std::move(store.value());
  if (store.status().code() == StatusCode::kNotFound) {
    PrintError(command, "no store at '" + db + "'; create one with `annals ingest --date YYYY-MM-DD FILES...`, " +
                            "or name another with --db FILE");
    *exit_code = kExitIoError;
  } else {
    PrintError(command, store.status().message());
    *exit_code = ExitCodeFor(store.status());
  }
  return nullptr;
}

}  // namespace annals::cli
