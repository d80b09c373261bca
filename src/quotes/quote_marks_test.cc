// Pairing of quotation marks: straight, curly, guillemets, unbalanced.
#include "quotes/quote_marks.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

std::vector<std::string> Contents(const std::string& text) {
  std::vector<std::string> out;
  for (const QuotedSpan& q : FindQuotedSpans(text, {0, static_cast<uint32_t>(text.size())})) {
    out.push_back(text.substr(q.content.begin, q.content.size()));
  }
  return out;
}

TEST(QuoteMarks, StraightPairs) {
  EXPECT_EQ(Contents("\"One,\" he said. \"Two.\""), (std::vector<std::string>{"One,", "Two."}));
}

TEST(QuoteMarks, CurlyAndGuillemets) {
  EXPECT_EQ(Contents("He said: \u201CYes.\u201D And \u00ABnon\u00BB."),
            (std::vector<std::string>{"Yes.", "non"}));
  // German-style low opening mark.
  EXPECT_EQ(Contents("\u201EJa\u201D"), (std::vector<std::string>{"Ja"}));
}

TEST(QuoteMarks, UnclosedQuoteEndsWithTheRegion) {
  const std::string text = "He said: \"This is not over.\n\nNext paragraph \"here\".";
  const uint32_t para_end = static_cast<uint32_t>(text.find("\n\n"));
  auto spans = FindQuotedSpans(text, {0, para_end});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_FALSE(spans[0].closed);
  EXPECT_EQ(text.substr(spans[0].content.begin, spans[0].content.size()), "This is not over.");
}

TEST(QuoteMarks, StrayClosingMarkIsIgnored) {
  EXPECT_TRUE(Contents("word\u201D and more").empty());
  EXPECT_TRUE(Contents("a \" b").size() <= 1);
}

TEST(QuoteMarks, SecondOpeningClosesTheFirst) {
  auto c = Contents("\u201COne \u201CTwo\u201D");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0], "One");
  EXPECT_EQ(c[1], "Two");
}

TEST(QuoteMarks, NeverReadsOutsideTheRegion) {
  const std::string text = "\"abc\" \xE2\x80";  // truncated UTF-8 at the end
  EXPECT_EQ(FindQuotedSpans(text, {0, 1000}).size(), 1u);
  EXPECT_TRUE(FindQuotedSpans(text, {5, 2}).empty());
  EXPECT_TRUE(FindQuotedSpans("", {0, 0}).empty());
  EXPECT_TRUE(FindQuotedSpans("\"\"", {0, 2}).empty());  // empty content
}

}  // namespace
}  // namespace annals
