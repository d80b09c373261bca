#include "base/tsv.h"

#include <gtest/gtest.h>

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
