// The attach stage: gives each coded event its context -- date, location and
// amounts -- from the clause that expresses it (issues 4 and 6). Runs after
// the events stage. (Attribution is the events stage's, read from the quotes
// stage's records: quotes/attribution.h.)
//
// Needs:  kLayerTokens | kLayerSentences | kLayerTags | kLayerParse |
//         kLayerEvents | kLayerTimes | kLayerPlaces | kLayerAmounts.
// Fills:  kLayerEventContext, on every Event of Document::events:
//   date, date_precision, time_expr
//          The event's clause is the token subtree of its clause head (the
//          trigger itself when it is a predicate, else the first predicate
//          above it: "hold" for "hold a meeting"), without nested clauses
//          (ccomp, advcl, relative clauses, parataxis, verbal conj). The
//          date is the TimeExpr in the trigger's own subtree ("Monday's
//          talks") or, failing that, in the clause -- nearest the trigger.
//          Its ISO value gives date ("2025-08-19", "2025-09", "2025",
//          "2025-W34"; a TIME keeps its day: "2025-08-19") and precision
//          ("day", "month", "year", "week", "time"). A DURATION or SET
//          counts only when its value is itself a date (it anchors);
//          unresolved values ("XXXX-09") do not count. Otherwise date is
//          Document::date, date_precision "document", time_expr -1.
//   location
//          A Place in the trigger's subtree or clause attached by "in",
//          "at", "near", "to", "inside", "outside" ("talks in Geneva"), a
//          place name modifying a nominal trigger ("the Alaska summit"), the
//          object of an action done at a place ("attacked Kharkiv",
//          "visited Kyiv"), or
//          the object of a proposal with "as the venue/host/site"
//          ("suggested Geneva as the venue"). Never the actor's capital by
//          default, and never the event's own source or target.
//   amounts
//          Indices (ascending) of Document::amounts inside the clause;
//          reduced relative clauses count ("drones worth 50 billion
//          dollars").
// The trigger token is the token whose span equals
// Event::evidence.trigger_spans[0] (or contains its start).
//
// Bad indices and broken parses are tolerated (model/dependency_view.h).
// Process() is const and thread-safe (the stage holds no state).
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateAttachStage(const Config& config);

}  // namespace annals
