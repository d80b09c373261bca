// The summary tables (docs/store.md, "Summary tables"): every count and
// aggregate a summary answers is the same as the event table's answer, on a
// random store, after ingest, replacement, deletion and refolding; filters
// a summary cannot answer fall back to the event table. The same on a store
// of examples/ coded by the real pipeline, and on a store migrated from
// schema 3 (before summary_dyad_totals). Also on the random store: a page of events (limit, offset, every sort) is the same slice of
// the whole list whichever way the query is planned.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "base/civil_date.h"
#include "store/ingest.h"
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
      both([&](const EventFilter& x) { return DyadSeries(*store_, x, Period::kDay, 1, level); });
      both([&](const EventFilter& x) { return TopDyads(*store_, x, 10, level); });
      both([&](const EventFilter& x) { return TopDyads(*store_, x, 1, level); });
      both([&](const EventFilter& x) { return TopDyads(*store_, x, 1000, level); });
      both([&](const EventFilter& x) { return TopDyadTotals(*store_, x, 60, level); });
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
    ASSERT_EQ(a.ok(), b.ok());  // both refuse an actor no stored event has
    if (a.ok()) {
      EXPECT_EQ(*a, *b);
    }
  }

  // The documents per day kept by summary_documents are the documents
  // table's, counted.
  void ExpectDocumentsPerDayCounted() {
    Result<std::map<int64_t, int64_t>> kept = store_->DocumentsPerDay();
    ASSERT_TRUE(kept.ok()) << kept.status().ToString();
    Result<Stmt> s = store_->db().Prepare(
        "SELECT CAST(julianday(substr(date, 1, 10)) - 2440587.5 AS INTEGER), count(*) FROM documents GROUP BY 1");
    ASSERT_TRUE(s.ok());
    std::map<int64_t, int64_t> counted;
    Status st;
    while (s->Step(&st)) counted[s->Int(0)] = s->Int(1);
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(*kept, counted);
  }

  void ExpectSameAnswersForEveryFilter() {
    ExpectDocumentsPerDayCounted();
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

// The network's edges are the top dyads without their first and last day.
TEST_F(SummaryTest, DyadTotalsAreTopDyadsWithoutDays) {
  PutRandom(0, 100, 9);
  for (Level level : {Level::kActor, Level::kCountry}) {
    EventFilter f;
    Result<Table> top = TopDyads(*store_, f, 5, level), totals = TopDyadTotals(*store_, f, 5, level);
    ASSERT_TRUE(top.ok() && totals.ok());
    ASSERT_EQ(top->rows.size(), 5u);
    ASSERT_EQ(totals->columns.size() + 2, top->columns.size());
    for (auto& row : top->rows) row.resize(row.size() - 2);
    EXPECT_EQ(totals->rows, top->rows);
  }
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
  for (const char* t : {"summary_days", "summary_dyads", "summary_places", "summary_dyad_totals", "summary_documents"}) {
    Result<std::optional<int64_t>> n = store_->db().QueryInt(std::string("SELECT count(*) FROM ") + t);
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->value_or(-1), 0) << t;
  }
}

// A store of examples/ coded by the real pipeline (actors without codes,
// sectors, folded reports, places): filters from what it holds.
TEST_F(SummaryTest, SummariesAnswerLikeTheEventTableOnTheExamples) {
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(Config{});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  IngestOptions o;
  o.default_date = "2025-08-19";
  o.threads = 1;
  Ingester ingester(**pipeline, store_.get(), o);
  ASSERT_TRUE(ingester.IngestPaths({"examples"}, [](const Diagnostic&) {}, nullptr).ok());
  ASSERT_GT(ingester.progress().events, 10u);
  ExpectDocumentsPerDayCounted();
  for (bool folded : {true, false}) {
    EventFilter f;
    f.folded = folded;
    ExpectSameAnswers(f, "examples: happened");
    f.modalities.clear();
    ExpectSameAnswers(f, "examples: every modality");
    // Each of the busiest dyads' sides, as a dyad, an actor and a country.
    f.summaries = false;
    Result<Table> top = TopDyads(*store_, f, 3, Level::kActor);
    ASSERT_TRUE(top.ok());
    ASSERT_FALSE(top->rows.empty());
    for (const auto& row : top->rows) {
      EventFilter d;
      d.folded = folded;
      d.modalities.clear();
      if (row[0] != "-") d.source = row[0];
      if (row[2] != "-") d.target = row[2];
      ExpectSameAnswers(d, "examples: dyad " + row[0] + " " + row[2]);
      d.undirected = true;
      ExpectSameAnswers(d, "examples: undirected dyad");
      EventFilter a;
      a.folded = folded;
      a.actor = row[0] != "-" ? row[0] : row[2];
      ExpectSameAnswers(a, "examples: actor " + a.actor);
    }
    Result<Table> countries = TopDyads(*store_, f, 3, Level::kCountry);
    ASSERT_TRUE(countries.ok());
    for (const auto& row : countries->rows) {
      if (row[0] == "-") continue;
      EventFilter c;
      c.folded = folded;
      c.actor_country = row[0];
      ExpectSameAnswers(c, "examples: actor country " + row[0]);
    }
    Result<Table> places = TopPlaces(*store_, f, 2);
    ASSERT_TRUE(places.ok());
    for (const auto& row : places->rows) {
      EventFilter p;
      p.folded = folded;
      p.modalities.clear();
      p.place = row[0].empty() ? row[1] : row[0];
      ExpectSameAnswers(p, "examples: place " + p.place);
      if (row[2].empty()) continue;
      p.place.clear();
      p.country = row[2];
      ExpectSameAnswers(p, "examples: located in " + row[2]);
    }
    EventFilter dates;
    dates.folded = folded;
    dates.from = "2025-08";
    dates.to = "2025-08-20";
    ExpectSameAnswers(dates, "examples: dates");
  }
}

// A schema-3 store (before summary_dyad_totals and summary_documents) is
// migrated to the current version: the new summaries are filled from what
// is stored and answer like the tables they count; the schema is then this
// build's.
TEST_F(SummaryTest, AVersion3StoreGetsTheDyadTotals) {
  PutRandom(0, 150, 13);
  std::vector<std::string> triggers;
  Result<Stmt> list =
      store_->db().Prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                           "('events', 'folded_events', 'documents') AND (name LIKE 'summary_dyad_totals%' OR name LIKE "
                           "'summary_documents%')");
  ASSERT_TRUE(list.ok());
  Status st;
  while (list->Step(&st)) triggers.push_back(list->Text(0));
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(triggers.size(), 9u);  // insert, delete, update on each table
  for (const std::string& t : triggers) ASSERT_TRUE(store_->db().Exec("DROP TRIGGER " + t).ok());
  ASSERT_TRUE(store_->db().Exec("DROP TABLE summary_dyad_totals; DROP TABLE summary_documents; PRAGMA user_version=3;").ok());
  store_.reset();
  Result<std::unique_ptr<Store>> read_only = Store::Open(path_, StoreOptions{.read_only = true});
  EXPECT_FALSE(read_only.ok());  // asks to upgrade
  Result<std::unique_ptr<Store>> s = Store::Open(path_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  store_ = std::move(s.value());
  Result<std::optional<int64_t>> v = store_->db().QueryInt("PRAGMA user_version");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->value_or(0), kStoreSchemaVersion);
  Result<std::string> problem = Store::SchemaProblem(store_->db());
  ASSERT_TRUE(problem.ok());
  EXPECT_EQ(*problem, "");
  Result<std::optional<int64_t>> raw =
      store_->db().QueryInt("SELECT sum(events) FROM summary_dyad_totals WHERE folded = 0");
  Result<std::optional<int64_t>> events = store_->db().QueryInt("SELECT count(*) FROM events");
  ASSERT_TRUE(raw.ok() && events.ok());
  EXPECT_EQ(raw->value_or(-1), events->value_or(-2));
  ExpectSameAnswersForEveryFilter();  // documents per day included
  // The migrated store's triggers keep it in step.
  PutRandom(150, 200, 17);
  ExpectSameAnswersForEveryFilter();
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
  EXPECT_EQ(table(f, SummaryNeed::kDyadTotals), "summary_dyad_totals");
  f.modalities.clear();
  f.source = "RUS";
  EXPECT_EQ(table(f, SummaryNeed::kDyadTotals), "summary_dyad_totals");
  f.to = "2025-03";  // the totals keep no day
  EXPECT_EQ(table(f, SummaryNeed::kDyadTotals), "summary_dyads");
  f = EventFilter{};
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
  EXPECT_EQ(table(f, SummaryNeed::kDyadTotals), "events");
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
