#include "base/tsv.h"

#include <gtest/gtest.h>

#include <string>

namespace annals {
namespace {

TEST(Tsv, ReadsHeaderRowsAndLines) {
  auto t = TsvTable::Parse("# comment\ncode\tname\n\n01\tSTATEMENT\n# x\n02\tAPPEAL\n", "mem.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->rows().size(), 2u);
  EXPECT_EQ(t->rows()[1].Get("name"), "APPEAL");
  EXPECT_EQ(t->rows()[1].line(), 6u);
  EXPECT_EQ(t->rows()[0].FieldError("code", "bad"), "mem.tsv:4:1: bad in column 'code': '01'");
  EXPECT_FALSE(t->RequireColumns({"code", "root"}).ok());
  TsvTable moved = std::move(t.value());
  EXPECT_EQ(moved.rows()[0].Get("code"), "01");
}

// Moving keeps the rows when the text's buffer moves with it (a long text)
// and re-splits when it is copied (a short one): either way the views point
// into the new table's text, and errors name its file and lines.
TEST(Tsv, MovedTableKeepsItsRowsAndErrors) {
  std::string long_text = "code\tname\n";
  for (int i = 0; i < 200; ++i) {
    const std::string n = std::to_string(i);
    long_text.append("c").append(n).append("\tname ").append(n).append("\n");
  }
  for (const std::string& text : {std::string("a\tb\nx\ty\n"), long_text}) {
    auto t = TsvTable::Parse(text, "moved.tsv");
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    const size_t rows = t->rows().size();
    TsvTable first = std::move(t.value());
    TsvTable second = std::move(first);
    EXPECT_TRUE(first.rows().empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
    ASSERT_EQ(second.rows().size(), rows);
    const TsvRow& last = second.rows().back();
    EXPECT_EQ(last.line(), rows + 1);
    EXPECT_EQ(last.Error("bad"), "moved.tsv:" + std::to_string(rows + 1) + ": bad");
    const std::string_view field = last.fields().back();
    EXPECT_EQ(field, text.size() > 100 ? "name 199" : "y");
  }
}

TEST(Tsv, RejectsInvalidUtf8WithLine) {
  auto t = TsvTable::Parse("a\tb\nx\t\xFF\n", "bad.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "bad.tsv:2: invalid UTF-8");
}

TEST(Tsv, MissingFileIsNotFound) {
  auto t = TsvTable::Load("/nonexistent/x.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace annals
