// Event filters and row reading (query.h).
#include "store/query.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "store/fold.h"

namespace annals {

namespace {

bool LooksLikeCode(const std::string& s) {
  if (s.size() < 2) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "RUS" -> "RUT": the smallest string greater than every string with
// prefix s (s is upper-case ASCII, so the last byte never overflows).
std::string PrefixEnd(std::string s) {
  s.back() = static_cast<char>(s.back() + 1);
  return s;
}

// Concatenation by append: GCC 12 reports a false -Wrestrict on
// `"literal" + std::string&&` chains once inlined.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

class Where {
 public:
  explicit Where(std::string table) : table_(std::move(table)) {}
  void Add(const std::string& clause) { clauses_.push_back(clause); }
  std::string Param(const std::string& v) {
    params_.push_back(v);
    std::string ref = "?";  // appended, not "?" + ..., to dodge GCC 12's -Wrestrict false positive
    ref += std::to_string(params_.size());
    return ref;
  }
  // Clause matching one side ("source"/"target") against an actor spec.
  std::string Actor(const std::string& side, const std::string& spec) {
    if (LooksLikeCode(spec)) {
      // The codes with this prefix, listed first: an IN list lets SQLite
      // seek the (source_code, target_code, day) index with equalities, where
      // a range on the first column would leave the rest unusable and the
      // planner would rather scan the date index (28 ms -> 7 ms on 100k).
      const std::string col = side + "_code";
      return Cat("(e.", col, " IN (SELECT DISTINCT ", col, " FROM ", table_, " WHERE ", col, " >= ", Param(spec),
                 " AND ", col, " < ", Param(PrefixEnd(spec)), "))");
    }
    return "(e." + side + "_name LIKE '%' || " + Param(spec) + " || '%')";
  }
  SqlWhere Finish() {
    SqlWhere w;
    for (size_t i = 0; i < clauses_.size(); ++i) w.sql += (i == 0 ? " WHERE " : " AND ") + clauses_[i];
    w.params = std::move(params_);
    return w;
  }

 private:
  std::string table_;  // events or folded_events
  std::vector<std::string> clauses_;
  std::vector<std::string> params_;
};

}  // namespace

bool DayRange(const std::string& date, int64_t* first, int64_t* last) {
  if (!DayOfIsoDate(date, first)) return false;
  if (date.size() >= 10) {
    *last = *first;
  } else if (date.size() == 7) {
    const CivilDate d = CivilFromDays(*first);
    *last = *first + DaysInMonth(d.year, d.month) - 1;
  } else {
    const CivilDate d = CivilFromDays(*first);
    *last = DaysFromCivil(CivilDate{d.year, 12, 31});
  }
  return true;
}

Result<SqlWhere> BuildWhere(const EventFilter& f) {
  Where w(f.folded ? "folded_events" : "events");
  int64_t first = 0, last = 0;
  if (!f.from.empty()) {
    if (!DayRange(f.from, &first, &last)) return Status::InvalidArgument("bad --from date '" + f.from + "'");
    w.Add("e.day >= " + std::to_string(first));
  }
  if (!f.to.empty()) {
    if (!DayRange(f.to, &first, &last)) return Status::InvalidArgument("bad --to date '" + f.to + "'");
    w.Add("e.day <= " + std::to_string(last));
  }
  if (!f.actor.empty()) w.Add(Cat("(", w.Actor("source", f.actor), " OR ", w.Actor("target", f.actor), ")"));
  if (!f.actor_country.empty()) {
    const std::string p = w.Param(f.actor_country);
    w.Add("(e.source_country = " + p + " OR e.target_country = " + p + ")");
  }
  if (!f.actor_sector.empty()) {
    const std::string p = w.Param(f.actor_sector);
    w.Add("(e.source_sector = " + p + " OR e.target_sector = " + p + ")");
  }
  if (!f.source.empty() || !f.target.empty()) {
    auto dyad = [&](const std::string& a, const std::string& b) {
      std::string c;
      if (!a.empty()) c = w.Actor("source", a);
      if (!b.empty()) c = Cat(c, c.empty() ? "" : " AND ", w.Actor("target", b));
      return Cat("(", c, ")");
    };
    if (f.undirected) {
      w.Add(Cat("(", dyad(f.source, f.target), " OR ", dyad(f.target, f.source), ")"));
    } else {
      w.Add(dyad(f.source, f.target));
    }
  }
  if (!f.cameo.empty()) {
    for (char c : f.cameo) {
      if (!std::isdigit(static_cast<unsigned char>(c))) {
        return Status::InvalidArgument("bad CAMEO code prefix '" + f.cameo + "' (digits expected)");
      }
    }
    w.Add("substr(e.cameo, 1, " + std::to_string(f.cameo.size()) + ") = " + w.Param(f.cameo));
  }
  if (!f.plover.empty()) {
    std::string upper;
    for (char c : f.plover) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    w.Add("e.plover_type = " + w.Param(upper));
  }
  if (!f.modality.empty()) w.Add("e.modality = " + w.Param(f.modality));
  if (f.quad_class != 0) {
    if (f.quad_class < 1 || f.quad_class > 4) return Status::InvalidArgument("quad class must be 1 to 4");
    w.Add("e.quad_class = " + std::to_string(f.quad_class));
  }
  if (!f.place.empty()) {
    const std::string p = w.Param(f.place);
    w.Add("(e.gazetteer_id = " + p + " OR e.location_name LIKE '%' || " + p + " || '%')");
  }
  if (!f.country.empty()) w.Add("e.location_country = " + w.Param(f.country));
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
    " s.span_begin, r.record";

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
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  std::string sql = "SELECT ";
  if (filter.folded) {
    sql += "e.id, e.representative, e.date_end, e.mentions, e.documents, e.sources, ";
    sql += kCommonColumns;
    sql += " FROM folded_events e JOIN events r ON r.event_pk = e.representative";
  } else {
    sql += "e.id, e.event_pk, e.date, 1, 1, 1, ";
    sql += kCommonColumns;
    sql += " FROM events e JOIN events r ON r.event_pk = e.event_pk";
  }
  sql += " JOIN documents d ON d.doc_pk = r.doc_pk LEFT JOIN sentences s ON s.doc_pk = r.doc_pk AND s.idx = r.sentence";
  sql += where->sql + " ORDER BY e.day, e.id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
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
    ANNALS_RETURN_IF_ERROR(row(r));
  }
  return st;
}

Status ForEachMention(Store& store, const std::string& fold_id, const std::function<Status(const MentionRow&)>& row) {
  Result<Stmt> s = store.db().Prepare(
      "SELECT e.id, d.id, coalesce(d.source, ''), coalesce(d.url, ''), d.date, e.sentence, e.span_begin, e.span_end,"
      " length(CAST(d.text AS BLOB)), e.modality, e.confidence, e.record,"
      " coalesce(json_extract(e.record, '$.source.span[0]'), -1), coalesce(json_extract(e.record, '$.target.span[0]'), -1),"
      " coalesce(json_extract(e.record, '$.evidence.trigger_spans[0][0]'), -1)"
      " FROM events e JOIN documents d ON d.doc_pk = e.doc_pk WHERE e.fold_id = ? ORDER BY e.day, e.id");
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
    ANNALS_RETURN_IF_ERROR(row(m));
  }
  return st;
}

}  // namespace annals

namespace annals {

std::string MarkEvidence(const EventRow& row) {
  struct Mark {
    int64_t begin, end;
    std::string open, close;
  };
  std::vector<Mark> marks;
  const nlohmann::json j = nlohmann::json::parse(row.record, nullptr, false);
  auto span_of = [](const nlohmann::json& s, int64_t* b, int64_t* e) {
    if (!s.is_array() || s.size() != 2 || !s.at(0).is_number() || !s.at(1).is_number()) return false;
    *b = s.at(0).get<int64_t>();
    *e = s.at(1).get<int64_t>();
    return *b < *e;
  };
  if (j.is_object()) {
    for (const char* side : {"source", "target"}) {
      const auto a = j.find(side);
      int64_t b = 0, e = 0;
      if (a != j.end() && a->is_object() && a->contains("span") && span_of(a->at("span"), &b, &e)) {
        marks.push_back({b, e, "[[", std::string("|") + side + "]]"});
      }
    }
    const auto ev = j.find("evidence");
    if (ev != j.end() && ev->is_object() && ev->contains("trigger_spans") && ev->at("trigger_spans").is_array()) {
      for (const auto& s : ev->at("trigger_spans")) {
        int64_t b = 0, e = 0;
        if (span_of(s, &b, &e)) marks.push_back({b, e, "<<", ">>"});
      }
    }
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
