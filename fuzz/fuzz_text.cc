// Fuzz target: raw document bytes through the text stage -- UTF-8 repair,
// NFC, tokenizer and sentence splitter. Every token and sentence must lie
// inside the text.
#include <cstdlib>

#include "fuzz_util.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::Document doc;
  doc.id = "fuzz";
  if (!annals::NormalizeText(annals::fuzz::AsText(data, size), &doc).ok()) return 0;
  annals::Tokenize(&doc);
  for (const annals::Token& t : doc.tokens) {
    if (t.span.begin > t.span.end || t.span.end > doc.text.size()) std::abort();
  }
  return 0;
}
