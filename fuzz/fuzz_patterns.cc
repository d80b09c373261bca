// Fuzz target: a .patterns verb-pattern file parsed into a dictionary
// (checks, constraints, particles, imported ranks).
#include "events/pattern_dictionary.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::unique_ptr<annals::events::PatternDictionary> dict = annals::events::PatternDictionary::Empty();
  std::vector<std::string> errors;
  const std::string_view text = annals::fuzz::AsText(data, size);
  dict->Parse(text, "fuzz.patterns", nullptr, &errors, size % 2 == 1);
  return 0;
}
