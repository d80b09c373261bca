// Quote shapes on hand-parsed fixtures (testdata/shapes.fix), the stage
// contract, and garbage input.
#include "quotes/quotes_stage.h"

#include <gtest/gtest.h>

#include <random>

#include "model/fixture.h"
#include "syntax/tree_repair.h"
#include "quotes/quote_finder.h"

namespace annals {
namespace {

std::string ResolvedName(const Document& doc, int32_t m) {
  if (m < 0 || static_cast<size_t>(m) >= doc.mentions.size()) return "-";
  return doc.mentions[static_cast<size_t>(m)].actor.name;
}

std::string Describe(const Document& doc, const Quote& q) {
  return std::string(q.direct ? "direct" : "indirect") + " speaker=" + ResolvedName(doc, q.speaker) +
         " speaker_text='" + q.speaker_text + "' cue=" + q.cue + " venue='" + q.venue + "' text='" +
         q.text + "'";
}

class QuoteShapesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto stage = CreateQuotesStage(Config{});
    ASSERT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = std::move(stage).value();
  }
  std::unique_ptr<Stage> stage_;
};

TEST_F(QuoteShapesTest, FixtureQuotesMatchExpectations) {
  auto docs = testing::LoadFixture("src/quotes/testdata/shapes.fix");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_GE(docs->size(), 4u);
  size_t checked = 0;
  for (testing::FixtureDoc& fd : *docs) {
    Document& doc = fd.doc;
    // The fixture is the parser's output: the syntax stage's repair applies.
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) syntax::RepairTree(&doc, s);
    ASSERT_TRUE(stage_->Process(&doc).ok());
    std::string got;
    for (const Quote& q : doc.quotes) got += "  " + Describe(doc, q) + "\n";
    std::vector<const testing::Expectation*> want;
    for (const auto& x : fd.expect) {
      if (x.kind == "quote") want.push_back(&x);
    }
    ASSERT_EQ(doc.quotes.size(), want.size()) << doc.id << " got:\n" << got;
    for (size_t i = 0; i < want.size(); ++i) {
      const testing::Expectation& x = *want[i];
      const Quote& q = doc.quotes[i];
      const std::string where = doc.id + " (line " + std::to_string(x.line) + "): " + Describe(doc, q);
      EXPECT_EQ(q.direct, x.Get("direct") == "1") << where;
      EXPECT_EQ(ResolvedName(doc, q.speaker), x.Get("speaker")) << where;
      if (x.Has("speaker_text")) {
        EXPECT_EQ(q.speaker_text, x.Get("speaker_text")) << where;
      }
      EXPECT_EQ(q.cue, x.Get("cue")) << where;
      EXPECT_EQ(q.venue.empty() ? "-" : q.venue, x.Get("venue")) << where;
      EXPECT_EQ(q.text, x.Get("text")) << where;
      // The span and cue_span point at the text they claim.
      EXPECT_LE(q.span.end, doc.text.size());
      if (!q.cue.empty()) {
        EXPECT_LT(q.cue_span.begin, q.cue_span.end) << where;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 20u);
}

TEST_F(QuoteShapesTest, DeclaresItsLayers) {
  EXPECT_EQ(stage_->name(), "quotes");
  EXPECT_EQ(stage_->fills(), kLayerQuotes);
  EXPECT_TRUE(stage_->needs() & kLayerParse);
  EXPECT_TRUE(stage_->needs() & kLayerMentions);
}

TEST_F(QuoteShapesTest, ReplacesEarlierQuotes) {
  Document doc;
  doc.quotes.push_back(Quote{});
  ASSERT_TRUE(stage_->Process(&doc).ok());
  EXPECT_TRUE(doc.quotes.empty());
}

TEST_F(QuoteShapesTest, CurlyQuotesAndGuillemets) {
  // One sentence, no parse: curly marks pair, the cue beside them is found.
  for (const std::string open_close : {"\u201C|\u201D", "\u00AB|\u00BB", "\u201E|\u201D"}) {
    const std::string open = open_close.substr(0, open_close.find('|'));
    const std::string close = open_close.substr(open_close.find('|') + 1);
    const std::string fixture = "doc\ns " + open + "|_|_|_ ~We|_|_|_ won|_|_|_ ~,|_|_|_ ~" + close +
                                "|_|_|_ she|_|_|_ said|_|_|_ .|_|_|_\nm 6-6 name=Someone how=pronoun\n";
    auto docs = testing::ParseFixture(fixture, "inline");
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    Document& doc = docs->front().doc;
    ASSERT_TRUE(stage_->Process(&doc).ok());
    ASSERT_EQ(doc.quotes.size(), 1u) << open;
    EXPECT_EQ(doc.quotes[0].text, "We won");
    EXPECT_EQ(doc.quotes[0].cue, "say");
    EXPECT_EQ(ResolvedName(doc, doc.quotes[0].speaker), "Someone");
  }
}

TEST_F(QuoteShapesTest, ScareQuotesWithoutSpeakerAreNotSpeech) {
  auto docs = testing::ParseFixture(
      "doc\ns The|DET|2|det \"|PUNCT|3|punct ~deal|NOUN|4|nsubj ~\"|PUNCT|3|punct collapsed|VERB|0|root .|PUNCT|4|punct\n",
      "inline");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  Document& doc = docs->front().doc;
  ASSERT_TRUE(stage_->Process(&doc).ok());
  EXPECT_TRUE(doc.quotes.empty());
}

// Random tokens, heads, marks and mentions: never crash, spans stay inside
// the text.
TEST_F(QuoteShapesTest, GarbageNeverCrashes) {
  std::mt19937 rng(12345);
  const std::vector<std::string> forms = {"\"", "\u201C", "\u201D", "\u00AB", "said", "that", "he",
                                          "Fox", "on", "interview", "X", ",", ".", "\xff\xfe", "",
                                          "told", "to", "News", "-", "24", "the", "post"};
  const std::vector<std::string> rels = {"nsubj", "ccomp", "parataxis", "conj", "acl:relcl",
                                         "obl", "case", "mark", "appos", "", "punct"};
  for (int round = 0; round < 300; ++round) {
    Document doc;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Token t;
      t.form = forms[rng() % forms.size()];
      t.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += t.form;
      t.span.end = static_cast<uint32_t>(doc.text.size());
      doc.text += (rng() % 3) ? " " : "";
      t.head = static_cast<int32_t>(rng() % (n + 3)) - 2;  // out of range too
      t.deprel = rels[rng() % rels.size()];
      t.upos = (rng() % 2) ? "VERB" : "";
      t.lemma = (rng() % 2) ? "say" : "";
      t.space_after = rng() % 2;
      doc.tokens.push_back(t);
    }
    // Sentences with random (possibly broken) bounds and paragraphs.
    uint32_t at = 0;
    while (at < static_cast<uint32_t>(n)) {
      Sentence s;
      s.token_begin = at;
      s.token_end = std::min<uint32_t>(static_cast<uint32_t>(n) + (rng() % 2), at + 1 + rng() % 8);
      s.span = {doc.tokens[at].span.begin,
                static_cast<uint32_t>(rng() % (doc.text.size() + 5))};
      s.paragraph = static_cast<uint32_t>(rng() % 3);
      doc.sentences.push_back(s);
      at = s.token_end;
    }
    for (int m = 0; m < 4 && n > 0; ++m) {
      Mention men;
      men.token_begin = static_cast<uint32_t>(rng() % (n + 2));
      men.token_end = men.token_begin + static_cast<uint32_t>(rng() % 3);
      men.span = {0, static_cast<uint32_t>(rng() % (doc.text.size() + 1))};
      men.antecedent = static_cast<int32_t>(rng() % 6) - 1;
      men.actor.type = (rng() % 2) ? "media" : "person";
      doc.mentions.push_back(men);
    }
    ASSERT_TRUE(stage_->Process(&doc).ok());
    for (const Quote& q : doc.quotes) {
      EXPECT_LE(q.span.begin, q.span.end);
      EXPECT_LE(q.span.end, doc.text.size());
      EXPECT_LT(q.speaker, static_cast<int32_t>(doc.mentions.size()));
    }
  }
}

}  // namespace
}  // namespace annals
