// `annals check`: looks for damage in a store file -- page and b-tree
// structure (SQLite quick_check, or integrity_check with --full), the
// full-text index of sentences, the schema version -- without changing it
// (store/maintenance.h). Prints one line per problem on stdout and a
// summary on stderr; exits 0 when nothing is found, 3 when something is.
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/maintenance.h"

namespace annals::cli {
namespace {

struct CheckOptions {
  std::string db = "annals.db";
  bool full = false;
};

int RunCheck(const CheckOptions& o) {
  constexpr std::string_view kCmd = "check";
  Result<StoreCheck> check = CheckStore(o.db, o.full);
  if (!check.ok()) {
    PrintError(kCmd, check.status().message());
    return ExitCodeFor(check.status());
  }
  for (const std::string& p : check->problems) std::cout << p << "\n";
  for (const std::string& n : check->notes) PrintWarning(kCmd, n);
  std::cout.flush();
  const std::string what = o.full ? "integrity check" : "quick check";
  if (!check->ok()) {
    PrintError(kCmd, o.db + ": damaged (" + std::to_string(check->problems.size()) + " problem(s) in the " + what +
                         "); restore a backup (`annals backup`) or ingest again into a new store");
    return kExitDataError;
  }
  PrintNote(kCmd, o.db + ": no damage found (" + what + ", full-text index, schema version " +
                      std::to_string(check->schema_version) + ")");
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<CheckOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  app->add_flag("--full", o->full,
                "Also compare every index with its table and the full-text index with the sentences (slower)");
  app->footer("Exit status: 0 no damage found, 3 damaged. A changed byte inside a stored value (a letter of a "
              "text) leaves every structure intact and is not detected.");
  return [o] { return RunCheck(*o); };
}

ANNALS_COMMAND("check", "Look for damage in a store: page structure, full-text index, schema version", Setup);

}  // namespace
}  // namespace annals::cli
