// Numbers as news text writes them: "40", "1,200", "2.5", "five",
// "twenty-five", "a hundred", "two dozen", "one hundred and twenty",
// "5 million". Shared by the time recogniser ("two weeks") and the amounts
// recogniser ("100 billion dollars").
//
// Values are doubles; anything that does not give a finite value below
// kMaxNumber (digit strings of any length included) is "no number", never
// an overflow. Thread-safe (pure functions over immutable tables).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "time/lexer.h"

namespace annals::timex {

constexpr double kMaxNumber = 1e18;

struct NumberMatch {
  double value = 0;
  size_t end = 0;        // one past the last lexeme used
  bool digits = false;   // written with digits ("40"), not words ("forty")
  bool integer = true;   // no decimal part
};

// Parses "1,200", "2.5", "40" (thousands commas must group by three).
std::optional<double> ParseDigitString(std::string_view s);

// Value of a number word ("five" -> 5, "twenty" -> 20, "hundred" -> 100,
// "million" -> 1e6, "dozen" -> 12); nullopt otherwise.
std::optional<double> NumberWordValue(std::string_view w);

// Scale words that multiply a number before them: thousand, million,
// billion, trillion (and, when `abbrev`, the money abbreviations k, m, mn,
// mln, bn, bln, tn, trn).
std::optional<double> ScaleWordValue(std::string_view w, bool abbrev);

// Longest number starting at lexeme i of lx[0..end): digits followed by
// scale words ("5 million"), or a run of number words ("a hundred and
// twenty", "twenty-five", "two dozen"). "a"/"an" count only before a
// scale word or "dozen"/"hundred".
std::optional<NumberMatch> ParseNumberAt(const std::vector<Lexeme>& lx, size_t i, size_t end);

}  // namespace annals::timex
