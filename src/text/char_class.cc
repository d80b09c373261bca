// Unicode character classes via ICU (uchar.h); ASCII handled inline first.
#include "text/char_class.h"

#include <unicode/uchar.h>

namespace annals::text {

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B;  // zero-width space too
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c)) || u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }

bool IsQuote(char32_t c) {
  switch (c) {
    case '"': case '\'': case '`':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
    case 0x201E: case 0x201A: case 0x2039: case 0x203A: case 0x201F: case 0x201B:
      return true;
    default:
      return false;
  }
}

bool IsOpeningBracket(char32_t c) { return c == '(' || c == '[' || c == '{'; }
bool IsClosingBracket(char32_t c) { return c == ')' || c == ']' || c == '}'; }
bool IsDash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012; }

bool IsStandalonePunct(char32_t c) {
  if (c < 0x80) {
    switch (c) {
      case ',': case ';': case '!': case '?': case '(': case ')': case '[': case ']':
      case '{': case '}': case '"': case '*': case '|': case '~': case '^':
        return true;
      default:
        return false;
    }
  }
  if (IsQuote(c) || IsDash(c)) return true;
  if (c == 0x2026) return true;  // … ellipsis
  const auto cat = u_charType(static_cast<UChar32>(c));
  return cat == U_OTHER_PUNCTUATION || cat == U_START_PUNCTUATION || cat == U_END_PUNCTUATION ||
         cat == U_INITIAL_PUNCTUATION || cat == U_FINAL_PUNCTUATION || cat == U_OTHER_SYMBOL;
}

}  // namespace annals::text
