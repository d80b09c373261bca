// Little-endian binary writing and bounds-checked reading for model files.
// ByteReader never reads past its buffer: every getter returns false once
// the data is exhausted, so a truncated or corrupt model fails cleanly.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace annals::syntax {

class ByteWriter {
 public:
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    buf_.append(s.data(), s.size());
  }
  template <typename T>
  void Vec(const std::vector<T>& v) {
    U64(v.size());
    if (!v.empty()) Raw(v.data(), v.size() * sizeof(T));
  }
  void StrVec(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) Str(s);
  }
  const std::string& data() const { return buf_; }
  std::string& data() { return buf_; }

 private:
  void Raw(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  std::string buf_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  bool U32(uint32_t* v) { return Raw(v, sizeof *v); }
  bool U64(uint64_t* v) { return Raw(v, sizeof *v); }
  bool F32(float* v) { return Raw(v, sizeof *v); }
  bool Str(std::string* s) {
    uint32_t n = 0;
    if (!U32(&n) || n > data_.size() - pos_) return false;
    s->assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool Vec(std::vector<T>* v) {
    uint64_t n = 0;
    if (!U64(&n) || n > (data_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    return n == 0 || Raw(v->data(), n * sizeof(T));
  }
  bool StrVec(std::vector<std::string>* v) {
    uint32_t n = 0;
    if (!U32(&n) || n > data_.size() - pos_) return false;
    v->resize(n);
    for (std::string& s : *v) {
      if (!Str(&s)) return false;
    }
    return true;
  }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool Raw(void* p, size_t n) {
    if (n > data_.size() - pos_) return false;
    std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace annals::syntax
