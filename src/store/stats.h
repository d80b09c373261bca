// Aggregates over stored events for `annals stats`: counts and Goldstein
// sums by dyad and period, distributions (QuadClass, PLOVER type, modality,
// CAMEO root), top actors and dyads, and a timeline. Rates are normalised by
// the number of stored documents published in the same period (events per
// 100 documents), so a busy news day does not read as a surge of events.
//
// Every function honours an EventFilter (query.h) -- by default only the
// events that happened (modality asserted or reported) -- and with
// filter.folded (the default) each real-world event counts once, otherwise
// each raw record. Every actor column has a name column beside it
// ("RUSGOV", "Russia (government)"); at Level::kCountry actors are rolled up
// to their country (RUSGOV, RUSMIL and Putin all count as RUS). Time series
// list every period from the first to the last (the filter's --from/--to
// when given), periods without events as zeros. An event counts in the
// period of its day: an event dated to a week, month or year in the period
// of the first day of its week, month or year.
//
// Thread-safety: uses the Store's connection; one thread at a time.
#pragma once

#include <cstdint>
#include <string>

#include "store/query.h"
#include "store/table.h"

namespace annals {

enum class Period { kDay, kWeek, kMonth, kYear };
// "day", "week" (labelled by its Monday), "month", "year".
Result<Period> ParsePeriod(const std::string& name);
// The label of the period holding `day` (days since 1970-01-01):
// "2025-08-19", "2025-08-18" (the Monday), "2025-08", "2025".
std::string PeriodLabel(Period period, int64_t day);
// First day of the period holding `day`, and of the period after it.
int64_t PeriodStart(Period period, int64_t day);
int64_t NextPeriodStart(Period period, int64_t day);

// Who the actor columns of dyads, actors and series stand for.
enum class Level { kActor, kCountry };
// "actor" or "country".
Result<Level> ParseLevel(const std::string& name);

// period, source, source_name, target, target_name, events, goldstein_sum,
// goldstein_mean (empty for a period without events), documents,
// events_per_100_docs; the `top` most frequent dyads only (0 = all), each
// with a row for every period. More than `max_rows` rows (0 = no limit) is
// an InvalidArgument, found before any row is made.
Result<Table> DyadSeries(Store& store, const EventFilter& filter, Period period, size_t top,
                         Level level = Level::kActor, size_t max_rows = 0);
// value, name (for quad_class and cameo_root), events, share. `what`:
// quad_class, plover, modality or cameo_root.
Result<Table> Distribution(Store& store, const EventFilter& filter, const std::string& what);
// actor, name, as_source, as_target, events, goldstein_sum.
Result<Table> TopActors(Store& store, const EventFilter& filter, size_t n, Level level = Level::kActor);
// source, source_name, target, target_name, events, goldstein_sum, first,
// last (first and last event day, as full dates).
Result<Table> TopDyads(Store& store, const EventFilter& filter, size_t n, Level level = Level::kActor);
// TopDyads without first and last (the network's edges): without a date in
// the filter, a few hundred summary rows, where first and last read the
// days of each dyad.
Result<Table> TopDyadTotals(Store& store, const EventFilter& filter, size_t n, Level level = Level::kActor);
// period, events, goldstein_sum, documents, events_per_100_docs, and, when
// `bar` is set, a column "events_bar" drawing events as a bar; every period.
// With `by_quad_class`, columns quad_class_1 .. quad_class_4 (events of each
// QuadClass) and goldstein_mean (empty for a period without events) follow
// events_per_100_docs: a timeline stacked by QuadClass.
Result<Table> Timeline(Store& store, const EventFilter& filter, Period period, bool bar,
                       bool by_quad_class = false);
// Located events by place (gazetteer id, else name), most events first:
// gazetteer_id, name, country, feature, lat, lon, events, goldstein_mean,
// conflict_events (QuadClass 3-4); the `n` busiest places (0 = all).
Result<Table> TopPlaces(Store& store, const EventFilter& filter, size_t n);

}  // namespace annals
