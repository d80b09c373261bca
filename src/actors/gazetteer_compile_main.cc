// annals_gazetteer_compile DIR OUT: parses the gazetteer text in DIR
// (data/gazetteer) and writes its precomputed form to OUT. The build runs
// it whenever a file of DIR or the loader changes (src/actors/CMakeLists.txt);
// by hand: build/src/actors/annals_gazetteer_compile data/gazetteer
// build/data/gazetteer/gazetteer.bin. Exit 0 on success, 1 on bad usage or
// when the text does not load.
#include <cstdio>
#include <string>
#include <vector>

#include "actors/gazetteer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: annals_gazetteer_compile DIR OUT\n");
    return 1;
  }
  const std::string dir = argv[1], out = argv[2];
  std::vector<annals::DictionaryIssue> issues;
  annals::Result<std::unique_ptr<annals::Gazetteer>> gaz = annals::Gazetteer::LoadText(dir, &issues);
  if (!gaz.ok()) {
    std::fprintf(stderr, "annals_gazetteer_compile: %s\n", gaz.status().message().c_str());
    return 1;
  }
  const annals::Status written = (*gaz)->WritePrecomputed(dir, issues, out);
  if (!written.ok()) {
    std::fprintf(stderr, "annals_gazetteer_compile: %s\n", written.message().c_str());
    return 1;
  }
  return 0;
}
