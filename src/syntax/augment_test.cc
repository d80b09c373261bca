// Tests for the news-shaped training variants: each variant's words, tags
// and tree, and that every variant of a small treebank is still one tree.
#include "syntax/augment.h"

#include <gtest/gtest.h>

namespace annals::syntax {
namespace {

ConlluSentence Parse(const std::string& text) {
  ConlluReadResult r = ParseConllu(text, "t.conllu");
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.sentences.size(), 1u);
  return r.sentences.empty() ? ConlluSentence{} : r.sentences[0];
}

// "The protesters clashed with police in the capital ."
const char* kProtesters =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tclashed\tclash\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\twith\twith\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tpolice\tpolice\tNOUN\tNN\t_\t3\tobl\t_\t_\n"
    "6\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
    "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
    "8\tcapital\tcapital\tNOUN\tNN\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

std::string Forms(const ConlluSentence& s) {
  std::string out;
  for (const ConlluWord& w : s.words) out += (out.empty() ? "" : " ") + w.form;
  return out;
}
std::vector<int> Heads(const ConlluSentence& s) {
  std::vector<int> out;
  for (const ConlluWord& w : s.words) out.push_back(w.head);
  return out;
}

// One root, heads in range, no cycle.
bool IsTree(const ConlluSentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    int h = s.words[static_cast<size_t>(i)].head;
    if (h < 0 || h > n || h == i + 1) return false;
    if (h == 0) ++roots;
    for (int steps = 0; h != 0; ++steps) {
      if (steps > n) return false;
      h = s.words[static_cast<size_t>(h - 1)].head;
    }
  }
  return roots == 1;
}

TEST(AugmentTest, BareSubjectDropsTheBeforeAPluralSubject) {
  ConlluSentence out;
  ASSERT_TRUE(DropSentenceInitialDeterminer(Parse(kProtesters), &out));
  EXPECT_EQ(Forms(out), "Protesters clashed with police in the capital .");
  EXPECT_EQ(Heads(out), (std::vector<int>{2, 0, 4, 2, 7, 7, 2, 2}));
  EXPECT_EQ(out.words[0].deprel, "nsubj");
  EXPECT_EQ(out.words[0].xpos, "NNS");
  // A singular subject keeps its determiner ("The minister resigned").
  std::string singular = kProtesters;
  const std::string plural = "protesters\tprotester\tNOUN\tNNS";
  singular.replace(singular.find(plural), plural.size(), "minister\tminister\tNOUN\tNN");
  EXPECT_FALSE(DropSentenceInitialDeterminer(Parse(singular), &out));
}

TEST(AugmentTest, TemporalGoesBetweenSubjectAndVerb) {
  const auto& phrases = TemporalPhrases();
  ConlluSentence out;
  ASSERT_TRUE(InsertTemporal(Parse(kProtesters), phrases[0], &out));  // today
  EXPECT_EQ(Forms(out), "The protesters today clashed with police in the capital .");
  EXPECT_EQ(Heads(out), (std::vector<int>{2, 4, 4, 0, 6, 4, 9, 9, 4, 4}));
  EXPECT_EQ(out.words[2].deprel, "obl:unmarked");
  const std::vector<ConlluWord>* on_day = nullptr;
  for (const auto& p : phrases) {
    if (p.size() == 2 && p[0].form == "on") on_day = &p;
  }
  ASSERT_NE(on_day, nullptr);
  ASSERT_TRUE(InsertTemporal(Parse(kProtesters), *on_day, &out));
  EXPECT_EQ(out.words[2].form, "on");
  EXPECT_EQ(out.words[2].head, 4);  // case of the day
  EXPECT_EQ(out.words[3].head, 5);  // the day: obl of "clashed"
  EXPECT_EQ(out.words[3].deprel, "obl");
  EXPECT_EQ(out.words[4].form, "clashed");
  EXPECT_TRUE(IsTree(out));
}

TEST(AugmentTest, AppositionFollowsTheInitialSubject) {
  const ConlluSentence donor = Parse(
      "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "4\tclose\tclose\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
      "5\tally\tally\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
      "6\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
      "8\tpresident\tpresident\tNOUN\tNN\t_\t5\tnmod\t_\t_\n\n");
  const auto nps = IndefiniteNounPhrases({donor});
  ASSERT_EQ(nps.size(), 1u);
  ConlluSentence out;
  ASSERT_TRUE(InsertApposition(Parse(kProtesters), nps[0], &out));
  EXPECT_EQ(Forms(out), "The protesters , a close ally of the president , clashed with police in the capital .");
  EXPECT_EQ(out.words[5].form, "ally");
  EXPECT_EQ(out.words[5].head, 2);
  EXPECT_EQ(out.words[5].deprel, "appos");
  EXPECT_EQ(out.words[2].head, 6);   // opening comma on the apposition
  EXPECT_EQ(out.words[9].head, 2);   // closing comma on the noun
  EXPECT_EQ(out.words[8].head, 6);   // president -> ally
  EXPECT_EQ(out.words[1].head, 11);  // the subject still hangs on "clashed"  // the subject still hangs on "clashed"
  EXPECT_TRUE(IsTree(out));
}

TEST(AugmentTest, CaseVariantsKeepTheTree) {
  ConlluSentence out;
  TitleCase(Parse(kProtesters), &out);
  EXPECT_EQ(Forms(out), "The Protesters Clashed With Police in the Capital .");
  EXPECT_EQ(Heads(out), Heads(Parse(kProtesters)));
  LowerCase(out, &out);
  EXPECT_EQ(Forms(out), "the protesters clashed with police in the capital .");
}

TEST(AugmentTest, DeterministicAndAlwaysTrees) {
  std::vector<ConlluSentence> corpus;
  for (int i = 0; i < 40; ++i) corpus.push_back(Parse(kProtesters));
  AugmentOptions o;
  o.bare_subject = o.temporal = o.apposition = 0.5;
  o.title_case = o.lower_case = 0.2;
  corpus.push_back(Parse(
      "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tbought\tbuy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\tcar\tcar\tNOUN\tNN\t_\t2\tobj\t_\t_\n\n"));
  std::vector<size_t> origin, origin2;
  AugmentCounts counts, counts2;
  const auto a = AugmentForNews(corpus, o, &origin, &counts);
  const auto b = AugmentForNews(corpus, o, &origin2, &counts2);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(origin, origin2);
  EXPECT_GT(counts.bare_subject, 5u);
  EXPECT_GT(counts.temporal, 5u);
  EXPECT_GT(counts.apposition, 5u);
  EXPECT_GT(counts.title_case + counts.lower_case, 2u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(Forms(a[i]), Forms(b[i]));
    EXPECT_TRUE(IsTree(a[i])) << Forms(a[i]);
    EXPECT_LT(origin[i], corpus.size());
  }
  o.seed = 2;
  const auto c = AugmentForNews(corpus, o, &origin2, &counts2);
  EXPECT_NE(origin, origin2);  // another seed picks other sentences
}

}  // namespace
}  // namespace annals::syntax
