// Ingest driver tests with the real pipeline: idempotence, duplicate
// content, bad records, recoding, folder walking.
#include "store/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/synthetic_corpus.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "annals_ingest_" + std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_ + "/in/nested");
    Result<std::unique_ptr<Pipeline>> p = Pipeline::Create(Config{});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(p.value());
    Result<std::unique_ptr<Store>> s = Store::Open(dir_ + "/t.db");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void WriteCorpus(size_t n) {
    std::ofstream a(dir_ + "/in/a.jsonl");
    std::ofstream b(dir_ + "/in/nested/b.jsonl");
    for (size_t i = 0; i < n; ++i) (i % 2 ? a : b) << synthetic::JsonLine(synthetic::MakeArticle(i)) << "\n";
    a << "this is not json\n";
    synthetic::Article copy = synthetic::MakeArticle(0);
    copy.id = "copy-of-0";
    a << synthetic::JsonLine(copy) << "\n";
    std::ofstream(dir_ + "/in/nested/c.txt") << "France criticized Russia on Monday.\n";
    std::ofstream(dir_ + "/in/ignored.csv") << "a,b\n";
  }

  IngestProgress Run(const std::string& coder = "coder-1", bool recode = false, IngestOptions o = Defaults()) {
    o.coded_by = coder;
    Ingester ing(*pipeline_, store_.get(), o);
    problems_.clear();
    auto problem = [this](const Diagnostic& d) {
      if (d.severity == "error") problems_.push_back(d.message);
    };
    Status st = recode ? ing.RecodeStale(problem, nullptr) : ing.IngestPaths({dir_ + "/in"}, problem, nullptr);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return ing.progress();
  }

  static IngestOptions Defaults() {
    IngestOptions o;
    o.batch_size = 4;
    o.threads = 2;
    o.default_date = "2025-08-19";
    return o;
  }

  std::string dir_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<Store> store_;
  std::vector<std::string> problems_;
};

TEST_F(IngestTest, ListsInputFilesInPathOrder) {
  WriteCorpus(2);
  Result<std::vector<InputFile>> files = ListInputFiles({dir_ + "/in"});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 3u);  // .csv is not an input name
  EXPECT_TRUE(std::is_sorted(files->begin(), files->end(),
                             [](const InputFile& a, const InputFile& b) { return a.path < b.path; }));
  EXPECT_EQ((*files)[2].id, "nested/c.txt");  // relative to the folder named
  EXPECT_FALSE(ListInputFiles({dir_ + "/missing"}).ok());
  EXPECT_FALSE(ListInputFiles({dir_ + "/in", dir_ + "/missing"}).ok());
  Result<std::vector<InputFile>> named = ListInputFiles({dir_ + "/in/nested/c.txt"});
  ASSERT_TRUE(named.ok());
  EXPECT_EQ((*named)[0].id, "c.txt");
}

// Issue 17.8: an empty folder (no input file) is an error, not "0 stored".
TEST_F(IngestTest, AFolderWithoutInputFilesIsAnError) {
  fs::create_directories(dir_ + "/empty/sub");
  std::ofstream(dir_ + "/empty/sub/notes.html") << "<p>x</p>\n";
  Result<std::vector<InputFile>> files = ListInputFiles({dir_ + "/empty"});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
  EXPECT_NE(files.status().message().find("no input files in this folder"), std::string::npos);
}

// Issue 17.5: a batch ends at batch_bytes of text as well as batch_size
// documents, so a batch of long documents stays bounded in memory.
TEST_F(IngestTest, BatchesAreBoundedByTextBytes) {
  {
    std::ofstream a(dir_ + "/in/a.jsonl");
    for (size_t i = 0; i < 10; ++i) a << synthetic::JsonLine(synthetic::MakeArticle(i)) << "\n";
  }
  IngestOptions o = Defaults();
  o.batch_size = 1000;
  size_t text = 0;
  for (size_t i = 0; i < 10; ++i) text += synthetic::MakeArticle(i).text.size();
  o.batch_bytes = text / 10 * 3;  // about three documents
  const IngestProgress p = Run("coder-1", false, o);
  EXPECT_EQ(p.stored, 10u);
  EXPECT_GE(p.batches, 3u);
  EXPECT_LE(p.batches, 5u);
  o.batch_bytes = 1;  // every document a batch of its own
  Result<std::unique_ptr<Store>> s = Store::Open(dir_ + "/t2.db");
  ASSERT_TRUE(s.ok());
  store_ = std::move(s.value());
  EXPECT_EQ(Run("coder-1", false, o).batches, 10u);
}

TEST_F(IngestTest, SecondRunStoresNothingAndCountsStayIdentical) {
  WriteCorpus(30);
  const IngestProgress first = Run();
  EXPECT_EQ(first.stored, 31u);     // 30 articles + the text file
  EXPECT_EQ(first.duplicates, 1u);  // same text under another id
  EXPECT_EQ(first.failed, 1u);      // the broken line
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].find("a.jsonl:"), std::string::npos) << problems_[0];
  Result<StoreCounts> before = store_->Counts();
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->documents, 31);
  EXPECT_GT(before->sentences, 31);

  const IngestProgress second = Run();
  EXPECT_EQ(second.stored, 0u);
  EXPECT_EQ(second.duplicates, 32u);
  Result<StoreCounts> after = store_->Counts();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*before, *after);
}

TEST_F(IngestTest, RecodeReplacesOnlyStaleDocuments) {
  WriteCorpus(10);
  Run("coder-1");
  Result<StoreCounts> before = store_->Counts();
  ASSERT_TRUE(before.ok());
  const IngestProgress same = Run("coder-1", true);
  EXPECT_EQ(same.recoded, 0u);
  const IngestProgress recoded = Run("coder-2", true);
  EXPECT_EQ(recoded.recoded, 11u);
  Result<StoreCounts> after = store_->Counts();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*before, *after);  // same pipeline: same layers, no duplicates
  Result<std::vector<std::string>> stale = store_->StaleDocuments("coder-2");
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->empty());
}

// Issue 14.2: a document without a date is refused unless allowed, and then
// flagged -- never silently dated today.
TEST_F(IngestTest, UndatedDocumentsAreRefusedOrFlagged) {
  std::ofstream(dir_ + "/in/a.txt") << "Russia attacked Ukraine.\n";
  IngestOptions o = Defaults();
  o.default_date.clear();
  const IngestProgress refused = Run("coder-1", false, o);
  EXPECT_EQ(refused.stored, 0u);
  EXPECT_EQ(refused.failed, 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].find("no document date"), std::string::npos) << problems_[0];
  o.allow_undated = true;
  EXPECT_EQ(Run("coder-1", false, o).stored, 1u);
  Result<std::optional<std::string>> precision =
      store_->db().QueryText("SELECT group_concat(DISTINCT date_precision) FROM events");
  ASSERT_TRUE(precision.ok());
  EXPECT_EQ(precision->value_or(""), "undated");
  Result<Document> doc = store_->LoadDocument("a.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->undated);
}

// Issue 17.2: ids of text files are unique within a run (their path under
// the folder), and one id with two texts is reported, never dropped
// silently; --replace (issue 14.2) replaces the stored document.
TEST_F(IngestTest, IdsAreRelativePathsAndConflictsAreReported) {
  fs::create_directories(dir_ + "/in/x");
  fs::create_directories(dir_ + "/in/y");
  std::ofstream(dir_ + "/in/x/story.txt") << "Russia attacked Ukraine.\n";
  std::ofstream(dir_ + "/in/y/story.txt") << "France criticized Russia.\n";
  EXPECT_EQ(Run().stored, 2u);
  ASSERT_TRUE(store_->LoadDocument("x/story.txt").ok());
  ASSERT_TRUE(store_->LoadDocument("y/story.txt").ok());
  // Same text with other white space: already stored.
  std::ofstream(dir_ + "/in/x/story.txt") << "Russia  attacked Ukraine.\r\n\r\n";
  const IngestProgress same = Run();
  EXPECT_EQ(same.duplicates, 2u);
  EXPECT_TRUE(problems_.empty());
  // Other text under a stored id: a conflict, reported with both places.
  std::ofstream(dir_ + "/in/x/story.txt") << "Russia shelled Ukraine.\n";
  const IngestProgress conflict = Run();
  EXPECT_EQ(conflict.failed, 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].find("already stored with different text"), std::string::npos) << problems_[0];
  EXPECT_NE(problems_[0].find("--replace"), std::string::npos);
  // --replace with a corrected date: the stored document takes both.
  IngestOptions o = Defaults();
  o.replace = true;
  o.default_date = "2025-03-01";
  const IngestProgress replaced = Run("coder-1", false, o);
  EXPECT_EQ(replaced.replaced, 2u);
  Result<Document> doc = store_->LoadDocument("x/story.txt");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->date, "2025-03-01");
  EXPECT_NE(doc->text.find("shelled"), std::string::npos);
  Result<std::optional<int64_t>> stale =
      store_->db().QueryInt("SELECT count(*) FROM events WHERE date LIKE '2025-08%'");
  EXPECT_EQ(stale->value_or(-1), 0);
  Result<StoreCounts> counts = store_->Counts();
  EXPECT_EQ(counts->documents, 2);
}

// Issue 17.6: existence is checked again inside the write transaction, so
// a document another connection stored meanwhile is not stored twice.
TEST_F(IngestTest, TwoConnectionsIngestingTogetherStoreEachDocumentOnce) {
  WriteCorpus(12);
  Result<std::unique_ptr<Store>> second = Store::Open(dir_ + "/t.db");
  ASSERT_TRUE(second.ok());
  Status a, b;
  IngestOptions o = Defaults();
  o.coded_by = "c";
  std::thread other([&] {
    Ingester ing(*pipeline_, second->get(), o);
    b = ing.IngestPaths({dir_ + "/in"}, nullptr, nullptr);
  });
  Ingester ing(*pipeline_, store_.get(), o);
  a = ing.IngestPaths({dir_ + "/in"}, nullptr, nullptr);
  other.join();
  EXPECT_TRUE(a.ok()) << a.ToString();
  EXPECT_TRUE(b.ok()) << b.ToString();
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 13);
}

}  // namespace
}  // namespace annals
