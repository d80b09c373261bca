// `annals backup OUT`: a consistent snapshot of a store, also while an
// ingest writes into it (SQLite online backup; store/maintenance.h). The
// copy is checked before it replaces OUT.
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/maintenance.h"

namespace annals::cli {
namespace {

struct BackupOptions {
  std::string db = "annals.db";
  std::string out;
};

int RunBackup(const BackupOptions& o) {
  constexpr std::string_view kCmd = "backup";
  Status st = BackupStore(o.db, o.out);
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return ExitCodeFor(st);
  }
  PrintNote(kCmd, o.db + " -> " + o.out + " (checked)");
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<BackupOptions>();
  app->add_option("out", o->out, "The backup file (replaced only when the copy is whole and checked)")->required();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  app->footer("Safe while `annals ingest` runs: the copy is the store as of one committed batch.");
  return [o] { return RunBackup(*o); };
}

ANNALS_COMMAND("backup", "Snapshot a store (also a live one) into a checked copy", Setup);

}  // namespace
}  // namespace annals::cli
