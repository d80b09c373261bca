// Tests of the TimeML reader and scorer, and the dev-set run: the figures
// `annals eval time --gold tests/timeml` reports, computed here with the
// plain tokenizer so that this test does not need the syntax model.
#include "time/timeml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "base/file.h"
#include "time/plain_tokens.h"
#include "time/recognizer.h"

namespace annals::timex {
namespace {

constexpr char kDoc[] =
    "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-08-19\" "
    "functionInDocument=\"CREATION_TIME\">2025-08-19</TIMEX3></DCT>\n<TEXT>\nTalks &amp; "
    "votes <EVENT eid=\"e1\">ended</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
    "value=\"2025-08-18\">yesterday</TIMEX3> after <TIMEX3 tid=\"t2\" type=\"DURATION\" "
    "value=\"P3D\" mod=\"APPROX\">about three days</TIMEX3>.\n</TEXT></TimeML>";

TEST(Timeml, ParsesTextSpansAndAttributes) {
  auto doc = ParseTimeml(kDoc, "mem.tml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->dct, "2025-08-19");
  EXPECT_EQ(doc->text, "\nTalks & votes ended yesterday after about three days.\n");
  ASSERT_EQ(doc->timexes.size(), 2u);
  EXPECT_EQ(doc->timexes[0].text, "yesterday");
  EXPECT_EQ(doc->text.substr(doc->timexes[0].span.begin, 9), "yesterday");
  EXPECT_EQ(doc->timexes[1].mod, "APPROX");
  EXPECT_EQ(doc->timexes[1].value, "P3D");
}

TEST(Timeml, ErrorsNamePlace) {
  auto bad = ParseTimeml("<TimeML>\n<TEXT>a <TIMEX3 type=\"DATE\">b <TIMEX3>c</TIMEX3>", "x.tml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  bad = ParseTimeml("<TimeML>\n<TEXT>a <TIMEX3 type=\"DATE\">b <TIMEX3>c</TEXT>", "x.tml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x.tml:2:"), std::string::npos)
      << bad.status().message();
  EXPECT_FALSE(ParseTimeml("no text here", "y.tml").ok());
  EXPECT_FALSE(ParseTimeml("<TEXT>open <TIMEX3 ", "z.tml").ok());
}

TEST(Scorer, StrictRelaxedAndValue) {
  auto gold = ParseTimeml(kDoc, "mem.tml");
  ASSERT_TRUE(gold.ok());
  std::vector<TimeExpr> sys(3);
  sys[0].span = gold->timexes[0].span;  // exact, right value
  sys[0].value = "2025-08-18";
  sys[0].type = "DATE";
  sys[1].span = Span{gold->timexes[1].span.begin + 6, gold->timexes[1].span.end};  // overlap
  sys[1].value = "P2D";
  sys[1].type = "DURATION";
  sys[2].span = Span{1, 6};  // spurious
  TimeScorer scorer;
  scorer.Add(*gold, sys, true);
  EXPECT_EQ(scorer.strict().matched_gold, 1u);
  EXPECT_EQ(scorer.relaxed().matched_gold, 2u);
  EXPECT_DOUBLE_EQ(scorer.relaxed().Precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(scorer.relaxed().Recall(), 1.0);
  EXPECT_DOUBLE_EQ(scorer.ValueAccuracy(), 0.5);
  EXPECT_EQ(scorer.errors().size(), 3u);  // span, value, spurious
}

// Scores every .tml file of `dir` with the plain tokenizer; prints the report
// and the errors.
TimeScorer ScoreDir(const std::string& dir) {
  TimeScorer scorer;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".tml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto xml = ReadFile(f.string());
    EXPECT_TRUE(xml.ok());
    if (!xml.ok()) continue;
    auto gold = ParseTimeml(xml.value(), f.string());
    EXPECT_TRUE(gold.ok()) << gold.status().ToString();
    if (!gold.ok()) continue;
    Document doc;
    doc.text = gold->text;
    doc.date = gold->dct;
    PlainTokenize(&doc);
    FindTimeExpressions(&doc);
    scorer.Add(*gold, doc.time_exprs, true);
  }
  std::cout << dir << ":\n" << scorer.Report();
  for (const std::string& e : scorer.errors()) std::cout << "  " << e << "\n";
  return scorer;
}

TEST(DevSet, FiguresAboveFloor) {
  if (!std::filesystem::is_directory("tests/timeml/dev")) GTEST_SKIP() << "no dev set";
  const TimeScorer scorer = ScoreDir("tests/timeml/dev");
  EXPECT_GE(scorer.relaxed().gold, 60u);
  // Floors under the measured figures, so that a regression fails.
  EXPECT_GE(scorer.relaxed().F1(), 0.9);
  EXPECT_GE(scorer.ValueAccuracy(), 0.9);
}

TEST(TestSet, FiguresAboveFloor) {
  if (!std::filesystem::is_directory("tests/timeml/test")) GTEST_SKIP() << "no test set";
  const TimeScorer scorer = ScoreDir("tests/timeml/test");
  EXPECT_GE(scorer.relaxed().gold, 60u);
  EXPECT_GE(scorer.relaxed().F1(), 0.7);
  EXPECT_GE(scorer.ValueAccuracy(), 0.7);
}

}  // namespace
}  // namespace annals::timex
