// UTF-8 decoding, validation and repair. Input text is untrusted: these
// functions never read past the end and never fail; invalid bytes are
// reported, not fatal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[*pos] and advances *pos past it.
// Invalid or truncated sequences (overlongs, surrogates, > U+10FFFF) yield
// kReplacementChar and advance by one byte.
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of cp to *out.
void AppendUtf8(char32_t cp, std::string* out);

struct Utf8Report {
  size_t invalid_sequences = 0;  // bytes replaced by U+FFFD
  size_t nul_bytes = 0;          // NUL bytes dropped
  size_t first_bad_offset = 0;   // byte offset of the first problem
};

// Returns s with each invalid byte replaced by U+FFFD and NUL bytes removed.
// *report (optional) counts what was changed.
std::string RepairUtf8(std::string_view s, Utf8Report* report);

bool IsValidUtf8(std::string_view s);

// Byte length of the UTF-8 sequence whose lead byte is c (1 for invalid).
inline size_t Utf8SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace annals
