// Event statistics (stats.h).
#include "store/stats.h"

#include <algorithm>
#include <map>

namespace annals {

namespace {

// SQL for the period label of a day number expression `x`.
std::string PeriodSql(Period p, const std::string& x) {
  switch (p) {
    case Period::kDay: return "date((" + x + ") * 86400, 'unixepoch')";
    case Period::kWeek: return "date(((" + x + ") - (((" + x + ") % 7 + 7 + 3) % 7)) * 86400, 'unixepoch')";
    case Period::kMonth: return "strftime('%Y-%m', (" + x + ") * 86400, 'unixepoch')";
    case Period::kYear: return "strftime('%Y', (" + x + ") * 86400, 'unixepoch')";
  }
  return "";
}

constexpr const char* kDocDay = "CAST(julianday(substr(date, 1, 10)) - 2440587.5 AS INTEGER)";

const char* EventTable(const EventFilter& f) { return f.folded ? "folded_events" : "events"; }

Result<Stmt> PrepareWith(Store& store, const std::string& sql, const SqlWhere& where) {
  Result<Stmt> s = store.db().Prepare(sql);
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < where.params.size(); ++i) s->Bind(static_cast<int>(i + 1), where.params[i]);
  return s;
}

// Stored documents per period label.
Result<std::map<std::string, int64_t>> DocumentsPerPeriod(Store& store, Period p) {
  Result<Stmt> s = store.db().Prepare("SELECT " + PeriodSql(p, kDocDay) + " AS period, count(*) FROM documents GROUP BY period");
  if (!s.ok()) return s.status();
  std::map<std::string, int64_t> out;
  Status st;
  while (s->Step(&st)) out[s->Text(0)] = s->Int(1);
  if (!st.ok()) return st;
  return out;
}

std::string Per100(int64_t events, int64_t docs) {
  return docs > 0 ? FormatNumber(100.0 * static_cast<double>(events) / static_cast<double>(docs), 2) : "";
}

// Label of an actor side: code, else name, else "-".
std::string Side(const std::string& side) {
  return "coalesce(nullif(e." + side + "_code, ''), e." + side + "_name, '-')";
}

}  // namespace

Result<Period> ParsePeriod(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return Status::InvalidArgument("unknown period '" + name + "' (use day, week, month or year)");
}

Result<Table> DyadSeries(Store& store, const EventFilter& filter, Period period, size_t top) {
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  Result<std::map<std::string, int64_t>> docs = DocumentsPerPeriod(store, period);
  if (!docs.ok()) return docs.status();
  std::string sql = "WITH base AS (SELECT " + PeriodSql(period, "e.day") + " AS period, " + Side("source") +
                    " AS src, " + Side("target") + " AS tgt, e.goldstein FROM " + EventTable(filter) + " e" +
                    where->sql + ")";
  if (top > 0) {
    sql += ", top AS (SELECT src, tgt FROM base GROUP BY src, tgt ORDER BY count(*) DESC, src, tgt LIMIT " +
           std::to_string(top) + ")";
  }
  sql += " SELECT period, src, tgt, count(*), sum(goldstein), avg(goldstein) FROM base";
  if (top > 0) sql += " WHERE (src, tgt) IN (SELECT src, tgt FROM top)";
  sql += " GROUP BY period, src, tgt ORDER BY period, count(*) DESC, src, tgt";
  Result<Stmt> s = PrepareWith(store, sql, *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Events by dyad and period";
  t.AddColumn("period");
  t.AddColumn("source");
  t.AddColumn("target");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  t.AddColumn("goldstein_mean", true);
  t.AddColumn("documents", true);
  t.AddColumn("events_per_100_docs", true);
  Status st;
  while (s->Step(&st)) {
    const std::string p = s->Text(0);
    const int64_t n = s->Int(3);
    const auto it = docs->find(p);
    const int64_t d = it == docs->end() ? 0 : it->second;
    t.rows.push_back({p, s->Text(1), s->Text(2), std::to_string(n), FormatNumber(s->Real(4), 1),
                      FormatNumber(s->Real(5), 2), std::to_string(d), Per100(n, d)});
  }
  if (!st.ok()) return st;
  return t;
}

Result<Table> Distribution(Store& store, const EventFilter& filter, const std::string& what) {
  std::string column;
  if (what == "quad_class") column = "e.quad_class";
  else if (what == "plover") column = "coalesce(e.plover_type, '(none)')";
  else if (what == "modality") column = "e.modality";
  else if (what == "cameo_root") column = "e.cameo_root";
  else return Status::InvalidArgument("unknown distribution '" + what + "' (use quad_class, plover, modality or cameo_root)");
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  Result<Stmt> s = PrepareWith(store,
                               "SELECT " + column + " AS v, count(*), sum(count(*)) OVER () FROM " +
                                   EventTable(filter) + " e" + where->sql + " GROUP BY v ORDER BY count(*) DESC, v",
                               *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Events by " + what;
  t.AddColumn(what);
  t.AddColumn("events", true);
  t.AddColumn("share", true);
  Status st;
  while (s->Step(&st)) {
    const double total = s->Real(2);
    t.rows.push_back({s->Text(0), std::to_string(s->Int(1)),
                      FormatNumber(total > 0 ? static_cast<double>(s->Int(1)) / total : 0, 3)});
  }
  if (!st.ok()) return st;
  return t;
}

Result<Table> TopActors(Store& store, const EventFilter& filter, size_t n) {
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  const std::string from = std::string(" FROM ") + EventTable(filter) + " e" + where->sql;
  const std::string sql =
      "WITH sides AS ("
      " SELECT " + Side("source") + " AS actor, e.source_name AS name, 1 AS src, 0 AS tgt, e.goldstein AS g" + from +
      (where->sql.empty() ? " WHERE" : " AND") + " e.source_text IS NOT NULL"
      " UNION ALL SELECT " + Side("target") + ", e.target_name, 0, 1, e.goldstein" + from +
      (where->sql.empty() ? " WHERE" : " AND") + " e.target_text IS NOT NULL)"
      " SELECT actor, max(name), sum(src), sum(tgt), count(*), sum(g) FROM sides GROUP BY actor"
      " ORDER BY count(*) DESC, actor LIMIT " + std::to_string(n);
  Result<Stmt> s = PrepareWith(store, sql, *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Top actors";
  t.AddColumn("actor");
  t.AddColumn("name");
  t.AddColumn("as_source", true);
  t.AddColumn("as_target", true);
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  Status st;
  while (s->Step(&st)) {
    t.rows.push_back({s->Text(0), s->Text(1), std::to_string(s->Int(2)), std::to_string(s->Int(3)),
                      std::to_string(s->Int(4)), FormatNumber(s->Real(5), 1)});
  }
  if (!st.ok()) return st;
  return t;
}

Result<Table> TopDyads(Store& store, const EventFilter& filter, size_t n) {
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  Result<Stmt> s = PrepareWith(store,
                               "SELECT " + Side("source") + " AS src, " + Side("target") +
                                   " AS tgt, count(*), sum(e.goldstein), min(e.date), max(e.date) FROM " +
                                   EventTable(filter) + " e" + where->sql +
                                   " GROUP BY src, tgt ORDER BY count(*) DESC, src, tgt LIMIT " + std::to_string(n),
                               *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Top dyads";
  t.AddColumn("source");
  t.AddColumn("target");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  t.AddColumn("first");
  t.AddColumn("last");
  Status st;
  while (s->Step(&st)) {
    t.rows.push_back({s->Text(0), s->Text(1), std::to_string(s->Int(2)), FormatNumber(s->Real(3), 1), s->Text(4),
                      s->Text(5)});
  }
  if (!st.ok()) return st;
  return t;
}

Result<Table> Timeline(Store& store, const EventFilter& filter, Period period, bool bar) {
  Result<SqlWhere> where = BuildWhere(filter);
  if (!where.ok()) return where.status();
  Result<std::map<std::string, int64_t>> docs = DocumentsPerPeriod(store, period);
  if (!docs.ok()) return docs.status();
  Result<Stmt> s = PrepareWith(store,
                               "SELECT " + PeriodSql(period, "e.day") + " AS period, count(*), sum(e.goldstein) FROM " +
                                   EventTable(filter) + " e" + where->sql + " GROUP BY period ORDER BY period",
                               *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Timeline";
  t.AddColumn("period");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  t.AddColumn("documents", true);
  t.AddColumn("events_per_100_docs", true);
  if (bar) t.AddColumn("");
  Status st;
  int64_t max_events = 0;
  std::vector<int64_t> counts;
  while (s->Step(&st)) {
    const std::string p = s->Text(0);
    const int64_t n = s->Int(1);
    const auto it = docs->find(p);
    const int64_t d = it == docs->end() ? 0 : it->second;
    t.rows.push_back({p, std::to_string(n), FormatNumber(s->Real(2), 1), std::to_string(d), Per100(n, d)});
    counts.push_back(n);
    max_events = std::max(max_events, n);
  }
  if (!st.ok()) return st;
  if (bar) {
    for (size_t i = 0; i < t.rows.size(); ++i) {
      const size_t len = max_events > 0 ? static_cast<size_t>((counts[i] * 40 + max_events - 1) / max_events) : 0;
      std::string b;
      for (size_t k = 0; k < len; ++k) b += "\u2588";
      t.rows[i].push_back(b);
    }
  }
  return t;
}

}  // namespace annals
