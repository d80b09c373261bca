// Modality: whether an event happened, is planned, hypothetical, negated,
// historical or only reported -- read from the trigger's clause and the
// clauses that govern it.
//
// The clause of a noun event is the verb that governs it ("will hold a
// meeting"); a participle modifying a noun takes that noun phrase's clause.
// In the clause: negation -> negated; will/shall -> planned; could/might/
// may/would, if/whether/unless -> hypothetical (a backshifted "would" in
// reported speech is planned); hedge adverbs and "according to" ->
// reported; background adverbs, a pluperfect outside reported speech and a
// date more than a year before the document -> historical. Up the
// governors: xcomp of a planned/hypothetical governor ("plans to meet"),
// ccomp of a negating governor ("denied that"), a hypothetical noun ("the
// possibility of"), a speech cue whose subject is a hedge ("sources say").
// When several apply: negated > hypothetical > planned > historical >
// reported > asserted. Each marker leaves a note ("modality:will").
//
// Reported speech is the quotes stage's (quotes/attribution.h): a token is
// under speech when it lies in a quote whose cue stands in its sentence.
//
// Lifetime: borrows the CoderSentence and QuoteIndex. Thread safety: const.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "annals/document.h"
#include "events/coder_sentence.h"
#include "quotes/attribution.h"

namespace annals::events {

class ModalityReader {
 public:
  ModalityReader(const CoderSentence& s, const QuoteIndex& quotes) : s_(s), quotes_(quotes) {}

  // The modality of the event triggered at t; appends a note per marker.
  // `all`, when given, receives every modality marked, not only the one
  // that wins ("will not lift" is negated and planned: a refusal).
  Modality ModalityOf(int32_t t, std::vector<std::string>* notes, std::set<Modality>* all = nullptr) const;

 private:
  int32_t ClauseOf(int32_t t) const;
  void ClauseMarkers(int32_t c, std::set<Modality>* flags, std::vector<std::string>* notes,
                     bool under_speech) const;

  const CoderSentence& s_;
  const QuoteIndex& quotes_;
};

}  // namespace annals::events
