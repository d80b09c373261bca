// Serialisation of events and quotes (contract: docs/events.md).
#include "output/event_record.h"

#include "base/hash.h"
#include "ontology/ontology.h"

namespace annals {

namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(Span s) { return Json::array({s.begin, s.end}); }

Json NullIfEmpty(std::string_view s) { return s.empty() ? Json(nullptr) : Json(s); }

Json ActorJson(const EventActor& a) {
  Json j = ActorFieldsJson({a.text, a.actor.name, a.actor.code, a.actor.country, a.actor.sector, a.actor.type});
  j["span"] = SpanJson(a.span);
  j["entry"] = a.actor.entry;
  if (!a.actor.wikidata.empty()) j["wikidata"] = a.actor.wikidata;
  // Generic agents and titled persons: how the country was found, so that
  // guessed countries can be filtered out (docs/events.md).
  if (!a.actor.country_how.empty()) j["country_how"] = a.actor.country_how;
  return j;
}

Json PlaceJson(const Place& p) {
  Json j;
  j["text"] = p.text;
  AppendPlaceFields(&j, p.name, p.country, p.lat, p.lon, p.gazetteer_id);
  j["feature"] = p.feature;
  j["span"] = SpanJson(p.span);
  return j;
}

Json AmountJson(const Amount& a) {
  Json j;
  j["text"] = a.text;
  j["kind"] = a.kind;
  j["value"] = a.value;
  j["unit"] = a.unit;
  j["approximate"] = a.approximate;
  j["span"] = SpanJson(a.span);
  return j;
}

Json AttributionJson(const Attribution& a) {
  Json speaker = SpeakerFieldsJson(a.speaker_text, a.speaker.name, a.speaker.code);
  speaker["country"] = a.speaker.country;
  Json j;
  j["speaker"] = speaker;
  j["quote"] = a.quote;
  j["cue"] = a.cue;
  j["venue"] = a.venue;
  return j;
}

// PLOVER's auxiliary modes (manual section 2.3) for Annals' modality;
// asserted and reported events have none.
const char* PloverAuxMode(Modality m) {
  switch (m) {
    case Modality::kPlanned: return "future";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kNegated: return "negation";
    case Modality::kHistorical: return "historical";
    case Modality::kAsserted:
    case Modality::kReported: return nullptr;
  }
  return nullptr;
}

std::string SentenceText(const Document& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return "";
  return std::string(doc.SpanText(doc.sentences[sentence].span));
}

}  // namespace

Json ActorFieldsJson(const ActorFields& a) {
  Json j;
  j["text"] = a.text;
  j["name"] = a.name;
  j["code"] = a.code;
  if (a.code_name != nullptr) j["code_name"] = *a.code_name;
  j["country"] = a.country;
  j["sector"] = a.sector;
  j["type"] = a.type;
  return j;
}

Json SpeakerFieldsJson(std::string_view text, std::string_view name, std::string_view code) {
  Json j;
  j["text"] = text;
  j["name"] = name;
  j["code"] = code;
  return j;
}

void AppendPlaceFields(Json* j, std::string_view name, std::string_view country, double lat, double lon,
                       std::string_view gazetteer_id) {
  (*j)["name"] = name;
  (*j)["country"] = country;
  (*j)["lat"] = lat;
  (*j)["lon"] = lon;
  (*j)["gazetteer_id"] = gazetteer_id;
}

void AppendCodeFields(Json* j, std::string_view cameo, std::string_view cameo_name, double goldstein,
                      const std::string* goldstein_table, int quad_class, std::string_view plover_type,
                      std::string_view plover_mode) {
  (*j)["cameo"] = cameo;
  (*j)["cameo_name"] = cameo_name;
  (*j)["goldstein"] = goldstein;
  if (goldstein_table != nullptr) (*j)["goldstein_table"] = *goldstein_table;
  (*j)["quad_class"] = quad_class;
  Json plover;
  plover["type"] = NullIfEmpty(plover_type);
  plover["mode"] = NullIfEmpty(plover_mode);
  (*j)["plover"] = plover;
}

std::string EventId(const Document& doc, const Event& e) {
  uint64_t h = Fnv1a64(doc.id);
  auto mix = [&h](std::string_view s) {
    h = Fnv1a64("\x1f", h);
    h = Fnv1a64(s, h);
  };
  mix(std::to_string(e.sentence));
  mix(std::to_string(e.span.begin) + ":" + std::to_string(e.span.end));
  mix(e.source ? e.source->actor.code + "@" + std::to_string(e.source->span.begin) : "-");
  mix(e.target ? e.target->actor.code + "@" + std::to_string(e.target->span.begin) : "-");
  mix(e.cameo);
  mix(e.evidence.rule);
  return HexId(h);
}

std::string EventDatePrecision(const Document& doc, const Event& e) {
  const bool from_document = e.date_precision.empty() || e.date_precision == "document";
  if (from_document) return doc.undated ? "undated" : "document";
  return e.date_precision;
}

Json EventRecord(const Document& doc, const Event& e, const Ontology& ontology) {
  const CameoEventCode* code = ontology.Find(e.cameo);
  Json j;
  j["kind"] = "event";
  j["version"] = kRecordVersion;
  j["id"] = EventId(doc, e);
  j["doc"] = doc.id;
  j["sentence"] = e.sentence;
  j["span"] = SpanJson(e.span);
  j["text"] = SentenceText(doc, e.sentence);
  j["date"] = e.date.empty() ? doc.date : e.date;
  j["date_precision"] = EventDatePrecision(doc, e);
  j["source"] = e.source ? ActorJson(*e.source) : Json(nullptr);
  j["target"] = e.target ? ActorJson(*e.target) : Json(nullptr);
  const std::string& goldstein_table = code ? code->goldstein_source : ontology.goldstein_table();
  AppendCodeFields(&j, e.cameo, code ? code->name : "", code ? code->goldstein : 0.0, &goldstein_table,
                   code ? code->quad_class : 0, code ? code->plover_type : "", code ? code->plover_mode : "");
  Json& plover = j["plover"];
  plover["context"] = code ? Json(code->plover_context) : Json::array();
  plover["aux_mode"] = PloverAuxMode(e.modality) ? Json(PloverAuxMode(e.modality)) : Json(nullptr);
  j["modality"] = ModalityName(e.modality);
  j["attribution"] = e.attribution ? AttributionJson(*e.attribution) : Json(nullptr);
  if (e.location) {
    Json loc = PlaceJson(*e.location);
    // Which rule found it: clause, sentence, dateline, document (docs/attach.md).
    loc["precision"] = e.location_precision;
    j["location"] = loc;
  } else {
    j["location"] = Json(nullptr);
  }
  Json amounts = Json::array();
  for (int32_t a : e.amounts) {
    if (a >= 0 && static_cast<size_t>(a) < doc.amounts.size()) amounts.push_back(AmountJson(doc.amounts[a]));
  }
  j["amounts"] = amounts;
  Json ev;
  ev["rule"] = e.evidence.rule;
  ev["triggers"] = e.evidence.triggers;
  Json spans = Json::array();
  for (Span s : e.evidence.trigger_spans) spans.push_back(SpanJson(s));
  ev["trigger_spans"] = spans;
  ev["dictionary"] = e.evidence.dictionary;
  ev["notes"] = e.evidence.notes;
  j["evidence"] = ev;
  j["confidence"] = e.confidence;
  return j;
}

Json QuoteRecord(const Document& doc, const Quote& q, size_t index) {
  Json j;
  j["kind"] = "quote";
  j["version"] = kRecordVersion;
  j["id"] = HexId(Fnv1a64(doc.id + "\x1fquote\x1f" + std::to_string(index) + "\x1f" +
                          std::to_string(q.span.begin)));
  j["doc"] = doc.id;
  j["sentence"] = q.sentence;
  j["span"] = SpanJson(q.span);
  j["text"] = q.text;
  j["direct"] = q.direct;
  Json speaker = nullptr;
  if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < doc.mentions.size()) {
    const Mention& m = doc.mentions[q.speaker];
    speaker = Json::object();
    speaker["text"] = q.speaker_text;
    speaker["name"] = m.actor.name;
    speaker["code"] = m.actor.code;
    speaker["country"] = m.actor.country;
    speaker["span"] = SpanJson(m.span);
  } else if (!q.speaker_text.empty()) {
    speaker = Json::object();
    speaker["text"] = q.speaker_text;
    speaker["name"] = "";
    speaker["code"] = "";
    speaker["country"] = "";
    speaker["span"] = nullptr;
  }
  j["speaker"] = speaker;
  j["cue"] = q.cue;
  j["cue_span"] = q.cue.empty() ? Json(nullptr) : SpanJson(q.cue_span);
  j["venue"] = q.venue;
  j["date"] = doc.date;
  return j;
}

Json FurnitureRecord(const Document& doc) {
  Json j;
  j["kind"] = "furniture";
  j["version"] = kRecordVersion;
  j["id"] = HexId(Fnv1a64(doc.id + "\x1f" "furniture"));
  j["doc"] = doc.id;
  auto text = [&](Span s) {
    return s.end <= doc.text.size() && s.begin <= s.end ? std::string(doc.SpanText(s)) : std::string();
  };
  Json items = Json::array();
  for (const Furniture& f : doc.furniture) {
    Json item;
    item["type"] = FurnitureKindName(f.kind);
    item["text"] = text(f.span);
    item["span"] = SpanJson(f.span);
    items.push_back(std::move(item));
  }
  j["items"] = std::move(items);
  Json dateline = nullptr;
  if (doc.dateline) {
    const Dateline& d = *doc.dateline;
    dateline = Json::object();
    dateline["text"] = text(d.span);
    dateline["span"] = SpanJson(d.span);
    dateline["place"] = text(d.place);
    dateline["date"] = text(d.date);
    dateline["agency"] = d.agency;
  }
  j["dateline"] = std::move(dateline);
  j["dateline_place"] = doc.dateline_place ? PlaceJson(*doc.dateline_place) : Json(nullptr);
  j["date"] = doc.date;
  return j;
}

std::string ToJsonLine(const Json& record) {
  return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace annals
