// Word hashing for features: case folding, shapes, affixes.
#include "syntax/word_features.h"

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

void ComputeWordInfo(std::string_view form, WordInfo* info) {
  std::string lower = LowerAscii(form);
  info->lower = HashString(lower);
  std::string norm = lower;
  bool has_digit = false;
  for (char& c : norm) {
    if (c >= '0' && c <= '9') {
      c = '0';
      has_digit = true;
    }
  }
  info->norm = has_digit ? HashString(norm) : info->lower;
  info->shape = HashString(WordShape(form));
  const size_t n = lower.size();
  for (size_t k = 0; k < 4; ++k) {
    info->suffix[k] = HashString(std::string_view(lower).substr(n > k + 1 ? n - (k + 1) : 0)) + k;
  }
  for (size_t k = 0; k < 3; ++k) {
    info->prefix[k] = HashString(std::string_view(lower).substr(0, k + 1)) + 17 + k;
  }
  uint32_t flags = 0;
  bool all_upper = !form.empty();
  for (unsigned char c : form) {
    if (c >= 'A' && c <= 'Z') flags |= kHasUpper;
    else if (c >= 'a' && c <= 'z') all_upper = false;
    if (c >= '0' && c <= '9') flags |= kHasDigit;
    if (c == '-') flags |= kHasHyphen;
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= kInitialUpper;
  if (all_upper && (flags & kHasUpper)) flags |= kAllUpper;
  info->flags = flags;
}

}  // namespace annals::syntax
