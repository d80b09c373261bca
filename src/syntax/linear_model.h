// Sparse linear classifiers over hashed features: the scoring core shared by
// the tagger and the parser.
//
// A feature is a 64-bit hash of a template id and the values it reads (see
// FeatureKey). LinearModel maps each feature to the few classes it has a
// weight for and adds those weights into a score vector; that is the whole of
// inference, so a later, stronger scorer only has to offer the same Score().
// PerceptronTrainer learns an averaged perceptron (Collins 2002) and exports a
// LinearModel, dropping weights whose magnitude falls below a threshold.
//
// Thread-safety: LinearModel is immutable after construction and safe to
// share; PerceptronTrainer is single-threaded.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/serial.h"

namespace annals::syntax {

// Mixes values into a feature key (never 0: 0 marks an empty table slot).
inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 29;
  return h;
}
inline uint64_t FeatureKey(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix(Mix(Mix(tmpl * 0x100000001b3ull + 7, a), b), c);
  return h == 0 ? 1 : h;
}

class LinearModel {
 public:
  LinearModel() = default;
  int classes() const { return classes_; }
  size_t features() const { return used_; }
  size_t weights() const { return entries_.size(); }

  // scores[c] += sum of the weights of `feats` for class c. `scores` has
  // classes() entries. The table is far larger than the caches, so the
  // lookups are done in three passes -- prefetch the slots, find them and
  // prefetch their weights, then add -- letting the memory fetches of all
  // features overlap instead of paying one cache miss after another. Rows
  // with weights for many classes are kept dense (one float per class) so
  // their addition vectorises.
  void Score(const uint64_t* feats, size_t n, float* scores) const {
    constexpr size_t kBatch = 128;
    const Slot* found[kBatch];
    const size_t classes = static_cast<size_t>(classes_);
    for (size_t start = 0; start < n; start += kBatch) {
      const size_t m = n - start < kBatch ? n - start : kBatch;
      const uint64_t* f = feats + start;
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots_[static_cast<size_t>(f[i]) & mask_]);
      for (size_t i = 0; i < m; ++i) {
        const Slot* s = Find(f[i]);
        found[i] = s;
        if (s == nullptr) continue;
        if (s->count == kDenseRow) {
          const float* d = dense_.data() + s->begin;
          for (size_t c = 0; c < classes; c += 16) __builtin_prefetch(d + c);
        } else {
          __builtin_prefetch(entries_.data() + s->begin);
        }
      }
      for (size_t i = 0; i < m; ++i) {
        const Slot* s = found[i];
        if (s == nullptr) continue;
        if (s->count == kDenseRow) {
          const float* d = dense_.data() + s->begin;
          for (size_t c = 0; c < classes; ++c) scores[c] += d[c];
        } else {
          const Entry* e = entries_.data() + s->begin;
          for (uint32_t k = 0; k < s->count; ++k) scores[e[k].cls] += e[k].w;
        }
      }
    }
  }

  // A copy without the weights whose magnitude is below `threshold`.
  LinearModel Pruned(float threshold) const;

  void Write(ByteWriter* out) const;
  // Fails (DataError message) on inconsistent tables.
  bool Read(ByteReader* in, std::string* error);

 private:
  friend class PerceptronTrainer;
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;  // into entries_, or dense_ for a dense row
    uint32_t count = 0;  // entries, or kDenseRow
  };
  static constexpr uint32_t kDenseRow = 0xFFFFFFFFu;
  const Slot* Find(uint64_t key) const {
    size_t i = static_cast<size_t>(key) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  // Builds the open-addressing table from (key, begin, count) triples whose
  // entries are in entries_; long rows are copied into dense_.
  void BuildTable(const std::vector<Slot>& rows);
  struct Entry;
  void RowEntries(const Slot& s, std::vector<Entry>* out) const;

  int classes_ = 0;
  size_t used_ = 0;
  size_t mask_ = 0;
  std::vector<Slot> slots_{Slot{}};
  struct Entry {
    float w;
    uint32_t cls;
  };
  std::vector<Entry> entries_;
  std::vector<float> dense_;  // dense rows, classes_ floats each
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes) : classes_(classes) {}
  int classes() const { return classes_; }

  // scores[c] += current (not averaged) weights.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // One training instance: moves weights toward `truth` and away from
  // `guess` (no-op when equal). Call Tick() once per instance.
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  void Tick() { ++now_; }

  // The averaged model, weights with |w| < prune dropped.
  LinearModel Average(float prune) const;

 private:
  struct Entry {
    uint32_t cls;
    float w;
    double total;    // sum of w over past instances, up to `stamp`
    uint64_t stamp;  // instance count when `total` was last brought up to date
  };
  void Add(uint64_t key, int cls, float delta);

  int classes_;
  uint64_t now_ = 1;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace annals::syntax
