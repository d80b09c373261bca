// Tree repair: the last step of the syntax stage. The parser's raw output
// is made into the one tree every later stage reads (and `annals parse`
// prints); `annals eval syntax` scores the parser before this step.
//
// Safety (any input, e.g. a hand-made or corrupted Document):
//  * a head outside the token's sentence, or the token itself, becomes -1
//    (a root of the sentence);
//  * a cycle is cut at the token that closes it, which becomes a root.
// Linguistic repairs (each one a documented misparse of the EWT-trained
// parser that the event, quote and attach rules would otherwise all have to
// work around; docs/syntax.md, "Tree repair"):
//  * punctuation never heads a word: a word hung on a dash or comma ("the
//    possibility - still remote - of the meeting") is re-hung on the
//    punctuation's nearest non-punctuation governor, keeping its relation;
//  * a "conjunct" of a prepositional phrase that has a preposition of its
//    own and no conjunction ("talks in Washington with Trump, Zelensky and
//    ...") is a second phrase of the same head: it is re-hung on the
//    governor of the phrase it was conjoined to, as nmod/obl like it;
//  * coordination scope: "X assured that the meeting is a hypothesis, and
//    suggested Geneva" -- a subjectless verb conjoined to the head of a
//    complement clause, in the finite form (VBD/VBZ/VBP of its auxiliary,
//    copula or itself) of the verb governing the complement and not in the
//    complement's own, is re-hung on the governing verb ("said that prices
//    rose and fell" is left alone: "fell" has the complement's form);
//  * a prepositional "subject": "Lazo on Saturday expressed", parsed with
//    "on" as the verb's mark and "Saturday" as its subject -- the marker
//    becomes the phrase's case and the phrase an oblique;
//  * a noun-rooted main clause: "Police arrested dozens of protesters",
//    "Cuban Parliament President Esteban Lazo expressed condolences", with
//    the opening noun as root and the verb as its acl/advcl -- a finite verb
//    (or a participle with a direct object, which a reduced relative cannot
//    have) without a subject or subordinator of its own becomes the root and
//    the noun its subject.
// `annals eval syntax --raw --repaired` scores the repaired tree: on EWT
// test and PUD the repairs move LAS by -0.02 and 0.00 (they fix news shapes
// those treebanks rarely have).
// The repairs never create a cycle and never move a word out of its
// sentence. Deterministic and linear in the sentence length.
#pragma once

#include <cstdint>

#include "annals/document.h"

namespace annals::syntax {

// Repairs the tree of sentence `s` of `doc` in place (Token::head and
// Token::deprel). Tokens outside the sentence are not touched.
void RepairTree(Document* doc, uint32_t s);

}  // namespace annals::syntax
