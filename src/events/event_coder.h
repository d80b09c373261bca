// The event coder: finds pattern triggers in each parsed sentence, takes the
// source and target from the dependency structure and the actor mentions,
// decides the modality and attribution, and appends Event records.
//
// The coder is split along its seams, each with its own contract header:
//  * coder_sentence.h   the sentence as the coder sees it (the document's
//                       DependencyView, matching lemmas, actor lookups);
//  * trigger_matcher.h  which pattern a token triggers (most specific wins);
//  * arguments.h        source and target actors, pairs;
//  * modality.h         asserted / planned / hypothetical / negated /
//                       historical / reported;
//  * this file          the loop over one sentence:
//    - Noise control: a sentence with no political actor mention yields
//      nothing (coder_sentence.h says what is political). Trigger words
//      inside an actor mention ("the Coalition of the Willing") are not
//      triggers.
//    - Absorption: appeals, intents, demands, disapprovals, rejections and
//      threats (codes whose `absorbs` column is 1 -- roots 02 03 10 11 12
//      13 -- and patterns marked `absorb`)
//      absorb the events in their complements ("refused to meet" is one
//      125, not 125 + 040); a noun event that is another verb's object is
//      its theme ("lifted sanctions" is one 085).
//    - Attribution: the quotes stage's record of the quote the trigger lies
//      in (quotes/attribution.h); the coder never re-derives a speaker.
//    - Statements: a speech cue (pattern option `speech`) is coded itself
//      (010) only when the speech it introduces carries no coded event and
//      names another actor, and no coded event is one of its arguments.
//    - Intent codes: planned or hypothetical cooperation is recoded as the
//      code's `intent` in the ontology (040 -> 036, 05x -> 032, 062 -> 0312,
//      071 -> 0331, ...) unless the pattern names its own `intent=`.
//    - One record per (source, target, code, modality) per sentence; a
//      record without target is dropped when the same source has the same
//      root with a target in that sentence.
// docs/coding.md has the full account with examples.
//
// Thread-safety: Code() is const; the coder holds only immutable tables and
// may be shared by threads. The dictionary must outlive the coder.
#pragma once

#include <functional>
#include <string_view>

#include "annals/document.h"
#include "events/pattern_dictionary.h"
#include "ontology/ontology.h"

namespace annals::events {

class EventCoder {
 public:
  // The ontology gives each code's intent code and whether it absorbs its
  // complement (data/ontology/cameo_events.tsv); it must outlive the coder.
  EventCoder(const PatternDictionary& dict, const Ontology& ontology);

  // Reads tokens (with tags and parse), sentences, mentions, places, times
  // and quotes; appends to doc->events. Never fails on odd input: a broken
  // parse yields fewer events, not a crash.
  void Code(Document* doc) const;

 private:
  const PatternDictionary& dict_;
  const Ontology& ontology_;
};

}  // namespace annals::events
