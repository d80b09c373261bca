// The summary tables (docs/store.md, "Summary tables"): every count and
// aggregate a summary answers is the same as the event table's answer, on a
// random store, after ingest, replacement, deletion and refolding; filters
// a summary cannot answer fall back to the event table. Also on the random
// store: a page of events (limit, offset, every sort) is the same slice of
// the whole list whichever way the query is planned.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "store/maintenance.h"
#include "store/query.h"
#include "store/stats.h"
#include "store/store.h"
#include "store/store_test_util.h"
#include "store/synthetic_corpus.h"

namespace annals {
namespace {

using testing::AddEvent;
using testing::MakeDoc;

// Actors with and without codes, a sector, a name-only one.
struct TestActor {
  const char* name;
  const char* code;
};
constexpr TestActor kActors[] = {{"Russia", "RUS"},      {"Kremlin", "RUSGOV"},  {"Russian army", "RUSMIL"},
                                 {"Ukraine", "UKR"},     {"Kyiv", "UKRGOV"},     {"France", "FRA"},
                                 {"NATO", "IGOWSTNAT"}, {"Acme rebels", ""},    {"the United States", "USA"}};
constexpr const char* kCameo[] = {"010", "036", "040", "042", "057", "0874", "111", "130", "141", "173", "190", "193"};
constexpr const char* kModalities[] = {"asserted", "asserted", "asserted", "reported", "planned", "negated",
                                       "hypothetical", "historical"};

Modality ModalityOf(const std::string& name) {
  for (Modality m : {Modality::kAsserted, Modality::kPlanned, Modality::kHypothetical, Modality::kNegated,
                     Modality::kHistorical, Modality::kReported}) {
    if (name == ModalityName(m)) return m;
  }
  return Modality::kAsserted;
}

class SummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ontology_ = testing::LoadTestOntology();
    ASSERT_NE(ontology_, nullptr);
    path_ = ::testing::TempDir() + "annals_summary_" + std::to_string(getpid()) + ".db";
    std::remove(path_.c_str());
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  // A random document: 1-4 events between random actors, some without a
  // target, on random days (some dated to a month), in random modalities.
  Document RandomDoc(synthetic::Rng& rng, size_t i) {
    const CivilDate date = AddDays(CivilDate{2025, 1, 1}, static_cast<long>(rng.Pick(120)));
    const std::string iso = FormatIsoDate(date);
    std::vector<std::string> sentences;
    struct Planned {
      size_t src, tgt;
      bool has_target;
    };
    std::vector<Planned> planned;
    const size_t n = 1 + rng.Pick(4);
    for (size_t k = 0; k < n; ++k) {
      Planned p{rng.Pick(std::size(kActors)), rng.Pick(std::size(kActors)), rng.Pick(5) != 0};
      if (p.tgt == p.src) p.tgt = (p.src + 1) % std::size(kActors);
      planned.push_back(p);
      sentences.push_back(std::string(kActors[p.src].name) + " acted " + std::to_string(k) +
                          (p.has_target ? std::string(" toward ") + kActors[p.tgt].name : std::string()) + ".");
    }
    Document d = MakeDoc("doc" + std::to_string(i), iso, "S" + std::to_string(rng.Pick(3)), sentences);
    for (size_t k = 0; k < n; ++k) {
      const Planned& p = planned[k];
      const bool month = rng.Pick(6) == 0;
      Event& e = AddEvent(&d, static_cast<uint32_t>(k), kActors[p.src].name, kActors[p.src].code, "acted",
                          p.has_target ? kActors[p.tgt].name : "", p.has_target ? kActors[p.tgt].code : "",
                          kCameo[rng.Pick(std::size(kCameo))], month ? iso.substr(0, 7) : iso);
      if (month) e.date_precision = "month";
      if (std::string(kActors[p.src].code).empty()) e.source->actor.country = "";
      if (p.has_target && std::string(kActors[p.tgt].code).empty()) e.target->actor.country = "";
      e.modality = ModalityOf(kModalities[rng.Pick(std::size(kModalities))]);
      // Two of three events located, in one of four places (one without a
      // gazetteer id).
      if (rng.Pick(3) != 0) {
        static constexpr struct {
          const char* name;
          const char* id;
          const char* country;
          double lat, lon;
        } kPlaces[] = {{"Kyiv", "703448", "UKR", 50.45466, 30.5238},
                       {"Kharkiv", "706483", "UKR", 49.98081, 36.25272},
                       {"Paris", "2988507", "FRA", 48.85341, 2.3488},
                       {"Parisville", "", "USA", 41.1, -73.3}};
        const auto& place = kPlaces[rng.Pick(std::size(kPlaces))];
        e.location = testing::MakePlace(d, place.name, place.id, place.country, place.lat, place.lon);
      }
    }
    return d;
  }

  void PutRandom(size_t from, size_t to, uint64_t seed) {
    synthetic::Rng rng(seed);
    ASSERT_TRUE(store_->Begin().ok());
    for (size_t i = from; i < to; ++i) {
      const Document d = RandomDoc(rng, i);
      ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test").ok());
    }
    ASSERT_TRUE(store_->Commit().ok());
  }

  // Every aggregate of `f`, once from the summaries and once from the event
  // table, must be the same table.
  void ExpectSameAnswers(EventFilter f, const std::string& what) {
    SCOPED_TRACE(what + (f.folded ? " (folded)" : " (raw)"));
    auto both = [&](auto fn) {
      EventFilter table_filter = f;
      table_filter.summaries = false;
      f.summaries = true;
      auto a = fn(f), b = fn(table_filter);
      ASSERT_EQ(a.ok(), b.ok());
      if (a.ok()) {
        EXPECT_EQ(a->columns, b->columns);
        EXPECT_EQ(a->rows, b->rows);
      }
    };
    for (Level level : {Level::kActor, Level::kCountry}) {
      both([&](const EventFilter& x) { return DyadSeries(*store_, x, Period::kMonth, 0, level); });
      both([&](const EventFilter& x) { return DyadSeries(*store_, x, Period::kWeek, 3, level); });
      both([&](const EventFilter& x) { return TopDyads(*store_, x, 10, level); });
    }
    both([&](const EventFilter& x) { return TopPlaces(*store_, x, 0); });
    both([&](const EventFilter& x) { return TopPlaces(*store_, x, 2); });
    both([&](const EventFilter& x) { return Timeline(*store_, x, Period::kDay, false, true); });
    both([&](const EventFilter& x) { return Timeline(*store_, x, Period::kMonth, true, false); });
    for (const char* d : {"quad_class", "plover", "modality", "cameo_root"}) {
      both([&](const EventFilter& x) { return Distribution(*store_, x, d); });
    }
    EventFilter table_filter = f;
    table_filter.summaries = false;
    Result<int64_t> a = CountEvents(*store_, f), b = CountEvents(*store_, table_filter);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
  }

  void ExpectSameAnswersForEveryFilter() {
    for (bool folded : {true, false}) {
      EventFilter f;
      f.folded = folded;
      ExpectSameAnswers(f, "happened");
      f.modalities.clear();
      ExpectSameAnswers(f, "every modality");
      f.from = "2025-02";
      f.to = "2025-03-15";
      ExpectSameAnswers(f, "dates");
      EventFilter d;
      d.folded = folded;
      d.source = "RUS";
      d.target = "ukr";
      ExpectSameAnswers(d, "dyad by code prefix");
      d.undirected = true;
      ExpectSameAnswers(d, "undirected dyad");
      EventFilter n;
      n.folded = folded;
      n.actor = "rebels";
      ExpectSameAnswers(n, "actor by name");
      n.actor = "";
      n.actor_country = "RUS";
      n.modalities = {"planned"};
      ExpectSameAnswers(n, "actor country, planned");
      EventFilter k;
      k.folded = folded;
      k.cameo = "19";
      k.quad_class = 4;
      ExpectSameAnswers(k, "CAMEO and QuadClass");
      k.plover = "ASSAULT";
      k.from = "2025-03";
      ExpectSameAnswers(k, "PLOVER and dates");
      EventFilter both;
      both.folded = folded;
      both.actor = "RUS";
      both.cameo = "1";
      ExpectSameAnswers(both, "actor and CAMEO (the event table)");
      EventFilter place;
      place.folded = folded;
      place.country = "UKR";
      place.quad_class = 4;
      ExpectSameAnswers(place, "located in a country, QuadClass");
      place.country.clear();
      place.place = "Par";
      ExpectSameAnswers(place, "place name");
      EventFilter text;
      text.folded = folded;
      text.text = "acted";
      ExpectSameAnswers(text, "full text (the event table)");
    }
  }

  std::unique_ptr<Ontology> ontology_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SummaryTest, SummariesAnswerLikeTheEventTable) {
  PutRandom(0, 400, 7);
  ExpectSameAnswersForEveryFilter();
}

TEST_F(SummaryTest, SummariesFollowReplaceDeleteAndRefold) {
  PutRandom(0, 300, 11);
  synthetic::Rng rng(99);
  ASSERT_TRUE(store_->Begin().ok());
  for (size_t i = 0; i < 20; ++i) {
    Document d = RandomDoc(rng, 1000 + i);
    d.id = "doc" + std::to_string(i * 7);  // recoded: other events
    ASSERT_TRUE(store_->ReplaceDocument(d, *ontology_, "test-2").ok());
  }
  ASSERT_TRUE(store_->Commit().ok());
  ASSERT_TRUE(store_->Begin().ok());
  DocumentSelector gone;
  for (size_t i = 0; i < 300; i += 3) gone.ids.push_back("doc" + std::to_string(i));
  ASSERT_TRUE(store_->DeleteDocuments(gone).ok());
  ASSERT_TRUE(store_->Commit().ok());
  ExpectSameAnswersForEveryFilter();
  FoldOptions wide = store_->fold_options();
  wide.day_tolerance += 3;
  ASSERT_TRUE(store_->SetFoldOptions(wide).ok());
  ExpectSameAnswersForEveryFilter();
  // Deleting everything leaves empty summaries, not rows of zero.
  ASSERT_TRUE(store_->Begin().ok());
  DocumentSelector all;
  all.from = "2000";
  ASSERT_TRUE(store_->DeleteDocuments(all).ok());
  ASSERT_TRUE(store_->Commit().ok());
  for (const char* t : {"summary_days", "summary_dyads"}) {
    Result<std::optional<int64_t>> n = store_->db().QueryInt(std::string("SELECT count(*) FROM ") + t);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->value_or(-1), 0) << t;
  }
}

// Which filters a summary answers: the ones whose columns it keeps.
TEST_F(SummaryTest, FiltersASummaryCannotAnswerReadTheEventTable) {
  PutRandom(0, 20, 3);
  auto table = [&](const EventFilter& f, SummaryNeed need) {
    Result<AggregateSource> a = AggregateFrom(*store_, f, need);
    EXPECT_TRUE(a.ok());
    return a.ok() ? a->table : std::string();
  };
  EventFilter f;
  EXPECT_EQ(table(f, SummaryNeed::kAny), "summary_days");
  EXPECT_EQ(table(f, SummaryNeed::kDyads), "summary_dyads");
  f.quad_class = 4;
  EXPECT_EQ(table(f, SummaryNeed::kDays), "summary_days");
  EXPECT_EQ(table(f, SummaryNeed::kDyads), "folded_events");
  f.quad_class = 0;
  f.source = "RUS";
  EXPECT_EQ(table(f, SummaryNeed::kAny), "summary_dyads");
  EXPECT_EQ(table(f, SummaryNeed::kDays), "folded_events");
  f.folded = false;
  f.place = "Kyiv";
  EXPECT_EQ(table(f, SummaryNeed::kDyads), "events");
  f.source.clear();
  EXPECT_EQ(table(f, SummaryNeed::kPlaces), "summary_places");
  EXPECT_EQ(table(f, SummaryNeed::kAny), "summary_places");
  f.place.clear();
  f.summaries = false;
  EXPECT_EQ(table(f, SummaryNeed::kAny), "events");
}

// A byte flipped inside a trigger's text is invisible to SQLite's checks
// until a write compiles the trigger: the schema comparison finds it, so
// `annals check` reports it and the store is refused for writing.
TEST_F(SummaryTest, ADamagedTriggerIsFoundAndRefusedForWriting) {
  PutRandom(0, 5, 1);
  Result<std::string> healthy = Store::SchemaProblem(store_->db());
  ASSERT_TRUE(healthy.ok());
  EXPECT_EQ(*healthy, "");
  ASSERT_TRUE(store_->db()
                  .Exec("PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'source_country', "
                        "'source_countrx') WHERE name = 'summary_dyads_events_insert'; PRAGMA writable_schema=OFF;")
                  .ok());
  store_.reset();
  Result<std::unique_ptr<Store>> w = Store::Open(path_);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kDataError);
  EXPECT_NE(w.status().message().find("summary_dyads_events_insert"), std::string::npos) << w.status().message();
  Result<StoreCheck> check = CheckStore(path_, false);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_EQ(check->problems.size(), 1u);
  EXPECT_NE(check->problems[0].find("trigger summary_dyads_events_insert differs"), std::string::npos)
      << check->problems[0];
}

TEST_F(SummaryTest, PagesAreSlicesOfTheWholeList) {
  PutRandom(0, 200, 5);
  for (bool folded : {true, false}) {
    for (EventSort sort : {EventSort::kDate, EventSort::kDateDesc, EventSort::kGoldstein, EventSort::kGoldsteinDesc,
                           EventSort::kMentionsDesc}) {
      EventFilter f;
      f.folded = folded;
      f.sort = sort;
      f.source = "RUS";
      auto ids = [&](const EventFilter& x) {
        std::vector<std::string> out;
        EXPECT_TRUE(ForEachEvent(*store_, x, [&](const EventRow& r) {
                      out.push_back(r.id + "/" + r.doc_id + "/" + r.sentence_text);
                      return Status::Ok();
                    }).ok());
        return out;
      };
      const std::vector<std::string> all = ids(f);
      ASSERT_GT(all.size(), 30u);
      for (size_t offset : {size_t{0}, size_t{7}, all.size() - 3, all.size() + 5}) {
        EventFilter page = f;
        page.limit = 10;
        page.offset = offset;
        const size_t begin = std::min(offset, all.size()), end = std::min(offset + 10, all.size());
        EXPECT_EQ(ids(page), std::vector<std::string>(all.begin() + static_cast<long>(begin),
                                                      all.begin() + static_cast<long>(end)))
            << "folded " << folded << " offset " << offset;
      }
    }
  }
}

}  // namespace
}  // namespace annals
