// Tests of store checks and backups (issue 17.7): damaged copies of a real
// store -- pages overwritten with garbage, random byte flips -- are found
// by `check` and refused for writing; a backup of a store with a write in
// flight holds exactly what was committed.
#include "store/maintenance.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "store/store.h"
#include "store/store_test_util.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using testing::AddEvent;
using testing::MakeDoc;

class MaintenanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "annals_maint_" + std::to_string(getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ontology_ = testing::LoadTestOntology();
    ASSERT_NE(ontology_, nullptr);
    db_ = dir_ + "/s.db";
    Result<std::unique_ptr<Store>> s = Store::Open(db_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s.value());
    Put(0, 60);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Put(int from, int to) {
    ASSERT_TRUE(store_->Begin().ok());
    for (int i = from; i < to; ++i) {
      // Long enough texts that some rows spill onto overflow pages.
      std::string filler;
      for (int k = 0; k < i % 7 * 40; ++k) filler += "Talks went on in the capital. ";
      Document d = MakeDoc("doc" + std::to_string(i), "2025-08-" + std::to_string(10 + i % 20), "Reuters",
                           {"Officials met on day " + std::to_string(i) + ". " + filler,
                            "Russia attacked Ukraine near Kharkiv."});
      AddEvent(&d, 1, "Russia", "RUS", "attacked", "Ukraine", "UKR", "190", d.date);
      const Status st = store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test");
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
    ASSERT_TRUE(store_->Commit().ok());
  }

  // Closes the store with no free pages and no write-ahead log, so every
  // page of the file is in use and the file alone is the store.
  void Close() {
    ASSERT_TRUE(store_->db().Exec("VACUUM").ok());
    store_.reset();
    ASSERT_FALSE(fs::exists(db_ + "-wal"));
  }

  std::string Copy(const std::string& name) {
    const std::string path = dir_ + "/" + name;
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path + ext);
    fs::copy_file(db_, path);
    return path;
  }

  static void Overwrite(const std::string& path, uint64_t offset, const std::string& bytes) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  std::string dir_, db_;
  std::unique_ptr<Ontology> ontology_;
  std::unique_ptr<Store> store_;
};

TEST_F(MaintenanceTest, AHealthyStoreHasNoDamage) {
  Close();
  for (bool full : {false, true}) {
    Result<StoreCheck> c = CheckStore(db_, full);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_TRUE(c->ok()) << c->problems.front();
    EXPECT_EQ(c->schema_version, kStoreSchemaVersion);
  }
  EXPECT_EQ(CheckStore(dir_ + "/none.db", false).status().code(), StatusCode::kNotFound);
}

// Any page but the first overwritten with random bytes: the check finds
// it, writing refuses the store with one line, and reading what the page
// held is a DataError of one line, not the SQL statement.
TEST_F(MaintenanceTest, AGarbagePageIsFoundAndTheStoreRefusedForWriting) {
  const uint64_t page_size = 4096;
  {
    Result<std::optional<int64_t>> ps = store_->db().QueryInt("PRAGMA page_size");
    ASSERT_TRUE(ps.ok());
    ASSERT_EQ(ps->value_or(0), 4096);
  }
  Close();
  const uint64_t pages = fs::file_size(db_) / page_size;
  ASSERT_GT(pages, 20u);
  std::mt19937_64 rng(17);
  for (int trial = 0; trial < 40; ++trial) {
    const std::string copy = Copy("garbage.db");
    const uint64_t page = 2 + rng() % (pages - 1);  // 1-based; page 1 holds the schema
    std::string garbage(page_size, '\0');
    for (char& c : garbage) c = static_cast<char>(rng());
    Overwrite(copy, (page - 1) * page_size, garbage);
    SCOPED_TRACE("page " + std::to_string(page) + " of " + std::to_string(pages));
    Result<StoreCheck> c = CheckStore(copy, false);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_FALSE(c->ok());
    Result<std::unique_ptr<Store>> w = Store::Open(copy);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().code(), StatusCode::kDataError);
    EXPECT_NE(w.status().message().find("the store is damaged"), std::string::npos) << w.status().message();
    EXPECT_EQ(w.status().message().find('\n'), std::string::npos);
  }
  // Every page but the schema: reading fails with the one-line message.
  const std::string copy = Copy("wrecked.db");
  Overwrite(copy, page_size, std::string((pages - 1) * page_size, '\x5a'));
  Result<std::unique_ptr<Store>> r = Store::Open(copy, StoreOptions{.read_only = true});
  const Status st = r.ok() ? (*r)->Counts().status() : r.status();  // the schema may span pages
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kDataError);
  EXPECT_NE(st.message().find("the store is damaged"), std::string::npos);
  EXPECT_EQ(st.message().find("SELECT"), std::string::npos) << st.message();
  EXPECT_EQ(st.message().find('\n'), std::string::npos) << st.message();
}

// Random byte flips anywhere in the file (header included): nothing
// crashes, and the write-time check never refuses a store that `check`
// calls healthy. Flips inside stored values (a letter of a text) leave
// every structure intact and cannot be seen, so only a share is found.
TEST_F(MaintenanceTest, RandomByteFlipsNeverCrashAndDamageIsRefused) {
  Close();
  const uint64_t size = fs::file_size(db_);
  std::mt19937_64 rng(2026);
  int found = 0;
  const int trials = 100;
  for (int trial = 0; trial < trials; ++trial) {
    const std::string copy = Copy("flipped.db");
    {
      std::fstream f(copy, std::ios::in | std::ios::out | std::ios::binary);
      for (uint64_t n = 1 + rng() % 8; n > 0; --n) {
        const auto at = static_cast<std::streamoff>(rng() % size);
        f.seekg(at);
        const int c = f.get();
        f.seekp(at);
        f.put(static_cast<char>(c ^ (1 << (rng() % 8))));
      }
    }
    Result<StoreCheck> c = CheckStore(copy, trial % 2 == 1);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    if (!c->ok()) ++found;
    Result<std::unique_ptr<Store>> w = Store::Open(copy);
    if (!w.ok()) {
      EXPECT_EQ(w.status().code(), StatusCode::kDataError) << w.status().message() << " trial " << trial;
      EXPECT_FALSE(c->ok()) << "refused for writing, but check found nothing: " << w.status().message();
      continue;
    }
    Result<StoreCounts> counts = (*w)->Counts();
    if (!counts.ok()) {
      EXPECT_EQ(counts.status().code(), StatusCode::kDataError) << counts.status().message();
    }
  }
  std::printf("[ info ] %d of %d flipped copies found damaged\n", found, trials);
  EXPECT_GT(found, 0);
}

// A backup taken while another connection has a write in flight holds the
// committed documents only; the copy checks clean and opens as a store.
TEST_F(MaintenanceTest, BackupOfALiveStoreHoldsWhatWasCommitted) {
  ASSERT_TRUE(store_->Begin().ok());
  Document d = MakeDoc("in-flight", "2025-09-01", "AP", {"Iran threatened Israel."});
  ASSERT_TRUE(store_->PutDocument(d, Store::ContentHash(d.text), *ontology_, "test").ok());
  const std::string backup = dir_ + "/backup.db";
  const Status taken = BackupStore(db_, backup);
  ASSERT_TRUE(taken.ok()) << taken.ToString();
  ASSERT_TRUE(store_->Commit().ok());
  {
    Result<StoreCheck> c = CheckStore(backup, true);
    ASSERT_TRUE(c.ok());
    EXPECT_TRUE(c->ok());
    Result<std::unique_ptr<Store>> b = Store::Open(backup, StoreOptions{.read_only = true});
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    EXPECT_EQ((*b)->Counts()->documents, 60);
  }
  ASSERT_TRUE(BackupStore(db_, backup).ok());  // replaces the older copy
  Result<std::unique_ptr<Store>> b = Store::Open(backup, StoreOptions{.read_only = true});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*b)->Counts()->documents, 61);
  EXPECT_EQ((*b)->Counts().value(), store_->Counts().value());

  for (const char* target : {"", "-wal", "-shm"}) {
    EXPECT_EQ(BackupStore(db_, db_ + target).code(), StatusCode::kInvalidArgument) << target;
  }
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

}  // namespace
}  // namespace annals
