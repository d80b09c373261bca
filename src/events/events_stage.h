// The events stage: codes political events on the parse (issue 5).
//
// Needs: tokens, sentences, tags, parse, mentions, places, times, amounts,
// quotes.
// Fills: Document::events -- for each coded event the sentence, span,
// source/target (EventActor copied from the actor mention), CAMEO code (one
// that exists in the ontology), modality, attribution (speaker, cue, venue,
// quote: read from the quotes stage's record of the quote the trigger lies
// in, quotes/attribution.h), evidence (pattern id, trigger words and spans --
// the trigger token first --, dictionary entries of the actors, notes such
// as "modality:will", "target:obl:with") and confidence. Date, location and
// amounts are left to the attach stage that runs after.
//
// Data: <data_dir>/patterns/*.patterns (docs/formats/patterns.md) and the
// quotes stage's lang/en/speech.tsv (a `speech` pattern must name one of its
// cues). Malformed pattern lines are skipped and reported once, with
// path:line:col, by load_diagnostics(); creation fails only if no pattern
// loads.
//
// Lifetime: `ontology` must outlive the stage. Thread-safety: Process() is
// const and may run on several documents at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

class Ontology;

Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology);

// Same, also returning the pattern errors as text (tests, the `eval events`
// command).
Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology,
                                                 std::vector<std::string>* pattern_errors);

}  // namespace annals
