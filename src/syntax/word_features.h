// Per-word values the tagger and parser features read, hashed once per
// sentence so that feature extraction is a few multiplies per template.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::syntax {

struct WordInfo {
  uint64_t lower = 0;   // lower-cased form (ASCII case folding)
  uint64_t norm = 0;    // lower-cased form, digits collapsed to '0'
  uint64_t shape = 0;   // Xxxx / dd / x.x: character classes, runs capped
  uint64_t suffix[5] = {0, 0, 0, 0, 0};  // last 1..5 characters (bytes)
  uint64_t prefix[4] = {0, 0, 0, 0};     // first 1..4 bytes
  uint32_t flags = 0;
};

enum WordFlag : uint32_t {
  kHasUpper = 1,
  kHasDigit = 2,
  kHasHyphen = 4,
  kInitialUpper = 8,
  kAllUpper = 16,
};

// Hash of a string (stable across runs and machines).
uint64_t HashString(std::string_view s);

// Fills `info` for `form`.
void ComputeWordInfo(std::string_view form, WordInfo* info);

// ASCII lower-casing (non-ASCII bytes kept).
std::string LowerAscii(std::string_view s);

// The word's shape string, for tests and debugging.
std::string WordShape(std::string_view form);

// A deterministic Fisher-Yates shuffle of 0..n-1 (std::shuffle's algorithm
// is library-specific; training must be reproducible everywhere).
std::vector<size_t> ShuffledOrder(size_t n, uint32_t seed);

}  // namespace annals::syntax
