// DependencyView: bounds, child lists, walks, the mention policy.
#include "model/dependency_view.h"

#include <gtest/gtest.h>

#include <vector>

namespace annals {
namespace {

Document Chain(std::vector<int32_t> heads) {
  Document doc;
  for (size_t i = 0; i < heads.size(); ++i) {
    Token t;
    t.form = "W";
    t.span = {static_cast<uint32_t>(2 * i), static_cast<uint32_t>(2 * i + 1)};
    doc.text += "W ";
    t.head = heads[i];
    t.deprel = "dep";
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.token_begin = 0;
  s.token_end = static_cast<uint32_t>(heads.size());
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  doc.sentences.push_back(s);
  return doc;
}

TEST(DependencyView, OutOfRangeHeadsAreRootsAndCyclesCannotLoop) {
  Document doc = Chain({1, 2, 0, 99, -7, 5});
  DependencyView v(doc);
  EXPECT_TRUE(v.has_parse());
  EXPECT_EQ(v.Head(3), -1);
  EXPECT_EQ(v.Head(4), -1);
  EXPECT_EQ(v.Head(5), -1);  // self-loop
  // A cycle (0 -> 1 -> 2 -> 0) left by a broken input: walks end.
  EXPECT_TRUE(v.InSubtree(0, 2));
  EXPECT_FALSE(v.InSubtree(0, 3));
  for (int32_t t = 0; t < 6; ++t) EXPECT_LE(v.Subtree(t).size(), 6u);
}

TEST(DependencyView, ChildrenRelationsAndSubtrees) {
  Document doc = Chain({-1, 0, 1, 1});
  doc.tokens[3].deprel = "nsubj:pass";
  doc.tokens[2].deprel = "case";
  doc.tokens[2].lemma = "With";
  DependencyView v(doc);
  EXPECT_TRUE(v.InSubtree(3, 0));
  EXPECT_FALSE(v.InSubtree(3, 2));
  EXPECT_EQ(v.Child(1, "nsubj"), 3);
  EXPECT_EQ(v.BaseRel(3), "nsubj");
  EXPECT_EQ(v.Rel(3), "nsubj:pass");
  EXPECT_EQ(v.CaseOf(1), "with");  // lower-cased lemma
  EXPECT_EQ(v.Subtree(1), (std::vector<int32_t>{1, 2, 3}));
  EXPECT_EQ(v.Subtree(1, [](int32_t c) { return c == 3; }), (std::vector<int32_t>{1, 2}));
  ASSERT_EQ(v.Children(1).size(), 2u);
  EXPECT_EQ(v.Children(1)[0], 2);
  EXPECT_EQ(v.Lemma(0), "w");  // no lemma: the lower-cased form
}

TEST(DependencyView, HeadsDoNotCrossSentences) {
  Document doc = Chain({-1, 0, 1, 2});
  doc.sentences[0].token_end = 2;
  Sentence s2;
  s2.token_begin = 2;
  s2.token_end = 4;
  doc.sentences.push_back(s2);
  DependencyView v(doc);
  EXPECT_EQ(v.Head(2), -1);
  EXPECT_EQ(v.Head(3), 2);
  EXPECT_EQ(v.SentenceOf(3), 1);
  EXPECT_FALSE(v.SameSentence(1, 2));
}

TEST(DependencyView, SmallestMentionWinsThenTheOneWithACode) {
  Document doc = Chain({-1, 0, 0, 0});
  Mention big, small, plain, coded;
  big.token_begin = 0;
  big.token_end = 3;
  small.token_begin = 1;
  small.token_end = 2;
  plain.token_begin = 3;
  plain.token_end = 4;
  coded = plain;
  coded.actor.code = "RUS";
  doc.mentions = {big, small, plain, coded};
  DependencyView v(doc);
  EXPECT_EQ(v.MentionAt(0), 0);
  EXPECT_EQ(v.MentionAt(1), 1);
  EXPECT_EQ(v.MentionAt(3), 3);
  EXPECT_EQ(v.TokenAtOrAfter(1), 1);  // the space after token 0
  EXPECT_EQ(v.TokenAtOrAfter(4), 2);
  EXPECT_EQ(v.TokenAtOrAfter(100), -1);
}

TEST(DependencyView, Negation) {
  Document doc = Chain({-1, 0, 0});
  doc.tokens[1].deprel = "advmod";
  doc.tokens[1].form = "not";
  doc.tokens[2].deprel = "det";
  doc.tokens[2].form = "No";
  DependencyView v(doc);
  EXPECT_TRUE(v.Negated(0));
  EXPECT_FALSE(v.Negated(1));
}

}  // namespace
}  // namespace annals
