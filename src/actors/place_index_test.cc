// The place index against PhraseMatcher, its slow reference: the same hits
// for every start token over text with multi-word, glued and punctuated
// names; and the early stop at a gap no key continues.
#include "actors/place_index.h"

#include <gtest/gtest.h>

#include "actors/name_key.h"
#include "text/text_stage.h"

namespace annals {
namespace {

Document Tokenized(const std::string& text) {
  Document doc;
  doc.text = text;
  auto stage = CreateTextStage(Config());
  EXPECT_TRUE(stage.ok());
  EXPECT_TRUE((*stage)->Process(&doc).ok());
  return doc;
}

TEST(PlaceIndexTest, SameHitsAsPhraseMatcher) {
  const std::vector<std::string> names = {
      "New York", "New York City", "York", "Deir al-Balah", "Khan Younis", "Khan", "U.S.", "Washington, D.C.",
      "Washington", "Rostov-on-Don", "Bosnia and Herzegovina", "Sant Julià de Lòria", "St. Petersburg",
      "Gaza City", "Gaza", "Kyiv Oblast", "Kyiv", "Bamingui-Bangoran", "Al-Safira"};
  PlaceIndex index;
  PhraseMatcher reference;
  for (const std::string& n : names) {
    const std::string key = NameKey(n);
    EXPECT_EQ(index.Add(key), reference.Add(key)) << n;  // same ids in the same order
  }
  EXPECT_EQ(index.Add(NameKey("new york")), 0u);  // a key added twice keeps its id
  EXPECT_EQ(index.size(), reference.size());
  EXPECT_EQ(index.Find("gaza city"), reference.Find("gaza city"));
  EXPECT_EQ(index.Find("gaza cit"), UINT32_MAX);
  EXPECT_EQ(index.key(index.Find("khan younis")), "khan younis");

  const Document doc = Tokenized(
      "Strikes hit Deir al-Balah and Khan Younis, then New York City, St. Petersburg and Gaza City. "
      "The U.S. envoy left Washington, D.C. for Rostov-on-Don, Bosnia and Herzegovina and Kyiv Oblast; "
      "New Yorkers and Khan's men in Sant Julià de Lòria, Gaza, York. Rebels hit Bamingui-Bangoran and Al-Safira.");
  TokenKeys keys;
  keys.Build(doc);
  std::vector<PhraseMatcher::Hit> got, want;
  size_t total = 0;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      index.Scan(doc, keys, i, s.token_end, &got);
      reference.Scan(doc, keys, i, s.token_end, &want);
      ASSERT_EQ(got.size(), want.size()) << "at token " << i << " '" << doc.tokens[i].form << "'";
      for (size_t h = 0; h < got.size(); ++h) {
        EXPECT_EQ(got[h].token_end, want[h].token_end);
        EXPECT_EQ(got[h].phrase, want[h].phrase);
      }
      total += got.size();
    }
  }
  EXPECT_GE(total, 19u);
}

// A hyphen the tokenizer splits off joins its neighbours as NameKey joins
// them in the name ("Bamingui-Bangoran" -> "baminguibangoran"): both
// matchers find the name as written.
TEST(PlaceIndexTest, SplitHyphensJoinTheName) {
  PlaceIndex index;
  PhraseMatcher reference;
  const uint32_t id = index.Add(NameKey("Bamingui-Bangoran"));
  reference.Add(NameKey("Bamingui-Bangoran"));
  const Document doc = Tokenized("Rebels attacked a town in Bamingui-Bangoran on Monday.");
  TokenKeys keys;
  keys.Build(doc);
  uint32_t at = 0;
  while (at < doc.tokens.size() && doc.tokens[at].form.rfind("Bamingui", 0) != 0) ++at;
  ASSERT_LT(at, doc.tokens.size());
  std::vector<PhraseMatcher::Hit> got, want;
  index.Scan(doc, keys, at, static_cast<uint32_t>(doc.tokens.size()), &got);
  reference.Scan(doc, keys, at, static_cast<uint32_t>(doc.tokens.size()), &want);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].phrase, id);
  EXPECT_EQ(doc.tokens[got[0].token_end - 1].form, "Bangoran");
  ASSERT_EQ(want.size(), 1u);
  EXPECT_EQ(want[0].token_end, got[0].token_end);
}

TEST(PlaceIndexTest, ManyKeysStayFindable) {
  PlaceIndex index;
  index.Reserve(10, 40);  // a hint below the real size: the tables grow
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(index.Add("town " + std::to_string(i)), static_cast<uint32_t>(i));
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(index.Find("town " + std::to_string(i)), static_cast<uint32_t>(i));
  EXPECT_EQ(index.Find("town 5000"), UINT32_MAX);
  EXPECT_EQ(index.Add(""), UINT32_MAX);
}

}  // namespace
}  // namespace annals
