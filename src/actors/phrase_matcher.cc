// Phrase matching by incremental FNV hashes of key prefixes.
#include "actors/phrase_matcher.h"

#include "actors/name_key.h"
#include "base/hash.h"

namespace annals {

void TokenKeys::Build(const Document& doc) {
  keys.assign(doc.tokens.size(), std::string());
  for (size_t i = 0; i < doc.tokens.size(); ++i) keys[i] = NameKey(doc.tokens[i].form);
}

uint32_t PhraseMatcher::Add(const std::string& key) {
  if (key.empty()) return UINT32_MAX;
  const uint64_t whole = Fnv1a64(key, kFnvOffset);
  if (const uint32_t known = FindHashed(whole, key); known != UINT32_MAX) return known;
  const auto id = static_cast<uint32_t>(keys_.size());
  keys_.push_back(key);
  uint64_t h = kFnvOffset;
  for (char c : key) {
    h = Fnv1a64(std::string_view(&c, 1), h);
    AddPrefix(h);
  }
  AddWhole(whole, id);
  return id;
}

void PhraseMatcher::AddWhole(uint64_t h, uint32_t id) {
  if (h == 0) h = 1;
  if ((whole_count_ + 1) * 2 > wholes_.size()) {
    std::vector<Whole> old;
    old.swap(wholes_);
    wholes_.assign(old.empty() ? 1024 : old.size() * 2, Whole{});
    whole_count_ = 0;
    for (const Whole& o : old) {
      if (o.hash != 0) AddWhole(o.hash, o.id);
    }
  }
  // Distinct keys with one hash each get a slot; FindHashed compares keys.
  const size_t mask = wholes_.size() - 1;
  size_t i = h & mask;
  while (wholes_[i].hash != 0) i = (i + 1) & mask;
  wholes_[i] = Whole{h, id};
  ++whole_count_;
}

uint32_t PhraseMatcher::FindHashed(uint64_t h, std::string_view key) const {
  if (wholes_.empty()) return UINT32_MAX;
  if (h == 0) h = 1;
  const size_t mask = wholes_.size() - 1;
  for (size_t i = h & mask; wholes_[i].hash != 0; i = (i + 1) & mask) {
    if (wholes_[i].hash == h && keys_[wholes_[i].id] == key) return wholes_[i].id;
  }
  return UINT32_MAX;
}

bool PhraseMatcher::HasPrefix(uint64_t h) const {
  if (prefixes_.empty()) return false;
  if (h == 0) h = 1;
  const size_t mask = prefixes_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (prefixes_[i] == h) return true;
    if (prefixes_[i] == 0) return false;
  }
}

void PhraseMatcher::AddPrefix(uint64_t h) {
  if (h == 0) h = 1;
  // Keep the table at most half full (size a power of two).
  if ((prefix_count_ + 1) * 2 > prefixes_.size()) {
    std::vector<uint64_t> old;
    old.swap(prefixes_);
    prefixes_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    prefix_count_ = 0;
    for (uint64_t o : old) {
      if (o != 0) AddPrefix(o);
    }
  }
  const size_t mask = prefixes_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (prefixes_[i] == h) return;
    if (prefixes_[i] == 0) {
      prefixes_[i] = h;
      ++prefix_count_;
      return;
    }
  }
}

uint32_t PhraseMatcher::Find(std::string_view key) const { return FindHashed(Fnv1a64(key, kFnvOffset), key); }

void PhraseMatcher::Scan(const Document& doc, const TokenKeys& keys, uint32_t begin,
                         uint32_t limit, std::vector<Hit>* hits) const {
  hits->clear();
  if (begin >= limit || begin >= keys.keys.size() || keys.keys[begin].empty()) return;
  if (limit > keys.keys.size()) limit = static_cast<uint32_t>(keys.keys.size());
  std::string key;
  uint64_t h = kFnvOffset;
  uint32_t last_end_byte = doc.tokens[begin].span.begin;
  for (uint32_t j = begin; j < limit && j - begin < kMaxTokens; ++j) {
    const std::string& piece = keys.keys[j];
    if (piece.empty()) {
      // Names run through hyphens, dots and apostrophes ("Jong-un", "U.S.",
      // "O'Brien"), never through commas, brackets or quotes.
      if (doc.tokens[j].form.find_first_of(",;:()[]{}\"?!/") != std::string::npos) return;
      // Written without spaces around it, the piece joins its neighbours as
      // NameKey joins them in the name: "Bamingui-Bangoran" ->
      // "baminguibangoran".
      if (j > begin && doc.tokens[j].span.begin == last_end_byte) last_end_byte = doc.tokens[j].span.end;
      continue;
    }
    if (j > begin && doc.tokens[j].span.begin > last_end_byte) {
      key.push_back(' ');
      h = Fnv1a64(" ", h);
    }
    key += piece;
    h = Fnv1a64(piece, h);
    last_end_byte = doc.tokens[j].span.end;
    if (!HasPrefix(h)) return;
    const uint32_t id = FindHashed(h, key);
    if (id != UINT32_MAX) hits->push_back({j + 1, id});
  }
}

}  // namespace annals
