// Training-data augmentation for news: variants of treebank sentences in
// the shapes newswire has and the Web Treebank (reviews, e-mail, forums)
// rarely shows, with their trees rewritten so that every variant is still a
// correct UD analysis.
//
// Variants (docs/syntax.md, "News shapes"), each made from one training
// sentence and only where its conditions hold:
//   kBareSubject   "The protesters clashed ..." -> "Protesters clashed ...":
//                  a sentence-initial "the" before a plural common-noun
//                  subject is dropped (grammatical with plurals), so the
//                  tagger and parser see sentences opening on a bare noun.
//   kTemporal      a time adverbial between a subject and its finite verb:
//                  "The government today condemned ...", "... on Tuesday
//                  said ...", "... also ...", attached to the verb (obl /
//                  obl:unmarked / advmod as EWT annotates them).
//   kApposition    ", a <noun phrase> ," after a sentence-initial subject;
//                  the phrase is an indefinite noun phrase taken whole
//                  (with its tree) from another training sentence and
//                  attached as appos, commas as EWT attaches them.
//   kTitleCase     headline capitalisation: every word capitalised except
//                  short function words (DET, ADP, CCONJ, PART, SCONJ of at
//                  most 3 letters) after the first.
//   kLowerCase     everything in lower case.
// Tags, lemmas, features and relations of the original words are kept.
//
// Deterministic: whether a sentence gets a variant, and which phrase is
// inserted, is a hash of (seed, sentence index, variant), not a random
// stream, so the output depends only on the input and the options.
#pragma once

#include <cstdint>
#include <vector>

#include "syntax/conllu.h"

namespace annals::syntax {

struct AugmentOptions {
  uint32_t seed = 1;
  // Share of eligible sentences that get each variant (0 = none).
  double bare_subject = 0;
  double temporal = 0;
  double apposition = 0;
  double title_case = 0;
  double lower_case = 0;
  bool any() const {
    return bare_subject > 0 || temporal > 0 || apposition > 0 || title_case > 0 || lower_case > 0;
  }
};

struct AugmentCounts {
  size_t bare_subject = 0, temporal = 0, apposition = 0, title_case = 0, lower_case = 0;
};

// The variants of `sentences` (not the originals). (*origin)[i] is the index
// in `sentences` of the sentence variant i was made from (for keeping a
// variant in its original's jackknife fold).
std::vector<ConlluSentence> AugmentForNews(const std::vector<ConlluSentence>& sentences,
                                           const AugmentOptions& options,
                                           std::vector<size_t>* origin, AugmentCounts* counts);

// Variant makers, exposed for tests; each returns false (and leaves *out
// unspecified) when the sentence does not have the shape it needs.
bool DropSentenceInitialDeterminer(const ConlluSentence& s, ConlluSentence* out);
// `phrase` is one of TemporalPhrases().
bool InsertTemporal(const ConlluSentence& s, const std::vector<ConlluWord>& phrase,
                    ConlluSentence* out);
// `np` is a noun phrase as words whose heads are 1-based within `np` (0
// for its head word), e.g. one returned by IndefiniteNounPhrases().
bool InsertApposition(const ConlluSentence& s, const std::vector<ConlluWord>& np,
                      ConlluSentence* out);
void TitleCase(const ConlluSentence& s, ConlluSentence* out);
void LowerCase(const ConlluSentence& s, ConlluSentence* out);

// The time adverbials kTemporal inserts, as words with heads local to the
// phrase (0 for the word attached to the verb).
const std::vector<std::vector<ConlluWord>>& TemporalPhrases();
// Indefinite noun phrases ("a close ally of the president") found in
// `sentences`: contiguous subtrees of 2-8 words headed by a singular common
// noun, opening with "a"/"an", without punctuation.
std::vector<std::vector<ConlluWord>> IndefiniteNounPhrases(const std::vector<ConlluSentence>& sentences);

}  // namespace annals::syntax
