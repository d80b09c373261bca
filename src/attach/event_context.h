// Giving each event its context -- date, location with its precision, and
// amounts -- from its clause, its sentence, the dateline and the story: the
// rules of the attach stage (attach_stage.h lists them, docs/attach.md gives
// an example of each). The stage object is a thin wrapper over
// AttachContext(); tests call it directly to count the work it does.
//
// Cost: every place, time expression and amount is indexed by its sentence
// once per document, and an event looks only at its own sentence's items and
// walks only its own sentence's tree, so a document costs O(tokens + events x
// sentence length) -- near-linear, since sentences are capped in length by
// the text stage. AttachWork counts the steps so a test can check this.
//
// Thread safety: a plain function over one document; the lexicon is read
// only.
#pragma once

#include <cstdint>

#include "annals/document.h"
#include "attach/attach_lexicon.h"

namespace annals {

// What one AttachContext call looked at.
struct AttachWork {
  uint64_t events = 0;  // events given a context
  uint64_t items = 0;   // (event, place/time/amount/other event) pairs examined
  uint64_t tokens = 0;  // tokens visited by clause walks
};

// Fills date, date_precision, time_expr, location, location_precision and
// amounts of every event of doc->events (kLayerEventContext). Reads tokens,
// sentences, tags, the parse, places (with the dateline's place), times,
// amounts and the events' own fields. Bad indices and broken parses are
// tolerated (model/dependency_view.h).
AttachWork AttachContext(Document* doc, const AttachLexicon& lexicon);

}  // namespace annals
