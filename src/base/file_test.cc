#include "base/file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace annals {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("annals_file_test_" + name)).string();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// ReadFile sizes its buffer from the file and reads it in one go; the
// contents must come back exactly, whatever the size, NUL bytes included.
TEST(ReadFile, ReturnsTheExactBytes) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{200001}}) {
    std::string bytes(size, 'x');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 7 % 256);
    const std::string path = TempPath(std::to_string(size));
    WriteBytes(path, bytes);
    Result<std::string> got = ReadFile(path);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, bytes) << size << " bytes";
    std::remove(path.c_str());
  }
}

// A file whose size stat() cannot tell (procfs reports 0) is read to its end.
TEST(ReadFile, ReadsFilesOfUnknownSize) {
  Result<std::string> got = ReadFile("/proc/self/status");
  if (!got.ok()) GTEST_SKIP() << "no /proc here";
  EXPECT_NE(got->find("Name:"), std::string::npos);
}

TEST(ReadFile, ReportsMissingFilesAndFolders) {
  EXPECT_EQ(ReadFile(TempPath("missing")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadFile(std::filesystem::temp_directory_path().string()).status().code(), StatusCode::kIoError);
}

// MappedFile gives the file's bytes as ReadFile does; an empty file maps to
// an empty view and a missing one is NotFound.
TEST(MappedFile, SameBytesAsReadFile) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{4097}}) {
    std::string bytes(size, 'x');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 13 % 256);
    const std::string path = TempPath("map" + std::to_string(size));
    WriteBytes(path, bytes);
    Result<std::unique_ptr<MappedFile>> mapped = MappedFile::Open(path);
    ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
    EXPECT_EQ((*mapped)->data(), bytes);
    std::remove(path.c_str());
  }
  Result<std::unique_ptr<MappedFile>> missing = MappedFile::Open(TempPath("no_such_file"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace annals
