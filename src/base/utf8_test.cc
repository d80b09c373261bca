#include "base/utf8.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Utf8, DecodesAndRejects) {
  size_t p = 0;
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", &p), U'\u00e9');
  EXPECT_EQ(p, 2u);
  p = 0;
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", &p), kReplacementChar);  // overlong
  EXPECT_EQ(p, 1u);
  p = 0;
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", &p), kReplacementChar);  // surrogate
  p = 0;
  EXPECT_EQ(DecodeUtf8("\xE2\x82", &p), kReplacementChar);  // truncated
}

TEST(Utf8, RepairCountsAndKeepsValid) {
  Utf8Report r;
  const std::string out = RepairUtf8(std::string("a\xFF" "b\0c\xE2\x82\xAC", 8), &r);
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "bc\xE2\x82\xAC");
  EXPECT_EQ(r.invalid_sequences, 1u);
  EXPECT_EQ(r.nul_bytes, 1u);
  EXPECT_EQ(r.first_bad_offset, 1u);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

}  // namespace
}  // namespace annals
