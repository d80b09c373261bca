// Tests of the gazetteer: loading with bad rows, sizes of the shipped data,
// exonyms and transliterations, each disambiguation rule (alias, feature,
// city before division, document countries, nearness, qualifier), named and
// relative regions, and the lookup of written names.
#include "actors/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "actors/name_key.h"

namespace annals {
namespace {

void Write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p);
  out << text;
}

TEST(GazetteerTest, BadRowsAreReportedAndSkipped) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "annals_gazetteer_test";
  std::filesystem::create_directories(dir);
  Write(dir / "countries.tsv",
        "# format: annals-gazetteer-countries v1\n"
        "alpha3\talpha2\tname\tcommon_name\tofficial_name\tlat\tlon\tcity_population\n"
        "CHE\tCH\tSwitzerland\t\t\t47.0\t7.8\t100\n"
        "XX\tXY\tBroken\t\t\t0\t0\t0\n");
  Write(dir / "admin1.tsv",
        "id\tcountry3\tname\ttype\tother_names\tgeonames_code\tlat\tlon\tcity_population\n"
        "iso3166-2:CH-GE\tCHE\tGeneva\tCanton\tGenève\tGE\t46.2\t6.1\t200\n"
        "iso3166-2:CH-XX\tCHE\tNowhere\tCanton\t\t\t95\t6.1\t1\n"
        "CH-ZH\tCHE\tZurich\tCanton\t\t\t47.4\t8.5\t1\n");
  Write(dir / "geonames-cities.tsv",
        "geonameid\tname\tfeature\tcountry2\tadmin1_code\tadmin1_name\tpopulation\tlat\tlon\talternate_count\talt_names\n"
        "2660646\tGenève\tPPLA\tCH\tGE\tGeneva\t183981\t46.20222\t6.14569\t48\tGeneva|Genf\n"
        "1\tBadPop\tPPL\tCH\tGE\tGeneva\tmany\t46\t6\t0\t\n"
        "2\tNoCountry\tPPL\tZZ\tGE\tGeneva\t5\t46\t6\t0\t\n"
        "2660646\tTwice\tPPL\tCH\tGE\tGeneva\t5\t46\t6\t0\t\n"
        "x7\tBadId\tPPL\tCH\tGE\tGeneva\t5\t46\t6\t0\t\n");
  Write(dir / "regions.tsv",
        "id\tname\tcountry\tlat\tlon\tmembers\tother_names\tnote\n"
        "region:lake\tLake Region\tCHE\t\t\tiso3166-2:CH-GE\tLeman\t\n"
        "region:bad\tBad Members\tCHE\t\t\tiso3166-2:CH-NO\t\t\n"
        "lake\tNo Prefix\tCHE\t46\t6\t\t\t\n");
  Write(dir / "aliases.tsv", "alias\ttarget\tnote\nGinevra\tgeonames:2660646\tItalian\nNope\tgeonames:999\tbad\n");
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Load(dir.string(), &issues);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  const std::string p = dir.string() + "/";
  const std::vector<std::string> want = {
      p + "countries.tsv:4:1: bad ISO alpha-3 code in column 'alpha3': 'XX'",
      p + "admin1.tsv:3:7: bad latitude in column 'lat': '95'",
      p + "admin1.tsv:4:1: bad division id (iso3166-2:... or geonames-admin1:...) in column 'id': 'CH-ZH'",
      p + "geonames-cities.tsv:3:7: bad population in column 'population': 'many'",
      p + "geonames-cities.tsv:4:4: unknown country code in column 'country2': 'ZZ'",
      p + "geonames-cities.tsv:5: duplicate gazetteer id 'geonames:2660646'",
      p + "geonames-cities.tsv:6:1: bad GeoNames id in column 'geonameid': 'x7'",
      p + "regions.tsv:3:6: member 'iso3166-2:CH-NO' is no country or division id in column 'members': "
          "'iso3166-2:CH-NO'",
      p + "regions.tsv:4:1: bad region id (region:...) in column 'id': 'lake'",
      p + "aliases.tsv:3:2: no gazetteer entry with this id in column 'target': 'geonames:999'"};
  ASSERT_EQ(issues.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(issues[i].message, want[i]);
  // Names, alternate names and aliases all reach the city; the duplicate
  // row kept the first.
  for (const char* name : {"Genève", "Geneve", "Genf", "Ginevra"}) {
    const auto ranked = (*gaz)->Lookup(name, {});
    ASSERT_FALSE(ranked.empty()) << name;
    EXPECT_EQ((*gaz)->entries()[ranked[0].entry].id, "geonames:2660646") << name;
  }
  EXPECT_EQ((*gaz)->FindById("geonames:2660646")->name, "Genève");
  EXPECT_TRUE((*gaz)->Lookup("BadPop", {}).empty());
  EXPECT_TRUE((*gaz)->Lookup("Twice", {}).empty());
  // "Geneva" is both the canton and the city: the city wins; the canton is
  // "Geneva canton"/"Geneva region".
  EXPECT_EQ((*gaz)->entries()[(*gaz)->Lookup("Geneva", {})[0].entry].id, "geonames:2660646");
  EXPECT_EQ((*gaz)->entries()[(*gaz)->Lookup("Geneva region", {})[0].entry].id, "iso3166-2:CH-GE");
  // A region with members and no point takes its members' cities' centre.
  const GazetteerEntry* lake = (*gaz)->FindById("region:lake");
  ASSERT_NE(lake, nullptr);
  EXPECT_NEAR(lake->lat, 46.20222, 1e-6);
  EXPECT_EQ(lake->population, 200);
  EXPECT_EQ((*gaz)->entries()[(*gaz)->Lookup("Leman", {})[0].entry].id, "region:lake");
  std::filesystem::remove_all(dir);
  // A missing file is a load failure, not a crash.
  EXPECT_FALSE(Gazetteer::Load(dir.string(), &issues).ok());
}

TEST(GazetteerTest, Directions) {
  Direction d;
  ASSERT_TRUE(ParseDirection("southern", &d));
  EXPECT_EQ(d, Direction::kSouth);
  ASSERT_TRUE(ParseDirection("northwestern", &d));  // "north-western"
  EXPECT_EQ(d, Direction::kNorthWest);
  ASSERT_TRUE(ParseDirection("north west", &d));
  EXPECT_EQ(d, Direction::kNorthWest);
  ASSERT_TRUE(ParseDirection("east", &d));
  EXPECT_EQ(d, Direction::kEast);
  ASSERT_TRUE(ParseDirection("central", &d));
  EXPECT_EQ(d, Direction::kCentral);
  EXPECT_FALSE(ParseDirection("southward", &d));
  EXPECT_FALSE(ParseDirection("northerner", &d));
  EXPECT_FALSE(ParseDirection("", &d));
  EXPECT_EQ(DirectionName(Direction::kSouthEast), "south-east");
  EXPECT_EQ(DirectionAdjective(Direction::kSouthEast), "south-eastern");
}

class ShippedGazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<DictionaryIssue> issues;
    Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Load("data/gazetteer", &issues);
    ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
    for (const DictionaryIssue& i : issues) ADD_FAILURE() << i.message;
    gaz_ = std::move(*gaz).release();
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  static std::string Best(const std::string& name, const std::vector<std::string>& context,
                          const std::string& qualifier = "") {
    const auto ranked = gaz_->Rank(NameKey(name), context, NameKey(qualifier));
    return ranked.empty() ? std::string("<none>") : gaz_->entries()[ranked.front().entry].id;
  }
  // The entry a document that names `names` gives each of them.
  static std::vector<std::string> Resolve(const std::vector<std::string>& names,
                                          const std::vector<std::string>& actor_countries = {}) {
    std::vector<PlaceQuery> queries;
    for (const std::string& n : names) queries.push_back({NameKey(n), "", -1});
    std::vector<std::string> ids;
    for (uint32_t e : gaz_->Resolve(queries, actor_countries)) {
      ids.push_back(e == UINT32_MAX ? "<none>" : gaz_->entries()[e].id);
    }
    return ids;
  }
  static const GazetteerEntry& Entry(const std::string& id) {
    const GazetteerEntry* e = gaz_->FindById(id);
    EXPECT_NE(e, nullptr) << id;
    static const GazetteerEntry kNone;
    return e ? *e : kNone;
  }
  static Gazetteer* gaz_;
};

Gazetteer* ShippedGazetteerTest::gaz_ = nullptr;

TEST_F(ShippedGazetteerTest, Sizes) {
  size_t countries = 0, admin1 = 0, cities = 0, regions = 0;
  for (const GazetteerEntry& e : gaz_->entries()) {
    countries += e.feature == "country";
    admin1 += e.feature == "admin1";
    cities += e.feature == "city";
    regions += e.feature == "region";
  }
  EXPECT_EQ(countries, 249u);
  EXPECT_GE(admin1, 3715u);   // every ISO 3166-2 first-level division, and GeoNames' unmatched ones
  EXPECT_GE(cities, 130000u);  // GeoNames cities of 1,000 people or more
  EXPECT_GE(regions, 20u);
  EXPECT_GT(gaz_->alias_count(), 60u);
  // Every division and region the data names has a point but for the ISO
  // divisions GeoNames does not list.
  size_t admin1_with_point = 0;
  for (const GazetteerEntry& e : gaz_->entries()) admin1_with_point += e.feature == "admin1" && e.has_coordinates;
  EXPECT_GE(admin1_with_point, 3800u);
}

TEST_F(ShippedGazetteerTest, ExonymsAndTransliterations) {
  // From GeoNames' alternate names, not the alias table.
  EXPECT_EQ(Best("Kiev", {}), "geonames:703448");
  EXPECT_EQ(Best("Kharkov", {}), "geonames:706483");
  EXPECT_EQ(Best("Nikolaev", {}), "geonames:700569");
  EXPECT_EQ(Best("Bombay", {}), "geonames:1275339");
  EXPECT_EQ(Best("Tiflis", {}), "geonames:611717");
  EXPECT_EQ(Best("Khan Younis", {}), "geonames:281124");
  EXPECT_EQ(Best("Beit Lahiya", {}), "geonames:281145");
  EXPECT_EQ(Best("Tulkarem", {}), "geonames:281577");  // 44,169 people; "Tulkarm" in GeoNames
  EXPECT_EQ(Best("Gaza City", {}), "geonames:281133");
  EXPECT_EQ(Best("Orikhiv", {}), "geonames:698428");  // 17,000 people, absent from the old table
  EXPECT_EQ(Best("Qwxzy Town", {}), "<none>");
  EXPECT_EQ(Best("Western", {}), "<none>");  // generic division names are not matched
}

TEST_F(ShippedGazetteerTest, AliasAndFeatureRules) {
  EXPECT_EQ(Best("Paris", {}), "geonames:2988507");
  EXPECT_EQ(Best("Georgia", {}), "iso3166-1:GEO");        // a country outranks a division
  EXPECT_EQ(Best("Georgia", {"RUS"}), "iso3166-1:GEO");
  EXPECT_EQ(Best("Georgia", {"USA"}), "iso3166-2:US-GA");  // ...unless the document is American
  EXPECT_EQ(Best("Washington", {"USA"}), "geonames:4140963");  // the alias table: the capital
  EXPECT_EQ(Best("Gaza", {}), "geonames-admin1:PS.GZ");      // the alias table: the Strip
  EXPECT_EQ(Best("Red Sea", {}), "region:red-sea");
}

TEST_F(ShippedGazetteerTest, CityBeforeDivisionOfTheSameName) {
  EXPECT_EQ(Best("Tbilisi", {}), "geonames:611717");
  EXPECT_EQ(Best("Tbilisi", {"GEO"}), "geonames:611717");
  EXPECT_EQ(Best("Idlib", {"SYR"}), "geonames:169389");
  EXPECT_EQ(Best("Kharkiv", {"UKR"}), "geonames:706483");
  // The division is named with its type word.
  EXPECT_EQ(Best("Kharkiv region", {}), "iso3166-2:UA-63");
  EXPECT_EQ(Best("Kharkiv Oblast", {}), "iso3166-2:UA-63");
  EXPECT_EQ(Best("Idlib province", {}), "iso3166-2:SY-ID");
  EXPECT_EQ(Best("Idlib Governorate", {}), "iso3166-2:SY-ID");
  EXPECT_EQ(Best("Texas", {}), "iso3166-2:US-TX");  // no city of that name
}

TEST_F(ShippedGazetteerTest, DocumentCountriesThenPopulation) {
  // Context moves a namesake when the populations are close...
  EXPECT_EQ(Best("Tripoli", {}), "geonames:2210247");        // Libya
  EXPECT_EQ(Best("Tripoli", {"LBN"}), "geonames:266826");    // Lebanon
  EXPECT_EQ(Best("Hyderabad", {}), "geonames:1269843");      // India
  EXPECT_EQ(Best("Hyderabad", {"PAK"}), "geonames:1176734");  // Pakistan
  // ...not a world city against a small town.
  EXPECT_EQ(Best("Paris", {"USA"}), "geonames:2988507");
  EXPECT_EQ(Best("Geneva", {"USA"}), "geonames:2660646");
}

TEST_F(ShippedGazetteerTest, QualifierDecides) {
  EXPECT_EQ(Best("Paris", {}, "Texas"), "geonames:4717560");
  EXPECT_EQ(Best("Paris", {}, "France"), "geonames:2988507");
  EXPECT_EQ(Best("Hyderabad", {}, "Pakistan"), "geonames:1176734");
}

TEST_F(ShippedGazetteerTest, ResolveUsesTheDocumentsOtherPlaces) {
  // Alone, the larger namesake; beside a place of its country, the other.
  EXPECT_EQ(Resolve({"Tripoli"})[0], "geonames:2210247");
  EXPECT_EQ(Resolve({"Beirut", "Tripoli"})[1], "geonames:266826");
  EXPECT_EQ(Resolve({"Tripoli", "Lebanon"})[0], "geonames:266826");
  // Nearness: Tuscaloosa is 90 km from Birmingham, Alabama.
  EXPECT_EQ(Resolve({"Birmingham"})[0], "geonames:2655603");
  EXPECT_EQ(Resolve({"Birmingham", "Tuscaloosa"})[0], "geonames:4049979");
  // A place that wins on its own is not moved by the others.
  EXPECT_EQ(Resolve({"London", "Toronto"})[0], "geonames:2643743");
  // A named region of one country qualifies like its country: "Bari,
  // Puntland" is Somalia's Bari region, not Bari, Italy.
  EXPECT_EQ(Best("Bari", {}, "Puntland"), "iso3166-2:SO-BR");
  // A qualifier lies in its head's country ("Atlanta, Georgia").
  std::vector<PlaceQuery> q = {{"atlanta", "georgia", -1}, {"georgia", "", 0}};
  const std::vector<uint32_t> best = gaz_->Resolve(q, {});
  EXPECT_EQ(gaz_->entries()[best[1]].id, "iso3166-2:US-GA");
  EXPECT_EQ(gaz_->entries()[best[0]].country, "USA");
  EXPECT_EQ(Resolve({"Nowhere Qwxzy"})[0], "<none>");
  // A small town in none of the document's countries, beside clear places
  // elsewhere, is a namesake the gazetteer lacks: no place.
  EXPECT_EQ(Resolve({"Babila"})[0], "geonames:171998");  // the Syrian village, alone
  EXPECT_EQ(Resolve({"DRC", "Babila"})[1], "<none>");
  EXPECT_EQ(Resolve({"Syria", "Babila"})[1], "geonames:171998");
  EXPECT_EQ(Resolve({"Babila"}, {"SYR"})[0], "geonames:171998");
}

// A long document names the same places again and again: its context
// keeps each point once, and ranking with it gives the scores of the short
// document's context (issue 17, per-document time: ranking used to measure
// the distance to every mention, quadratic in the document's length).
TEST_F(ShippedGazetteerTest, RepeatedPlacesCountOnceInTheContext) {
  PlaceContext few;
  for (const char* id : {"geonames:4049979", "geonames:2643743", "geonames:266826"}) {
    few.points.push_back({Entry(id).lat, Entry(id).lon});
  }
  PlaceContext many;
  for (int i = 0; i < 5000; ++i) many.points.push_back(few.points[static_cast<size_t>(i) % 3]);
  few.SortPoints();
  many.SortPoints();
  ASSERT_EQ(many.points.size(), 3u);
  for (size_t i = 1; i < many.points.size(); ++i) EXPECT_LE(many.points[i - 1].lat, many.points[i].lat);
  for (const char* name : {"birmingham", "tripoli", "paris"}) {
    const auto a = gaz_->RankInContext(name, few, "");
    const auto b = gaz_->RankInContext(name, many, "");
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].entry, b[i].entry);
      EXPECT_EQ(a[i].score, b[i].score);
    }
  }
  // Near Tuscaloosa, Birmingham is the Alabama city, as in Resolve.
  PlaceContext alabama;
  alabama.points.push_back({Entry("geonames:4094455").lat, Entry("geonames:4094455").lon});
  alabama.SortPoints();
  EXPECT_EQ(gaz_->entries()[gaz_->RankInContext("birmingham", alabama, "").front().entry].id, "geonames:4049979");
}

TEST_F(ShippedGazetteerTest, NamedRegions) {
  for (const char* name : {"Donbas", "Donbass"}) EXPECT_EQ(Best(name, {}), "region:donbas") << name;
  EXPECT_EQ(Best("Sahel", {}), "region:sahel");  // not Burkina Faso's Sahel region
  EXPECT_EQ(Best("Kurdistan Region", {}), "region:kurdistan-region");
  EXPECT_EQ(Best("Iraqi Kurdistan", {}), "region:kurdistan-region");
  EXPECT_EQ(Best("West Bank", {}), "geonames-admin1:PS.WE");
  const GazetteerEntry& donbas = Entry("region:donbas");
  EXPECT_EQ(donbas.feature, "region");
  EXPECT_EQ(donbas.country, "UKR");
  // Its point: the centre of Donetsk and Luhansk oblasts' cities.
  EXPECT_NEAR(donbas.lat, 48.2, 0.5);
  EXPECT_NEAR(donbas.lon, 38.2, 0.8);
  EXPECT_TRUE(Entry("region:sahel").country.empty());  // across countries
}

TEST_F(ShippedGazetteerTest, RelativeRegions) {
  const auto part = [&](const std::string& id, Direction d) {
    const GazetteerEntry* target = gaz_->FindById(id);
    EXPECT_NE(target, nullptr) << id;
    return gaz_->Relative(static_cast<uint32_t>(target - gaz_->entries().data()), d);
  };
  const GazetteerEntry& lebanon = Entry("iso3166-1:LBN");
  const std::optional<GazetteerEntry> south = part("iso3166-1:LBN", Direction::kSouth);
  ASSERT_TRUE(south.has_value());
  EXPECT_EQ(south->id, "iso3166-1:LBN#south");
  EXPECT_EQ(south->name, "southern Lebanon");
  EXPECT_EQ(south->feature, "region");
  EXPECT_EQ(south->country, "LBN");
  // Tyre, Sidon, Nabatieh: south of Beirut, not the country's own point.
  EXPECT_LT(south->lat, 33.65);
  EXPECT_GT(south->lat, 33.0);
  EXPECT_LT(south->lat, lebanon.lat - 0.2);
  const std::optional<GazetteerEntry> east = part("iso3166-1:UKR", Direction::kEast);
  ASSERT_TRUE(east.has_value());
  EXPECT_GT(east->lon, 35.0);  // Kharkiv, Donetsk, Luhansk, Dnipro
  const std::optional<GazetteerEntry> west = part("iso3166-1:UKR", Direction::kWest);
  EXPECT_LT(west->lon, 27.0);  // Lviv
  const std::optional<GazetteerEntry> north_gaza = part("geonames-admin1:PS.GZ", Direction::kNorth);
  EXPECT_GT(north_gaza->lat, Entry("geonames-admin1:PS.GZ").lat);
  EXPECT_EQ(north_gaza->admin1, "PS.GZ");
  const std::optional<GazetteerEntry> nw_syria = part("iso3166-1:SYR", Direction::kNorthWest);
  EXPECT_GT(nw_syria->lat, 35.5);  // Idlib, Aleppo
  EXPECT_LT(nw_syria->lon, 37.5);
  const std::optional<GazetteerEntry> central = part("iso3166-1:ISR", Direction::kCentral);
  EXPECT_NEAR(central->lat, 32.0, 0.5);  // Tel Aviv and the coastal plain
  // A named region has parts too; a city has none ("southern Beirut" is Beirut).
  EXPECT_TRUE(part("region:donbas", Direction::kNorth).has_value());
  EXPECT_FALSE(part("geonames:276781", Direction::kSouth).has_value());
}

TEST_F(ShippedGazetteerTest, LookupTextAsAPersonTypesIt) {
  const auto best = [&](const std::string& text) {
    const auto ranked = gaz_->LookupText(text, PlaceContext(), "");
    return ranked.empty() ? std::string("<none>") : ranked.front().entry.id;
  };
  EXPECT_EQ(best("Tbilisi"), "geonames:611717");
  EXPECT_EQ(best("southern Lebanon"), "iso3166-1:LBN#south");
  EXPECT_EQ(best("South Lebanon"), "iso3166-1:LBN#south");
  EXPECT_EQ(best("eastern Ukraine"), "iso3166-1:UKR#east");
  EXPECT_EQ(best("northern Gaza"), "geonames-admin1:PS.GZ#north");
  EXPECT_EQ(best("north-west Syria"), "iso3166-1:SYR#north-west");
  EXPECT_EQ(best("the Donbas"), "region:donbas");
  EXPECT_EQ(best("the West Bank"), "geonames-admin1:PS.WE");
  EXPECT_EQ(best("the Sahel"), "region:sahel");
  EXPECT_EQ(best("Kurdistan region"), "region:kurdistan-region");
  EXPECT_EQ(best("Kiev"), "geonames:703448");
  EXPECT_EQ(best("Gaza City"), "geonames:281133");
  EXPECT_EQ(best("South Korea"), "iso3166-1:KOR");   // a name first, a direction only if none
  EXPECT_EQ(best("southern Beirut"), "geonames:276781");  // a city's part is the city
  EXPECT_EQ(best("southern Qwxzy"), "<none>");
}

}  // namespace
}  // namespace annals
