// Sentence splitting and tokenization with exact byte offsets.
//
// Follows the conventions of UD English (EWT), because the parser is trained
// on them: clitics are separate words ("don't" -> do + n't, "Russia's" ->
// Russia + 's, "cannot" -> can + not), hyphenated compounds are split
// ("US-brokered" -> US - brokered) except after common prefixes ("co-",
// "non-", "e-mail"), punctuation is its own token, abbreviations keep their
// period ("U.S.", "Mr.", "p.m.", "Gen."), numbers keep decimals and
// separators ("2.5", "1,000", "2:00") but give up a glued unit ("5pm" ->
// 5 pm, "300USD"; not "21st", "1990s"), a run of one mark is one token
// ("???", "<<", "''"), symbols glued to a word's edges are split off
// ("***Internet", "awesome-"), and phone groups, day-month-year dates and
// one-letter shorthands stay whole ("345-9945", "01-Feb-02", "b/c").
//
// Sentences end at . ! ? (and closing quotes/brackets after them) before a
// plausible sentence start, at blank lines (paragraphs), at line breaks that
// end a headline-like line, and are cut at kMaxSentenceTokens so that a
// document without punctuation cannot make one giant sentence.
//
// Furniture (Document::furniture, see furniture.h) is skipped like white
// space: no token covers it, and the word after it starts a sentence.
//
// Requires Document::text (normalised) and Document::furniture (in text
// order, disjoint; empty is fine); fills Document::sentences and
// Document::tokens (span, form, space_after). Linear time, no allocation per
// character. Thread-safe (no state).
#pragma once

#include "annals/document.h"

namespace annals {

constexpr uint32_t kMaxSentenceTokens = 250;

// Replaces doc->sentences and doc->tokens.
void Tokenize(Document* doc);

}  // namespace annals
