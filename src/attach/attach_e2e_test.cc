// End to end: raw text through every earlier stage (text, syntax, actors,
// time, amounts, quotes, events) and then attach, on the seed article
// (read from ../shared when present) and on small paragraphs written here.
// Set ANNALS_ATTACH_DUMP=1 to print every event with its context.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "annals/pipeline.h"
#include "base/file.h"


namespace annals {
namespace {

class AttachEndToEnd : public ::testing::Test {
 protected:
  // The real pipeline, as `annals code` builds it.
  static void SetUpTestSuite() {
    auto p = Pipeline::Create(Config{});
    if (!p.ok()) {
      error_ = new std::string(p.status().ToString());
      return;
    }
    pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
    delete error_;
    error_ = nullptr;
  }
  void SetUp() override {
    if (error_ != nullptr) GTEST_SKIP() << "pipeline unavailable: " << *error_;
  }
  static Document Run(const std::string& text, const std::string& date) {
    Document doc;
    doc.id = "e2e";
    doc.date = date;
    doc.text = text;
    const Status st = pipeline_->Process(&doc);
    EXPECT_TRUE(st.ok()) << st.ToString();
    if (std::getenv("ANNALS_ATTACH_DUMP") != nullptr) {
      for (const Event& ev : doc.events) {
        std::string amounts;
        for (int32_t a : ev.amounts) amounts += doc.amounts[static_cast<size_t>(a)].text + ";";
        std::printf("%s %s->%s trig=%s date=%s/%s loc=%s amounts=%s attr=%s/%s\n", ev.cameo.c_str(),
                    ev.source ? ev.source->actor.code.c_str() : "-",
                    ev.target ? ev.target->actor.code.c_str() : "-",
                    ev.evidence.triggers.empty() ? "" : ev.evidence.triggers[0].c_str(), ev.date.c_str(),
                    ev.date_precision.c_str(), ev.location ? ev.location->name.c_str() : "-",
                    amounts.c_str(), ev.attribution ? ev.attribution->speaker.name.c_str() : "-",
                    ev.attribution ? ev.attribution->venue.c_str() : "-");
      }
    }
    return doc;
  }
  static const Event* WithTrigger(const Document& doc, std::string_view trigger) {
    for (const Event& ev : doc.events) {
      if (!ev.evidence.triggers.empty() && ev.evidence.triggers[0] == trigger) return &ev;
    }
    return nullptr;
  }
  static inline Pipeline* pipeline_ = nullptr;
  static inline std::string* error_ = nullptr;
};

TEST_F(AttachEndToEnd, SeedArticleContext) {
  auto text = ReadFile("../shared/examples/seed-article.txt");
  if (!text.ok()) GTEST_SKIP() << "seed article absent";
  Document doc = Run(*text, "2025-08-19");
  ASSERT_FALSE(doc.events.empty());
  size_t dated = 0, located = 0, with_amounts = 0, attributed = 0;
  for (const Event& ev : doc.events) {
    EXPECT_FALSE(ev.date.empty());
    EXPECT_FALSE(ev.date_precision.empty());
    dated += ev.date_precision != "document";
    located += ev.location.has_value();
    with_amounts += !ev.amounts.empty();
    attributed += ev.attribution.has_value();
    // Amounts come from the event's own sentence.
    for (int32_t a : ev.amounts) EXPECT_EQ(doc.amounts[static_cast<size_t>(a)].sentence, ev.sentence);
  }
  // Macron suggested Geneva as the venue: France's proposal, located in
  // Geneva.
  const Event* proposal = WithTrigger(doc, "suggested");
  ASSERT_NE(proposal, nullptr);
  ASSERT_TRUE(proposal->source.has_value());
  EXPECT_EQ(proposal->source->actor.country, "FRA");
  ASSERT_TRUE(proposal->location.has_value());
  EXPECT_EQ(proposal->location->name, "Geneva");
  // The two purchases carry their amounts; Kyiv buys the USD 1e11 of
  // weapons from the US.
  bool hundred = false, fifty = false;
  for (const Event& ev : doc.events) {
    for (int32_t a : ev.amounts) {
      const double v = doc.amounts[static_cast<size_t>(a)].value;
      const bool ukr_from_usa = ev.source && ev.target && ev.source->actor.country == "UKR" &&
                                ev.target->actor.country == "USA";
      hundred = hundred || (std::fabs(v - 1e11) < 1 && ukr_from_usa);
      fifty = fifty || std::fabs(v - 5e10) < 1;
    }
  }
  EXPECT_TRUE(hundred);
  EXPECT_TRUE(fifty);
  std::printf("seed article: %zu events; %zu dated by their clause, %zu located, %zu with amounts, %zu "
              "attributed\n",
              doc.events.size(), dated, located, with_amounts, attributed);
}

TEST_F(AttachEndToEnd, ClauseDatesAndPlaces) {
  Document doc = Run(
      "Russian forces attacked Kharkiv on Monday. Vladimir Putin will meet Volodymyr Zelensky in "
      "Geneva in September.\n",
      "2025-08-19");
  for (const Event& ev : doc.events) {
    if (ev.evidence.triggers.empty()) continue;
    if (ev.evidence.triggers[0] == "attacked") {
      EXPECT_EQ(ev.date, "2025-08-18");
      ASSERT_TRUE(ev.location.has_value());
      EXPECT_EQ(ev.location->name, "Kharkiv");
    }
    if (ev.evidence.triggers[0] == "meet") {
      EXPECT_EQ(ev.date, "2025-09");
      EXPECT_EQ(ev.date_precision, "month");
      ASSERT_TRUE(ev.location.has_value());
      EXPECT_EQ(ev.location->name, "Geneva");
    }
  }
  const Event* meet = WithTrigger(doc, "meet");
  if (meet == nullptr) GTEST_SKIP() << "events stage coded no meeting";
}

// Casualties belong to their event: the participle clause's dead go to
// the bombing, not to a separate "killing" event (issue 18).
TEST_F(AttachEndToEnd, CasualtiesBelongToTheAttack) {
  Document doc = Run("Russian forces bombed a market in Kramatorsk, killing 12 people.\n", "2025-08-19");
  const Event* bombing = WithTrigger(doc, "bombed");
  ASSERT_NE(bombing, nullptr);
  ASSERT_TRUE(bombing->location.has_value());
  EXPECT_EQ(bombing->location->name, "Kramatorsk");
  EXPECT_EQ(bombing->location_precision, "clause");
  ASSERT_EQ(bombing->amounts.size(), 1u);
  EXPECT_EQ(doc.amounts[static_cast<size_t>(bombing->amounts[0])].value, 12);
  for (const Event& ev : doc.events) {
    if (&ev != bombing) {
      EXPECT_TRUE(ev.amounts.empty()) << ev.evidence.rule;
    }
  }
}

// Cities the imported actor data once listed as a person's names
// (Phoenix's dated Ukraine record read as a person with the aliases
// "Luhansk", "Simferopol") are places.
TEST_F(AttachEndToEnd, CitiesAreNoPersonsNames) {
  Document doc = Run("Ukrainian troops shelled a village in Luhansk Oblast.\n", "2025-03-23");
  const Event* shelled = WithTrigger(doc, "shelled");
  ASSERT_NE(shelled, nullptr);
  ASSERT_TRUE(shelled->location.has_value());
  EXPECT_EQ(shelled->location->country, "UKR");
  EXPECT_EQ(shelled->location->feature, "admin1");
}

// A statement about a strike happens where the speaker is: the dateline,
// not the place struck.
TEST_F(AttachEndToEnd, StatementTakesTheDateline) {
  Document doc = Run("KYIV, Aug 19 (Reuters) - Zelensky condemned the strike on Odesa.\n", "2025-08-19");
  const Event* condemned = WithTrigger(doc, "condemned");
  if (condemned == nullptr) GTEST_SKIP() << "events stage coded no condemnation";
  ASSERT_TRUE(condemned->location.has_value());
  EXPECT_EQ(condemned->location->name, "Kyiv");
  EXPECT_EQ(condemned->location_precision, "dateline");
}

}  // namespace
}  // namespace annals
