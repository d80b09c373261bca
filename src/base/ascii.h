// ASCII case helpers: the one place Annals lower-cases text for matching.
//
// Lemmas, pattern words, cue words and dictionary keys are compared in ASCII
// lower case; other bytes (UTF-8 letters with diacritics) pass through
// unchanged, which is what matching English news vocabulary needs. Unicode
// case folding, where it matters (names), is the actors stage's name key.
#pragma once

#include <string>
#include <string_view>

namespace annals {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A lower-cased copy of `s` (ASCII letters only).
std::string AsciiLower(std::string_view s);

// True when `a` and `b` are equal ignoring ASCII case.
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

}  // namespace annals
