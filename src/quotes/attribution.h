// Attribution: what the quotes stage found, as later stages read it. The
// quotes stage owns who said what (speaker, cue, venue); the events stage
// reads it here and never re-derives a speaker from the parse, so an
// event's attribution can never disagree with its quote record.
//
// QuoteIndex maps each token to the innermost quote whose content contains
// it and each quote to its cue token. AttributionOfQuote builds the
// Attribution an event inside that quote carries.
//
// Lifetime: a QuoteIndex borrows the DependencyView (and its Document),
// which must outlive it. Thread safety: const methods may be called from
// several threads.
#pragma once

#include <cstdint>
#include <vector>

#include "annals/document.h"
#include "model/dependency_view.h"

namespace annals {

class QuoteIndex {
 public:
  explicit QuoteIndex(const DependencyView& tree);

  // The innermost (shortest) quote whose content contains token t, or -1.
  int32_t QuoteAt(int32_t t) const { return quote_at_[static_cast<size_t>(t)]; }
  // The cue token of quote q ("said"), or -1 when it has none.
  int32_t CueToken(int32_t q) const { return cue_token_[static_cast<size_t>(q)]; }
  // The cue that reports token t in t's own sentence: the cue token of the
  // innermost quote containing t, when that cue stands in the same
  // sentence; -1 otherwise.
  int32_t SpeechCueOf(int32_t t) const;
  // The quotes whose cue is token c, in text order.
  std::vector<int32_t> QuotesCuedBy(int32_t c) const;
  // True when token t is the cue of some quote.
  bool IsCue(int32_t t) const { return is_cue_[static_cast<size_t>(t)] != 0; }

 private:
  const DependencyView& tree_;
  std::vector<int32_t> quote_at_;
  std::vector<int32_t> cue_token_;
  std::vector<uint8_t> is_cue_;
};

// The attribution of an event inside quote q: its speaker (the mention's
// actor, following coreference when the mention itself names none), the
// speaker as written, the quote text, the cue lemma and the venue.
Attribution AttributionOfQuote(const Document& doc, int32_t q);

}  // namespace annals
