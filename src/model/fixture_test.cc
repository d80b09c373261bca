// The fixture reader builds consistent documents and names bad lines.
#include "model/fixture.h"

#include <gtest/gtest.h>

namespace annals::testing {
namespace {

TEST(Fixture, BuildsTextSpansAndHeads) {
  auto docs = ParseFixture(
      "doc date=2025-08-19\ns Lavrov|PROPN|2|nsubj said|VERB|0|root|say ~.|PUNCT|2|punct\n"
      "m 1-1 name=Sergei_Lavrov code=RUSGOV\npar\ns Yes|INTJ|0|root\n",
      "t.fix");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  const Document& d = docs->front().doc;
  EXPECT_EQ(d.text, "Lavrov said.\n\nYes");
  EXPECT_EQ(d.date, "2025-08-19");
  ASSERT_EQ(d.tokens.size(), 4u);
  EXPECT_EQ(d.tokens[0].head, 1);
  EXPECT_EQ(d.tokens[1].head, -1);
  EXPECT_EQ(d.tokens[1].lemma, "say");
  EXPECT_FALSE(d.tokens[1].space_after);
  EXPECT_EQ(d.SpanText(d.tokens[2].span), ".");
  EXPECT_EQ(d.sentences[1].paragraph, 1u);
  ASSERT_EQ(d.mentions.size(), 1u);
  EXPECT_EQ(d.mentions[0].actor.name, "Sergei Lavrov");
  EXPECT_EQ(d.SpanText(d.mentions[0].span), "Lavrov");
}

TEST(Fixture, ErrorsNameTheLine) {
  auto bad = ParseFixture("doc\ns a|X|9|dep\n", "t.fix");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.fix:2"), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("'9'"), std::string::npos);
  auto range = ParseFixture("doc\ns a|X|0|root\nm 1-3 name=x\n", "t.fix");
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.status().message().find("t.fix:3"), std::string::npos);
  EXPECT_FALSE(ParseFixture("s a|X|0|root\n", "t.fix").ok());
  EXPECT_FALSE(LoadFixture("no/such/file.fix").ok());
}

}  // namespace
}  // namespace annals::testing
