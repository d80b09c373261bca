// The quotes stage: direct and indirect speech, each with its speaker, cue
// verb and venue (issue 6, part 1).
//
// Needs:  kLayerTokens | kLayerSentences | kLayerTags | kLayerParse |
//         kLayerMentions (Token lemma/upos/head/deprel; Document::mentions,
//         whose pronoun mentions carry the coreference resolved by the
//         actors stage).
// Fills:  kLayerQuotes: Document::quotes, in text order, one Quote per
//         utterance (annals/document.h):
//   span, text   the content without quotation marks (a trailing
//                attribution comma is dropped); for indirect speech, the
//                reported clause without its "that"
//   sentence     sentence where the content starts
//   direct       true for words in quotation marks (full or partial
//                quotes), false for reported speech ("X said that ...")
//   speaker      index into Document::mentions (the mention at the cue's
//                subject, a pronoun included), or -1; speaker_text is the
//                mention as written, or the subject phrase when the speaker
//                is no actor ("the Fox journalist")
//   cue, cue_span   the cue verb's lemma ("say", "stress", "assure") and
//                where it stands; "" / {0,0} when a partial quote has none
//   venue        the medium or venue when named: "Fox News", "X",
//                "Rossiya-24", "Truth Social"; "" otherwise
// The rules are described in quote_finder.h and docs/quotes.md.
//
// Data: <data_dir>/lang/en/speech.tsv (cues, media words) and calendar.tsv,
// read through base/word_lists.h; creation fails only when a file is
// missing; bad rows are skipped and reported by load_diagnostics().
//
// Robustness: straight, curly and guillemet marks; quotes across sentence
// boundaries; an unbalanced mark is capped at its paragraph; tree walks are
// bounded whatever the parse; garbage never crashes.
// Process() is const and thread-safe (the stage holds no state).
#pragma once

#include <memory>

#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateQuotesStage(const Config& config);

}  // namespace annals
