// WordNet's lemma index and irregular forms, as the lemmatizer reads them.
//
// Data: <dir>/wordnet-lemmas.tsv (one-word lemmas with their parts of
// speech and the capitalised spelling WordNet gives some of them) and <dir>/wordnet-exceptions.tsv (irregular form -> lemmas per part
// of speech), generated from WordNet 3.0 by scripts/extract_wordnet.py;
// format in docs/formats/wordnet.md. The shipped dir is <data>/lang/en.
//
// Loading fails with a DataError naming the file when one is missing, and
// with "path:line:col: message 'text'" for a bad row (unknown part of
// speech, empty or repeated entry). Words are looked up as given: callers
// lower-case them first (the index is lower-case).
//
// Thread-safety: immutable after loading; lookups are const and may run
// from several threads at once. Share one instance (std::shared_ptr).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"

namespace annals::syntax {

enum class WordNetPos : uint8_t { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };

class WordNet {
 public:
  // Reads <dir>/wordnet-lemmas.tsv and <dir>/wordnet-exceptions.tsv.
  static Result<std::shared_ptr<const WordNet>> Load(const std::string& dir);
  // Same from text in memory; the paths name the texts in messages.
  static Result<std::shared_ptr<const WordNet>> Parse(std::string lemmas_text,
                                                      const std::string& lemmas_path,
                                                      std::string exceptions_text,
                                                      const std::string& exceptions_path);

  // Whether `word` is a lemma of the index for `pos`.
  bool IsLemma(std::string_view word, WordNetPos pos) const;
  // WordNet's capitalised spelling of the lemma `word` for `pos` ("african"
  // -> "African"), or "" when it writes it in lower case.
  std::string_view CasedSpelling(std::string_view word, WordNetPos pos) const;
  // The lemmas WordNet lists for the irregular form `word` of `pos`, in its
  // order; nullptr when the form is not an exception.
  const std::vector<std::string>* Exceptions(std::string_view word, WordNetPos pos) const;

  size_t lemma_count() const { return lemmas_.size(); }
  size_t exception_count() const { return exception_count_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Exceptions4 = std::array<std::vector<std::string>, 4>;
  struct Entry {
    uint8_t pos = 0;        // bit per WordNetPos
    uint8_t cased_pos = 0;  // parts of speech spelled `cased`
    std::string cased;
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> lemmas_;
  std::unordered_map<std::string, Exceptions4, Hash, std::equal_to<>> exceptions_;
  size_t exception_count_ = 0;
};

}  // namespace annals::syntax
