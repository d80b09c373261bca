// Tests of the actor dictionary: the validator's messages, dated roles at
// their boundaries, aliases, and the load-what-you-can rule.
#include "actors/actor_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "actors/name_key.h"
#include "base/file.h"

namespace annals {
namespace {

constexpr char kTestData[] = "src/actors/testdata";

std::unique_ptr<ActorDictionary> LoadFixtures(std::vector<DictionaryIssue>* issues) {
  auto dict = std::make_unique<ActorDictionary>();
  for (const char* f : {"people.actors", "places.actors"}) {
    const std::string path = JoinPath(kTestData, f);
    Result<std::string> text = ReadFile(path);
    EXPECT_TRUE(text.ok()) << text.status().ToString();
    if (text.ok()) dict->AddText(*text, path, issues);
  }
  dict->Finish(issues);
  return dict;
}

bool HasIssue(const std::vector<DictionaryIssue>& issues, const std::string& text) {
  for (const DictionaryIssue& i : issues) {
    if (i.message.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(DayKeyTest, ParsesFullAndPartialDates) {
  EXPECT_EQ(ParseDayKey("2025-08-19"), 20250819);
  EXPECT_EQ(ParseDayKey("2025-08"), 20250801);
  EXPECT_EQ(ParseDayKey("2025"), 20250101);
  EXPECT_EQ(ParseDayKey("2025-02-29"), -1);
  EXPECT_EQ(ParseDayKey("2024-02-29"), 20240229);
  EXPECT_EQ(ParseDayKey("25-08-19"), -1);
  EXPECT_EQ(ParseDayKey("2025/08/19"), -1);
  EXPECT_EQ(ParseDayKey(""), -1);
}

TEST(ActorCodeTest, Splits) {
  std::string c, s;
  SplitActorCode("RUSGOV", &c, &s);
  EXPECT_EQ(c, "RUS");
  EXPECT_EQ(s, "GOV");
  SplitActorCode("NATO", &c, &s);
  EXPECT_EQ(c, "NATO");
  EXPECT_EQ(s, "");
  SplitActorCode("LBNREBHEZ", &c, &s);
  EXPECT_EQ(c, "LBN");
  EXPECT_EQ(s, "REB");
}

TEST(ActorDictionaryTest, DatedRolesAtBoundaries) {
  std::vector<DictionaryIssue> issues;
  auto dict = LoadFixtures(&issues);
  const ActorEntry* trump = dict->FindById("donald-trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->CodeOn(20170119), "USABUS");
  EXPECT_EQ(trump->CodeOn(20170120), "USAGOV");  // start is inclusive
  EXPECT_EQ(trump->CodeOn(20210119), "USAGOV");
  EXPECT_EQ(trump->CodeOn(20210120), "USAELI");  // end is exclusive
  EXPECT_EQ(trump->CodeOn(20250119), "USAELI");
  EXPECT_EQ(trump->CodeOn(20250120), "USAGOV");
  EXPECT_EQ(trump->CodeOn(20250819), "USAGOV");
  EXPECT_EQ(trump->CodeOn(-1), "USAGOV");  // undated: the current role
  const ActorEntry* starmer = dict->FindById("keir-starmer");
  ASSERT_NE(starmer, nullptr);
  EXPECT_EQ(starmer->CodeOn(20190601), "GBR");  // no role then: home country
  EXPECT_EQ(starmer->CodeOn(20240704), "GBROPP");
  EXPECT_EQ(starmer->CodeOn(20240705), "GBRGOV");
  ASSERT_NE(starmer->RoleOn(20250819), nullptr);
  EXPECT_EQ(starmer->RoleOn(20250819)->title, "Prime Minister");
  EXPECT_EQ(dict->FindById("mark-rutte")->CodeOn(20250819), "NATO");
  EXPECT_EQ(dict->FindById("mark-rutte")->CodeOn(20190601), "NLDGOV");
  EXPECT_EQ(dict->FindById("igo-nato")->CodeOn(20250819), "NATO");
}

TEST(ActorDictionaryTest, AliasesAndIndexes) {
  std::vector<DictionaryIssue> issues;
  auto dict = LoadFixtures(&issues);
  auto found = dict->Lookup("zelenskyy");
  ASSERT_EQ(found.size(), 0u);  // a bare surname is not an alias
  found = dict->Lookup("Volodymyr Zelenskyy");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->id, "volodymyr-zelensky");
  found = dict->Lookup("Zelenskiy");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(dict->Lookup("U.S.").front()->id, "country-usa");
  EXPECT_EQ(dict->Lookup("donald j trump").front()->id, "donald-trump");
  const std::vector<uint32_t>* by_surname = dict->FindBySurname(NameKey("Zelenskyy"));
  ASSERT_NE(by_surname, nullptr);
  EXPECT_EQ(dict->entries()[by_surname->front()].id, "volodymyr-zelensky");
  const int32_t rus = dict->FindAdjective("russian");
  ASSERT_GE(rus, 0);
  EXPECT_EQ(dict->entries()[static_cast<size_t>(rus)].code, "RUS");
  EXPECT_GE(dict->FindCountry("CHE"), 0);
}

TEST(ActorDictionaryTest, BadGenderSkipsOnlyThatEntry) {
  std::vector<DictionaryIssue> issues;
  auto dict = LoadFixtures(&issues);
  EXPECT_TRUE(HasIssue(issues, "src/actors/testdata/people.actors:"));
  EXPECT_TRUE(HasIssue(issues, "gender must be 'm' or 'f': 'x'"));
  EXPECT_EQ(dict->FindById("keir-starmer-twin"), nullptr);
  EXPECT_NE(dict->FindById("theresa-may"), nullptr);
}

TEST(ActorDictionaryTest, ValidatorNamesEveryErrorAndLoadsTheRest) {
  const std::string path = JoinPath(kTestData, "bad.actors");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok());
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  dict.AddText(*text, path, &issues);
  dict.Finish(&issues);
  const std::string p = path + ":";
  EXPECT_TRUE(HasIssue(issues, p + "9: entry id must be lower-case letters, digits and '-': 'Bad_Id'"));
  EXPECT_TRUE(HasIssue(issues, p + "16: bad start date (YYYY-MM-DD, YYYY-MM, YYYY or '.'): '2020-13-01'"));
  EXPECT_TRUE(HasIssue(issues, p + "21: unknown sector 'GOV' in actor code") ||
              HasIssue(issues, p + "21: actor code is not country + 3-letter codes: 'GBRGOVV'"));
  EXPECT_TRUE(HasIssue(issues, p + "26: role ends before it starts: 'USAGOV 2021 2020 President'"));
  EXPECT_TRUE(HasIssue(issues, p + "28: entry has no 'name:' line: 'no-name'"));
  EXPECT_TRUE(HasIssue(issues, p + "35: unknown key: 'colour'"));
  EXPECT_TRUE(HasIssue(issues, p + "38: duplicate entry id (first defined at " + p + "3): 'good-one'"));
  size_t errors = 0;
  for (const DictionaryIssue& i : issues) errors += i.error;
  EXPECT_EQ(errors, 8u);  // Bad_Id also lacks a code, role or country
  ASSERT_EQ(dict.entries().size(), 2u);
  EXPECT_EQ(dict.entries()[0].id, "good-one");
  EXPECT_EQ(dict.entries()[0].type, "person");
  EXPECT_EQ(dict.entries()[1].id, "good-two");
}

TEST(ActorDictionaryTest, GarbageNeverCrashes) {
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  dict.AddText("\xff\xfe@@@\n@\nname:\nrole: X\n\n:\n@ a\nrole: A 1 2 3\n", "garbage", &issues);
  dict.AddText("", "empty", &issues);
  dict.Finish(&issues);
  EXPECT_TRUE(dict.entries().empty());
  EXPECT_TRUE(HasIssue(issues, "garbage:1: first line must be"));
  EXPECT_TRUE(HasIssue(issues, "empty:1: empty dictionary file"));
}

TEST(ActorDictionaryTest, RoleNouns) {
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  dict.AddRoleNouns("noun\tsector\tkind\tnote\ntroops\tMIL\tgroup\t\nforeign minister\tGOV\toffice\t\n"
                    "spies\tSPX\tgroup\t\ncops\tCOP\tmob\t\ntroops\tMIL\tgroup\t\n",
                    "roles.tsv", &issues);
  ASSERT_NE(dict.FindRoleNoun("foreign minister"), nullptr);
  EXPECT_EQ(dict.FindRoleNoun("troops")->sector, "MIL");
  EXPECT_EQ(dict.max_role_noun_words(), 2u);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].message, "roles.tsv:4:2: unknown sector in column 'sector': 'SPX'");
}

TEST(ActorDictionaryTest, RoleNounsMatchInBothNumbers) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"gunmen", "gunman"}, {"authorities", "authority"}, {"heads of state", "head of state"},
           {"businesses", "business"}, {"refugees", "refugee"}, {"soldier", "soldiers"}, {"army", "armies"},
           {"jury", "juries"}, {"police officer", "police officers"}}) {
    EXPECT_EQ(OtherNumber(a, nullptr), b) << a;
    EXPECT_EQ(OtherNumber(b, nullptr), a) << b;
  }
  bool to_plural = false;
  EXPECT_EQ(OtherNumber("gunman", &to_plural), "gunmen");
  EXPECT_TRUE(to_plural);
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  dict.AddRoleNouns("noun\tsector\tkind\tnote\ngunmen\tUAF\tgroup\t\nsoldier\tMIL\tperson\t\n"
                    "soldiers\tCOP\tgroup\tlisted: wins over the derived plural\n"
                    "member\t-\tmember\t\nsupporter\tGOV\tmember\t\n",
                    "roles.tsv", &issues);
  dict.Finish(&issues);
  ASSERT_NE(dict.FindRoleNoun("gunman"), nullptr);
  EXPECT_TRUE(dict.FindRoleNoun("gunman")->derived);
  EXPECT_EQ(dict.FindRoleNoun("gunman")->kind, "person");
  EXPECT_EQ(dict.FindRoleNoun("gunman")->sector, "UAF");
  EXPECT_EQ(dict.FindRoleNoun("soldiers")->sector, "COP");
  EXPECT_FALSE(dict.FindRoleNoun("soldiers")->derived);
  ASSERT_NE(dict.FindRoleNoun("members"), nullptr);
  EXPECT_EQ(dict.FindRoleNoun("members")->kind, "member");
  EXPECT_EQ(dict.FindRoleNoun("member")->sector, "");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "roles.tsv:6:2: a member noun has no sector (write '-') in column 'sector': 'GOV'");
}

TEST(ActorDictionaryTest, ShippedRoleNounsLoadCleanly) {
  Result<std::string> text = ReadFile("data/actors/roles.tsv");
  ASSERT_TRUE(text.ok());
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  dict.AddRoleNouns(*text, "data/actors/roles.tsv", &issues);
  dict.Finish(&issues);
  for (const DictionaryIssue& i : issues) ADD_FAILURE() << i.message;
  for (const char* noun : {"gunmen", "gunman", "jury", "militants", "bombers", "legislators", "army base"}) {
    EXPECT_NE(dict.FindRoleNoun(noun), nullptr) << noun;
  }
  EXPECT_EQ(dict.FindRoleNoun("gunmen")->sector, "UAF");
}

// Generated dictionaries (actors/imported/) load after the hand-written ones
// and never override them (docs/formats/imported.md, "Precedence").
TEST(ActorDictionaryTest, ImportedDataSupplementsAndYieldsToHandWritten) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "annals_actors_precedence";
  fs::remove_all(dir);
  fs::create_directories(dir / "imported");
  std::ofstream(dir / "people.actors") << "# format: annals-actors v1\n\n"
                                          "@ keir-starmer\ntype: person\nname: Keir Starmer\n"
                                          "country: GBR\nrole: GBRGOV 2024-07-05 . Prime Minister\n\n"
                                          "@ country-gbr\ntype: country\nname: United Kingdom\n"
                                          "adjective: British\ncode: GBR\ncountry: GBR\n";
  std::ofstream(dir / "roles.tsv") << "noun\tsector\tkind\tnote\npolice\tCOP\tgroup\t\n";
  std::ofstream(dir / "imported" / "gen.actors")
      << "# format: annals-actors v1\n\n"
         // Same id: older roles kept (clipped to the hand-written coverage), newer ones not.
         "@ keir-starmer\ntype: person\nname: Keir Starmer\nalias: Sir Keir Starmer\ncountry: GBR\n"
         "role: GBRELI 2008-11-01 2013-11-01\nrole: GBROPP 2020-04-04 2024-07-06\n"
         "role: GBRGOV 2024-07-05 .\n\n"
         "@ country-gbr\ntype: country\nname: United Kingdom\nalias: Great Britain\n"
         "adjective: Britannic\ncode: GBR\ncountry: GBR\n\n"
         // A name the hand-written data has is lost; the entry keeps its other name.
         "@ phx-united-kingdom\ntype: organisation\nname: United Kingdom\nalias: UK Crown\n"
         "code: GBRGOV\n\n"
         // Only a hand-written name: the entry is dropped.
         "@ phx-starmer\ntype: person\nname: Sir Keir Starmer\ncode: GBRELI\n\n"
         // A new person with a hand-written surname does not make it ambiguous.
         "@ phx-jane-starmer\ntype: person\nname: Jane Starmer\ncode: GBRELI\n";
  std::ofstream(dir / "imported" / "roles.tsv")
      << "noun\tsector\tkind\tnote\npolice\tGOV\tgroup\timported\nriot police\tCOP\tgroup\t\n";
  std::vector<DictionaryIssue> issues;
  auto dict = ActorDictionary::Load(dir.string(), "", &issues);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  for (const DictionaryIssue& i : issues) EXPECT_FALSE(i.error) << i.message;

  const ActorEntry* keir = (*dict)->FindById("keir-starmer");
  ASSERT_NE(keir, nullptr);
  EXPECT_FALSE(keir->imported);
  ASSERT_EQ(keir->roles.size(), 2u);  // the 2008 role; 2020-2024 starts after the cutoff
  EXPECT_EQ(keir->roles[0].code, "GBRELI");
  EXPECT_EQ(keir->CodeOn(20100101), "GBRELI");
  EXPECT_EQ(keir->CodeOn(20220101), "GBR");  // hand-written wins from 2016 on
  EXPECT_EQ(keir->CodeOn(20250101), "GBRGOV");
  EXPECT_EQ((*dict)->Lookup("Sir Keir Starmer").size(), 1u);

  const ActorEntry* gbr = (*dict)->FindById("country-gbr");
  ASSERT_NE(gbr, nullptr);
  EXPECT_EQ((*dict)->Lookup("Great Britain").front(), gbr);
  EXPECT_EQ((*dict)->FindAdjective("britannic"), (*dict)->FindCountry("GBR"));
  ASSERT_EQ((*dict)->Lookup("United Kingdom").size(), 1u);
  EXPECT_EQ((*dict)->Lookup("United Kingdom").front(), gbr);
  const ActorEntry* crown = (*dict)->FindById("phx-united-kingdom");
  ASSERT_NE(crown, nullptr);
  EXPECT_EQ(crown->name, "UK Crown");
  EXPECT_EQ((*dict)->FindById("phx-starmer"), nullptr);

  const std::vector<uint32_t>* starmers = (*dict)->FindBySurname("starmer");
  ASSERT_NE(starmers, nullptr);
  ASSERT_EQ(starmers->size(), 1u);
  EXPECT_EQ((*dict)->entries()[starmers->front()].id, "keir-starmer");

  ASSERT_NE((*dict)->FindRoleNoun("police"), nullptr);
  EXPECT_EQ((*dict)->FindRoleNoun("police")->sector, "COP");
  ASSERT_NE((*dict)->FindRoleNoun("riot police"), nullptr);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace annals
