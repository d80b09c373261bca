// CoNLL-U reading and writing: the format of the UD treebanks the syntax
// models are trained and scored on, and the output of `annals parse`.
//
// Only the basic tree is kept: words (integer ids), the multiword-token
// ranges that group them ("1-2 don't"), and the sentence comments. Empty
// nodes of the enhanced graph ("8.1") are skipped; the DEPS column is kept
// verbatim but never interpreted. Reading never throws and never stops at the
// first bad line: each malformed line is reported as "path:line: message
// 'text'" and the sentence it belongs to is dropped, so the rest still loads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::syntax {

struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  int head = 0;  // 0 = root, else 1-based id within the sentence
  std::string deprel;
  std::string deps;
  std::string misc;
};

// A multiword token covering words [first, last] (1-based, inclusive).
struct ConlluRange {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // lines without the leading "# "
  std::vector<ConlluWord> words;      // words[i] has id i + 1
  std::vector<ConlluRange> ranges;    // in order of their first word
  size_t line = 0;                    // line of the first word in the file

  // Value of the "# key = value" comment, or "" when absent.
  std::string_view Comment(std::string_view key) const;
  // True if "SpaceAfter=No" is set on the token ending at word `id`
  // (the range's MISC when the word ends a multiword token).
  bool NoSpaceAfter(int id) const;
};

struct ConlluReadResult {
  std::vector<ConlluSentence> sentences;
  std::vector<std::string> errors;  // "path:line: message 'text'"
};

// Parses CoNLL-U text; `path` names it in messages. A malformed sentence is
// reported in `errors` and skipped; the others are returned.
ConlluReadResult ParseConllu(std::string_view text, std::string_view path);

// Reads a file; NotFound/IoError if it cannot be read. Data errors inside
// the file are in the result's `errors`, not in the status.
Result<ConlluReadResult> ReadConllu(const std::string& path);

// Appends one sentence in CoNLL-U (comments, ranges, words, blank line).
void WriteConllu(const ConlluSentence& sentence, std::string* out);

// True if `misc` has "SpaceAfter=No" among its '|' separated items.
bool MiscHasNoSpace(std::string_view misc);

}  // namespace annals::syntax
