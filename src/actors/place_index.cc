// Flat hash tables with linear probing; the key hash is FNV-1a so that a
// scan can extend it token by token, and a multiplicative mix spreads it
// over the slots.
#include "actors/place_index.h"

#include "base/hash.h"

namespace annals {
namespace {

size_t Slot(uint64_t hash, size_t mask) { return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> 17) & mask; }

// A slot holds id + 1 in its high half and the key hash's high half in its
// low half, so that a probe rejects other keys without touching them.
uint64_t SlotValue(uint32_t id, uint64_t hash) { return (static_cast<uint64_t>(id) + 1) << 32 | (hash >> 32); }

// 0 marks an empty prefix slot.
uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }

bool HasPrefix(const std::vector<uint64_t>& table, uint64_t hash) {
  if (table.empty()) return false;
  hash = NonZero(hash);
  const size_t mask = table.size() - 1;
  for (size_t i = Slot(hash, mask);; i = (i + 1) & mask) {
    if (table[i] == hash) return true;
    if (table[i] == 0) return false;
  }
}

size_t PowerOfTwoAtLeast(size_t n) {
  size_t p = 16;
  while (p < n) p <<= 1;
  return p;
}

}  // namespace

void PlaceIndex::Reserve(size_t keys, size_t bytes) {
  arena_.reserve(bytes);
  offset_.reserve(keys + 1);
  hash_.reserve(keys);
  if (slots_.size() < 2 * keys) {
    slots_.assign(PowerOfTwoAtLeast(2 * keys), 0);
    for (uint32_t id = 0; id < hash_.size(); ++id) InsertSlot(id);
  }
}

uint32_t PlaceIndex::Lookup(std::string_view key, uint64_t hash) const {
  if (slots_.empty()) return UINT32_MAX;
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = hash >> 32;
  for (size_t i = Slot(hash, mask);; i = (i + 1) & mask) {
    const uint64_t s = slots_[i];
    if (s == 0) return UINT32_MAX;
    if ((s & 0xFFFFFFFFull) != tag) continue;
    const auto id = static_cast<uint32_t>((s >> 32) - 1);
    if (hash_[id] == hash && std::string_view(arena_).substr(offset_[id], offset_[id + 1] - offset_[id]) == key) {
      return id;
    }
  }
}

void PlaceIndex::InsertSlot(uint32_t id) {
  const size_t mask = slots_.size() - 1;
  size_t i = Slot(hash_[id], mask);
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = SlotValue(id, hash_[id]);
}

void PlaceIndex::Grow() {
  slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, 0);
  for (uint32_t id = 0; id < hash_.size(); ++id) InsertSlot(id);
}

void PlaceIndex::InsertPrefix(uint64_t hash) {
  hash = NonZero(hash);
  if (2 * (prefix_count_ + 1) > prefixes_.size()) GrowPrefixes();
  const size_t mask = prefixes_.size() - 1;
  size_t i = Slot(hash, mask);
  while (prefixes_[i] != 0) {
    if (prefixes_[i] == hash) return;
    i = (i + 1) & mask;
  }
  prefixes_[i] = hash;
  ++prefix_count_;
}

void PlaceIndex::GrowPrefixes() {
  std::vector<uint64_t> old;
  old.swap(prefixes_);
  prefixes_.assign(old.empty() ? 16 : old.size() * 2, 0);
  const size_t mask = prefixes_.size() - 1;
  for (uint64_t h : old) {
    if (h == 0) continue;
    size_t i = Slot(h, mask);
    while (prefixes_[i] != 0) i = (i + 1) & mask;
    prefixes_[i] = h;
  }
}

uint32_t PlaceIndex::Add(std::string_view key) {
  if (key.empty()) return UINT32_MAX;
  const uint64_t hash = Fnv1a64(key);
  const uint32_t found = Lookup(key, hash);
  if (found != UINT32_MAX) return found;
  const auto id = static_cast<uint32_t>(hash_.size());
  arena_.append(key);
  offset_.push_back(static_cast<uint32_t>(arena_.size()));
  hash_.push_back(hash);
  if (2 * hash_.size() > slots_.size()) {
    Grow();
  } else {
    InsertSlot(id);
  }
  // Every prefix that ends at a space, with that space.
  uint64_t h = kFnvOffset;
  for (char c : key) {
    h = Fnv1a64(std::string_view(&c, 1), h);
    if (c == ' ') InsertPrefix(h);
  }
  return id;
}

void PlaceIndex::Write(BinaryWriter* out) const {
  out->PutString(arena_);
  out->PutVector(offset_);
  out->PutVector(hash_);
  // Reserve sized the slots for the shipped data; a smaller index is
  // written with the table its keys need (the same lookups).
  if (slots_.size() > PowerOfTwoAtLeast(2 * hash_.size())) {
    PlaceIndex compact;
    compact.hash_ = hash_;
    compact.slots_.assign(PowerOfTwoAtLeast(2 * hash_.size()), 0);
    for (uint32_t id = 0; id < hash_.size(); ++id) compact.InsertSlot(id);
    out->PutVector(compact.slots_);
  } else {
    out->PutVector(slots_);
  }
  out->PutVector(prefixes_);
  out->Put<uint64_t>(prefix_count_);
}

bool PlaceIndex::Read(BinaryReader* in) {
  uint64_t prefix_count = 0;
  const bool read = in->GetString(&arena_) && in->GetVector(&offset_) && in->GetVector(&hash_) &&
                    in->GetVector(&slots_) && in->GetVector(&prefixes_) && in->Get(&prefix_count);
  prefix_count_ = static_cast<size_t>(prefix_count);
  // What Lookup and HasPrefix rely on: offsets that rise within the arena,
  // power-of-two tables with at least one empty slot (a probe ends), slot
  // ids that name keys.
  auto power_of_two = [](size_t n) { return n == 0 || (n & (n - 1)) == 0; };
  bool ok = read && offset_.size() == hash_.size() + 1 && offset_.front() == 0 &&
            offset_.back() == arena_.size() && power_of_two(slots_.size()) && power_of_two(prefixes_.size()) &&
            (hash_.empty() || hash_.size() < slots_.size()) && (prefixes_.empty() || prefix_count_ < prefixes_.size());
  for (size_t i = 1; ok && i < offset_.size(); ++i) ok = offset_[i - 1] <= offset_[i];
  size_t used = 0;
  for (size_t i = 0; ok && i < slots_.size(); ++i) {
    if (slots_[i] == 0) continue;
    ++used;
    ok = (slots_[i] >> 32) <= hash_.size();
  }
  ok = ok && used == hash_.size();
  used = 0;
  for (uint64_t p : prefixes_) used += p != 0;
  ok = ok && used == prefix_count_;
  if (!ok) *this = PlaceIndex();
  return ok;
}

uint32_t PlaceIndex::Find(std::string_view key) const { return Lookup(key, Fnv1a64(key)); }

void PlaceIndex::Scan(const Document& doc, const TokenKeys& keys, uint32_t begin, uint32_t limit,
                      std::vector<PhraseMatcher::Hit>* hits) const {
  hits->clear();
  if (begin >= limit || begin >= keys.keys.size() || keys.keys[begin].empty()) return;
  if (limit > keys.keys.size()) limit = static_cast<uint32_t>(keys.keys.size());
  std::string key;
  uint64_t h = kFnvOffset;
  uint32_t last_end_byte = doc.tokens[begin].span.begin;
  for (uint32_t j = begin; j < limit && j - begin < PhraseMatcher::kMaxTokens; ++j) {
    const std::string& piece = keys.keys[j];
    if (piece.empty()) {
      // Names run through hyphens, dots and apostrophes ("Jong-un", "U.S.",
      // "O'Brien"), never through commas, brackets or quotes.
      if (doc.tokens[j].form.find_first_of(",;:()[]{}\"?!/") != std::string::npos) return;
      // Written without spaces around it, the piece joins its neighbours as
      // NameKey joins them in the name: "Bamingui-Bangoran" ->
      // "baminguibangoran", "Al-Safira" -> "alsafira".
      if (j > begin && doc.tokens[j].span.begin == last_end_byte) last_end_byte = doc.tokens[j].span.end;
      continue;
    }
    if (j > begin && doc.tokens[j].span.begin > last_end_byte) {
      // A whitespace gap: go on only if some key continues with a space here.
      if (!HasPrefix(prefixes_, Fnv1a64(" ", h))) return;
      key.push_back(' ');
      h = Fnv1a64(" ", h);
    }
    key += piece;
    h = Fnv1a64(piece, h);
    last_end_byte = doc.tokens[j].span.end;
    const uint32_t id = Lookup(key, h);
    if (id != UINT32_MAX) hits->push_back({j + 1, id});
  }
}

}  // namespace annals
