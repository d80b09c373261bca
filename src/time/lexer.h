// Lexemes: the small units the time and amounts recognisers match on.
//
// The recognisers take the text stage's tokens as input but must not depend
// on how finely the tokenizer cut them: "$8bn" may arrive as one token or as
// "$" "8" "bn", "Monday's" as one or two, "p.m." with or without its final
// period. LexSentence() re-cuts each token's form into letter runs, number
// runs and single symbols, lower-cases words, and records for each lexeme the
// byte span in Document::text and the index of the token it came from, so a
// match on lexemes maps back to exact spans and token ranges.
//
// Thread-safe (pure functions). Lexemes borrow nothing from the Document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals::timex {

enum class LexKind : uint8_t {
  kWord,    // letters (any non-ASCII letter bytes included); "p.m." -> "pm"
  kNumber,  // digits with inner , . : / - between digits ("2:00", "1,200")
  kPunct,   // one punctuation character or currency symbol
};

struct Lexeme {
  std::string norm;        // lower-cased word, number text as written, symbol
  Span span;               // bytes in Document::text
  uint32_t token = 0;      // document-level index of the source token
  LexKind kind = LexKind::kPunct;
  bool capitalized = false;  // word starts with an upper-case ASCII letter
  bool ordinal = false;      // number followed by st/nd/rd/th ("19th")
  bool space_before = false; // whitespace (or a token gap) before it
};

// Appends the lexemes of tokens [token_begin, token_end) of *doc to *out.
// Tokens whose form differs from their span's text (a normalised quote, for
// example) give lexemes that all carry the whole token's span. Never fails;
// garbage bytes become punctuation lexemes.
void LexTokens(const Document& doc, uint32_t token_begin, uint32_t token_end,
               std::vector<Lexeme>* out);

// True if `s` is a run of ASCII digits only.
bool AllDigits(std::string_view s);

}  // namespace annals::timex
