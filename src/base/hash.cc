#include "base/hash.h"

namespace annals {

std::string HexId(uint64_t h) {
  static const char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[static_cast<size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return s;
}

}  // namespace annals
