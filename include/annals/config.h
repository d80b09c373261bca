// Options shared by the stages when they are built. Every stage factory takes
// a Config; a stage reads only the fields it needs.
#pragma once

#include <string>

namespace annals {

struct Config {
  // Directory of shipped data (ontology/, actors/, patterns/, models/,
  // gazetteer/). "" means DefaultDataDir() (base/file.h).
  std::string data_dir;
  // Goldstein table: "gdelt" (default), "icews" or "phoenix".
  std::string goldstein_table = "gdelt";
  // Syntax model file; "" means <data_dir>/models/syntax-en.model.
  std::string syntax_model;
  // Extra actor dictionaries loaded after the shipped ones (user entries).
  std::string extra_actor_dictionary;
};

}  // namespace annals
