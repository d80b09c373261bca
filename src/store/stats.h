// Aggregates over stored events for `annals stats`: counts and Goldstein
// sums by dyad and period, distributions (QuadClass, PLOVER type, modality,
// CAMEO root), top actors and dyads, and a timeline. Rates are normalised by
// the number of stored documents published in the same period (events per
// 100 documents), so a busy news day does not read as a surge of events.
//
// Every function honours an EventFilter (query.h); with filter.folded (the
// default) each real-world event counts once, otherwise each raw record.
//
// Thread-safety: uses the Store's connection; one thread at a time.
#pragma once

#include <string>

#include "store/query.h"
#include "store/table.h"

namespace annals {

enum class Period { kDay, kWeek, kMonth, kYear };
// "day", "week" (labelled by its Monday), "month", "year".
Result<Period> ParsePeriod(const std::string& name);

// period, source, target, events, goldstein_sum, goldstein_mean, documents,
// events_per_100_docs; the `top` most frequent dyads only (0 = all).
Result<Table> DyadSeries(Store& store, const EventFilter& filter, Period period, size_t top);
// value, events, share. `what`: quad_class, plover, modality or cameo_root.
Result<Table> Distribution(Store& store, const EventFilter& filter, const std::string& what);
// actor, name, as_source, as_target, events, goldstein_sum.
Result<Table> TopActors(Store& store, const EventFilter& filter, size_t n);
// source, target, events, goldstein_sum, first, last.
Result<Table> TopDyads(Store& store, const EventFilter& filter, size_t n);
// period, events, goldstein_sum, documents, events_per_100_docs, and, when
// `bar` is set, a bar proportional to events.
Result<Table> Timeline(Store& store, const EventFilter& filter, Period period, bool bar);

}  // namespace annals
