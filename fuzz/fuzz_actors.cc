// Fuzz target: an .actors dictionary text (first byte 0) or a roles.tsv
// text (first byte 1), then the dictionary's Finish() pass.
#include "actors/actor_dictionary.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  annals::ActorDictionary dict;
  std::vector<annals::DictionaryIssue> issues;
  const std::string_view text = annals::fuzz::AsText(data + 1, size - 1);
  if (data[0] & 1) {
    dict.AddRoleNouns(text, "fuzz/roles.tsv", &issues);
  } else {
    dict.AddText(text, "fuzz/a.actors", &issues, (data[0] & 2) != 0);
  }
  dict.Finish(&issues);
  return 0;
}
