// Part-of-speech tagger: greedy left-to-right averaged perceptron that
// predicts the UPOS and XPOS of each word jointly (one class per pair seen
// in training), from the word, its affixes and shape, a window of two words
// each side, the two previous predictions and a tag dictionary: for each
// (lower-cased) word seen in training, the UPOS it took in at least 1 of 20
// occurrences and its most frequent class, looked up for the word and its
// neighbours. The dictionary gives the tagger a view of the right
// context's likely tags without a second pass. During training each sentence
// sees a dictionary built without its own fold (jackknifed), so that the
// tagger learns how far to trust it on new text.
//
// Thread-safety: a trained Tagger is immutable; Tag() is const and may be
// called from several threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/word_features.h"

namespace annals::syntax {

struct TaggedWords {
  std::vector<std::string> forms;
  std::vector<int> tags;  // class ids of the tagger
};

class Tagger {
 public:
  static constexpr int kMaxFeatures = 48;
  // Words seen fewer times in training are left out of the tag dictionary
  // (1: all; the jackknifed training dictionary already leaves out words
  // seen in one fold only, as new text would).
  static constexpr int kMinDictionaryCount = 1;
  // Folds of the jackknifed dictionary the training sentences see.
  static constexpr size_t kDictionaryFolds = 10;

  int classes() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int tag) const { return upos_[tag]; }
  const std::string& xpos(int tag) const { return xpos_[tag]; }
  // Class id for a UPOS/XPOS pair, or -1.
  int Find(const std::string& upos, const std::string& xpos) const;

  // Tags a sentence; tags->size() becomes words.size().
  void Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const;
  // Tags a sentence with some classes fixed: a word with forced[i] >= 0
  // takes that class, the others are predicted as by Tag() (seeing the
  // forced ones as their left context). forced.size() == words.size().
  void TagWith(const std::vector<WordInfo>& words, const std::vector<int>& forced,
               std::vector<int>* tags) const;
  // True when the tag dictionary saw the word as `upos` (in at least 1 of
  // 20 of its training occurrences).
  bool Seen(const WordInfo& word, const std::string& upos) const;

  struct TrainOptions {
    int epochs = 10;
    uint32_t seed = 1;
    float prune = 0.0f;
    // Called after each epoch with (epoch, accuracy on dev); returns false to
    // stop. May be empty.
    std::function<void(int, double)> on_epoch;
  };
  // Trains on `train` (tags are gold UPOS/XPOS pairs of `classes`), keeps the
  // epoch with the best accuracy on `dev`.
  static Tagger Train(const std::vector<std::string>& upos, const std::vector<std::string>& xpos,
                      const std::vector<TaggedWords>& train, const std::vector<TaggedWords>& dev,
                      const TrainOptions& options);

  // Drops weights below `threshold` (smaller, faster model).
  void Prune(float threshold) { model_ = model_.Pruned(threshold); }
  size_t weights() const { return model_.weights(); }
  size_t features() const { return model_.features(); }
  size_t dictionary_size() const { return dictionary_.size(); }

  // Writes the current format (model-file version 2: with the dictionary).
  void Write(ByteWriter* out) const;
  // Reads a tagger of model-file `version`: 1 (no dictionary; the version-1
  // feature set is then used, so older model files tag as before) or 2.
  bool Read(ByteReader* in, std::string* error, uint32_t version);

 private:
  static size_t Features(const WordInfo* w, const uint64_t* amb, int n, int i, int t1, int t2,
                         bool extended, uint64_t* out);
  // Tag() with optional forced classes (nullptr: none).
  void TagForced(const std::vector<WordInfo>& words, const int* forced, std::vector<int>* tags) const;
  // Dictionary value of each word (0 = not in the dictionary).
  void Ambiguity(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb) const;
  LinearModel model_;
  // Lower-cased form hash -> (UPOS bit set << 16) | (most frequent class + 1).
  std::unordered_map<uint64_t, uint64_t> dictionary_;
  bool extended_ = true;  // false for a version-1 tagger (no dictionary features)
  std::vector<std::string> upos_;
  std::vector<std::string> xpos_;
  std::map<std::string, int> upos_bit_;  // UPOS name -> its bit in dictionary_ values
};

// Word infos for a list of forms.
std::vector<WordInfo> ComputeWordInfos(const std::vector<std::string>& forms);

}  // namespace annals::syntax
