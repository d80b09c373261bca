// Reading stored documents, quotes and actors back for browsing (the HTTP
// API of src/serve; events are read through query.h, aggregates through
// stats.h). Every function takes bounds (limit, offset) from its caller and
// binds every value as an SQL parameter.
//
//   ForEachDocument  documents, newest first: id, date, title, outlet, url,
//                    undated flag, number of raw event records
//   ReadDocument     one document with its full text and every stored layer
//                    as byte spans into that text (sentences, actor
//                    mentions, places, quotes, time expressions, amounts,
//                    events)
//   ForEachQuote     quotes (direct and reported speech) by speaker, outlet
//                    date range or document, in (date, document, order)
//   SearchActors     actors mentioned in the store whose code starts with
//                    the query (any case) or whose name contains it, most
//                    mentioned first
//
// Thread-safety: functions use the Store's connection; one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/status.h"
#include "store/store.h"

namespace annals {

struct DocumentSummary {
  std::string id, date, title, source, url;
  bool undated = false;
  int64_t events = 0;  // raw event records
};

struct DocumentQuery {
  std::string source;    // outlet, exact
  std::string from, to;  // publication dates, YYYY, YYYY-MM or YYYY-MM-DD
  size_t limit = 100, offset = 0;
};
// InvalidArgument for a bad date.
Status ForEachDocument(Store& store, const DocumentQuery& query,
                       const std::function<Status(const DocumentSummary&)>& row);

// One stored layer item: [begin, end) byte offsets into the document text,
// the sentence index, the text, and a few kind-specific fields (`fields`:
// name/value pairs such as {"code", "RUSGOV"}; empty values left out).
struct LayerSpan {
  int64_t begin = 0, end = 0, sentence = 0;
  std::string text;
  std::vector<std::pair<std::string, std::string>> fields;
};

struct DocumentView {
  DocumentSummary summary;
  std::string origin, text, coded_by, ingested_at;
  std::vector<LayerSpan> sentences, actors, places, quotes, time_exprs, amounts, events;
};
// NotFound naming the id when no document has it.
Result<DocumentView> ReadDocument(Store& store, const std::string& id);

struct QuoteRow {
  std::string doc_id, doc_date, doc_source;
  int64_t sentence = 0, begin = 0, end = 0;
  std::string text;
  bool direct = false;
  std::string speaker_text, speaker_name, speaker_code, cue, venue;
};

struct QuoteQuery {
  std::string speaker;   // code prefix (any case) or name substring
  std::string doc;       // one document's quotes
  std::string from, to;  // publication dates
  size_t limit = 100, offset = 0;
};
// InvalidArgument for a bad date; NotFound for an unknown document.
Status ForEachQuote(Store& store, const QuoteQuery& query, const std::function<Status(const QuoteRow&)>& row);

struct ActorMatch {
  std::string code;       // CAMEO actor code, "" for an actor without one
  std::string code_name;  // what the code stands for ("Russia (government)")
  std::string name;       // the most frequent canonical name under the code
  std::string country, type;
  int64_t mentions = 0;   // actor mentions in stored documents
};
// At most `limit` actors; an empty query lists the most mentioned.
Result<std::vector<ActorMatch>> SearchActors(Store& store, const std::string& query, size_t limit);

}  // namespace annals
