// Store maintenance: checking a store file for damage and snapshotting a
// live store (`annals check`, `annals backup`; docs/store.md, "Damage and
// backups").
//
// CheckStore never changes the file. Quick mode runs SQLite's quick_check
// (every page and b-tree: time linear in the file size, about a second per
// few hundred MB) and the full-text index's own structure check; full mode
// runs integrity_check (indexes compared with their tables as well) and
// compares the full-text index with the stored sentences. Both read the
// schema version. What a check cannot see: a changed byte inside a stored
// value (a letter of a text, a digit of a count) leaves every structure
// intact, so no check here detects it.
//
// BackupStore copies a store with SQLite's online backup API inside one
// read transaction: writers (a running ingest) go on meanwhile, and the copy
// is the store as of one committed batch. It is written to a temporary file
// beside `to`, checked (quick), and renamed over `to` only when whole.
//
// Thread-safety: free functions, each with its own connections.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "annals/status.h"

namespace annals {

struct StoreCheck {
  int64_t schema_version = 0;       // PRAGMA user_version (0: no schema)
  std::vector<std::string> problems;  // one line each; empty = no damage found
  std::vector<std::string> notes;     // checks that could not run, and why
  bool ok() const { return problems.empty(); }
};

// Checks the store at `path` (see above). An error Status only when there
// is no file or it cannot be opened; damage, a file that is not a database
// and a schema this build does not know are problems.
Result<StoreCheck> CheckStore(const std::string& path, bool full);

// Snapshots the store at `from` into the file `to` (see above).
// InvalidArgument when `to` is the store or one of its -wal/-shm/-journal
// files; DataError when the copy fails its check (damage in the source).
Status BackupStore(const std::string& from, const std::string& to);

}  // namespace annals
