// Event filters and row reading (query.h).
#include "store/query.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "store/fold.h"
#include "store/vocabulary.h"

namespace annals {

namespace {

// Letters and digits only: could be a CAMEO actor code or its prefix.
bool LooksLikeCode(const std::string& s) {
  if (s.size() < 2 || s.size() > 12) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "RUS" -> "RUT": the smallest string greater than every string with
// prefix s (s is upper-case ASCII, so the last byte never overflows).
std::string PrefixEnd(std::string s) {
  s.back() = static_cast<char>(s.back() + 1);
  return s;
}

// A LIKE pattern matching `s` literally anywhere (with ESCAPE '\').
std::string LikeContains(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// Concatenation by append: GCC 12 reports a false -Wrestrict on
// `"literal" + std::string&&` chains once inlined.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

// True if the query finds a row with the given parameters.
Result<bool> Exists(Store& store, const std::string& sql, const std::vector<std::string>& params) {
  Result<Stmt> s = store.db().Prepare(sql);
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < params.size(); ++i) s->Bind(static_cast<int>(i + 1), params[i]);
  Status st;
  const bool found = s->Step(&st);
  if (!st.ok()) return st;
  return found;
}

class Where {
 public:
  Where(Store& store, std::string table) : store_(store), table_(std::move(table)) {}
  void Add(const std::string& clause) { clauses_.push_back(clause); }
  std::string Param(const std::string& v) {
    params_.push_back(v);
    std::string ref = "?";  // appended, not "?" + ..., to dodge GCC 12's -Wrestrict false positive
    ref += std::to_string(params_.size());
    return ref;
  }
  // Clause matching the columns <prefix>_code / <prefix>_name of the given
  // sides against an actor spec: a code prefix if a stored code starts with
  // it (any case), else a name substring if a stored name holds it.
  Result<std::string> Actor(const std::vector<std::string>& sides, const std::string& spec, const char* option) {
    const std::string code = Upper(spec);
    if (LooksLikeCode(code)) {
      std::string probe;
      for (const std::string& side : sides) {
        probe += Cat(probe.empty() ? "" : " UNION ALL ", "SELECT 1 FROM ", table_, " WHERE ", side,
                     "_code >= ?1 AND ", side, "_code < ?2");
      }
      Result<bool> found = Exists(store_, "SELECT 1 FROM (" + probe + ") LIMIT 1", {code, PrefixEnd(code)});
      if (!found.ok()) return found.status();
      if (*found) {
        // The codes with this prefix, listed first: an IN list lets SQLite
        // seek the (source_code, target_code, day) index with equalities,
        // where a range on the first column would leave the rest unusable
        // and the planner would rather scan the date index (28 ms -> 7 ms
        // on 100k).
        const std::string lo = Param(code), hi = Param(PrefixEnd(code));
        std::string any;
        for (const std::string& side : sides) {
          const std::string col = side + "_code";
          any += Cat(any.empty() ? "" : " OR ", "e.", col, " IN (SELECT DISTINCT ", col, " FROM ", table_, " WHERE ",
                     col, " >= ", lo, " AND ", col, " < ", hi, ")");
        }
        return Cat("(", any, ")");
      }
    }
    std::string probe;
    for (const std::string& side : sides) {
      probe += Cat(probe.empty() ? "" : " UNION ALL ", "SELECT 1 FROM ", table_, " WHERE ", side,
                   "_name LIKE ?1 ESCAPE '\\'");
    }
    const std::string pattern = LikeContains(spec);
    Result<bool> found = Exists(store_, "SELECT 1 FROM (" + probe + ") LIMIT 1", {pattern});
    if (!found.ok()) return found.status();
    if (!*found) {
      return Status::InvalidArgument(Cat("no stored actor matches ", option, " '", spec,
                                         "' (neither a code starting with it nor a name containing it)"));
    }
    const std::string p = Param(pattern);
    std::string any;
    for (const std::string& side : sides) {
      any += Cat(any.empty() ? "" : " OR ", "e.", side, "_name LIKE ", p, " ESCAPE '\\'");
    }
    return Cat("(", any, ")");
  }
  SqlWhere Finish() {
    SqlWhere w;
    for (size_t i = 0; i < clauses_.size(); ++i) w.sql += (i == 0 ? " WHERE " : " AND ") + clauses_[i];
    w.params = std::move(params_);
    return w;
  }

 private:
  Store& store_;
  std::string table_;  // events or folded_events
  std::vector<std::string> clauses_;
  std::vector<std::string> params_;
};

#define ANNALS_ASSIGN_OR_RETURN_CLAUSE(var, expr) \
  Result<std::string> var##_r = (expr);          \
  if (!var##_r.ok()) return var##_r.status();    \
  const std::string var = *var##_r

}  // namespace

Result<EventSort> ParseEventSort(const std::string& name) {
  if (name == "date") return EventSort::kDate;
  if (name == "-date") return EventSort::kDateDesc;
  if (name == "goldstein") return EventSort::kGoldstein;
  if (name == "-goldstein") return EventSort::kGoldsteinDesc;
  if (name == "-mentions") return EventSort::kMentionsDesc;
  return Status::InvalidArgument("unknown sort '" + name + "' (use date, -date, goldstein, -goldstein or -mentions)");
}

const std::vector<std::string>& HappenedModalities() {
  static const std::vector<std::string> kHappened = {"asserted", "reported"};
  return kHappened;
}

const std::vector<std::string>& AllModalities() {
  static const std::vector<std::string> kAll = {"asserted", "reported", "historical",
                                                "planned",  "hypothetical", "negated"};
  return kAll;
}

Result<std::vector<std::string>> ParseModalities(const std::string& spec) {
  std::vector<std::string> out;
  if (spec == "all") return out;
  size_t start = 0;
  while (start <= spec.size()) {
    const size_t comma = spec.find(',', start);
    std::string m = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!m.empty() && m.back() == ' ') m.pop_back();
    while (!m.empty() && m.front() == ' ') m.erase(m.begin());
    for (char& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (m == "happened") {
      out.insert(out.end(), HappenedModalities().begin(), HappenedModalities().end());
    } else if (std::find(AllModalities().begin(), AllModalities().end(), m) == AllModalities().end()) {
      return Status::InvalidArgument("unknown modality '" + m +
                                     "' (use asserted, reported, historical, planned, hypothetical, negated, "
                                     "happened or all, comma-separated)");
    } else if (std::find(out.begin(), out.end(), m) == out.end()) {
      out.push_back(m);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string ModalityDescription(const std::vector<std::string>& modalities) {
  if (modalities.empty()) return "all";
  std::string out;
  for (const std::string& m : modalities) out += (out.empty() ? "" : ", ") + m;
  return out;
}

Result<AggregateSource> AggregateFrom(Store& store, const EventFilter& f, SummaryNeed need) {
  Result<SqlWhere> where = BuildWhere(store, f);
  if (!where.ok()) return where.status();
  AggregateSource a;
  a.where = std::move(where.value());
  // The filters each summary keeps the columns of (store.cc SummarySpecs).
  const bool other =
      !f.id.empty() || !f.actor_sector.empty() || !f.speaker.empty() || !f.text.empty() || !f.doc.empty();
  const bool located = !f.place.empty() || !f.country.empty();
  const bool actors = !f.actor.empty() || !f.actor_country.empty() || !f.source.empty() || !f.target.empty();
  const bool kinds = !f.cameo.empty() || !f.plover.empty() || f.quad_class != 0;
  const char* summary = nullptr;
  if (f.summaries && !other) {
    if (need == SummaryNeed::kPlaces || (located && need == SummaryNeed::kAny)) {
      // Only located events: for a count, only when the filter asks for them.
      if (!actors && f.cameo.empty() && f.plover.empty()) summary = "summary_places";
    } else if (!located && !actors && need != SummaryNeed::kDyads && need != SummaryNeed::kDyadTotals) {
      summary = "summary_days";
    } else if (!located && !kinds && need == SummaryNeed::kDyadTotals && f.from.empty() && f.to.empty()) {
      summary = "summary_dyad_totals";
    } else if (!located && !kinds && need != SummaryNeed::kDays) {
      summary = "summary_dyads";
    }
  }
  if (summary == nullptr) {
    a.table = f.folded ? "folded_events" : "events";
    a.count = "count(*)";
    // Summed in thousandths, as the summaries keep them: exact, so the sum
    // does not depend on the order rows are read in, and a table-answered
    // mean rounds like a summary-answered one (-1.4 / 8 is -0.17 both ways).
    a.goldstein = "(sum(CAST(round(e.goldstein * 1000) AS INTEGER)) / 1000.0)";
    a.last_day = f.folded ? "e.day_last" : "e.day";
    return a;
  }
  a.summary = true;
  a.table = summary;
  a.count = "sum(e.events)";
  a.goldstein = "(sum(e.goldstein_milli) / 1000.0)";  // NULL for no rows, like sum()
  // summary_dyad_totals keeps no day: who asks for kDyadTotals reads days
  // from summary_dyads (stats.cc DyadDays).
  const std::string table = summary;
  a.last_day = table == "summary_dyads" ? "e.day_last" : table == "summary_dyad_totals" ? "" : "e.day";
  a.where.sql += Cat(a.where.sql.empty() ? " WHERE" : " AND", " e.folded = ", f.folded ? "1" : "0");
  return a;
}

Result<SqlWhere> BuildWhere(Store& store, const EventFilter& f) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  const Vocabulary& v = **vocab;
  Where w(store, f.folded ? "folded_events" : "events");
  if (!f.id.empty()) w.Add("e.id = " + w.Param(f.id));
  int64_t first = 0, last = 0;
  if (!f.from.empty()) {
    if (!DayRange(f.from, &first, &last)) {
      return Status::InvalidArgument("bad --from date '" + f.from + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    w.Add("e.day >= " + std::to_string(first));
  }
  if (!f.to.empty()) {
    if (!DayRange(f.to, &first, &last)) {
      return Status::InvalidArgument("bad --to date '" + f.to + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    w.Add("e.day <= " + std::to_string(last));
  }
  if (!f.actor.empty()) {
    ANNALS_ASSIGN_OR_RETURN_CLAUSE(c, w.Actor({"source", "target"}, f.actor, "--actor"));
    w.Add(c);
  }
  if (!f.actor_country.empty()) {
    Result<std::string> code = v.CountryCode(f.actor_country, "--actor-country");
    if (!code.ok()) return code.status();
    const std::string p = w.Param(*code);
    w.Add("(e.source_country = " + p + " OR e.target_country = " + p + ")");
  }
  if (!f.actor_sector.empty()) {
    const std::string sector = Upper(f.actor_sector);
    if (v.FindSector(sector) == nullptr) {
      return Status::InvalidArgument("unknown sector '" + f.actor_sector +
                                     "' for --actor-sector (CAMEO sectors: GOV, MIL, REB, OPP, COP, JUD, LEG, ...; "
                                     "data/actors/sectors.tsv lists them)");
    }
    const std::string p = w.Param(sector);
    w.Add("(e.source_sector = " + p + " OR e.target_sector = " + p + ")");
  }
  if (!f.source.empty() || !f.target.empty()) {
    auto dyad = [&](const std::string& a, const std::string& b, const char* oa,
                    const char* ob) -> Result<std::string> {
      std::string c;
      if (!a.empty()) {
        ANNALS_ASSIGN_OR_RETURN_CLAUSE(x, w.Actor({"source"}, a, oa));
        c = x;
      }
      if (!b.empty()) {
        ANNALS_ASSIGN_OR_RETURN_CLAUSE(x, w.Actor({"target"}, b, ob));
        c = Cat(c, c.empty() ? "" : " AND ", x);
      }
      return Cat("(", c, ")");
    };
    ANNALS_ASSIGN_OR_RETURN_CLAUSE(forward, dyad(f.source, f.target, "--source", "--target"));
    if (f.undirected) {
      ANNALS_ASSIGN_OR_RETURN_CLAUSE(backward, dyad(f.target, f.source, "--target", "--source"));
      w.Add(Cat("(", forward, " OR ", backward, ")"));
    } else {
      w.Add(forward);
    }
  }
  if (!f.speaker.empty()) {
    ANNALS_ASSIGN_OR_RETURN_CLAUSE(c, w.Actor({"speaker"}, f.speaker, "--speaker"));
    w.Add(c);
  }
  if (!f.cameo.empty()) {
    for (char c : f.cameo) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        return Status::InvalidArgument("bad CAMEO code prefix '" + f.cameo + "' (digits expected, e.g. 19 or 042)");
      }
    }
    if (!v.HasCameoPrefix(f.cameo)) {
      return Status::InvalidArgument("no CAMEO event code starts with '" + f.cameo + "' (roots are 01 to 20)");
    }
    w.Add("substr(e.cameo, 1, " + std::to_string(f.cameo.size()) + ") = " + w.Param(f.cameo));
  }
  if (!f.plover.empty()) {
    const std::string upper = Upper(f.plover);
    if (!v.IsPloverType(upper)) {
      std::string msg = "unknown PLOVER type '" + f.plover + "'";
      if (const auto* rename = v.PloverRename(upper)) {
        std::string current = rename->first;
        for (char& c : current) {
          if (c == ';') c = '/';
        }
        msg += " (" + rename->second + "; the current PLOVER type is " + current + ")";
      } else {
        msg += " (types: ";
        for (size_t i = 0; i < v.plover_types().size(); ++i) msg += (i ? ", " : "") + v.plover_types()[i];
        msg += ")";
      }
      return Status::InvalidArgument(msg);
    }
    w.Add("e.plover_type = " + w.Param(upper));
  }
  if (!f.modalities.empty()) {
    std::string list;
    for (const std::string& m : f.modalities) {
      if (std::find(AllModalities().begin(), AllModalities().end(), m) == AllModalities().end()) {
        return Status::InvalidArgument("unknown modality '" + m + "'");
      }
      list += (list.empty() ? "" : ", ") + w.Param(m);
    }
    w.Add("e.modality IN (" + list + ")");
  }
  if (f.quad_class != 0) {
    if (f.quad_class < 1 || f.quad_class > 4) return Status::InvalidArgument("quad class must be 1 to 4");
    w.Add("e.quad_class = " + std::to_string(f.quad_class));
  }
  if (!f.place.empty()) {
    const std::string id = w.Param(f.place);
    w.Add("(e.gazetteer_id = " + id + " OR e.location_name LIKE " + w.Param(LikeContains(f.place)) +
          " ESCAPE '\\')");
  }
  if (!f.country.empty()) {
    Result<std::string> code = v.CountryCode(f.country, "--country");
    if (!code.ok()) return code.status();
    w.Add("e.location_country = " + w.Param(*code));
  }
  if (!f.text.empty()) {
    // An FTS5 syntax error would otherwise surface mid-query as an I/O
    // failure; checked here it is a usage error, in one line.
    Result<bool> ok = Exists(store, "SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1", {f.text});
    if (!ok.ok()) {
      std::string why = ok.status().message();
      const size_t colon = why.rfind(": ");
      if (colon != std::string::npos) why = why.substr(colon + 2);
      return Status::InvalidArgument("bad --text query '" + f.text + "': " + why +
                                     " (SQLite FTS5 syntax: words, \"a phrase\", AND, OR, NOT, prefix*)");
    }
  }
  if (!f.doc.empty()) {
    Result<bool> known = Exists(store, "SELECT 1 FROM documents WHERE id = ?1", {f.doc});
    if (!known.ok()) return known.status();
    if (!*known) return Status::InvalidArgument("no stored document has id '" + f.doc + "'");
  }
  if (!f.text.empty() || !f.doc.empty()) {
    std::string raw;
    if (!f.text.empty()) {
      raw = "(x.doc_pk, x.sentence) IN (SELECT s.doc_pk, s.idx FROM sentences_fts JOIN sentences s"
            " ON s.sentence_pk = sentences_fts.rowid WHERE sentences_fts MATCH " + w.Param(f.text) + ")";
    }
    if (!f.doc.empty()) {
      raw += std::string(raw.empty() ? "" : " AND ") + "x.doc_pk = (SELECT doc_pk FROM documents WHERE id = " +
             w.Param(f.doc) + ")";
    }
    if (f.folded) {
      w.Add("e.id IN (SELECT x.fold_id FROM events x WHERE " + raw + ")");
    } else {
      w.Add("e.event_pk IN (SELECT x.event_pk FROM events x WHERE " + raw + ")");
    }
  }
  return w.Finish();
}

namespace {

constexpr const char* kCommonColumns =
    "e.date, e.date_precision,"
    " e.source_text, e.source_name, e.source_code, e.source_country, e.source_sector, e.source_type,"
    " e.target_text, e.target_name, e.target_code, e.target_country, e.target_sector, e.target_type,"
    " e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.modality, e.confidence,"
    " e.location_name, e.location_country, e.gazetteer_id, e.location_feature, e.lat, e.lon,"
    " d.id, d.source, d.url, d.date, d.title, r.coded_by, d.ingested_at, r.sentence, r.span_begin, r.span_end, s.text,"
    " s.span_begin, r.record, e.speaker_text, e.speaker_name, e.speaker_code";

void ReadActor(const Stmt& s, int col, ActorCols* a) {
  a->present = !s.IsNull(col);
  a->text = s.Text(col);
  a->name = s.Text(col + 1);
  a->code = s.Text(col + 2);
  a->country = s.Text(col + 3);
  a->sector = s.Text(col + 4);
  a->type = s.Text(col + 5);
}

}  // namespace

Status ForEachEvent(Store& store, const EventFilter& filter, const std::function<Status(const EventRow&)>& row) {
  Result<SqlWhere> where = BuildWhere(store, filter);
  if (!where.ok()) return where.status();
  const Vocabulary& vocab = **Vocabulary::Default();  // loaded by BuildWhere
  std::string order;
  switch (filter.sort) {
    case EventSort::kDate: order = " ORDER BY e.day, e.id"; break;
    case EventSort::kDateDesc: order = " ORDER BY e.day DESC, e.id DESC"; break;
    case EventSort::kGoldstein: order = " ORDER BY e.goldstein, e.day, e.id"; break;
    case EventSort::kGoldsteinDesc: order = " ORDER BY e.goldstein DESC, e.day, e.id"; break;
    case EventSort::kMentionsDesc:
      order = filter.folded ? " ORDER BY e.mentions DESC, e.day, e.id" : " ORDER BY e.day, e.id";
      break;
  }
  const char* table = filter.folded ? "folded_events" : "events";
  // A page is chosen on the event table alone, then joined to its
  // documents and sentences: joining first would fetch the text of every
  // row skipped or sorted away (a dyad's newest 100 of 4,000 events, or
  // offset 1000, read 4,000 or 1,100 sentences). LIMIT keeps SQLite from
  // flattening the subquery back into the join.
  std::string events = Cat(table, " e");
  std::string outer_where = where->sql;
  if (filter.limit > 0 || filter.offset > 0) {
    events = Cat("(SELECT * FROM ", table, " e", where->sql, order, " LIMIT ",
                 filter.limit > 0 ? std::to_string(filter.limit) : std::string("-1"), " OFFSET ",
                 std::to_string(filter.offset), ") e");
    outer_where.clear();
  }
  std::string sql = "SELECT ";
  if (filter.folded) {
    sql += "e.id, e.representative, e.date_end, e.mentions, e.documents, e.sources, ";
    sql += kCommonColumns;
    sql += Cat(" FROM ", events, " JOIN events r ON r.event_pk = e.representative");
  } else {
    sql += "e.id, e.event_pk, e.date, 1, 1, 1, ";
    sql += kCommonColumns;
    sql += Cat(" FROM ", events, " JOIN events r ON r.event_pk = e.event_pk");
  }
  sql += " JOIN documents d ON d.doc_pk = r.doc_pk LEFT JOIN sentences s ON s.doc_pk = r.doc_pk AND s.idx = r.sentence";
  sql += outer_where;
  sql += order;
  Result<Stmt> s = store.db().Prepare(sql);
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < where->params.size(); ++i) s->Bind(static_cast<int>(i + 1), where->params[i]);
  Status st;
  EventRow r;
  r.folded = filter.folded;
  while (s->Step(&st)) {
    int c = 0;
    r.id = s->Text(c++);
    r.event_pk = s->Int(c++);
    r.date_end = s->Text(c++);
    r.mentions = s->Int(c++);
    r.documents = s->Int(c++);
    r.sources = s->Int(c++);
    r.date = s->Text(c++);
    r.date_precision = s->Text(c++);
    ReadActor(*s, c, &r.source);
    c += 6;
    ReadActor(*s, c, &r.target);
    c += 6;
    r.cameo = s->Text(c++);
    r.cameo_root = s->Text(c++);
    r.quad_class = static_cast<int>(s->Int(c++));
    r.goldstein = s->Real(c++);
    r.plover_type = s->Text(c++);
    r.plover_mode = s->Text(c++);
    r.modality = s->Text(c++);
    r.confidence = s->Real(c++);
    r.has_location = !s->IsNull(c) || !s->IsNull(c + 2);
    r.location_name = s->Text(c++);
    r.location_country = s->Text(c++);
    r.gazetteer_id = s->Text(c++);
    r.location_feature = s->Text(c++);
    r.lat = s->Real(c++);
    r.lon = s->Real(c++);
    r.doc_id = s->Text(c++);
    r.doc_source = s->Text(c++);
    r.doc_url = s->Text(c++);
    r.doc_date = s->Text(c++);
    r.doc_title = s->Text(c++);
    r.coded_by = s->Text(c++);
    r.ingested_at = s->Text(c++);
    r.sentence = s->Int(c++);
    r.span_begin = s->Int(c++);
    r.span_end = s->Int(c++);
    r.sentence_text = s->Text(c++);
    r.sentence_begin = s->Int(c++);
    r.record = s->Text(c++);
    r.speaker_text = s->Text(c++);
    r.speaker_name = s->Text(c++);
    r.speaker_code = s->Text(c++);
    for (ActorCols* a : {&r.source, &r.target}) {
      a->code_name = a->code.empty() ? a->name : vocab.CodeName(a->code, a->type);
    }
    r.cameo_name = vocab.CameoName(r.cameo);
    ANNALS_RETURN_IF_ERROR(row(r));
  }
  return st;
}

Result<int64_t> CountEvents(Store& store, const EventFilter& filter) {
  Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kAny);
  if (!from.ok()) return from.status();
  Result<Stmt> s = store.db().Prepare(Cat("SELECT coalesce(", from->count, ", 0) FROM ", from->table, " e",
                                          from->where.sql));
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < from->where.params.size(); ++i) s->Bind(static_cast<int>(i + 1), from->where.params[i]);
  Status st;
  if (!s->Step(&st)) return st.ok() ? Status::Internal("count returned no row") : st;
  return s->Int(0);
}

Status ForEachMention(Store& store, const std::string& fold_id, const std::function<Status(const MentionRow&)>& row) {
  Result<Stmt> s = store.db().Prepare(
      "SELECT e.id, d.id, coalesce(d.source, ''), coalesce(d.url, ''), d.date, e.sentence, e.span_begin, e.span_end,"
      " length(CAST(d.text AS BLOB)), e.modality, e.confidence, e.record,"
      " coalesce(json_extract(e.record, '$.source.span[0]'), -1), coalesce(json_extract(e.record, '$.target.span[0]'), -1),"
      " coalesce(json_extract(e.record, '$.evidence.trigger_spans[0][0]'), -1), coalesce(d.title, ''), s.text"
      " FROM events e JOIN documents d ON d.doc_pk = e.doc_pk"
      " LEFT JOIN sentences s ON s.doc_pk = e.doc_pk AND s.idx = e.sentence"
      " WHERE e.fold_id = ? ORDER BY e.day, e.id");
  if (!s.ok()) return s.status();
  s->Bind(1, fold_id);
  Status st;
  MentionRow m;
  while (s->Step(&st)) {
    m.event_id = s->Text(0);
    m.doc_id = s->Text(1);
    m.doc_source = s->Text(2);
    m.doc_url = s->Text(3);
    m.doc_date = s->Text(4);
    m.sentence = s->Int(5);
    m.span_begin = s->Int(6);
    m.span_end = s->Int(7);
    m.doc_length = s->Int(8);
    m.modality = s->Text(9);
    m.confidence = s->Real(10);
    m.record = s->Text(11);
    m.source_begin = s->Int(12);
    m.target_begin = s->Int(13);
    m.trigger_begin = s->Int(14);
    m.doc_title = s->Text(15);
    m.sentence_text = s->Text(16);
    ANNALS_RETURN_IF_ERROR(row(m));
  }
  return st;
}

}  // namespace annals

namespace annals {

std::vector<EvidenceMark> EvidenceMarks(const EventRow& row) {
  std::vector<EvidenceMark> marks;
  const nlohmann::json j = nlohmann::json::parse(row.record, nullptr, false);
  auto span_of = [](const nlohmann::json& s, int64_t* b, int64_t* e) {
    if (!s.is_array() || s.size() != 2 || !s.at(0).is_number() || !s.at(1).is_number()) return false;
    *b = s.at(0).get<int64_t>();
    *e = s.at(1).get<int64_t>();
    return *b < *e;
  };
  const int64_t lo = row.sentence_begin, hi = row.sentence_begin + static_cast<int64_t>(row.sentence_text.size());
  auto add = [&](const char* kind, const nlohmann::json& span) {
    int64_t b = 0, e = 0;
    if (span_of(span, &b, &e) && b >= lo && e <= hi) marks.push_back({kind, b, e});
  };
  if (!j.is_object()) return marks;
  for (const char* side : {"source", "target"}) {
    const auto a = j.find(side);
    if (a != j.end() && a->is_object() && a->contains("span")) add(side, a->at("span"));
  }
  const auto ev = j.find("evidence");
  if (ev != j.end() && ev->is_object() && ev->contains("trigger_spans") && ev->at("trigger_spans").is_array()) {
    for (const auto& s : ev->at("trigger_spans")) add("trigger", s);
  }
  const auto loc = j.find("location");
  if (loc != j.end() && loc->is_object() && loc->contains("span")) add("place", loc->at("span"));
  const auto amounts = j.find("amounts");
  if (amounts != j.end() && amounts->is_array()) {
    for (const auto& a : *amounts) {
      if (a.is_object() && a.contains("span")) add("amount", a.at("span"));
    }
  }
  return marks;
}

std::string MarkEvidence(const EventRow& row) {
  struct Mark {
    int64_t begin, end;
    std::string open, close;
  };
  std::vector<Mark> marks;
  for (const EvidenceMark& m : EvidenceMarks(row)) {
    if (m.kind == "source" || m.kind == "target") marks.push_back({m.begin, m.end, "[[", "|" + m.kind + "]]"});
    if (m.kind == "trigger") marks.push_back({m.begin, m.end, "<<", ">>"});
  }
  const int64_t base = row.sentence_begin;
  const int64_t len = static_cast<int64_t>(row.sentence_text.size());
  std::vector<std::pair<int64_t, std::string>> inserts;  // (offset in sentence, text)
  for (const Mark& m : marks) {
    const int64_t b = m.begin - base, e = m.end - base;
    if (b < 0 || e > len || b >= e) continue;
    bool overlaps = false;  // keep marks well nested: drop one that crosses another
    for (const auto& [pos, text] : inserts) {
      (void)text;
      if (pos > b && pos < e) overlaps = true;
    }
    if (overlaps) continue;
    inserts.emplace_back(b, m.open);
    inserts.emplace_back(e, m.close);
  }
  // Insert from the end so earlier offsets stay valid; at one offset closing
  // marks go before opening ones.
  std::stable_sort(inserts.begin(), inserts.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    const bool x_open = x.second == "[[" || x.second == "<<";
    const bool y_open = y.second == "[[" || y.second == "<<";
    return x_open && !y_open;
  });
  std::string out = row.sentence_text;
  for (const auto& [pos, text] : inserts) out.insert(static_cast<size_t>(pos), text);
  return out;
}

}  // namespace annals
