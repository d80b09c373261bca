// Crash safety of `annals ingest`, end to end: the built `annals` binary
// ingests a generated corpus; one run is killed with SIGKILL mid-ingest and
// re-run, and the final database must hold exactly what an uninterrupted
// run stores. A third run must store nothing new (idempotence).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/hash.h"
#include "store/sqlite_db.h"
#include "store/synthetic_corpus.h"

#ifndef ANNALS_BINARY
#error "ANNALS_BINARY must name the built annals executable"
#endif

namespace annals {
namespace {

namespace fs = std::filesystem;

constexpr size_t kFiles = 3;
constexpr size_t kPerFile = 150;

std::string Dir() {
  static const std::string dir = ::testing::TempDir() + "annals_crash_" + std::to_string(getpid());
  return dir;
}

// Writes the corpus: three JSONL files (one with a broken line and a
// document repeated under another id) and one text file.
void WriteCorpus(const std::string& corpus) {
  fs::create_directories(corpus + "/sub");
  size_t index = 0;
  for (size_t f = 0; f < kFiles; ++f) {
    std::ofstream out(corpus + (f == 2 ? "/sub/" : "/") + "part" + std::to_string(f) + ".jsonl");
    for (size_t i = 0; i < kPerFile; ++i) {
      out << synthetic::JsonLine(synthetic::MakeArticle(index++, 7)) << "\n";
      if (f == 1 && i == 10) out << "{\"id\": \"broken\", \"text\": \n";  // reported and skipped
    }
    if (f == 1) {
      synthetic::Article again = synthetic::MakeArticle(3, 7);
      again.id = "same-text-other-id";  // folded away by content hash
      out << synthetic::JsonLine(again) << "\n";
    }
  }
  std::ofstream(corpus + "/note.txt") << "Poland criticized Russia in Warsaw on Monday. Officials said more talks "
                                         "were planned.\n";
}

// Runs annals with `args`; returns the child's pid.
pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    static std::string bin = ANNALS_BINARY;
    argv.push_back(bin.data());
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::vector<std::string> IngestArgs(const std::string& db) {
  return {"ingest", Dir() + "/corpus", "--db", db, "--batch", "3", "--threads", "2", "--date", "2025-08-19", "-q"};
}

int64_t Documents(const std::string& db) {
  if (!fs::exists(db)) return 0;
  Result<std::unique_ptr<Db>> d = Db::Open(db, true);
  if (!d.ok()) return 0;
  Result<std::optional<int64_t>> n = (*d)->QueryInt("SELECT count(*) FROM documents");
  return n.ok() ? n->value_or(0) : 0;
}

// Everything stored except ingest timestamps, in a canonical order.
std::string Dump(const std::string& db) {
  Result<std::unique_ptr<Db>> d = Db::Open(db);
  EXPECT_TRUE(d.ok());
  if (!d.ok()) return "";
  EXPECT_TRUE((*d)->Exec("INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')").ok());
  const char* queries[] = {
      "SELECT doc_pk, id, content_hash, date, source, url, title, origin, text, coded_by FROM documents ORDER BY doc_pk",
      "SELECT d.id, s.* FROM sentences s JOIN documents d USING(doc_pk) ORDER BY d.id, s.idx",
      "SELECT d.id, e.* FROM events e JOIN documents d USING(doc_pk) ORDER BY d.id, e.id",
      "SELECT f.*, r.id FROM folded_events f JOIN events r ON r.event_pk = f.representative ORDER BY f.id",
      "SELECT d.id, a.* FROM actors a JOIN documents d USING(doc_pk) ORDER BY d.id, a.idx",
      "SELECT d.id, p.* FROM places p JOIN documents d USING(doc_pk) ORDER BY d.id, p.idx",
      "SELECT d.id, q.* FROM quotes q JOIN documents d USING(doc_pk) ORDER BY d.id, q.idx",
      "SELECT d.id, t.* FROM time_exprs t JOIN documents d USING(doc_pk) ORDER BY d.id, t.idx",
      "SELECT d.id, a.* FROM amounts a JOIN documents d USING(doc_pk) ORDER BY d.id, a.idx",
      "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'said OR Russia'"};
  std::string out;
  for (const char* q : queries) {
    Result<Stmt> s = (*d)->Prepare(q);
    EXPECT_TRUE(s.ok()) << q;
    if (!s.ok()) continue;
    Status st;
    while (s->Step(&st)) {
      for (int c = 0; c < s->columns(); ++c) {
        out += s->IsNull(c) ? std::string("\\N") : s->Text(c);
        out += '\t';
      }
      out += '\n';
    }
    EXPECT_TRUE(st.ok()) << st.ToString();
    out += "----\n";
  }
  return out;
}

TEST(IngestCrashTest, KillNineMidIngestThenRerunEqualsUninterruptedRun) {
  fs::remove_all(Dir());
  WriteCorpus(Dir() + "/corpus");
  const std::string clean = Dir() + "/clean.db";
  const std::string killed = Dir() + "/killed.db";
  const size_t expected_docs = kFiles * kPerFile + 1;

  // Exit 1: the broken line is reported; everything else is stored.
  ASSERT_EQ(Wait(Spawn(IngestArgs(clean))), 1);
  ASSERT_EQ(Documents(clean), static_cast<int64_t>(expected_docs));

  const pid_t pid = Spawn(IngestArgs(killed));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  int64_t seen = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    seen = Documents(killed);
    if (seen >= 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  ASSERT_EQ(Wait(pid), -SIGKILL);
  const int64_t at_kill = Documents(killed);
  ASSERT_GT(at_kill, 0);
  ASSERT_LT(at_kill, static_cast<int64_t>(expected_docs))
      << "the run finished before it could be killed; make the corpus larger";

  ASSERT_EQ(Wait(Spawn(IngestArgs(killed))), 1);
  const std::string a = Dump(clean), b = Dump(killed);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(HexId(Fnv1a64(a)), HexId(Fnv1a64(b)));
  if (a != b) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    ADD_FAILURE() << "first difference at byte " << i << ":\n" << a.substr(i > 200 ? i - 200 : 0, 400) << "\n----\n"
                  << b.substr(i > 200 ? i - 200 : 0, 400);
  }

  // Idempotent: once more stores nothing and changes nothing.
  ASSERT_EQ(Wait(Spawn(IngestArgs(killed))), 1);
  EXPECT_EQ(Dump(killed), b);
  fs::remove_all(Dir());
}

}  // namespace
}  // namespace annals
