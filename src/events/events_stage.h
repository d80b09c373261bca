// The events stage: codes political events on the parse (issue 5).
//
// Needs: tokens, sentences, tags, parse, mentions, places, times, quotes.
// Fills: Document::events -- for each coded event the sentence, span,
// source/target (EventActor copied from the actor mention), CAMEO code (one
// that exists in the ontology), modality, attribution (speaker, cue, venue,
// quote) when the event is reported speech, evidence (pattern id, trigger
// words and spans -- the trigger token first --, dictionary entries of the
// actors, notes such as "modality:will", "target:obl:with") and confidence.
// Date, location and amounts are left to the attach stage that runs after.
//
// Data: <data_dir>/patterns/*.patterns (docs/formats/patterns.md). Malformed
// pattern lines are reported on stderr with path:line:col once, at load, and
// skipped; creation fails only if no pattern loads.
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

// Same, returning the pattern errors instead of printing them (tests, the
// `eval events` command).
Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology,
                                                 std::vector<std::string>* pattern_errors);

}  // namespace annals
