// Argument finding: the source and target actors of a trigger.
//
//  * Source (verb trigger): the subject; the "by" agent of a passive;
//    inherited through xcomp (the object for object-control verbs: "urged X
//    to ..."), conj, advcl and relative clauses; an actor the parser took
//    for a pre-verbal vocative; the actor that opens the sentence for a
//    coordinated verb whose subject the tree does not reach. A pronoun
//    subject of reported speech ("Iran said it was ready") and the
//    `source=speaker` slot take the speaker of the quote the trigger lies
//    in (the quotes stage owns speakers: quotes/attribution.h).
//  * Source (noun trigger): possessor or actor modifier ("Russian
//    strikes"), else the subject of the light verb governing the noun ("X
//    held talks"), else the clause subject for a PP ("Regarding the call
//    with Putin, Trump said").
//  * Target: the pattern's slots in order, else the default order
//    kDefaultTargetSlots (iobj, obj, obl with with/to/against/on/from/for/at/
//    into, the passive subject, then "deep": the nearest actor below the
//    objects and complements, passing over actors of the source's own
//    country). An event of a code whose place is its target (word list
//    place_target_code: aid, ceasefires, deployments, coercion, violence)
//    that still has none takes the country or place named in its "in /
//    across" phrase, or its object's ("deployed observers in Zimbabwe",
//    "declared a ceasefire in Colombia"; place_target_prep).
//  * Pairs: one (source, target) pair per conjoined actor; symmetric
//    triggers ("A and B met", "talks between A and B") give both orders.
//  * Unknown perpetrator: a material-conflict event (quad class 4) whose
//    perpetrator the text does not name -- a passive without an actor agent
//    ("12 soldiers were killed"), or a subject that names a means or an
//    event rather than anyone ("a car bomb killed", "attacks killed"; a
//    subjectless participle has its governor's: "a bomb explodes, killing") -- has
//    the unknown source kUnknownActor (code ---UAF), provided it has a
//    victim (any actor or role mention, "people" and "civilians" included),
//    nothing in its clause names an accidental or natural cause (word list
//    accidental_cause: "killed in an earthquake") unless it also names a
//    violent means ("a bomb exploded", "opened fire"), and something implies a
//    perpetrator: the verb ("shelled", perpetrator_verb), a violent means
//    in its clause ("in an airstrike", violent_means) or combatant victims
//    ("soldiers", combatant_sector) -- accidents kill too.
// Each rule that fires leaves a note ("source:nsubj", "target:obl:with")
// and the less certain ones lower the confidence.
//
// Lifetime: borrows the CoderSentence and QuoteIndex. Thread safety: const.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "events/coder_sentence.h"
#include "events/pattern_dictionary.h"
#include "quotes/attribution.h"

namespace annals::events {

// The source of an event whose perpetrator the text does not name, in
// Arguments::pairs (never a Document::mentions index).
inline constexpr int32_t kUnknownActor = -2;

// What the finder found for one trigger.
struct Arguments {
  std::vector<std::pair<int32_t, int32_t>> pairs;  // (source, target) mentions; target -1 = none
  std::vector<std::string> notes;                  // evidence notes
  double confidence = 1.0;
};

class ArgumentFinder {
 public:
  ArgumentFinder(const CoderSentence& s, const QuoteIndex& quotes) : s_(s), quotes_(quotes) {}

  // Arguments of a verbal (or adjectival) trigger at t. `material_conflict`
  // (the code's quad class is 4) allows the unknown perpetrator.
  void VerbArgs(const Pattern& p, int32_t t, Arguments* out, bool material_conflict = false) const;
  // Arguments of a noun trigger at n ("talks", "strikes").
  void NounArgs(const Pattern& p, int32_t n, Arguments* out) const;

 private:
  int32_t SubjectOf(int32_t v, std::vector<std::string>* notes, double* conf, int depth = 0) const;
  // The first token of a political actor mention that opens the sentence,
  // before its first verb and before token `before`; -1 if none.
  int32_t SentenceOpeningActor(int32_t before) const;
  // The political actors speaking the quote token t lies in (a quote cued in
  // t's sentence): the quote's speaker, or the actors its phrase names.
  std::vector<int32_t> QuoteSpeakers(int32_t t) const;
  std::vector<int32_t> TargetsBySlot(int32_t t, const TargetSlot& slot, const std::vector<int32_t>& sources,
                                     std::vector<std::string>* notes) const;
  std::vector<int32_t> DeepTargets(std::vector<int32_t> frontier, const std::vector<int32_t>& sources) const;
  void SpeakerForPronoun(int32_t t, int32_t subj, std::vector<int32_t>* sources, Arguments* out) const;
  // True when the event at t has a perpetrator the text does not name (see
  // above); false when its subject names someone or a cause is accidental.
  bool UnnamedPerpetrator(int32_t t) const;
  // True when the act at t implies someone did it: a perpetrator verb, a
  // violent means in its clause, or combatants among its victims.
  bool ImpliesPerpetrator(int32_t t, const std::vector<int32_t>& victims) const;
  // A political actor compounded onto x from its left ("army" in "army
  // conducts airstrikes", parsed as one compound), or -1.
  int32_t CompoundActor(int32_t x) const;
  // The governing verb of a subjectless participle or conjunct (-1 if none),
  // the words of t's clause (with that governor and its subject), and
  // whether they name a violent means not named accidental.
  int32_t InheritedClause(int32_t t) const;
  std::vector<int32_t> ClauseWords(int32_t t) const;
  bool ViolentClause(int32_t t) const;
  // The victims of t: actor or role mentions (any sector, any country) in
  // its passive subject or object.
  std::vector<int32_t> Victims(int32_t t) const;
  // The countries and places of t's (or its object's) place phrase, for a
  // code whose place is its target (see above); empty otherwise.
  std::vector<int32_t> PlaceTargets(const Pattern& p, int32_t t) const;
  void Pair(const std::vector<int32_t>& sources, const std::vector<int32_t>& targets, bool reciprocal,
            Arguments* out) const;

  const CoderSentence& s_;
  const QuoteIndex& quotes_;
};

}  // namespace annals::events
