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
//   location, location_precision
//          The first place found by: the event's clause ("clause": a place
//          after a locative preposition, "talks in Geneva"; a name
//          modifying a nominal trigger, "the Alaska summit"; the object of
//          an action done at a place, "attacked Kharkiv"; a proposed venue;
//          an actor's seat, "a Kyiv-based analyst"; for attacks, their
//          target, "a strike on Kyiv"), the sentence ("sentence": the
//          nearest place written as where something happens), the dateline
//          ("dateline": Document::dateline_place), the story's dominant
//          place ("document"). Statements, meetings and courts or
//          parliaments take only their own clause's place or the dateline.
//          Never the actor's capital by default. Word lists:
//          data/lang/en/attach.tsv; rules with examples: docs/attach.md.
//   amounts
//          Indices (ascending) of Document::amounts inside the clause;
//          reduced relative clauses count ("drones worth 50 billion
//          dollars"), and so do participle clauses ("bombed the market,
//          killing 12 people": the bombing's), which go to the outermost
//          event whose clause holds them.
// The trigger token is the token whose span equals
// Event::evidence.trigger_spans[0] (or contains its start).
//
// Bad indices and broken parses are tolerated (model/dependency_view.h).
// Cost: near-linear in document length (attach/event_context.h).
// Process() is const and thread-safe (the stage holds only its word lists,
// read at creation; a bad row is a load diagnostic).
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateAttachStage(const Config& config);

}  // namespace annals
