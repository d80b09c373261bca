// The rules that find direct and indirect speech in a parsed document and
// attribute each to a speaker, a cue verb and a venue. The quotes stage
// (quotes_stage.h) is a thin wrapper around FindQuotes().
//
// Direct quotes are passages in quotation marks (quote_marks.h), searched
// one paragraph at a time. Each is attributed, in order of preference, to:
//   1. a speech cue linked to it in the parse: the first cue on the path
//      from the quote's top word up to the sentence root ("X said that
//      ... "quote""; a cue reached through an adjunct gives way to one
//      further up: "said Canada would respond "with force""), or a cue
//      hanging from the quote or from one of its ancestors ('"...," X
//      said' where "said" is parataxis);
//   2. the nearest speech cue next to it (at most 8 words away, same
//      sentences, no other quote between) -- the fallback for a poor parse;
//   3. for a partial quote under a non-speech predicate ("is confident that
//      the behaviour "will be positive""), the subject of that predicate,
//      if it is an actor mention;
//   4. the previous attributed quote of the same paragraph (a quote that
//      continues the speaker's words).
// Indirect speech is a speech cue with a clausal complement (ccomp: "X said
// (that) ...") or, for speak/talk/write, an "of"/"about" complement. When
// the complement is essentially a direct quote, only the direct quote is
// recorded (one utterance, one record). When the parser hung the "that"
// clause elsewhere, a "that" separated from the cue only by verbless phrases
// opens it ("explained to Fox News that ..."). Negated cues ("did not say
// when") and interviewer participles ("Asked whether ...") are no speech.
//
// The speaker is the cue's subject (nsubj), found through conjoined, open
// and adverbial clauses ("... and stressed", "limited himself to
// emphasising"), participles (", telling ABC radio that") and relative
// pronouns ("the premier, who praised"); the
// speaker is the mention at the subject, or at its apposition or name.
// Coreference ("he added") is the actors stage's: the pronoun is itself a
// mention whose ActorRef is resolved. The venue is a name next to a
// medium noun ("the state channel Rossiya-24", "a Truth Social post",
// "statements to TF1") or an outlet after the cue ("explained to Fox News"),
// anywhere in the cue's sentence outside the quoted content; a later quote
// of the same speaker in the same paragraph, or a reply, inherits it.
#pragma once

#include <vector>

#include "annals/document.h"
#include "quotes/cue_lexicon.h"

namespace annals {

// Appends the quotes of `doc` to *out in text order. Reads tokens,
// sentences, tags and parse (used when present, surface rules otherwise)
// and mentions; the cues and media words are `lexicon`'s. Never fails:
// malformed indices are ignored.
void FindQuotes(const Document& doc, const CueLexicon& lexicon, std::vector<Quote>* out);

}  // namespace annals
