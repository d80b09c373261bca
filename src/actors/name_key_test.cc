// Tests of name keys and the case rule that separates "US" from "us".
#include "actors/name_key.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(NameKeyTest, DropsPunctuationFoldsCaseAndAccents) {
  EXPECT_EQ(NameKey("Donald J. Trump"), "donald j trump");
  EXPECT_EQ(NameKey("U.S."), "us");
  EXPECT_EQ(NameKey("al-Assad"), "alassad");
  EXPECT_EQ(NameKey("  Recep Tayyip   Erdoğan "), "recep tayyip erdogan");
  EXPECT_EQ(NameKey("Зеленський"), "зеленськии");  // й decomposes to и + breve
  EXPECT_EQ(NameKey("--"), "");
}

TEST(NameKeyTest, CaseRule) {
  EXPECT_TRUE(CaseMatches("US", "US"));
  EXPECT_TRUE(CaseMatches("U.S.", "US"));
  EXPECT_FALSE(CaseMatches("US", "us"));
  // A hyphenated name written as one word: "Southwest" for "South-West".
  EXPECT_TRUE(CaseMatches("South-West Region", "Southwest Region"));
  EXPECT_FALSE(CaseMatches("South-West Region", "southwest Region"));
  EXPECT_FALSE(CaseMatches("U.S.", "Us"));
  EXPECT_FALSE(CaseMatches("US", "Us"));
  EXPECT_TRUE(CaseMatches("NATO", "Nato"));
  EXPECT_FALSE(CaseMatches("NATO", "nato"));
  EXPECT_FALSE(CaseMatches("May", "may"));
  EXPECT_TRUE(CaseMatches("May", "MAY"));
  EXPECT_TRUE(CaseMatches("the Kremlin", "The Kremlin"));
  EXPECT_FALSE(CaseMatches("the Kremlin", "the kremlin"));
  EXPECT_TRUE(CaseMatches("al-Assad", "Al-Assad"));
}

TEST(NameKeyTest, UpperHelpers) {
  EXPECT_TRUE(StartsUpper("Élysée"));
  EXPECT_FALSE(StartsUpper("élysée"));
  EXPECT_FALSE(StartsUpper("2020"));
  EXPECT_TRUE(AllUpper("NATO"));
  EXPECT_FALSE(AllUpper("Nato"));
  EXPECT_FALSE(AllUpper("--"));
}

}  // namespace
}  // namespace annals
