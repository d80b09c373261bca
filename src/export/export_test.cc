// Export round trips: each format is written from a store of hand-made
// documents and read back the way a downstream tool would (GDELT's
// published column list, ICEWS header, PLOVER schema, CSV, GeoJSON, XML).
#include "export/export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/stats.h"
#include "store/store_test_util.h"

namespace annals {
namespace {

using testing::AddEvent;
using testing::MakeDoc;
using testing::MakePlace;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return f;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// RFC 4180 reader for the CSV round trip.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ontology_ = testing::LoadTestOntology();
    ASSERT_NE(ontology_, nullptr);
    path_ = ::testing::TempDir() + "annals_export_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    for (const char* ext : {"", "-wal", "-shm"}) std::remove((path_ + ext).c_str());
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
    ASSERT_TRUE(store_->SetMeta("goldstein_table", "gdelt").ok());
    ASSERT_TRUE(store_->SetMeta("ontology", "test ontology").ok());

    // Three reports of one strike (one with a place), a statement (CAMEO 01,
    // not expressible in PLOVER) and a meeting with a comma in its text.
    std::vector<Document> docs;
    const char* sources[] = {"Reuters", "AP", "BBC"};
    for (int i = 0; i < 3; ++i) {
      Document d = MakeDoc("strike-" + std::to_string(i), "2025-08-19", sources[i],
                           {"Russia attacked Ukraine near Kharkiv overnight, killing 12 people, source " +
                            std::to_string(i) + " said."});
      Event& e = AddEvent(&d, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
      if (i == 0) e.location = MakePlace(d, "Kharkiv", "geonames:706483", "UKR", 49.98, 36.25);
      docs.push_back(std::move(d));
    }
    Document said = MakeDoc("statement", "2025-08-20", "AFP", {"France said it was \"deeply concerned\"."});
    AddEvent(&said, 0, "France", "FRA", "said", "", "", "010", "2025-08-20");
    docs.push_back(said);
    Document m = MakeDoc("meeting", "2025-08-21", "DW", {"Germany met Poland in Warsaw, officials said."});
    AddEvent(&m, 0, "Germany", "DEU", "met", "Poland", "POL", "036", "2025-08-21").location =
        MakePlace(m, "Warsaw", "geonames:756135", "POL", 52.23, 21.01);
    docs.push_back(m);
    ASSERT_TRUE(store_->Begin().ok());
    for (const Document& d : docs) {
      ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
    }
    ASSERT_TRUE(store_->Commit().ok());
  }

  std::string Run(ExportFormat f, bool folded = true, ExportStats* stats = nullptr) {
    EventFilter filter;
    filter.folded = folded;
    Result<ExportInfo> info = ReadExportInfo(*store_, "9.9.9", filter);
    EXPECT_TRUE(info.ok());
    std::ostringstream out;
    ExportStats local;
    const Status st = Export(*store_, filter, f, *info, out, stats ? stats : &local);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out.str();
  }

  std::unique_ptr<Ontology> ontology_;
  std::unique_ptr<Store> store_;
  std::string path_;
};

// The GDELT 2.0 Event table columns as published in the GDELT Event Codebook
// V2.0 (tab-delimited, no header), written out here independently of the
// exporter so the test catches a missing, extra or reordered column.
const std::vector<std::string> kPublishedGdeltColumns = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};

const std::vector<std::string> kPublishedGdeltMentionColumns = {
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"};

TEST_F(ExportTest, GdeltEventsLoadWithThePublishedColumnList) {
  ASSERT_EQ(kPublishedGdeltColumns.size(), 61u);
  EXPECT_EQ(GdeltEventColumns(), kPublishedGdeltColumns);
  const std::vector<std::string> lines = Lines(Run(ExportFormat::kGdelt));
  ASSERT_EQ(lines.size(), 3u);  // strike (folded), statement, meeting
  std::map<std::string, std::map<std::string, std::string>> by_code;
  for (const std::string& l : lines) {
    const std::vector<std::string> f = SplitTabs(l);
    ASSERT_EQ(f.size(), kPublishedGdeltColumns.size()) << l;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < f.size(); ++i) row[kPublishedGdeltColumns[i]] = f[i];
    by_code[row["EventCode"]] = row;
    // Integer id, as GDELT loaders expect.
    EXPECT_EQ(row["GLOBALEVENTID"].find_first_not_of("0123456789"), std::string::npos);
    EXPECT_EQ(row["DATEADDED"].size(), 14u);
  }
  ASSERT_EQ(by_code.count("190"), 1u);
  const auto& strike = by_code["190"];
  EXPECT_EQ(strike.at("SQLDATE"), "20250819");
  EXPECT_EQ(strike.at("MonthYear"), "202508");
  EXPECT_EQ(strike.at("Actor1Code"), "RUS");
  EXPECT_EQ(strike.at("Actor2CountryCode"), "UKR");
  EXPECT_EQ(strike.at("EventRootCode"), "19");
  EXPECT_EQ(strike.at("QuadClass"), "4");
  EXPECT_EQ(strike.at("GoldsteinScale"), "-10");
  EXPECT_EQ(strike.at("NumMentions"), "3");
  EXPECT_EQ(strike.at("NumSources"), "3");
  EXPECT_EQ(strike.at("ActionGeo_FeatureID"), "706483");
  EXPECT_EQ(strike.at("ActionGeo_Type"), "4");
  // Codes stay strings: the leading zeros survive.
  ASSERT_EQ(by_code.count("010"), 1u);
  EXPECT_EQ(by_code["010"].at("EventRootCode"), "01");
  EXPECT_EQ(by_code["036"].at("EventBaseCode"), "036");
}

TEST_F(ExportTest, GdeltMentionsPointAtEveryReport) {
  EXPECT_EQ(GdeltMentionColumns(), kPublishedGdeltMentionColumns);
  const std::vector<std::string> events = Lines(Run(ExportFormat::kGdelt));
  const std::vector<std::string> mentions = Lines(Run(ExportFormat::kGdeltMentions));
  ASSERT_EQ(mentions.size(), 5u);  // 3 for the strike + 1 + 1
  std::set<std::string> event_ids;
  for (const std::string& l : events) event_ids.insert(SplitTabs(l)[0]);
  std::map<std::string, int> per_event;
  for (const std::string& l : mentions) {
    const std::vector<std::string> f = SplitTabs(l);
    ASSERT_EQ(f.size(), 16u);
    EXPECT_EQ(event_ids.count(f[0]), 1u) << "mention of an event not in the events table";
    ++per_event[f[0]];
    EXPECT_EQ(f[3], "1");
    EXPECT_EQ(f[6], "1");      // SentenceID is 1-based
    EXPECT_EQ(f[7], "0");      // "Russia"/"Germany"/"France" open the document
    EXPECT_EQ(f[11], "90");    // confidence 0.9
  }
  int max = 0;
  for (const auto& [id, n] : per_event) max = std::max(max, n);
  EXPECT_EQ(max, 3);
  // The raw view writes one mention per record too.
  EXPECT_EQ(Lines(Run(ExportFormat::kGdeltMentions, false)).size(), 5u);
}

TEST_F(ExportTest, IcewsHasTwentyColumnsThenExtensions) {
  const std::vector<std::string> lines = Lines(Run(ExportFormat::kIcews, false));
  ASSERT_EQ(lines.size(), 6u);  // header + 5 raw records
  EXPECT_EQ(SplitTabs(lines[0]), IcewsColumns());
  ASSERT_EQ(IcewsColumns().size(), 23u);
  EXPECT_EQ(IcewsColumns()[19], "Longitude");  // the 20 ICEWS columns first
  EXPECT_EQ(IcewsColumns()[20], "Modality");
  bool saw_strike = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> f = SplitTabs(lines[i]);
    ASSERT_EQ(f.size(), 23u);
    EXPECT_EQ(f[20], "asserted");
    if (f[6] == "190") {
      saw_strike = true;
      EXPECT_EQ(f[5], "Use conventional military force");
      EXPECT_EQ(f[7], "-10");
      EXPECT_EQ(f[10], "Ukraine");  // country names, as ICEWS writes them
    }
  }
  EXPECT_TRUE(saw_strike);
}

TEST_F(ExportTest, PloverValidatesAgainstTheSchema) {
  ExportStats stats;
  const std::string text = Run(ExportFormat::kPlover, true, &stats);
  const std::vector<std::string> lines = Lines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(stats.skipped, 1u);  // the CAMEO 010 statement has no PLOVER type
  for (const std::string& l : lines) {
    const nlohmann::json j = nlohmann::json::parse(l);
    for (const char* field : {"id", "date", "actor", "event"}) EXPECT_TRUE(j.contains(field)) << field;
    EXPECT_EQ(j["annals"]["goldstein_table"], "gdelt");
  }
  // Validate with the JSON Schema reference implementation when present.
  const std::string file = path_ + ".plover.jsonl";
  std::ofstream(file) << text;
  const std::string schema = "docs/schema/plover.schema.json";
  if (std::system("python3 -c 'import jsonschema' 2>/dev/null") != 0) {
    GTEST_SKIP() << "python3 jsonschema not installed: schema validation not run";
  }
  const std::string cmd =
      "python3 -c 'import json,sys,jsonschema; s=json.load(open(sys.argv[1])); "
      "jsonschema.Draft7Validator.check_schema(s); v=jsonschema.Draft7Validator(s); "
      "n=0\nfor l in open(sys.argv[2]):\n  v.validate(json.loads(l)); n+=1\nsys.exit(0 if n else 3)' " +
      schema + " " + file;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  // A record missing a required field must fail, or the check proves nothing.
  std::ofstream(file) << "{\"id\":\"x\",\"date\":\"2025-08-19\",\"event\":[\"ASSAULT\"]}\n";
  EXPECT_NE(std::system((cmd + " 2>/dev/null").c_str()), 0);
}

TEST_F(ExportTest, CsvRoundTrips) {
  const std::vector<std::vector<std::string>> rows = ParseCsv(Run(ExportFormat::kCsv));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], CsvColumns());
  for (const auto& r : rows) EXPECT_EQ(r.size(), CsvColumns().size());
  const auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(CsvColumns().begin(), CsvColumns().end(), name) - CsvColumns().begin());
  };
  bool saw_quote = false;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][col("cameo")] == "010") {
      EXPECT_EQ(rows[i][col("sentence_text")], "France said it was \"deeply concerned\".");
      saw_quote = true;
    }
  }
  EXPECT_TRUE(saw_quote);
}

TEST_F(ExportTest, GeoJsonHasOnlyLocatedEventsAndProvenance) {
  ExportStats stats;
  const nlohmann::json j = nlohmann::json::parse(Run(ExportFormat::kGeoJson, true, &stats));
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_EQ(j["annals"]["annals_version"], "9.9.9");
  EXPECT_EQ(j["annals"]["goldstein_table"], "gdelt");
  ASSERT_EQ(j["features"].size(), 2u);
  EXPECT_EQ(stats.skipped, 1u);
  for (const auto& f : j["features"]) {
    EXPECT_EQ(f["geometry"]["type"], "Point");
    const double lon = f["geometry"]["coordinates"][0];
    EXPECT_GT(lon, 20.0);  // [lon, lat] order: both places lie east of 20 E, north of 49 N
  }
}

TEST_F(ExportTest, GraphsWeighEdgesByEvents) {
  const std::string graphml = Run(ExportFormat::kGraphMl, false);
  EXPECT_NE(graphml.find("<edge id=\"e1\" source=\"RUS\" target=\"UKR\"><data key=\"weight\">3</data>"),
            std::string::npos)
      << graphml;
  EXPECT_NE(graphml.find("goldstein_table"), std::string::npos);
  const std::string gexf = Run(ExportFormat::kGexf, false);
  EXPECT_NE(gexf.find("source=\"RUS\" target=\"UKR\" weight=\"3\""), std::string::npos) << gexf;
  EXPECT_NE(gexf.find("Goldstein table: gdelt"), std::string::npos);
  if (std::system("python3 -c 'import xml' 2>/dev/null") == 0) {
    for (const auto& [name, text] : {std::pair{"graphml", graphml}, std::pair{"gexf", gexf}}) {
      const std::string file = path_ + "." + name;
      std::ofstream(file) << text;
      const std::string cmd = "python3 -c 'import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])' " + file;
      EXPECT_EQ(std::system(cmd.c_str()), 0) << name << " is not well-formed XML";
    }
  }
}

TEST_F(ExportTest, ProvenanceSidecarNamesVersionOntologyAndTable) {
  Result<ExportInfo> info = ReadExportInfo(*store_, "9.9.9", EventFilter{});
  ASSERT_TRUE(info.ok());
  const nlohmann::json j = nlohmann::json::parse(ProvenanceJson(*info, ExportFormat::kGdelt, 3));
  EXPECT_EQ(j["annals_version"], "9.9.9");
  EXPECT_EQ(j["ontology"], "test ontology");
  EXPECT_EQ(j["goldstein_table"], "gdelt");
  EXPECT_EQ(j["coded_by"][0], "test-coder");
  EXPECT_EQ(j["columns"].size(), 61u);
  EXPECT_FALSE(ParseExportFormat("xlsx").ok());
}

// Issue 14.1: events that did not happen are not exported as if they did.
// The four sentences: only the reported strike goes out by default,
// and every format says which modalities it holds.
class ModalityExportTest : public ExportTest {
 protected:
  void SetUp() override {
    ExportTest::SetUp();
    Document d = MakeDoc("four", "2025-03-03", "Wire",
                         {"Russia denied attacking Ukraine on Monday.", "Iran could strike Israel if talks fail.",
                          "China will impose sanctions on Japan next month.", "Russia did not attack Ukraine.",
                          "Russia reportedly attacked Georgia."});
    AddEvent(&d, 0, "Russia", "RUS", "attacking", "Ukraine", "UKR", "190", "2025-03-03").modality =
        Modality::kNegated;
    AddEvent(&d, 1, "Iran", "IRN", "strike", "Israel", "ISR", "190", "2025-03-03").modality =
        Modality::kHypothetical;
    AddEvent(&d, 2, "China", "CHN", "impose", "Japan", "JPN", "163", "2025-04").modality = Modality::kPlanned;
    AddEvent(&d, 3, "Russia", "RUS", "attack", "Ukraine", "UKR", "190", "2025-03-03").modality = Modality::kNegated;
    AddEvent(&d, 4, "Russia", "RUS", "attacked", "Georgia", "GEO", "190", "2025-03-03").modality =
        Modality::kReported;
    ASSERT_TRUE(store_->Begin().ok());
    ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  std::string RunWith(ExportFormat f, const EventFilter& filter) {
    Result<ExportInfo> info = ReadExportInfo(*store_, "9.9.9", filter);
    EXPECT_TRUE(info.ok());
    std::ostringstream out;
    ExportStats stats;
    EXPECT_TRUE(Export(*store_, filter, f, *info, out, &stats).ok());
    return out.str();
  }
};

TEST_F(ModalityExportTest, ByDefaultOnlyEventsThatHappenedAreExported) {
  EventFilter doc_only;
  doc_only.doc = "four";
  const std::vector<std::string> gdelt = Lines(RunWith(ExportFormat::kGdelt, doc_only));
  ASSERT_EQ(gdelt.size(), 1u);
  EXPECT_EQ(SplitTabs(gdelt[0])[15], "GEO");  // the reported strike
  EventFilter all = doc_only;
  all.modalities.clear();
  EXPECT_EQ(Lines(RunWith(ExportFormat::kGdelt, all)).size(), 4u);  // the two denials fold into one
  // Graphs and stats count the same way.
  EXPECT_EQ(RunWith(ExportFormat::kGraphMl, doc_only).find("target=\"UKR\""), std::string::npos);
  Result<Table> dyads = TopDyads(*store_, doc_only, 10);
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads->rows.size(), 1u);
  EXPECT_EQ(dyads->rows[0][2], "GEO");
  // Provenance: sidecar, inline, and the CSV/PLOVER/ICEWS/GeoJSON fields.
  Result<ExportInfo> info = ReadExportInfo(*store_, "9.9.9", doc_only);
  ASSERT_TRUE(info.ok());
  const nlohmann::json side = nlohmann::json::parse(ProvenanceJson(*info, ExportFormat::kGdelt, 1));
  EXPECT_EQ(side["modalities"], nlohmann::json::array({"asserted", "reported"}));
  info = ReadExportInfo(*store_, "9.9.9", all);
  EXPECT_EQ(nlohmann::json::parse(ProvenanceJson(*info, ExportFormat::kGdelt, 5))["modalities"], "all");
  EXPECT_NE(RunWith(ExportFormat::kGexf, doc_only).find("asserted, reported"), std::string::npos);
  EXPECT_NE(RunWith(ExportFormat::kGraphMl, doc_only).find("<data key=\"g_modalities\">asserted, reported"),
            std::string::npos);
  const std::vector<std::vector<std::string>> csv = ParseCsv(RunWith(ExportFormat::kCsv, all));
  const size_t modality = static_cast<size_t>(std::find(csv[0].begin(), csv[0].end(), "modality") - csv[0].begin());
  ASSERT_LT(modality, csv[0].size());
  std::set<std::string> seen;
  for (size_t i = 1; i < csv.size(); ++i) seen.insert(csv[i][modality]);
  EXPECT_EQ(seen, (std::set<std::string>{"negated", "hypothetical", "planned", "reported"}));
  const nlohmann::json plover = nlohmann::json::parse(Lines(RunWith(ExportFormat::kPlover, doc_only))[0]);
  EXPECT_EQ(plover["annals"]["modality"], "reported");
}

// Issue 14.5: integer ids survive R, JavaScript and spreadsheets (at most
// 2^53), the same in the events, mentions, ICEWS and CSV tables.
TEST_F(ExportTest, IntegerIdsAreExactAsDoublesAndAgreeAcrossTables) {
  std::set<std::string> events, mentions, icews, csv;
  for (const std::string& l : Lines(Run(ExportFormat::kGdelt))) events.insert(SplitTabs(l)[0]);
  for (const std::string& l : Lines(Run(ExportFormat::kGdeltMentions))) mentions.insert(SplitTabs(l)[0]);
  const std::vector<std::string> ic = Lines(Run(ExportFormat::kIcews));
  for (size_t i = 1; i < ic.size(); ++i) icews.insert(SplitTabs(ic[i])[0]);
  const std::vector<std::vector<std::string>> rows = ParseCsv(Run(ExportFormat::kCsv));
  for (size_t i = 1; i < rows.size(); ++i) csv.insert(rows[i][0]);
  EXPECT_EQ(events, mentions);
  EXPECT_EQ(events, icews);
  EXPECT_EQ(events, csv);
  for (const std::string& id : events) {
    const unsigned long long v = std::stoull(id);
    EXPECT_LE(v, (1ull << 53) - 1) << id;
    EXPECT_EQ(static_cast<unsigned long long>(static_cast<double>(v)), v);
  }
  EXPECT_EQ(GdeltEventId("ffffffffffffffff"), "9007199254740991");
}

// Issue 14.8: the geography columns hold GDELT's FIPS 10-4 codes; an IGO is
// never an actor country.
TEST_F(ExportTest, GdeltGeographyInFipsAndNoIgoCountry) {
  Document d = MakeDoc("un", "2025-08-22", "AP", {"The United Nations condemned Russia in Kyiv."});
  Event& e = AddEvent(&d, 0, "United Nations", "UNO", "condemned", "Russia", "RUS", "111", "2025-08-22");
  e.source->actor.country = "UNO";
  e.source->actor.type = "igo";
  e.location = MakePlace(d, "Kyiv", "geonames:703448", "UKR", 50.45, 30.52);
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
  ASSERT_TRUE(store_->Commit().ok());
  const auto col = [](const std::string& name) {
    return static_cast<size_t>(std::find(kPublishedGdeltColumns.begin(), kPublishedGdeltColumns.end(), name) -
                               kPublishedGdeltColumns.begin());
  };
  bool saw_un = false, saw_kharkiv = false;
  for (const std::string& l : Lines(Run(ExportFormat::kGdelt))) {
    const std::vector<std::string> f = SplitTabs(l);
    if (f[col("Actor1Code")] == "UNO") {
      saw_un = true;
      EXPECT_EQ(f[col("Actor1CountryCode")], "");
      EXPECT_EQ(f[col("Actor1KnownGroupCode")], "UNO");
      EXPECT_EQ(f[col("ActionGeo_CountryCode")], "UP");  // Ukraine in FIPS 10-4
      EXPECT_EQ(f[col("ActionGeo_ADM1Code")], "UP12");   // GeoNames' division of Kyiv, in FIPS
    }
    if (f[col("ActionGeo_FullName")] == "Kharkiv") {
      saw_kharkiv = true;
      EXPECT_EQ(f[col("ActionGeo_ADM1Code")], "UP07");
      EXPECT_EQ(f[col("Actor1CountryCode")], "RUS");
    }
  }
  EXPECT_TRUE(saw_un);
  EXPECT_TRUE(saw_kharkiv);
}

// Issue 14.8: ICEWS generic actors and sectors as ICEWS writes them; PLOVER
// country codes, sectors and location as the PLOVER manual writes them.
TEST_F(ExportTest, IcewsAndPloverSpeakTheirEcosystemsCodes) {
  Document d = MakeDoc("th", "2025-08-22", "AP", {"Thai soldiers detained NATO journalists in Bangkok."});
  Event& e = AddEvent(&d, 0, "Thai soldiers", "THAMIL", "detained", "NATO journalists", "NATOMED", "173",
                      "2025-08-22");
  e.source->actor.type = "group";
  e.source->actor.sector = "MIL";
  e.source->actor.country = "THA";
  e.target->actor.type = "igo";
  e.target->actor.country = "NATO";
  e.target->actor.sector = "MED";
  e.location = MakePlace(d, "Bangkok", "geonames:1609350", "THA", 13.75, 100.5);
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
  ASSERT_TRUE(store_->Commit().ok());
  bool saw = false;
  for (const std::string& l : Lines(Run(ExportFormat::kIcews))) {
    const std::vector<std::string> f = SplitTabs(l);
    if (f[6] != "173") continue;
    saw = true;
    EXPECT_EQ(f[2], "Military (Thailand)");
    EXPECT_EQ(f[3], "Military");
    EXPECT_EQ(f[4], "Thailand");
    EXPECT_EQ(f[9], "Media");
    EXPECT_EQ(f[10], "");  // an IGO has no country
    EXPECT_EQ(f[16], "Bangkok");  // GeoNames division of the city
  }
  EXPECT_TRUE(saw);
  saw = false;
  for (const std::string& l : Lines(Run(ExportFormat::kPlover))) {
    const nlohmann::json j = nlohmann::json::parse(l);
    if (j["annals"]["cameo"] != "173") continue;
    saw = true;
    EXPECT_EQ(j["actor"][0]["code"], "THA");
    EXPECT_EQ(j["recipient"][0]["code"], "IGO");  // PLOVER Table 5.1
    EXPECT_EQ(j["recipient"][0]["sector"], "JRN");  // CAMEO MED is PLOVER JRN
    EXPECT_EQ(j["event_loc"]["geonameid"], 1609350);
    EXPECT_EQ(j["event_loc"]["resolution"], 4);
    EXPECT_EQ(j["event_loc"]["country_code"], "THA");
    EXPECT_EQ(j["event_loc"]["city"], "Bangkok");
  }
  EXPECT_TRUE(saw);
}

// Issue 14.8: CSV carries every field -- amounts, attribution, PLOVER
// context, rule -- and neutralises cells a spreadsheet would run (17.8).
TEST_F(ExportTest, CsvHasEveryFieldAndNoFormulas) {
  Document d = MakeDoc("csv", "2025-08-22", "=HYPERLINK(\"x\")",
                       {"Russia bombed Ukraine, killing 12 people, Kyiv said."});
  Event& e = AddEvent(&d, 0, "Russia", "RUS", "bombed", "Ukraine", "UKR", "195", "2025-08-22");
  Amount a;
  a.kind = "killed";
  a.value = 12;
  a.unit = "people";
  a.text = "killing 12 people";
  a.span = testing::Find(d, "killing 12 people");
  d.amounts.push_back(a);
  e.amounts = {0};
  e.attribution = Attribution{};
  e.attribution->speaker_text = "Kyiv";
  e.attribution->speaker.name = "Ukraine";
  e.attribution->speaker.code = "UKRGOV";
  e.attribution->cue = "say";
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
  ASSERT_TRUE(store_->Commit().ok());
  const std::vector<std::vector<std::string>> rows = ParseCsv(Run(ExportFormat::kCsv));
  const auto col = [&](const std::string& name) {
    const size_t c = static_cast<size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
    EXPECT_LT(c, rows[0].size()) << name;
    return c;
  };
  bool saw = false;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][col("cameo")] != "195") continue;
    saw = true;
    EXPECT_EQ(rows[i][col("killed")], "12");
    EXPECT_NE(rows[i][col("amounts")].find("killed=12"), std::string::npos);
    EXPECT_EQ(rows[i][col("attribution_speaker_code")], "UKRGOV");
    EXPECT_EQ(rows[i][col("attribution_cue")], "say");
    EXPECT_EQ(rows[i][col("rule")], "test:195");
    EXPECT_EQ(rows[i][col("source_code_name")], "Russia");
    EXPECT_FALSE(rows[i][col("plover_context")].empty());
    EXPECT_EQ(rows[i][col("doc_source")], "'=HYPERLINK(\"x\")");
    EXPECT_EQ(rows[i][col("goldstein")], "-10");  // numbers stay numbers
  }
  EXPECT_TRUE(saw);
}

}  // namespace
}  // namespace annals
