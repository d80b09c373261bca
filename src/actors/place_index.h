// The gazetteer's name index: place-name keys (name_key.h) in flat
// open-addressing tables, built fast enough to load ~250,000 names at every
// start (docs/places.md, "Speed").
//
// It answers what PhraseMatcher answers (same Hit, same Scan contract:
// matches from token `begin`, shortest first, longest usable) with a leaner
// early stop: PhraseMatcher stores a hash for every byte prefix of every key
// (millions of set nodes here); this index stores only the prefixes that end
// where a key has a space ("new york " of "new york city"), and stops a scan
// at a whitespace gap whose prefix no key continues. Where the text glues
// tokens together ("al-Balah", "U.S.") the key continues without a space, so
// the scan goes on to the next gap (at most PhraseMatcher::kMaxTokens).
//
// Thread-safety: immutable after the last Add(); const methods are
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/phrase_matcher.h"
#include "annals/document.h"
#include "base/binary_io.h"

namespace annals {

class PlaceIndex {
 public:
  // Adds a key; returns its id (the same id for a key added twice).
  // Empty keys are ignored and return UINT32_MAX.
  uint32_t Add(std::string_view key);
  // Id of a key, or UINT32_MAX.
  uint32_t Find(std::string_view key) const;
  std::string key(uint32_t id) const {
    return std::string(arena_, offset_[id], offset_[id + 1] - offset_[id]);
  }
  size_t size() const { return hash_.size(); }
  // Capacity hints for `keys` keys of `bytes` bytes in all.
  void Reserve(size_t keys, size_t bytes);

  // The precomputed form (docs/formats/places.md): Write appends every table
  // to `out`; Read replaces this index with the tables read from `in` and
  // returns false, leaving the index empty, when they are cut short or do
  // not make a usable index (ids, offsets and probe chains out of range).
  void Write(BinaryWriter* out) const;
  bool Read(BinaryReader* in);

  // As PhraseMatcher::Scan.
  void Scan(const Document& doc, const TokenKeys& keys, uint32_t begin, uint32_t limit,
            std::vector<PhraseMatcher::Hit>* hits) const;

 private:
  uint32_t Lookup(std::string_view key, uint64_t hash) const;
  void InsertSlot(uint32_t id);
  void InsertPrefix(uint64_t hash);
  void Grow();
  void GrowPrefixes();

  std::string arena_;              // keys back to back
  std::vector<uint32_t> offset_ = {0};  // id -> start in arena_; one past the last
  std::vector<uint64_t> hash_;     // id -> FNV-1a of its key
  std::vector<uint64_t> slots_;    // (id + 1) << 32 | hash >> 32; 0 = empty
  std::vector<uint64_t> prefixes_;  // hashes of "words " prefixes; 0 = empty
  size_t prefix_count_ = 0;
};

}  // namespace annals
