// Part-of-speech tagger: greedy left-to-right averaged perceptron that
// predicts the UPOS and XPOS of each word jointly (one class per pair seen
// in training), from the word, its affixes and shape, a window of two words
// each side and the two previous predictions.
//
// Thread-safety: a trained Tagger is immutable; Tag() is const and may be
// called from several threads at once.
#pragma once

#include <functional>
#include <string>
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
  static constexpr int kMaxFeatures = 40;

  int classes() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int tag) const { return upos_[tag]; }
  const std::string& xpos(int tag) const { return xpos_[tag]; }
  // Class id for a UPOS/XPOS pair, or -1.
  int Find(const std::string& upos, const std::string& xpos) const;

  // Tags a sentence; tags->size() becomes words.size().
  void Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const;

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

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in, std::string* error);

 private:
  static size_t Features(const WordInfo* w, int n, int i, int t1, int t2, uint64_t* out);
  LinearModel model_;
  std::vector<std::string> upos_;
  std::vector<std::string> xpos_;
};

// Word infos for a list of forms.
std::vector<WordInfo> ComputeWordInfos(const std::vector<std::string>& forms);

}  // namespace annals::syntax
