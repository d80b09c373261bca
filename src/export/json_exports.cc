// PLOVER JSON Lines and GeoJSON exports (export.h; fields in docs/exports.md,
// PLOVER schema in docs/schema/plover.schema.json).
#include <nlohmann/json.hpp>

#include "export/formats.h"

namespace annals::exports {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json ProvenanceObject(const ExportInfo& info) {
  Json a;
  a["producer"] = "Annals";
  a["annals_version"] = info.annals_version;
  a["ontology"] = info.ontology;
  a["goldstein_table"] = info.goldstein_table;
  a["coded_by"] = info.coded_by;
  a["created"] = info.created;
  a["folded"] = info.folded;
  return a;
}

// PLOVER entity object (manual Table 6.2).
Json Entity(const ActorCols& a) {
  Json e;
  e["code"] = a.country.empty() ? Json(nullptr) : Json(a.country);
  e["sector"] = a.sector.empty() ? Json(nullptr) : Json(a.sector);
  e["entity_text"] = a.text;
  e["identifier_id"] = nullptr;
  e["identifier_text"] = a.name.empty() ? Json(nullptr) : Json(a.name);
  return e;
}

// The strings of record[outer][inner] (an array), if present.
Json Strings(const Json& record, const char* outer, const char* inner) {
  Json out = Json::array();
  if (!record.is_object()) return out;
  const auto o = record.find(outer);
  if (o == record.end() || !o->is_object()) return out;
  const auto a = o->find(inner);
  if (a == o->end() || !a->is_array()) return out;
  for (size_t i = 0; i < a->size(); ++i) {
    const Json& v = a->at(i);
    if (v.is_string()) out.push_back(v);
  }
  return out;
}

}  // namespace

Status WritePlover(Store& store, const EventFilter& filter, const ExportInfo& info, std::ostream& out,
                   ExportStats* stats) {
  return ForEachEvent(store, filter, [&](const EventRow& r) {
    // PLOVER has no category for CAMEO roots 01 (statements) and 02
    // (appeals); such events cannot be written as PLOVER records.
    if (r.plover_type.empty() || !r.source.present) {
      ++stats->skipped;
      return Status::Ok();
    }
    const Json record = Json::parse(r.record, nullptr, false);
    Json j;
    j["id"] = r.id;
    j["has_event"] = true;
    j["date"] = FormatIsoDate(EventDate(r));
    if (r.folded && r.date_end != r.date && r.date_end.size() >= 10) j["enddate"] = r.date_end.substr(0, 10);
    j["actor"] = Json::array({Entity(r.source)});
    j["recipient"] = r.target.present ? Json::array({Entity(r.target)}) : Json::array();
    j["event"] = Json::array({r.plover_type});
    if (r.has_location) {
      Json loc;
      loc["name"] = r.location_name;
      loc["country"] = r.location_country.empty() ? Json(nullptr) : Json(r.location_country);
      loc["lat"] = r.lat;
      loc["lon"] = r.lon;
      loc["gazetteer_id"] = r.gazetteer_id.empty() ? Json(nullptr) : Json(r.gazetteer_id);
      loc["feature"] = r.location_feature.empty() ? Json(nullptr) : Json(r.location_feature);
      j["event_loc"] = loc;
    }
    j["event_text"] = Strings(record, "evidence", "triggers");
    j["quad_code"] = r.quad_class;
    j["event_scale"] = r.goldstein;
    j["mode"] = r.plover_mode.empty() ? Json::array() : Json::array({r.plover_mode});
    j["context"] = Strings(record, "plover", "context");
    j["text"] = r.sentence_text;
    Json text_info;
    text_info["sequence"] = r.sentence;
    text_info["start"] = r.span_begin;
    text_info["end"] = r.span_end;
    j["text_info"] = text_info;
    Json cite;
    cite["corpus"] = r.doc_source;
    cite["citation"] = r.doc_id;
    cite["url"] = r.doc_url;
    j["cite_info"] = cite;
    // Casualty counts from the event's amounts, where the coder found them.
    const auto amounts = record.is_object() ? record.find("amounts") : record.end();
    if (record.is_object() && amounts != record.end() && amounts->is_array()) {
      Json size = Json::object();
      for (size_t i = 0; i < amounts->size(); ++i) {
        const Json& a = amounts->at(i);
        if (!a.is_object()) continue;
        const std::string kind = a.value("kind", "");
        const char* name =
            kind == "killed" ? "dead" : kind == "wounded" ? "injured" : kind == "arrested" ? "arrested" : nullptr;
        const auto v = a.find("value");
        if (name && v != a.end() && v->is_number()) size[name] = *v;
      }
      if (!size.empty()) j["size"] = size;
    }
    j["coder"] = r.coded_by;
    if (r.ingested_at.size() >= 10) j["coded_date"] = r.ingested_at.substr(0, 10);
    Json annals;
    annals["cameo"] = r.cameo;
    annals["cameo_name"] = record.is_object() ? record.value("cameo_name", "") : "";
    annals["modality"] = r.modality;
    annals["confidence"] = r.confidence;
    annals["mentions"] = r.mentions;
    annals["documents"] = r.documents;
    annals["goldstein_table"] = info.goldstein_table;
    annals["annals_version"] = info.annals_version;
    j["annals"] = annals;
    out << Dump(j) << '\n';
    ++stats->rows;
    return Status::Ok();
  });
}

Status WriteGeoJson(Store& store, const EventFilter& filter, const ExportInfo& info, std::ostream& out,
                    ExportStats* stats) {
  // Streamed feature by feature so a large export never sits in memory.
  Json head;
  head["type"] = "FeatureCollection";
  head["annals"] = ProvenanceObject(info);
  std::string h = Dump(head);
  h.pop_back();  // reopen the object to append "features"
  out << h << ",\"features\":[\n";
  bool first = true;
  const Status st = ForEachEvent(store, filter, [&](const EventRow& r) {
    if (!r.has_location) {
      ++stats->skipped;
      return Status::Ok();
    }
    Json f;
    f["type"] = "Feature";
    f["id"] = r.id;
    f["geometry"] = {{"type", "Point"}, {"coordinates", Json::array({r.lon, r.lat})}};
    Json p;
    p["date"] = r.date;
    p["date_end"] = r.date_end;
    p["source"] = r.source.Label();
    p["source_name"] = r.source.name;
    p["target"] = r.target.Label();
    p["target_name"] = r.target.name;
    p["cameo"] = r.cameo;
    p["cameo_name"] = CameoName(r);
    p["quad_class"] = r.quad_class;
    p["goldstein"] = r.goldstein;
    p["plover_type"] = r.plover_type;
    p["modality"] = r.modality;
    p["place"] = r.location_name;
    p["country"] = r.location_country;
    p["gazetteer_id"] = r.gazetteer_id;
    p["mentions"] = r.mentions;
    p["doc"] = r.doc_id;
    p["url"] = r.doc_url;
    p["text"] = r.sentence_text;
    f["properties"] = p;
    out << (first ? "" : ",\n") << Dump(f);
    first = false;
    ++stats->rows;
    return Status::Ok();
  });
  out << "\n]}\n";
  return st;
}

}  // namespace annals::exports
