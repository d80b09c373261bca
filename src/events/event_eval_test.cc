// Gold-file parsing and scoring tests for `annals eval events`.
#include "events/event_eval.h"

#include <gtest/gtest.h>

namespace annals::events {
namespace {

Event Ev(const std::string& src, const std::string& tgt, const std::string& code,
         Modality m = Modality::kAsserted) {
  Event e;
  e.source = EventActor{};
  e.source->actor.code = src;
  if (tgt != "-") {
    e.target = EventActor{};
    e.target->actor.code = tgt;
  }
  e.cameo = code;
  e.modality = m;
  return e;
}

TEST(EventEval, ParsesItemsAndReportsBadLinesWithPlace) {
  std::vector<std::string> errors;
  auto items = ParseGold(
      "# format: annals-events-gold v1\n"
      "@ a 2025-08-19\n"
      "Russia attacked Ukraine.\n"
      "= RUS UKR 190 asserted\n"
      "\n"
      "@ b 2025-13-01\n"
      "text\n"
      "@ c\n"
      "text\n"
      "= RUS UKR 19x\n"
      "@ d\n"
      "Nothing happened.\n"
      "@ e\n"
      "x\n"
      "= RUS UKR 190 maybe\n",
      "g.gold", &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], "g.gold:6:5: bad date (want YYYY-MM-DD) '2025-13-01'");
  EXPECT_EQ(errors[1], "g.gold:10:11: bad CAMEO code '19x'");
  EXPECT_EQ(errors[2], "g.gold:15:15: unknown modality 'maybe'");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "a");
  EXPECT_EQ(items[0].text, "Russia attacked Ukraine.");
  ASSERT_EQ(items[0].events.size(), 1u);
  EXPECT_EQ(*items[0].events[0].modality, Modality::kAsserted);
  EXPECT_EQ(items[1].id, "d");
  EXPECT_TRUE(items[1].events.empty());
}

TEST(EventEval, ScoresPrefixActorsExactAndRootLevel) {
  GoldItem g;
  g.id = "x";
  g.events = {{"RUS", "UKR", "190", Modality::kAsserted, 1}, {"USA", "-", "036", Modality::kPlanned, 2}};
  std::vector<Event> sys = {Ev("RUSMIL", "UKR", "195"), Ev("USAGOV", "-", "036", Modality::kHypothetical),
                            Ev("FRA", "DEU", "040")};
  EvalScores s;
  ScoreItem(g, sys, [](std::string_view c) { return c.substr(0, 2) == "19" ? "ASSAULT" : ""; }, &s);
  EXPECT_EQ(s.exact.tp, 1);
  EXPECT_EQ(s.exact.fp, 2);
  EXPECT_EQ(s.exact.fn, 1);
  EXPECT_EQ(s.root.tp, 2);
  EXPECT_EQ(s.root.fp, 1);
  EXPECT_EQ(s.plover.tp, 2);
  EXPECT_EQ(s.modality_scored, 1);
  EXPECT_EQ(s.modality_correct, 0);
  EXPECT_EQ(s.by_root["19"].fn, 1);
  EXPECT_EQ(s.by_root["19"].fp, 1);
  EXPECT_NEAR(s.exact.Precision(), 1.0 / 3, 1e-9);
  EXPECT_NE(FormatScores(s).find("exact"), std::string::npos);
}

}  // namespace
}  // namespace annals::events
