// Event coder tests on hand-parsed fixtures (testdata/coder.fix): each
// document must yield exactly the events it lists -- no more, no fewer --
// plus targeted checks of attribution, evidence and robustness.
#include "events/event_coder.h"

#include <gtest/gtest.h>

#include <memory>

#include "events/event_eval.h"
#include "events/pattern_dictionary.h"
#include "model/fixture.h"
#include "ontology/ontology.h"
#include "quotes/quote_finder.h"
#include "syntax/tree_repair.h"

namespace annals::events {
namespace {

// A hand-parsed document as the coder would receive it from the pipeline:
// the syntax stage's tree repair and the quotes stage's quotes applied, and
// its "x event" expectations as a gold item.
struct FixtureDoc {
  Document doc;
  GoldItem gold;
};

const CueLexicon& Cues() {
  static const CueLexicon lexicon = [] {
    std::vector<std::string> warnings;
    auto lex = CueLexicon::Load("data", &warnings);
    EXPECT_TRUE(lex.ok()) << lex.status().ToString();
    EXPECT_TRUE(warnings.empty());
    return lex.ok() ? std::move(lex).value() : CueLexicon();
  }();
  return lexicon;
}

std::vector<FixtureDoc> LoadCoderFixtures() {
  std::vector<FixtureDoc> out;
  auto docs = testing::LoadFixture("src/events/testdata/coder.fix");
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  if (!docs.ok()) return out;
  for (testing::FixtureDoc& f : *docs) {
    FixtureDoc d;
    d.doc = std::move(f.doc);
    for (uint32_t s = 0; s < d.doc.sentences.size(); ++s) syntax::RepairTree(&d.doc, s);
    FindQuotes(d.doc, Cues(), &d.doc.quotes);
    d.gold.id = d.doc.id;
    d.gold.date = d.doc.date;
    d.gold.text = d.doc.text;
    for (const testing::Expectation& x : f.expect) {
      if (x.kind != "event") continue;
      GoldEvent g;
      g.source = x.Get("source");
      g.target = x.Has("target") ? x.Get("target") : "-";
      g.code = x.Get("code");
      if (x.Has("modality")) {
        g.modality = ParseModality(x.Get("modality"));
        EXPECT_TRUE(g.modality.has_value()) << d.gold.id << ": bad modality";
      }
      g.line = x.line;
      d.gold.events.push_back(std::move(g));
    }
    out.push_back(std::move(d));
  }
  return out;
}

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto onto = Ontology::Load("data", "gdelt");
    ASSERT_TRUE(onto.ok()) << onto.status().ToString();
    ontology_ = std::move(onto).value().release();
    std::vector<std::string> errors;
    auto dict = PatternDictionary::LoadDir(
        "data", [](std::string_view c) { return ontology_->Find(c) != nullptr; }, &errors);
    ASSERT_TRUE(dict.ok()) << dict.status().ToString();
    for (const auto& e : errors) ADD_FAILURE() << e;
    dict_ = std::move(dict).value().release();
  }
  static void TearDownTestSuite() {
    delete dict_;
    delete ontology_;
  }
  static EventCoder Coder() {
    return EventCoder(*dict_, *ontology_);
  }
  static FixtureDoc Doc(const std::string& id) {
    for (auto& d : LoadCoderFixtures()) {
      if (d.gold.id == id) return std::move(d);
    }
    ADD_FAILURE() << "no fixture " << id;
    return {};
  }
  static Ontology* ontology_;
  static PatternDictionary* dict_;
};

Ontology* CoderTest::ontology_ = nullptr;
PatternDictionary* CoderTest::dict_ = nullptr;

TEST_F(CoderTest, EveryFixtureYieldsExactlyItsEvents) {
  std::vector<FixtureDoc> docs = LoadCoderFixtures();
  ASSERT_GE(docs.size(), 30u);
  EventCoder coder = Coder();
  for (FixtureDoc& d : docs) {
    coder.Code(&d.doc);
    EvalScores s;
    ScoreItem(d.gold, d.doc.events, nullptr, &s);
    EXPECT_EQ(s.exact.fp + s.exact.fn, 0) << d.gold.id << "\n" << [&] {
      std::string m;
      for (const auto& x : s.mismatches) m += "  " + x + "\n";
      return m;
    }();
    EXPECT_EQ(s.modality_correct, s.modality_scored) << d.gold.id;
  }
}

TEST_F(CoderTest, ReportedSpeechCarriesTheSpeaker) {
  FixtureDoc d = Doc("reported-speech");
  Coder().Code(&d.doc);
  ASSERT_EQ(d.doc.events.size(), 1u);
  const Event& e = d.doc.events[0];
  ASSERT_TRUE(e.attribution.has_value());
  EXPECT_EQ(e.attribution->speaker.name, "Sergei Lavrov");
  EXPECT_EQ(e.attribution->cue, "say");
  EXPECT_EQ(e.evidence.rule, "fight.attack-v");
  ASSERT_FALSE(e.evidence.trigger_spans.empty());
  EXPECT_EQ(d.doc.SpanText(e.evidence.trigger_spans[0]), "attacked");
}

TEST_F(CoderTest, DirectQuoteAttributionComesFromTheQuoteLayer) {
  FixtureDoc d = Doc("direct-quote-parataxis");
  Coder().Code(&d.doc);
  ASSERT_EQ(d.doc.events.size(), 1u);
  const Event& e = d.doc.events[0];
  ASSERT_TRUE(e.attribution.has_value());
  EXPECT_EQ(e.attribution->quote_index, 0);
  EXPECT_EQ(e.attribution->speaker.code, "USAGOV");
  bool intent_note = false;
  for (const auto& n : e.evidence.notes) intent_note |= n == "intent:0312<-062";
  EXPECT_TRUE(intent_note);
}

TEST_F(CoderTest, EvidenceNamesModalityTargetSlotAndDictionaryEntries) {
  FixtureDoc d = Doc("planned-meeting-conj");
  Coder().Code(&d.doc);
  ASSERT_EQ(d.doc.events.size(), 2u);
  const Event& e = d.doc.events[0];
  bool will = false;
  for (const auto& n : e.evidence.notes) will |= n == "modality:will";
  EXPECT_TRUE(will);
  EXPECT_EQ(e.evidence.dictionary.size(), 2u);
  EXPECT_EQ(e.source->text, "Putin");
  EXPECT_EQ(d.doc.SpanText(e.span), "Putin and Zelensky will meet");
}

TEST_F(CoderTest, NoPoliticalActorNoEvent) {
  FixtureDoc d = Doc("svo-assault");
  d.doc.mentions.clear();
  Coder().Code(&d.doc);
  EXPECT_TRUE(d.doc.events.empty());
}

TEST_F(CoderTest, BrokenParseDoesNotCrash) {
  FixtureDoc d = Doc("light-verb-appos-conj");
  // A cycle and heads outside the sentence: the coder must terminate.
  d.doc.tokens[0].head = 2;
  d.doc.tokens[2].head = 0;
  d.doc.tokens[5].head = 9999;
  d.doc.tokens[16].head = 16;
  d.doc.sentences[0].token_end = 9999;
  Coder().Code(&d.doc);
  SUCCEED();
}

TEST_F(CoderTest, SameEventTwiceInOneSentenceIsOneRecord) {
  FixtureDoc d = Doc("root09-investigate");  // launch-probe and the noun both fire
  Coder().Code(&d.doc);
  EXPECT_EQ(d.doc.events.size(), 1u);
}

}  // namespace
}  // namespace annals::events
