// Tests for the CoNLL 2018 metrics on tiny hand-made examples whose scores
// are worked out by hand in the comments.
#include "syntax/evaluate.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace annals::syntax {
namespace {

ConlluSentence Parse(const std::string& text) {
  ConlluReadResult r = ParseConllu(text, "mem");
  EXPECT_TRUE(r.errors.empty());
  return r.sentences.empty() ? ConlluSentence() : r.sentences[0];
}

const char* kGold =
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tdeal\tdeal\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

TEST(EvaluateTest, GoldTokensScoresAreAccuracies) {
  // One wrong head (3 -> 2), one wrong label on a right head (obj -> iobj:x,
  // universal part differs), one wrong tag, one wrong lemma.
  const char* sys =
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tsigned\tsigned\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "4\tdeal\tdeal\tVERB\tNN\t_\t2\tiobj:x\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";
  EvalScores s = EvaluateConllu({Parse(kGold)}, {Parse(sys)});
  EXPECT_DOUBLE_EQ(s.words, 100.0);
  EXPECT_DOUBLE_EQ(s.upos, 80.0);    // 4 of 5
  EXPECT_DOUBLE_EQ(s.xpos, 100.0);
  EXPECT_DOUBLE_EQ(s.lemmas, 80.0);  // 4 of 5
  EXPECT_DOUBLE_EQ(s.uas, 80.0);     // 4 of 5
  EXPECT_DOUBLE_EQ(s.las, 60.0);     // 3 of 5
}

TEST(EvaluateTest, SubtypesDoNotCountForLas) {
  const char* sys =
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n"
      "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tdeal\tdeal\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";
  EXPECT_DOUBLE_EQ(EvaluateConllu({Parse(kGold)}, {Parse(sys)}).las, 100.0);
}

TEST(EvaluateTest, RawTextAlignsByCharacterOffsets) {
  // The system glued "deal." into one word: gold has 5 words, system 4, of
  // which 3 align (They, signed, the). Words F1 = 2*3/(5+4).
  const char* sys =
      "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tdeal.\tdeal.\tNOUN\tNN\t_\t2\tobj\t_\t_\n";
  EvalScores s = EvaluateConllu({Parse(kGold)}, {Parse(sys)});
  EXPECT_NEAR(s.words, 200.0 * 3 / 9, 1e-9);
  EXPECT_NEAR(s.upos, 200.0 * 3 / 9, 1e-9);
  // "the" points at "deal." which aligns to nothing: its head is wrong.
  EXPECT_NEAR(s.uas, 200.0 * 2 / 9, 1e-9);
}

TEST(EvaluateTest, MultiwordTokensAlignByForms) {
  const char* gold =
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n"
      "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n";
  const char* sys =
      "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\tSpaceAfter=No\n"
      "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n";
  EvalScores s = EvaluateConllu({Parse(gold)}, {Parse(sys)});
  EXPECT_DOUBLE_EQ(s.words, 100.0);
  EXPECT_DOUBLE_EQ(s.las, 100.0);
  EXPECT_DOUBLE_EQ(s.tokens, 0.0);  // one gold token "don't" vs two system tokens
}

TEST(EvaluateTest, RawTextOfJoinsBySpaceAfter) {
  ConlluSentence a = Parse(kGold);
  a.comments.push_back("newpar");
  ConlluSentence b = Parse("1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n");
  b.comments.push_back("newpar id = p2");
  EXPECT_EQ(RawTextOf({a, b}), "They signed the deal.\n\nOK\n");
}

// Contractions the tokenizer split come out as UD multiword tokens, with
// the token's SpaceAfter on the range line; a spaced "'s" does not.
TEST(EvaluateTest, DocumentToConlluGroupsContractions) {
  Document doc;
  doc.text = "We don't know Russia 's plan";
  auto add = [&](uint32_t b, uint32_t e, bool space_after) {
    Token t;
    t.span = {b, e};
    t.form = doc.text.substr(b, e - b);
    t.space_after = space_after;
    t.head = -1;
    doc.tokens.push_back(t);
  };
  add(0, 2, true);    // We
  add(3, 5, false);   // do
  add(5, 8, true);    // n't
  add(9, 13, true);   // know
  add(14, 20, true);  // Russia
  add(21, 23, true);  // 's
  add(24, 28, true);  // plan
  Sentence sent;
  sent.token_begin = 0;
  sent.token_end = 7;
  sent.span = {0, 28};
  doc.sentences.push_back(sent);
  const std::vector<ConlluSentence> out = DocumentToConllu(doc);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].ranges.size(), 1u);
  EXPECT_EQ(out[0].ranges[0].first, 2);
  EXPECT_EQ(out[0].ranges[0].last, 3);
  EXPECT_EQ(out[0].ranges[0].form, "don't");
  EXPECT_EQ(out[0].words[1].misc, "_");
  std::string text;
  WriteConllu(out[0], &text);
  EXPECT_NE(text.find("2-3\tdon't\t"), std::string::npos);
  EXPECT_EQ(RawTextOf(out), "We don't know Russia 's plan\n");
}

// Furniture is no sentence: it comes first, as comments of the first one.
TEST(EvaluateTest, DocumentToConlluWritesFurnitureAsComments) {
  Document doc;
  doc.text = "Drones Hit Kyiv\nKYIV (AP) — Drones hit.";
  doc.furniture = {{FurnitureKind::kHeadline, {0, 15}}, {FurnitureKind::kDateline, {16, 29}}};
  doc.dateline = Dateline{{16, 29}, {16, 20}, {}, "AP"};
  for (const auto& [b, e] : std::vector<std::pair<uint32_t, uint32_t>>{{30, 36}, {37, 40}, {40, 41}}) {
    Token t;
    t.span = {b, e};
    t.form = doc.text.substr(b, e - b);
    doc.tokens.push_back(t);
  }
  Sentence sent;
  sent.token_end = 3;
  sent.span = {30, 41};
  doc.sentences.push_back(sent);
  const std::vector<ConlluSentence> out = DocumentToConllu(doc);
  ASSERT_EQ(out.size(), 1u);
  const std::vector<std::string> want = {"headline = Drones Hit Kyiv", "dateline = KYIV (AP) —",
                                         "dateline_place = KYIV", "dateline_agency = AP", "sent_id = 1",
                                         "text = Drones hit."};
  EXPECT_EQ(out[0].comments, want);
  EXPECT_EQ(out[0].Comment("dateline_place"), "KYIV");
}

}  // namespace
}  // namespace annals::syntax
