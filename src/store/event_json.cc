// Stored events as JSON objects (event_json.h).
#include "store/event_json.h"

namespace annals {

namespace {

OrderedJson NullIfEmpty(const std::string& s) { return s.empty() ? OrderedJson(nullptr) : OrderedJson(s); }

OrderedJson SpeakerJson(const EventRow& r) {
  if (r.speaker_text.empty()) return nullptr;
  return {{"text", r.speaker_text}, {"name", r.speaker_name}, {"code", r.speaker_code}};
}

OrderedJson LocationJson(const EventRow& r) {
  if (!r.has_location) return nullptr;
  return {{"name", r.location_name}, {"country", r.location_country}, {"lat", r.lat}, {"lon", r.lon},
          {"gazetteer_id", r.gazetteer_id}};
}

}  // namespace

OrderedJson ActorJson(const ActorCols& a) {
  if (!a.present) return nullptr;
  OrderedJson j;
  j["text"] = a.text;
  j["name"] = a.name;
  j["code"] = a.code;
  j["code_name"] = a.code_name;
  j["country"] = a.country;
  j["sector"] = a.sector;
  j["type"] = a.type;
  return j;
}

OrderedJson EventSummaryJson(const EventRow& r) {
  OrderedJson j;
  j["kind"] = r.folded ? "folded_event" : "event";
  j["id"] = r.id;
  j["date"] = r.date;
  j["date_end"] = r.date_end;
  j["date_precision"] = r.date_precision;
  j["source"] = ActorJson(r.source);
  j["target"] = ActorJson(r.target);
  j["cameo"] = r.cameo;
  j["cameo_name"] = r.cameo_name;
  j["goldstein"] = r.goldstein;
  j["quad_class"] = r.quad_class;
  j["plover"] = {{"type", NullIfEmpty(r.plover_type)}, {"mode", NullIfEmpty(r.plover_mode)}};
  j["modality"] = r.modality;
  j["speaker"] = SpeakerJson(r);
  j["confidence"] = r.confidence;
  j["location"] = LocationJson(r);
  j["mentions"] = r.mentions;
  j["documents"] = r.documents;
  j["sources"] = r.sources;
  j["doc"] = r.doc_id;
  j["sentence"] = r.sentence;
  j["span"] = OrderedJson::array({r.span_begin, r.span_end});
  return j;
}

Result<OrderedJson> FoldedEventJson(Store& store, const EventRow& r) {
  // The summary without what belongs to one report (its precision, doc,
  // sentence, span); the mention count becomes the mentions themselves.
  OrderedJson j = EventSummaryJson(r);
  j["kind"] = "folded_event";
  for (const char* key : {"date_precision", "mentions", "doc", "sentence", "span"}) j.erase(key);
  OrderedJson mentions = OrderedJson::array();
  const Status st = ForEachMention(store, r.id, [&](const MentionRow& m) {
    mentions.push_back({{"event", m.event_id}, {"doc", m.doc_id}, {"source", m.doc_source}, {"sentence", m.sentence},
                        {"span", OrderedJson::array({m.span_begin, m.span_end})}, {"modality", m.modality},
                        {"confidence", m.confidence}});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  j["mentions"] = mentions;
  return j;
}

}  // namespace annals
