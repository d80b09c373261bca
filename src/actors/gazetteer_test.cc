// Tests of the gazetteer: loading with bad rows, aliases, and ranking of
// ambiguous names (Paris, Georgia, Washington).
#include "actors/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
        "alpha3\talpha2\tname\tcommon_name\tofficial_name\tlat\tlon\tcity_population\n"
        "CHE\tCH\tSwitzerland\t\t\t47.0\t7.8\t100\n"
        "XX\tXY\tBroken\t\t\t0\t0\t0\n");
  Write(dir / "admin1.tsv", "code\tcountry3\tname\ttype\tlat\tlon\tcity_population\n"
                            "CH-GE\tCHE\tGenève\tCanton\t46.2\t6.1\t200\n"
                            "CH-XX\tCHE\tNowhere\tCanton\t95\t6.1\t1\n");
  Write(dir / "geonames-cities.tsv",
        "geonameid\tname\tadmin1_code\tadmin1_name\tcountry2\tpopulation\tlat\tlon\ttimezone\n"
        "2660646\tGeneva\tGE\tGeneva\tCH\t183981\t46.20222\t6.14569\tEurope/Zurich\n"
        "1\tBadPop\tGE\tGeneva\tCH\tmany\t46\t6\tEurope/Zurich\n"
        "2\tNoCountry\tGE\tGeneva\tZZ\t5\t46\t6\tEurope/Zurich\n");
  Write(dir / "aliases.tsv", "alias\ttarget\tnote\nGenf\tgeonames:2660646\tGerman\nNope\tgeonames:999\tbad\n");
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Load(dir.string(), &issues);
  ASSERT_TRUE(gaz.ok()) << gaz.status().ToString();
  ASSERT_EQ(issues.size(), 5u);
  const std::string p = dir.string() + "/";
  EXPECT_EQ(issues[0].message, p + "countries.tsv:3:1: bad ISO alpha-3 code in column 'alpha3': 'XX'");
  EXPECT_EQ(issues[1].message, p + "admin1.tsv:3:5: bad latitude in column 'lat': '95'");
  EXPECT_EQ(issues[2].message, p + "geonames-cities.tsv:3:6: bad population in column 'population': 'many'");
  EXPECT_EQ(issues[3].message, p + "geonames-cities.tsv:4:5: unknown country code in column 'country2': 'ZZ'");
  EXPECT_EQ(issues[4].message, p + "aliases.tsv:3:2: no gazetteer entry with this id in column 'target': 'geonames:999'");
  const auto genf = (*gaz)->Lookup("Genf", {});
  ASSERT_EQ(genf.size(), 1u);
  EXPECT_EQ((*gaz)->entries()[genf[0].entry].id, "geonames:2660646");
  EXPECT_TRUE((*gaz)->Lookup("BadPop", {}).empty());
  std::filesystem::remove_all(dir);
  // A missing file is a load failure, not a crash.
  EXPECT_FALSE(Gazetteer::Load(dir.string(), &issues).ok());
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
    const auto ranked = gaz_->Rank(NameKeyFor(name), context, NameKeyFor(qualifier));
    return ranked.empty() ? std::string("<none>") : gaz_->entries()[ranked.front().entry].id;
  }
  static std::string NameKeyFor(const std::string& s);
  static Gazetteer* gaz_;
};

Gazetteer* ShippedGazetteerTest::gaz_ = nullptr;

}  // namespace
}  // namespace annals

#include "actors/name_key.h"

namespace annals {
namespace {

std::string ShippedGazetteerTest::NameKeyFor(const std::string& s) { return NameKey(s); }

TEST_F(ShippedGazetteerTest, Sizes) {
  size_t countries = 0, admin1 = 0, cities = 0;
  for (const GazetteerEntry& e : gaz_->entries()) {
    countries += e.feature == "country";
    admin1 += e.feature == "admin1";
    cities += e.feature == "city";
  }
  EXPECT_EQ(countries, 249u);
  EXPECT_EQ(admin1, 3715u);
  EXPECT_EQ(cities, 24361u);
  EXPECT_GT(gaz_->alias_count(), 60u);
}

TEST_F(ShippedGazetteerTest, Ambiguity) {
  EXPECT_EQ(Best("Paris", {}), "geonames:2988507");
  EXPECT_EQ(Best("Paris", {"USA"}), "geonames:2988507");  // context alone does not move Paris
  EXPECT_EQ(Best("Paris", {}, "Texas"), "geonames:4717560");
  EXPECT_EQ(Best("Paris", {}, "France"), "geonames:2988507");
  EXPECT_EQ(Best("Georgia", {}), "iso3166-1:GEO");
  EXPECT_EQ(Best("Georgia", {"RUS"}), "iso3166-1:GEO");
  EXPECT_EQ(Best("Georgia", {"USA"}), "iso3166-2:US-GA");
  EXPECT_EQ(Best("Geneva", {"USA"}), "geonames:2660646");
  EXPECT_EQ(Best("Washington", {"USA"}), "geonames:4140963");
  EXPECT_EQ(Best("Kiev", {}), "geonames:703448");
  EXPECT_EQ(Best("Bombay", {}), "geonames:1275339");
  EXPECT_EQ(Best("Western", {}), "<none>");  // generic division names are not matched
  EXPECT_EQ(Best("Qwxzy Town", {}), "<none>");
}

}  // namespace
}  // namespace annals
