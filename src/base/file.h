// Whole-file reads and data-directory lookup.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals {

// Reads a whole file (binary-safe). NotFound / IoError name the path.
Result<std::string> ReadFile(const std::string& path);

// A whole file mapped read-only into memory: for large binary forms read
// once at start-up, whose bytes are copied straight into their tables (no
// zeroed buffer, no second copy). The view is valid as long as the object;
// the file must not be truncated meanwhile. An empty file maps to an empty
// view. Not copyable (it owns the mapping); movable through unique_ptr.
class MappedFile {
 public:
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view data() const { return data_; }

 private:
  MappedFile() = default;
  std::string_view data_;
  void* map_ = nullptr;
};

// The directory holding Annals' shipped data (ontology, dictionaries,
// models). In order: $ANNALS_DATA; <executable dir>/../share/annals/data
// (an installed build); the source tree's data/ compiled in at build time.
std::string DefaultDataDir();

// Joins a directory and a relative path with one '/'.
std::string JoinPath(const std::string& dir, const std::string& rel);

}  // namespace annals
