// Word hashing for features: case folding, shapes, affixes.
#include "syntax/word_features.h"

#include <random>

#include "base/hash.h"

namespace annals::syntax {

uint64_t HashString(std::string_view s) { return Fnv1a64(s); }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string WordShape(std::string_view form) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';  // any non-ASCII byte
    else k = static_cast<char>(c);
    if (k == last) {
      if (++run > 3) continue;  // "Xxxx" for every long capitalised word
    } else {
      run = 0;
    }
    last = k;
    shape += k;
  }
  return shape;
}

namespace {

constexpr uint64_t kFnvPrime = 1099511628211ull;
inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline uint64_t Step(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * kFnvPrime; }

}  // namespace

// Same values as hashing the strings LowerAscii(), WordShape() etc. build,
// computed byte by byte without allocating: this runs for every word.
void ComputeWordInfo(std::string_view form, WordInfo* info) {
  uint64_t lower = kFnvOffset, norm = kFnvOffset, shape = kFnvOffset;
  bool has_digit = false, all_upper = !form.empty();
  uint32_t flags = 0;
  char last = 0;
  int run = 0;
  for (char ch : form) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const char low = Lower(ch);
    lower = Step(lower, low);
    const bool digit = c >= '0' && c <= '9';
    norm = Step(norm, digit ? '0' : low);
    has_digit |= digit;
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (digit) k = 'd';
    else if (c >= 0x80) k = 'u';
    else k = ch;
    if (k == last) {
      ++run;
    } else {
      run = 0;
    }
    last = k;
    if (run <= 3) shape = Step(shape, k);
    if (c >= 'A' && c <= 'Z') flags |= kHasUpper;
    else if (c >= 'a' && c <= 'z') all_upper = false;
    if (digit) flags |= kHasDigit;
    if (c == '-') flags |= kHasHyphen;
  }
  info->lower = lower;
  info->norm = has_digit ? norm : lower;
  info->shape = shape;
  const size_t n = form.size();
  for (size_t k = 0; k < 5; ++k) {
    uint64_t h = kFnvOffset;
    for (size_t i = n > k + 1 ? n - (k + 1) : 0; i < n; ++i) h = Step(h, Lower(form[i]));
    info->suffix[k] = h + k;
  }
  for (size_t k = 0; k < 4; ++k) {
    uint64_t h = kFnvOffset;
    for (size_t i = 0; i < k + 1 && i < n; ++i) h = Step(h, Lower(form[i]));
    info->prefix[k] = h + 17 + k;
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= kInitialUpper;
  if (all_upper && (flags & kHasUpper)) flags |= kAllUpper;
  info->flags = flags;
}

std::vector<size_t> ShuffledOrder(size_t n, uint32_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937 rng(seed);
  for (size_t i = n; i > 1; --i) {
    const size_t j = static_cast<size_t>(rng() % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

}  // namespace annals::syntax
