// Labeled dependency parser: greedy arc-hybrid transition system (Kuhlmann
// et al. 2011) scored by an averaged perceptron over Zhang & Nivre (2011)
// style features, trained with the dynamic oracle of Goldberg & Nivre (2013).
//
// Transitions: SHIFT; LEFT-l (s0 <- b0 with label l, pop s0); RIGHT-l
// (s1 -> s0 with label l, pop s0). The artificial root sits at the bottom of
// the stack and may take a dependent only when the buffer is empty, so every
// sentence gets exactly one root and a well-formed tree. Parsing is 2n
// transitions with constant work each: linear in sentence length.
//
// Non-projective training trees are projectivised by lifting (the shortest
// non-projective arc moves to its grandparent until none is left); the parser
// then outputs projective trees.
//
// Thread-safety: a trained Parser is immutable; Parse() is const.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/word_features.h"

namespace annals::syntax {

// One sentence as the parser sees it. heads: 0 = root, else 1-based.
struct ParserSentence {
  std::vector<WordInfo> words;
  std::vector<int> tags;    // tagger class ids
  std::vector<int> heads;   // gold heads (training only)
  std::vector<int> labels;  // gold label ids (training only)
};

class Parser {
 public:
  static constexpr int kMaxFeatures = 96;

  int labels() const { return static_cast<int>(labels_.size()); }
  const std::string& label(int id) const { return labels_[id]; }
  int FindLabel(const std::string& label) const;

  // Parses words with their tags. heads[i] = 0 for the root, else the
  // 1-based id of the head; labels are label ids.
  void Parse(const std::vector<WordInfo>& words, const std::vector<int>& tags,
             std::vector<int>* heads, std::vector<int>* labels) const;

  struct TrainOptions {
    int epochs = 15;
    uint32_t seed = 1;
    float prune = 0.0f;
    double explore = 0.9;  // chance of following a wrong prediction (epoch > 1)
    int patience = 3;      // epochs without dev improvement before stopping
    // Called after each epoch with (epoch, dev UAS, dev LAS).
    std::function<void(int, double, double)> on_epoch;
  };
  // Trains on `train` (gold heads/labels, possibly non-projective), keeps the
  // epoch with the best dev LAS. `dev` is scored against its own gold trees.
  static Parser Train(const std::vector<std::string>& labels,
                      const std::vector<ParserSentence>& train,
                      const std::vector<ParserSentence>& dev, const TrainOptions& options);

  // Drops weights below `threshold` (smaller, faster model).
  void Prune(float threshold) { model_ = model_.Pruned(threshold); }
  size_t weights() const { return model_.weights(); }
  size_t features() const { return model_.features(); }

  void Write(ByteWriter* out) const;
  bool Read(ByteReader* in, std::string* error);

 private:
  LinearModel model_;
  std::vector<std::string> labels_;
};

// Lifts non-projective arcs until the tree is projective (heads as above).
// Returns the number of arcs lifted.
int Projectivize(std::vector<int>* heads);

}  // namespace annals::syntax
