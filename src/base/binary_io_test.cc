// The binary reader against what the writer wrote: values come back
// exactly; a reader cut short anywhere fails instead of reading past the
// end, and a count larger than the data is refused before any allocation.
// And the content hash: stable, sensitive to every byte and to the length.
#include "base/binary_io.h"

#include <gtest/gtest.h>

#include "base/hash.h"

namespace annals {
namespace {

std::string Sample() {
  BinaryWriter w;
  w.Put<uint32_t>(7);
  w.PutString("Genève");
  w.PutVector(std::vector<uint64_t>{1, 2, 3});
  w.Put(2.5);
  return w.data();
}

bool ReadAll(std::string_view data, uint32_t* a, std::string* s, std::vector<uint64_t>* v, double* d) {
  BinaryReader r(data);
  return r.Get(a) && r.GetString(s) && r.GetVector(v) && r.Get(d) && r.at_end();
}

TEST(BinaryIoTest, ValuesComeBackExactly) {
  uint32_t a = 0;
  std::string s;
  std::vector<uint64_t> v;
  double d = 0;
  ASSERT_TRUE(ReadAll(Sample(), &a, &s, &v, &d));
  EXPECT_EQ(a, 7u);
  EXPECT_EQ(s, "Genève");
  EXPECT_EQ(v, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(d, 2.5);
}

TEST(BinaryIoTest, EveryTruncationFails) {
  const std::string data = Sample();
  for (size_t n = 0; n < data.size(); ++n) {
    uint32_t a = 0;
    std::string s;
    std::vector<uint64_t> v;
    double d = 0;
    EXPECT_FALSE(ReadAll(std::string_view(data).substr(0, n), &a, &s, &v, &d)) << n;
  }
}

TEST(BinaryIoTest, HugeCountsAreRefused) {
  BinaryWriter w;
  w.Put<uint64_t>(UINT64_MAX / 4);  // a vector count no data can hold
  w.Put<uint64_t>(1);
  BinaryReader r(w.data());
  std::vector<uint64_t> v;
  EXPECT_FALSE(r.GetVector(&v));
  EXPECT_TRUE(r.failed());
  BinaryReader again(w.data());
  std::string_view s;
  EXPECT_FALSE(again.GetString(&s));  // as a string length
  uint64_t x = 0;
  EXPECT_FALSE(again.Get(&x));  // a failed reader stays failed
}

TEST(ContentHashTest, StableAndSensitive) {
  const std::string text(1000, 'a');
  const uint64_t h = ContentHash64(text);
  for (size_t i = 0; i < text.size(); i += 37) {
    std::string changed = text;
    changed[i] = 'b';
    EXPECT_NE(ContentHash64(changed), h) << i;
  }
  EXPECT_NE(ContentHash64(text.substr(0, 999)), h);
  EXPECT_NE(ContentHash64(text + '\0'), h);
  EXPECT_NE(ContentHash64(text, 1), h);
  EXPECT_EQ(ContentHash64(text), h);
}

}  // namespace
}  // namespace annals
