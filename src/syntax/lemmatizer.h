// Lemmas and morphological features from the treebank's own lexicon, then
// WordNet, then suffix rules for words neither knows.
//
// Lemma of (form, tag), in order (docs/syntax.md, "Lemmas"):
//  1. the most frequent lemma of (form, tag) in training (the EWT lexicon);
//  2. a proper noun (UPOS PROPN) keeps its form, except a plural one whose
//     singular WordNet spells with a capital ("Romans" -> "Roman");
//  3. the most frequent lemma of (lower-cased form, tag) in training; a form
//     with a typographic apostrophe (U+2019) is also looked up with "'";
//  4. for NOUN, VERB, ADJ and ADV, with WordNet attached: the lower-cased
//     form's WordNet exception for the part of speech; else the form itself
//     when its XPOS is not inflected (NN, VB, VBP, JJ, RB) and WordNet knows
//     it; else WordNet-morphy detachment rules chosen by the XPOS (NNS: -s,
//     -es, -ies; VBD/VBN: -ed, -ied; VBG: -ing; VBZ: -s, -es, -ies; JJR/JJS,
//     RBR/RBS: -er, -est) whose result must be a WordNet lemma of the part of
//     speech, undoing a doubled final consonant ("expelled" -> "expel") and
//     preferring "-e" after consonant-vowel-consonant ("hoped" -> "hope",
//     "rioted" -> "riot"); else the inflected form itself if WordNet knows
//     it; the part after the last hyphen is lemmatised the same way
//     ("re-elected" -> "re-elect");
//  5. only then a suffix rewrite rule ("strip 3, append y") learned per tag
//     and word ending, choosing the longest ending seen at least twice;
//  6. else the form.
// Step 2 needs the tag names (SetTagNames) and step 4 the WordNet lexicon
// (SetWordNet); without them those steps are skipped. Features: the most
// frequent FEATS of (lower-cased form, tag), else of the tag. Tags are the
// tagger's class ids (a UPOS/XPOS pair).
//
// Thread-safety: immutable once set up (Train()/Read(), then SetTagNames()
// and SetWordNet()); lookups are const.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/serial.h"
#include "syntax/wordnet.h"

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

  // The UPOS and XPOS of each tag id (the tagger's classes); both as long as
  // the tag count.
  void SetTagNames(const std::vector<std::string>& upos, const std::vector<std::string>& xpos);
  // The WordNet lexicon for step 4; may be null (step skipped).
  void SetWordNet(std::shared_ptr<const WordNet> wordnet);
  bool has_wordnet() const { return wordnet_ != nullptr; }
  const WordNet* wordnet() const { return wordnet_.get(); }

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

  // What the lemmatizer needs to know of a tag beyond its id.
  enum class Inflection : uint8_t { kBase, kPlural, kThirdSingular, kPast, kGerund, kComparative, kSuperlative };
  struct TagInfo {
    bool proper = false;       // UPOS PROPN
    bool wordnet = false;      // NOUN, VERB, ADJ or ADV: step 4 applies
    WordNetPos pos = WordNetPos::kNoun;
    Inflection inflection = Inflection::kBase;
  };
  bool LexiconLemma(std::string_view form, int tag, std::string* lemma) const;
  bool WordNetLemma(std::string_view lower, const TagInfo& info, std::string* lemma) const;
  bool Detach(std::string_view w, const TagInfo& info, std::string* lemma) const;
  bool IsTreebankLemma(std::string_view lemma) const;

  int tags_ = 0;
  Map lemma_exact_;  // form \t tag -> lemma
  Map lemma_lower_;  // lower(form) \t tag -> lemma
  Map rules_;        // suffix \t tag -> encoded rule (see lemmatizer.cc)
  Map feats_;        // lower(form) \t tag -> feats
  std::vector<std::string> tag_feats_;  // tag -> most frequent feats
  HashMap exact_hashed_, lower_hashed_, rules_hashed_, feats_hashed_;
  std::unordered_set<uint64_t> treebank_lemmas_;  // hashes of every lemma in lemma_exact_
  std::vector<TagInfo> tag_info_;                      // by tag id; empty before SetTagNames
  std::shared_ptr<const WordNet> wordnet_;
};

// The rule that rewrites `form` into `lemma`, encoded as
// "<strip>|<L or K>|<append>" (L: lower-case the form first, K: keep case).
std::string LemmaRule(std::string_view form, std::string_view lemma);
// Applies an encoded rule; returns false if it does not fit the form (too
// short, or the cut would split a UTF-8 sequence).
bool ApplyLemmaRule(std::string_view rule, std::string_view form, std::string* lemma);

}  // namespace annals::syntax
