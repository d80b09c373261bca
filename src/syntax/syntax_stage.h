// The syntax stage: POS tags, lemmas, features and a labeled dependency tree
// for every sentence.
//
// Needs: kLayerTokens | kLayerSentences (Token::form; Sentence::token_begin/
// token_end). Fills: kLayerTags | kLayerParse -- for every token of every
// sentence, Token::upos (UD), xpos (PTB), lemma, feats ("_" if none), head
// (document-level token index; -1 for the root of its sentence) and deprel
// (full UD label such as "nsubj:pass"; "root" for the root). Each sentence
// gets a tree (no cycles, no head outside the sentence), repaired as
// syntax/tree_repair.h says: this repaired tree is the one every later stage
// reads. Parsing is linear in the sentence length, so long sentences cost no
// more per token.
//
// Model: Config::syntax_model, or <data_dir>/models/syntax-en.model where
// data_dir is Config::data_dir or DefaultDataDir(); the lemmatizer's WordNet
// lexicon: <data_dir>/lang/en. A missing, corrupt or mismatched model or
// lexicon makes CreateSyntaxStage fail with a DataError naming the file.
//
// Thread-safety: Process() is const and may run on several documents at
// once; the loaded model is shared read-only. ProcessSentencesInParallel
// shares one document's sentences among threads.
#pragma once

#include <memory>
#include <string>

#include "annals/config.h"
#include "annals/stage.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateSyntaxStage(const Config& config);

// The same stage without tree repair: the parser's own output, for scoring
// the parser (`annals eval syntax`). Nothing else should read this tree.
Result<std::unique_ptr<Stage>> CreateUnrepairedSyntaxStage(const Config& config);

// What stage.Process(doc) does, with the sentences shared among `threads`
// threads (each analyses whole sentences and writes only their tokens): the
// same result, for one long document (`annals parse`, `eval syntax --raw`).
// A stage that is not one of the two above is run as is.
Status ProcessSentencesInParallel(const Stage& stage, Document* doc, int threads);

// The model path the stage would load for `config`.
std::string SyntaxModelPath(const Config& config);
// The directory of the lemmatizer's WordNet lexicon for `config`.
std::string LexiconDir(const Config& config);

}  // namespace annals
