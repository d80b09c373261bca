// Pattern dictionary tests: the shipped patterns load cleanly and cover every
// CAMEO root and PLOVER type; malformed lines are reported with path:line:col
// and skipped while the rest load.
#include "events/pattern_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "ontology/ontology.h"

namespace annals::events {
namespace {

TEST(PatternDictionary, ShippedPatternsLoadAndCoverAllRootsAndPloverTypes) {
  auto onto = Ontology::Load("data", "gdelt");
  ASSERT_TRUE(onto.ok()) << onto.status().ToString();
  std::vector<std::string> errors;
  auto dict = PatternDictionary::LoadDir(
      "data", [&](std::string_view c) { return (*onto)->Find(c) != nullptr; }, &errors);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  for (const auto& e : errors) ADD_FAILURE() << e;
  std::set<std::string> roots, types;
  for (const Pattern& p : (*dict)->patterns()) {
    const CameoEventCode* c = (*onto)->Find(p.code);
    ASSERT_NE(c, nullptr) << p.id;
    roots.insert(c->root);
    if (!c->plover_type.empty()) types.insert(c->plover_type);
  }
  EXPECT_EQ(roots.size(), 20u);
  for (const PloverType& t : (*onto)->plover_types()) EXPECT_TRUE(types.count(t.name)) << t.name;
  EXPECT_TRUE((*dict)->InLexicon(Lexicon::kPlannedGovernor, "intend"));
  EXPECT_FALSE((*dict)->InLexicon(Lexicon::kPlannedGovernor, "attack"));
  EXPECT_TRUE((*dict)->InLexicon(Lexicon::kPartnerPrep, "against"));
  EXPECT_TRUE((*dict)->InLexicon(Lexicon::kNegation, "never"));
  // Every lexicon the coder reads has words: a misspelt list name in the
  // data would leave one empty.
  for (size_t l = 0; l < static_cast<size_t>(Lexicon::kCount); ++l) {
    EXPECT_FALSE((*dict)->LexiconWords(static_cast<Lexicon>(l)).empty()) << LexiconName(static_cast<Lexicon>(l));
  }
}

TEST(PatternDictionary, BadLinesAreReportedWithColumnAndSkipped) {
  auto dict = PatternDictionary::Empty();
  std::vector<std::string> errors;
  auto known = [](std::string_view c) { return c == "040" || c == "190" || c == "036" || c == "1246"; };
  dict->Parse(
      "# comment\n"
      "good.meet   040  meet/V recip   # trailing comment\n"
      "bad.code    999  meet/V\n"
      "bad.constraint 040 meet/V obx=foo\n"
      "bad.trigger 040  Meet/Q\n"
      "good.meet   040  meet/V\n"
      "bad.value   190  attack/V obj=Foo\n"
      "bad.intent  040  meet/V intent=12\n"
      "@lexicon light_verb hold\n"
      "good.attack 190  attack/V+on obl:on=ACTOR|PLACE target=obl:on,deep intent=036 refuse=1246\n"
      "short\n",
      "mem.patterns", known, &errors);
  ASSERT_EQ(errors.size(), 8u);  // an @lexicon line is now an error too
  EXPECT_EQ(errors[0], "mem.patterns:3:13: unknown CAMEO event code '999'");
  EXPECT_EQ(errors[1], "mem.patterns:4:27: unknown constraint or option 'obx=foo'");
  EXPECT_NE(errors[2].find("mem.patterns:5:18: bad trigger"), std::string::npos);
  EXPECT_NE(errors[3].find("mem.patterns:6:1: duplicate pattern id"), std::string::npos);
  EXPECT_NE(errors[4].find("mem.patterns:7:"), std::string::npos);
  EXPECT_NE(errors[5].find("mem.patterns:8:"), std::string::npos);
  EXPECT_NE(errors[6].find("mem.patterns:9:1: lexicons are word lists now"), std::string::npos) << errors[6];
  EXPECT_NE(errors[7].find("mem.patterns:11:1:"), std::string::npos);
  ASSERT_EQ(dict->patterns().size(), 2u);
  const Pattern* a = dict->FindId("good.attack");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->particles, std::vector<std::string>{"on"});
  EXPECT_EQ(a->intent_code, "036");
  EXPECT_EQ(a->refuse_code, "1246");
  ASSERT_EQ(a->target_slots.size(), 2u);
  EXPECT_EQ(a->target_slots[0].kind, TargetSlot::Kind::kObl);
  EXPECT_EQ(a->target_slots[0].prep, "on");
  EXPECT_EQ(a->target_slots[1].Name(), "deep");
  ASSERT_EQ(a->constraints.size(), 1u);
  EXPECT_TRUE(a->constraints[0].actor);
  EXPECT_TRUE(a->constraints[0].place);
  EXPECT_EQ(dict->ForLemma("meet").size(), 1u);
  EXPECT_TRUE(dict->FindId("good.meet")->reciprocal);
}

TEST(PatternDictionary, MissingDirectoryIsNotFoundAndEmptyIsDataError) {
  std::vector<std::string> errors;
  auto missing = PatternDictionary::LoadDir("/nonexistent", nullptr, &errors);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto empty = PatternDictionary::LoadDir("src/events/testdata", nullptr, &errors);
  EXPECT_NE(empty.status().code(), StatusCode::kOk);
}

// Generated files live in a sub-folder (data/patterns/imported/): they load
// after the hand-written ones, rank below them, and never hide what the
// hand-written files say (docs/formats/imported.md, "Precedence").
TEST(PatternDictionary, SubFolderPatternsAreImportedAndRankBelowHandWritten) {
  namespace fs = std::filesystem;
  const fs::path data = fs::path(::testing::TempDir()) / "annals_patterns_precedence";
  const fs::path dir = data / "patterns";
  fs::remove_all(data);
  fs::create_directories(dir / "imported");
  fs::create_directories(data / "lang" / "en");
  std::ofstream(data / "lang" / "en" / "events.tsv") << "list\tword\nplanned_governor\twant\n";
  std::ofstream(data / "lang" / "en" / "function_words.tsv") << "list\tword\nnegation\tnot\n";
  std::ofstream(dir / "hand.patterns") << "hand.meet 040 meet/V\n"
                                          "@lemma shoot shot\n";
  std::ofstream(dir / "imported" / "gen.patterns")
      << "imp.meet 036 meet/V obj=summit sub=future\n"
         "imp.default 030 want|pledge/V\n"
         "imp.meet-default 040 meet/V\n"
         "imp.trade 193 exchange|trade/V obj=shot recip\n"
         "@lemma strike shot\n"
         "@lemma fight fought\n";
  std::vector<std::string> errors;
  auto dict = PatternDictionary::LoadDir(data.string(), nullptr, &errors);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_TRUE(errors.empty());
  const Pattern* hand = (*dict)->FindId("hand.meet");
  const Pattern* imp = (*dict)->FindId("imp.meet");
  ASSERT_NE(hand, nullptr);
  ASSERT_NE(imp, nullptr);
  EXPECT_FALSE(hand->imported);
  EXPECT_TRUE(imp->imported);
  // Two constraints, still below a hand-written pattern without any.
  EXPECT_LT(imp->specificity, hand->specificity);
  // An imported default is hidden where hand-written data names the word
  // (a pattern of that part of speech, or a lexicon)...
  const auto& meet = (*dict)->ForLemma("meet");
  ASSERT_EQ(meet.size(), 2u);
  EXPECT_EQ(meet[0]->id, "hand.meet");
  EXPECT_EQ(meet[1]->id, "imp.meet");
  EXPECT_TRUE((*dict)->ForLemma("want").empty());
  // ...and used for the other lemmas of its trigger line.
  ASSERT_EQ((*dict)->ForLemma("pledge").size(), 1u);
  EXPECT_EQ((*dict)->ForLemma("pledge")[0]->id, "imp.default");
  ASSERT_EQ((*dict)->ForLemma("trade").size(), 1u);
  EXPECT_EQ((*dict)->ForLemma("trade")[0], (*dict)->ForLemma("exchange")[0]);
  // Hand-written irregular forms win; an imported noun that is an irregular
  // form ("shot") does not enter the vocabulary, so the verb form is repaired.
  EXPECT_EQ((*dict)->IrregularLemma("shot"), "shoot");
  EXPECT_EQ((*dict)->IrregularLemma("fought"), "fight");
  EXPECT_FALSE((*dict)->Knows("shot"));
  EXPECT_TRUE((*dict)->Knows("pledge"));
  fs::remove_all(data);
}

TEST(PatternDictionary, TriggerAlternativesAreCheckedOneByOne) {
  auto dict = PatternDictionary::Empty();
  std::vector<std::string> errors;
  dict->Parse("a 040 meet|confer/V\nb 040 meet|Confer/V\nc 040 meet|/V\n", "alt.patterns", nullptr,
              &errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("alt.patterns:2:7: bad trigger"), std::string::npos);
  EXPECT_NE(errors[1].find("alt.patterns:3:7: bad trigger"), std::string::npos);
  ASSERT_EQ(dict->patterns().size(), 1u);
  EXPECT_EQ(dict->patterns()[0].also, std::vector<std::string>{"confer"});
  EXPECT_EQ(dict->ForLemma("confer").size(), 1u);
}

TEST(PatternDictionary, InvalidUtf8FileIsSkipped) {
  auto dict = PatternDictionary::Empty();
  std::vector<std::string> errors;
  dict->Parse("x 040 meet\xff\n", "bad.patterns", nullptr, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(dict->patterns().empty());
}

}  // namespace
}  // namespace annals::events
