// Events as JSON objects for people and programs that read stored events:
// the folded-event shape `annals query --format jsonl` prints and the HTTP
// API (src/serve) returns, built in one place so the two never disagree.
// Actors, places, speakers and the code fields are written by the shared
// writers of src/output/event_record.h, as in the contract record.
//
//   EventSummaryJson   kind ("folded_event" or "event"), id, date, date_end,
//                      date_precision, source/target (text, name, code,
//                      code_name, country, sector, type; null when absent),
//                      cameo, cameo_name, goldstein, quad_class, plover
//                      {type, mode}, modality, speaker {text, name, code} or
//                      null, confidence, location {name, country, lat, lon,
//                      gazetteer_id} or null, mentions, documents, sources,
//                      doc, sentence, span
//   FoldedEventJson    the summary without date_precision, doc, sentence and
//                      span, plus "mentions" as the list of raw records:
//                      [{event, doc, source, sentence, span, modality,
//                      confidence}] (the `annals query` JSON Lines shape,
//                      docs/store.md)
//
// Thread-safety: FoldedEventJson uses the Store's connection; one thread at
// a time. EventSummaryJson is pure.
#pragma once

#include <nlohmann/json.hpp>

#include "annals/status.h"
#include "store/query.h"
#include "store/store.h"

namespace annals {

using OrderedJson = nlohmann::ordered_json;

// {text, name, code, code_name, country, sector, type}, or null.
OrderedJson ActorJson(const ActorCols& actor);
OrderedJson EventSummaryJson(const EventRow& row);
Result<OrderedJson> FoldedEventJson(Store& store, const EventRow& row);

}  // namespace annals
