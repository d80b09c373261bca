// Document readers: good records, every kind of bad record, compression.
#include "ingest/document_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <sys/resource.h>

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


// The per-document bound (issue 17): a document over 8 MB -- which coding
// would hold as about 1 GB -- is reported and skipped, not coded.
TEST(DocumentReader, DocumentsOverThePerDocumentLimitAreSkipped) {
  const std::string path = TempPath("huge.txt");
  WriteFile(path, std::string(kDefaultMaxDocumentBytes + 1, 'a'));
  ReadOptions opts;
  opts.default_date = "2025-08-19";
  Collected c = ReadAllDocs(path, opts);
  EXPECT_TRUE(c.docs.empty());
  EXPECT_EQ(c.stats.skipped, 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].message.find("the per-document limit"), std::string::npos) << c.problems[0].message;
  WriteFile(path, std::string(kDefaultMaxDocumentBytes, 'a'));
  EXPECT_EQ(ReadAllDocs(path, opts).docs.size(), 1u);
}

// Issue 17.8: a record whose text holds invalid UTF-8 (or an escaped lone
// surrogate) is repaired as a text file would be, not dropped.
TEST(DocumentReader, InvalidUtf8InsideAJsonlStringIsRepaired) {
  const std::string path = TempPath("utf8.jsonl");
  WriteFile(path, "{\"id\":\"a\",\"date\":\"2025-08-19\",\"text\":\"Kyiv \xFF\xFE said.\"}\n"
                  "{\"id\":\"b\",\"date\":\"2025-08-19\",\"text\":\"x \\ud800 y \\udc00 z \\ud83d\\ude00 \\\\ud800\"}\n");
  Collected c = ReadAllDocs(path);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.stats.skipped, 0u);
  EXPECT_EQ(c.docs[0].text, "Kyiv \xEF\xBF\xBD\xEF\xBF\xBD said.");
  // Lone surrogates become U+FFFD; the pair stays one emoji; an escaped
  // backslash before "ud800" is no escape at all.
  EXPECT_EQ(c.docs[1].text, "x \xEF\xBF\xBD y \xEF\xBF\xBD z \xF0\x9F\x98\x80 \\ud800");
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_NE(c.problems[0].message.find(":1: 2 invalid UTF-8 byte(s) replaced"), std::string::npos);
  EXPECT_NE(c.problems[1].message.find(":2: 2 escaped lone UTF-16 surrogate(s)"), std::string::npos);
  EXPECT_EQ(c.problems[1].severity, "warning");
}

long PeakRssKib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Issue 17.5: only the fields Annals uses are kept, with a depth cap, so a
// 20 MB line of nested brackets costs its own bytes, not gigabytes.
TEST(DocumentReader, DeeplyNestedJsonIsRefusedInBoundedMemory) {
  const std::string path = TempPath("nested.jsonl");
  const size_t n = size_t{20} << 20;
  WriteFile(path, "{\"junk\": " + std::string(n, '[') + "\n{\"id\":\"ok\",\"date\":\"2025-08-19\",\"x\":[[[{\"y\":[1,"
                  "\"z\"]}]]],\"text\":\"fine\"}\n");
  const long before = PeakRssKib();
  ReadOptions opts;
  opts.max_document_bytes = size_t{64} << 20;  // the depth cap, not the size cap, refuses it
  Collected c = ReadAllDocs(path, opts);
  const long grown_mib = (PeakRssKib() - before) / 1024;
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "ok");
  EXPECT_EQ(c.docs[0].text, "fine");
  ASSERT_EQ(c.stats.skipped, 1u);
  EXPECT_NE(c.problems[0].message.find(":1: JSON nested deeper than 64 levels"), std::string::npos);
  // The line (20 MB) and the reader's buffer; the DOM reader took 1.6 GB.
  EXPECT_LT(grown_mib, 200) << "peak RSS grew by " << grown_mib << " MiB";
}

TEST(DocumentReader, OnlyTopLevelStringFieldsAreRead) {
  const std::string path = TempPath("fields.jsonl");
  WriteFile(path,
            "{\"text\":\"one\",\"id\":\"a\",\"meta\":{\"text\":\"nested\",\"id\":\"n\"},\"date\":\"2025-08-19\"}\n"
            "{\"id\":\"b\",\"text\":{\"body\":\"x\"},\"date\":\"2025-08-19\"}\n"
            "{\"id\":12,\"date\":\"2025-08-19\",\"text\":\"t\",\"text\":\"last wins\",\"title\":5}\n"
            "\"just a string\"\n");
  Collected c = ReadAllDocs(path);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].text, "one");
  EXPECT_EQ(c.docs[1].id, "12");
  EXPECT_EQ(c.docs[1].text, "last wins");
  EXPECT_EQ(c.docs[1].title, "");
  EXPECT_EQ(c.stats.skipped, 2u);
}

std::string Gzip(const std::string& text) {
  const std::string tmp = TempPath("member.gz");
  gzFile g = gzopen(tmp.c_str(), "wb");
  gzwrite(g, text.data(), static_cast<unsigned>(text.size()));
  gzclose(g);
  std::ifstream in(tmp, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Issue 17.8: bytes after the last gzip member are ignored with a warning,
// as gzip(1) does, instead of rejecting the whole file.
TEST(DocumentReader, TrailingBytesAfterGzipDataAreIgnoredWithAWarning) {
  const std::string two_members = Gzip(kJsonl.substr(0, 100)) + Gzip(kJsonl.substr(100));
  for (const std::string& tail : {std::string(), std::string(512, '\0'), std::string("garbage\n"), std::string(1, '\x1F')}) {
    const std::string path = TempPath("tail.jsonl.gz");
    WriteFile(path, two_members + tail);
    Collected c = ReadAllDocs(path);
    EXPECT_TRUE(c.status.ok());
    EXPECT_EQ(c.docs.size(), 2u) << tail.size();  // kJsonl's good records
    size_t notices = 0;
    for (const Diagnostic& p : c.problems) {
      if (p.message.find("bytes after the end of the gzip data ignored") != std::string::npos) ++notices;
    }
    EXPECT_EQ(notices, tail.empty() ? 0u : 1u);
  }
  const std::string text = TempPath("tail.txt.gz");
  WriteFile(text, Gzip("Macron met Starmer.\n") + "\r\n");
  ReadOptions opts;
  opts.default_date = "2025-08-19";
  Collected c = ReadAllDocs(text, opts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Macron met Starmer.\n");
}

}  // namespace
}  // namespace annals
