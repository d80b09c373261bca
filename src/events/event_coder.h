// The event coder: finds pattern triggers in each parsed sentence, takes the
// source and target from the dependency structure and the actor mentions,
// decides the modality and attribution, and appends Event records.
//
// Rules, in the order the coder applies them (docs/coding.md has the full
// account with examples):
//  * Noise control: a sentence with no political actor mention yields
//    nothing; a mention is political when it has a CAMEO code and a country
//    or is an IGO / organisation / armed group / party (so "officials" with
//    no country never becomes an actor). Trigger words inside an actor
//    mention ("the Coalition of the Willing") are not triggers.
//  * Trigger choice: of the patterns for a token's lemma whose constraints
//    hold, the most specific (most constraints) wins; ties go to file order.
//  * Source: the subject; the "by" agent of a passive; inherited through
//    xcomp (object control for urge/ask/...), conj, advcl and relative
//    clauses. Noun events: possessor or actor modifier ("Russian strikes"),
//    else the subject of the light verb governing the noun ("X held talks").
//  * Target: the pattern's slots, else iobj, obj, obl/nmod with
//    with/to/against/on/from/for/at/into, the passive subject, then an actor
//    deeper in the object or complement ("rejects the idea of troops for
//    Ukraine"). "between A and B" and "A and B met" are reciprocal: one
//    record per ordered pair. Conjoined actors give one record per pair.
//  * Absorption: appeals, intents, demands, disapprovals, rejections and
//    threats (roots 02 03 10 11 12 13, and patterns marked `absorb`) absorb
//    the events in their complements ("refused to meet" is one 125, not
//    125 + 040); a noun event that is another verb's object is its theme.
//  * Reported speech: a speech cue (pattern option `speech`) attributes the
//    events in its complement to its speaker; it is coded itself (010) only
//    when its complement carries no event and names another actor.
//  * Modality, from the trigger's clause and its governors: negated >
//    hypothetical > planned > historical > reported > asserted. Planned or
//    hypothetical cooperation is recoded as the matching intent code
//    (040 -> 036, 05x -> 032, 062 -> 0312, 071 -> 0331, ...) unless the pattern names
//    its own `intent=`.
//  * One record per (source, target, code, modality) per sentence; a record
//    without target is dropped when the same source has the same root with a
//    target in that sentence.
//
// Thread-safety: Code() is const; the coder holds only immutable tables and
// may be shared by threads. The dictionary must outlive the coder.
#pragma once

#include <functional>
#include <string_view>

#include "annals/document.h"
#include "events/pattern_dictionary.h"

namespace annals::events {

class EventCoder {
 public:
  // `known_code` says whether a CAMEO code exists (used for the derived
  // intent codes; a derived code that does not exist keeps the base code).
  EventCoder(const PatternDictionary& dict, std::function<bool(std::string_view)> known_code);

  // Reads tokens (with tags and parse), sentences, mentions, places, times
  // and quotes; appends to doc->events. Never fails on odd input: a broken
  // parse yields fewer events, not a crash.
  void Code(Document* doc) const;

 private:
  const PatternDictionary& dict_;
  std::function<bool(std::string_view)> known_code_;
};

}  // namespace annals::events
