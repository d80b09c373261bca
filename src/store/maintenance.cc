// Checking and backing up store files (maintenance.h).
#include "store/maintenance.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace annals {

namespace fs = std::filesystem;

namespace {

std::string FolderOf(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// True if `path` names the store `db` or one of its companion files.
bool IsStoreFile(const std::string& path, const std::string& db) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec2;
    const fs::path p = fs::weakly_canonical(db + suffix, ec2);
    if (!ec2 && p == target) return true;
  }
  return false;
}

}  // namespace

Result<StoreCheck> CheckStore(const std::string& path, bool full) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::NotFound(path + ": no store here");
  // SQLite runs the full-text check as a write, so it needs a writable
  // connection; a store nobody may write to gets the other checks.
  const bool writable = ::access(path.c_str(), W_OK) == 0 && ::access(FolderOf(path).c_str(), W_OK) == 0;
  Result<std::unique_ptr<Db>> opened = Db::Open(path, !writable);
  if (!opened.ok()) return opened.status();
  Db& db = **opened;
  StoreCheck out;
  Result<std::optional<int64_t>> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) {
    out.problems.push_back(path + ": " + sqlite3_errmsg(db.raw()));
    return out;
  }
  out.schema_version = version->value_or(0);
  if (out.schema_version == 0) {
    out.problems.push_back(path + ": not an Annals store (no schema version)");
    return out;
  }
  if (out.schema_version > kStoreSchemaVersion) {
    out.problems.push_back(path + ": schema version " + std::to_string(out.schema_version) +
                           " is newer than this Annals knows (" + std::to_string(kStoreSchemaVersion) + ")");
  } else if (out.schema_version < kStoreSchemaVersion) {
    out.notes.push_back("schema version " + std::to_string(out.schema_version) + " (current " +
                        std::to_string(kStoreSchemaVersion) + "): `annals ingest --recode` upgrades it");
  }

  Result<Stmt> structure = db.Prepare(full ? "PRAGMA integrity_check(100)" : "PRAGMA quick_check(100)");
  if (!structure.ok()) {
    out.problems.push_back(path + ": " + sqlite3_errmsg(db.raw()));
    return out;
  }
  Status st;
  while (structure->Step(&st)) {
    std::string line = structure->Text(0);
    for (char& c : line) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    if (line != "ok") out.problems.push_back(path + ": " + line);
  }
  if (!st.ok()) out.problems.push_back(path + ": " + sqlite3_errmsg(db.raw()));
  if (out.schema_version == kStoreSchemaVersion) {
    Result<std::string> schema = Store::SchemaProblem(db);
    if (!schema.ok()) {
      out.problems.push_back(path + ": " + schema.status().message());
    } else if (!schema->empty()) {
      out.problems.push_back(path + ": " + *schema);
    }
  }

  if (!writable) {
    out.notes.push_back("full-text index not checked: the store cannot be opened for writing "
                        "(SQLite runs that check as a write; nothing is written)");
    return out;
  }
  const std::string fts = std::string("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', ") +
                          (full ? "1" : "0") + ")";
  if (sqlite3_exec(db.raw(), fts.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    out.problems.push_back(path + ": full-text index of sentences: " + sqlite3_errmsg(db.raw()));
  }
  return out;
}

Status BackupStore(const std::string& from, const std::string& to) {
  if (IsStoreFile(to, from)) {
    return Status::InvalidArgument("refusing to write the backup over the store '" + from +
                                   "' (or its -wal/-shm file); name another file");
  }
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) return Status::NotFound(from + ": no store here");
  // A write-ahead log with frames (or a hot journal) beside the target
  // would be replayed onto the new file by its next reader.
  const uintmax_t wal = fs::exists(to + "-wal", ec) ? fs::file_size(to + "-wal", ec) : 0;
  if ((!ec && wal > 0) || fs::exists(to + "-journal", ec)) {
    return Status::InvalidArgument("refusing to write the backup to '" + to + "': it has a -wal or -journal file " +
                                   "(a store in use there?); name another file");
  }
  Result<std::unique_ptr<Db>> src = Db::Open(from, /*read_only=*/true);
  if (!src.ok()) return src.status();
  const fs::path target(to);
  const std::string tmp = (target.has_parent_path() ? target.parent_path() / "" : fs::path()).string() + "." +
                          target.filename().string() + ".tmp-" + std::to_string(::getpid());
  fs::remove(tmp, ec);
  Status result;
  {
    Result<std::unique_ptr<Db>> dst = Db::Open(tmp, /*read_only=*/false);
    if (!dst.ok()) return dst.status();
    sqlite3_backup* backup = sqlite3_backup_init((*dst)->raw(), "main", (*src)->raw(), "main");
    if (backup == nullptr) {
      result = Status::IoError(to + ": cannot start the backup: " + sqlite3_errmsg((*dst)->raw()));
    } else {
      // All pages in one step: one read transaction, so the copy is one
      // committed state of the store while writers go on (WAL).
      const int rc = sqlite3_backup_step(backup, -1);
      sqlite3_backup_finish(backup);
      if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) {
        result = DamagedStore(from, sqlite3_errstr(rc));
      } else if (rc != SQLITE_DONE) {
        result = Status::IoError(to + ": backup failed: " + sqlite3_errstr(rc));
      } else {
        Result<std::string> problem = (*dst)->QuickCheck();
        if (!problem.ok()) {
          result = problem.status();
        } else if (!problem->empty()) {
          result = DamagedStore(from, *problem);
        }
      }
    }
  }  // closed (and its log checkpointed away) before the rename
  if (result.ok() && std::rename(tmp.c_str(), to.c_str()) != 0) {
    result = Status::IoError(to + ": cannot write the backup here");
  }
  if (!result.ok()) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp + suffix, ec);
  }
  return result;
}

}  // namespace annals
