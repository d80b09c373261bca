// WordLists: typed lookups, values, and bad rows reported by path:line:col.
#include "base/word_lists.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace annals {
namespace {

enum class TestList { kCue, kMonth };
constexpr std::string_view kNames[] = {"cue", "month"};

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(WordLists, LoadsTypedListsWithValues) {
  const std::string path = WriteTemp("lists.tsv",
                                     "# format: annals-wordlist v1\nlist\tword\tvalue\tnote\n"
                                     "cue\tsay\t\tthe commonest\ncue\tmake+clear\n"
                                     "month\tjan\t1\nmonth\tjanuary\t1\n");
  std::vector<std::string> warnings;
  auto lists = WordLists::Load(path, kNames, &warnings);
  ASSERT_TRUE(lists.ok()) << lists.status().ToString();
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(lists->Contains(TestList::kCue, "say"));
  EXPECT_TRUE(lists->Contains(TestList::kCue, "make+clear"));
  EXPECT_FALSE(lists->Contains(TestList::kMonth, "say"));
  EXPECT_EQ(lists->Value(TestList::kMonth, "jan"), "1");
  EXPECT_EQ(lists->Value(TestList::kCue, "say"), "");
  ASSERT_EQ(lists->Words(TestList::kMonth).size(), 2u);
  EXPECT_EQ(lists->Words(TestList::kMonth)[1], "january");
}

TEST(WordLists, BadRowsAreSkippedAndNamed) {
  const std::string path = WriteTemp("bad.tsv", "list\tword\ncue\tsay\ncues\tclaim\ncue\t\ncue\tsay\nmonth\tmay\n");
  std::vector<std::string> warnings;
  auto lists = WordLists::Load(path, kNames, &warnings);
  ASSERT_TRUE(lists.ok());
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("bad.tsv:3:1"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("'cues'"), std::string::npos);
  EXPECT_NE(warnings[1].find(":4:"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find("duplicate"), std::string::npos);
  EXPECT_TRUE(lists->Contains(TestList::kMonth, "may"));
}

TEST(WordLists, MissingFileOrColumnsFail) {
  std::vector<std::string> warnings;
  EXPECT_FALSE(WordLists::Load("no/such/file.tsv", kNames, &warnings).ok());
  const std::string path = WriteTemp("nocol.tsv", "name\tvalue\nx\ty\n");
  EXPECT_FALSE(WordLists::Load(path, kNames, &warnings).ok());
}

}  // namespace
}  // namespace annals
