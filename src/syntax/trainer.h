// Training the syntax model from CoNLL-U treebanks: the engine behind
// `annals train syntax`.
//
// Steps: read train and dev; add news-shaped variants of train sentences
// (options.augment); collect the tag set (UPOS/XPOS pairs) and label set
// from train; train the tagger (best dev epoch); optionally re-tag the
// training set by k-fold jackknifing so the parser learns from tags as noisy
// as it will see; learn the lemmatizer tables; train the parser with dev
// tags predicted by the tagger (best dev LAS, early stopping). Every random
// choice draws from the fixed seed, so the same inputs give the same model
// file byte for byte.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "annals/status.h"
#include "syntax/augment.h"
#include "syntax/syntax_model.h"

namespace annals::syntax {

struct TrainSyntaxOptions {
  uint32_t seed = 1;
  int tagger_epochs = 12;
  int parser_epochs = 20;
  int parser_patience = 3;
  int jackknife = 0;       // folds for re-tagging train; 0 = parser sees gold tags
  float tagger_prune = 0;  // drop averaged weights with |w| below this
  float parser_prune = 0;
  // News-shaped variants of train sentences added to the tagger's and the
  // parser's training data (augment.h); each variant stays in its
  // original's jackknife fold. The lemmatizer learns from the originals.
  AugmentOptions augment;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const std::string& train_path,
                                                      const std::string& dev_path,
                                                      const TrainSyntaxOptions& options);

}  // namespace annals::syntax
