// Whole-file reads and data-directory lookup.
#pragma once

#include <string>

#include "annals/status.h"

namespace annals {

// Reads a whole file (binary-safe). NotFound / IoError name the path.
Result<std::string> ReadFile(const std::string& path);

// The directory holding Annals' shipped data (ontology, dictionaries,
// models). In order: $ANNALS_DATA; <executable dir>/../share/annals/data
// (an installed build); the source tree's data/ compiled in at build time.
std::string DefaultDataDir();

// Joins a directory and a relative path with one '/'.
std::string JoinPath(const std::string& dir, const std::string& rel);

}  // namespace annals
