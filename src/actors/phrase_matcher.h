// A phrase matcher over token sequences, by name key (name_key.h).
//
// Phrases are stored by the 64-bit FNV hash of their key (the key itself
// compared on a hit); every byte prefix of every key is also stored as a
// hash so that a scan stops as soon as the text can no longer begin a known
// phrase. A scan extends one hash token by token, so it finds phrases by the
// hash it already has instead of hashing the accumulated key again. A scan from token i appends the keys of
// tokens i, i+1, ... (with one space where the text had whitespace) and
// reports each token position where the accumulated key is a phrase, so the
// caller can take the longest one that also passes the case check.
//
// Because keys ignore punctuation and token boundaries, "U.S." tokenised as
// one token or three, or "Jong-un" as one or three, match alike.
//
// Thread-safety: immutable after the last Add(); Scan() is const.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals {

// Per-document token keys, computed once and shared by every matcher.
struct TokenKeys {
  std::vector<std::string> keys;  // NameKey(token.form); "" for punctuation
  // Builds keys for tokens [begin, end) of doc (others stay empty).
  void Build(const Document& doc);
};

class PhraseMatcher {
 public:
  struct Hit {
    uint32_t token_end = 0;  // one past the last token of the match
    uint32_t phrase = 0;     // id returned by Add()
  };

  // Adds a phrase by key; returns its id (the same id for a key added
  // twice). Empty keys are ignored and return UINT32_MAX.
  uint32_t Add(const std::string& key);
  const std::string& key(uint32_t id) const { return keys_[id]; }
  // Phrase id of a key, or UINT32_MAX.
  uint32_t Find(std::string_view key) const;
  size_t size() const { return keys_.size(); }

  // Matches starting at token `begin` and ending no later than `limit`
  // (exclusive; e.g. the end of the sentence), shortest first, at most
  // kMaxTokens tokens. *hits is cleared first.
  void Scan(const Document& doc, const TokenKeys& keys, uint32_t begin, uint32_t limit,
            std::vector<Hit>* hits) const;

  static constexpr uint32_t kMaxTokens = 12;

 private:
  // Open-addressing set of the prefix hashes (0 marks an empty slot; a hash
  // of 0 is stored as 1). With tens of thousands of names a node-based set
  // made building the matcher a large share of start-up time.
  bool HasPrefix(uint64_t h) const;
  void AddPrefix(uint64_t h);
  // The phrase whose key is `key`, whose FNV hash is `h`; UINT32_MAX if none.
  uint32_t FindHashed(uint64_t h, std::string_view key) const;
  void AddWhole(uint64_t h, uint32_t id);

  struct Whole {
    uint64_t hash = 0;  // 0: empty slot (a hash of 0 is stored as 1)
    uint32_t id = 0;
  };

  std::vector<std::string> keys_;
  std::vector<uint64_t> prefixes_;
  size_t prefix_count_ = 0;
  std::vector<Whole> wholes_;  // open addressing, at most half full
  size_t whole_count_ = 0;
};

}  // namespace annals
