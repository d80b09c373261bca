// PLOVER JSON Lines and GeoJSON exports (export.h; fields in docs/exports.md,
// PLOVER schema in docs/schema/plover.schema.json).
#include <nlohmann/json.hpp>

#include "export/formats.h"
#include "store/vocabulary.h"

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
  a["modalities"] = info.modalities.empty() ? Json("all") : Json(info.modalities);
  a["modality_note"] = ModalityProvenance(info);
  return a;
}

// PLOVER's country code for an actor (manual section 5.1): ISO alpha-3 for
// states ("KOS" for Kosovo), its own codes for the international non-state
// actors of Table 5.1 (UNO, EUR for the EU, IGO for every other IGO, NGO,
// IMG), null for regions ("the West"), which PLOVER gives no country.
Json PloverCountry(const Vocabulary& v, const ActorCols& a) {
  if (a.country.empty()) return nullptr;
  if (a.country == "XKX") return "KOS";
  if (v.FindCountry(a.country) != nullptr) return a.country;
  if (a.country == "UNO" || a.country == "NGO" || a.country == "IMG") return a.country;
  if (a.country == "EUR" && a.type != "country") return "EUR";  // the EU; EUR as a region is Europe
  if (a.type == "igo" || v.IsIgo(a.country)) return "IGO";
  return nullptr;
}

// PLOVER sector code (Table 5.2) of the actor's first sector.
Json PloverSector(const Vocabulary& v, const ActorCols& a) {
  if (a.sector.empty()) return nullptr;
  const Vocabulary::Sector* s = v.FindSector(a.sector);
  return s && !s->plover.empty() ? Json(s->plover) : Json(a.sector);
}

// PLOVER entity object (manual Table 6.2).
Json Entity(const Vocabulary& v, const ActorCols& a) {
  Json e;
  e["code"] = PloverCountry(v, a);
  e["sector"] = PloverSector(v, a);
  e["entity_text"] = a.text;
  e["identifier_id"] = nullptr;
  e["identifier_text"] = a.name.empty() ? Json(nullptr) : Json(a.name);
  return e;
}

// PLOVER location object (manual Table 6.6, the fields Mordecai returns).
Json PloverLocation(const Vocabulary& v, const EventRow& r, const Json& record) {
  Json loc;
  const auto l = record.is_object() ? record.find("location") : record.end();
  loc["extracted_place"] = l != record.end() && l->is_object() ? l->value("text", r.location_name) : r.location_name;
  loc["resolved_place"] = r.location_name;
  const std::string prefix = "geonames:";
  if (r.gazetteer_id.compare(0, prefix.size(), prefix) == 0) {
    loc["geonameid"] = std::strtoll(r.gazetteer_id.c_str() + prefix.size(), nullptr, 10);
  } else {
    loc["geonameid"] = nullptr;
  }
  loc["lat"] = r.lat;
  loc["lon"] = r.lon;
  const bool is_country = r.location_feature == "country";
  const bool is_admin1 = r.location_feature == "admin1";
  loc["city"] = !is_country && !is_admin1 ? Json(r.location_name) : Json(nullptr);
  std::string province = is_admin1 ? r.location_name : "";
  if (!is_country && !is_admin1) {
    if (const CityInfo* c = FindCity(r.gazetteer_id)) province = c->admin1_name;
  }
  loc["district"] = nullptr;
  loc["province"] = province.empty() ? Json(nullptr) : Json(province);
  loc["country"] = r.location_country.empty() ? Json(nullptr) : Json(v.CountryName(r.location_country));
  loc["country_code"] = r.location_country.empty() ? Json(nullptr) : Json(r.location_country);
  loc["resolution"] = is_country ? 1 : is_admin1 ? 2 : 4;
  loc["gazetteer_id"] = r.gazetteer_id.empty() ? Json(nullptr) : Json(r.gazetteer_id);
  return loc;
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
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  const Vocabulary& vocabulary = **vocab;
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
    j["actor"] = Json::array({Entity(vocabulary, r.source)});
    j["recipient"] = r.target.present ? Json::array({Entity(vocabulary, r.target)}) : Json::array();
    j["event"] = Json::array({r.plover_type});
    if (r.has_location) j["event_loc"] = PloverLocation(vocabulary, r, record);
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
    const auto attribution = record.is_object() ? record.find("attribution") : record.end();
    annals["attribution"] = attribution != record.end() ? *attribution : Json(nullptr);
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
    p["source_code_name"] = r.source.code_name;
    p["target"] = r.target.Label();
    p["target_name"] = r.target.name;
    p["target_code_name"] = r.target.code_name;
    p["cameo"] = r.cameo;
    p["cameo_name"] = CameoName(r);
    p["quad_class"] = r.quad_class;
    p["goldstein"] = r.goldstein;
    p["plover_type"] = r.plover_type;
    p["modality"] = r.modality;
    p["attributed_to"] = !r.speaker_name.empty() ? Json(r.speaker_name)
                                                 : r.speaker_text.empty() ? Json(nullptr) : Json(r.speaker_text);
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
