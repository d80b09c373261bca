// Flat binary forms of tables built at start-up (the precomputed gazetteer,
// docs/formats/places.md): a writer that appends numbers, strings and
// vectors of plain values to one buffer, and a reader that takes them back
// out of one read of the file with a bounds check on every step, so that a
// truncated or corrupted file is an error value, never a read past the end.
//
// Numbers are written in the machine's byte order; a file says which order
// it was written in (kByteOrderMark) and a reader on another order refuses
// it. Vectors are copied with memcpy: T must be trivially copyable.
//
// Thread-safety: none; one writer or reader per thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace annals {

// Written first by a file's header; read back as another value on a machine
// of the other byte order.
constexpr uint32_t kByteOrderMark = 0x01020304u;

class BinaryWriter {
 public:
  template <class T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const size_t at = data_.size();
    data_.resize(at + sizeof(T));
    std::memcpy(data_.data() + at, &value, sizeof(T));
  }
  // A length (u64) and the bytes.
  void PutString(std::string_view s) {
    Put<uint64_t>(s.size());
    data_.append(s);
  }
  // A count (u64) and the elements' bytes.
  template <class T>
  void PutVector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    const size_t at = data_.size();
    data_.resize(at + v.size() * sizeof(T));
    if (!v.empty()) std::memcpy(data_.data() + at, v.data(), v.size() * sizeof(T));
  }
  const std::string& data() const { return data_; }
  std::string& data() { return data_; }

 private:
  std::string data_;
};

// Every Get returns false (and leaves the reader failed) when the value
// would run past the end; values are then unspecified.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}

  template <class T>
  bool Get(T* out) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!Take(sizeof(T))) return false;
    std::memcpy(out, data_.data() + pos_ - sizeof(T), sizeof(T));
    return true;
  }
  // A view into the reader's data, valid as long as it is.
  bool GetString(std::string_view* out) {
    uint64_t n = 0;
    if (!Get(&n) || !Take(n)) return false;
    *out = data_.substr(pos_ - n, n);
    return true;
  }
  bool GetString(std::string* out) {
    std::string_view v;
    if (!GetString(&v)) return false;
    out->assign(v);
    return true;
  }
  template <class T>
  bool GetVector(std::vector<T>* out) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    if (!Get(&n)) return false;
    if (n > (data_.size() - pos_) / sizeof(T)) {  // checked before n * sizeof(T) can overflow
      failed_ = true;
      return false;
    }
    if (!Take(n * sizeof(T))) return false;
    out->resize(n);
    if (n > 0) std::memcpy(out->data(), data_.data() + pos_ - n * sizeof(T), n * sizeof(T));
    return true;
  }

  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool Take(uint64_t n) {
    if (failed_ || n > data_.size() - pos_) {
      failed_ = true;
      return false;
    }
    pos_ += n;
    return true;
  }

  std::string_view data_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace annals
