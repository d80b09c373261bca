// Event statistics (stats.h). Rows are grouped by day in SQL and into
// periods here, so period labels, empty periods and the documents-per-period
// normalisation all come from one definition (PeriodLabel).
#include "store/stats.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "base/civil_date.h"
#include "store/vocabulary.h"

namespace annals {

namespace {

// A series longer than this is refused: ask for a coarser period.
constexpr int64_t kMaxPeriods = 20000;

const char* EventTable(const EventFilter& f) { return f.folded ? "folded_events" : "events"; }

// Like Cat in query.cc: append, dodging GCC 12's -Wrestrict false positive.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

Result<Stmt> PrepareWith(Store& store, const std::string& sql, const SqlWhere& where) {
  Result<Stmt> s = store.db().Prepare(sql);
  if (!s.ok()) return s.status();
  for (size_t i = 0; i < where.params.size(); ++i) s->Bind(static_cast<int>(i + 1), where.params[i]);
  return s;
}

// Stored documents per period start day.
Result<std::map<int64_t, int64_t>> DocumentsPerPeriod(Store& store, Period p) {
  Result<std::map<int64_t, int64_t>> days = store.DocumentsPerDay();
  if (!days.ok()) return days.status();
  std::map<int64_t, int64_t> out;
  for (const auto& [day, n] : *days) out[PeriodStart(p, day)] += n;
  return out;
}

std::string Per100(int64_t events, int64_t docs) {
  return docs > 0 ? FormatNumber(100.0 * static_cast<double>(events) / static_cast<double>(docs), 2) : "";
}

// SQL label of an actor side: its code, else its name, else "-"; at country
// level its country, else "-".
std::string Side(const std::string& side, Level level) {
  if (level == Level::kCountry) return "coalesce(nullif(e." + side + "_country, ''), '-')";
  return "coalesce(nullif(e." + side + "_code, ''), e." + side + "_name, '-')";
}

// The display name of a side label (Side()).
std::string SideName(const Vocabulary& v, const std::string& label, Level level) {
  if (label == "-") return "";
  if (level == Level::kCountry) return v.CountryName(label);
  const std::string name = v.CodeName(label);
  return name.empty() ? label : name;
}

// The first and last period start of a series: the filter's range when
// given, else the events' own.
// The first and last period start of a series and how many periods it has.
struct PeriodRange {
  int64_t first = 0, last = 0, periods = 0;
};

Result<PeriodRange> SeriesRange(const EventFilter& f, Period p, int64_t min_day, int64_t max_day) {
  int64_t first = 0, last = 0, lo = min_day, hi = max_day;
  if (!f.from.empty() && DayRange(f.from, &first, &last)) lo = first;
  if (!f.to.empty() && DayRange(f.to, &first, &last)) hi = last;
  lo = PeriodStart(p, lo);
  hi = PeriodStart(p, hi);
  int64_t n = 0;
  for (int64_t d = lo; d <= hi && n <= kMaxPeriods; d = NextPeriodStart(p, d)) ++n;
  if (n > kMaxPeriods) {
    return Status::InvalidArgument("the series would have more than " + std::to_string(kMaxPeriods) +
                                   " periods; choose a coarser --by or a shorter --from/--to");
  }
  return PeriodRange{lo, hi, n};
}

using Dyad = std::pair<std::string, std::string>;

// A column value that may be NULL (an actor without a code).
struct MaybeText {
  bool null = true;
  std::string text;
  bool operator<(const MaybeText& o) const { return std::tie(null, text) < std::tie(o.null, o.text); }
};

MaybeText ReadMaybe(const Stmt& s, int col) { return s.IsNull(col) ? MaybeText{} : MaybeText{false, s.Text(col)}; }

void BindMaybe(Stmt& s, int i, const MaybeText& v) {
  if (v.null) {
    s.BindNull(i);
  } else {
    s.Bind(i, v.text);
  }
}

// A dyad (side labels, Side()) answered by summary_dyad_totals: its events,
// Goldstein sum in thousandths, and the (source_code, target_code) pairs of
// its rows, so its days can be read from summary_dyads by index seeks.
struct DyadTotal {
  Dyad dyad;
  int64_t events = 0, goldstein_milli = 0;
  std::vector<std::pair<MaybeText, MaybeText>> codes;
};

// Every dyad of `from` (AggregateFrom's kDyadTotals answer, the table
// summary_dyad_totals), most events first, then by source and target label
// (byte order, as SQLite's ORDER BY).
Result<std::vector<DyadTotal>> DyadTotals(Store& store, const AggregateSource& from, Level level) {
  Result<Stmt> s = PrepareWith(store,
                               Cat("SELECT ", Side("source", level), " AS src, ", Side("target", level),
                                   " AS tgt, e.source_code, e.target_code, sum(e.events), sum(e.goldstein_milli) FROM ",
                                   from.table, " e", from.where.sql,
                                   " GROUP BY src, tgt, e.source_code, e.target_code"),
                               from.where);
  if (!s.ok()) return s.status();
  std::map<Dyad, DyadTotal> by_dyad;
  Status st;
  while (s->Step(&st)) {
    DyadTotal& d = by_dyad[{s->Text(0), s->Text(1)}];
    d.events += s->Int(4);
    d.goldstein_milli += s->Int(5);
    d.codes.emplace_back(ReadMaybe(*s, 2), ReadMaybe(*s, 3));
  }
  if (!st.ok()) return st;
  std::vector<DyadTotal> out;
  for (auto& [dyad, d] : by_dyad) {
    d.dyad = dyad;
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const DyadTotal& a, const DyadTotal& b) { return a.events > b.events; });
  return out;
}

// One day of a dyad: its events, Goldstein sum in thousandths and the last
// day of its events.
struct DyadDay {
  int64_t events = 0, goldstein_milli = 0, last_day = INT64_MIN;
};

// The days of dyad `d` in `days` (AggregateFrom's kDyads answer for the same
// filter: summary_dyads), one query per code pair: each is a seek on the
// (folded, source_code, target_code, day) index.
Result<std::map<int64_t, DyadDay>> DyadDays(Store& store, const AggregateSource& days, Level level,
                                            const DyadTotal& d) {
  const size_t n = days.where.params.size();
  auto ref = [&](size_t k) { return "?" + std::to_string(n + k); };
  const std::string sql =
      Cat("SELECT e.day, max(e.day_last), sum(e.events), sum(e.goldstein_milli) FROM ", days.table, " e",
          days.where.sql, days.where.sql.empty() ? " WHERE " : " AND ", "e.source_code IS ", ref(1),
          " AND e.target_code IS ", ref(2), " AND ", Side("source", level), " = ", ref(3), " AND ",
          Side("target", level), " = ", ref(4), " GROUP BY e.day");
  std::map<int64_t, DyadDay> out;
  for (const auto& [source_code, target_code] : d.codes) {
    Result<Stmt> s = PrepareWith(store, sql, days.where);
    if (!s.ok()) return s.status();
    BindMaybe(*s, static_cast<int>(n + 1), source_code);
    BindMaybe(*s, static_cast<int>(n + 2), target_code);
    s->Bind(static_cast<int>(n + 3), d.dyad.first).Bind(static_cast<int>(n + 4), d.dyad.second);
    Status st;
    while (s->Step(&st)) {
      DyadDay& day = out[s->Int(0)];
      day.events += s->Int(2);
      day.goldstein_milli += s->Int(3);
      day.last_day = std::max(day.last_day, s->Int(1));
    }
    if (!st.ok()) return st;
  }
  return out;
}

// The `n` busiest dyads of `totals_from` (kDyadTotals for `filter`), each
// with its days from summary_dyads when `with_days` (index seeks for those
// dyads only, not every dyad's every day).
struct TopDyad {
  DyadTotal total;
  std::map<int64_t, DyadDay> days;
};
Result<std::vector<TopDyad>> TopDyads(Store& store, const EventFilter& filter, const AggregateSource& totals_from,
                                      Level level, size_t n, bool with_days) {
  Result<std::vector<DyadTotal>> totals = DyadTotals(store, totals_from, level);
  if (!totals.ok()) return totals.status();
  if (totals->size() > n) totals->resize(n);
  std::vector<TopDyad> out;
  Result<AggregateSource> by_day = with_days ? AggregateFrom(store, filter, SummaryNeed::kDyads)
                                             : Result<AggregateSource>(AggregateSource{});
  if (!by_day.ok()) return by_day.status();
  for (DyadTotal& d : *totals) {
    TopDyad top{std::move(d), {}};
    if (with_days) {
      Result<std::map<int64_t, DyadDay>> cells = DyadDays(store, *by_day, level, top.total);
      if (!cells.ok()) return cells.status();
      if (cells->empty()) return Status::Internal("summary_dyads lacks a dyad summary_dyad_totals counts");
      top.days = std::move(*cells);
    }
    out.push_back(std::move(top));
  }
  return out;
}

// Whether the filter names actors (then summary_dyads narrows by index).
bool NamesActors(const EventFilter& f) {
  return !f.actor.empty() || !f.actor_country.empty() || !f.source.empty() || !f.target.empty();
}

}  // namespace

Result<Period> ParsePeriod(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return Status::InvalidArgument("unknown period '" + name + "' (use day, week, month or year)");
}

Result<Level> ParseLevel(const std::string& name) {
  if (name == "actor") return Level::kActor;
  if (name == "country") return Level::kCountry;
  return Status::InvalidArgument("unknown level '" + name + "' (use actor or country)");
}

int64_t PeriodStart(Period p, int64_t day) {
  const CivilDate d = CivilFromDays(day);
  switch (p) {
    case Period::kDay: return day;
    case Period::kWeek: return day - IsoWeekday(d);
    case Period::kMonth: return DaysFromCivil(CivilDate{d.year, d.month, 1});
    case Period::kYear: return DaysFromCivil(CivilDate{d.year, 1, 1});
  }
  return day;
}

int64_t NextPeriodStart(Period p, int64_t day) {
  const int64_t start = PeriodStart(p, day);
  const CivilDate d = CivilFromDays(start);
  switch (p) {
    case Period::kDay: return start + 1;
    case Period::kWeek: return start + 7;
    case Period::kMonth: return DaysFromCivil(AddMonths(d, 1));
    case Period::kYear: return DaysFromCivil(CivilDate{d.year + 1, 1, 1});
  }
  return start + 1;
}

std::string PeriodLabel(Period p, int64_t day) {
  const std::string iso = FormatIsoDate(CivilFromDays(PeriodStart(p, day)));
  switch (p) {
    case Period::kDay:
    case Period::kWeek: return iso;
    case Period::kMonth: return iso.substr(0, 7);
    case Period::kYear: return iso.substr(0, 4);
  }
  return iso;
}

Result<Table> DyadSeries(Store& store, const EventFilter& filter, Period period, size_t top, Level level,
                         size_t max_rows) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  Result<std::map<int64_t, int64_t>> docs = DocumentsPerPeriod(store, period);
  if (!docs.ok()) return docs.status();
  struct Cell {
    int64_t events = 0;
    double goldstein = 0;
  };
  std::map<Dyad, std::map<int64_t, Cell>> by_dyad;
  std::vector<Dyad> dyads;
  int64_t min_day = INT64_MAX, max_day = INT64_MIN;
  Result<AggregateSource> totals_from = AggregateFrom(store, filter, SummaryNeed::kDyadTotals);
  if (!totals_from.ok()) return totals_from.status();
  if (top > 0 && totals_from->table == "summary_dyad_totals") {
    // The top dyads from their totals, then only their days (index seeks),
    // not every dyad's every day; the series' range from the summary that
    // answers the same filter's first and last day.
    Result<std::vector<TopDyad>> tops = TopDyads(store, filter, *totals_from, level, top, true);
    if (!tops.ok()) return tops.status();
    for (const TopDyad& d : *tops) {
      dyads.push_back(d.total.dyad);
      for (const auto& [day, cell] : d.days) {
        Cell& c = by_dyad[d.total.dyad][PeriodStart(period, day)];
        c.events += cell.events;
        c.goldstein += static_cast<double>(cell.goldstein_milli) / 1000.0;
      }
    }
    if (!dyads.empty()) {
      Result<AggregateSource> range =
          AggregateFrom(store, filter, NamesActors(filter) ? SummaryNeed::kDyads : SummaryNeed::kDays);
      if (!range.ok()) return range.status();
      Result<Stmt> s =
          PrepareWith(store, Cat("SELECT min(e.day), max(e.day) FROM ", range->table, " e", range->where.sql),
                      range->where);
      if (!s.ok()) return s.status();
      Status st;
      if (s->Step(&st) && !s->IsNull(0)) {
        min_day = s->Int(0);
        max_day = s->Int(1);
      }
      if (!st.ok()) return st;
    }
  } else {
    Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kDyads);
    if (!from.ok()) return from.status();
    Result<Stmt> s = PrepareWith(store,
                                 Cat("SELECT e.day, ", Side("source", level), " AS src, ", Side("target", level),
                                     " AS tgt, ", from->count, ", ", from->goldstein, " FROM ", from->table, " e",
                                     from->where.sql, " GROUP BY e.day, src, tgt"),
                                 from->where);
    if (!s.ok()) return s.status();
    std::map<Dyad, int64_t> totals;
    Status st;
    while (s->Step(&st)) {
      const int64_t day = s->Int(0);
      const Dyad dyad{s->Text(1), s->Text(2)};
      Cell& c = by_dyad[dyad][PeriodStart(period, day)];
      c.events += s->Int(3);
      c.goldstein += s->Real(4);
      totals[dyad] += s->Int(3);
      min_day = std::min(min_day, day);
      max_day = std::max(max_day, day);
    }
    if (!st.ok()) return st;
    for (const auto& [d, n] : totals) dyads.push_back(d);
    std::stable_sort(dyads.begin(), dyads.end(),
                     [&](const Dyad& a, const Dyad& b) { return totals[a] > totals[b]; });
    if (top > 0 && dyads.size() > top) dyads.resize(top);
  }

  Table t;
  t.title = level == Level::kCountry ? "Events by country dyad and period" : "Events by dyad and period";
  t.AddColumn("period");
  t.AddColumn("source");
  t.AddColumn("source_name");
  t.AddColumn("target");
  t.AddColumn("target_name");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  t.AddColumn("goldstein_mean", true);
  t.AddColumn("documents", true);
  t.AddColumn("events_per_100_docs", true);
  if (dyads.empty()) return t;
  Result<PeriodRange> range = SeriesRange(filter, period, min_day, max_day);
  if (!range.ok()) return range.status();
  // Refused before a row is made: a long range at a fine period times many
  // dyads is millions of rows (a request to `annals serve` must not be).
  const uint64_t rows = static_cast<uint64_t>(range->periods) * dyads.size();
  if (max_rows > 0 && rows > max_rows) {
    return Status::InvalidArgument("the series would have " + std::to_string(rows) + " rows (more than " +
                                   std::to_string(max_rows) +
                                   "); ask for a coarser period, a shorter date range or fewer dyads");
  }
  for (int64_t p = range->first; p <= range->last; p = NextPeriodStart(period, p)) {
    const auto d = docs->find(p);
    const int64_t n_docs = d == docs->end() ? 0 : d->second;
    for (const Dyad& dyad : dyads) {
      const auto& cells = by_dyad[dyad];
      const auto c = cells.find(p);
      const Cell cell = c == cells.end() ? Cell{} : c->second;
      t.rows.push_back({PeriodLabel(period, p), dyad.first, SideName(**vocab, dyad.first, level), dyad.second,
                        SideName(**vocab, dyad.second, level), std::to_string(cell.events),
                        FormatNumber(cell.goldstein, 1),
                        cell.events > 0 ? FormatNumber(cell.goldstein / static_cast<double>(cell.events), 2) : "",
                        std::to_string(n_docs), Per100(cell.events, n_docs)});
    }
  }
  return t;
}

Result<Table> Distribution(Store& store, const EventFilter& filter, const std::string& what) {
  std::string column;
  if (what == "quad_class") column = "e.quad_class";
  else if (what == "plover") column = "coalesce(e.plover_type, '(none)')";
  else if (what == "modality") column = "e.modality";
  else if (what == "cameo_root") column = "e.cameo_root";
  else return Status::InvalidArgument("unknown distribution '" + what + "' (use quad_class, plover, modality or cameo_root)");
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kDays);
  if (!from.ok()) return from.status();
  Result<Stmt> s = PrepareWith(store,
                               Cat("SELECT ", column, " AS v, ", from->count, " AS n, sum(", from->count,
                                   ") OVER () FROM ", from->table, " e", from->where.sql, " GROUP BY v ORDER BY n DESC, v"),
                               from->where);
  if (!s.ok()) return s.status();
  const bool named = what == "quad_class" || what == "cameo_root";
  static const char* const kQuadNames[] = {"", "verbal cooperation", "material cooperation", "verbal conflict",
                                           "material conflict"};
  Table t;
  t.title = "Events by " + what;
  t.AddColumn(what);
  if (named) t.AddColumn("name");
  t.AddColumn("events", true);
  t.AddColumn("share", true);
  Status st;
  while (s->Step(&st)) {
    const double total = s->Real(2);
    const std::string value = s->Text(0);
    std::vector<std::string> row = {value};
    if (what == "cameo_root") row.push_back((*vocab)->CameoName(value));
    if (what == "quad_class") {
      const int q = std::atoi(value.c_str());
      row.push_back(q >= 1 && q <= 4 ? kQuadNames[q] : "");
    }
    row.push_back(std::to_string(s->Int(1)));
    row.push_back(FormatNumber(total > 0 ? static_cast<double>(s->Int(1)) / total : 0, 3));
    t.rows.push_back(std::move(row));
  }
  if (!st.ok()) return st;
  return t;
}

Result<Table> TopActors(Store& store, const EventFilter& filter, size_t n, Level level) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  Result<SqlWhere> where = BuildWhere(store, filter);
  if (!where.ok()) return where.status();
  const std::string from = std::string(" FROM ") + EventTable(filter) + " e" + where->sql;
  const std::string sql =
      "WITH sides AS ("
      " SELECT " + Side("source", level) + " AS actor, 1 AS src, 0 AS tgt, e.goldstein AS g" + from +
      (where->sql.empty() ? " WHERE" : " AND") + " e.source_text IS NOT NULL"
      " UNION ALL SELECT " + Side("target", level) + ", 0, 1, e.goldstein" + from +
      (where->sql.empty() ? " WHERE" : " AND") + " e.target_text IS NOT NULL)"
      " SELECT actor, sum(src), sum(tgt), count(*), sum(g) FROM sides GROUP BY actor"
      " ORDER BY count(*) DESC, actor LIMIT " + std::to_string(n);
  Result<Stmt> s = PrepareWith(store, sql, *where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = level == Level::kCountry ? "Top countries" : "Top actors";
  t.AddColumn(level == Level::kCountry ? "country" : "actor");
  t.AddColumn("name");
  t.AddColumn("as_source", true);
  t.AddColumn("as_target", true);
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  Status st;
  while (s->Step(&st)) {
    t.rows.push_back({s->Text(0), SideName(**vocab, s->Text(0), level), std::to_string(s->Int(1)),
                      std::to_string(s->Int(2)), std::to_string(s->Int(3)), FormatNumber(s->Real(4), 1)});
  }
  if (!st.ok()) return st;
  return t;
}

namespace {

// TopDyads, with its first and last columns when `days` is set
// (TopDyadTotals without).
Result<Table> Dyads(Store& store, const EventFilter& filter, size_t n, Level level, bool days) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kDyadTotals);
  if (!from.ok()) return from.status();
  Table t;
  t.title = level == Level::kCountry ? "Top country dyads" : "Top dyads";
  t.AddColumn("source");
  t.AddColumn("source_name");
  t.AddColumn("target");
  t.AddColumn("target_name");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  if (days) {
    t.AddColumn("first");
    t.AddColumn("last");
  }
  if (from->table == "summary_dyad_totals") {
    // The busiest dyads from their totals; first and last day of only those
    // from summary_dyads, by index seeks.
    Result<std::vector<TopDyad>> tops = TopDyads(store, filter, *from, level, n, days);
    if (!tops.ok()) return tops.status();
    for (const TopDyad& top : *tops) {
      const DyadTotal& d = top.total;
      std::vector<std::string> row = {d.dyad.first, SideName(**vocab, d.dyad.first, level), d.dyad.second,
                                      SideName(**vocab, d.dyad.second, level), std::to_string(d.events),
                                      FormatNumber(static_cast<double>(d.goldstein_milli) / 1000.0, 1)};
      if (days) {
        int64_t last = INT64_MIN;
        for (const auto& [day, cell] : top.days) last = std::max(last, cell.last_day);
        row.push_back(FormatIsoDate(CivilFromDays(top.days.begin()->first)));
        row.push_back(FormatIsoDate(CivilFromDays(last)));
      }
      t.rows.push_back(std::move(row));
    }
    return t;
  }
  // First and last by day, not by date text: "2025" < "2025-03-01" as text
  // whatever the events' real order.
  Result<Stmt> s = PrepareWith(store,
                               Cat("SELECT ", Side("source", level), " AS src, ", Side("target", level), " AS tgt, ",
                                   from->count, " AS n, ", from->goldstein, ", min(e.day), max(", from->last_day,
                                   ") FROM ", from->table, " e", from->where.sql,
                                   " GROUP BY src, tgt ORDER BY n DESC, src, tgt LIMIT ", std::to_string(n)),
                               from->where);
  if (!s.ok()) return s.status();
  Status st;
  while (s->Step(&st)) {
    std::vector<std::string> row = {s->Text(0), SideName(**vocab, s->Text(0), level), s->Text(1),
                                    SideName(**vocab, s->Text(1), level), std::to_string(s->Int(2)),
                                    FormatNumber(s->Real(3), 1)};
    if (days) {
      row.push_back(FormatIsoDate(CivilFromDays(s->Int(4))));
      row.push_back(FormatIsoDate(CivilFromDays(s->Int(5))));
    }
    t.rows.push_back(std::move(row));
  }
  if (!st.ok()) return st;
  return t;
}

}  // namespace

Result<Table> TopDyads(Store& store, const EventFilter& filter, size_t n, Level level) {
  return Dyads(store, filter, n, level, true);
}

Result<Table> TopDyadTotals(Store& store, const EventFilter& filter, size_t n, Level level) {
  return Dyads(store, filter, n, level, false);
}

Result<Table> Timeline(Store& store, const EventFilter& filter, Period period, bool bar, bool by_quad_class) {
  Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kDays);
  if (!from.ok()) return from.status();
  Result<std::map<int64_t, int64_t>> docs = DocumentsPerPeriod(store, period);
  if (!docs.ok()) return docs.status();
  Result<Stmt> s = PrepareWith(store,
                               Cat("SELECT e.day, e.quad_class, ", from->count, ", ", from->goldstein, " FROM ",
                                   from->table, " e", from->where.sql, " GROUP BY e.day, e.quad_class"),
                               from->where);
  if (!s.ok()) return s.status();
  struct Cell {
    int64_t events = 0;
    double goldstein = 0;
    int64_t quad[5] = {0, 0, 0, 0, 0};
  };
  std::map<int64_t, Cell> by_period;
  int64_t min_day = INT64_MAX, max_day = INT64_MIN;
  Status st;
  while (s->Step(&st)) {
    Cell& cell = by_period[PeriodStart(period, s->Int(0))];
    const int64_t q = s->Int(1);
    cell.events += s->Int(2);
    cell.goldstein += s->Real(3);
    if (q >= 1 && q <= 4) cell.quad[q] += s->Int(2);
    min_day = std::min(min_day, s->Int(0));
    max_day = std::max(max_day, s->Int(0));
  }
  if (!st.ok()) return st;
  Table t;
  t.title = "Timeline";
  t.AddColumn("period");
  t.AddColumn("events", true);
  t.AddColumn("goldstein_sum", true);
  t.AddColumn("documents", true);
  t.AddColumn("events_per_100_docs", true);
  if (by_quad_class) {
    for (int q = 1; q <= 4; ++q) t.AddColumn("quad_class_" + std::to_string(q), true);
    t.AddColumn("goldstein_mean", true);
  }
  if (bar) t.AddColumn("events_bar");
  if (by_period.empty()) return t;
  Result<PeriodRange> range = SeriesRange(filter, period, min_day, max_day);
  if (!range.ok()) return range.status();
  int64_t max_events = 0;
  for (const auto& [p, cell] : by_period) max_events = std::max(max_events, cell.events);
  for (int64_t p = range->first; p <= range->last; p = NextPeriodStart(period, p)) {
    const auto it = by_period.find(p);
    const Cell cell = it == by_period.end() ? Cell{} : it->second;
    const int64_t n = cell.events;
    const auto d = docs->find(p);
    const int64_t n_docs = d == docs->end() ? 0 : d->second;
    std::vector<std::string> row = {PeriodLabel(period, p), std::to_string(n), FormatNumber(cell.goldstein, 1),
                                    std::to_string(n_docs), Per100(n, n_docs)};
    if (by_quad_class) {
      for (int q = 1; q <= 4; ++q) row.push_back(std::to_string(cell.quad[q]));
      row.push_back(n > 0 ? FormatNumber(cell.goldstein / static_cast<double>(n), 2) : "");
    }
    if (bar) {
      const size_t len = max_events > 0 ? static_cast<size_t>((n * 40 + max_events - 1) / max_events) : 0;
      std::string b;
      for (size_t k = 0; k < len; ++k) b += "\u2588";
      row.push_back(b);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Result<Table> TopPlaces(Store& store, const EventFilter& filter, size_t n) {
  Result<AggregateSource> from = AggregateFrom(store, filter, SummaryNeed::kPlaces);
  if (!from.ok()) return from.status();
  const std::string located = std::string(from->where.sql.empty() ? " WHERE" : " AND") + " e.lat IS NOT NULL";
  // Per summary row its events; per event row 1.
  const std::string weight = from->summary ? "e.events" : "1";
  std::string sql = Cat("SELECT coalesce(e.gazetteer_id, '') AS g, max(e.location_name), max(e.location_country),"
                        " max(e.location_feature), sum(e.lat * ", weight, ") / ", from->count, ", sum(e.lon * ", weight,
                        ") / ", from->count, ", ", from->count, " AS n, ", from->goldstein, " / ", from->count,
                        ", sum(CASE WHEN e.quad_class >= 3 THEN ", weight, " ELSE 0 END) FROM ", from->table, " e",
                        from->where.sql, located,
                        " GROUP BY g, CASE WHEN g = '' THEN e.location_name END ORDER BY n DESC, g");
  if (n > 0) sql += " LIMIT " + std::to_string(n);
  Result<Stmt> s = PrepareWith(store, sql, from->where);
  if (!s.ok()) return s.status();
  Table t;
  t.title = "Events by place";
  t.AddColumn("gazetteer_id");
  t.AddColumn("name");
  t.AddColumn("country");
  t.AddColumn("feature");
  t.AddColumn("lat", true);
  t.AddColumn("lon", true);
  t.AddColumn("events", true);
  t.AddColumn("goldstein_mean", true);
  t.AddColumn("conflict_events", true);
  Status st;
  while (s->Step(&st)) {
    t.rows.push_back({s->Text(0), s->Text(1), s->Text(2), s->Text(3), FormatNumber(s->Real(4), 5),
                      FormatNumber(s->Real(5), 5), std::to_string(s->Int(6)), FormatNumber(s->Real(7), 2),
                      std::to_string(s->Int(8))});
  }
  if (!st.ok()) return st;
  return t;
}

}  // namespace annals
