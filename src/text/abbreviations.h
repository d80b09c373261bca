// Abbreviations that keep their final period, and the words that make an
// abbreviation-final period end a sentence.
#pragma once

#include <string_view>

namespace annals::text {

enum class AbbrevKind {
  kNone,      // not an abbreviation: the period is a full stop
  kTitle,     // Mr. Dr. Gen. Sen.: a name follows, never ends a sentence
  kOrdinary,  // U.S. Inc. etc. p.m.: may end a sentence
};

// `word` includes its final period, e.g. "Gen." or "U.S.".
AbbrevKind ClassifyAbbreviation(std::string_view word);

// Capitalised words that typically start a sentence ("The", "He", "But").
bool IsSentenceStarter(std::string_view word);

}  // namespace annals::text
