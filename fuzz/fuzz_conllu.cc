// Fuzz target: CoNLL-U treebank text (training and evaluation input).
#include "fuzz_util.h"
#include "syntax/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)annals::syntax::ParseConllu(annals::fuzz::AsText(data, size), "fuzz.conllu");
  return 0;
}
