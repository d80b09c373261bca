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
#include "store/browse.h"
#include "store/event_json.h"
#include "store/query.h"
#include "store/stats.h"
#include "store/store_test_util.h"
#include "store/synthetic_corpus.h"
#include "store/table.h"
#include "store/vocabulary.h"
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
    store_path_ = TempDb(name());
    Result<std::unique_ptr<Store>> s = Store::Open(store_path_);
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
  std::string store_path_;
  std::unique_ptr<Store> store_;
};

// The JSON of a stored event (event_json.h, the API and `annals query`) and
// its contract record (output/event_record.h) write actors, the place, the
// speaker and the code fields through one writer: where both have a field,
// it has the same value, and the shared fields come in the same order.
TEST_F(StoreTest, EventJsonAgreesWithTheContractRecord) {
  Document d = MakeDoc("a", "2025-08-19", "Reuters", {"The Kremlin said Russia struck Kyiv."});
  Event& e = AddEvent(&d, 0, "Russia", "RUSMIL", "struck", "Kyiv", "UKRGOV", "190", "2025-08-19");
  e.location = testing::MakePlace(d, "Kyiv", "703448", "UKR", 50.45466, 30.5238);
  Attribution said;
  said.speaker_text = "The Kremlin";
  said.speaker.name = "Kremlin";
  said.speaker.code = "RUSGOV";
  e.attribution = said;
  Put({d});
  EventFilter f;
  f.folded = false;
  const std::vector<EventRow> rows = Rows(f);
  ASSERT_EQ(rows.size(), 1u);
  const OrderedJson summary = EventSummaryJson(rows[0]);
  const OrderedJson record = OrderedJson::parse(rows[0].record);
  auto keys = [](const OrderedJson& j) {
    std::vector<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
    return out;
  };
  // The keys `a` and `b` share have equal values (objects aside) and, in
  // the parts written by the shared writer (`ordered`), the same order.
  auto same_shared = [&](const OrderedJson& a, const OrderedJson& b, const std::string& what, bool ordered = true) {
    SCOPED_TRACE(what);
    std::vector<std::string> in_a, in_b;
    for (const std::string& k : keys(a)) {
      if (b.contains(k)) in_a.push_back(k);
    }
    for (const std::string& k : keys(b)) {
      if (a.contains(k)) in_b.push_back(k);
    }
    if (ordered) {
      EXPECT_EQ(in_a, in_b);
    }
    for (const std::string& k : in_a) {
      if (!a.at(k).is_object()) {
        EXPECT_EQ(a.at(k), b.at(k)) << k;
      }
    }
    return in_a.size();
  };
  EXPECT_GE(same_shared(summary, record, "event", false), 15u);
  for (const char* side : {"source", "target"}) EXPECT_EQ(same_shared(summary[side], record[side], side), 6u);
  EXPECT_EQ(summary["source"]["code_name"], "Russia (military)");
  EXPECT_EQ(same_shared(summary["plover"], record["plover"], "plover"), 2u);
  EXPECT_EQ(same_shared(summary["location"], record["location"], "location"), 5u);
  EXPECT_EQ(same_shared(summary["speaker"], record["attribution"]["speaker"], "speaker"), 3u);
}

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
  auto lookup = [&](const std::string& id, const std::string& text) {
    Result<LookupResult> r = store_->Lookup(id, Store::ContentHash(text), Store::NormalizeForHash(text));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LookupResult{};
  };
  EXPECT_EQ(lookup("a", d.text).seen, Seen::kSameId);
  const LookupResult same = lookup("b", d.text);
  EXPECT_EQ(same.seen, Seen::kSameContent);
  EXPECT_EQ(same.stored_id, "a");
  EXPECT_EQ(same.stored_origin, "a.jsonl:1");
  EXPECT_EQ(lookup("b", "other text").seen, Seen::kNew);
}

// Issue 14.3: the same article with a trailing newline (or CRLF line ends,
// re-wrapped lines, a no-break space) is the same document.
TEST_F(StoreTest, DuplicateDetectionComparesNormalisedText) {
  Document d = MakeDoc("a", "2025-08-19", "X", {"Russia attacked Ukraine.", "Kyiv said so."});
  Put({d});
  for (const std::string& variant :
       {d.text + "\n", "\xEF\xBB\xBF" + d.text, std::string("Russia attacked Ukraine.\r\nKyiv  said so.\r\n"),
        std::string("Russia attacked\nUkraine. Kyiv\xC2\xA0said so.")}) {
    Result<LookupResult> r =
        store_->Lookup("other-id", Store::ContentHash(variant), Store::NormalizeForHash(variant));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->seen, Seen::kSameContent) << variant;
    EXPECT_EQ(Store::ContentHash(variant), Store::ContentHash(d.text));
  }
  EXPECT_NE(Store::ContentHash("Russia attacked Ukraine."), Store::ContentHash("Russia attacked Ukraine!"));
  EXPECT_EQ(Store::ContentHash("x").size(), 32u);  // 128 bits
}

// Issue 17.2: the same id with other text is a conflict, never a duplicate.
TEST_F(StoreTest, SameIdWithOtherTextIsAConflict) {
  Document d = MakeDoc("a", "2025-08-19", "X", {"Russia attacked Ukraine."});
  Put({d});
  const std::string other = "Ukraine attacked Russia.";
  Result<LookupResult> r = store_->Lookup("a", Store::ContentHash(other), Store::NormalizeForHash(other));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->seen, Seen::kIdConflict);
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
  EventFilter all;
  all.modalities.clear();
  EXPECT_EQ(Rows(all).size(), 2u);
  EXPECT_EQ(Rows(EventFilter{}).size(), 1u);  // by default only what happened
  FoldOptions any;
  any.match_modality = false;
  ASSERT_TRUE(store_->SetFoldOptions(any).ok());
  EXPECT_EQ(Rows(all).size(), 1u);
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
  EXPECT_EQ(count(f), 0u);  // the visit is planned: by default only events that happened
  f.modalities = {};
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.from = "2025-08";
  f.to = "2025-08";
  EXPECT_EQ(count(f), 1u);
  f.modalities = ParseModalities("asserted,planned").value();
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.modalities = {"planned"};
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
  f.actor = "x' OR 1=1 --";  // bound as a parameter; matches no actor, so refused
  const Status refused = ForEachEvent(*store_, f, [](const EventRow&) { return Status::Ok(); });
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << refused.ToString();
}

TEST_F(StoreTest, StatsNormaliseByDocumentsPerPeriod) {
  std::vector<Document> docs = ThreeArticles();  // one folded event, three documents in August
  Document july = MakeDoc("j", "2025-07-10", "X", {"France criticized Russia."});
  AddEvent(&july, 0, "France", "FRA", "criticized", "Russia", "RUS", "111", "2025-07-10");
  docs.push_back(july);
  Put(docs);
  Result<Table> series = DyadSeries(*store_, EventFilter{}, Period::kMonth, 0);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  // Every dyad in every period, periods without its events as zeros.
  ASSERT_EQ(series->rows.size(), 4u);
  EXPECT_EQ(series->rows[0],
            (std::vector<std::string>{"2025-07", "FRA", "France", "RUS", "Russia", "1", "-2", "-2", "1", "100"}));
  EXPECT_EQ(series->rows[1],
            (std::vector<std::string>{"2025-07", "RUS", "Russia", "UKR", "Ukraine", "0", "0", "", "1", "0"}));
  EXPECT_EQ(series->rows[3],
            (std::vector<std::string>{"2025-08", "RUS", "Russia", "UKR", "Ukraine", "1", "-10", "-10", "3", "33.33"}));
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
  ASSERT_EQ(week->rows.size(), 7u);  // 2025-07-07 .. 2025-08-18, every week
  EXPECT_EQ(week->rows[1][1], "0");
  EXPECT_EQ(week->rows[6][0], "2025-08-18");  // the Monday of 2025-08-19
  for (const std::string& c : week->columns) EXPECT_FALSE(c.empty());  // a header on every column
  EventFilter raw;
  raw.folded = false;
  Result<Table> raw_dyads = TopDyads(*store_, raw, 5);
  ASSERT_TRUE(raw_dyads.ok());
  EXPECT_EQ(raw_dyads->rows[0][4], "3");
  EXPECT_FALSE(Distribution(*store_, EventFilter{}, "colour").ok());
}

// The cached documents per day and table counts follow this connection's
// writes and other connections' commits.
TEST_F(StoreTest, DocumentsPerDayCacheFollowsWrites) {
  Put({MakeDoc("a", "2025-07-02", "X", {"Nothing happened."})});
  int64_t day = 0;
  ASSERT_TRUE(DayOfIsoDate("2025-07-02", &day));
  EXPECT_EQ(store_->DocumentsPerDay().value(), (std::map<int64_t, int64_t>{{day, 1}}));
  EXPECT_EQ(store_->Counts().value().documents, 1);
  Put({MakeDoc("b", "2025-07-02", "X", {"Nothing again."})});
  EXPECT_EQ(store_->DocumentsPerDay().value().at(day), 2);
  EXPECT_EQ(store_->Counts().value().documents, 2);
  Result<std::unique_ptr<Store>> other = Store::Open(store_path_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_TRUE((*other)->Begin().ok());
  Document c = MakeDoc("c", "2025-07-03", "Y", {"Still nothing."});
  ASSERT_TRUE((*other)->PutDocument(c, Store::ContentHash(c.text), *ontology_, "test").ok());
  ASSERT_TRUE((*other)->Commit().ok());
  EXPECT_EQ(store_->DocumentsPerDay().value().size(), 2u);
  EXPECT_EQ(store_->Counts().value().documents, 3);
}

// What the HTTP API reads (src/serve): sorted pages with a total count,
// the timeline stacked by QuadClass, places for the map, evidence marks,
// documents with their layers, actor search.
TEST_F(StoreTest, BrowsingPagesTimelinePlacesAndDocuments) {
  std::vector<Document> docs = ThreeArticles();  // one folded strike, located at Kharkiv
  Document july = MakeDoc("j", "2025-07-10", "X", {"France criticized Russia."});
  AddEvent(&july, 0, "France", "FRA", "criticized", "Russia", "RUS", "111", "2025-07-10");
  docs.push_back(july);
  for (Document& d : docs) {
    for (const Event& e : d.events) {
      for (const auto* a : {&e.source, &e.target}) {
        if (!*a) continue;
        Mention m;
        m.span = (*a)->span;
        m.sentence = e.sentence;
        m.actor = (*a)->actor;
        m.how = "dictionary";
        d.mentions.push_back(m);
      }
    }
  }
  Put(docs);
  EventFilter f;
  EXPECT_EQ(CountEvents(*store_, f).value(), 2);
  f.sort = ParseEventSort("-date").value();
  std::vector<EventRow> rows = Rows(f);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].date, "2025-08-19");  // newest first
  f.sort = EventSort::kGoldstein;
  EXPECT_EQ(Rows(f)[0].cameo, "190");  // most conflictual first
  f.sort = EventSort::kMentionsDesc;
  EXPECT_EQ(Rows(f)[0].documents, 3);
  f.limit = 1;
  f.offset = 1;
  rows = Rows(f);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cameo, "111");
  EXPECT_EQ(CountEvents(*store_, f).value(), 2);  // limit and offset do not change the count
  EventFilter one;
  one.id = rows[0].id;
  EXPECT_EQ(Rows(one).size(), 1u);
  EXPECT_FALSE(ParseEventSort("colour").ok());

  // Evidence marks lie inside the sentence and cover its actors and trigger.
  EventFilter strike;
  strike.cameo = "190";
  const EventRow ev = Rows(strike).at(0);
  std::set<std::string> kinds;
  for (const EvidenceMark& m : EvidenceMarks(ev)) {
    kinds.insert(m.kind);
    ASSERT_GE(m.begin, ev.sentence_begin);
    const std::string text = ev.sentence_text.substr(static_cast<size_t>(m.begin - ev.sentence_begin),
                                                     static_cast<size_t>(m.end - m.begin));
    if (m.kind == "trigger") {
      EXPECT_EQ(text, "attacked");
    }
    if (m.kind == "source") {
      EXPECT_EQ(text, "Russia");
    }
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"source", "target", "trigger"}));
  int mentions = 0;
  ASSERT_TRUE(ForEachMention(*store_, ev.id, [&](const MentionRow& m) {
                EXPECT_NE(m.sentence_text.find("Russia attacked Ukraine"), std::string::npos);
                ++mentions;
                return Status::Ok();
              }).ok());
  EXPECT_EQ(mentions, 3);

  Result<Table> month = Timeline(*store_, EventFilter{}, Period::kMonth, false, true);
  ASSERT_TRUE(month.ok()) << month.status().ToString();
  ASSERT_EQ(month->rows.size(), 2u);
  const auto col = [&](const std::string& name) {
    for (size_t c = 0; c < month->columns.size(); ++c) {
      if (month->columns[c] == name) return c;
    }
    ADD_FAILURE() << "no column " << name;
    return size_t{0};
  };
  EXPECT_EQ(month->rows[0][col("quad_class_3")], "1");  // the July criticism
  EXPECT_EQ(month->rows[1][col("quad_class_4")], "1");  // the August strike
  EXPECT_EQ(month->rows[1][col("goldstein_mean")], "-10");

  Result<Table> places = TopPlaces(*store_, EventFilter{}, 0);
  ASSERT_TRUE(places.ok()) << places.status().ToString();
  ASSERT_EQ(places->rows.size(), 1u);  // only the strike is located
  EXPECT_EQ(places->rows[0][0], "geonames:706483");
  EXPECT_EQ(places->rows[0][6], "1");

  std::vector<std::string> ids;
  ASSERT_TRUE(ForEachDocument(*store_, DocumentQuery{}, [&](const DocumentSummary& d) {
                ids.push_back(d.id);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(ids.size(), 4u);
  Result<DocumentView> doc = ReadDocument(*store_, "art1");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->text.substr(static_cast<size_t>(doc->sentences[1].begin), 6), "Russia");
  EXPECT_EQ(doc->events.size(), 1u);
  EXPECT_EQ(ReadDocument(*store_, "nope").status().code(), StatusCode::kNotFound);
  DocumentQuery bad;
  bad.from = "2025-13";
  EXPECT_FALSE(ForEachDocument(*store_, bad, [](const DocumentSummary&) { return Status::Ok(); }).ok());
  Result<std::vector<ActorMatch>> actors = SearchActors(*store_, "ukr", 10);
  ASSERT_TRUE(actors.ok()) << actors.status().ToString();
  ASSERT_FALSE(actors->empty());
  EXPECT_EQ(actors->front().code, "UKR");
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

// A store's folded events as comparable rows (id, days, mention count,
// members); the same set of raw records must always give the same rows.
std::vector<std::string> FoldedSnapshot(Store& store) {
  std::vector<std::string> rows;
  Result<Stmt> s = store.db().Prepare(
      "SELECT f.id, f.day, f.day_last, f.mentions, f.documents, f.date, f.date_end,"
      " (SELECT group_concat(id) FROM (SELECT id FROM events WHERE fold_id = f.id ORDER BY id))"
      " FROM folded_events f ORDER BY f.id");
  EXPECT_TRUE(s.ok());
  Status st;
  while (s->Step(&st)) {
    std::string row;
    for (int c = 0; c < s->columns(); ++c) row += s->Text(c) + "|";
    rows.push_back(row);
  }
  return rows;
}

// Issue 14.2: deleting documents (by id, outlet, date range) leaves exactly
// the folded events a store of the remaining documents has.
TEST_F(StoreTest, DeleteDocumentsRefoldsLikeAStoreWithoutThem) {
  std::vector<Document> docs = ThreeArticles();
  Document other = MakeDoc("fr", "2025-09-02", "AFP", {"France criticized Russia."});
  AddEvent(&other, 0, "France", "FRA", "criticized", "Russia", "RUS", "111", "2025-09-02");
  docs.push_back(other);
  Put(docs);
  ASSERT_EQ(Rows(EventFilter{}).size(), 2u);

  ASSERT_TRUE(store_->Begin().ok());
  DocumentSelector by_id;
  by_id.ids = {"art0"};
  Result<std::vector<std::string>> gone = store_->DeleteDocuments(by_id);
  ASSERT_TRUE(gone.ok()) << gone.status().ToString();
  EXPECT_EQ(*gone, (std::vector<std::string>{"art0"}));
  ASSERT_TRUE(store_->Commit().ok());
  Result<std::unique_ptr<Store>> fresh = Store::Open(TempDb(name() + "_fresh"));
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE((*fresh)->Begin().ok());
  for (size_t i = 1; i < docs.size(); ++i) {
    ASSERT_TRUE((*fresh)->PutDocument(docs[i], Store::ContentHash(docs[i].text), *ontology_, "test-coder").ok());
  }
  ASSERT_TRUE((*fresh)->Commit().ok());
  EXPECT_EQ(FoldedSnapshot(*store_), FoldedSnapshot(**fresh));

  ASSERT_TRUE(store_->Begin().ok());
  DocumentSelector by_source_and_date;
  by_source_and_date.source = "BBC";
  by_source_and_date.from = "2025-08";
  by_source_and_date.to = "2025-08-31";
  gone = store_->DeleteDocuments(by_source_and_date);
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(*gone, (std::vector<std::string>{"art2"}));
  EXPECT_FALSE(store_->DeleteDocuments(DocumentSelector{}).ok());  // nothing selected is an error
  ASSERT_TRUE(store_->Commit().ok());
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 2);
  EXPECT_EQ(counts->events, 2);
  const std::vector<std::string> incremental = FoldedSnapshot(*store_);
  ASSERT_TRUE(store_->RefoldAll().ok());
  EXPECT_EQ(incremental, FoldedSnapshot(*store_));
}

// Issue 14.2: a wrong date is fixed by replacing the document; its events
// move to the new date and fold as if it had been right from the start.
TEST_F(StoreTest, ReplacingADocumentFixesItsDate) {
  std::vector<Document> docs = ThreeArticles();
  Document wrong = docs[2];
  wrong.date = "2025-03-01";
  wrong.events[0].date = "2025-03-01";
  Put({docs[0], docs[1], wrong});
  EXPECT_EQ(Rows(EventFilter{}).size(), 2u);  // the misdated report stands alone
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->ReplaceDocument(docs[2], *ontology_, "test-coder").ok());
  ASSERT_TRUE(store_->Commit().ok());
  const std::vector<EventRow> rows = Rows(EventFilter{});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].mentions, 3);
  Result<Document> stored = store_->LoadDocument("art2");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->date, "2025-08-20");
  Result<std::unique_ptr<Store>> fresh = Store::Open(TempDb(name() + "_fresh"));
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE((*fresh)->Begin().ok());
  for (const Document& d : docs) {
    ASSERT_TRUE((*fresh)->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test-coder").ok());
  }
  ASSERT_TRUE((*fresh)->Commit().ok());
  EXPECT_EQ(FoldedSnapshot(*store_), FoldedSnapshot(**fresh));
}

// Issue 14.5: events dated to a week, month, quarter or season are stored
// and filtered by the first day of their period, as docs/exports.md says.
TEST_F(StoreTest, PeriodDatesCountFromTheirFirstDay) {
  Document d = MakeDoc("w", "2025-08-19", "X",
                       {"Talks resume next week.", "Troops withdraw this summer.", "Elections in September."});
  AddEvent(&d, 0, "Russia", "RUS", "resume", "Ukraine", "UKR", "046", "2025-W36").date_precision = "week";
  AddEvent(&d, 1, "Russia", "RUS", "withdraw", "Ukraine", "UKR", "0874", "2025-SU").date_precision = "month";
  AddEvent(&d, 2, "Russia", "RUS", "Elections", "Ukraine", "UKR", "040", "2025-09").date_precision = "month";
  Put({d});
  EventFilter f;
  f.folded = false;
  f.from = "2025-09";
  f.to = "2025-09";
  const std::vector<EventRow> sept = Rows(f);
  ASSERT_EQ(sept.size(), 2u);  // week 36 starts on Monday 1 September
  EXPECT_EQ(sept[0].date, "2025-W36");
  f.from = f.to = "2025-06";
  ASSERT_EQ(Rows(f).size(), 1u);  // summer starts on 1 June
  f.from = f.to = "2025-08";
  EXPECT_EQ(Rows(f).size(), 0u);  // none falls on the document's own date
  int64_t day = 0;
  ASSERT_TRUE(DayOfIsoDate("2025-W36", &day));
  EXPECT_EQ(FormatIsoDate(CivilFromDays(day)), "2025-09-01");
  ASSERT_TRUE(DayOfIsoDate("2025-Q4", &day));
  EXPECT_EQ(FormatIsoDate(CivilFromDays(day)), "2025-10-01");
}

// Issue 17.3: a store written with the old FNV hashes and event days is
// migrated -- hashes of the normalised text, days of week dates -- and
// refolded, in one transaction.
TEST_F(StoreTest, MigratesAVersion1Store) {
  const std::string path = TempDb(name() + "_v1");
  {
    Result<std::unique_ptr<Store>> s = Store::Open(path);
    ASSERT_TRUE(s.ok());
    Document d = MakeDoc("w", "2025-08-19", "X", {"Talks resume next week."});
    AddEvent(&d, 0, "Russia", "RUS", "resume", "Ukraine", "UKR", "046", "2025-W36").date_precision = "week";
    ASSERT_TRUE((*s)->Begin().ok());
    ASSERT_TRUE((*s)->PutDocument(d, "fnv-hash", *ontology_, "old").ok());
    ASSERT_TRUE((*s)->Commit().ok());
    // Back to version 1: its columns, its day for a week date (the
    // document's), no folded events, no summary tables.
    std::vector<std::string> triggers;
    Result<Stmt> list = (*s)->db().Prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'");
    ASSERT_TRUE(list.ok());
    Status st;
    while (list->Step(&st)) triggers.push_back(list->Text(0));
    for (const std::string& t : triggers) ASSERT_TRUE((*s)->db().Exec("DROP TRIGGER " + t).ok());
    ASSERT_TRUE((*s)->db().Exec("DROP TABLE summary_days; DROP TABLE summary_dyads; DROP TABLE summary_places;"
                                "DROP TABLE summary_dyad_totals; DROP TABLE summary_documents;").ok());
    ASSERT_TRUE((*s)->db().Exec(
        "DROP INDEX events_speaker; DROP INDEX documents_source;"
        "ALTER TABLE documents DROP COLUMN undated; ALTER TABLE events DROP COLUMN speaker_text;"
        "ALTER TABLE events DROP COLUMN speaker_name; ALTER TABLE events DROP COLUMN speaker_code;"
        "ALTER TABLE folded_events DROP COLUMN speaker_text; ALTER TABLE folded_events DROP COLUMN speaker_name;"
        "ALTER TABLE folded_events DROP COLUMN speaker_code;"
        "UPDATE events SET day = 20319, fold_id = NULL; DELETE FROM folded_events; PRAGMA user_version=1;").ok());
  }
  Result<std::unique_ptr<Store>> read_only = Store::Open(path, StoreOptions{.read_only = true});
  ASSERT_FALSE(read_only.ok());
  EXPECT_NE(read_only.status().message().find("--recode"), std::string::npos);
  Result<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  Result<std::optional<int64_t>> v = (*s)->db().QueryInt("PRAGMA user_version");
  EXPECT_EQ(v->value_or(0), kStoreSchemaVersion);
  const std::string text = "Talks resume next week.";
  Result<LookupResult> found = (*s)->Lookup("x", Store::ContentHash(text), Store::NormalizeForHash(text));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->seen, Seen::kSameContent);
  Result<std::optional<int64_t>> day = (*s)->db().QueryInt("SELECT day FROM folded_events");
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(FormatIsoDate(CivilFromDays(day->value_or(0))), "2025-09-01");
  // The summaries are built by the migration and follow its new days.
  Result<std::optional<int64_t>> summary_day =
      (*s)->db().QueryInt("SELECT day FROM summary_days WHERE folded = 1 AND events = 1");
  ASSERT_TRUE(summary_day.ok());
  EXPECT_EQ(summary_day->value_or(0), day->value_or(-1));
  Result<std::optional<int64_t>> raw = (*s)->db().QueryInt("SELECT sum(events) FROM summary_dyads WHERE folded = 0");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->value_or(0), 1);
}

// Issues 14.6 and 17.8: filters refuse values that cannot match, with one
// line that says why, instead of returning nothing or another set.
TEST_F(StoreTest, FiltersRejectWhatTheyCannotMatch) {
  Document a = MakeDoc("a", "2025-07-02", "X", {"Russia attacked Ukraine.", "100% of 5_0 criticized Russia."});
  AddEvent(&a, 0, "Russia", "RUSMIL", "attacked", "Ukraine", "UKR", "190", "2025-07-02");
  AddEvent(&a, 1, "100% of 5_0", "", "criticized", "Russia", "RUS", "111", "2025-07-02");
  Put({a});
  auto status = [&](const EventFilter& f) {
    return ForEachEvent(*store_, f, [](const EventRow&) { return Status::Ok(); });
  };
  auto refused = [&](EventFilter f, const std::string& expect) {
    const Status st = status(f);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
    EXPECT_NE(st.message().find(expect), std::string::npos) << st.message();
    EXPECT_EQ(st.message().find('\n'), std::string::npos) << "one line: " << st.message();
  };
  EventFilter f;
  f.actor_country = "XYZ";
  refused(f, "unknown country 'XYZ'");
  f.actor_country = "UP";  // FIPS for Ukraine
  refused(f, "Ukraine (UKR)");
  f.actor_country = "ukraine";  // a name, any case: accepted
  EXPECT_EQ(Rows(f).size(), 1u);
  f = {};
  f.country = "GM";
  refused(f, "FIPS");
  f = {};
  f.plover = "FIGHT";  // an old PLOVER name
  refused(f, "ASSAULT");
  f.plover = "BOMB";
  refused(f, "types: AGREE");
  f = {};
  f.actor_sector = "GOVV";
  refused(f, "unknown sector");
  f = {};
  f.cameo = "99";
  refused(f, "no CAMEO event code starts with '99'");
  f = {};
  f.text = "\"unterminated";
  refused(f, "bad --text query");
  f = {};
  f.doc = "nope";
  refused(f, "no stored document");
  f = {};
  f.from = "2025/01";
  refused(f, "use YYYY, YYYY-MM or YYYY-MM-DD");
  f = {};
  f.source = "Atlantis";
  refused(f, "no stored actor matches --source 'Atlantis'");
  // A lower-case code is the code, not a name substring ("rus" is in no name).
  f = {};
  f.actor = "rus";
  EventFilter upper;
  upper.actor = "RUS";
  EXPECT_EQ(Rows(f).size(), Rows(upper).size());
  EXPECT_EQ(Rows(f).size(), 2u);
  // % and _ are literal in name filters.
  f = {};
  f.actor = "100%";
  EXPECT_EQ(Rows(f).size(), 1u);
  f.actor = "5_0";
  EXPECT_EQ(Rows(f).size(), 1u);
  f.actor = "5%0";
  refused(f, "no stored actor");
  EXPECT_FALSE(ParseModalities("asserted,maybe").ok());
  EXPECT_TRUE(ParseModalities("all")->empty());
}

// Issue 14.4: names beside codes, built for what an aggregate code is rather
// than borrowed from whichever member came first.
TEST_F(StoreTest, NamesBesideCodes) {
  Document a = MakeDoc("a", "2025-07-02", "X", {"The Russian ambassador criticized NATO.", "Lavrov met Wang Yi."});
  Event& e = AddEvent(&a, 0, "The Russian ambassador", "RUSGOV", "criticized", "NATO", "NATO", "111", "2025-07-02");
  e.target->actor.type = "igo";
  AddEvent(&a, 1, "Lavrov", "RUSGOV", "met", "Wang Yi", "CHNGOV", "040", "2025-07-02");
  Put({a});
  std::vector<EventRow> rows = Rows(EventFilter{});
  ASSERT_EQ(rows.size(), 2u);
  if (rows[0].cameo != "111") std::swap(rows[0], rows[1]);
  EXPECT_EQ(rows[0].source.code_name, "Russia (government)");
  EXPECT_EQ(rows[0].source.name, "The Russian ambassador");  // who it was in this event
  EXPECT_EQ(rows[1].source.code_name, "Russia (government)");
  EXPECT_EQ(rows[0].cameo_name, "Criticize or denounce");
  Result<Table> actors = TopActors(*store_, EventFilter{}, 10);
  ASSERT_TRUE(actors.ok());
  EXPECT_EQ(actors->rows[0][0], "RUSGOV");
  EXPECT_EQ(actors->rows[0][1], "Russia (government)");
  Result<Table> roots = Distribution(*store_, EventFilter{}, "cameo_root");
  ASSERT_TRUE(roots.ok());
  EXPECT_EQ(roots->columns[1], "name");
  EXPECT_FALSE(roots->rows[0][1].empty());
  Result<const Vocabulary*> v = Vocabulary::Default();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ((*v)->CodeName("UKRMILREB"), "Ukraine (military, rebels)");
  EXPECT_EQ((*v)->CodeName("UNO"), "United Nations");
  EXPECT_EQ((*v)->CodeName("EUR", "country"), "Europe");
}

// Issue 14.5: a country-level roll-up and a speaker filter; 17.8: first and
// last dates compare real dates, whatever the precision of the date text.
TEST_F(StoreTest, CountryLevelSpeakerAndRealFirstLastDates) {
  Document a = MakeDoc("a", "2025-09-20", "X",
                       {"Putin threatened Ukraine.", "Russian troops shelled Ukraine in 2025.",
                        "Kyiv said Russia attacked Ukraine."});
  AddEvent(&a, 0, "Putin", "RUSGOV", "threatened", "Ukraine", "UKR", "138", "2025-09-20");
  AddEvent(&a, 1, "Russian troops", "RUSMIL", "shelled", "Ukraine", "UKR", "194", "2025").date_precision = "year";
  Event& said = AddEvent(&a, 2, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", "2025-W37");
  said.modality = Modality::kReported;
  said.attribution = Attribution{};
  said.attribution->speaker_text = "Kyiv";
  said.attribution->speaker.name = "Ukraine";
  said.attribution->speaker.code = "UKRGOV";
  Put({a});
  Result<Table> dyads = TopDyads(*store_, EventFilter{}, 10, Level::kCountry);
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads->rows.size(), 1u);
  EXPECT_EQ(dyads->rows[0], (std::vector<std::string>{"RUS", "Russia", "UKR", "Ukraine", "3", "-27", "2025-01-01",
                                                      "2025-09-20"}));
  Result<Table> actor_dyads = TopDyads(*store_, EventFilter{}, 10);
  ASSERT_TRUE(actor_dyads.ok());
  EXPECT_EQ(actor_dyads->rows.size(), 3u);
  EventFilter who;
  who.speaker = "ukr";
  const std::vector<EventRow> said_rows = Rows(who);
  ASSERT_EQ(said_rows.size(), 1u);
  EXPECT_EQ(said_rows[0].speaker_text, "Kyiv");
  who.speaker = "Kyiv";
  EXPECT_FALSE(ForEachEvent(*store_, who, [](const EventRow&) { return Status::Ok(); }).ok());
  who.speaker = "Ukraine";
  EXPECT_EQ(Rows(who).size(), 1u);
}

// Issue 17.8: what terminals and spreadsheets would run is neutralised.
TEST(TableTest, TerminalAndSpreadsheetSafety) {
  EXPECT_EQ(TerminalSafe("a\x1b[31mred\x1b[0m\tb\n"), "a\uFFFD[31mred\uFFFD[0m b ");
  EXPECT_EQ(TerminalSafe("caf\u00e9 \u009b" "1m"), "caf\u00e9 \uFFFD1m");  // C1 CSI
  EXPECT_EQ(TerminalSafe("\u202e" "evil"), "\uFFFDevil");                // RIGHT-TO-LEFT OVERRIDE
  Table t;
  t.AddColumn("x");
  t.rows.push_back({"\x1b]0;pwned\x07"});
  EXPECT_EQ(RenderTable(t, TableFormat::kAligned).find('\x1b'), std::string::npos);
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("+cmd"), "'+cmd");
  EXPECT_EQ(CsvField("-4.5"), "-4.5");
  EXPECT_EQ(CsvField("-"), "-");
  EXPECT_EQ(CsvField("="), "'=");
  EXPECT_EQ(CsvField("-x,y"), "\"'-x,y\"");
  t.numeric = {true};
  t.rows = {{""}};
  EXPECT_EQ(RenderTable(t, TableFormat::kJsonl), "{\"x\":null}\n");
}

// Issue 17.8: a store in a folder nobody may write to can still be read.
TEST_F(StoreTest, ReadOnlyFolderCanBeQueried) {
  if (geteuid() == 0) GTEST_SKIP() << "root may write anywhere; tests/cli_test.py checks this as another user";
  namespace fs = std::filesystem;
  const std::string dir = ::testing::TempDir() + "annals_ro_" + std::to_string(getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    Result<std::unique_ptr<Store>> s = Store::Open(dir + "/a.db");
    ASSERT_TRUE(s.ok());
    store_ = std::move(s.value());
    Put(ThreeArticles());
    store_.reset();
  }
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  Result<std::unique_ptr<Store>> ro = Store::Open(dir + "/a.db", StoreOptions{.read_only = true});
  fs::permissions(dir, fs::perms::owner_all);
  ASSERT_TRUE(ro.ok()) << ro.status().ToString();
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  store_ = std::move(ro.value());
  EXPECT_EQ(Rows(EventFilter{}).size(), 1u);
  store_.reset();
  fs::permissions(dir, fs::perms::owner_all);
  fs::remove_all(dir);
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
