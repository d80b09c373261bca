// Stored events as JSON objects (event_json.h).
#include "store/event_json.h"

#include "output/event_record.h"

namespace annals {

namespace {

OrderedJson SpeakerJson(const EventRow& r) {
  if (r.speaker_text.empty()) return nullptr;
  return SpeakerFieldsJson(r.speaker_text, r.speaker_name, r.speaker_code);
}

OrderedJson LocationJson(const EventRow& r) {
  if (!r.has_location) return nullptr;
  OrderedJson j = OrderedJson::object();
  AppendPlaceFields(&j, r.location_name, r.location_country, r.lat, r.lon, r.gazetteer_id);
  return j;
}

}  // namespace

OrderedJson ActorJson(const ActorCols& a) {
  if (!a.present) return nullptr;
  return ActorFieldsJson({a.text, a.name, a.code, a.country, a.sector, a.type, &a.code_name});
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
  AppendCodeFields(&j, r.cameo, r.cameo_name, r.goldstein, nullptr, r.quad_class, r.plover_type, r.plover_mode);
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
