// Tests of the precomputed gazetteer against the text loader, its slow
// reference: the shipped data gives the same entries, the same entries for
// every name key and id, the same relative regions and the same issues;
// and a file that is truncated anywhere, has any byte changed, is of
// another format version or was built from other text is refused with a
// message naming it, while Load parses the text instead and says why.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/gazetteer.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small gazetteer with a bad row in each file (issues to carry over).
fs::path SmallGazetteer(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("annals_precomputed_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  Write(dir / "countries.tsv",
        "alpha3\talpha2\tname\tcommon_name\tofficial_name\tlat\tlon\tcity_population\n"
        "CHE\tCH\tSwitzerland\t\t\t47.0\t7.8\t100\n"
        "XX\tXY\tBroken\t\t\t0\t0\t0\n");
  Write(dir / "admin1.tsv",
        "id\tcountry3\tname\ttype\tother_names\tgeonames_code\tlat\tlon\tcity_population\n"
        "iso3166-2:CH-GE\tCHE\tGeneva\tCanton\tGenève\tGE\t46.2\t6.1\t200\n");
  Write(dir / "geonames-cities.tsv",
        "geonameid\tname\tfeature\tcountry2\tadmin1_code\tadmin1_name\tpopulation\tlat\tlon\talternate_count\talt_names\n"
        "2660646\tGenève\tPPLA\tCH\tGE\tGeneva\t183981\t46.20222\t6.14569\t48\tGeneva|Genf\n"
        "2\tNoCountry\tPPL\tZZ\tGE\tGeneva\t5\t46\t6\t0\t\n");
  Write(dir / "regions.tsv",
        "id\tname\tcountry\tlat\tlon\tmembers\tother_names\tnote\n"
        "region:lake\tLake Region\tCHE\t\t\tiso3166-2:CH-GE\tLeman\t\n");
  Write(dir / "aliases.tsv", "alias\ttarget\tnote\nGinevra\tgeonames:2660646\tItalian\nNope\tgeonames:999\tbad\n");
  return dir;
}

// Every answer of `a` equals that of `b`.
void ExpectSameGazetteer(const Gazetteer& a, const Gazetteer& b) {
  ASSERT_EQ(a.entries().size(), b.entries().size());
  for (size_t i = 0; i < a.entries().size(); ++i) {
    const GazetteerEntry &x = a.entries()[i], &y = b.entries()[i];
    ASSERT_TRUE(x.id == y.id && x.name == y.name && x.feature == y.feature && x.country == y.country &&
                x.admin1 == y.admin1 && x.lat == y.lat && x.lon == y.lon &&
                x.has_coordinates == y.has_coordinates && x.population == y.population &&
                x.geonames_feature == y.geonames_feature && x.alternate_count == y.alternate_count)
        << "entry " << i << " " << x.id;
    ASSERT_EQ(b.FindById(x.id), &b.entries()[i]) << x.id;
    ASSERT_EQ(a.FindById(x.id), &a.entries()[i]) << x.id;
  }
  ASSERT_EQ(a.matcher().size(), b.matcher().size());
  ASSERT_EQ(a.alias_count(), b.alias_count());
  for (uint32_t p = 0; p < a.matcher().size(); ++p) {
    const std::string key = a.matcher().key(p);
    ASSERT_EQ(key, b.matcher().key(p));
    ASSERT_EQ(b.matcher().Find(key), p) << key;
    ASSERT_EQ(a.phrase_written(p), b.phrase_written(p)) << key;
    const PlaceIds x = a.phrase_names(p), y = b.phrase_names(p);
    ASSERT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end())) << key;
    ASSERT_EQ(a.PrefersRelative(p), b.PrefersRelative(p)) << key;
    // The alias flags, through the ranking they change.
    const auto ra = a.Rank(key, {}, ""), rb = b.Rank(key, {}, "");
    ASSERT_EQ(ra.size(), rb.size()) << key;
    for (size_t i = 0; i < ra.size(); ++i) {
      ASSERT_TRUE(ra[i].entry == rb[i].entry && ra[i].score == rb[i].score) << key;
    }
  }
  // Membership (country, division and region cities), through the
  // relative regions built from it.
  for (uint32_t i = 0; i < a.entries().size(); ++i) {
    if (a.entries()[i].feature == "city") continue;
    for (Direction d : {Direction::kSouth, Direction::kCentral}) {
      const std::optional<GazetteerEntry> x = a.Relative(i, d), y = b.Relative(i, d);
      ASSERT_EQ(x.has_value(), y.has_value()) << a.entries()[i].id;
      if (!x) continue;
      ASSERT_TRUE(x->id == y->id && x->lat == y->lat && x->lon == y->lon && x->population == y->population)
          << x->id;
    }
  }
}

void ExpectSameIssues(const std::vector<DictionaryIssue>& a, const std::vector<DictionaryIssue>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].error, b[i].error);
    EXPECT_EQ(a[i].message, b[i].message);
  }
}

TEST(GazetteerPrecomputedTest, ShippedDataGivesTheTextLoadersAnswers) {
  std::vector<DictionaryIssue> text_issues, issues;
  Result<std::unique_ptr<Gazetteer>> text = Gazetteer::LoadText("data/gazetteer", &text_issues);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const std::string bin = (fs::temp_directory_path() / "annals_precomputed_test_shipped.bin").string();
  ASSERT_TRUE((*text)->WritePrecomputed("data/gazetteer", text_issues, bin).ok());
  Result<std::unique_ptr<Gazetteer>> pre = Gazetteer::LoadPrecomputed(bin, "data/gazetteer", &issues);
  ASSERT_TRUE(pre.ok()) << pre.status().ToString();
  ExpectSameIssues(text_issues, issues);
  ExpectSameGazetteer(**text, **pre);
  // A document's resolution, which uses all of it at once.
  const std::vector<PlaceQuery> queries = {{"tripoli", "", -1}, {"beirut", "", -1}, {"paris", "texas", -1},
                                           {"georgia", "", -1}, {"kyiv oblast", "", -1}};
  EXPECT_EQ((*text)->Resolve(queries, {"LBN"}), (*pre)->Resolve(queries, {"LBN"}));
  fs::remove(bin);
}

TEST(GazetteerPrecomputedTest, IssuesNameTheDirectoryTheyAreReadFor) {
  const fs::path dir = SmallGazetteer("issues");
  std::vector<DictionaryIssue> written_issues;
  Result<std::unique_ptr<Gazetteer>> text = Gazetteer::LoadText(dir.string(), &written_issues);
  ASSERT_TRUE(text.ok());
  ASSERT_EQ(written_issues.size(), 3u);  // XX, ZZ, geonames:999
  const std::string bin = (dir / "gazetteer.bin").string();
  ASSERT_TRUE((*text)->WritePrecomputed(dir.string(), written_issues, bin).ok());
  // The same directory spelled otherwise: the issues name it as given, as
  // the text loader's do.
  const std::string other = dir.string() + "/.";
  std::vector<DictionaryIssue> want, got;
  ASSERT_TRUE(Gazetteer::LoadText(other, &want).ok());
  Result<std::unique_ptr<Gazetteer>> pre = Gazetteer::LoadPrecomputed(bin, other, &got);
  ASSERT_TRUE(pre.ok()) << pre.status().ToString();
  ExpectSameIssues(want, got);
  ExpectSameGazetteer(**text, **pre);
  // Load finds it in the directory and uses it: no note.
  std::vector<DictionaryIssue> loaded_issues;
  Result<std::unique_ptr<Gazetteer>> loaded = Gazetteer::Load(dir.string(), &loaded_issues);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)->precomputed_note(), "");
  ExpectSameIssues(written_issues, loaded_issues);
  fs::remove_all(dir);
}

TEST(GazetteerPrecomputedTest, EveryTruncationAndEveryChangedByteIsRefused) {
  const fs::path dir = SmallGazetteer("corrupt");
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<Gazetteer>> text = Gazetteer::LoadText(dir.string(), &issues);
  ASSERT_TRUE(text.ok());
  const fs::path good = dir / "good.bin";
  ASSERT_TRUE((*text)->WritePrecomputed(dir.string(), issues, good.string()).ok());
  const std::string bytes = Read(good);
  ASSERT_GT(bytes.size(), 40u);
  // A new file each time: rewriting one would wait for its last writeback.
  for (size_t n = 0; n < bytes.size(); ++n) {
    const fs::path bad = dir / ("cut" + std::to_string(n) + ".bin");
    Write(bad, bytes.substr(0, n));
    std::vector<DictionaryIssue> none;
    Result<std::unique_ptr<Gazetteer>> r = Gazetteer::LoadPrecomputed(bad.string(), dir.string(), &none);
    ASSERT_FALSE(r.ok()) << "truncated to " << n;
    EXPECT_EQ(r.status().message().rfind(bad.string() + ": ", 0), 0u) << r.status().message();
    EXPECT_TRUE(none.empty());
    fs::remove(bad);
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string changed = bytes;
    changed[i] = static_cast<char>(changed[i] ^ 0x20);
    const fs::path bad = dir / ("flip" + std::to_string(i) + ".bin");
    Write(bad, changed);
    std::vector<DictionaryIssue> none;
    ASSERT_FALSE(Gazetteer::LoadPrecomputed(bad.string(), dir.string(), &none).ok()) << "byte " << i;
    fs::remove(bad);
  }
  // The format version (bytes 12-15) is named.
  std::string other_version = bytes;
  other_version[12] = 99;
  const fs::path bad = dir / "version.bin";
  Write(bad, other_version);
  Result<std::unique_ptr<Gazetteer>> r = Gazetteer::LoadPrecomputed(bad.string(), dir.string(), &issues);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("format version 99"), std::string::npos) << r.status().message();
  fs::remove_all(dir);
}

TEST(GazetteerPrecomputedTest, EditedTextMakesItStaleAndLoadParsesTheText) {
  const fs::path dir = SmallGazetteer("stale");
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<Gazetteer>> text = Gazetteer::LoadText(dir.string(), &issues);
  ASSERT_TRUE(text.ok());
  const std::string bin = (dir / "gazetteer.bin").string();
  ASSERT_TRUE((*text)->WritePrecomputed(dir.string(), issues, bin).ok());
  // A political scientist adds an alias after the build.
  Write(dir / "aliases.tsv", "alias\ttarget\tnote\nGinevra\tgeonames:2660646\tItalian\nGenevra\tgeonames:2660646\tx\n");
  std::vector<DictionaryIssue> none;
  Result<std::unique_ptr<Gazetteer>> pre = Gazetteer::LoadPrecomputed(bin, dir.string(), &none);
  ASSERT_FALSE(pre.ok());
  EXPECT_NE(pre.status().message().find("stale"), std::string::npos) << pre.status().message();
  std::vector<DictionaryIssue> loaded_issues;
  Result<std::unique_ptr<Gazetteer>> loaded = Gazetteer::Load(dir.string(), &loaded_issues);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)->precomputed_note().rfind(bin + ": stale precomputed gazetteer", 0), 0u)
      << (*loaded)->precomputed_note();
  EXPECT_EQ(loaded_issues.size(), 2u);  // XX and ZZ; the bad alias is gone
  ASSERT_FALSE((*loaded)->Lookup("Genevra", {}).empty());
  // A removed optional file changes the text too.
  ASSERT_TRUE((*loaded)->WritePrecomputed(dir.string(), loaded_issues, bin).ok());
  fs::remove(dir / "regions.tsv");
  EXPECT_FALSE(Gazetteer::LoadPrecomputed(bin, dir.string(), &none).ok());
  // Garbage where the file should be: refused with a note, never a crash.
  Write(bin, "not a gazetteer at all, but long enough to hold a header");
  loaded = Gazetteer::Load(dir.string(), &none);
  ASSERT_TRUE(loaded.ok());
  EXPECT_NE((*loaded)->precomputed_note().find("not a precomputed gazetteer"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace annals
