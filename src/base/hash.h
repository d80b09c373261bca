// Stable 64-bit hashing (FNV-1a) for ids that must not change between runs
// or machines: event ids, content hashes for duplicate detection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;

inline uint64_t Fnv1a64(std::string_view s, uint64_t h = kFnvOffset) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A fast 64-bit hash of a file's content (about 8 bytes per cycle per lane,
// four lanes), for telling whether a precomputed form was built from the
// text now on disk: not for ids (use Fnv1a64) and not against an adversary.
// Stable between runs and machines of one byte order.
uint64_t ContentHash64(std::string_view s, uint64_t seed = 0);

// 16 lower-case hex digits.
std::string HexId(uint64_t h);

}  // namespace annals
