// Scoring against a gold treebank with the CoNLL 2018 shared task
// definitions: system and gold words are aligned by their character
// offsets over the non-whitespace text (words inside multiword tokens by
// the longest common subsequence of their forms, as the official script
// does), and each metric is the F1 of the words correct for it:
//   UPOS, XPOS     aligned and tag equal
//   Lemmas         aligned and lemma equal (a gold "_" matches anything)
//   UAS            aligned and the system head is aligned to the gold head
//   LAS            UAS and the universal part of the relation equal
//                  ("nsubj:pass" scores as "nsubj")
// With gold tokenization every word aligns and F1 equals accuracy.
#pragma once

#include <string>
#include <vector>

#include "annals/config.h"
#include "annals/document.h"
#include "annals/status.h"
#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace annals::syntax {

struct EvalScores {
  double tokens = 0, sentences = 0, words = 0;
  double upos = 0, xpos = 0, lemmas = 0, feats = 0, uas = 0, las = 0;
  size_t gold_words = 0, system_words = 0;
  std::string ToString() const;  // one line per metric
};

EvalScores EvaluateConllu(const std::vector<ConlluSentence>& gold,
                          const std::vector<ConlluSentence>& system);

// The gold sentences re-analysed by `model` from their gold words, on
// `threads` threads (the result does not depend on their number).
std::vector<ConlluSentence> AnalyzeGoldTokens(const SyntaxModel& model,
                                              const std::vector<ConlluSentence>& gold, int threads = 1);

// The raw text of a treebank: token forms joined by their SpaceAfter
// marks, sentences by a space, paragraphs ("# newpar", "# newdoc") by a
// blank line.
std::string RawTextOf(const std::vector<ConlluSentence>& gold);

// Runs the text stage and then the syntax stage (model from `config`) over
// RawTextOf(gold) and scores the result; *system (optional) receives the
// system's sentences. The syntax stage shares the sentences among `threads`
// threads (same result for any number). The parser is scored as it parses
// (no tree repair) unless `repaired`: then the tree every later stage reads
// is scored, which tells whether a repair (syntax/tree_repair.h) fixes more
// than it breaks.
Result<EvalScores> EvaluateRawText(const Config& config, const std::vector<ConlluSentence>& gold,
                                   std::vector<ConlluSentence>* system, int threads = 1,
                                   bool repaired = false);

// A processed document as CoNLL-U sentences (one word per token; heads
// turned sentence-relative; SpaceAfter=No where there is no space;
// contractions the tokenizer split, "don't" -> do n't, grouped as
// multiword tokens as UD English writes them). The document's furniture,
// which no sentence holds, comes first as comments of the first sentence,
// in text order: "# headline = ...", "# dateline = ...", then the
// dateline's parts ("# dateline_place = KYIV, Ukraine", "# dateline_date",
// "# dateline_agency").
std::vector<ConlluSentence> DocumentToConllu(const Document& doc);

}  // namespace annals::syntax
