// A thin RAII layer over the SQLite C API for the store: a connection (Db)
// and prepared statements (Stmt) that report failures as Status values
// instead of return codes, so the store code reads as a list of steps.
//
// Thread-safety: a Db and its Stmts belong to one thread at a time (SQLite
// is built serialized, but the store never shares a connection). A Stmt must
// not outlive the Db that prepared it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals {

class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& o) noexcept : stmt_(o.stmt_), db_(o.db_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;  // owns the sqlite3_stmt
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Bind by 1-based index. Text is copied (SQLITE_TRANSIENT).
  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, const char* text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, const std::string& text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, size_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, bool v) { return Bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& BindNull(int i);
  // Binds NULL for an empty string (so optional text columns stay NULL).
  Stmt& BindOrNull(int i, std::string_view text);

  // Steps once: true = a row is ready, false = done; errors go to *status.
  bool Step(Status* status);
  // Runs to completion, ignoring rows; then resets for reuse.
  Status Run();
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Real(int col) const;
  std::string Text(int col) const;
  int columns() const;
  std::string ColumnName(int col) const;

 private:
  friend class Db;
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

class Db {
 public:
  // Opens (creating if needed) the database file; ":memory:" works.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool read_only = false);
  Db(const Db&) = delete;  // owns the connection
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  // First column of the first row as integer / text, or nullopt.
  Result<std::optional<int64_t>> QueryInt(std::string_view sql);
  Result<std::optional<std::string>> QueryText(std::string_view sql);
  // The first problem PRAGMA quick_check finds (page and b-tree structure;
  // time linear in the file size), or "" for none.
  Result<std::string> QuickCheck();
  int64_t LastInsertRowid() const;
  int Changes() const;
  const std::string& path() const { return path_; }
  sqlite3* raw() { return db_; }

 private:
  Db() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
};

// "path: what: sqlite error text" for a failing call (IoError); for a
// damaged or non-database file DamagedStore's one line instead.
Status SqliteError(sqlite3* db, std::string_view what);
// DataError "path: the store is damaged (reason); ..." with what to do.
Status DamagedStore(std::string_view path, std::string_view reason);

}  // namespace annals
