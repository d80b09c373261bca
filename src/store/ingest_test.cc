// Ingest driver tests with the real pipeline: idempotence, duplicate
// content, bad records, recoding, folder walking.
#include "store/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

  IngestProgress Run(const std::string& coder = "coder-1", bool recode = false) {
    IngestOptions o;
    o.batch_size = 4;
    o.threads = 2;
    o.default_date = "2025-08-19";
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

  std::string dir_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<Store> store_;
  std::vector<std::string> problems_;
};

TEST_F(IngestTest, ListsInputFilesInPathOrder) {
  WriteCorpus(2);
  Result<std::vector<std::string>> files = ListInputFiles({dir_ + "/in"});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 3u);  // .csv is not an input name
  EXPECT_TRUE(std::is_sorted(files->begin(), files->end()));
  EXPECT_FALSE(ListInputFiles({dir_ + "/missing"}).ok());
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

}  // namespace
}  // namespace annals
