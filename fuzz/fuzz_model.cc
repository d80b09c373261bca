// Fuzz target: the syntax model file (tagger, lemmatizer and parser
// weights): a damaged model must be refused, never read out of bounds.
#include "fuzz_util.h"
#include "syntax/syntax_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)annals::syntax::SyntaxModel::FromBytes(annals::fuzz::AsText(data, size), "fuzz.model");
  return 0;
}
