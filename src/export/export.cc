// Export dispatch, provenance, and the tabular formats: GDELT 2.0 events and
// mentions, ICEWS and CSV (export.h; columns in docs/exports.md).
#include "export/export.h"

#include <cstdlib>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "base/civil_date.h"
#include "base/file.h"
#include "base/tsv.h"
#include "export/formats.h"
#include "store/fold.h"
#include "store/table.h"
#include "store/vocabulary.h"

namespace annals {

Result<ExportFormat> ParseExportFormat(const std::string& name) {
  static const std::map<std::string, ExportFormat> kNames = {
      {"gdelt", ExportFormat::kGdelt},     {"gdelt-mentions", ExportFormat::kGdeltMentions},
      {"icews", ExportFormat::kIcews},     {"plover", ExportFormat::kPlover},
      {"csv", ExportFormat::kCsv},         {"geojson", ExportFormat::kGeoJson},
      {"graphml", ExportFormat::kGraphMl}, {"gexf", ExportFormat::kGexf}};
  const auto it = kNames.find(name);
  if (it == kNames.end()) {
    return Status::InvalidArgument("unknown export format '" + name +
                                   "' (use gdelt, gdelt-mentions, icews, plover, csv, geojson, graphml or gexf)");
  }
  return it->second;
}

std::string ExportFormatName(ExportFormat f) {
  switch (f) {
    case ExportFormat::kGdelt: return "gdelt";
    case ExportFormat::kGdeltMentions: return "gdelt-mentions";
    case ExportFormat::kIcews: return "icews";
    case ExportFormat::kPlover: return "plover";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kGeoJson: return "geojson";
    case ExportFormat::kGraphMl: return "graphml";
    case ExportFormat::kGexf: return "gexf";
  }
  return "";
}

bool HasInlineProvenance(ExportFormat f) {
  return f == ExportFormat::kGeoJson || f == ExportFormat::kGraphMl || f == ExportFormat::kGexf;
}

Result<ExportInfo> ReadExportInfo(Store& store, const std::string& annals_version, const EventFilter& filter) {
  ExportInfo info;
  info.annals_version = annals_version;
  info.folded = filter.folded;
  info.modalities = filter.modalities;
  Result<std::string> ontology = store.GetMeta("ontology");
  if (!ontology.ok()) return ontology.status();
  info.ontology = *ontology;
  Result<std::string> table = store.GetMeta("goldstein_table");
  if (!table.ok()) return table.status();
  info.goldstein_table = *table;
  Result<Stmt> s = store.db().Prepare("SELECT DISTINCT coded_by FROM documents ORDER BY coded_by");
  if (!s.ok()) return s.status();
  Status st;
  while (s->Step(&st)) info.coded_by.push_back(s->Text(0));
  if (!st.ok()) return st;
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  info.created = buf;
  return info;
}

std::string ModalityProvenance(const ExportInfo& info) {
  if (info.modalities.empty()) return "all (including events that did not happen: planned, hypothetical, negated)";
  std::string out = ModalityDescription(info.modalities);
  bool happened = true;
  for (const std::string& m : info.modalities) happened = happened && (m == "asserted" || m == "reported");
  return happened ? out + " (events that happened)" : out;
}

std::string ProvenanceJson(const ExportInfo& info, ExportFormat format, size_t rows) {
  nlohmann::ordered_json j;
  j["producer"] = "Annals";
  j["annals_version"] = info.annals_version;
  j["format"] = ExportFormatName(format);
  j["ontology"] = info.ontology;
  j["goldstein_table"] = info.goldstein_table;
  j["coded_by"] = info.coded_by;
  j["created"] = info.created;
  j["folded"] = info.folded;
  j["modalities"] = info.modalities.empty() ? nlohmann::ordered_json("all") : nlohmann::ordered_json(info.modalities);
  j["modality_note"] = ModalityProvenance(info);
  j["ids"] = "integer ids are the low 53 bits of the Annals event id (exact in R, JavaScript and spreadsheets)";
  j["rows"] = rows;
  const std::vector<std::string>* cols = nullptr;
  if (format == ExportFormat::kGdelt) cols = &GdeltEventColumns();
  if (format == ExportFormat::kGdeltMentions) cols = &GdeltMentionColumns();
  if (format == ExportFormat::kIcews) cols = &IcewsColumns();
  if (format == ExportFormat::kCsv) cols = &CsvColumns();
  if (cols) j["columns"] = *cols;
  j["documentation"] = "docs/exports.md";
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

const std::vector<std::string>& GdeltEventColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"}) {
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
        c.push_back(std::string(a) + f);
      }
    }
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
      c.push_back(f);
    }
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}) {
        c.push_back(std::string(g) + f);
      }
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return kColumns;
}

const std::vector<std::string>& GdeltMentionColumns() {
  static const std::vector<std::string> kColumns = {
      "GLOBALEVENTID",    "EventTimeDate",     "MentionTimeDate",  "MentionType",
      "MentionSourceName", "MentionIdentifier", "SentenceID",       "Actor1CharOffset",
      "Actor2CharOffset", "ActionCharOffset",  "InRawText",        "Confidence",
      "MentionDocLen",    "MentionDocTone",    "MentionDocTranslationInfo", "Extras"};
  return kColumns;
}

const std::vector<std::string>& IcewsColumns() {
  // The 20 columns of the ICEWS event files, then Annals' extension columns
  // (ICEWS has no field for them; tools reading ICEWS by column name ignore
  // them).
  static const std::vector<std::string> kColumns = {
      "Event ID",      "Event Date",     "Source Name",     "Source Sectors", "Source Country",
      "Event Text",    "CAMEO Code",     "Intensity",       "Target Name",    "Target Sectors",
      "Target Country", "Story ID",      "Sentence Number", "Publisher",      "City",
      "District",      "Province",       "Country",         "Latitude",       "Longitude",
      "Modality",      "Attribution",    "Annals ID"};
  return kColumns;
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> kColumns = {
      "id", "annals_id", "folded", "date", "date_end", "date_precision",
      "source_text", "source_name", "source_code", "source_code_name", "source_country", "source_sector",
      "source_type",
      "target_text", "target_name", "target_code", "target_code_name", "target_country", "target_sector",
      "target_type",
      "cameo", "cameo_name", "cameo_root", "quad_class", "goldstein", "goldstein_table",
      "plover_type", "plover_mode", "plover_context", "modality",
      "attribution_speaker_text", "attribution_speaker_name", "attribution_speaker_code", "attribution_cue",
      "attribution_venue", "attribution_quote",
      "confidence", "location_text", "location_name", "location_country", "lat", "lon", "gazetteer_id",
      "location_feature", "killed", "wounded", "arrested", "amounts", "rule", "triggers",
      "mentions", "documents", "sources", "doc_id", "doc_source", "doc_url", "doc_date", "sentence",
      "span_begin", "span_end", "sentence_text", "coded_by"};
  return kColumns;
}

std::string GdeltEventId(const std::string& hex_id) {
  const unsigned long long v = std::strtoull(hex_id.c_str(), nullptr, 16) & ((1ull << 53) - 1);
  return std::to_string(v);
}

namespace exports {

const CityInfo* FindCity(const std::string& gazetteer_id) {
  // Loaded once; without the table (a broken data directory) no division
  // is known and the columns stay empty.
  static const std::map<std::string, CityInfo> kCities = [] {
    std::map<std::string, CityInfo> cities;
    Result<TsvTable> t = TsvTable::Load(JoinPath(DefaultDataDir(), "gazetteer/geonames-cities.tsv"));
    if (!t.ok() || !t->RequireColumns({"geonameid", "admin1_code", "admin1_name", "country2"}).ok()) return cities;
    for (const TsvRow& row : t->rows()) {
      cities["geonames:" + std::string(row.Get("geonameid"))] = {
          std::string(row.Get("country2")), std::string(row.Get("admin1_code")), std::string(row.Get("admin1_name"))};
    }
    return cities;
  }();
  const auto it = kCities.find(gazetteer_id);
  return it == kCities.end() ? nullptr : &it->second;
}

CivilDate EventDate(const EventRow& r) {
  int64_t day = 0;
  if (!DayOfIsoDate(r.date, &day)) DayOfIsoDate(r.doc_date, &day);
  return CivilFromDays(day);
}

std::string Digits(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

std::string CameoName(const EventRow& r) {
  if (!r.cameo_name.empty()) return r.cameo_name;
  const nlohmann::json j = nlohmann::json::parse(r.record, nullptr, false);
  if (j.is_object() && j.contains("cameo_name") && j["cameo_name"].is_string()) return j["cameo_name"];
  return "";
}

// Tabs and newlines cannot appear inside a TSV field: replaced by spaces.
std::string Tsv(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace exports

namespace {

using exports::Digits;
using exports::Tsv;

void WriteTsvRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out << '\t';
    out << Tsv(cells[i]);
  }
  out << '\n';
}

// GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city,
// 5 world state (ADM1).
std::string GdeltGeoType(const EventRow& r) {
  if (!r.has_location) return "0";
  const bool us = r.location_country == "USA";
  if (r.location_feature == "country") return "1";
  if (r.location_feature == "admin1") return us ? "2" : "5";
  return us ? "3" : "4";
}

std::string FeatureId(const std::string& gazetteer_id) {
  const size_t colon = gazetteer_id.find(':');
  return colon == std::string::npos ? gazetteer_id : gazetteer_id.substr(colon + 1);
}

// Countries whose GeoNames admin1 codes are not FIPS 10-4 division codes
// (GeoNames documents ISO or national codes for them), so no GDELT ADM1
// code can be formed from them.
bool GeoNamesAdmin1IsFips(const std::string& country2) {
  static const char* const kOther[] = {"GB", "FR", "CH", "BE", "ME", "GR"};
  for (const char* c : kOther) {
    if (country2 == c) return false;
  }
  return true;
}

// GDELT geography of the event location: FIPS country code, ADM1 code
// (FIPS country + division; for a country, the country code itself, as
// GDELT writes it) and feature id (a country's FIPS code, else the
// gazetteer id without its prefix).
struct GdeltGeo {
  std::string country, adm1, feature_id;
};

GdeltGeo GdeltGeography(const Vocabulary& v, const EventRow& r) {
  GdeltGeo g;
  if (!r.has_location) return g;
  const Vocabulary::Country* c = v.FindCountry(r.location_country);
  g.country = c ? c->fips : "";
  g.feature_id = FeatureId(r.gazetteer_id);
  if (r.location_feature == "country") {
    g.adm1 = g.country;
    if (!g.country.empty()) g.feature_id = g.country;
  } else if (const exports::CityInfo* city = exports::FindCity(r.gazetteer_id)) {
    if (!g.country.empty() && !city->admin1_code.empty() && GeoNamesAdmin1IsFips(city->country2)) {
      g.adm1 = g.country + city->admin1_code;
    }
  }
  return g;
}

void GdeltActor(const Vocabulary& v, const ActorCols& a, std::vector<std::string>* c) {
  c->push_back(a.code);
  std::string upper = a.name;  // GDELT writes actor names in upper case
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  c->push_back(upper);
  // CountryCode holds countries only; an IGO goes in KnownGroupCode.
  const bool country = v.FindCountry(a.country) != nullptr;
  c->push_back(country ? a.country : "");
  c->push_back(a.type == "igo" || v.IsIgo(a.country) ? a.country : "");  // KnownGroupCode
  c->push_back("");                              // EthnicCode
  c->push_back("");                              // Religion1Code
  c->push_back("");                              // Religion2Code
  c->push_back(a.sector);                        // Type1Code
  c->push_back("");
  c->push_back("");
}

std::string Num(double v, int decimals) { return FormatNumber(v, decimals); }

Status WriteGdelt(Store& store, const EventFilter& filter, std::ostream& out, ExportStats* stats) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  const Vocabulary& v = **vocab;
  return ForEachEvent(store, filter, [&](const EventRow& r) {
    const CivilDate d = exports::EventDate(r);
    const std::string sqldate = Digits(FormatIsoDate(d));
    const long doy = DaysFromCivil(d) - DaysFromCivil(CivilDate{d.year, 1, 1}) + 1;
    std::vector<std::string> c = {GdeltEventId(r.id), sqldate, sqldate.substr(0, 6), sqldate.substr(0, 4),
                                  Num(d.year + static_cast<double>(doy) / 365.0, 4)};
    GdeltActor(v, r.source, &c);
    GdeltActor(v, r.target, &c);
    c.push_back(r.sentence == 0 ? "1" : "0");  // IsRootEvent: the lead sentence
    c.push_back(r.cameo);
    c.push_back(r.cameo.substr(0, 3));
    c.push_back(r.cameo_root);
    c.push_back(std::to_string(r.quad_class));
    c.push_back(Num(r.goldstein, 1));
    c.push_back(std::to_string(r.mentions));
    c.push_back(std::to_string(r.sources));
    c.push_back(std::to_string(r.documents));
    c.push_back("");  // AvgTone: Annals does not score tone
    for (int i = 0; i < 2; ++i) {  // Actor1Geo_*, Actor2Geo_*: actors are not geolocated
      c.push_back("0");
      for (int k = 0; k < 7; ++k) c.push_back("");
    }
    const GdeltGeo geo = GdeltGeography(v, r);
    c.push_back(GdeltGeoType(r));
    c.push_back(r.has_location ? r.location_name : "");
    c.push_back(geo.country);
    c.push_back(geo.adm1);
    c.push_back("");
    c.push_back(r.has_location ? Num(r.lat, 4) : "");
    c.push_back(r.has_location ? Num(r.lon, 4) : "");
    c.push_back(geo.feature_id);
    std::string added = Digits(r.ingested_at);
    added.resize(14, '0');
    c.push_back(added);
    c.push_back(r.doc_url.empty() ? r.doc_id : r.doc_url);
    WriteTsvRow(out, c);
    ++stats->rows;
    return Status::Ok();
  });
}

Status WriteGdeltMentions(Store& store, const EventFilter& filter, std::ostream& out, ExportStats* stats) {
  Result<Stmt> len_stmt = store.db().Prepare("SELECT length(CAST(text AS BLOB)) FROM documents WHERE id = ?");
  if (!len_stmt.ok()) return len_stmt.status();
  return ForEachEvent(store, filter, [&](const EventRow& r) {
    const std::string event_time = Digits(FormatIsoDate(exports::EventDate(r))) + "000000";
    auto one = [&](const MentionRow& m) {
      std::string mention_time = Digits(m.doc_date);
      mention_time.resize(8, '0');
      WriteTsvRow(out, {GdeltEventId(r.id), event_time, mention_time + "000000", "1", m.doc_source,
                        m.doc_url.empty() ? m.doc_id : m.doc_url, std::to_string(m.sentence + 1),
                        std::to_string(m.source_begin), std::to_string(m.target_begin),
                        std::to_string(m.trigger_begin), "1",
                        std::to_string(static_cast<int>(m.confidence * 100 + 0.5)), std::to_string(m.doc_length),
                        "", "", ""});
      ++stats->rows;
      return Status::Ok();
    };
    if (r.folded) return ForEachMention(store, r.id, one);
    // Raw view: the record is its own single mention.
    MentionRow m;
    m.doc_id = r.doc_id;
    m.doc_source = r.doc_source;
    m.doc_url = r.doc_url;
    m.doc_date = r.doc_date;
    m.sentence = r.sentence;
    m.confidence = r.confidence;
    const nlohmann::json j = nlohmann::json::parse(r.record, nullptr, false);
    auto first = [&j](const nlohmann::json::json_pointer& p) -> int64_t {
      return j.is_object() && j.contains(p) && j[p].is_number() ? j[p].get<int64_t>() : -1;
    };
    m.source_begin = first(nlohmann::json::json_pointer("/source/span/0"));
    m.target_begin = first(nlohmann::json::json_pointer("/target/span/0"));
    m.trigger_begin = first(nlohmann::json::json_pointer("/evidence/trigger_spans/0/0"));
    len_stmt->Bind(1, r.doc_id);
    Status len_st;
    m.doc_length = len_stmt->Step(&len_st) ? len_stmt->Int(0) : 0;
    len_stmt->Reset();
    ANNALS_RETURN_IF_ERROR(len_st);
    return one(m);
  });
}

using Json = nlohmann::json;

Json Record(const EventRow& r) {
  Json j = Json::parse(r.record, nullptr, false);
  return j.is_object() ? j : Json::object();
}

std::string JsonText(const Json& j, const char* a, const char* b = nullptr) {
  const Json* p = &j;
  for (const char* k : {a, b}) {
    if (k == nullptr) break;
    if (!p->is_object() || !p->contains(k)) return "";
    p = &(*p)[k];
  }
  return p->is_string() ? p->get<std::string>() : "";
}

// The sector names of an actor code for ICEWS ("Government", or
// "Military,Rebel" for UKRMILREB).
std::string IcewsSectors(const Vocabulary& v, const ActorCols& a) {
  const size_t n = a.code.substr(0, 4) == "NATO" ? 4 : 3;
  std::string out;
  for (size_t i = n; i + 3 <= a.code.size(); i += 3) {
    const Vocabulary::Sector* s = v.FindSector(a.code.substr(i, 3));
    if (s == nullptr) continue;
    out += (out.empty() ? "" : ",") + s->icews;
  }
  if (out.empty() && !a.sector.empty()) {
    if (const Vocabulary::Sector* s = v.FindSector(a.sector)) out = s->icews;
  }
  return out;
}

// ICEWS country name of a code ("Russian Federation", "Iran"); empty for
// IGOs and regions, which ICEWS gives no country.
std::string IcewsCountry(const Vocabulary& v, const std::string& code) {
  const Vocabulary::Country* c = v.FindCountry(code);
  if (c == nullptr) return "";
  return c->iso_name.find(',') == std::string::npos ? c->iso_name : c->name;
}

// ICEWS names a generic actor -- one known only by its role ("Thai
// soldiers", "protesters") -- by sector and country: "Military (Thailand)".
// Named actors keep their name.
std::string IcewsName(const Vocabulary& v, const ActorCols& a) {
  if (a.type != "group" || a.sector.empty()) return a.name;
  const Vocabulary::Sector* s = v.FindSector(a.sector);
  if (s == nullptr) return a.name;
  const std::string country = IcewsCountry(v, a.country);
  return country.empty() ? s->icews : s->icews + " (" + country + ")";
}

Status WriteIcews(Store& store, const EventFilter& filter, std::ostream& out, ExportStats* stats) {
  Result<const Vocabulary*> vocab = Vocabulary::Default();
  if (!vocab.ok()) return vocab.status();
  const Vocabulary& v = **vocab;
  WriteTsvRow(out, IcewsColumns());
  return ForEachEvent(store, filter, [&](const EventRow& r) {
    const bool city = r.has_location && r.location_feature != "country" && r.location_feature != "admin1";
    const bool province = r.has_location && r.location_feature == "admin1";
    std::string province_name = province ? r.location_name : "";
    if (city) {
      if (const exports::CityInfo* c = exports::FindCity(r.gazetteer_id)) province_name = c->admin1_name;
    }
    const std::string attribution = !r.speaker_name.empty() ? r.speaker_name : r.speaker_text;
    WriteTsvRow(out, {GdeltEventId(r.id), FormatIsoDate(exports::EventDate(r)), IcewsName(v, r.source),
                      IcewsSectors(v, r.source), IcewsCountry(v, r.source.country), exports::CameoName(r), r.cameo,
                      Num(r.goldstein, 1), IcewsName(v, r.target), IcewsSectors(v, r.target),
                      IcewsCountry(v, r.target.country), r.doc_id, std::to_string(r.sentence + 1), r.doc_source,
                      city ? r.location_name : "", "", province_name,
                      r.has_location ? IcewsCountry(v, r.location_country) : "", r.has_location ? Num(r.lat, 4) : "",
                      r.has_location ? Num(r.lon, 4) : "", r.modality, attribution, r.id});
    ++stats->rows;
    return Status::Ok();
  });
}

Status WriteCsv(Store& store, const EventFilter& filter, const ExportInfo& info, std::ostream& out,
                ExportStats* stats) {
  auto line = [&out](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out << ',';
      out << CsvField(cells[i]);
    }
    out << "\r\n";  // RFC 4180 line ends
  };
  line(CsvColumns());
  return ForEachEvent(store, filter, [&](const EventRow& r) {
    const Json rec = Record(r);
    std::string context, triggers, amounts;
    std::map<std::string, double> casualties;
    if (rec.contains("plover") && rec["plover"].is_object() && rec["plover"].contains("context") &&
        rec["plover"]["context"].is_array()) {
      for (const Json& c : rec["plover"]["context"]) {
        if (c.is_string()) context += (context.empty() ? "" : ";") + c.get<std::string>();
      }
    }
    if (rec.contains("evidence") && rec["evidence"].is_object() && rec["evidence"].contains("triggers") &&
        rec["evidence"]["triggers"].is_array()) {
      for (const Json& t : rec["evidence"]["triggers"]) {
        if (t.is_string()) triggers += (triggers.empty() ? "" : ";") + t.get<std::string>();
      }
    }
    if (rec.contains("amounts") && rec["amounts"].is_array()) {
      for (const Json& a : rec["amounts"]) {
        if (!a.is_object() || !a.contains("value") || !a["value"].is_number()) continue;
        const std::string kind = a.value("kind", "");
        const double value = a["value"].get<double>();
        amounts += (amounts.empty() ? "" : ";") + kind + "=" + Num(value, 2) + " " + a.value("unit", "") +
                   (a.value("approximate", false) ? " (approx.)" : "");
        if (kind == "killed" || kind == "wounded" || kind == "arrested") casualties[kind] += value;
      }
    }
    auto casualty = [&](const char* k) {
      const auto it = casualties.find(k);
      return it == casualties.end() ? std::string() : Num(it->second, 0);
    };
    line({GdeltEventId(r.id), r.id, r.folded ? "1" : "0", r.date, r.date_end, r.date_precision, r.source.text,
          r.source.name, r.source.code, r.source.code_name, r.source.country, r.source.sector, r.source.type,
          r.target.text, r.target.name, r.target.code, r.target.code_name, r.target.country, r.target.sector,
          r.target.type, r.cameo, exports::CameoName(r), r.cameo_root, std::to_string(r.quad_class),
          Num(r.goldstein, 1), info.goldstein_table, r.plover_type, r.plover_mode, context, r.modality,
          r.speaker_text, r.speaker_name, r.speaker_code, JsonText(rec, "attribution", "cue"),
          JsonText(rec, "attribution", "venue"), JsonText(rec, "attribution", "quote"), Num(r.confidence, 3),
          JsonText(rec, "location", "text"), r.location_name, r.location_country,
          r.has_location ? Num(r.lat, 5) : "", r.has_location ? Num(r.lon, 5) : "", r.gazetteer_id,
          r.location_feature, casualty("killed"), casualty("wounded"), casualty("arrested"), amounts,
          JsonText(rec, "evidence", "rule"), triggers, std::to_string(r.mentions), std::to_string(r.documents),
          std::to_string(r.sources), r.doc_id, r.doc_source, r.doc_url, r.doc_date, std::to_string(r.sentence),
          std::to_string(r.span_begin), std::to_string(r.span_end), r.sentence_text, r.coded_by});
    ++stats->rows;
    return Status::Ok();
  });
}

}  // namespace

Status Export(Store& store, const EventFilter& filter, ExportFormat format, const ExportInfo& info,
              std::ostream& out, ExportStats* stats) {
  ExportStats local;
  if (stats == nullptr) stats = &local;
  Status st;
  switch (format) {
    case ExportFormat::kGdelt: st = WriteGdelt(store, filter, out, stats); break;
    case ExportFormat::kGdeltMentions: st = WriteGdeltMentions(store, filter, out, stats); break;
    case ExportFormat::kIcews: st = WriteIcews(store, filter, out, stats); break;
    case ExportFormat::kCsv: st = WriteCsv(store, filter, info, out, stats); break;
    case ExportFormat::kPlover: st = exports::WritePlover(store, filter, info, out, stats); break;
    case ExportFormat::kGeoJson: st = exports::WriteGeoJson(store, filter, info, out, stats); break;
    case ExportFormat::kGraphMl: st = exports::WriteGraph(store, filter, info, false, out, stats); break;
    case ExportFormat::kGexf: st = exports::WriteGraph(store, filter, info, true, out, stats); break;
  }
  if (st.ok() && !out) return Status::IoError("writing the export failed");
  return st;
}

}  // namespace annals
