// Tests of the store: schema, idempotent puts, folding across articles,
// recoding, queries and statistics, on documents built by hand.
#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "output/event_record.h"
#include "store/fold.h"
#include "store/query.h"
#include "store/stats.h"
#include "store/store_test_util.h"
#include "store/synthetic_corpus.h"
#include "base/civil_date.h"

namespace annals {
namespace {

using testing::AddEvent;
using testing::MakeDoc;
using testing::MakePlace;

std::string TempDb(const std::string& name) {
  const std::string path = ::testing::TempDir() + "annals_store_" + name + "_" + std::to_string(getpid()) + ".db";
  for (const char* ext : {"", "-wal", "-shm"}) std::remove((path + ext).c_str());
  return path;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ontology_ = testing::LoadTestOntology();
    ASSERT_NE(ontology_, nullptr) << "data/ontology must load (tests run from the repo root)";
    Result<std::unique_ptr<Store>> s = Store::Open(TempDb(name()));
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
  }
  static std::string name() { return ::testing::UnitTest::GetInstance()->current_test_info()->name(); }

  void Put(const std::vector<Document>& docs, const std::string& coder = "test-coder") {
    ASSERT_TRUE(store_->Begin().ok());
    for (const Document& d : docs) {
      const Status st = store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, coder);
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
    const Status st = store_->Commit();
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::vector<EventRow> Rows(EventFilter f) {
    std::vector<EventRow> rows;
    const Status st = ForEachEvent(*store_, f, [&](const EventRow& r) {
      rows.push_back(r);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return rows;
  }

  // Three articles from three outlets about one strike, a day apart at most.
  std::vector<Document> ThreeArticles() {
    std::vector<Document> docs;
    const char* sources[] = {"Reuters", "AP", "BBC"};
    const char* dates[] = {"2025-08-19", "2025-08-19", "2025-08-20"};
    for (int i = 0; i < 3; ++i) {
      Document d = MakeDoc("art" + std::to_string(i), dates[i], sources[i],
                           {"Officials met in the morning.", "Russia attacked Ukraine near Kharkiv overnight, report " +
                                                                 std::to_string(i) + " says."});
      AddEvent(&d, 1, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
      if (i == 1) d.events.back().location = MakePlace(d, "Kharkiv", "geonames:706483", "UKR", 49.98, 36.25);
      docs.push_back(std::move(d));
    }
    return docs;
  }

  std::unique_ptr<Ontology> ontology_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, SchemaIsVersioned) {
  Result<std::optional<int64_t>> v = store_->db().QueryInt("PRAGMA user_version");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->value_or(0), kStoreSchemaVersion);
  Result<std::optional<std::string>> mode = store_->db().QueryText("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  EXPECT_EQ(mode->value_or(""), "wal");
}

TEST_F(StoreTest, RefusesNewerSchema) {
  const std::string path = TempDb("newer");
  {
    Result<std::unique_ptr<Db>> db = Db::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version=99").ok());
  }
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kDataError);
  EXPECT_NE(s.status().message().find("99"), std::string::npos);
}

TEST_F(StoreTest, StoresEveryLayer) {
  Document d = MakeDoc("d1", "2025-08-19", "Reuters",
                       {"Russia attacked Ukraine on Tuesday, killing 12 people.", "\"We will respond,\" Zelensky said."});
  AddEvent(&d, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
  Mention m;
  m.span = testing::Find(d, "Russia");
  m.actor.name = "Russia";
  m.actor.code = "RUS";
  d.mentions.push_back(m);
  d.places.push_back(MakePlace(d, "Ukraine", "iso3166:UKR", "UKR", 49, 32, "country"));
  TimeExpr t;
  t.span = testing::Find(d, "Tuesday");
  t.text = "Tuesday";
  t.type = "DATE";
  t.value = "2025-08-19";
  d.time_exprs.push_back(t);
  Amount a;
  a.span = testing::Find(d, "12 people");
  a.text = "12 people";
  a.kind = "killed";
  a.value = 12;
  a.unit = "people";
  d.amounts.push_back(a);
  Quote q;
  q.span = testing::Find(d, "We will respond,");
  q.text = "We will respond,";
  q.sentence = 1;
  q.cue = "say";
  d.quotes.push_back(q);
  Put({d});
  Result<StoreCounts> c = store_->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 1);
  EXPECT_EQ(c->sentences, 2);
  EXPECT_EQ(c->events, 1);
  EXPECT_EQ(c->folded_events, 1);
  EXPECT_EQ(c->actors, 1);
  EXPECT_EQ(c->places, 1);
  EXPECT_EQ(c->time_exprs, 1);
  EXPECT_EQ(c->amounts, 1);
  EXPECT_EQ(c->quotes, 1);
  // The stored record is the contract record, byte for byte.
  EventFilter raw;
  raw.folded = false;
  std::vector<EventRow> rows = Rows(raw);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].record, ToJsonLine(EventRecord(d, d.events[0], *ontology_)));
  EXPECT_EQ(rows[0].goldstein, -10);
  EXPECT_EQ(rows[0].quad_class, 4);
  EXPECT_EQ(rows[0].plover_type, "ASSAULT");
  EXPECT_EQ(rows[0].coded_by, "test-coder");
  EXPECT_EQ(rows[0].sentence_text, "Russia attacked Ukraine on Tuesday, killing 12 people.");
}

TEST_F(StoreTest, LookupFindsSameIdAndSameContent) {
  Document d = MakeDoc("a", "2025-08-19", "X", {"Some text here."});
  Put({d});
  Result<Seen> s1 = store_->Lookup("a", "whatever");
  ASSERT_TRUE(s1.ok());
  EXPECT_EQ(*s1, Seen::kSameId);
  Result<Seen> s2 = store_->Lookup("b", Store::ContentHash(d.text));
  ASSERT_TRUE(s2.ok());
  EXPECT_EQ(*s2, Seen::kSameContent);
  Result<Seen> s3 = store_->Lookup("b", Store::ContentHash("other text"));
  ASSERT_TRUE(s3.ok());
  EXPECT_EQ(*s3, Seen::kNew);
}

TEST_F(StoreTest, ThreeArticlesFoldIntoOneEventWithThreeMentions) {
  std::vector<Document> docs = ThreeArticles();
  // A fourth article: same actors, different event type -> its own event.
  Document other = MakeDoc("art3", "2025-08-19", "AFP", {"Russia met Ukraine in Geneva."});
  AddEvent(&other, 0, "Russia", "RUS", "met", "Ukraine", "UKR", "036", "2025-08-19");
  docs.push_back(other);
  Put(docs);

  std::vector<EventRow> folded = Rows(EventFilter{});
  ASSERT_EQ(folded.size(), 2u);
  const EventRow& strike = folded[0].cameo_root == "19" ? folded[0] : folded[1];
  EXPECT_EQ(strike.mentions, 3);
  EXPECT_EQ(strike.documents, 3);
  EXPECT_EQ(strike.sources, 3);
  EXPECT_EQ(strike.date, "2025-08-19");
  // The folded event takes the location one mention had.
  EXPECT_EQ(strike.gazetteer_id, "geonames:706483");
  std::vector<std::string> mention_docs;
  ASSERT_TRUE(ForEachMention(*store_, strike.id, [&](const MentionRow& m) {
                mention_docs.push_back(m.doc_id);
                EXPECT_EQ(m.sentence, 1);
                EXPECT_GE(m.source_begin, 0);
                EXPECT_GE(m.trigger_begin, 0);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(std::set<std::string>(mention_docs.begin(), mention_docs.end()),
            (std::set<std::string>{"art0", "art1", "art2"}));

  EventFilter raw;
  raw.folded = false;
  EXPECT_EQ(Rows(raw).size(), 4u);  // the --no-fold view keeps raw records
}

TEST_F(StoreTest, FoldingDoesNotDependOnIngestOrder) {
  std::vector<Document> docs = ThreeArticles();
  Put({docs[2]});
  Put({docs[0], docs[1]});
  std::vector<EventRow> a = Rows(EventFilter{});
  ASSERT_EQ(a.size(), 1u);

  Result<std::unique_ptr<Store>> other = Store::Open(TempDb("order2"));
  ASSERT_TRUE(other.ok());
  std::swap(store_, other.value());
  Put({docs[0]});
  Put({docs[1]});
  Put({docs[2]});
  std::vector<EventRow> b = Rows(EventFilter{});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].id, b[0].id);
  EXPECT_EQ(a[0].mentions, b[0].mentions);
}

TEST_F(StoreTest, DateToleranceIsAnOption) {
  Document a = MakeDoc("a", "2025-08-19", "X", {"Russia attacked Ukraine."});
  AddEvent(&a, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
  Document b = MakeDoc("b", "2025-08-23", "Y", {"Russia attacked Ukraine again."});
  AddEvent(&b, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "193", "2025-08-23");
  Put({a, b});
  EXPECT_EQ(Rows(EventFilter{}).size(), 2u);  // 4 days apart, tolerance 1
  FoldOptions wide;
  wide.day_tolerance = 5;
  ASSERT_TRUE(store_->SetFoldOptions(wide).ok());
  EXPECT_EQ(Rows(EventFilter{}).size(), 1u);
  // The options are kept in the file.
  Result<std::string> kept = store_->GetMeta("fold.day_tolerance");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, "5");
}

TEST_F(StoreTest, DifferentPlacesDoNotFoldButNoPlaceDoes) {
  Document a = MakeDoc("a", "2025-08-19", "X", {"Russia attacked Ukraine in Kharkiv."});
  AddEvent(&a, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19").location =
      MakePlace(a, "Kharkiv", "geonames:706483", "UKR", 49.98, 36.25);
  Document b = MakeDoc("b", "2025-08-19", "Y", {"Russia attacked Ukraine in Odesa."});
  AddEvent(&b, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19").location =
      MakePlace(b, "Odesa", "geonames:698740", "UKR", 46.48, 30.73);
  Document c = MakeDoc("c", "2025-08-19", "Z", {"Russia attacked Ukraine, officials said."});
  AddEvent(&c, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
  Put({a, b, c});
  std::vector<EventRow> rows = Rows(EventFilter{});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].mentions + rows[1].mentions, 3);
}

TEST_F(StoreTest, ModalityKeepsDeniedEventsApartUnlessAsked) {
  Document a = MakeDoc("a", "2025-08-19", "X", {"Russia attacked Ukraine."});
  AddEvent(&a, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19");
  Document b = MakeDoc("b", "2025-08-19", "Y", {"Russia denied it attacked Ukraine."});
  AddEvent(&b, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-08-19").modality = Modality::kNegated;
  Put({a, b});
  EXPECT_EQ(Rows(EventFilter{}).size(), 2u);
  FoldOptions any;
  any.match_modality = false;
  ASSERT_TRUE(store_->SetFoldOptions(any).ok());
  EXPECT_EQ(Rows(EventFilter{}).size(), 1u);
}

TEST_F(StoreTest, ReplaceDocumentRecodesInPlace) {
  std::vector<Document> docs = ThreeArticles();
  Put(docs, "coder-1");
  Result<std::vector<std::string>> stale = store_->StaleDocuments("coder-2");
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->size(), 3u);
  // Re-coded art1 now codes a different event: the strike loses a mention.
  Result<Document> loaded = store_->LoadDocument("art1");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->text, docs[1].text);
  Document recoded = docs[1];
  recoded.events.clear();
  AddEvent(&recoded, 1, "Russia", "RUS", "attacked", "Ukraine", "UKR", "112", "2025-08-19");
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ReplaceDocument(recoded, *ontology_, "coder-2").ok());
  ASSERT_TRUE(store_->Commit().ok());
  std::vector<EventRow> rows = Rows(EventFilter{});
  ASSERT_EQ(rows.size(), 2u);
  int64_t total = 0;
  for (const EventRow& r : rows) total += r.mentions;
  EXPECT_EQ(total, 3);
  Result<StoreCounts> c = store_->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 3);
  EXPECT_EQ(c->sentences, 6);
  stale = store_->StaleDocuments("coder-2");
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->size(), 2u);
  // Full-text search still finds the re-coded sentence exactly once.
  EventFilter f;
  f.folded = false;
  f.text = "\"report 1\"";
  EXPECT_EQ(Rows(f).size(), 1u);
}

TEST_F(StoreTest, QueryFilters) {
  Document a = MakeDoc("a", "2025-07-02", "X", {"Russia attacked Ukraine.", "France criticized Russia."});
  AddEvent(&a, 0, "Russia", "RUSMIL", "attacked", "Ukraine", "UKR", "190", "2025-07-02");
  AddEvent(&a, 1, "France", "FRA", "criticized", "Russia", "RUS", "111", "2025-07-02");
  Document b = MakeDoc("b", "2025-08-19", "Y", {"Ukraine shelled Russia near Kursk.", "Germany will visit Ukraine."});
  AddEvent(&b, 0, "Ukraine", "UKR", "shelled", "Russia", "RUS", "195", "2025-08-19");
  AddEvent(&b, 1, "Germany", "DEU", "visit", "Ukraine", "UKR", "042", "2025-08-25").modality = Modality::kPlanned;
  Put({a, b});
  auto count = [&](EventFilter f) { return Rows(f).size(); };
  EventFilter f;
  f.source = "RUS";
  f.target = "UKR";
  EXPECT_EQ(count(f), 1u);  // code prefix: RUSMIL matches RUS
  f.undirected = true;
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.actor = "russia";
  EXPECT_EQ(count(f), 3u);  // name, either side, case-insensitive
  f = {};
  f.cameo = "19";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.plover = "consult";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.from = "2025-08";
  f.to = "2025-08";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.modality = "planned";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.text = "Kursk";
  EXPECT_EQ(count(f), 1u);
  f.folded = false;
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.actor_country = "FRA";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.quad_class = 4;
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.from = "2025-13";
  EXPECT_FALSE(ForEachEvent(*store_, f, [](const EventRow&) { return Status::Ok(); }).ok());
  f = {};
  f.cameo = "1'; DROP TABLE events; --";
  EXPECT_FALSE(ForEachEvent(*store_, f, [](const EventRow&) { return Status::Ok(); }).ok());
  f = {};
  f.actor = "x' OR 1=1 --";  // bound as a parameter, matches nothing
  EXPECT_EQ(count(f), 0u);
}

TEST_F(StoreTest, StatsNormaliseByDocumentsPerPeriod) {
  std::vector<Document> docs = ThreeArticles();  // one folded event, three documents in August
  Document july = MakeDoc("j", "2025-07-10", "X", {"France criticized Russia."});
  AddEvent(&july, 0, "France", "FRA", "criticized", "Russia", "RUS", "111", "2025-07-10");
  docs.push_back(july);
  Put(docs);
  Result<Table> series = DyadSeries(*store_, EventFilter{}, Period::kMonth, 0);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  ASSERT_EQ(series->rows.size(), 2u);
  EXPECT_EQ(series->rows[0], (std::vector<std::string>{"2025-07", "FRA", "RUS", "1", "-2", "-2", "1", "100"}));
  EXPECT_EQ(series->rows[1], (std::vector<std::string>{"2025-08", "RUS", "UKR", "1", "-10", "-10", "3", "33.33"}));
  Result<Table> quad = Distribution(*store_, EventFilter{}, "quad_class");
  ASSERT_TRUE(quad.ok());
  ASSERT_EQ(quad->rows.size(), 2u);
  Result<Table> actors = TopActors(*store_, EventFilter{}, 10);
  ASSERT_TRUE(actors.ok());
  ASSERT_FALSE(actors->rows.empty());
  EXPECT_EQ(actors->rows[0][0], "RUS");
  EXPECT_EQ(actors->rows[0][4], "2");
  Result<Table> week = Timeline(*store_, EventFilter{}, Period::kWeek, true);
  ASSERT_TRUE(week.ok());
  ASSERT_EQ(week->rows.size(), 2u);
  EXPECT_EQ(week->rows[1][0], "2025-08-18");  // the Monday of 2025-08-19
  EventFilter raw;
  raw.folded = false;
  Result<Table> raw_dyads = TopDyads(*store_, raw, 5);
  ASSERT_TRUE(raw_dyads.ok());
  EXPECT_EQ(raw_dyads->rows[0][2], "3");
  EXPECT_FALSE(Distribution(*store_, EventFilter{}, "colour").ok());
}

// The incremental refold (only the segments a batch touches) must give the
// same folded events as rebuilding everything: checked on random batches of
// records over two keys, with places and a re-coded document.
TEST_F(StoreTest, IncrementalRefoldEqualsFullRefold) {
  auto snapshot = [&] {
    std::vector<std::string> rows;
    Result<Stmt> s = store_->db().Prepare(
        "SELECT f.id, f.day, f.day_last, f.mentions, f.documents, coalesce(f.gazetteer_id, ''), r.id,"
        " (SELECT group_concat(id) FROM (SELECT id FROM events WHERE fold_id = f.id ORDER BY id))"
        " FROM folded_events f JOIN events r ON r.event_pk = f.representative ORDER BY f.id");
    EXPECT_TRUE(s.ok());
    Status st;
    while (s->Step(&st)) {
      std::string row;
      for (int c = 0; c < s->columns(); ++c) row += s->Text(c) + "|";
      rows.push_back(row);
    }
    return rows;
  };
  FoldOptions two;
  two.day_tolerance = 2;
  ASSERT_TRUE(store_->SetFoldOptions(two).ok());
  synthetic::Rng rng(5);
  std::vector<Document> docs;
  for (int i = 0; i < 120; ++i) {
    const std::string date = FormatIsoDate(AddDays(CivilDate{2025, 3, 1}, static_cast<long>(rng.Pick(40))));
    std::string doc_id = std::to_string(i);
    doc_id.insert(0, 1, 'r');
    Document d = MakeDoc(doc_id, date, i % 3 ? "X" : "Y", {"Russia attacked Ukraine in Kharkiv."});
    Event& e = AddEvent(&d, 0, "Russia", "RUS", "attacked", "Ukraine", "UKR", rng.Pick(2) ? "190" : "112", date);
    const size_t place = rng.Pick(4);
    if (place == 1) e.location = MakePlace(d, "Kharkiv", "geonames:706483", "UKR", 49.98, 36.25);
    if (place == 2) e.location = MakePlace(d, "Ukraine", "iso3166:UKR", "UKR", 49, 32, "country");
    if (place == 3) e.location = MakePlace(d, "Russia", "geonames:524901", "RUS", 55.75, 37.61);
    e.confidence = 0.5 + 0.1 * static_cast<double>(rng.Pick(5));
    docs.push_back(std::move(d));
  }
  for (size_t b = 0; b < docs.size(); b += 7) {
    Put(std::vector<Document>(docs.begin() + static_cast<long>(b),
                              docs.begin() + static_cast<long>(std::min(docs.size(), b + 7))));
  }
  Document recoded = docs[17];
  recoded.events.clear();
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ReplaceDocument(recoded, *ontology_, "test-coder").ok());
  ASSERT_TRUE(store_->Commit().ok());
  const std::vector<std::string> incremental = snapshot();
  ASSERT_TRUE(store_->RefoldAll().ok());
  const std::vector<std::string> full = snapshot();
  EXPECT_GT(full.size(), 10u);
  EXPECT_LT(full.size(), 119u);
  EXPECT_EQ(incremental, full);
}

TEST(FoldTest, GroupsWithinToleranceOfTheFirstRecord) {
  std::vector<FoldInput> r(4);
  for (size_t i = 0; i < r.size(); ++i) {
    r[i].event_pk = static_cast<int64_t>(i);
    r[i].id = std::to_string(i);
    r[i].id.insert(0, 1, 'e');
  }
  r[0].day = 10;
  r[1].day = 11;
  r[2].day = 12;  // 2 days after the first: a new event with tolerance 1
  r[3].day = 12;
  std::vector<std::vector<size_t>> g = FoldGroup(r, FoldOptions{});
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0], (std::vector<size_t>{0, 1}));
  EXPECT_EQ(g[1], (std::vector<size_t>{2, 3}));
  FoldOptions zero;
  zero.day_tolerance = 0;
  EXPECT_EQ(FoldGroup(r, zero).size(), 3u);
}

TEST(FoldTest, CountryLevelPlaceAgreesWithACityInIt) {
  std::vector<FoldInput> r(3);
  r[0] = {1, "a", 5, "iso3166:UKR", "UKR", true};
  r[1] = {2, "b", 5, "geonames:706483", "UKR", false};
  r[2] = {3, "c", 5, "geonames:524901", "RUS", false};
  std::vector<std::vector<size_t>> g = FoldGroup(r, FoldOptions{});
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0], (std::vector<size_t>{0, 1}));
}

TEST(FoldTest, KeysAndDates) {
  EXPECT_EQ(FoldKey(FoldActorKey("RUS", "Russia", true), FoldActorKey("", "Wagner Group", true), "1823"),
            "RUS|name:wagner group|18");
  EXPECT_EQ(FoldActorKey("", "", false), "-");
  int64_t day = 0;
  ASSERT_TRUE(DayOfIsoDate("1970-01-02", &day));
  EXPECT_EQ(day, 1);
  ASSERT_TRUE(DayOfIsoDate("2025-09", &day));
  int64_t first = 0, last = 0;
  ASSERT_TRUE(DayRange("2025-02", &first, &last));
  EXPECT_EQ(last - first, 27);
  EXPECT_FALSE(DayOfIsoDate("yesterday", &day));
}

}  // namespace
}  // namespace annals
