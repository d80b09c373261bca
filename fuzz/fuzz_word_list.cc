// Fuzz target: a word-list TSV (data/lang/en/*.tsv format) read by
// WordLists, then looked up.
#include <array>

#include "base/word_lists.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = annals::fuzz::WriteTemp(annals::fuzz::AsText(data, size), ".tsv");
  static constexpr std::array<std::string_view, 3> kNames = {"verb", "noun", "title"};
  std::vector<std::string> warnings;
  annals::Result<annals::WordLists> lists = annals::WordLists::Load(path, kNames, &warnings);
  if (lists.ok()) {
    (void)lists->Contains(0, "the");
    (void)lists->Value(1, "x");
  }
  return 0;
}
