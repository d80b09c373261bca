// The SQLite event store (store.h; schema and folding rule in docs/store.md).
#include "store/store.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/civil_date.h"
#include "base/hash.h"
#include "base/utf8.h"
#include "ontology/ontology.h"
#include "output/event_record.h"
#include "text/normalize.h"

namespace annals {

namespace {

// Schema migrations: kMigrations[i] takes user_version i to i + 1, and
// Migrations() appends the generated ones (SummaryMigration). Never edit a
// shipped entry; append a new one and bump kStoreSchemaVersion.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
  doc_pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT, url TEXT, title TEXT, origin TEXT,
  text TEXT NOT NULL,
  coded_by TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sentences(
  sentence_pk INTEGER PRIMARY KEY,
  doc_pk INTEGER NOT NULL REFERENCES documents(doc_pk),
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc_pk, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='sentence_pk');
CREATE TABLE events(
  event_pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  doc_pk INTEGER NOT NULL REFERENCES documents(doc_pk),
  sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  date TEXT NOT NULL, day INTEGER NOT NULL, date_precision TEXT NOT NULL,
  source_text TEXT, source_name TEXT, source_code TEXT, source_country TEXT, source_sector TEXT, source_type TEXT,
  target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_type TEXT,
  cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover_type TEXT, plover_mode TEXT,
  modality TEXT NOT NULL, confidence REAL NOT NULL,
  location_name TEXT, location_country TEXT, lat REAL, lon REAL, gazetteer_id TEXT, location_feature TEXT,
  coded_by TEXT NOT NULL,
  fold_key TEXT NOT NULL,
  fold_id TEXT,
  record TEXT NOT NULL,
  UNIQUE(doc_pk, id));
CREATE INDEX events_doc ON events(doc_pk);
CREATE INDEX events_fold_key ON events(fold_key, day, modality);
CREATE INDEX events_fold_id ON events(fold_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_dyad ON events(source_code, target_code, day);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE folded_events(
  id TEXT PRIMARY KEY,
  fold_key TEXT NOT NULL,
  day INTEGER NOT NULL, day_last INTEGER NOT NULL,
  date TEXT NOT NULL, date_end TEXT NOT NULL, date_precision TEXT NOT NULL,
  source_text TEXT, source_name TEXT, source_code TEXT, source_country TEXT, source_sector TEXT, source_type TEXT,
  target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_type TEXT,
  cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover_type TEXT, plover_mode TEXT,
  modality TEXT NOT NULL, confidence REAL NOT NULL,
  location_name TEXT, location_country TEXT, lat REAL, lon REAL, gazetteer_id TEXT, location_feature TEXT,
  mentions INTEGER NOT NULL, documents INTEGER NOT NULL, sources INTEGER NOT NULL,
  representative INTEGER NOT NULL REFERENCES events(event_pk));
CREATE INDEX folded_key ON folded_events(fold_key, day, modality);
CREATE INDEX folded_day ON folded_events(day);
CREATE INDEX folded_dyad ON folded_events(source_code, target_code, day);
CREATE INDEX folded_target ON folded_events(target_code, day);
CREATE VIEW event_mentions AS
  SELECT e.fold_id, e.event_pk, e.id AS event_id, d.id AS doc_id, d.source AS doc_source, d.url AS doc_url,
         d.date AS doc_date, e.sentence, e.span_begin, e.span_end, e.modality, e.confidence
  FROM events e JOIN documents d USING(doc_pk);
CREATE TABLE actors(
  doc_pk INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT, code TEXT, country TEXT, sector TEXT, type TEXT, how TEXT, antecedent INTEGER,
  PRIMARY KEY(doc_pk, idx)) WITHOUT ROWID;
CREATE INDEX actors_code ON actors(code);
CREATE TABLE places(
  doc_pk INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  name TEXT, country TEXT, lat REAL, lon REAL, gazetteer_id TEXT, feature TEXT,
  PRIMARY KEY(doc_pk, idx)) WITHOUT ROWID;
CREATE TABLE quotes(
  doc_pk INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, direct INTEGER NOT NULL,
  speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, cue TEXT, venue TEXT, record TEXT NOT NULL,
  PRIMARY KEY(doc_pk, idx)) WITHOUT ROWID;
CREATE TABLE time_exprs(
  doc_pk INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  type TEXT, value TEXT, precision TEXT, modifier TEXT,
  PRIMARY KEY(doc_pk, idx)) WITHOUT ROWID;
CREATE TABLE amounts(
  doc_pk INTEGER NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  kind TEXT, value REAL, unit TEXT, approximate INTEGER,
  PRIMARY KEY(doc_pk, idx)) WITHOUT ROWID;
)sql",
    // 2: undated documents are flagged; the attributed speaker of an event
    // gets columns (the speaker filter); content hashes become XXH3-128 of
    // the normalised text and event days are recomputed for week/season
    // dates (both in MigrateData, which also refolds everything).
    R"sql(
ALTER TABLE documents ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN speaker_text TEXT;
ALTER TABLE events ADD COLUMN speaker_name TEXT;
ALTER TABLE events ADD COLUMN speaker_code TEXT;
ALTER TABLE folded_events ADD COLUMN speaker_text TEXT;
ALTER TABLE folded_events ADD COLUMN speaker_name TEXT;
ALTER TABLE folded_events ADD COLUMN speaker_code TEXT;
UPDATE events SET
  speaker_text = nullif(json_extract(record, '$.attribution.speaker.text'), ''),
  speaker_name = nullif(json_extract(record, '$.attribution.speaker.name'), ''),
  speaker_code = nullif(json_extract(record, '$.attribution.speaker.code'), '');
CREATE INDEX events_speaker ON events(speaker_code);
CREATE INDEX documents_source ON documents(source);
)sql",
};

// The summary tables (docs/store.md, "Summary tables"): per group of events,
// their number and Goldstein sum in thousandths (integers, so adding and
// removing events leaves no rounding residue), for folded (folded = 1) and
// raw (0) events alike. Triggers on events and folded_events keep them in
// step inside the same transaction as the rows they count, so ingest,
// refolding, replacing and deleting documents never leave them behind.
struct SummarySpec {
  const char* table;
  std::vector<const char*> keys;  // group columns, index order after `folded`
  const char* when = nullptr;     // the events it counts; null = all
  int64_t since = 3;              // the schema version that added it
};

const std::vector<SummarySpec>& SummarySpecs() {
  static const std::vector<SummarySpec> kSpecs = {
      // The timeline, distributions and counts: day x QuadClass x CAMEO code.
      {"summary_days", {"day", "modality", "quad_class", "cameo", "cameo_root", "plover_type"}},
      // Dyad series, top dyads and actors (the network): dyad x day.
      {"summary_dyads",
       {"source_code", "target_code", "day", "day_last", "modality", "source_name", "target_name", "source_country",
        "target_country"}},
      // The map: located events by place x day x QuadClass.
      {"summary_places",
       {"day", "modality", "quad_class", "gazetteer_id", "location_name", "location_country", "location_feature", "lat",
        "lon"},
       "lat IS NOT NULL"},
      // Top dyads, the network and the top dyads of a series when no date
      // is set: dyad x modality, no day (a few hundred rows where
      // summary_dyads has a row per dyad and day).
      {"summary_dyad_totals",
       {"source_code", "target_code", "modality", "source_name", "target_name", "source_country", "target_country"},
       nullptr,
       4},
  };
  return kSpecs;
}

// The migration to schema `version`: the summary tables it adds, their
// indexes and triggers, filled from the events already stored.
std::string SummaryMigration(int64_t version) {
  struct Source {
    const char* table;
    int folded;
  };
  const Source sources[] = {{"folded_events", 1}, {"events", 0}};
  // A key column's value in a row of `source` (`row` = new or old): raw
  // events have no day_last; they last one day.
  auto value = [](const Source& src, const std::string& row, const std::string& key) {
    return row + "." + (key == "day_last" && src.folded == 0 ? std::string("day") : key);
  };
  std::string sql;
  for (const SummarySpec& spec : SummarySpecs()) {
    if (spec.since != version) continue;
    const std::string t = spec.table;
    std::string cols = "folded INTEGER NOT NULL", index = "folded";
    for (const char* k : spec.keys) {
      const std::string key = k;
      const bool integer = key == "day" || key == "day_last" || key == "quad_class";
      const bool real = key == "lat" || key == "lon";
      const bool not_null = integer || key == "modality" || key == "cameo" || key == "cameo_root";
      cols += ", " + key + (integer ? " INTEGER" : real ? " REAL" : " TEXT") + (not_null ? " NOT NULL" : "");
      index += ", " + key;
    }
    sql += "CREATE TABLE " + t + "(" + cols + ", events INTEGER NOT NULL, goldstein_milli INTEGER NOT NULL);\n";
    sql += "CREATE INDEX " + t + "_key ON " + t + "(" + index + ");\n";
    for (const Source& src : sources) {
      auto match = [&](const std::string& row) {
        std::string m = "folded = " + std::to_string(src.folded);
        for (const char* k : spec.keys) m += " AND " + std::string(k) + " IS " + value(src, row, k);
        return m;
      };
      auto add = [&](const std::string& row) {
        std::string vals = std::to_string(src.folded);
        for (const char* k : spec.keys) vals += ", " + value(src, row, k);
        return "INSERT INTO " + t + "(" + index + ", events, goldstein_milli) SELECT " + vals +
               ", 0, 0 WHERE NOT EXISTS (SELECT 1 FROM " + t + " WHERE " + match(row) + ");\n  UPDATE " + t +
               " SET events = events + 1, goldstein_milli = goldstein_milli + CAST(round(" + row +
               ".goldstein * 1000) AS INTEGER) WHERE " + match(row) + ";\n";
      };
      auto remove = [&](const std::string& row) {
        return "UPDATE " + t + " SET events = events - 1, goldstein_milli = goldstein_milli - CAST(round(" + row +
               ".goldstein * 1000) AS INTEGER) WHERE " + match(row) + ";\n  DELETE FROM " + t + " WHERE " +
               match(row) + " AND events <= 0;\n";
      };
      std::string watched = "goldstein";
      for (const char* k : spec.keys) {
        if (std::string(value(src, "x", k)) == std::string("x.") + k) watched += std::string(", ") + k;
      }
      const std::string name = t + "_" + src.table;
      // Only the rows the summary counts; an update may move a row in or
      // out of them.
      auto counted = [&](const std::string& row) {
        return spec.when == nullptr ? std::string() : " WHEN " + row + "." + spec.when;
      };
      auto only = [&](const std::string& row, const std::string& body) {
        if (spec.when == nullptr) return body;
        std::string guarded;  // each statement of `body` gets the condition
        size_t start = 0;
        while (start < body.size()) {
          const size_t end = body.find(";\n", start);
          std::string stmt = body.substr(start, end - start);
          guarded += stmt + " AND " + row + "." + spec.when + ";\n";
          start = end + 2;
        }
        return guarded;
      };
      sql += "CREATE TRIGGER " + name + "_insert AFTER INSERT ON " + src.table + counted("new") + " BEGIN\n  " +
             add("new") + "END;\n";
      sql += "CREATE TRIGGER " + name + "_delete AFTER DELETE ON " + src.table + counted("old") + " BEGIN\n  " +
             remove("old") + "END;\n";
      sql += "CREATE TRIGGER " + name + "_update AFTER UPDATE OF " + watched + " ON " + src.table + " BEGIN\n  " +
             only("old", remove("old")) + "  " + only("new", add("new")) + "END;\n";
      std::string select = std::to_string(src.folded), group;
      for (const char* k : spec.keys) {
        select += ", " + value(src, "e", k);
        group += std::string(group.empty() ? "" : ", ") + value(src, "e", k);
      }
      sql += "INSERT INTO " + t + "(" + index + ", events, goldstein_milli) SELECT " + select +
             ", count(*), sum(CAST(round(e.goldstein * 1000) AS INTEGER)) FROM " + src.table + " e" +
             (spec.when == nullptr ? std::string() : std::string(" WHERE e.") + spec.when) + " GROUP BY " + group +
             ";\n";
    }
  }
  return sql;
}

// Stored documents per publication day (the normalisation of every series
// and timeline, Store::DocumentsPerDay), kept by triggers on documents like
// the event summaries: reading it is a few hundred rows, where counting the
// documents table reads every document's row (its text's first page).
std::string DocumentsPerDayMigration() {
  auto day = [](const std::string& row) {
    return "CAST(julianday(substr(" + row + ".date, 1, 10)) - 2440587.5 AS INTEGER)";
  };
  auto add = [&](const std::string& row) {
    return "INSERT INTO summary_documents(day, documents) SELECT " + day(row) +
           ", 0 WHERE NOT EXISTS (SELECT 1 FROM summary_documents WHERE day IS " + day(row) +
           ");\n  UPDATE summary_documents SET documents = documents + 1 WHERE day IS " + day(row) + ";\n";
  };
  auto remove = [&](const std::string& row) {
    return "UPDATE summary_documents SET documents = documents - 1 WHERE day IS " + day(row) +
           ";\n  DELETE FROM summary_documents WHERE day IS " + day(row) + " AND documents <= 0;\n";
  };
  return "CREATE TABLE summary_documents(day INTEGER, documents INTEGER NOT NULL);\n"
         "CREATE INDEX summary_documents_day ON summary_documents(day);\n"
         "CREATE TRIGGER summary_documents_insert AFTER INSERT ON documents BEGIN\n  " + add("new") + "END;\n"
         "CREATE TRIGGER summary_documents_delete AFTER DELETE ON documents BEGIN\n  " + remove("old") + "END;\n"
         "CREATE TRIGGER summary_documents_update AFTER UPDATE OF date ON documents BEGIN\n  " + remove("old") +
         "  " + add("new") + "END;\n"
         "INSERT INTO summary_documents(day, documents) SELECT " + day("d") +
         ", count(*) FROM documents d GROUP BY 1;\n";
}

// Every migration, in order: kMigrations, then the generated ones.
const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kAll = [] {
    std::vector<std::string> all(std::begin(kMigrations), std::end(kMigrations));
    all.push_back(SummaryMigration(3));  // 3: summary tables
    all.push_back(SummaryMigration(4) + DocumentsPerDayMigration());  // 4: dyad totals, documents per day
    return all;
  }();
  return kAll;
}

std::string NowUtc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const char* kEventColumns =
    "id, doc_pk, sentence, span_begin, span_end, date, day, date_precision,"
    " source_text, source_name, source_code, source_country, source_sector, source_type,"
    " target_text, target_name, target_code, target_country, target_sector, target_type,"
    " cameo, cameo_root, quad_class, goldstein, plover_type, plover_mode, modality, confidence,"
    " location_name, location_country, lat, lon, gazetteer_id, location_feature, coded_by, fold_key, record,"
    " speaker_text, speaker_name, speaker_code";

bool IsHashSpace(char32_t c) {
  // ASCII white space, NEL, no-break and typographic spaces, line and
  // paragraph separators, BOM / zero-width no-break space.
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

}  // namespace

struct Store::Statements {
  Stmt lookup_id, lookup_hash, insert_doc, insert_sentence, insert_fts, insert_event, insert_actor, insert_place,
      insert_quote, insert_time, insert_amount;
  // Folding, with and without modality in the key.
  Stmt prev_day, prev_day_mod, next_day, next_day_mod, fold_select, fold_select_mod, fold_delete, fold_delete_mod,
      fold_mark, fold_insert;
};

Store::~Store() = default;

std::string Store::NormalizeForHash(std::string_view text) {
  Document tmp;
  const std::string_view nfc = NormalizeText(text, &tmp).ok() ? std::string_view(tmp.text) : text;
  std::string out;
  out.reserve(nfc.size());
  bool space = false;
  size_t pos = 0;
  while (pos < nfc.size()) {
    const size_t start = pos;
    const char32_t c = DecodeUtf8(nfc, &pos);
    if (IsHashSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(nfc, start, pos - start);
  }
  return out;
}

std::string Store::ContentHash(std::string_view text) {
  const std::string norm = NormalizeForHash(text);
  const XXH128_hash_t h = XXH3_128bits(norm.data(), norm.size());
  return HexId(h.high64) + HexId(h.low64);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  if (options.read_only && path != ":memory:" && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no store here");
  }
  Result<std::unique_ptr<Db>> db = Db::Open(path, options.read_only);
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store());
  store->db_ = std::move(db.value());
  Db& d = *store->db_;
  if (!options.read_only) {
    ANNALS_RETURN_IF_ERROR(d.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  }
  ANNALS_RETURN_IF_ERROR(d.Exec("PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" + std::to_string(options.cache_kib) +
                                "; PRAGMA temp_store=MEMORY;"));
  Result<std::optional<int64_t>> version = d.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  const int64_t v = version->value_or(0);
  if (v > kStoreSchemaVersion) {
    return Status::DataError(path + ": store schema version " + std::to_string(v) +
                             " is newer than this Annals supports (" + std::to_string(kStoreSchemaVersion) + ")");
  }
  if (!options.read_only && v > 0) {
    // Writing into a damaged file spreads the damage: refuse, and say what
    // to do (docs/store.md, "Damage and backups").
    Result<std::string> problem = d.QuickCheck();
    if (!problem.ok()) return problem.status();
    if (!problem->empty()) return DamagedStore(path, *problem);
    if (v == kStoreSchemaVersion) {
      problem = SchemaProblem(d);
      if (!problem.ok()) return problem.status();
      if (!problem->empty()) return DamagedStore(path, *problem);
    }
  }
  if (v < kStoreSchemaVersion) {
    if (options.read_only) {
      if (v == 0) return Status::DataError(path + ": not an Annals store (no schema)");
      return Status::DataError(path + ": an older Annals store (schema version " + std::to_string(v) +
                               "); upgrade it with `annals ingest --recode --db " + path + "`");
    }
    ANNALS_RETURN_IF_ERROR(store->Migrate(path));
  }
  store->LoadFoldOptions();
  if (!options.read_only && !store->s_) ANNALS_RETURN_IF_ERROR(store->Prepare());
  return store;
}

Result<std::string> Store::SchemaProblem(Db& db) {
  static const Result<std::unique_ptr<Db>> fresh = []() -> Result<std::unique_ptr<Db>> {
    Result<std::unique_ptr<Db>> d = Db::Open(":memory:");
    if (!d.ok()) return d.status();
    for (const std::string& sql : Migrations()) ANNALS_RETURN_IF_ERROR((*d)->Exec(sql));
    return d;
  }();
  static std::mutex fresh_mu;  // the in-memory connection is shared
  if (!fresh.ok()) return fresh.status();
  // name -> what must match: the SQL of an index, trigger or view; the
  // column names of a table (ALTER TABLE rewrites a table's SQL text).
  auto describe = [](Db& d) -> Result<std::map<std::string, std::string>> {
    Result<Stmt> s = d.Prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master");
    if (!s.ok()) return s.status();
    std::map<std::string, std::string> out;
    std::vector<std::string> tables;
    Status st;
    while (s->Step(&st)) {
      const std::string type = s->Text(0), name = s->Text(1);
      if (type == "table") {
        tables.push_back(name);
      } else {
        out[type + " " + name] = s->Text(2);
      }
    }
    ANNALS_RETURN_IF_ERROR(st);
    for (const std::string& t : tables) {
      Result<Stmt> cols = d.Prepare("SELECT name FROM pragma_table_info(?1)");
      if (!cols.ok()) return cols.status();
      cols->Bind(1, t);
      std::string names;
      while (cols->Step(&st)) names += cols->Text(0) + ",";
      ANNALS_RETURN_IF_ERROR(st);
      out["table " + t] = names;
    }
    return out;
  };
  Result<std::map<std::string, std::string>> want = [&] {
    std::lock_guard<std::mutex> lock(fresh_mu);
    return describe(*fresh.value());
  }();
  if (!want.ok()) return want.status();
  Result<std::map<std::string, std::string>> have = describe(db);
  if (!have.ok()) return std::string("the schema cannot be read: ") + have.status().message();
  for (const auto& [name, spec] : *want) {
    const auto it = have->find(name);
    if (it == have->end()) return "schema: " + name + " is missing";
    if (it->second != spec) return "schema: " + name + " differs from this Annals' definition";
  }
  return std::string();
}

void Store::LoadFoldOptions() {
  Result<std::string> days = GetMeta("fold.day_tolerance");
  Result<std::string> modality = GetMeta("fold.match_modality");
  if (days.ok() && !days->empty()) fold_.day_tolerance = std::atoi(days->c_str());
  if (modality.ok() && !modality->empty()) fold_.match_modality = *modality == "1";
}

Status Store::Migrate(const std::string& path) {
  // The version is read again under the write lock: another process may
  // have created or migrated the store since Open() looked.
  ANNALS_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  auto fail = [this](Status st) {
    (void)db_->Exec("ROLLBACK");
    in_transaction_ = false;
    touched_.clear();
    return st;
  };
  Result<std::optional<int64_t>> version = db_->QueryInt("PRAGMA user_version");
  if (!version.ok()) return fail(version.status());
  const int64_t from = version->value_or(0);
  if (from > kStoreSchemaVersion) {
    return fail(Status::DataError(path + ": store schema version " + std::to_string(from) +
                                  " is newer than this Annals supports (" + std::to_string(kStoreSchemaVersion) + ")"));
  }
  for (int64_t v = from; v < kStoreSchemaVersion; ++v) {
    Status st = db_->Exec(Migrations()[static_cast<size_t>(v)]);
    if (st.ok() && v == 0) {
      st = db_->Exec("INSERT INTO meta VALUES('fold.day_tolerance','" + std::to_string(FoldOptions{}.day_tolerance) +
                     "'),('fold.match_modality','" + (FoldOptions{}.match_modality ? "1" : "0") + "')");
    }
    if (!st.ok()) return fail(st);
  }
  if (from < kStoreSchemaVersion) {
    Status st = Prepare();
    if (st.ok() && from > 0) st = MigrateData(from);
    if (st.ok()) st = db_->Exec("PRAGMA user_version=" + std::to_string(kStoreSchemaVersion));
    if (!st.ok()) return fail(st);
  }
  return db_->Exec("COMMIT").ok() ? Status::Ok() : fail(Status::IoError(path + ": cannot commit the schema"));
}

// Data changes of the migrations that SQL alone cannot make, inside the
// migration's transaction: content hashes in the current form, event days
// from the current date reading, and a full refold.
Status Store::MigrateData(int64_t from) {
  if (from >= 2) return Status::Ok();
  LoadFoldOptions();
  Result<Stmt> docs = db_->Prepare("SELECT doc_pk, text FROM documents");
  Result<Stmt> set_hash = db_->Prepare("UPDATE documents SET content_hash=? WHERE doc_pk=?");
  if (!docs.ok()) return docs.status();
  if (!set_hash.ok()) return set_hash.status();
  Status st;
  while (docs->Step(&st)) {
    set_hash->Bind(1, ContentHash(docs->Text(1))).Bind(2, docs->Int(0));
    ANNALS_RETURN_IF_ERROR(set_hash->Run());
  }
  ANNALS_RETURN_IF_ERROR(st);
  Result<Stmt> events = db_->Prepare("SELECT e.event_pk, e.date, d.date, e.day FROM events e JOIN documents d USING(doc_pk)");
  Result<Stmt> set_day = db_->Prepare("UPDATE events SET day=? WHERE event_pk=?");
  if (!events.ok()) return events.status();
  if (!set_day.ok()) return set_day.status();
  while (events->Step(&st)) {
    int64_t day = events->Int(3);
    if (!DayOfIsoDate(events->Text(1), &day)) DayOfIsoDate(events->Text(2), &day);
    if (day == events->Int(3)) continue;
    set_day->Bind(1, day).Bind(2, events->Int(0));
    ANNALS_RETURN_IF_ERROR(set_day->Run());
  }
  ANNALS_RETURN_IF_ERROR(st);
  Result<Stmt> keys = db_->Prepare("SELECT DISTINCT fold_key, modality FROM events");
  if (!keys.ok()) return keys.status();
  while (keys->Step(&st)) touched_[{keys->Text(0), fold_.match_modality ? keys->Text(1) : ""}];
  ANNALS_RETURN_IF_ERROR(st);
  ANNALS_RETURN_IF_ERROR(db_->Exec("DELETE FROM folded_events; UPDATE events SET fold_id=NULL;"));
  st = RefoldTouched();
  touched_.clear();
  return st;
}

Status Store::Prepare() {
  s_ = std::make_unique<Statements>();
  auto prep = [this](Stmt* s, const std::string& sql) -> Status {
    Result<Stmt> r = db_->Prepare(sql);
    if (!r.ok()) return r.status();
    *s = std::move(r.value());
    return Status::Ok();
  };
  ANNALS_RETURN_IF_ERROR(prep(&s_->lookup_id, "SELECT content_hash, text, coalesce(origin, '') FROM documents WHERE id=?"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->lookup_hash,
                              "SELECT id, text, coalesce(origin, '') FROM documents WHERE content_hash=? ORDER BY doc_pk"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_doc,
                              "INSERT INTO documents(id, content_hash, date, source, url, title, origin, text, "
                              "coded_by, ingested_at, undated) VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_sentence,
                              "INSERT INTO sentences(doc_pk, idx, span_begin, span_end, paragraph, text) "
                              "VALUES(?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_fts, "INSERT INTO sentences_fts(rowid, text) VALUES(?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_event, std::string("INSERT OR IGNORE INTO events(") + kEventColumns +
                                                     ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                                                     "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_actor,
                              "INSERT INTO actors VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_place, "INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_quote, "INSERT INTO quotes VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_time, "INSERT INTO time_exprs VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ANNALS_RETURN_IF_ERROR(prep(&s_->insert_amount, "INSERT INTO amounts VALUES(?,?,?,?,?,?,?,?,?,?)"));
  const std::string mod = " AND modality=?4";
  for (bool m : {false, true}) {
    const std::string extra = m ? mod : "";
    ANNALS_RETURN_IF_ERROR(prep(m ? &s_->prev_day_mod : &s_->prev_day,
                                "SELECT max(day) FROM events WHERE fold_key=?1 AND day<?2" +
                                    std::string(m ? " AND modality=?3" : "")));
    ANNALS_RETURN_IF_ERROR(prep(m ? &s_->next_day_mod : &s_->next_day,
                                "SELECT min(day) FROM events WHERE fold_key=?1 AND day>?2" +
                                    std::string(m ? " AND modality=?3" : "")));
    ANNALS_RETURN_IF_ERROR(prep(m ? &s_->fold_select_mod : &s_->fold_select,
                                "SELECT e.event_pk, e.id, e.day, coalesce(e.gazetteer_id, ''),"
                                " coalesce(e.location_country, ''), coalesce(e.location_feature, '') = 'country',"
                                " e.confidence, e.doc_pk, e.date, coalesce(d.source, d.id)"
                                " FROM events e JOIN documents d ON d.doc_pk = e.doc_pk"
                                " WHERE e.fold_key=?1 AND e.day BETWEEN ?2 AND ?3" +
                                    (m ? std::string(" AND e.modality=?4") : std::string())));
    ANNALS_RETURN_IF_ERROR(prep(m ? &s_->fold_delete_mod : &s_->fold_delete,
                                "DELETE FROM folded_events WHERE fold_key=?1 AND day BETWEEN ?2 AND ?3" + extra));
  }
  ANNALS_RETURN_IF_ERROR(prep(&s_->fold_mark, "UPDATE events SET fold_id=? WHERE event_pk=?"));
  // The folded row copies its representative record (?9), the date of its
  // first record (?11) and the location of member ?10, and takes its
  // aggregates as parameters. A row of the same id outside the window is
  // stale (its first record was re-dated by a replace) and is replaced.
  ANNALS_RETURN_IF_ERROR(prep(&s_->fold_insert, R"sql(
INSERT OR REPLACE INTO folded_events(id, fold_key, day, day_last, date, date_end, date_precision,
  source_text, source_name, source_code, source_country, source_sector, source_type,
  target_text, target_name, target_code, target_country, target_sector, target_type,
  cameo, cameo_root, quad_class, goldstein, plover_type, plover_mode, modality, confidence,
  location_name, location_country, lat, lon, gazetteer_id, location_feature,
  mentions, documents, sources, representative, speaker_text, speaker_name, speaker_code)
SELECT ?1, r.fold_key, ?2, ?3, first.date, ?4, first.date_precision,
  r.source_text, r.source_name, r.source_code, r.source_country, r.source_sector, r.source_type,
  r.target_text, r.target_name, r.target_code, r.target_country, r.target_sector, r.target_type,
  r.cameo, r.cameo_root, r.quad_class, r.goldstein, r.plover_type, r.plover_mode, r.modality, ?5,
  loc.location_name, loc.location_country, loc.lat, loc.lon, loc.gazetteer_id, loc.location_feature,
  ?6, ?7, ?8, r.event_pk, r.speaker_text, r.speaker_name, r.speaker_code
FROM events r LEFT JOIN events loc ON loc.event_pk = ?10 JOIN events first ON first.event_pk = ?11
WHERE r.event_pk = ?9
)sql"));
  return Status::Ok();
}

Result<LookupResult> Store::Lookup(const std::string& id, const std::string& content_hash,
                                   const std::string& normalized) {
  Status st;
  LookupResult r;
  Stmt& by_id = s_->lookup_id;
  by_id.Bind(1, id);
  if (by_id.Step(&st)) {
    // A hash match is confirmed on the text itself: identity must not rest
    // on the hash alone.
    const bool same = by_id.Text(0) == content_hash && NormalizeForHash(by_id.Text(1)) == normalized;
    r.seen = same ? Seen::kSameId : Seen::kIdConflict;
    r.stored_id = id;
    r.stored_origin = by_id.Text(2);
  }
  by_id.Reset();
  if (!st.ok()) return st;
  if (r.seen != Seen::kNew) return r;
  Stmt& by_hash = s_->lookup_hash;
  by_hash.Bind(1, content_hash);
  while (by_hash.Step(&st)) {
    if (NormalizeForHash(by_hash.Text(1)) != normalized) continue;
    r.seen = Seen::kSameContent;
    r.stored_id = by_hash.Text(0);
    r.stored_origin = by_hash.Text(2);
    break;
  }
  by_hash.Reset();
  if (!st.ok()) return st;
  return r;
}

Status Store::Begin() {
  if (in_transaction_) return Status::Internal("Store::Begin inside a transaction");
  ANNALS_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  in_transaction_ = true;
  touched_.clear();
  return Status::Ok();
}

Status Store::Commit() {
  if (!in_transaction_) return Status::Internal("Store::Commit outside a transaction");
  Status st = RefoldTouched();
  if (!st.ok()) {
    (void)Rollback();
    return st;
  }
  st = db_->Exec("COMMIT");
  if (!st.ok()) {
    (void)Rollback();
    return st;
  }
  in_transaction_ = false;
  touched_.clear();
  return Status::Ok();
}

Status Store::Rollback() {
  in_transaction_ = false;
  touched_.clear();
  return db_->Exec("ROLLBACK");
}

Status Store::PutDocument(const Document& doc, const std::string& content_hash, const Ontology& ontology,
                          const std::string& coded_by) {
  if (!in_transaction_) return Status::Internal("Store::PutDocument outside a transaction");
  Stmt& s = s_->insert_doc;
  s.Bind(1, doc.id).Bind(2, content_hash).Bind(3, doc.date).BindOrNull(4, doc.source).BindOrNull(5, doc.url);
  s.BindOrNull(6, doc.title).BindOrNull(7, doc.origin).Bind(8, doc.text).Bind(9, coded_by).Bind(10, NowUtc());
  s.Bind(11, doc.undated);
  ANNALS_RETURN_IF_ERROR(s.Run());
  return InsertLayers(db_->LastInsertRowid(), doc, ontology, coded_by);
}

Result<int64_t> Store::DocPk(const std::string& id) {
  Result<Stmt> find = db_->Prepare("SELECT doc_pk FROM documents WHERE id=?");
  if (!find.ok()) return find.status();
  find->Bind(1, id);
  Status st;
  if (!find->Step(&st)) return st.ok() ? Status::NotFound("document '" + id + "' is not in the store") : st;
  return find->Int(0);
}

Status Store::ReplaceDocument(const Document& doc, const Ontology& ontology, const std::string& coded_by) {
  if (!in_transaction_) return Status::Internal("Store::ReplaceDocument outside a transaction");
  Result<int64_t> doc_pk = DocPk(doc.id);
  if (!doc_pk.ok()) return doc_pk.status();
  ANNALS_RETURN_IF_ERROR(DeleteLayers(*doc_pk));
  Result<Stmt> upd = db_->Prepare(
      "UPDATE documents SET content_hash=?, date=?, source=?, url=?, title=?, origin=?, text=?, coded_by=?,"
      " ingested_at=?, undated=? WHERE doc_pk=?");
  if (!upd.ok()) return upd.status();
  upd->Bind(1, ContentHash(doc.text)).Bind(2, doc.date).BindOrNull(3, doc.source).BindOrNull(4, doc.url);
  upd->BindOrNull(5, doc.title).BindOrNull(6, doc.origin).Bind(7, doc.text).Bind(8, coded_by).Bind(9, NowUtc());
  upd->Bind(10, doc.undated).Bind(11, *doc_pk);
  ANNALS_RETURN_IF_ERROR(upd->Run());
  return InsertLayers(*doc_pk, doc, ontology, coded_by);
}

Result<std::vector<std::string>> Store::DeleteDocuments(const DocumentSelector& sel) {
  if (!in_transaction_) return Status::Internal("Store::DeleteDocuments outside a transaction");
  if (sel.empty()) return Status::InvalidArgument("no documents selected: name ids, a source or a date range");
  std::string sql = "SELECT doc_pk, id FROM documents WHERE 1";
  std::vector<std::string> params;
  if (!sel.ids.empty()) {
    sql += " AND id IN (";
    for (size_t i = 0; i < sel.ids.size(); ++i) {
      sql += i ? ",?" : "?";
      params.push_back(sel.ids[i]);
    }
    sql += ")";
  }
  if (!sel.source.empty()) {
    sql += " AND source = ?";
    params.push_back(sel.source);
  }
  int64_t first = 0, last = 0;
  if (!sel.from.empty()) {
    if (!DayRange(sel.from, &first, &last)) {
      return Status::InvalidArgument("bad --from date '" + sel.from + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    sql += " AND date >= ?";
    params.push_back(FormatIsoDate(CivilFromDays(first)));
  }
  if (!sel.to.empty()) {
    if (!DayRange(sel.to, &first, &last)) {
      return Status::InvalidArgument("bad --to date '" + sel.to + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    sql += " AND substr(date, 1, 10) <= ?";
    params.push_back(FormatIsoDate(CivilFromDays(last)));
  }
  Result<Stmt> pick = db_->Prepare(sql + " ORDER BY doc_pk");
  if (!pick.ok()) return pick.status();
  for (size_t i = 0; i < params.size(); ++i) pick->Bind(static_cast<int>(i + 1), params[i]);
  std::vector<std::pair<int64_t, std::string>> docs;
  Status st;
  while (pick->Step(&st)) docs.emplace_back(pick->Int(0), pick->Text(1));
  ANNALS_RETURN_IF_ERROR(st);
  std::vector<std::string> ids;
  for (const auto& [pk, id] : docs) {
    ANNALS_RETURN_IF_ERROR(DeleteLayers(pk));
    ANNALS_RETURN_IF_ERROR(db_->Exec("DELETE FROM documents WHERE doc_pk=" + std::to_string(pk)));
    ids.push_back(id);
  }
  return ids;
}

Status Store::DeleteLayers(int64_t doc_pk) {
  // Folded events of the keys this document had must be rebuilt.
  Result<Stmt> keys = db_->Prepare("SELECT fold_key, modality, day FROM events WHERE doc_pk=?");
  if (!keys.ok()) return keys.status();
  keys->Bind(1, doc_pk);
  Status st;
  while (keys->Step(&st)) touched_[{keys->Text(0), fold_.match_modality ? keys->Text(1) : ""}].insert(keys->Int(2));
  if (!st.ok()) return st;
  const std::string pk = std::to_string(doc_pk);
  return db_->Exec(
      "INSERT INTO sentences_fts(sentences_fts, rowid, text) SELECT 'delete', sentence_pk, text FROM sentences "
      "WHERE doc_pk=" + pk + ";"
      "DELETE FROM sentences WHERE doc_pk=" + pk + ";"
      "DELETE FROM events WHERE doc_pk=" + pk + ";"
      "DELETE FROM actors WHERE doc_pk=" + pk + ";"
      "DELETE FROM places WHERE doc_pk=" + pk + ";"
      "DELETE FROM quotes WHERE doc_pk=" + pk + ";"
      "DELETE FROM time_exprs WHERE doc_pk=" + pk + ";"
      "DELETE FROM amounts WHERE doc_pk=" + pk + ";");
}

namespace {

void BindActor(Stmt& s, int first, const std::optional<EventActor>& a) {
  if (!a) {
    for (int i = 0; i < 6; ++i) s.BindNull(first + i);
    return;
  }
  s.Bind(first, a->text).BindOrNull(first + 1, a->actor.name).BindOrNull(first + 2, a->actor.code);
  s.BindOrNull(first + 3, a->actor.country).BindOrNull(first + 4, a->actor.sector).BindOrNull(first + 5, a->actor.type);
}

}  // namespace

Status Store::InsertLayers(int64_t doc_pk, const Document& doc, const Ontology& ontology, const std::string& coded_by) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sn = doc.sentences[i];
    const std::string_view text = doc.SpanText(sn.span);
    s_->insert_sentence.Bind(1, doc_pk).Bind(2, i).Bind(3, sn.span.begin).Bind(4, sn.span.end);
    s_->insert_sentence.Bind(5, sn.paragraph).Bind(6, text);
    ANNALS_RETURN_IF_ERROR(s_->insert_sentence.Run());
    s_->insert_fts.Bind(1, db_->LastInsertRowid()).Bind(2, text);
    ANNALS_RETURN_IF_ERROR(s_->insert_fts.Run());
  }
  for (const Event& e : doc.events) {
    const CameoEventCode* code = ontology.Find(e.cameo);
    const std::string date = e.date.empty() ? doc.date : e.date;
    int64_t day = 0;
    if (!DayOfIsoDate(date, &day)) DayOfIsoDate(doc.date, &day);
    const std::string modality = ModalityName(e.modality);
    const std::string key = FoldKey(
        FoldActorKey(e.source ? e.source->actor.code : "", e.source ? e.source->actor.name : "", e.source.has_value()),
        FoldActorKey(e.target ? e.target->actor.code : "", e.target ? e.target->actor.name : "", e.target.has_value()),
        e.cameo);
    Stmt& s = s_->insert_event;
    s.Bind(1, EventId(doc, e)).Bind(2, doc_pk).Bind(3, e.sentence).Bind(4, e.span.begin).Bind(5, e.span.end);
    s.Bind(6, date).Bind(7, day).Bind(8, EventDatePrecision(doc, e));
    BindActor(s, 9, e.source);
    BindActor(s, 15, e.target);
    s.Bind(21, e.cameo).Bind(22, e.cameo.substr(0, 2)).Bind(23, code ? code->quad_class : 0);
    s.Bind(24, code ? code->goldstein : 0.0);
    s.BindOrNull(25, code ? code->plover_type : "").BindOrNull(26, code ? code->plover_mode : "");
    s.Bind(27, modality).Bind(28, e.confidence);
    if (e.location) {
      const Place& p = *e.location;
      s.BindOrNull(29, p.name.empty() ? p.text : p.name).BindOrNull(30, p.country).Bind(31, p.lat).Bind(32, p.lon);
      s.BindOrNull(33, p.gazetteer_id).BindOrNull(34, p.feature);
    } else {
      for (int i = 29; i <= 34; ++i) s.BindNull(i);
    }
    s.Bind(35, coded_by).Bind(36, key).Bind(37, ToJsonLine(EventRecord(doc, e, ontology)));
    if (e.attribution) {
      s.BindOrNull(38, e.attribution->speaker_text).BindOrNull(39, e.attribution->speaker.name);
      s.BindOrNull(40, e.attribution->speaker.code);
    } else {
      for (int i = 38; i <= 40; ++i) s.BindNull(i);
    }
    ANNALS_RETURN_IF_ERROR(s.Run());
    touched_[{key, fold_.match_modality ? modality : ""}].insert(day);
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    Stmt& s = s_->insert_actor;
    s.Bind(1, doc_pk).Bind(2, i).Bind(3, m.sentence).Bind(4, m.span.begin).Bind(5, m.span.end);
    s.Bind(6, doc.SpanText(m.span)).BindOrNull(7, m.actor.name).BindOrNull(8, m.actor.code);
    s.BindOrNull(9, m.actor.country).BindOrNull(10, m.actor.sector).BindOrNull(11, m.actor.type);
    s.BindOrNull(12, m.how).Bind(13, static_cast<int64_t>(m.antecedent));
    ANNALS_RETURN_IF_ERROR(s.Run());
  }
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const Place& p = doc.places[i];
    Stmt& s = s_->insert_place;
    s.Bind(1, doc_pk).Bind(2, i).Bind(3, p.sentence).Bind(4, p.span.begin).Bind(5, p.span.end).Bind(6, p.text);
    s.BindOrNull(7, p.name).BindOrNull(8, p.country).Bind(9, p.lat).Bind(10, p.lon);
    s.BindOrNull(11, p.gazetteer_id).BindOrNull(12, p.feature);
    ANNALS_RETURN_IF_ERROR(s.Run());
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    const Mention* speaker =
        q.speaker >= 0 && static_cast<size_t>(q.speaker) < doc.mentions.size() ? &doc.mentions[q.speaker] : nullptr;
    Stmt& s = s_->insert_quote;
    s.Bind(1, doc_pk).Bind(2, i).Bind(3, q.sentence).Bind(4, q.span.begin).Bind(5, q.span.end).Bind(6, q.text);
    s.Bind(7, q.direct).BindOrNull(8, q.speaker_text).BindOrNull(9, speaker ? speaker->actor.name : "");
    s.BindOrNull(10, speaker ? speaker->actor.code : "").BindOrNull(11, q.cue).BindOrNull(12, q.venue);
    s.Bind(13, ToJsonLine(QuoteRecord(doc, q, i)));
    ANNALS_RETURN_IF_ERROR(s.Run());
  }
  for (size_t i = 0; i < doc.time_exprs.size(); ++i) {
    const TimeExpr& t = doc.time_exprs[i];
    Stmt& s = s_->insert_time;
    s.Bind(1, doc_pk).Bind(2, i).Bind(3, t.sentence).Bind(4, t.span.begin).Bind(5, t.span.end).Bind(6, t.text);
    s.BindOrNull(7, t.type).BindOrNull(8, t.value).BindOrNull(9, t.precision).BindOrNull(10, t.modifier);
    ANNALS_RETURN_IF_ERROR(s.Run());
  }
  for (size_t i = 0; i < doc.amounts.size(); ++i) {
    const Amount& a = doc.amounts[i];
    Stmt& s = s_->insert_amount;
    s.Bind(1, doc_pk).Bind(2, i).Bind(3, a.sentence).Bind(4, a.span.begin).Bind(5, a.span.end).Bind(6, a.text);
    s.BindOrNull(7, a.kind).Bind(8, a.value).BindOrNull(9, a.unit).Bind(10, a.approximate);
    ANNALS_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Status Store::RefoldTouched() {
  for (const auto& [km, days] : touched_) ANNALS_RETURN_IF_ERROR(RefoldKey(km.first, km.second, days));
  return Status::Ok();
}

// Folding is a left-to-right scan over a key's records in (day, id) order
// in which a folded event stays open for day_tolerance days after its first
// record. Where two consecutive records are more than day_tolerance days
// apart every folded event is closed, so the records on either side of such
// a gap fold independently. A new or removed record therefore only changes
// the folded events of its own segment (between two gaps): RefoldKey
// rebuilds just those segments, which keeps a batch's cost independent of
// how many records the key already has, with the same result as a full
// refold.
Status Store::RefoldKey(const std::string& key, const std::string& modality, const std::set<int64_t>& days) {
  if (days.empty()) return RefoldWindow(key, modality, INT64_MIN / 4, INT64_MAX / 4);
  int64_t covered_hi = INT64_MIN;
  for (int64_t d : days) {
    if (d <= covered_hi) continue;
    int64_t lo = d, hi = d;
    // Extend to the segment's ends: step to the neighbouring record while
    // it lies within the tolerance.
    while (true) {
      Result<int64_t> prev = Neighbour(key, modality, lo, true);
      if (!prev.ok()) return prev.status();
      if (*prev == INT64_MIN || lo - *prev > fold_.day_tolerance) break;
      lo = *prev;
    }
    while (true) {
      Result<int64_t> next = Neighbour(key, modality, hi, false);
      if (!next.ok()) return next.status();
      if (*next == INT64_MAX || *next - hi > fold_.day_tolerance) break;
      hi = *next;
    }
    ANNALS_RETURN_IF_ERROR(RefoldWindow(key, modality, lo, hi));
    covered_hi = hi;
  }
  return Status::Ok();
}

Result<int64_t> Store::Neighbour(const std::string& key, const std::string& modality, int64_t day, bool before) {
  Stmt& s = before ? (fold_.match_modality ? s_->prev_day_mod : s_->prev_day)
                   : (fold_.match_modality ? s_->next_day_mod : s_->next_day);
  s.Bind(1, key).Bind(2, day);
  if (fold_.match_modality) s.Bind(3, modality);
  Status st;
  int64_t out = before ? INT64_MIN : INT64_MAX;
  if (s.Step(&st) && !s.IsNull(0)) out = s.Int(0);
  s.Reset();
  if (!st.ok()) return st;
  return out;
}

Status Store::RefoldWindow(const std::string& key, const std::string& modality, int64_t lo, int64_t hi) {
  const bool by_modality = fold_.match_modality;
  Stmt& sel = by_modality ? s_->fold_select_mod : s_->fold_select;
  sel.Bind(1, key).Bind(2, lo).Bind(3, hi);
  if (by_modality) sel.Bind(4, modality);
  struct Member {
    double confidence = 0;
    int64_t doc_pk = 0;
    std::string date, outlet;
  };
  std::vector<FoldInput> records;
  std::vector<Member> info;
  Status st;
  while (sel.Step(&st)) {
    FoldInput r;
    r.event_pk = sel.Int(0);
    r.id = sel.Text(1);
    r.day = sel.Int(2);
    r.place_id = sel.Text(3);
    r.place_country = sel.Text(4);
    r.place_is_country = sel.Int(5) != 0;
    records.push_back(std::move(r));
    info.push_back({sel.Real(6), sel.Int(7), sel.Text(8), sel.Text(9)});
  }
  sel.Reset();
  if (!st.ok()) return st;
  Stmt& del = by_modality ? s_->fold_delete_mod : s_->fold_delete;
  del.Bind(1, key).Bind(2, lo).Bind(3, hi);
  if (by_modality) del.Bind(4, modality);
  ANNALS_RETURN_IF_ERROR(del.Run());

  for (const std::vector<size_t>& group : FoldGroup(records, fold_)) {
    const FoldInput& first = records[group.front()];
    const std::string fold_id = HexId(Fnv1a64(key + "\x1f" + modality + "\x1f" + first.id));
    // Representative: highest confidence, then earliest (day, id, pk).
    // Location: the first member with a place, a city before a country.
    size_t rep = group.front(), loc = SIZE_MAX;
    int64_t day_last = first.day;
    std::string date_end = info[group.front()].date;
    std::set<int64_t> docs;
    std::set<std::string> outlets;
    double confidence = 0;
    for (size_t m : group) {
      const FoldInput& r = records[m];
      const Member& mi = info[m];
      auto earlier = [&](size_t a, size_t b) {
        const FoldInput &x = records[a], &y = records[b];
        if (x.day != y.day) return x.day < y.day;
        if (x.id != y.id) return x.id < y.id;
        return x.event_pk < y.event_pk;
      };
      if (mi.confidence > info[rep].confidence || (mi.confidence == info[rep].confidence && earlier(m, rep))) rep = m;
      if (!r.place_id.empty() &&
          (loc == SIZE_MAX || (records[loc].place_is_country && !r.place_is_country) ||
           (records[loc].place_is_country == r.place_is_country && earlier(m, loc)))) {
        loc = m;
      }
      // The end date is the date of the latest member, compared by day (a
      // string comparison would put "2025-W36" after "2025-09-03").
      if (r.day > day_last || (r.day == day_last && mi.date.size() > date_end.size())) date_end = mi.date;
      day_last = std::max(day_last, r.day);
      docs.insert(mi.doc_pk);
      outlets.insert(mi.outlet);
      confidence = std::max(confidence, mi.confidence);
      s_->fold_mark.Bind(1, fold_id).Bind(2, r.event_pk);
      ANNALS_RETURN_IF_ERROR(s_->fold_mark.Run());
    }
    Stmt& ins = s_->fold_insert;
    ins.Bind(1, fold_id).Bind(2, first.day).Bind(3, day_last).Bind(4, date_end).Bind(5, confidence);
    ins.Bind(6, static_cast<int64_t>(group.size())).Bind(7, docs.size()).Bind(8, outlets.size());
    ins.Bind(9, records[rep].event_pk);
    if (loc == SIZE_MAX) {
      ins.BindNull(10);
    } else {
      ins.Bind(10, records[loc].event_pk);
    }
    // The folded event's date is its first record's (its `day`), whatever
    // the representative says.
    ins.Bind(11, first.event_pk);
    ANNALS_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Status Store::RefoldAll() {
  ANNALS_RETURN_IF_ERROR(Begin());
  Result<Stmt> keys = db_->Prepare("SELECT DISTINCT fold_key, modality FROM events");
  if (!keys.ok()) {
    (void)Rollback();
    return keys.status();
  }
  Status st;
  while (keys->Step(&st)) touched_[{keys->Text(0), fold_.match_modality ? keys->Text(1) : ""}];
  if (st.ok()) st = db_->Exec("DELETE FROM folded_events; UPDATE events SET fold_id=NULL;");
  if (!st.ok()) {
    (void)Rollback();
    return st;
  }
  return Commit();
}

Status Store::SetFoldOptions(const FoldOptions& options) {
  if (options.day_tolerance == fold_.day_tolerance && options.match_modality == fold_.match_modality) {
    return Status::Ok();
  }
  if (options.day_tolerance < 0) return Status::InvalidArgument("fold day tolerance must be >= 0");
  fold_ = options;
  ANNALS_RETURN_IF_ERROR(SetMeta("fold.day_tolerance", std::to_string(options.day_tolerance)));
  ANNALS_RETURN_IF_ERROR(SetMeta("fold.match_modality", options.match_modality ? "1" : "0"));
  return RefoldAll();
}

Result<std::vector<std::string>> Store::StaleDocuments(const std::string& coded_by) {
  Result<Stmt> s = db_->Prepare("SELECT id FROM documents WHERE coded_by<>? ORDER BY doc_pk");
  if (!s.ok()) return s.status();
  s->Bind(1, coded_by);
  std::vector<std::string> ids;
  Status st;
  while (s->Step(&st)) ids.push_back(s->Text(0));
  if (!st.ok()) return st;
  return ids;
}

Result<Document> Store::LoadDocument(const std::string& id) {
  Result<Stmt> s = db_->Prepare(
      "SELECT id, date, coalesce(title,''), coalesce(source,''), coalesce(url,''), coalesce(origin,''), text, "
      "undated FROM documents WHERE id=?");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  Status st;
  if (!s->Step(&st)) return st.ok() ? Status::NotFound("document '" + id + "' is not in the store") : st;
  Document doc;
  doc.id = s->Text(0);
  doc.date = s->Text(1);
  doc.title = s->Text(2);
  doc.source = s->Text(3);
  doc.url = s->Text(4);
  doc.origin = s->Text(5);
  doc.text = s->Text(6);
  doc.undated = s->Int(7) != 0;
  return doc;
}

Result<std::pair<int64_t, int64_t>> Store::FileVersion() {
  Result<Stmt> v = db_->Prepare("PRAGMA data_version");
  if (!v.ok()) return v.status();
  Status st;
  if (!v->Step(&st)) return st.ok() ? Status::Internal("PRAGMA data_version returned no row") : st;
  return std::make_pair(v->Int(0), static_cast<int64_t>(sqlite3_total_changes64(db_->raw())));
}

Result<std::map<int64_t, int64_t>> Store::DocumentsPerDay() {
  Result<std::pair<int64_t, int64_t>> file = FileVersion();
  if (!file.ok()) return file.status();
  const auto [version, changes] = *file;
  if (version == documents_per_day_.data_version && changes == documents_per_day_.total_changes) {
    return documents_per_day_.per_day;
  }
  Status st;
  Result<Stmt> s = db_->Prepare("SELECT day, documents FROM summary_documents");
  if (!s.ok()) return s.status();
  std::map<int64_t, int64_t> out;
  while (s->Step(&st)) {
    if (!s->IsNull(0)) out[s->Int(0)] += s->Int(1);
  }
  if (!st.ok()) return st;
  documents_per_day_ = {version, changes, out};
  return out;
}

Result<StoreCounts> Store::Counts() {
  Result<std::pair<int64_t, int64_t>> file = FileVersion();
  if (!file.ok()) return file.status();
  if (counts_.file == *file) return counts_.counts;
  Result<Stmt> s = db_->Prepare(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),"
      " (SELECT count(*) FROM folded_events), (SELECT count(*) FROM actors), (SELECT count(*) FROM places),"
      " (SELECT count(*) FROM quotes), (SELECT count(*) FROM time_exprs), (SELECT count(*) FROM amounts)");
  if (!s.ok()) return s.status();
  Status st;
  if (!s->Step(&st)) return st;
  StoreCounts c;
  c.documents = s->Int(0);
  c.sentences = s->Int(1);
  c.events = s->Int(2);
  c.folded_events = s->Int(3);
  c.actors = s->Int(4);
  c.places = s->Int(5);
  c.quotes = s->Int(6);
  c.time_exprs = s->Int(7);
  c.amounts = s->Int(8);
  counts_ = {*file, c};
  return c;
}

Status Store::SetMeta(const std::string& key, const std::string& value) {
  Result<Stmt> s = db_->Prepare("INSERT INTO meta(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if (!s.ok()) return s.status();
  s->Bind(1, key).Bind(2, value);
  return s->Run();
}

Result<std::string> Store::GetMeta(const std::string& key) {
  Result<Stmt> s = db_->Prepare("SELECT value FROM meta WHERE key=?");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  Status st;
  if (s->Step(&st)) return s->Text(0);
  if (!st.ok()) return st;
  return std::string();
}

}  // namespace annals
