// Sequential byte input from a file, standard input, or a gzip/zstd
// compressed file, chosen by the file's magic bytes (not its name).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "annals/status.h"

namespace annals {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Opens `path` ("-" = standard input). gzip and zstd are detected from the
  // first bytes and decompressed on the fly.
  static Result<std::unique_ptr<ByteStream>> Open(const std::string& path);
  // Reads up to n bytes; returns 0 at end of input. A corrupt compressed
  // stream is an InputError naming the path.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // After the end of input: what was accepted with a repair, for a warning
  // ("x.gz: bytes after the end of the gzip data ignored ..."); "" if none.
  virtual std::string notice() const { return ""; }
};

// Reads lines (without the trailing "\n" or "\r\n") from a ByteStream.
// A line longer than max_line bytes is returned truncated with
// *truncated = true and the rest of it skipped, so one corrupt line cannot
// exhaust memory.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteStream> in, size_t max_line);
  // Returns false at end of input; an I/O or decompression error ends the
  // input and is kept in status().
  bool Next(std::string* line, bool* truncated);
  size_t line_number() const { return line_number_; }
  const Status& status() const { return status_; }
  const ByteStream& stream() const { return *in_; }

 private:
  bool Fill();
  std::unique_ptr<ByteStream> in_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  size_t line_number_ = 0;
  Status status_;
};

// Reads everything (up to max_bytes; more is an InputError).
Result<std::string> ReadAll(ByteStream* in, size_t max_bytes, const std::string& path);

}  // namespace annals
