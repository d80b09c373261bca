// Character classes for the tokenizer, for ASCII by table and for the rest
// of Unicode through ICU's character properties.
#pragma once

#include <cstdint>

namespace annals::text {

bool IsSpace(char32_t c);        // Unicode White_Space (incl. NBSP)
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);        // decimal digits of any script
bool IsAlnum(char32_t c);
// Quotation marks of every kind: " ' “ ” ‘ ’ « » „ ‹ › `
bool IsQuote(char32_t c);
bool IsOpeningBracket(char32_t c);  // ( [ {
bool IsClosingBracket(char32_t c);  // ) ] }
bool IsDash(char32_t c);            // – — ― (not the ASCII hyphen)
// Punctuation or symbol that never belongs inside a word.
bool IsStandalonePunct(char32_t c);

}  // namespace annals::text
