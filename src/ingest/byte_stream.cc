// Plain, gzip (zlib) and zstd inputs behind one interface.
#include "ingest/byte_stream.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace annals {

namespace {

class FileStream : public ByteStream {
 public:
  FileStream(FILE* f, bool owned) : f_(f), owned_(owned) {}
  ~FileStream() override {
    if (owned_) std::fclose(f_);
  }
  FileStream(const FileStream&) = delete;  // owns a FILE*
  FileStream& operator=(const FileStream&) = delete;
  Result<size_t> Read(char* buf, size_t n) override {
    if (!pending_.empty()) {  // bytes consumed by magic detection
      const size_t k = std::min(n, pending_.size());
      std::memcpy(buf, pending_.data(), k);
      pending_.erase(0, k);
      return k;
    }
    // At end of file, stop: on a terminal another read would wait for a
    // second Ctrl-D.
    if (std::feof(f_)) return size_t{0};
    const size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) return Status::IoError(std::string("read failed: ") + std::strerror(errno));
    return got;
  }
  std::string pending_;

 private:
  FILE* f_;
  bool owned_;
};

class GzipStream : public ByteStream {
 public:
  GzipStream(std::unique_ptr<FileStream> raw, std::string path) : raw_(std::move(raw)), path_(std::move(path)) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 15 + 32) == Z_OK;  // 32: accept gzip and zlib headers
    in_.resize(1 << 16);
  }
  ~GzipStream() override { inflateEnd(&z_); }
  GzipStream(const GzipStream&) = delete;  // owns zlib state
  GzipStream& operator=(const GzipStream&) = delete;
  Result<size_t> Read(char* buf, size_t n) override {
    if (!ok_) return Status::Internal("zlib initialisation failed");
    if (done_) return size_t{0};
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        Result<size_t> got = raw_->Read(in_.data(), in_.size());
        if (!got.ok()) return got.status();
        if (*got == 0) {
          return Status::InputError(path_ + ": truncated gzip stream");
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(*got);
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        // Concatenated gzip members are legal: continue if another member
        // follows. Anything else after a member (padding, garbage from a
        // transfer) is ignored with a notice, as gzip(1) does.
        Result<bool> more = NextMember();
        if (!more.ok()) return more.status();
        if (!*more) {
          done_ = true;
          break;
        }
        inflateReset(&z_);
        continue;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Status::InputError(path_ + ": corrupt gzip data" + (z_.msg ? std::string(": ") + z_.msg : ""));
      }
    }
    return n - z_.avail_out;
  }
  std::string notice() const override { return notice_; }

 private:
  // After a member's end: true when another gzip member follows; false at
  // the end of input or before trailing bytes that are no gzip member
  // (recorded in notice_).
  Result<bool> NextMember() {
    while (z_.avail_in < 2) {
      // Keep the byte left, read more behind it.
      const size_t have = z_.avail_in;
      if (have > 0) std::memmove(in_.data(), z_.next_in, have);
      Result<size_t> got = raw_->Read(in_.data() + have, in_.size() - have);
      if (!got.ok()) return got.status();
      z_.next_in = reinterpret_cast<Bytef*>(in_.data());
      z_.avail_in = static_cast<uInt>(have + *got);
      if (*got == 0) break;
    }
    if (z_.avail_in == 0) return false;
    if (z_.avail_in >= 2 && z_.next_in[0] == 0x1F && z_.next_in[1] == 0x8B) return true;
    notice_ = path_ + ": bytes after the end of the gzip data ignored (as gzip does)";
    return false;
  }

  std::unique_ptr<FileStream> raw_;
  std::string path_;
  z_stream z_;
  std::vector<char> in_;
  bool ok_ = false;
  bool done_ = false;
  std::string notice_;
};

class ZstdStream : public ByteStream {
 public:
  ZstdStream(std::unique_ptr<FileStream> raw, std::string path)
      : raw_(std::move(raw)), path_(std::move(path)), ctx_(ZSTD_createDStream()) {
    ZSTD_initDStream(ctx_);
    in_.resize(ZSTD_DStreamInSize());
  }
  ~ZstdStream() override { ZSTD_freeDStream(ctx_); }
  ZstdStream(const ZstdStream&) = delete;  // owns zstd state
  ZstdStream& operator=(const ZstdStream&) = delete;
  Result<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (ib_.pos == ib_.size) {
        Result<size_t> got = raw_->Read(in_.data(), in_.size());
        if (!got.ok()) return got.status();
        if (*got == 0) {
          if (last_ret_ != 0) return Status::InputError(path_ + ": truncated zstd stream");
          return size_t{0};
        }
        ib_ = ZSTD_inBuffer{in_.data(), *got, 0};
      }
      last_ret_ = ZSTD_decompressStream(ctx_, &out, &ib_);
      if (ZSTD_isError(last_ret_)) {
        return Status::InputError(path_ + ": corrupt zstd data: " + ZSTD_getErrorName(last_ret_));
      }
    }
    return out.pos;
  }

 private:
  std::unique_ptr<FileStream> raw_;
  std::string path_;
  ZSTD_DStream* ctx_;
  std::vector<char> in_;
  ZSTD_inBuffer ib_{nullptr, 0, 0};
  size_t last_ret_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> ByteStream::Open(const std::string& path) {
  FILE* f = nullptr;
  bool owned = true;
  if (path == "-") {
    f = stdin;
    owned = false;
  } else {
    f = std::fopen(path.c_str(), "rb");
    if (!f) {
      if (errno == ENOENT) return Status::NotFound(path + ": no such file");
      return Status::IoError(path + ": cannot open: " + std::strerror(errno));
    }
  }
  auto raw = std::make_unique<FileStream>(f, owned);
  char magic[4] = {0, 0, 0, 0};
  Result<size_t> got = raw->Read(magic, 4);
  if (!got.ok()) return Status::IoError(path + ": " + got.status().message());
  raw->pending_.assign(magic, *got);
  const auto m = [&](int i) { return static_cast<unsigned char>(magic[i]); };
  if (*got >= 2 && m(0) == 0x1F && m(1) == 0x8B) {
    return std::unique_ptr<ByteStream>(new GzipStream(std::move(raw), path));
  }
  if (*got >= 4 && m(0) == 0x28 && m(1) == 0xB5 && m(2) == 0x2F && m(3) == 0xFD) {
    return std::unique_ptr<ByteStream>(new ZstdStream(std::move(raw), path));
  }
  return std::unique_ptr<ByteStream>(std::move(raw));
}

LineReader::LineReader(std::unique_ptr<ByteStream> in, size_t max_line)
    : in_(std::move(in)), max_line_(max_line) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const size_t old = buf_.size();
  buf_.resize(old + (1 << 16));
  Result<size_t> got = in_->Read(buf_.data() + old, 1 << 16);
  if (!got.ok()) {
    status_ = got.status();
    buf_.resize(old);
    eof_ = true;
    return false;
  }
  buf_.resize(old + *got);
  if (*got == 0) eof_ = true;
  return *got > 0;
}

bool LineReader::Next(std::string* line, bool* truncated) {
  *truncated = false;
  line->clear();
  while (true) {
    const size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      const size_t len = nl - pos_;
      if (!*truncated) {
        const size_t room = max_line_ - std::min(max_line_, line->size());
        if (len > room) *truncated = true;
        line->append(buf_, pos_, std::min(len, room));
      }
      pos_ = nl + 1;
      break;
    }
    // No newline yet: keep what fits, drop the rest of an over-long line.
    if (buf_.size() - pos_ + line->size() > max_line_) {
      const size_t room = max_line_ - std::min(max_line_, line->size());
      line->append(buf_, pos_, std::min(room, buf_.size() - pos_));
      *truncated = true;
      pos_ = buf_.size();
    }
    if (!Fill()) {
      if (pos_ < buf_.size()) {  // last line without a newline
        const size_t room = max_line_ - std::min(max_line_, line->size());
        if (buf_.size() - pos_ > room) *truncated = true;
        line->append(buf_, pos_, std::min(room, buf_.size() - pos_));
        pos_ = buf_.size();
        break;
      }
      if (line->empty() && !*truncated) return false;
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  ++line_number_;
  return true;
}

Result<std::string> ReadAll(ByteStream* in, size_t max_bytes, const std::string& path) {
  std::string out;
  std::vector<char> buf(1 << 16);
  while (true) {
    Result<size_t> got = in->Read(buf.data(), buf.size());
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    if (out.size() + *got > max_bytes) {
      return Status::InputError(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.append(buf.data(), *got);
  }
  return out;
}

}  // namespace annals
