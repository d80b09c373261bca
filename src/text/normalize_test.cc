// Normalisation: repair of invalid UTF-8 and NUL bytes, NFC, size cap.
#include "text/normalize.h"

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace annals {
namespace {

TEST(Normalize, AsciiUnchanged) {
  Document d;
  ASSERT_TRUE(NormalizeText("Plain text.", &d).ok());
  EXPECT_EQ(d.text, "Plain text.");
  EXPECT_TRUE(d.diagnostics.empty());
}

TEST(Normalize, RepairsInvalidUtf8AndNul) {
  Document d;
  d.id = "bad";
  ASSERT_TRUE(NormalizeText(std::string("ok \xFF\xFE x\0y", 9), &d).ok());
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_EQ(d.text.find('\0'), std::string::npos);
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_NE(d.diagnostics[0].message.find("bad"), std::string::npos);
}

TEST(Normalize, ComposesToNfc) {
  Document d;
  ASSERT_TRUE(NormalizeText("Ely\x73\xC3\xA9" "e Ele\xCC\x81" "e", &d).ok());
  EXPECT_EQ(d.text, "Elys\xC3\xA9" "e El\xC3\xA9" "e");
}

}  // namespace
}  // namespace annals
