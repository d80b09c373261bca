// The one shape of every message the `annals` command prints on standard
// error (docs/cli.md, "Messages"):
//
//   annals <command>: error: <what went wrong, naming file:line where known>
//   annals <command>: warning: <what was assumed or repaired>
//   annals <command>: <summary or progress line>
//
// and the store opening shared by the commands that read a store, so a
// missing or unreadable store is reported the same way by each of them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "annals/document.h"
#include "annals/status.h"
#include "store/store.h"

namespace annals::cli {

void PrintError(std::string_view command, std::string_view message);
void PrintWarning(std::string_view command, std::string_view message);
// A reader or pipeline diagnostic, with its own severity.
void PrintDiagnostic(std::string_view command, const Diagnostic& d);
// A line without severity ("annals ingest: 3 document(s) stored ...").
void PrintNote(std::string_view command, std::string_view message);

// The exit code for a failed store or query call: 2 for a bad request
// (InvalidArgument), 3 for an unusable store file, 4 for I/O.
int ExitCodeFor(const Status& status);

// Opens the store at `db` for reading; on failure prints the error (with
// the hint to run `annals ingest` or pass --db when there is no store) and
// sets *exit_code.
std::unique_ptr<Store> OpenStoreForReading(std::string_view command, const std::string& db, int* exit_code);

}  // namespace annals::cli
