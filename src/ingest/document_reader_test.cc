// Document readers: good records, every kind of bad record, compression.
#include "ingest/document_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "base/civil_date.h"

namespace annals {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("annals_ingest_" + name)).string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct Collected {
  std::vector<Document> docs;
  std::vector<Diagnostic> problems;
  ReadStats stats;
  Status status;
};

Collected ReadAllDocs(const std::string& path, ReadOptions opts = {}) {
  Collected c;
  c.status = ReadDocuments(
      path, opts, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Diagnostic& p) { c.problems.push_back(p); }, &c.stats);
  return c;
}

const std::string kJsonl =
    "{\"id\": \"a\", \"date\": \"2025-08-19\", \"text\": \"Macron met Starmer.\", \"title\": \"T\"}\n"
    "{not json\n"
    "\n"
    "{\"id\": \"b\", \"date\": \"2025-08-19T10:00:00Z\", \"text\": \"Second.\"}\n"
    "[1, 2]\n"
    "{\"id\": 7, \"date\": \"yesterday\", \"text\": \"Third.\"}\n"
    "{\"id\": \"c\", \"date\": \"2025-08-19\"}\n";

TEST(DocumentReader, JsonlSkipsBadRecordsAndKeepsGoing) {
  const std::string path = TempPath("a.jsonl");
  WriteFile(path, kJsonl);
  ReadOptions opts;
  opts.default_date = "2025-01-01";
  Collected c = ReadAllDocs(path, opts);
  ASSERT_TRUE(c.status.ok());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].title, "T");
  EXPECT_EQ(c.docs[1].date, "2025-08-19");
  EXPECT_EQ(c.stats.skipped, 4u);
  int errors = 0;
  for (const auto& p : c.problems) {
    if (p.severity == "error") {
      ++errors;
      EXPECT_NE(p.message.find(path + ":"), std::string::npos) << p.message;
    }
  }
  EXPECT_EQ(errors, 4);
  EXPECT_NE(c.problems[0].message.find(":2: not valid JSON"), std::string::npos) << c.problems[0].message;
}

// Issue 14.2: an invalid date is an error naming file:line, never today's
// date (nor the --date default) in disguise.
TEST(DocumentReader, InvalidJsonlDateIsAnErrorNamingTheLine) {
  const std::string path = TempPath("dates.jsonl");
  WriteFile(path,
            "{\"id\": \"us\", \"date\": \"03/01/2025\", \"text\": \"Russia attacked Ukraine.\"}\n"
            "{\"id\": \"ok\", \"date\": \"2025-03-01\", \"text\": \"Russia attacked Ukraine.\"}\n");
  ReadOptions opts;
  opts.default_date = "2025-01-01";
  Collected c = ReadAllDocs(path, opts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "ok");
  ASSERT_FALSE(c.problems.empty());
  EXPECT_EQ(c.problems[0].severity, "error");
  EXPECT_NE(c.problems[0].message.find(path + ":1: invalid \"date\" '03/01/2025'"), std::string::npos)
      << c.problems[0].message;
}

// Issue 14.2: an undated document is refused where a date is required, and
// otherwise flagged, never silently dated today.
TEST(DocumentReader, UndatedDocumentsAreRefusedOrFlagged) {
  const std::string text = TempPath("undated.txt");
  WriteFile(text, "Russia attacked Ukraine.");
  const std::string jsonl = TempPath("undated.jsonl");
  WriteFile(jsonl, "{\"id\": \"x\", \"text\": \"Russia attacked Ukraine.\"}\n");
  ReadOptions strict;
  strict.require_date = true;
  for (const std::string& path : {text, jsonl}) {
    Collected c = ReadAllDocs(path, strict);
    EXPECT_TRUE(c.docs.empty()) << path;
    EXPECT_EQ(c.stats.skipped, 1u) << path;
    ASSERT_FALSE(c.problems.empty());
    EXPECT_NE(c.problems[0].message.find("--date"), std::string::npos) << c.problems[0].message;
    Collected lenient = ReadAllDocs(path);
    ASSERT_EQ(lenient.docs.size(), 1u) << path;
    EXPECT_TRUE(lenient.docs[0].undated);
    EXPECT_EQ(lenient.docs[0].date, FormatIsoDate(TodayUtc()));
    ReadOptions dated = strict;
    dated.default_date = "2025-03-01";
    Collected given = ReadAllDocs(path, dated);
    ASSERT_EQ(given.docs.size(), 1u) << path;
    EXPECT_FALSE(given.docs[0].undated);
    EXPECT_EQ(given.docs[0].date, "2025-03-01");
  }
}

TEST(DocumentReader, ReadsGzipAndZstd) {
  const std::string gz = TempPath("b.jsonl.gz");
  gzFile g = gzopen(gz.c_str(), "wb");
  gzwrite(g, kJsonl.data(), static_cast<unsigned>(kJsonl.size()));
  gzclose(g);
  EXPECT_EQ(ReadAllDocs(gz).docs.size(), 2u);  // kJsonl's good records

  std::string z(ZSTD_compressBound(kJsonl.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), kJsonl.data(), kJsonl.size(), 3));
  const std::string zst = TempPath("c.jsonl.zst");
  WriteFile(zst, z);
  EXPECT_EQ(ReadAllDocs(zst).docs.size(), 2u);

  WriteFile(zst, z.substr(0, z.size() / 2));  // truncated
  Collected c = ReadAllDocs(zst);
  EXPECT_TRUE(c.status.ok());
  EXPECT_GE(c.stats.skipped, 1u);
}

TEST(DocumentReader, TextFileIsOneDocument) {
  const std::string path = TempPath("article.txt");
  WriteFile(path, std::string("Binary \0\xFF garbage and text.", 26));
  ReadOptions opts;
  opts.default_date = "2025-08-19";
  Collected c = ReadAllDocs(path, opts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "annals_ingest_article.txt");
  EXPECT_EQ(c.docs[0].date, "2025-08-19");
  EXPECT_EQ(c.docs[0].text.size(), 26u);  // raw bytes kept; the text stage repairs them
}

TEST(DocumentReader, MissingFileAndBadDate) {
  EXPECT_EQ(ReadAllDocs("/nonexistent/file.txt").status.code(), StatusCode::kNotFound);
  ReadOptions opts;
  opts.default_date = "2025-13-01";
  EXPECT_EQ(ReadAllDocs("/nonexistent/file.txt", opts).status.code(), StatusCode::kInvalidArgument);
}

TEST(DocumentReader, OverlongLineIsSkipped) {
  const std::string path = TempPath("long.jsonl");
  WriteFile(path, "{\"text\": \"" + std::string(5000, 'x') + "\"}\n{\"id\":\"ok\",\"text\":\"fine\"}\n");
  ReadOptions opts;
  opts.max_document_bytes = 1000;
  Collected c = ReadAllDocs(path, opts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "ok");
  EXPECT_EQ(c.stats.skipped, 1u);
}

}  // namespace
}  // namespace annals
