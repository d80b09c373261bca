// `annals stats`: aggregates over the store -- counts and Goldstein sums by
// dyad and period, QuadClass / PLOVER / modality distributions, top actors,
// normalised by documents per period. --summary prints the short overview
// the README shows (events by modality, top dyads, a timeline).
#include <unistd.h>

#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/filter_options.h"
#include "store/stats.h"

namespace annals::cli {
namespace {

struct StatsOptions {
  std::string db = "annals.db";
  EventFilter filter;
  bool no_fold = false;
  bool summary = false;
  std::string by = "auto";
  std::vector<std::string> what;
  size_t top = 10;
  std::string format = "auto";
};

int RunStats(StatsOptions o) {
  o.filter.folded = !o.no_fold;
  std::string format = o.format;
  if (format == "auto") format = isatty(STDOUT_FILENO) ? "table" : "jsonl";
  const TableFormat tf = format == "csv" ? TableFormat::kCsv : format == "jsonl" ? TableFormat::kJsonl
                                                                                 : TableFormat::kAligned;
  Result<std::unique_ptr<Store>> store = Store::Open(o.db, StoreOptions{.read_only = true});
  if (!store.ok()) {
    std::cerr << "annals stats: " << store.status().message() << "\n";
    return store.status().code() == StatusCode::kDataError ? kExitDataError : kExitIoError;
  }
  Store& s = **store;
  std::string by = o.by;
  if (by == "auto") {
    // The period that gives a readable timeline: days for up to a month of
    // events, weeks for up to half a year, else months.
    Result<std::optional<int64_t>> span = s.db().QueryInt("SELECT max(day) - min(day) FROM events");
    const int64_t days = span.ok() ? span->value_or(0) : 0;
    by = days <= 31 ? "day" : days <= 183 ? "week" : "month";
  }
  Result<Period> period = ParsePeriod(by);
  if (!period.ok()) {
    std::cerr << "annals stats: " << period.status().message() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> what = o.what;
  if (o.summary) what = {"counts", "modality", "dyads", "timeline"};
  if (what.empty()) what = {"counts", "quad_class", "plover", "modality", "actors", "dyads", "series", "timeline"};
  bool first = true;
  for (const std::string& w : what) {
    Result<Table> t = Status::InvalidArgument("unknown statistic '" + w + "'");
    if (w == "counts") {
      Result<StoreCounts> c = s.Counts();
      if (!c.ok()) {
        t = c.status();
      } else {
        Table counts;
        counts.title = "Store " + o.db;
        counts.AddColumn("table");
        counts.AddColumn("rows", true);
        for (const auto& [name, n] : std::vector<std::pair<const char*, int64_t>>{
                 {"documents", c->documents}, {"sentences", c->sentences}, {"events (raw records)", c->events},
                 {"events (folded)", c->folded_events}, {"actor mentions", c->actors}, {"quotes", c->quotes},
                 {"time expressions", c->time_exprs}, {"amounts", c->amounts}}) {
          counts.rows.push_back({name, std::to_string(n)});
        }
        t = counts;
      }
    } else if (w == "quad_class" || w == "plover" || w == "modality" || w == "cameo_root") {
      t = Distribution(s, o.filter, w);
    } else if (w == "actors") {
      t = TopActors(s, o.filter, o.top);
    } else if (w == "dyads") {
      t = TopDyads(s, o.filter, o.top);
    } else if (w == "series") {
      t = DyadSeries(s, o.filter, *period, o.top);
    } else if (w == "timeline") {
      t = Timeline(s, o.filter, *period, tf == TableFormat::kAligned);
    }
    if (!t.ok()) {
      std::cerr << "annals stats: " << t.status().message() << "\n";
      return t.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitIoError;
    }
    if (tf == TableFormat::kAligned && !first) std::cout << "\n";
    if (tf == TableFormat::kCsv && !first) std::cout << "\n# " << t->title << "\n";
    first = false;
    std::cout << RenderTable(*t, tf);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<StatsOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  AddFilterOptions(app, &o->filter, &o->no_fold);
  app->add_flag("--summary", o->summary, "Short overview: counts, events by modality, top dyads, timeline");
  app->add_option("--by", o->by, "Period for series and timeline: day, week, month, year or auto (by the date span)")
      ->check(CLI::IsMember({"auto", "day", "week", "month", "year"}))
      ->capture_default_str();
  app->add_option("--show", o->what,
                  "Tables to print: counts, quad_class, plover, modality, cameo_root, actors, dyads, series, timeline")
      ->check(CLI::IsMember({"counts", "quad_class", "plover", "modality", "cameo_root", "actors", "dyads", "series",
                             "timeline"}));
  app->add_option("--top", o->top, "Rows in top-actor/dyad tables and dyads in series")->capture_default_str();
  app->add_option("--format", o->format, "table, jsonl, csv or auto (table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}));
  return [o] { return RunStats(*o); };
}

ANNALS_COMMAND("stats", "Event statistics: dyads by period, distributions, top actors", Setup);

}  // namespace
}  // namespace annals::cli
