// Trigger matching: which pattern, if any, a token of the sentence triggers.
//
// A pattern matches a token when the token's lemma is the pattern's trigger
// lemma, its part of speech fits (/V also takes a past form the tagger
// called a noun; /A takes a participle), its particles are dependents of the
// token or case markers of one ("call on X"), and every constraint holds
// (obj=, iobj=, subj=, xcomp=, obl:<prep>=, mod=, sub=, neg; lemma lists,
// ACTOR, PLACE, * and - as docs/formats/patterns.md says). Of the patterns
// that match, the most specific (most constraints and particles) wins; ties
// go to file order.
//
// Lifetime: borrows the CoderSentence. Thread safety: const, no state.
#pragma once

#include <cstdint>
#include <vector>

#include "events/coder_sentence.h"
#include "events/pattern_dictionary.h"

namespace annals::events {

class TriggerMatcher {
 public:
  explicit TriggerMatcher(const CoderSentence& s) : s_(s) {}

  // The best pattern token t triggers, or null; *particles receives the
  // particle tokens it used (for evidence).
  const Pattern* Match(int32_t t, std::vector<int32_t>* particles) const;

 private:
  bool PosOk(const Pattern& p, int32_t t) const;
  bool FindParticles(const Pattern& p, int32_t t, std::vector<int32_t>* found) const;
  bool ConstraintOk(const Constraint& c, int32_t t) const;
  bool ArgOk(const Constraint& c, int32_t a) const;

  const CoderSentence& s_;
};

}  // namespace annals::events
