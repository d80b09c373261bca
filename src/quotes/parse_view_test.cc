// ParseView repairs bad heads and cycles and indexes mentions.
#include "quotes/parse_view.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

Document Chain(std::vector<int32_t> heads) {
  Document doc;
  for (size_t i = 0; i < heads.size(); ++i) {
    Token t;
    t.form = "w";
    t.span = {static_cast<uint32_t>(2 * i), static_cast<uint32_t>(2 * i + 1)};
    doc.text += "w ";
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

TEST(ParseView, BreaksCyclesAndDropsOutOfRangeHeads) {
  Document doc = Chain({1, 2, 0, 99, -7});
  ParseView pv(doc);
  EXPECT_TRUE(pv.has_parse());
  EXPECT_EQ(pv.Head(3), -1);
  EXPECT_EQ(pv.Head(4), -1);
  // Exactly one of the three cycle members became a root.
  int roots = 0;
  for (uint32_t t = 0; t < 3; ++t) roots += pv.Head(t) < 0;
  EXPECT_EQ(roots, 1);
  for (uint32_t t = 0; t < 5; ++t) {
    EXPECT_LE(pv.Subtree(t).size(), 5u);
  }
}

TEST(ParseView, DominatesAndChildren) {
  Document doc = Chain({-1, 0, 1, 1});
  doc.tokens[3].deprel = "nsubj:pass";
  ParseView pv(doc);
  EXPECT_TRUE(pv.Dominates(0, 3));
  EXPECT_FALSE(pv.Dominates(2, 3));
  EXPECT_EQ(pv.ChildWithRel(1, "nsubj"), 3);
  EXPECT_EQ(pv.BaseRel(3), "nsubj");
  EXPECT_EQ(pv.Subtree(1), (std::vector<uint32_t>{1, 2, 3}));
}

TEST(ParseView, SmallestMentionAndTokenLookup) {
  Document doc = Chain({-1, 0, 0});
  Mention big, small;
  big.token_begin = 0;
  big.token_end = 3;
  small.token_begin = 1;
  small.token_end = 2;
  doc.mentions = {big, small};
  ParseView pv(doc);
  EXPECT_EQ(pv.MentionAt(0), 0);
  EXPECT_EQ(pv.MentionAt(1), 1);
  EXPECT_EQ(pv.TokenAtOrAfter(1), 1);  // the space after token 0
  EXPECT_EQ(pv.TokenAtOrAfter(4), 2);
  EXPECT_EQ(pv.TokenAtOrAfter(100), -1);
}

}  // namespace
}  // namespace annals
