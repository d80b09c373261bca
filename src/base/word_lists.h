// Word lists: the one loader for the language and domain word lists in
// data/lang/<language>/*.tsv (speech cues, modal auxiliaries, prepositions,
// casualty cues, titles, month names...), so that a political scientist can
// add a word without a compiler.
//
// File format (annals-wordlist v1; docs/formats/wordlists.md): a TSV table
// (base/tsv.h) with the columns
//   list    the list the word belongs to, one of the names the reading stage
//           declares (e.g. "cue", "medium_noun")
//   word    the word or phrase, lower case as matched ("say", "make+clear"
//           for a verb with a dependent, "fox news")
//   value   optional: what the word maps to ("say" for the form "said", a
//           number, a code); "" when the list takes none
//   note    optional, free text for the reader
// A row with an unknown list name, an empty word or a duplicate (list, word)
// is reported as "path:line:col: message 'text'" and skipped; the rest load.
//
// Typed handles: a reader declares its lists as an enum and their names in
// the same order; WordLists::Contains(list, word) takes the enum, so a
// misspelt list is a compile error in C++ and a load error in the data.
//
// Thread safety: immutable after Load; lookups are const.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"

namespace annals {

// Hash for string-keyed maps that are looked up by string_view without
// building a string (C++20 heterogeneous lookup).
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class WordLists {
 public:
  // Loads `path`; `names[i]` is the name of list i. Row problems go to
  // *warnings (path:line:col) and skip the row; fails only when the file
  // cannot be read or lacks the list/word columns.
  static Result<WordLists> Load(const std::string& path, std::span<const std::string_view> names,
                                std::vector<std::string>* warnings);
  // Adds the rows of another file (same rules), e.g. a user's extra list.
  Status Add(const std::string& path, std::vector<std::string>* warnings);

  template <typename E>
  bool Contains(E list, std::string_view word) const {
    return Find(static_cast<size_t>(list), word) != nullptr;
  }
  // The row's value, "" when absent or when the word is not in the list.
  template <typename E>
  std::string_view Value(E list, std::string_view word) const {
    const std::string* v = Find(static_cast<size_t>(list), word);
    return v == nullptr ? std::string_view() : std::string_view(*v);
  }
  // The words of a list in file order.
  template <typename E>
  const std::vector<std::string>& Words(E list) const {
    static const std::vector<std::string> kNone;
    const auto i = static_cast<size_t>(list);
    return i < order_.size() ? order_[i] : kNone;
  }
  // Every file read, for provenance.
  const std::vector<std::string>& files() const { return files_; }

 private:
  const std::string* Find(size_t list, std::string_view word) const;

  std::vector<std::string> names_;
  std::vector<std::unordered_map<std::string, std::string, StringViewHash, std::equal_to<>>> lists_;  // word -> value
  std::vector<std::vector<std::string>> order_;
  std::vector<std::string> files_;
};

}  // namespace annals
