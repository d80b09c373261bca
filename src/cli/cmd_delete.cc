// `annals delete`: removes documents from the store -- by id, outlet or
// publication date range -- with all their layers, and refolds what their
// events touched in the same transaction, so the folded events stay exactly
// what a fresh ingest of the remaining documents would give (docs/store.md).
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct DeleteOptions {
  std::string db = "annals.db";
  DocumentSelector selector;
  bool dry_run = false;
};

int RunDelete(const DeleteOptions& o) {
  constexpr std::string_view kCmd = "delete";
  if (o.selector.empty()) {
    PrintError(kCmd, "say which documents: --doc ID, --source OUTLET, --from/--to DATE (they combine with AND)");
    return kExitUsage;
  }
  std::error_code ec;
  if (!std::filesystem::exists(o.db, ec)) {
    PrintError(kCmd, "no store at '" + o.db + "'; name it with --db FILE");
    return kExitIoError;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(o.db);
  if (!store.ok()) {
    PrintError(kCmd, store.status().message());
    return ExitCodeFor(store.status());
  }
  Result<StoreCounts> before = (*store)->Counts();
  Status st = before.ok() ? (*store)->Begin() : before.status();
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return ExitCodeFor(st);
  }
  Result<std::vector<std::string>> ids = (*store)->DeleteDocuments(o.selector);
  if (!ids.ok()) {
    (void)(*store)->Rollback();
    PrintError(kCmd, ids.status().message());
    return ExitCodeFor(ids.status());
  }
  st = o.dry_run ? (*store)->Rollback() : (*store)->Commit();
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return ExitCodeFor(st);
  }
  for (const std::string& id : *ids) std::cout << id << "\n";
  Result<StoreCounts> after = (*store)->Counts();
  std::string line = std::to_string(ids->size()) + " document(s) " + (o.dry_run ? "would be deleted" : "deleted");
  if (!o.dry_run && after.ok()) {
    line += ", " + std::to_string(before->events - after->events) + " event record(s); " +
            std::to_string(after->documents) + " document(s) and " + std::to_string(after->folded_events) +
            " folded event(s) remain";
  }
  PrintNote(kCmd, line + " in " + o.db);
  if (ids->empty()) PrintWarning(kCmd, "no stored document matches");
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<DeleteOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  app->add_option("--doc", o->selector.ids, "Document id (repeatable); `annals query --format csv` shows ids")
      ->take_all();
  app->add_option("--source", o->selector.source, "Documents of this outlet (exact)");
  app->add_option("--from", o->selector.from, "Documents published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app->add_option("--to", o->selector.to, "Documents published on or before (inclusive)");
  app->add_flag("--dry-run", o->dry_run, "List what would be deleted; change nothing");
  app->footer(
      "Deleted documents can be ingested again. To fix a date or text, `annals ingest --replace` is simpler.");
  return [o] { return RunDelete(*o); };
}

ANNALS_COMMAND("delete", "Delete stored documents by id, outlet or date range (refolds what they touched)", Setup);

}  // namespace
}  // namespace annals::cli
