// UTF-8 decoding by the rules of RFC 3629 (no overlongs, no surrogates).
#include "base/utf8.h"

namespace annals {

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { *pos = i + 1; return kReplacementChar; }
  if (i + len > s.size()) { *pos = i + 1; return kReplacementChar; }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { *pos = i + 1; return kReplacementChar; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacementChar;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string RepairUtf8(std::string_view s, Utf8Report* report) {
  Utf8Report local;
  Utf8Report& r = report ? *report : local;
  r = Utf8Report{};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) {
      if (r.invalid_sequences + r.nul_bytes == 0) r.first_bad_offset = i;
      ++r.nul_bytes;
      ++i;
      continue;
    }
    if (c < 0x80) {  // fast path for ASCII
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = DecodeUtf8(s, &i);
    if (cp == kReplacementChar && i == start + 1) {
      if (r.invalid_sequences + r.nul_bytes == 0) r.first_bad_offset = start;
      ++r.invalid_sequences;
      AppendUtf8(kReplacementChar, &out);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    if (DecodeUtf8(s, &i) == kReplacementChar && i == start + 1 &&
        s.substr(start, 3) != "\xEF\xBF\xBD") {
      return false;
    }
  }
  return true;
}

}  // namespace annals
