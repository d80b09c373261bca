// Lemmas and morphological features from a lexicon learned from the
// treebank plus suffix rules for words it has not seen.
//
// Lemma: the most frequent lemma of (form, tag) in training; else of
// (lower-cased form, tag); else a suffix rewrite rule ("strip 3, append y")
// learned per tag and word ending, choosing the longest ending seen at least
// twice. Features: the most frequent FEATS of (lower-cased form, tag), else
// of the tag. Tags are the tagger's class ids (a UPOS/XPOS pair).
//
// Thread-safety: immutable after Train()/Read(); lookups are const.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/serial.h"

namespace annals::syntax {

struct LexiconSample {
  std::string form;
  int tag = 0;
  std::string lemma;
  std::string feats;
};

class Lemmatizer {
 public:
  std::string Lemma(std::string_view form, int tag) const;
  const std::string& Feats(std::string_view form, int tag) const;

  static Lemmatizer Train(const std::vector<LexiconSample>& samples, int tags);

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in, std::string* error);

 private:
  static constexpr size_t kMaxSuffix = 6;
  using Map = std::unordered_map<std::string, std::string>;
  static std::string Key(std::string_view form, int tag);
  static void WriteMap(const Map& m, ByteWriter* out);
  static bool ReadMap(ByteReader* in, Map* m);

  // At run time the tables are keyed by the 64-bit hash of their key
  // string, computed on the fly from the form without building the key.
  using HashMap = std::unordered_map<uint64_t, std::string>;
  static HashMap Hashed(const Map& m);
  static uint64_t KeyHash(std::string_view form, bool lower, int tag);
  void BuildHashed();

  int tags_ = 0;
  Map lemma_exact_;  // form \t tag -> lemma
  Map lemma_lower_;  // lower(form) \t tag -> lemma
  Map rules_;        // suffix \t tag -> encoded rule (see lemmatizer.cc)
  Map feats_;        // lower(form) \t tag -> feats
  std::vector<std::string> tag_feats_;  // tag -> most frequent feats
  HashMap exact_hashed_, lower_hashed_, rules_hashed_, feats_hashed_;
};

// The rule that rewrites `form` into `lemma`, encoded as
// "<strip>|<L or K>|<append>" (L: lower-case the form first, K: keep case).
std::string LemmaRule(std::string_view form, std::string_view lemma);
// Applies an encoded rule; returns false if it does not fit the form.
bool ApplyLemmaRule(std::string_view rule, std::string_view form, std::string* lemma);

}  // namespace annals::syntax
