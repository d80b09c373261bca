// The embedded event store: one SQLite file holding documents with their
// sentences, coded events, actor mentions, places, quotes, time expressions
// and amounts, plus the folded (de-duplicated) events. Schema and rules are
// documented in docs/store.md.
//
// Durability. The file is opened in WAL mode with synchronous=NORMAL. Writes
// happen only inside Begin()/Commit(); a batch of documents, their rows and
// the refolding of the fold keys they touch commit together, so a crash or
// kill leaves the database exactly as after the last committed batch: nothing
// committed is lost, nothing half-written is visible.
//
// Schema versions. PRAGMA user_version holds the schema version; Open()
// applies the missing migrations in order (Migrations() in store.cc) and
// refuses a file newer than this build.
//
// Document identity. A document is the same as a stored one when its id is
// stored, or when its normalised text (NormalizeForHash: NFC, whitespace
// runs collapsed, ends trimmed) has the same XXH3-128 hash *and* the same
// normalised text. The same id with different text is a conflict the caller
// must resolve (replace it, or give another id), never a silent skip.
//
// Thread-safety: a Store is one connection, used by one thread at a time.
// Several processes may open the same file: readers run alongside one writer
// (WAL); a second writer waits for the lock (busy timeout 30 s). Schema
// creation and migrations run inside a write transaction that re-reads the
// schema version, so two processes creating one store do not collide; a
// writer must repeat its existence checks inside its transaction (Lookup
// after Begin), since another process may have stored the same document
// since.
//
// Read-only opening (StoreOptions::read_only) works on a store whose folder
// is not writable: the file is then opened as immutable (no -wal/-shm
// needed), which is safe because nothing can write there either.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"
#include "store/fold.h"
#include "store/sqlite_db.h"

namespace annals {

class Ontology;

inline constexpr int kStoreSchemaVersion = 4;

struct StoreOptions {
  bool read_only = false;
  // Page cache in KiB (PRAGMA cache_size=-N): large batches stay in memory.
  int64_t cache_kib = 65536;
};

// Row counts of every stored table (for `annals stats` and tests).
struct StoreCounts {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t folded_events = 0;
  int64_t actors = 0;
  int64_t places = 0;
  int64_t quotes = 0;
  int64_t time_exprs = 0;
  int64_t amounts = 0;
  bool operator==(const StoreCounts&) const = default;
};

// Whether a document is already stored.
enum class Seen {
  kNew,          // neither its id nor its text is stored
  kSameId,       // its id is stored, with the same text
  kSameContent,  // its text is stored under another id
  kIdConflict,   // its id is stored with different text
};

struct LookupResult {
  Seen seen = Seen::kNew;
  std::string stored_id;      // the stored document it matched
  std::string stored_origin;  // where that one was read from ("file:line")
};

// Which documents `annals delete` removes: all conditions combine with AND;
// an empty selector selects nothing.
struct DocumentSelector {
  std::vector<std::string> ids;  // any of these ids
  std::string source;            // outlet, exact
  std::string from, to;          // publication date range, ISO, inclusive;
                                 // partial dates cover their whole period
  bool empty() const { return ids.empty() && source.empty() && from.empty() && to.empty(); }
};

class Store {
 public:
  // Opens or creates the store at `path` and migrates it to the current
  // schema (unless read-only). Opening an existing store for writing runs
  // a quick check first (Db::QuickCheck; time linear in the file size) and
  // refuses a damaged one with DataError (see store/maintenance.h). Fold options are read from the file (meta
  // table); a new file gets the defaults.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});
  Store(const Store&) = delete;  // owns the connection and statements
  Store& operator=(const Store&) = delete;
  ~Store();

  // The text duplicate detection compares: NFC (with the text stage's
  // UTF-8 repair), every run of white space (Unicode spaces and line breaks
  // included) as one space, no leading or trailing space. So the same
  // article with a trailing newline, CRLF line ends or re-wrapped lines is
  // one document.
  static std::string NormalizeForHash(std::string_view text);
  // XXH3-128 of NormalizeForHash(text), 32 hex digits.
  static std::string ContentHash(std::string_view text);

  // Whether document `id` with this text is stored. `normalized` is
  // NormalizeForHash(text) and `content_hash` its hash; on a hash match the
  // stored text is compared too. Inside a write transaction the answer
  // holds until Commit().
  Result<LookupResult> Lookup(const std::string& id, const std::string& content_hash, const std::string& normalized);

  // Write transaction. Commit() first refolds every fold key touched since
  // Begin(), so folded events always match the committed raw events.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Inside a transaction: stores a new coded document and all its layers.
  // `coded_by` names the coder version (recorded on the document and each
  // event row).
  Status PutDocument(const Document& doc, const std::string& content_hash, const Ontology& ontology,
                     const std::string& coded_by);
  // Inside a transaction: replaces document `doc.id` (which must exist) --
  // its text, date, title, source, url, origin and every layer -- with
  // `doc`, coded by `coded_by`. The fold keys of the old and new events are
  // refolded at Commit().
  Status ReplaceDocument(const Document& doc, const Ontology& ontology, const std::string& coded_by);
  // Inside a transaction: removes the selected documents with every layer;
  // their events' fold keys are refolded at Commit(). Returns the removed
  // ids in document order. InvalidArgument for an empty selector or a bad
  // date.
  Result<std::vector<std::string>> DeleteDocuments(const DocumentSelector& selector);

  // Ids of stored documents coded by another version than `coded_by`.
  Result<std::vector<std::string>> StaleDocuments(const std::string& coded_by);
  // The stored input of a document (id, date, undated, title, source, url,
  // origin, text), ready to be coded again.
  Result<Document> LoadDocument(const std::string& id);

  // Fold options in force (stored in the file). SetFoldOptions() stores new
  // ones and, when they differ, refolds everything in its own transaction.
  const FoldOptions& fold_options() const { return fold_; }
  Status SetFoldOptions(const FoldOptions& options);
  // Rebuilds every folded event (own transaction).
  Status RefoldAll();

  // Cached like DocumentsPerDay: recounted only when the file changed
  // (the page's /api/meta asks on every load; counting a million-event
  // store's tables takes 0.1 s).
  Result<StoreCounts> Counts();
  // Documents per publication day (days since 1970-01-01 -> documents), the
  // denominator of the stats' events per 100 documents, from the summary
  // table summary_documents (kept by triggers; counting the documents table
  // reads every document). Cached: re-read only when the file changed since
  // (this connection's writes, or another connection's commits: PRAGMA
  // data_version).
  Result<std::map<int64_t, int64_t>> DocumentsPerDay();
  // meta table access ("annals_version", "coded_by", "goldstein_table", ...).
  Status SetMeta(const std::string& key, const std::string& value);
  Result<std::string> GetMeta(const std::string& key);

  Db& db() { return *db_; }

  // For a store at the current schema version: "" when its schema -- every
  // table's columns, every index, trigger and view -- is the one this build
  // creates, else a one-line description of the first difference (a damaged
  // or hand-edited schema: a byte flipped inside a trigger's text only shows
  // when a write compiles it). Compares against a fresh in-memory schema.
  static Result<std::string> SchemaProblem(Db& db);

 private:
  Store() = default;
  Status Migrate(const std::string& path);
  Status MigrateData(int64_t from_version);
  void LoadFoldOptions();
  Status Prepare();
  Status InsertLayers(int64_t doc_pk, const Document& doc, const Ontology& ontology, const std::string& coded_by);
  Status DeleteLayers(int64_t doc_pk);
  Result<int64_t> DocPk(const std::string& id);
  Status RefoldKey(const std::string& key, const std::string& modality, const std::set<int64_t>& days);
  Status RefoldWindow(const std::string& key, const std::string& modality, int64_t lo, int64_t hi);
  Result<int64_t> Neighbour(const std::string& key, const std::string& modality, int64_t day, bool before);
  Status RefoldTouched();

  std::unique_ptr<Db> db_;
  FoldOptions fold_;
  bool in_transaction_ = false;
  // (fold_key, modality) -> event days whose folded events must be rebuilt
  // (an empty set: every day of the key).
  std::map<std::pair<std::string, std::string>, std::set<int64_t>> touched_;
  struct Statements;
  std::unique_ptr<Statements> s_;
  // (PRAGMA data_version, this connection's total changes): differs when
  // the file changed since it was last read.
  Result<std::pair<int64_t, int64_t>> FileVersion();
  struct CountsCache {
    std::pair<int64_t, int64_t> file{-1, -1};
    StoreCounts counts;
  } counts_;
  struct DayCountCache {
    int64_t data_version = -1, total_changes = -1;
    std::map<int64_t, int64_t> per_day;
  } documents_per_day_;
};

}  // namespace annals
