// Documents, quotes and actors read back for browsing (browse.h).
#include "store/browse.h"

#include <cctype>

#include "base/civil_date.h"
#include "store/vocabulary.h"

namespace annals {

namespace {

std::string LikeContains(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Publication-date bounds as ISO text for comparisons with documents.date
// (which is YYYY-MM-DD); InvalidArgument naming the option.
Status DateBounds(const std::string& from, const std::string& to, std::string* lo, std::string* hi) {
  int64_t first = 0, last = 0;
  if (!from.empty()) {
    if (!DayRange(from, &first, &last)) {
      return Status::InvalidArgument("bad from date '" + from + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    *lo = FormatIsoDate(CivilFromDays(first));
  }
  if (!to.empty()) {
    if (!DayRange(to, &first, &last)) {
      return Status::InvalidArgument("bad to date '" + to + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    *hi = FormatIsoDate(CivilFromDays(last)) + "\x7f";  // after any time suffix of that day
  }
  return Status::Ok();
}

void BindAll(Stmt& s, const std::vector<std::string>& params) {
  for (size_t i = 0; i < params.size(); ++i) s.Bind(static_cast<int>(i + 1), params[i]);
}

std::string Paging(size_t limit, size_t offset) {
  return " LIMIT " + std::to_string(limit > 0 ? static_cast<int64_t>(limit) : -1) + " OFFSET " +
         std::to_string(offset);
}

// Reads the rows of one layer table of document `doc_pk`. `extra` are the
// column names after span_end and text that become LayerSpan::fields.
Status ReadLayer(Store& store, const std::string& table, int64_t doc_pk, const std::vector<std::string>& extra,
                 std::vector<LayerSpan>* out) {
  std::string cols;
  for (const std::string& c : extra) cols += ", " + c;
  const std::string order = table == "events" ? "event_pk" : "idx";
  const std::string sentence = table == "sentences" ? "idx" : "sentence";
  const std::string text = table == "events" ? "''" : "text";
  Result<Stmt> s = store.db().Prepare("SELECT span_begin, span_end, " + sentence + ", " + text + cols + " FROM " +
                                      table + " WHERE doc_pk = ?1 ORDER BY " + order);
  if (!s.ok()) return s.status();
  s->Bind(1, doc_pk);
  Status st;
  while (s->Step(&st)) {
    LayerSpan l;
    l.begin = s->Int(0);
    l.end = s->Int(1);
    l.sentence = s->Int(2);
    l.text = s->Text(3);
    for (size_t i = 0; i < extra.size(); ++i) {
      std::string v = s->Text(static_cast<int>(4 + i));
      if (!v.empty()) {
        std::string name = extra[i];
        if (const size_t as = name.find(" AS "); as != std::string::npos) name = name.substr(as + 4);
        l.fields.emplace_back(std::move(name), std::move(v));
      }
    }
    out->push_back(std::move(l));
  }
  return st;
}

}  // namespace

Status ForEachDocument(Store& store, const DocumentQuery& q, const std::function<Status(const DocumentSummary&)>& row) {
  std::string lo, hi;
  ANNALS_RETURN_IF_ERROR(DateBounds(q.from, q.to, &lo, &hi));
  std::vector<std::string> params;
  std::string where;
  auto add = [&](const std::string& clause, const std::string& value) {
    params.push_back(value);
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
    where += std::to_string(params.size());
  };
  if (!q.source.empty()) add("d.source = ?", q.source);
  if (!lo.empty()) add("d.date >= ?", lo);
  if (!hi.empty()) add("d.date <= ?", hi);
  Result<Stmt> s = store.db().Prepare(
      "SELECT d.id, d.date, coalesce(d.title, ''), coalesce(d.source, ''), coalesce(d.url, ''), d.undated,"
      " (SELECT count(*) FROM events e WHERE e.doc_pk = d.doc_pk) FROM documents d" +
      where + " ORDER BY d.date DESC, d.id" + Paging(q.limit, q.offset));
  if (!s.ok()) return s.status();
  BindAll(*s, params);
  Status st;
  DocumentSummary d;
  while (s->Step(&st)) {
    d.id = s->Text(0);
    d.date = s->Text(1);
    d.title = s->Text(2);
    d.source = s->Text(3);
    d.url = s->Text(4);
    d.undated = s->Int(5) != 0;
    d.events = s->Int(6);
    ANNALS_RETURN_IF_ERROR(row(d));
  }
  return st;
}

Result<DocumentView> ReadDocument(Store& store, const std::string& id) {
  Result<Stmt> s = store.db().Prepare(
      "SELECT doc_pk, id, date, coalesce(title, ''), coalesce(source, ''), coalesce(url, ''), undated,"
      " coalesce(origin, ''), text, coalesce(coded_by, ''), coalesce(ingested_at, '') FROM documents WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  Status st;
  if (!s->Step(&st)) {
    if (!st.ok()) return st;
    return Status::NotFound("no stored document has id '" + id + "'");
  }
  DocumentView v;
  const int64_t pk = s->Int(0);
  v.summary.id = s->Text(1);
  v.summary.date = s->Text(2);
  v.summary.title = s->Text(3);
  v.summary.source = s->Text(4);
  v.summary.url = s->Text(5);
  v.summary.undated = s->Int(6) != 0;
  v.origin = s->Text(7);
  v.text = s->Text(8);
  v.coded_by = s->Text(9);
  v.ingested_at = s->Text(10);
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "sentences", pk, {"paragraph"}, &v.sentences));
  for (LayerSpan& l : v.sentences) l.text.clear();  // the text is in the document
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "actors", pk, {"name", "code", "country", "sector", "type", "how"}, &v.actors));
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "places", pk, {"name", "country", "gazetteer_id", "feature"}, &v.places));
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "quotes", pk,
                                   {"CASE direct WHEN 1 THEN 'direct' ELSE 'reported' END AS speech", "speaker_text",
                                    "speaker_name", "speaker_code", "cue", "venue"},
                                   &v.quotes));
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "time_exprs", pk, {"type", "value", "precision", "modifier"}, &v.time_exprs));
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "amounts", pk, {"kind", "CAST(value AS TEXT) AS value", "unit"}, &v.amounts));
  ANNALS_RETURN_IF_ERROR(ReadLayer(store, "events", pk,
                                   {"id", "fold_id", "cameo", "modality", "source_code", "target_code"}, &v.events));
  v.summary.events = static_cast<int64_t>(v.events.size());
  return v;
}

Status ForEachQuote(Store& store, const QuoteQuery& q, const std::function<Status(const QuoteRow&)>& row) {
  std::string lo, hi;
  ANNALS_RETURN_IF_ERROR(DateBounds(q.from, q.to, &lo, &hi));
  std::vector<std::string> params;
  std::string where;
  auto param = [&](const std::string& value) {
    params.push_back(value);
    std::string ref = "?";  // appended: GCC 12 reports a false -Wrestrict on "?" + std::string
    ref += std::to_string(params.size());
    return ref;
  };
  auto add = [&](const std::string& clause) {
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
  };
  if (!q.speaker.empty()) {
    const std::string code = Upper(q.speaker);
    std::string end = code;
    end.back() = static_cast<char>(end.back() + 1);
    const std::string a = param(code), b = param(end), c = param(LikeContains(q.speaker));
    add("((q.speaker_code >= " + a + " AND q.speaker_code < " + b + ") OR q.speaker_name LIKE " + c +
        " ESCAPE '\\' OR q.speaker_text LIKE " + c + " ESCAPE '\\')");
  }
  if (!q.doc.empty()) {
    Result<Stmt> known = store.db().Prepare("SELECT 1 FROM documents WHERE id = ?1");
    if (!known.ok()) return known.status();
    known->Bind(1, q.doc);
    Status st;
    const bool found = known->Step(&st);
    if (!st.ok()) return st;
    if (!found) return Status::NotFound("no stored document has id '" + q.doc + "'");
    add("d.id = " + param(q.doc));
  }
  if (!lo.empty()) add("d.date >= " + param(lo));
  if (!hi.empty()) add("d.date <= " + param(hi));
  Result<Stmt> s = store.db().Prepare(
      "SELECT d.id, d.date, coalesce(d.source, ''), q.sentence, q.span_begin, q.span_end, q.text, q.direct,"
      " coalesce(q.speaker_text, ''), coalesce(q.speaker_name, ''), coalesce(q.speaker_code, ''),"
      " coalesce(q.cue, ''), coalesce(q.venue, '') FROM quotes q JOIN documents d ON d.doc_pk = q.doc_pk" +
      where + " ORDER BY d.date, d.id, q.idx" + Paging(q.limit, q.offset));
  if (!s.ok()) return s.status();
  BindAll(*s, params);
  Status st;
  QuoteRow r;
  while (s->Step(&st)) {
    r.doc_id = s->Text(0);
    r.doc_date = s->Text(1);
    r.doc_source = s->Text(2);
    r.sentence = s->Int(3);
    r.begin = s->Int(4);
    r.end = s->Int(5);
    r.text = s->Text(6);
    r.direct = s->Int(7) != 0;
    r.speaker_text = s->Text(8);
    r.speaker_name = s->Text(9);
    r.speaker_code = s->Text(10);
    r.cue = s->Text(11);
    r.venue = s->Text(12);
    ANNALS_RETURN_IF_ERROR(row(r));
  }
  return st;
}

Result<std::vector<ActorMatch>> SearchActors(Store& store, const std::string& query, size_t limit) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  std::string where;
  std::vector<std::string> params;
  if (!query.empty()) {
    std::string code = Upper(query), end = code;
    end.back() = static_cast<char>(end.back() + 1);
    params = {code, end, LikeContains(query)};
    where = " WHERE (code >= ?1 AND code < ?2) OR name LIKE ?3 ESCAPE '\\' OR text LIKE ?3 ESCAPE '\\'";
  }
  // Grouped by code (every actor with that code is one row) or, for actors
  // without a code, by name.
  Result<Stmt> s = store.db().Prepare(
      "SELECT coalesce(code, '') AS c, CASE WHEN coalesce(code, '') = '' THEN coalesce(name, text) END AS n,"
      " count(*), max(country), max(type),"
      " (SELECT coalesce(a2.name, a2.text) FROM actors a2 WHERE coalesce(a2.code, '') = coalesce(a.code, '')"
      "  GROUP BY coalesce(a2.name, a2.text) ORDER BY count(*) DESC LIMIT 1)"
      " FROM actors a" + where + " GROUP BY c, n ORDER BY count(*) DESC, c, n" + Paging(limit, 0));
  if (!s.ok()) return s.status();
  BindAll(*s, params);
  std::vector<ActorMatch> out;
  Status st;
  while (s->Step(&st)) {
    ActorMatch m;
    m.code = s->Text(0);
    m.name = m.code.empty() ? s->Text(1) : s->Text(5);
    m.mentions = s->Int(2);
    m.country = s->Text(3);
    m.type = s->Text(4);
    m.code_name = m.code.empty() ? m.name : (*vocab)->CodeName(m.code, m.type);
    out.push_back(std::move(m));
  }
  if (!st.ok()) return st;
  return out;
}

}  // namespace annals
