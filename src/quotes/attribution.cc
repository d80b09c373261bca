// QuoteIndex and AttributionOfQuote (see attribution.h).
#include "quotes/attribution.h"

namespace annals {

QuoteIndex::QuoteIndex(const DependencyView& tree) : tree_(tree) {
  const Document& doc = tree.doc();
  quote_at_.assign(doc.tokens.size(), -1);
  cue_token_.assign(doc.quotes.size(), -1);
  is_cue_.assign(doc.tokens.size(), 0);
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& quote = doc.quotes[q];
    if (quote.cue_span.end > quote.cue_span.begin) {
      const int32_t c = tree.TokenAtOrAfter(quote.cue_span.begin);
      if (c >= 0 && tree.tok(c).span.begin <= quote.cue_span.begin &&
          quote.cue_span.begin < tree.tok(c).span.end) {
        cue_token_[q] = c;
        is_cue_[static_cast<size_t>(c)] = 1;
      }
    }
    const int32_t first = tree.TokenAtOrAfter(quote.span.begin);
    if (first < 0) continue;
    for (int32_t t = first; t < tree.size() && tree.tok(t).span.end <= quote.span.end; ++t) {
      if (tree.tok(t).span.begin < quote.span.begin) continue;
      const int32_t old = quote_at_[static_cast<size_t>(t)];
      if (old < 0 || quote.span.size() < doc.quotes[static_cast<size_t>(old)].span.size()) {
        quote_at_[static_cast<size_t>(t)] = static_cast<int32_t>(q);
      }
    }
  }
}

int32_t QuoteIndex::SpeechCueOf(int32_t t) const {
  const int32_t q = QuoteAt(t);
  if (q < 0) return -1;
  const int32_t c = CueToken(q);
  return tree_.SameSentence(c, t) ? c : -1;
}

std::vector<int32_t> QuoteIndex::QuotesCuedBy(int32_t c) const {
  std::vector<int32_t> out;
  for (size_t q = 0; q < cue_token_.size(); ++q) {
    if (cue_token_[q] == c && c >= 0) out.push_back(static_cast<int32_t>(q));
  }
  return out;
}

Attribution AttributionOfQuote(const Document& doc, int32_t qi) {
  Attribution a;
  if (qi < 0 || static_cast<size_t>(qi) >= doc.quotes.size()) return a;
  const Quote& q = doc.quotes[static_cast<size_t>(qi)];
  a.speaker_text = q.speaker_text;
  a.quote = q.text;
  a.cue = q.cue;
  a.venue = q.venue;
  a.quote_index = qi;
  // A pronoun's ActorRef is resolved by the actors stage; when it was left
  // empty, its antecedent names the speaker.
  int32_t m = q.speaker;
  for (size_t hops = 0; hops < 16 && m >= 0 && static_cast<size_t>(m) < doc.mentions.size(); ++hops) {
    const Mention& men = doc.mentions[static_cast<size_t>(m)];
    if (!men.actor.code.empty() || !men.actor.name.empty() || men.antecedent < 0 || men.antecedent == m) {
      a.speaker = men.actor;
      break;
    }
    m = men.antecedent;
  }
  return a;
}

}  // namespace annals
