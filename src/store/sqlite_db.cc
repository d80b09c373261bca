// SQLite wrapper: statements and connections as RAII objects with Status
// errors (sqlite_db.h).
#include "store/sqlite_db.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace annals {

Status DamagedStore(std::string_view path, std::string_view reason) {
  return Status::DataError(std::string(path) + ": the store is damaged (" + std::string(reason) +
                           "); `annals check --db " + std::string(path) +
                           "` lists the damage; restore a backup (`annals backup`) or re-ingest");
}

Status SqliteError(sqlite3* db, std::string_view what) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const std::string path = (file && *file) ? std::string(file) : std::string("sqlite");
  const int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  // Damage is one line naming the file, not the statement that met it.
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return DamagedStore(path, sqlite3_errmsg(db));
  return Status::IoError(path + ": " + std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    stmt_ = o.stmt_;
    db_ = o.db_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, std::string_view text) {
  sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::BindOrNull(int i, std::string_view text) { return text.empty() ? BindNull(i) : Bind(i, text); }

bool Stmt::Step(Status* status) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = SqliteError(db_, sqlite3_sql(stmt_));
  return false;
}

Status Stmt::Run() {
  Status st;
  while (Step(&st)) {
  }
  Reset();
  return st;
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
int Stmt::columns() const { return sqlite3_column_count(stmt_); }
std::string Stmt::ColumnName(int col) const {
  const char* n = sqlite3_column_name(stmt_, col);
  return n ? n : "";
}

namespace {

// SQLite URI filename for `path` (RFC 3986 percent-encoding of what a URI
// path cannot hold as is).
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/._-~", c) != nullptr) {
      uri += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    }
  }
  return uri;
}

// A WAL database opened read-only needs to create its -shm file, so in a
// folder nobody may write to it cannot be opened at all. Such a file is
// opened as immutable instead -- safe there, since no writer can change it
// either -- unless it still has a write-ahead log whose pages an immutable
// reader would not see.
bool OpenImmutable(const std::string& path) {
  const std::filesystem::path p(path);
  const std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  if (::access(dir.c_str(), W_OK) == 0) return false;
  std::error_code ec;
  const uintmax_t wal = std::filesystem::file_size(path + "-wal", ec);
  return ec || wal == 0;
}

}  // namespace

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only) {
  std::unique_ptr<Db> db(new Db());
  db->path_ = path;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  std::string name = path;
  if (read_only && path != ":memory:" && OpenImmutable(path)) {
    name = FileUri(path) + "?immutable=1";
    flags |= SQLITE_OPEN_URI;
  }
  const int rc = sqlite3_open_v2(name.c_str(), &db->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " + (db->db_ ? sqlite3_errmsg(db->db_) : "out of memory");
    return rc == SQLITE_CANTOPEN ? Status::NotFound(msg) : Status::IoError(msg);
  }
  // Another process (a second ingest, a query) may hold the write lock for
  // one batch; wait for it rather than failing.
  sqlite3_busy_timeout(db->db_, 30000);
  sqlite3_extended_result_codes(db->db_, 0);
  return db;
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = path_ + ": " + (err ? err : "error") + " in '" + s.substr(0, 80) + "'";
    sqlite3_free(err);
    if (sqlite3_errcode(db_) == SQLITE_CORRUPT || sqlite3_errcode(db_) == SQLITE_NOTADB) {
      return DamagedStore(path_, sqlite3_errmsg(db_));
    }
    return Status::IoError(msg);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  Stmt s;
  s.db_ = db_;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s.stmt_, nullptr) != SQLITE_OK) {
    return SqliteError(db_, "prepare '" + std::string(sql.substr(0, 80)) + "'");
  }
  return s;
}

Result<std::optional<int64_t>> Db::QueryInt(std::string_view sql) {
  Result<Stmt> s = Prepare(sql);
  if (!s.ok()) return s.status();
  Status st;
  if (s->Step(&st) && !s->IsNull(0)) return std::optional<int64_t>(s->Int(0));
  if (!st.ok()) return st;
  return std::optional<int64_t>();
}

Result<std::optional<std::string>> Db::QueryText(std::string_view sql) {
  Result<Stmt> s = Prepare(sql);
  if (!s.ok()) return s.status();
  Status st;
  if (s->Step(&st) && !s->IsNull(0)) return std::optional<std::string>(s->Text(0));
  if (!st.ok()) return st;
  return std::optional<std::string>();
}

Result<std::string> Db::QuickCheck() {
  Result<std::optional<std::string>> r = QueryText("PRAGMA quick_check(1)");
  if (!r.ok()) return r.status();
  if (!r->has_value() || **r == "ok") return std::string();
  std::string line = **r;  // one line, for messages
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

}  // namespace annals
