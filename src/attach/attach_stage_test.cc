// Event context on hand-parsed fixtures (testdata/attach.fix): dates from
// the event's clause, locations, amounts and attribution.
#include "attach/attach_stage.h"

#include <gtest/gtest.h>

#include <random>

#include "attach/event_context.h"
#include "model/fixture.h"
#include "syntax/tree_repair.h"
#include "quotes/quotes_stage.h"

namespace annals {
namespace {

std::string Join(const std::vector<int32_t>& v) {
  if (v.empty()) return "-";
  std::string s;
  for (int32_t x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
  return s;
}

TEST(AttachStage, FixtureEventsMatchExpectations) {
  auto quotes = CreateQuotesStage(Config{});
  auto attach = CreateAttachStage(Config{});
  ASSERT_TRUE(quotes.ok() && attach.ok());
  auto docs = testing::LoadFixture("src/attach/testdata/attach.fix");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  size_t checked = 0;
  for (testing::FixtureDoc& fd : *docs) {
    Document& doc = fd.doc;
    // The fixture is the parser's output: the syntax stage's repair applies.
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) syntax::RepairTree(&doc, s);
    ASSERT_TRUE((*quotes)->Process(&doc).ok());
    ASSERT_TRUE((*attach)->Process(&doc).ok());
    for (const testing::Expectation& x : fd.expect) {
      if (x.kind != "event") continue;
      const size_t i = static_cast<size_t>(std::stoul(x.Get("i")));
      ASSERT_LT(i, doc.events.size()) << doc.id;
      const Event& ev = doc.events[i];
      const std::string where = doc.id + " line " + std::to_string(x.line);
      if (x.Has("date")) {
        EXPECT_EQ(ev.date, x.Get("date")) << where;
      }
      if (x.Has("precision")) {
        EXPECT_EQ(ev.date_precision, x.Get("precision")) << where;
      }
      if (x.Has("time_expr")) {
        EXPECT_EQ(std::to_string(ev.time_expr), x.Get("time_expr")) << where;
      }
      if (x.Has("location")) {
        EXPECT_EQ(ev.location ? ev.location->name : "-", x.Get("location")) << where;
      }
      if (x.Has("where")) {
        EXPECT_EQ(ev.location_precision.empty() ? "-" : ev.location_precision, x.Get("where")) << where;
      }
      if (x.Has("amounts")) {
        EXPECT_EQ(Join(ev.amounts), x.Get("amounts")) << where;
      }
      for (const char* key : {"speaker", "speaker_text", "cue", "quote"}) {
        if (!x.Has(key)) continue;
        ASSERT_TRUE(ev.attribution.has_value()) << where;
        const Attribution& a = *ev.attribution;
        const std::string got = std::string(key) == "speaker"        ? a.speaker.name
                                : std::string(key) == "speaker_text" ? a.speaker_text
                                : std::string(key) == "cue"          ? a.cue
                                                                     : a.quote;
        EXPECT_EQ(got, x.Get(key)) << where << " " << key;
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 25u);
}

// The fixture document `id`, with the syntax stage's repair applied.
Document FixtureDocument(const std::string& id) {
  auto docs = testing::LoadFixture("src/attach/testdata/attach.fix");
  EXPECT_TRUE(docs.ok());
  if (!docs.ok()) return Document();
  for (testing::FixtureDoc& fd : *docs) {
    if (fd.doc.id != id) continue;
    for (uint32_t s = 0; s < fd.doc.sentences.size(); ++s) syntax::RepairTree(&fd.doc, s);
    return fd.doc;
  }
  ADD_FAILURE() << "no fixture " << id;
  return Document();
}

AttachLexicon Lexicon() {
  std::vector<std::string> warnings;
  auto lex = AttachLexicon::Load("data", &warnings);
  EXPECT_TRUE(lex.ok());
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  return lex.ok() ? std::move(lex).value() : AttachLexicon();
}

Place Jerusalem() {
  Place p;
  p.text = "JERUSALEM";
  p.name = "Jerusalem";
  p.country = "ISR";
  p.feature = "city";
  return p;
}

// The dateline comes after the clause and the sentence, before the story.
TEST(AttachStage, DatelineBeforeStoryAfterSentence) {
  const AttachLexicon lex = Lexicon();
  Document doc = FixtureDocument("story-place");
  doc.dateline_place = Jerusalem();
  AttachContext(&doc, lex);
  ASSERT_EQ(doc.events.size(), 2u);
  EXPECT_EQ(doc.events[0].location->name, "Khan Younis");
  EXPECT_EQ(doc.events[0].location_precision, "clause");
  ASSERT_TRUE(doc.events[1].location.has_value());
  EXPECT_EQ(doc.events[1].location->name, "Jerusalem");
  EXPECT_EQ(doc.events[1].location_precision, "dateline");
  doc = FixtureDocument("sentence-place");
  doc.dateline_place = Jerusalem();
  AttachContext(&doc, lex);
  EXPECT_EQ(doc.events[0].location_precision, "sentence");
}

// A statement with no place of its own happens where the story was filed;
// a court's ruling too, never at what it rules about.
TEST(AttachStage, StatementsAndRulingsTakeTheDateline) {
  const AttachLexicon lex = Lexicon();
  for (const char* id : {"statement-about", "court-object"}) {
    Document doc = FixtureDocument(id);
    doc.dateline_place = Jerusalem();
    AttachContext(&doc, lex);
    ASSERT_TRUE(doc.events[0].location.has_value()) << id;
    EXPECT_EQ(doc.events[0].location->name, "Jerusalem") << id;
    EXPECT_EQ(doc.events[0].location_precision, "dateline") << id;
  }
}

// Near-linear: the work per event does not grow with the document. A story
// of n copies of the same paragraph does n times the work of one copy.
TEST(AttachStage, WorkIsLinearInDocumentLength) {
  const AttachLexicon lex = Lexicon();
  const Document one = FixtureDocument("participle-casualties");
  auto repeated = [&](uint32_t n) {
    Document doc = one;
    doc.tokens.clear();
    doc.sentences.clear();
    doc.places.clear();
    doc.amounts.clear();
    doc.events.clear();
    doc.text.clear();
    for (uint32_t k = 0; k < n; ++k) {
      const uint32_t tok0 = static_cast<uint32_t>(doc.tokens.size());
      const uint32_t off = static_cast<uint32_t>(doc.text.size());
      const uint32_t sent = static_cast<uint32_t>(doc.sentences.size());
      doc.text += one.text + " ";
      for (Token t : one.tokens) {
        t.span = {t.span.begin + off, t.span.end + off};
        if (t.head >= 0) t.head += static_cast<int32_t>(tok0);
        doc.tokens.push_back(t);
      }
      for (Sentence s : one.sentences) {
        s.token_begin += tok0;
        s.token_end += tok0;
        s.span = {s.span.begin + off, s.span.end + off};
        doc.sentences.push_back(s);
      }
      auto shift = [&](auto item) {
        item.token_begin += tok0;
        item.token_end += tok0;
        item.sentence += sent;
        item.span = {item.span.begin + off, item.span.end + off};
        return item;
      };
      for (const Place& p : one.places) doc.places.push_back(shift(p));
      for (const Amount& a : one.amounts) doc.amounts.push_back(shift(a));
      for (Event e : one.events) {
        for (Span& s : e.evidence.trigger_spans) s = {s.begin + off, s.end + off};
        e.span = {e.span.begin + off, e.span.end + off};
        e.sentence += sent;
        doc.events.push_back(e);
      }
    }
    return doc;
  };
  Document d1 = repeated(1), d100 = repeated(100), d1000 = repeated(1000);
  const AttachWork w1 = AttachContext(&d1, lex);
  const AttachWork w100 = AttachContext(&d100, lex);
  const AttachWork w1000 = AttachContext(&d1000, lex);
  EXPECT_EQ(w1000.events, 1000 * w1.events);
  EXPECT_EQ(w1000.tokens, 1000 * w1.tokens);
  // Per copy, the same work, plus one count per place for the story's
  // dominant place.
  EXPECT_LE(w1000.items, 1000 * (w1.items + 1));
  EXPECT_LE(w1000.items * 100, 1000 * (w100.items + 100));
  // And the events came out as in one copy.
  EXPECT_EQ(d1000.events[1999].location->name, "Kramatorsk");
  EXPECT_EQ(d1000.events[1998].amounts.size(), 1u);
}

TEST(AttachStage, DeclaresItsLayers) {
  auto attach = CreateAttachStage(Config{});
  ASSERT_TRUE(attach.ok());
  EXPECT_EQ((*attach)->name(), "attach");
  EXPECT_EQ((*attach)->fills(), kLayerEventContext);
  const uint32_t needs = (*attach)->needs();
  for (uint32_t layer : {kLayerEvents, kLayerTimes, kLayerPlaces, kLayerAmounts, kLayerParse}) {
    EXPECT_TRUE(needs & layer) << LayerNames(layer);
  }
}

TEST(AttachStage, EmptyDocumentDateStaysEmpty) {
  auto attach = CreateAttachStage(Config{});
  ASSERT_TRUE(attach.ok());
  Document doc;
  doc.events.emplace_back();  // no tokens, no trigger
  ASSERT_TRUE((*attach)->Process(&doc).ok());
  EXPECT_EQ(doc.events[0].date, "");
  EXPECT_EQ(doc.events[0].date_precision, "document");
  EXPECT_FALSE(doc.events[0].location.has_value());
}

// Events, places, times and amounts with random indices over random parses.
TEST(AttachStage, GarbageNeverCrashes) {
  auto attach = CreateAttachStage(Config{});
  ASSERT_TRUE(attach.ok());
  std::mt19937 rng(777);
  for (int round = 0; round < 300; ++round) {
    Document doc;
    doc.date = "2025-08-19";
    const uint32_t n = rng() % 30;
    for (uint32_t i = 0; i < n; ++i) {
      Token t;
      t.form = (rng() % 2) ? "in" : "X";
      t.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + t.form.size())};
      doc.text += t.form + " ";
      t.head = static_cast<int32_t>(rng() % (n + 2)) - 1;
      t.deprel = (rng() % 2) ? "case" : "conj";
      t.upos = (rng() % 2) ? "VERB" : "NOUN";
      doc.tokens.push_back(t);
    }
    Sentence s;
    s.token_end = n + rng() % 2;
    doc.sentences.push_back(s);
    for (int k = 0; k < 3; ++k) {
      Place p;
      p.token_begin = rng() % (n + 3);
      p.token_end = p.token_begin + rng() % 3;
      doc.places.push_back(p);
      TimeExpr x;
      x.token_begin = rng() % (n + 3);
      x.token_end = x.token_begin + rng() % 3;
      x.value = (rng() % 2) ? "2025-08-1" : "2025-W3";
      doc.time_exprs.push_back(x);
      Amount a;
      a.token_begin = rng() % (n + 3);
      a.token_end = a.token_begin + rng() % 3;
      doc.amounts.push_back(a);
      Quote q;
      q.span = {static_cast<uint32_t>(rng() % 50), static_cast<uint32_t>(rng() % 80)};
      q.speaker = static_cast<int32_t>(rng() % 5) - 1;
      doc.quotes.push_back(q);
      Event ev;
      ev.evidence.trigger_spans.push_back({static_cast<uint32_t>(rng() % 100), static_cast<uint32_t>(rng() % 100)});
      ev.span = {static_cast<uint32_t>(rng() % 100), static_cast<uint32_t>(rng() % 100)};
      doc.events.push_back(ev);
    }
    ASSERT_TRUE((*attach)->Process(&doc).ok());
    for (const Event& ev : doc.events) {
      for (int32_t a : ev.amounts) EXPECT_LT(static_cast<size_t>(a), doc.amounts.size());
      EXPECT_FALSE(ev.date.empty());
    }
  }
}

}  // namespace
}  // namespace annals
