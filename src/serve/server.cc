// The HTTP server of `annals serve` (server.h): routes, parameter checking,
// the pool of read-only store connections with per-request deadlines, and
// the token-guarded writer.
#include "serve/server.h"

#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "actors/actor_dictionary.h"
#include "base/civil_date.h"
#include "base/file.h"
#include "export/export.h"
#include "serve/api_params.h"
#include "serve/openapi.h"
#include "store/browse.h"
#include "store/event_json.h"
#include "store/ingest.h"
#include "store/query.h"
#include "store/stats.h"
#include "store/store.h"
#include "store/vocabulary.h"

namespace annals::serve {

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Read-only connections, one per worker thread in use, each with a deadline
// checked by SQLite's progress handler: a query past its deadline is
// interrupted (SQLITE_INTERRUPT) and the request answered 503.

struct Reader {
  std::unique_ptr<Store> store;
  Clock::time_point deadline;
};

int ProgressHandler(void* arg) {
  const Reader* r = static_cast<const Reader*>(arg);
  return Clock::now() > r->deadline ? 1 : 0;
}

class ReaderPool {
 public:
  explicit ReaderPool(std::string db) : db_(std::move(db)) {}

  // A reader whose queries stop after `budget`; returned to the pool when
  // the lease ends.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Reader> r) : pool_(pool), r_(std::move(r)) {}
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;  // owns the reader until returned
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (r_) pool_->Release(std::move(r_));
    }
    Store& store() { return *r_->store; }
    bool expired() const { return Clock::now() > r_->deadline; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Reader> r_;
  };

  Result<Lease> Acquire(std::chrono::milliseconds budget) {
    std::unique_ptr<Reader> r;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        r = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!r) {
      Result<std::unique_ptr<Store>> store = Store::Open(db_, StoreOptions{.read_only = true, .cache_kib = 16384});
      if (!store.ok()) return store.status();
      r = std::make_unique<Reader>();
      r->store = std::move(store.value());
      sqlite3_progress_handler(r->store->db().raw(), 1000, ProgressHandler, r.get());
    }
    r->deadline = Clock::now() + budget;
    return Lease(this, std::move(r));
  }

 private:
  void Release(std::unique_ptr<Reader> r) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(r));
  }

  std::string db_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Reader>> free_;
};

// ---------------------------------------------------------------------------
// Responses.

void SendJson(httplib::Response& res, const Json& j, int status = 200) {
  res.status = status;
  res.set_content(j.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& parameter, const std::string& message) {
  Json e;
  e["status"] = status;
  e["parameter"] = parameter.empty() ? Json(nullptr) : Json(parameter);
  e["message"] = message;
  SendJson(res, Json{{"error", e}}, status);
}

// A Table (store/table.h) as {"title", "columns", "rows": [{column: value}]},
// numeric columns as numbers (null when empty).
Json TableJson(const Table& t) {
  Json rows = Json::array();
  for (const auto& row : t.rows) {
    Json r = Json::object();
    for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
      if (t.numeric[c]) {
        if (row[c].empty()) {
          r[t.columns[c]] = nullptr;
        } else {
          char* end = nullptr;
          const double v = std::strtod(row[c].c_str(), &end);
          r[t.columns[c]] = (end && *end == '\0') ? Json(v) : Json(row[c]);
        }
      } else {
        r[t.columns[c]] = row[c];
      }
    }
    rows.push_back(std::move(r));
  }
  return Json{{"title", t.title}, {"columns", t.columns}, {"rows", rows}};
}

std::string DayKeyText(DayKey k) {
  if (k <= kOpenStart || k >= kOpenEnd) return "";
  char buf[40];  // room for any int: -Wformat-truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", k / 10000, (k / 100) % 100, k % 100);
  std::string s = buf;
  if (s.size() == 10 && s.substr(5) == "00-00") return s.substr(0, 4);
  if (s.size() == 10 && s.substr(8) == "00") return s.substr(0, 7);
  return s;
}

Json EntryJson(const ActorEntry& e) {
  Json roles = Json::array();
  for (const ActorRole& r : e.roles) {
    const std::string from = DayKeyText(r.start), to = DayKeyText(r.end);
    roles.push_back({{"code", r.code},
                     {"title", r.title},
                     {"from", from.empty() ? Json(nullptr) : Json(from)},
                     {"until", to.empty() ? Json(nullptr) : Json(to)}});
  }
  return {{"entry", e.id},       {"name", e.name},       {"type", e.type}, {"code", e.code},
          {"country", e.country}, {"wikidata", e.wikidata}, {"roles", roles}};
}

// An Accept-Encoding value without its "br" (Brotli) codings:
// "gzip, deflate, br, zstd" -> "gzip, deflate, zstd".
std::string WithoutBrotli(const std::string& accept) {
  std::string out;
  size_t start = 0;
  while (start <= accept.size()) {
    size_t comma = accept.find(',', start);
    if (comma == std::string::npos) comma = accept.size();
    std::string coding = accept.substr(start, comma - start);
    const size_t b = coding.find_first_not_of(' ');
    coding = b == std::string::npos ? std::string() : coding.substr(b);
    const std::string name = coding.substr(0, coding.find_first_of(" ;"));
    if (!name.empty() && name != "br") out += (out.empty() ? "" : ", ") + coding;
    start = comma + 1;
  }
  return out;
}

// httplib's Server with its request processing reachable without a socket
// (Server::HandleRaw): process_request is protected for exactly this use.
class HttpServer : public httplib::Server {
 public:
  using httplib::Server::process_request;
};

// A connection in memory: reads the request bytes, collects the response.
class MemoryStream : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  std::string& out() { return out_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
};

// Constant-time comparison of a presented token with the configured one.
bool SameToken(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return diff == 0 && !b.empty();
}

}  // namespace

// ---------------------------------------------------------------------------

struct Server::Impl {
  ServerOptions o;
  HttpServer http;
  ReaderPool readers;
  std::thread listener;
  int port = 0;
  std::once_flag dictionary_once;
  std::unique_ptr<ActorDictionary> dictionary;
  std::mutex write_mu;  // one write at a time
  std::unique_ptr<Store> writer;
  std::atomic<bool> stopped{false};

  explicit Impl(const ServerOptions& options) : o(options), readers(options.db) {}

  int64_t MaxRows() const { return static_cast<int64_t>(o.max_rows); }
  // An endpoint's default number of rows, within the server's bound.
  int64_t DefaultRows(int64_t n) const { return std::min(n, MaxRows()); }

  const ActorDictionary* Dictionary() {
    std::call_once(dictionary_once, [this] {
      Result<std::unique_ptr<ActorDictionary>> d =
          ActorDictionary::Load(JoinPath(DefaultDataDir(), "actors"), "", nullptr);
      if (d.ok()) dictionary = std::move(d.value());
    });
    return dictionary.get();
  }

  // Runs `fn` with a reader whose queries stop after `budget_ms`; maps the
  // Status it returns to the response (400 naming the parameter, 404, 503).
  using ReadFn = std::function<Status(Store&, ParamReader&, httplib::Response&)>;
  httplib::Server::Handler Read(std::vector<std::string> allowed, ReadFn fn, bool with_filter) {
    return [this, allowed = std::move(allowed), fn = std::move(fn), with_filter](const httplib::Request& req,
                                                                                 httplib::Response& res) {
      std::vector<std::string> names = allowed;
      if (with_filter) names.insert(names.end(), FilterParameters().begin(), FilterParameters().end());
      ParamReader params(req, names);
      if (params.failed()) {
        SendError(res, 400, params.error_parameter(), params.error_message());
        return;
      }
      Result<ReaderPool::Lease> lease = readers.Acquire(std::chrono::milliseconds(o.timeout_ms));
      if (!lease.ok()) {
        SendError(res, 500, "", lease.status().message());
        return;
      }
      const Status st = fn(lease->store(), params, res);
      if (params.failed()) {
        SendError(res, 400, params.error_parameter(), params.error_message());
      } else if (!st.ok()) {
        Fail(res, *lease, params, st);
      }
    };
  }

  void Fail(httplib::Response& res, ReaderPool::Lease& lease, ParamReader& params, const Status& st) {
    if (lease.expired()) {
      SendError(res, 503, "",
                "the request took longer than the server's limit of " + std::to_string(o.timeout_ms) +
                    " ms; narrow the filter (dates, actors) or ask for fewer rows");
    } else if (st.code() == StatusCode::kInvalidArgument) {
      std::string parameter;
      if (params.filter_parsed()) parameter = BlameFilterParameter(lease.store(), params.filter());
      SendError(res, 400, parameter, st.message());
    } else if (st.code() == StatusCode::kNotFound) {
      SendError(res, 404, "", st.message());
    } else {
      SendError(res, 500, "", st.message());
    }
  }

  bool Authorized(const httplib::Request& req, httplib::Response& res) {
    if (o.token.empty() || o.pipeline == nullptr) {
      SendError(res, 403, "",
                "writes are off: start `annals serve` with --token-file FILE to allow ingesting and deleting");
      return false;
    }
    const std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.compare(0, prefix.size(), prefix) != 0 || !SameToken(auth.substr(prefix.size()), o.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401, "", "this request writes to the store: send the start-up token as "
                              "'Authorization: Bearer TOKEN'");
      return false;
    }
    return true;
  }

  Status OpenWriter() {
    if (writer) return Status::Ok();
    Result<std::unique_ptr<Store>> s = Store::Open(o.db);
    if (!s.ok()) return s.status();
    writer = std::move(s.value());
    return Status::Ok();
  }

  void Routes();
  void ApiEvents();
  void ApiAggregates();
  void ApiBrowse();
  void ApiExport();
  void ApiWrites();
};

void Server::Impl::Routes() {
  http.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(OpenApiJson(), "application/json");
  });
  http.Get("/api/meta", Read(
                            {}, [this](Store& store, ParamReader&, httplib::Response& res) -> Status {
                              Result<StoreCounts> c = store.Counts();
                              if (!c.ok()) return c.status();
                              Result<const Vocabulary*> vocab = Vocabulary::Default();
                              if (!vocab.ok()) return vocab.status();
                              Json j;
                              j["annals_version"] = o.annals_version;
                              j["counts"] = {{"documents", c->documents},   {"events", c->events},
                                             {"folded_events", c->folded_events}, {"quotes", c->quotes},
                                             {"actors", c->actors},         {"places", c->places}};
                              // Two subqueries: SQLite seeks the day index for a lone
                              // min() or max(), and scans it for both at once.
                              Result<Stmt> s = store.db().Prepare(
                                  "SELECT (SELECT min(day) FROM folded_events), (SELECT max(day) FROM folded_events)");
                              if (!s.ok()) return s.status();
                              Status st;
                              Json range = nullptr;
                              if (s->Step(&st) && !s->IsNull(0)) {
                                range = {{"first", PeriodLabel(Period::kDay, s->Int(0))},
                                         {"last", PeriodLabel(Period::kDay, s->Int(1))}};
                              }
                              if (!st.ok()) return st;
                              j["date_range"] = range;
                              j["modalities"] = AllModalities();
                              j["default_modalities"] = HappenedModalities();
                              j["plover_types"] = (*vocab)->plover_types();
                              Json quads = Json::array();
                              const char* names[] = {"verbal cooperation", "material cooperation", "verbal conflict",
                                                     "material conflict"};
                              for (int q = 1; q <= 4; ++q) quads.push_back({{"value", q}, {"name", names[q - 1]}});
                              j["quad_classes"] = quads;
                              Json roots = Json::array();
                              for (int r = 1; r <= 20; ++r) {
                                char code[16];  // room for any int: -Wformat-truncation
                                std::snprintf(code, sizeof code, "%02d", r);
                                roots.push_back({{"code", code}, {"name", (*vocab)->CameoName(code)}});
                              }
                              j["cameo_roots"] = roots;
                              j["writes"] = !o.token.empty() && o.pipeline != nullptr;
                              j["limits"] = {{"max_rows", o.max_rows}, {"timeout_ms", o.timeout_ms},
                                             {"max_export_rows", o.max_export_rows}};
                              SendJson(res, j);
                              return Status::Ok();
                            },
                            false));
  ApiEvents();
  ApiAggregates();
  ApiBrowse();
  ApiExport();
  ApiWrites();
  // Anything else under /api/ is a JSON 404, not the page.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 && res.body.empty()) {
      SendError(res, res.status, "", res.status == 404 ? "no such endpoint: " + req.method + " " + req.path +
                                                            " (GET /api/openapi.json lists them)"
                                                      : "request failed");
    }
  });
}

void Server::Impl::ApiEvents() {
  http.Get("/api/events", Read(
                              {"limit", "offset", "sort"},
                              [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                EventFilter f = p.Filter();
                                const int64_t limit = p.Int("limit", 1, MaxRows(), DefaultRows(50));
                                const int64_t offset = p.Int("offset", 0, int64_t{1} << 40, 0);
                                const std::string sort = p.Get("sort");
                                if (!sort.empty()) {
                                  Result<EventSort> s = ParseEventSort(sort);
                                  if (!s.ok()) return p.Fail("sort", s.status().message());
                                  f.sort = *s;
                                }
                                if (p.failed()) return Status::Ok();
                                f.limit = static_cast<size_t>(limit) + 1;  // one more: is there a next page?
                                f.offset = static_cast<size_t>(offset);
                                Json events = Json::array();
                                size_t seen = 0;
                                ANNALS_RETURN_IF_ERROR(ForEachEvent(store, f, [&](const EventRow& r) {
                                  if (++seen <= static_cast<size_t>(limit)) events.push_back(EventSummaryJson(r));
                                  return Status::Ok();
                                }));
                                Json j;
                                j["folded"] = f.folded;
                                j["modalities"] = f.modalities.empty() ? Json("all") : Json(f.modalities);
                                j["offset"] = offset;
                                j["limit"] = limit;
                                j["more"] = seen > static_cast<size_t>(limit);
                                j["events"] = std::move(events);
                                SendJson(res, j);
                                return Status::Ok();
                              },
                              true));
  http.Get(R"(/api/events/([0-9a-f]{16}))",
           Read(
               {},
               [](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                 const std::string id = p.PathParam(1);
                 std::optional<EventRow> found;
                 for (bool folded : {true, false}) {
                   EventFilter f;
                   f.id = id;
                   f.folded = folded;
                   f.modalities.clear();
                   ANNALS_RETURN_IF_ERROR(ForEachEvent(store, f, [&](const EventRow& r) {
                     found = r;
                     return Status::Ok();
                   }));
                   if (found) break;
                 }
                 if (!found) return Status::NotFound("no stored event has id '" + id + "'");
                 const EventRow& r = *found;
                 Json j;
                 j["event"] = EventSummaryJson(r);
                 Json record = Json::parse(r.record, nullptr, false);
                 if (record.is_discarded()) record = nullptr;
                 Json marks = Json::array();
                 for (const EvidenceMark& m : EvidenceMarks(r)) {
                   marks.push_back({{"kind", m.kind},
                                    {"begin", m.begin - r.sentence_begin},
                                    {"end", m.end - r.sentence_begin},
                                    {"text", r.sentence_text.substr(static_cast<size_t>(m.begin - r.sentence_begin),
                                                                    static_cast<size_t>(m.end - m.begin))}});
                 }
                 // The time expression that dated the event, when the sentence
                 // holds one with the event's date as its value.
                 Result<DocumentView> doc = ReadDocument(store, r.doc_id);
                 if (!doc.ok()) return doc.status();
                 for (const LayerSpan& t : doc->time_exprs) {
                   if (t.sentence != r.sentence) continue;
                   for (const auto& [k, v] : t.fields) {
                     if (k == "value" && v == r.date && t.begin >= r.sentence_begin &&
                         t.end <= r.sentence_begin + static_cast<int64_t>(r.sentence_text.size())) {
                       marks.push_back({{"kind", "time"},
                                        {"begin", t.begin - r.sentence_begin},
                                        {"end", t.end - r.sentence_begin},
                                        {"text", t.text}});
                     }
                   }
                 }
                 j["sentence"] = {{"doc", r.doc_id},
                                  {"doc_title", r.doc_title},
                                  {"doc_date", r.doc_date},
                                  {"doc_source", r.doc_source},
                                  {"doc_url", r.doc_url},
                                  {"index", r.sentence},
                                  {"begin", r.sentence_begin},
                                  {"text", r.sentence_text},
                                  {"marks", marks}};
                 j["rule"] = record.is_object() && record.contains("evidence") ? record["evidence"].value("rule", "")
                                                                              : std::string();
                 j["attribution"] = record.is_object() && record.contains("attribution") ? record["attribution"]
                                                                                         : Json(nullptr);
                 Json mentions = Json::array();
                 if (r.folded) {
                   ANNALS_RETURN_IF_ERROR(ForEachMention(store, r.id, [&](const MentionRow& m) {
                     mentions.push_back({{"event", m.event_id},
                                         {"doc", m.doc_id},
                                         {"doc_title", m.doc_title},
                                         {"source", m.doc_source},
                                         {"url", m.doc_url},
                                         {"date", m.doc_date},
                                         {"sentence", m.sentence},
                                         {"text", m.sentence_text},
                                         {"span", Json::array({m.span_begin, m.span_end})},
                                         {"modality", m.modality},
                                         {"confidence", m.confidence}});
                     return Status::Ok();
                   }));
                 }
                 j["mentions"] = mentions;
                 j["record"] = record;
                 SendJson(res, j);
                 return Status::Ok();
               },
               false));
  http.Get("/api/count", Read(
                             {}, [](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                               const EventFilter f = p.Filter();
                               if (p.failed()) return Status::Ok();
                               Result<int64_t> n = CountEvents(store, f);
                               if (!n.ok()) return n.status();
                               SendJson(res, {{"events", *n},
                                              {"folded", f.folded},
                                              {"modalities", f.modalities.empty() ? Json("all") : Json(f.modalities)}});
                               return Status::Ok();
                             },
                             true));
}

void Server::Impl::ApiAggregates() {
  http.Get("/api/timeline", Read(
                                {"by"}, [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                  const EventFilter f = p.Filter();
                                  const Period by = p.PeriodParam("by", Period::kDay);
                                  if (p.failed()) return Status::Ok();
                                  Result<Table> t = Timeline(store, f, by, false, true);
                                  if (!t.ok()) return t.status();
                                  if (t->rows.size() > 20 * o.max_rows) {
                                    return p.Fail("by", "the timeline has " + std::to_string(t->rows.size()) +
                                                            " periods; ask for a coarser period or a date range");
                                  }
                                  SendJson(res, TableJson(*t));
                                  return Status::Ok();
                                },
                                true));
  http.Get("/api/series", Read(
                              {"by", "top", "level"},
                              [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                const EventFilter f = p.Filter();
                                const Period by = p.PeriodParam("by", Period::kMonth);
                                const int64_t top = p.Int("top", 1, MaxRows(), DefaultRows(10));
                                const Level level = p.LevelParam("level");
                                if (p.failed()) return Status::Ok();
                                Result<Table> t = DyadSeries(store, f, by, static_cast<size_t>(top), level,
                                                             static_cast<size_t>(20 * o.max_rows));
                                if (!t.ok() && t.status().code() == StatusCode::kInvalidArgument) {
                                  return p.Fail("by", t.status().message());
                                }
                                if (!t.ok()) return t.status();
                                SendJson(res, TableJson(*t));
                                return Status::Ok();
                              },
                              true));
  http.Get("/api/dyads", Read(
                             {"top", "level"},
                             [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                               const EventFilter f = p.Filter();
                               const int64_t top = p.Int("top", 1, MaxRows(), DefaultRows(20));
                               const Level level = p.LevelParam("level");
                               if (p.failed()) return Status::Ok();
                               Result<Table> t = TopDyads(store, f, static_cast<size_t>(top), level);
                               if (!t.ok()) return t.status();
                               SendJson(res, TableJson(*t));
                               return Status::Ok();
                             },
                             true));
  http.Get("/api/network", Read(
                               {"top", "level"},
                               [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                 const EventFilter f = p.Filter();
                                 const int64_t top = p.Int("top", 1, MaxRows(), DefaultRows(60));
                                 // By country unless asked for actors: "Russia" and
                                 // "Russia (government)" are one node by default.
                                 const Level level = p.LevelParam("level", Level::kCountry);
                                 if (p.failed()) return Status::Ok();
                                 Result<Table> t = TopDyadTotals(store, f, static_cast<size_t>(top), level);
                                 if (!t.ok()) return t.status();
                                 // Nodes and edges from the dyads table: edge weight =
                                 // events, colour from the Goldstein mean's sign.
                                 std::map<std::string, std::pair<std::string, int64_t>> nodes;
                                 Json edges = Json::array();
                                 for (const auto& row : t->rows) {
                                   const std::string& s = row[0];
                                   const std::string& tg = row[2];
                                   if (s == "-" || tg == "-") continue;
                                   const int64_t n = std::stoll(row[4]);
                                   const double g = std::stod(row[5]);
                                   nodes[s].first = row[1];
                                   nodes[s].second += n;
                                   nodes[tg].first = row[3];
                                   nodes[tg].second += n;
                                   edges.push_back({{"source", s},
                                                    {"target", tg},
                                                    {"events", n},
                                                    {"goldstein_sum", g},
                                                    {"goldstein_mean", n > 0 ? g / static_cast<double>(n) : 0.0}});
                                 }
                                 Json jn = Json::array();
                                 for (const auto& [id, v] : nodes) {
                                   jn.push_back({{"id", id}, {"name", v.first.empty() ? id : v.first}, {"events", v.second}});
                                 }
                                 SendJson(res, {{"nodes", jn}, {"edges", edges}});
                                 return Status::Ok();
                               },
                               true));
  http.Get("/api/places", Read(
                              {"top"}, [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                const EventFilter f = p.Filter();
                                const int64_t top = p.Int("top", 1, MaxRows(), DefaultRows(500));
                                if (p.failed()) return Status::Ok();
                                Result<Table> t = TopPlaces(store, f, static_cast<size_t>(top));
                                if (!t.ok()) return t.status();
                                SendJson(res, TableJson(*t));
                                return Status::Ok();
                              },
                              true));
  http.Get("/api/distribution", Read(
                                    {"what"}, [](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                      const EventFilter f = p.Filter();
                                      const std::string what = p.Get("what");
                                      if (what.empty()) return p.Fail("what", "say which distribution: what=quad_class, plover, modality or cameo_root");
                                      if (p.failed()) return Status::Ok();
                                      Result<Table> t = Distribution(store, f, what);
                                      if (!t.ok()) return p.Fail("what", t.status().message());
                                      SendJson(res, TableJson(*t));
                                      return Status::Ok();
                                    },
                                    true));
}

void Server::Impl::ApiBrowse() {
  http.Get("/api/actors", Read(
                              {"q", "limit"}, [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                const std::string q = p.Get("q");
                                const int64_t limit = p.Int("limit", 1, MaxRows(), DefaultRows(20));
                                if (p.failed()) return Status::Ok();
                                Result<std::vector<ActorMatch>> m = SearchActors(store, q, static_cast<size_t>(limit));
                                if (!m.ok()) return m.status();
                                const ActorDictionary* dict = Dictionary();
                                Json actors = Json::array();
                                for (const ActorMatch& a : *m) {
                                  Json roles = Json::array();
                                  if (dict != nullptr && !a.name.empty()) {
                                    for (const ActorEntry* e : dict->Lookup(a.name)) roles.push_back(EntryJson(*e));
                                  }
                                  actors.push_back({{"code", a.code},
                                                    {"code_name", a.code_name},
                                                    {"name", a.name},
                                                    {"country", a.country},
                                                    {"type", a.type},
                                                    {"mentions", a.mentions},
                                                    {"dictionary", roles}});
                                }
                                Json entries = Json::array();
                                if (dict != nullptr && !q.empty()) {
                                  for (const ActorEntry* e : dict->Lookup(q)) entries.push_back(EntryJson(*e));
                                }
                                SendJson(res, {{"query", q}, {"actors", actors}, {"dictionary", entries}});
                                return Status::Ok();
                              },
                              false));
  http.Get("/api/quotes", Read(
                              {"speaker", "doc", "from", "to", "limit", "offset"},
                              [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                QuoteQuery q;
                                q.speaker = p.Get("speaker");
                                q.doc = p.Get("doc");
                                q.from = p.Get("from");
                                q.to = p.Get("to");
                                q.limit = static_cast<size_t>(p.Int("limit", 1, MaxRows(), DefaultRows(50)));
                                q.offset = static_cast<size_t>(p.Int("offset", 0, int64_t{1} << 40, 0));
                                if (p.failed()) return Status::Ok();
                                Json quotes = Json::array();
                                const Status st = ForEachQuote(store, q, [&](const QuoteRow& r) {
                                  quotes.push_back({{"doc", r.doc_id},
                                                    {"doc_date", r.doc_date},
                                                    {"doc_source", r.doc_source},
                                                    {"sentence", r.sentence},
                                                    {"span", Json::array({r.begin, r.end})},
                                                    {"text", r.text},
                                                    {"direct", r.direct},
                                                    {"speaker", {{"text", r.speaker_text},
                                                                 {"name", r.speaker_name},
                                                                 {"code", r.speaker_code}}},
                                                    {"cue", r.cue},
                                                    {"venue", r.venue}});
                                  return Status::Ok();
                                });
                                if (st.code() == StatusCode::kInvalidArgument) {
                                  return p.Fail(st.message().find("bad to") != std::string::npos ? "to" : "from",
                                                st.message());
                                }
                                if (st.code() == StatusCode::kNotFound) return p.Fail("doc", st.message());
                                ANNALS_RETURN_IF_ERROR(st);
                                SendJson(res, {{"offset", q.offset}, {"limit", q.limit}, {"quotes", quotes}});
                                return Status::Ok();
                              },
                              false));
  http.Get("/api/documents", Read(
                                 {"source", "from", "to", "limit", "offset"},
                                 [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                   DocumentQuery q;
                                   q.source = p.Get("source");
                                   q.from = p.Get("from");
                                   q.to = p.Get("to");
                                   q.limit = static_cast<size_t>(p.Int("limit", 1, MaxRows(), DefaultRows(50)));
                                   q.offset = static_cast<size_t>(p.Int("offset", 0, int64_t{1} << 40, 0));
                                   if (p.failed()) return Status::Ok();
                                   Json docs = Json::array();
                                   const Status st = ForEachDocument(store, q, [&](const DocumentSummary& d) {
                                     docs.push_back({{"id", d.id},
                                                     {"date", d.date},
                                                     {"title", d.title},
                                                     {"source", d.source},
                                                     {"url", d.url},
                                                     {"undated", d.undated},
                                                     {"events", d.events}});
                                     return Status::Ok();
                                   });
                                   if (st.code() == StatusCode::kInvalidArgument) {
                                     return p.Fail(st.message().find("bad to") != std::string::npos ? "to" : "from",
                                                   st.message());
                                   }
                                   ANNALS_RETURN_IF_ERROR(st);
                                   SendJson(res, {{"offset", q.offset}, {"limit", q.limit}, {"documents", docs}});
                                   return Status::Ok();
                                 },
                                 false));
  http.Get(R"(/api/documents/(.+))",
           Read(
               {}, [](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                 Result<DocumentView> v = ReadDocument(store, p.PathParam(1));
                 if (!v.ok()) return v.status();
                 auto layer = [](const std::vector<LayerSpan>& spans) {
                   Json a = Json::array();
                   for (const LayerSpan& l : spans) {
                     Json x = {{"span", Json::array({l.begin, l.end})}, {"sentence", l.sentence}};
                     if (!l.text.empty()) x["text"] = l.text;
                     for (const auto& [k, val] : l.fields) x[k] = val;
                     a.push_back(std::move(x));
                   }
                   return a;
                 };
                 Json j;
                 j["id"] = v->summary.id;
                 j["date"] = v->summary.date;
                 j["title"] = v->summary.title;
                 j["source"] = v->summary.source;
                 j["url"] = v->summary.url;
                 j["undated"] = v->summary.undated;
                 j["origin"] = v->origin;
                 j["coded_by"] = v->coded_by;
                 j["ingested_at"] = v->ingested_at;
                 j["text"] = v->text;
                 j["sentences"] = layer(v->sentences);
                 j["actors"] = layer(v->actors);
                 j["places"] = layer(v->places);
                 j["quotes"] = layer(v->quotes);
                 j["time_exprs"] = layer(v->time_exprs);
                 j["amounts"] = layer(v->amounts);
                 j["events"] = layer(v->events);
                 SendJson(res, j);
                 return Status::Ok();
               },
               false));
}

void Server::Impl::ApiExport() {
  http.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) {
    std::vector<std::string> names = {"format"};
    names.insert(names.end(), FilterParameters().begin(), FilterParameters().end());
    ParamReader p(req, names);
    EventFilter f = p.Filter();
    const std::string format_name = p.Get("format");
    if (!p.failed() && format_name.empty()) {
      p.Fail("format", "say which format: gdelt, gdelt-mentions, icews, plover, csv, geojson, graphml or gexf");
    }
    Result<ExportFormat> format = ExportFormat::kCsv;
    if (!p.failed()) {
      format = ParseExportFormat(format_name);
      if (!format.ok()) p.Fail("format", format.status().message());
    }
    if (p.failed()) {
      SendError(res, 400, p.error_parameter(), p.error_message());
      return;
    }
    f.limit = o.max_export_rows;
    // Checked before the first byte is sent: once streaming, an error can
    // only cut the response short.
    {
      Result<ReaderPool::Lease> lease = readers.Acquire(std::chrono::milliseconds(o.timeout_ms));
      if (!lease.ok()) {
        SendError(res, 500, "", lease.status().message());
        return;
      }
      Result<SqlWhere> where = BuildWhere(lease->store(), f);
      if (!where.ok()) {
        Fail(res, *lease, p, where.status());
        return;
      }
    }
    static const std::map<ExportFormat, std::pair<const char*, const char*>> kTypes = {
        {ExportFormat::kGdelt, {"text/tab-separated-values; charset=utf-8", "tsv"}},
        {ExportFormat::kGdeltMentions, {"text/tab-separated-values; charset=utf-8", "mentions.tsv"}},
        {ExportFormat::kIcews, {"text/tab-separated-values; charset=utf-8", "icews.tsv"}},
        {ExportFormat::kPlover, {"application/x-ndjson", "plover.jsonl"}},
        {ExportFormat::kCsv, {"text/csv; charset=utf-8", "csv"}},
        {ExportFormat::kGeoJson, {"application/geo+json", "geojson"}},
        {ExportFormat::kGraphMl, {"application/graphml+xml", "graphml"}},
        {ExportFormat::kGexf, {"application/gexf+xml", "gexf"}}};
    const auto& type = kTypes.at(*format);
    res.set_header("Content-Disposition", std::string("attachment; filename=\"annals-events.") + type.second + "\"");
    res.set_header("X-Annals-Modalities", ModalityDescription(f.modalities));
    const ExportFormat fmt = *format;
    res.set_chunked_content_provider(type.first, [this, f, fmt](size_t offset, httplib::DataSink& sink) {
      (void)offset;
      Result<ReaderPool::Lease> lease = readers.Acquire(std::chrono::milliseconds(o.export_timeout_ms));
      if (!lease.ok()) return false;
      Result<ExportInfo> info = ReadExportInfo(lease->store(), o.annals_version, f);
      if (!info.ok()) return false;
      // The export writes to an ostream; this buffer hands each 64 KiB to
      // the connection as one chunk.
      class SinkBuf : public std::streambuf {
       public:
        explicit SinkBuf(httplib::DataSink& s) : sink_(s) { setp(buf_, buf_ + sizeof buf_); }
        int sync() override { return Flush() ? 0 : -1; }
        int_type overflow(int_type c) override {
          if (!Flush()) return traits_type::eof();
          if (c != traits_type::eof()) {
            *pptr() = static_cast<char>(c);
            pbump(1);
          }
          return c == traits_type::eof() ? 0 : c;
        }

       private:
        bool Flush() {
          const std::ptrdiff_t n = pptr() - pbase();
          if (n > 0 && !sink_.write(pbase(), static_cast<size_t>(n))) return false;
          setp(buf_, buf_ + sizeof buf_);
          return true;
        }
        httplib::DataSink& sink_;
        char buf_[65536];
      };
      auto buf = std::make_unique<SinkBuf>(sink);
      std::ostream out(buf.get());
      ExportStats stats;
      const Status st = Export(lease->store(), f, fmt, *info, out, &stats);
      out.flush();
      if (!st.ok() || !out) return false;  // the client sees a cut-off chunked response
      sink.done();
      return true;
    });
  });
  http.Get("/api/export/provenance", Read(
                                         {"format"}, [this](Store& store, ParamReader& p, httplib::Response& res) -> Status {
                                           const EventFilter f = p.Filter();
                                           Result<ExportFormat> format = ParseExportFormat(p.Get("format"));
                                           if (!format.ok()) return p.Fail("format", format.status().message());
                                           if (p.failed()) return Status::Ok();
                                           Result<int64_t> n = CountEvents(store, f);
                                           if (!n.ok()) return n.status();
                                           Result<ExportInfo> info = ReadExportInfo(store, o.annals_version, f);
                                           if (!info.ok()) return info.status();
                                           res.set_content(ProvenanceJson(*info, *format, static_cast<size_t>(*n)),
                                                           "application/json");
                                           return Status::Ok();
                                         },
                                         true));
}

void Server::Impl::ApiWrites() {
  http.Post("/api/documents", [this](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, res)) return;
    ParamReader p(req, {"id", "date", "replace", "title", "source", "url"});
    const std::string date = p.Get("date");
    const bool replace = p.Bool("replace", false);
    if (!date.empty() && !ParseIsoDate(date)) p.Fail("date", "invalid date '" + date + "' (use YYYY-MM-DD)");
    // The body as JSON Lines records (ingest/document_reader.h): a JSON
    // object, an array of them, JSON Lines, or plain text with ?id=&date=.
    std::string jsonl;
    const std::string type = req.get_header_value("Content-Type");
    if (!p.failed()) {
      if (type.rfind("text/plain", 0) == 0) {
        if (p.Get("id").empty()) p.Fail("id", "a plain-text document needs ?id=");
        Json rec = {{"id", p.Get("id")}, {"text", req.body}};
        for (const char* k : {"date", "title", "source", "url"}) {
          if (!p.Get(k).empty()) rec[k] = p.Get(k);
        }
        jsonl = rec.dump() + "\n";
      } else if (type.rfind("application/json", 0) == 0) {
        const Json body = Json::parse(req.body, nullptr, false);
        if (body.is_object()) {
          jsonl = body.dump() + "\n";
        } else if (body.is_array()) {
          for (const Json& x : body) jsonl += x.dump() + "\n";
        } else {
          p.Fail("body", "the body is not a JSON object or array of documents {id, date, text}");
        }
      } else if (type.rfind("application/x-ndjson", 0) == 0 || type.rfind("application/jsonl", 0) == 0) {
        jsonl = req.body;
      } else {
        p.Fail("Content-Type", "send application/json, application/x-ndjson or text/plain, not '" + type + "'");
      }
    }
    if (p.failed()) {
      SendError(res, 400, p.error_parameter(), p.error_message());
      return;
    }
    std::lock_guard<std::mutex> lock(write_mu);
    if (Status st = OpenWriter(); !st.ok()) {
      SendError(res, 500, "", st.message());
      return;
    }
    // The Ingester reads files: the body goes to a private temporary file.
    char dir_template[] = "/tmp/annals-serve-XXXXXX";
    const char* dir = mkdtemp(dir_template);
    if (dir == nullptr) {
      SendError(res, 500, "", "cannot create a temporary folder for the upload");
      return;
    }
    const std::string path = std::string(dir) + "/body.jsonl";
    {
      std::ofstream f(path, std::ios::binary);
      f << jsonl;
    }
    IngestOptions io;
    io.default_date = date;
    io.replace = replace;
    io.coded_by = o.coded_by;
    io.threads = 1;
    Json problems = Json::array();
    Status st = RecordCoderMeta(*writer, *o.pipeline, o.annals_version, o.coded_by);
    Ingester ingester(*o.pipeline, writer.get(), io);
    if (st.ok()) {
      st = ingester.IngestPaths({path}, [&](const Diagnostic& d) {
        std::string m = d.message;
        for (size_t at = m.find(path); at != std::string::npos; at = m.find(path)) m.replace(at, path.size(), "body");
        problems.push_back(m);
      }, nullptr);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!st.ok()) {
      SendError(res, 500, "", st.message());
      return;
    }
    const IngestProgress& pr = ingester.progress();
    Json j = {{"stored", pr.stored},         {"replaced", pr.replaced}, {"duplicates", pr.duplicates},
              {"failed", pr.failed},         {"events", pr.events},     {"problems", problems}};
    if (pr.failed > 0 && pr.stored + pr.replaced + pr.duplicates == 0) {
      Json e = {{"status", 400}, {"parameter", "body"}, {"message", problems.empty() ? Json("no document could be stored") : problems[0]}};
      j["error"] = e;
      SendJson(res, j, 400);
      return;
    }
    SendJson(res, j);
  });
  auto del = [this](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, res)) return;
    ParamReader p(req, {"doc", "source", "from", "to", "dry_run"});
    DocumentSelector sel;
    if (req.matches.size() > 1) sel.ids.push_back(req.matches[1]);
    if (!p.Get("doc").empty()) sel.ids.push_back(p.Get("doc"));
    sel.source = p.Get("source");
    sel.from = p.Get("from");
    sel.to = p.Get("to");
    const bool dry_run = p.Bool("dry_run", false);
    if (!p.failed() && sel.empty()) p.Fail("doc", "say which documents: a document id, source, from or to");
    if (p.failed()) {
      SendError(res, 400, p.error_parameter(), p.error_message());
      return;
    }
    std::lock_guard<std::mutex> lock(write_mu);
    if (Status st = OpenWriter(); !st.ok()) {
      SendError(res, 500, "", st.message());
      return;
    }
    if (Status st = writer->Begin(); !st.ok()) {
      SendError(res, 500, "", st.message());
      return;
    }
    Result<std::vector<std::string>> deleted = writer->DeleteDocuments(sel);
    Status st = deleted.ok() ? (dry_run ? writer->Rollback() : writer->Commit()) : writer->Rollback();
    if (!deleted.ok()) {
      const std::string m = deleted.status().message();
      SendError(res, deleted.status().code() == StatusCode::kInvalidArgument ? 400 : 500,
                m.find("to") != std::string::npos && m.find("from") == std::string::npos ? "to" : "from", m);
      return;
    }
    if (!st.ok()) {
      SendError(res, 500, "", st.message());
      return;
    }
    if (deleted->empty()) {
      SendError(res, 404, sel.ids.empty() ? "" : "doc", "no stored document matches");
      return;
    }
    SendJson(res, {{"deleted", *deleted}, {"dry_run", dry_run}});
  };
  http.Delete(R"(/api/documents/(.+))", del);
  http.Delete("/api/documents", del);
}

// ---------------------------------------------------------------------------

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

int Server::port() const { return impl_->port; }

void Server::Stop() {
  if (impl_->stopped.exchange(true)) return;
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

void Server::Wait() {
  if (impl_->listener.joinable()) impl_->listener.join();
}

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  // The store must exist and be readable before anything listens.
  {
    Result<std::unique_ptr<Store>> probe = Store::Open(options.db, StoreOptions{.read_only = true});
    if (!probe.ok()) return probe.status();
  }
  Result<const Vocabulary*> vocab = Vocabulary::Default();  // loaded once, before the first request
  if (!vocab.ok()) return vocab.status();
  auto impl = std::make_unique<Impl>(options);
  Impl& s = *impl;
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::max(8u, 2 * std::thread::hardware_concurrency()));
  // httplib's API takes the task queue as a raw pointer it then owns.
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.http.set_tcp_nodelay(true);  // ../shared/stack.md: 300 req/s without, 10k/s with
  s.http.set_keep_alive_max_count(100);
  s.http.set_read_timeout(10, 0);
  s.http.set_write_timeout(std::max<int64_t>(10, options.export_timeout_ms / 1000), 0);
  s.http.set_payload_max_length(64u << 20);
  s.http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "connect-src 'self'; frame-ancestors 'none'"}});
  // Debian's cpp-httplib 0.11 prefers Brotli whenever a client offers it
  // (browsers do) and compresses at Brotli's default quality, 11: 1.9-3.1 s
  // for the page's 647 KB script or a 670 KB page of events, where gzip
  // takes 0.1 s (measured with curl on loopback). Requests are answered as
  // if they offered no "br". The Request is httplib's own non-const object,
  // handed to this handler by const reference: changing it is defined.
  s.http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& headers = const_cast<httplib::Request&>(req).headers;
    const auto [first, last] = headers.equal_range("Accept-Encoding");
    for (auto it = first; it != last; ++it) it->second = WithoutBrotli(it->second);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    SendError(res, 500, "", what);
  });
  s.Routes();
  if (!options.web_dir.empty()) {
    if (!s.http.set_mount_point("/", options.web_dir)) {
      return Status::NotFound("no web page folder at '" + options.web_dir + "'");
    }
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
  Result<std::unique_ptr<Server>> created = Create(options);
  if (!created.ok()) return created.status();
  Impl& s = *created.value()->impl_;
  if (options.port == 0) {
    s.port = s.http.bind_to_any_port(options.bind);
    if (s.port <= 0) return Status::IoError("cannot listen on " + options.bind + " (any port)");
  } else {
    if (!s.http.bind_to_port(options.bind, options.port)) {
      return Status::IoError("cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                             " (in use, or not an address of this machine); choose another --port or --bind");
    }
    s.port = options.port;
  }
  s.listener = std::thread([&s] { s.http.listen_after_bind(); });
  return created;
}

std::string Server::HandleRaw(std::string_view request) {
  MemoryStream stream(request);
  bool closed = false;
  impl_->http.process_request(stream, /*close_connection=*/true, closed, nullptr);
  return std::move(stream.out());
}

std::string DefaultWebDir() {
  auto has_index = [](const fs::path& p) {
    std::error_code ec;
    return fs::exists(p / "index.html", ec);
  };
  if (const char* env = std::getenv("ANNALS_WEB"); env && *env) return has_index(env) ? env : "";
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "annals" / "web";
    if (has_index(installed)) return installed.string();
  }
  return has_index(ANNALS_SOURCE_WEB_DIR) ? ANNALS_SOURCE_WEB_DIR : "";
}

}  // namespace annals::serve
