// `annals stats`: aggregates over the store -- counts and Goldstein sums by
// dyad and period, QuadClass / PLOVER / modality distributions, top actors,
// normalised by documents per period, with names beside every code and
// --level country to roll actors up to their countries. Counts events that
// happened (modality asserted or reported) unless --modality says otherwise;
// the modality distribution shows every modality, so what is left out is
// visible. --summary prints the short overview the README shows.
#include <unistd.h>

#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/filter_options.h"
#include "store/stats.h"

namespace annals::cli {
namespace {

struct StatsOptions {
  std::string db = "annals.db";
  FilterArgs args;
  bool summary = false;
  std::string by = "auto";
  std::string level = "actor";
  std::vector<std::string> what;
  size_t top = 10;
  std::string format = "auto";
};

int RunStats(StatsOptions o) {
  constexpr std::string_view kCmd = "stats";
  if (Status st = o.args.Resolve(); !st.ok()) {
    PrintError(kCmd, st.message());
    return kExitUsage;
  }
  const EventFilter& filter = o.args.filter;
  Result<Level> level = ParseLevel(o.level);
  if (!level.ok()) {
    PrintError(kCmd, level.status().message());
    return kExitUsage;
  }
  // Statistics are read by people: a table unless another format is asked
  // for, also into a pipe or a pager.
  std::string format = o.format == "auto" ? "table" : o.format;
  const TableFormat tf = format == "csv" ? TableFormat::kCsv : format == "jsonl" ? TableFormat::kJsonl
                                                                                 : TableFormat::kAligned;
  int rc = kExitOk;
  std::unique_ptr<Store> store = OpenStoreForReading(kCmd, o.db, &rc);
  if (!store) return rc;
  Store& s = *store;
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
    PrintError(kCmd, period.status().message());
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
    } else if (w == "modality") {
      // Every modality, unless some were asked for: the table shows what
      // the other tables leave out.
      EventFilter all = filter;
      if (o.args.modality.empty()) all.modalities.clear();
      t = Distribution(s, all, w);
    } else if (w == "quad_class" || w == "plover" || w == "cameo_root") {
      t = Distribution(s, filter, w);
    } else if (w == "actors") {
      t = TopActors(s, filter, o.top, *level);
    } else if (w == "dyads") {
      t = TopDyads(s, filter, o.top, *level);
    } else if (w == "series") {
      t = DyadSeries(s, filter, *period, o.top, *level);
    } else if (w == "timeline") {
      t = Timeline(s, filter, *period, tf == TableFormat::kAligned);
    }
    if (!t.ok()) {
      PrintError(kCmd, t.status().message());
      return ExitCodeFor(t.status());
    }
    if (tf == TableFormat::kAligned && !first) std::cout << "\n";
    if (tf == TableFormat::kCsv && !first) std::cout << "\n# " << t->title << "\n";
    first = false;
    std::cout << RenderTable(*t, tf);
  }
  const std::string counted = std::string("counting ") + (filter.folded ? "folded events" : "raw records") +
                              " of modality " + ModalityDescription(filter.modalities) +
                              (filter.modalities.empty() ? "" : " (--modality all for every modality)");
  if (tf == TableFormat::kAligned) {
    std::cout << "\n(" << counted << ")\n";
  } else {
    PrintNote(kCmd, counted);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<StatsOptions>();
  app->add_option("--db", o->db, "Store file")->capture_default_str();
  AddFilterOptions(app, &o->args);
  app->add_option("--level", o->level, "Actors as coded (actor) or rolled up to their country (country)")
      ->check(CLI::IsMember({"actor", "country"}))
      ->capture_default_str();
  app->add_flag("--summary", o->summary, "Short overview: counts, events by modality, top dyads, timeline");
  app->add_option("--by", o->by, "Period for series and timeline: day, week, month, year or auto (by the date span)")
      ->check(CLI::IsMember({"auto", "day", "week", "month", "year"}))
      ->capture_default_str();
  app->add_option("--show", o->what,
                  "Tables to print: counts, quad_class, plover, modality, cameo_root, actors, dyads, series, timeline")
      ->check(CLI::IsMember({"counts", "quad_class", "plover", "modality", "cameo_root", "actors", "dyads", "series",
                             "timeline"}));
  app->add_option("--top", o->top, "Rows in top-actor/dyad tables and dyads in series")->capture_default_str();
  app->add_option("--format", o->format, "table, jsonl or csv (auto = table)")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}));
  return [o] { return RunStats(*o); };
}

ANNALS_COMMAND("stats", "Event statistics: dyads by period, distributions, top actors", Setup);

}  // namespace
}  // namespace annals::cli
