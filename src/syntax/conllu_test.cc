// Tests for CoNLL-U reading and writing: well-formed input, malformed lines
// reported with file:line and skipped, multiword tokens, empty nodes.
#include "syntax/conllu.h"

#include <gtest/gtest.h>

namespace annals::syntax {
namespace {

constexpr const char* kTwoSentences =
    "# sent_id = 1\n"
    "# text = I don't.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t3\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "1.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t0:root\t_\n"
    "\n";

TEST(ConlluTest, ReadsSentencesRangesAndSkipsEmptyNodes) {
  ConlluReadResult r = ParseConllu(kTwoSentences, "mem.conllu");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.sentences.size(), 2u);
  const ConlluSentence& s = r.sentences[0];
  EXPECT_EQ(s.Comment("sent_id"), "1");
  EXPECT_EQ(s.Comment("text"), "I don't.");
  ASSERT_EQ(s.words.size(), 4u);
  ASSERT_EQ(s.ranges.size(), 1u);
  EXPECT_EQ(s.ranges[0].first, 2);
  EXPECT_EQ(s.ranges[0].last, 3);
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[0].head, 3);
  EXPECT_TRUE(s.NoSpaceAfter(3));   // the range "don't" carries SpaceAfter=No
  EXPECT_FALSE(s.NoSpaceAfter(2));  // inside the range
  EXPECT_EQ(r.sentences[1].words.size(), 1u);  // "1.1" skipped
}

TEST(ConlluTest, MalformedLinesAreReportedWithLineAndSkipped) {
  const std::string text =
      "1\tGood\tgood\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "\n"
      "1\tBad\tbad\tADJ\tJJ\t_\t0\troot\n"  // line 3: 8 fields
      "\n"
      "1\tAlso\talso\tADV\tRB\t_\tx\tadvmod\t_\t_\n"  // line 5: head not a number
      "\n"
      "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_\n"
      "2\tword\tword\tNOUN\tNN\t_\t9\tdep\t_\t_\n"  // line 8: head out of range
      "\n"
      "1\tLast\tlast\tADJ\tJJ\t_\t0\troot\t_\t_\n";  // no final blank line
  ConlluReadResult r = ParseConllu(text, "bad.conllu");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_NE(r.errors[0].find("bad.conllu:3: expected 10 tab-separated fields, got 8 '1\tBad"),
            std::string::npos)
      << r.errors[0];
  EXPECT_NE(r.errors[1].find("bad.conllu:5: bad head"), std::string::npos) << r.errors[1];
  EXPECT_NE(r.errors[2].find("bad.conllu:8: head out of range '9'"), std::string::npos) << r.errors[2];
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_EQ(r.sentences[0].words[0].form, "Good");
  EXPECT_EQ(r.sentences[1].words[0].form, "Last");
}

TEST(ConlluTest, OutOfSequenceIdIsAnError) {
  ConlluReadResult r = ParseConllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n",
                                   "seq.conllu");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("seq.conllu:2: word id out of sequence"), std::string::npos);
  EXPECT_TRUE(r.sentences.empty());
}

TEST(ConlluTest, WriteThenReadRoundTrips) {
  ConlluReadResult r = ParseConllu(kTwoSentences, "mem.conllu");
  std::string out;
  for (const ConlluSentence& s : r.sentences) WriteConllu(s, &out);
  ConlluReadResult again = ParseConllu(out, "out.conllu");
  ASSERT_TRUE(again.errors.empty());
  ASSERT_EQ(again.sentences.size(), 2u);
  std::string out2;
  for (const ConlluSentence& s : again.sentences) WriteConllu(s, &out2);
  EXPECT_EQ(out, out2);
  EXPECT_NE(out.find("2-3\tdon't\t"), std::string::npos);
}

TEST(ConlluTest, MissingFileIsNotFound) {
  auto r = ReadConllu("no/such/file.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace annals::syntax
