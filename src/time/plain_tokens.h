// A plain tokenizer for tools and tests that run the time and amounts
// recognisers without the text stage: tokens are whitespace-separated
// chunks with leading/trailing punctuation split off, sentences end after
// . ! ? followed by whitespace and an upper-case letter, or at a blank line.
// The recognisers re-cut tokens into lexemes (time/lexer.h), so this coarse
// cut gives them the same input as the real tokenizer would; it is not a
// replacement for text/tokenizer.h (no abbreviation list, no clitics).
// Thread-safe (pure function).
#pragma once

#include "annals/document.h"

namespace annals::timex {

// Replaces doc->tokens and doc->sentences from doc->text.
void PlainTokenize(Document* doc);

}  // namespace annals::timex
