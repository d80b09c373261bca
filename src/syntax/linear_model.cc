// Averaged perceptron training and the compact hashed weight table.
#include "syntax/linear_model.h"

#include <algorithm>
#include <cmath>

namespace annals::syntax {

void LinearModel::BuildTable(const std::vector<Slot>& rows) {
  size_t size = 16;
  while (size < rows.size() * 2) size <<= 1;  // load factor <= 0.5
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  used_ = rows.size();
  for (const Slot& r : rows) {
    size_t i = static_cast<size_t>(r.key) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = r;
  }
}

void LinearModel::Write(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(classes_));
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  keys.reserve(used_);
  counts.reserve(used_);
  // Rows are written in table order; their entries are contiguous and in
  // the same order in cls_/w_ only if we rewrite them, so do that here.
  std::vector<uint16_t> cls;
  std::vector<float> w;
  cls.reserve(cls_.size());
  w.reserve(w_.size());
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    keys.push_back(s.key);
    counts.push_back(s.count);
    cls.insert(cls.end(), cls_.begin() + s.begin, cls_.begin() + s.begin + s.count);
    w.insert(w.end(), w_.begin() + s.begin, w_.begin() + s.begin + s.count);
  }
  out->Vec(keys);
  out->Vec(counts);
  out->Vec(cls);
  out->Vec(w);
}

bool LinearModel::Read(ByteReader* in, std::string* error) {
  uint32_t classes = 0;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  if (!in->U32(&classes) || !in->Vec(&keys) || !in->Vec(&counts) || !in->Vec(&cls_) ||
      !in->Vec(&w_)) {
    *error = "truncated weight table";
    return false;
  }
  if (classes == 0 || classes > 65535 || keys.size() != counts.size() ||
      cls_.size() != w_.size()) {
    *error = "inconsistent weight table";
    return false;
  }
  classes_ = static_cast<int>(classes);
  std::vector<Slot> rows(keys.size());
  uint64_t begin = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || counts[i] > cls_.size() - begin) {
      *error = "inconsistent weight table";
      return false;
    }
    rows[i] = Slot{keys[i], static_cast<uint32_t>(begin), counts[i]};
    begin += counts[i];
  }
  if (begin != cls_.size()) {
    *error = "inconsistent weight table";
    return false;
  }
  for (uint16_t c : cls_) {
    if (c >= classes_) {
      *error = "class out of range in weight table";
      return false;
    }
  }
  BuildTable(rows);
  return true;
}

void PerceptronTrainer::Score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = index_.find(feats[i]);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::Add(uint64_t key, int cls, float delta) {
  auto [it, inserted] = index_.try_emplace(key, static_cast<uint32_t>(rows_.size()));
  if (inserted) rows_.emplace_back();
  std::vector<Entry>& row = rows_[it->second];
  for (Entry& e : row) {
    if (e.cls == static_cast<uint32_t>(cls)) {
      e.total += static_cast<double>(now_ - e.stamp) * e.w;
      e.stamp = now_;
      e.w += delta;
      return;
    }
  }
  row.push_back(Entry{static_cast<uint32_t>(cls), delta, 0.0, now_});
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    Add(feats[i], truth, 1.0f);
    Add(feats[i], guess, -1.0f);
  }
}

LinearModel PerceptronTrainer::Average(float prune) const {
  LinearModel m;
  m.classes_ = classes_;
  std::vector<LinearModel::Slot> rows;
  // Deterministic order: by key.
  std::vector<std::pair<uint64_t, uint32_t>> order(index_.begin(), index_.end());
  std::sort(order.begin(), order.end());
  const double t = static_cast<double>(now_);
  for (const auto& [key, row_index] : order) {
    std::vector<Entry> row = rows_[row_index];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    const uint32_t begin = static_cast<uint32_t>(m.cls_.size());
    for (const Entry& e : row) {
      const double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      const float avg = static_cast<float>(total / t);
      if (std::fabs(avg) < prune) continue;
      m.cls_.push_back(static_cast<uint16_t>(e.cls));
      m.w_.push_back(avg);
    }
    const uint32_t count = static_cast<uint32_t>(m.cls_.size()) - begin;
    if (count > 0) rows.push_back(LinearModel::Slot{key, begin, count});
  }
  m.BuildTable(rows);
  return m;
}

}  // namespace annals::syntax
