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
  // Rows with weights for at least a quarter of the classes go dense: a
  // vectorised add of every class costs less than scattering that many.
  const uint32_t dense_from = std::max<uint32_t>(4, static_cast<uint32_t>(classes_) / 4);
  dense_.clear();
  for (const Slot& r : rows) {
    Slot slot = r;
    if (r.count >= dense_from) {
      slot.begin = static_cast<uint32_t>(dense_.size());
      slot.count = kDenseRow;
      dense_.resize(dense_.size() + static_cast<size_t>(classes_), 0.0f);
      for (uint32_t k = r.begin; k < r.begin + r.count; ++k) {
        dense_[slot.begin + entries_[k].cls] = entries_[k].w;
      }
    }
    size_t i = static_cast<size_t>(r.key) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

// Sparse rows of a slot, dense ones turned back into (class, weight) pairs.
void LinearModel::RowEntries(const Slot& s, std::vector<Entry>* out) const {
  out->clear();
  if (s.count != kDenseRow) {
    out->assign(entries_.begin() + s.begin, entries_.begin() + s.begin + s.count);
    return;
  }
  for (int c = 0; c < classes_; ++c) {
    const float w = dense_[s.begin + static_cast<size_t>(c)];
    if (w != 0.0f) out->push_back(Entry{w, static_cast<uint32_t>(c)});
  }
}

LinearModel LinearModel::Pruned(float threshold) const {
  LinearModel m;
  m.classes_ = classes_;
  std::vector<Slot> rows;
  std::vector<Entry> row;
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    const uint32_t begin = static_cast<uint32_t>(m.entries_.size());
    RowEntries(s, &row);
    for (const Entry& e : row) {
      if (std::fabs(e.w) < threshold) continue;
      m.entries_.push_back(e);
    }
    const uint32_t count = static_cast<uint32_t>(m.entries_.size()) - begin;
    if (count > 0) rows.push_back(Slot{s.key, begin, count});
  }
  std::sort(rows.begin(), rows.end(), [](const Slot& a, const Slot& b) { return a.key < b.key; });
  m.BuildTable(rows);
  return m;
}

void LinearModel::Write(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(classes_));
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  keys.reserve(used_);
  counts.reserve(used_);
  std::vector<uint16_t> cls;
  std::vector<float> w;
  cls.reserve(entries_.size());
  w.reserve(entries_.size());
  std::vector<Entry> row;
  // Table order depends only on the keys, so equal models write equal files.
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    RowEntries(s, &row);
    keys.push_back(s.key);
    counts.push_back(static_cast<uint32_t>(row.size()));
    for (const Entry& e : row) {
      cls.push_back(static_cast<uint16_t>(e.cls));
      w.push_back(e.w);
    }
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
  std::vector<uint16_t> cls;
  std::vector<float> w;
  if (!in->U32(&classes) || !in->Vec(&keys) || !in->Vec(&counts) || !in->Vec(&cls) ||
      !in->Vec(&w)) {
    *error = "truncated weight table";
    return false;
  }
  if (classes == 0 || classes > 65535 || keys.size() != counts.size() ||
      cls.size() != w.size()) {
    *error = "inconsistent weight table";
    return false;
  }
  classes_ = static_cast<int>(classes);
  std::vector<Slot> rows(keys.size());
  uint64_t begin = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || counts[i] > cls.size() - begin) {
      *error = "inconsistent weight table";
      return false;
    }
    rows[i] = Slot{keys[i], static_cast<uint32_t>(begin), counts[i]};
    begin += counts[i];
  }
  if (begin != cls.size()) {
    *error = "inconsistent weight table";
    return false;
  }
  entries_.resize(cls.size());
  for (size_t k = 0; k < cls.size(); ++k) {
    if (cls[k] >= classes_) {
      *error = "class out of range in weight table";
      return false;
    }
    entries_[k] = Entry{w[k], cls[k]};
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
    const uint32_t begin = static_cast<uint32_t>(m.entries_.size());
    for (const Entry& e : row) {
      const double total = e.total + static_cast<double>(now_ - e.stamp) * e.w;
      const float avg = static_cast<float>(total / t);
      if (std::fabs(avg) < prune) continue;
      m.entries_.push_back(LinearModel::Entry{avg, e.cls});
    }
    const uint32_t count = static_cast<uint32_t>(m.entries_.size()) - begin;
    if (count > 0) rows.push_back(LinearModel::Slot{key, begin, count});
  }
  m.BuildTable(rows);
  return m;
}

}  // namespace annals::syntax
