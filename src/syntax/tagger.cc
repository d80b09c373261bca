// Tagger features, decoding and training (see tagger.h).
#include "syntax/tagger.h"

#include <algorithm>

namespace annals::syntax {
namespace {

constexpr uint64_t kStartWord = 0x5354415254ull;  // values for padding positions
constexpr uint64_t kEndWord = 0x454e44ull;
constexpr int kStartTag = -1;

enum TaggerTemplate : uint64_t {
  kTBias = 1, kTWord, kTNorm, kTSuf1, kTSuf2, kTSuf3, kTSuf4, kTPre1, kTPre2, kTPre3,
  kTShape, kTPrevWord, kTNextWord, kTPrev2Word, kTNext2Word, kTPrevTag, kTPrevTags,
  kTPrevTagWord, kTPrevSuf3, kTNextSuf3, kTPrevShape, kTNextShape, kTWordNext, kTPrevWordWord,
  kTFirstShape, kTFlags, kTPrevTagSuf3, kTNextNextSuf, kTPrevTagNextWord,
};

}  // namespace

std::vector<WordInfo> ComputeWordInfos(const std::vector<std::string>& forms) {
  std::vector<WordInfo> infos(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) ComputeWordInfo(forms[i], &infos[i]);
  return infos;
}

int Tagger::Find(const std::string& upos, const std::string& xpos) const {
  for (size_t i = 0; i < upos_.size(); ++i) {
    if (upos_[i] == upos && xpos_[i] == xpos) return static_cast<int>(i);
  }
  return -1;
}

size_t Tagger::Features(const WordInfo* w, int n, int i, int t1, int t2, uint64_t* out) {
  const WordInfo& c = w[i];
  auto word_at = [&](int k) -> uint64_t {
    if (k < 0) return kStartWord;
    if (k >= n) return kEndWord;
    return w[k].norm;
  };
  auto suf3_at = [&](int k) -> uint64_t {
    if (k < 0) return kStartWord;
    if (k >= n) return kEndWord;
    return w[k].suffix[2];
  };
  auto shape_at = [&](int k) -> uint64_t {
    if (k < 0) return kStartWord;
    if (k >= n) return kEndWord;
    return w[k].shape;
  };
  const uint64_t ut1 = static_cast<uint64_t>(t1 + 2);
  const uint64_t ut2 = static_cast<uint64_t>(t2 + 2);
  size_t k = 0;
  out[k++] = FeatureKey(kTBias, 0);
  out[k++] = FeatureKey(kTWord, c.lower);
  out[k++] = FeatureKey(kTNorm, c.norm);
  out[k++] = FeatureKey(kTSuf1, c.suffix[0]);
  out[k++] = FeatureKey(kTSuf2, c.suffix[1]);
  out[k++] = FeatureKey(kTSuf3, c.suffix[2]);
  out[k++] = FeatureKey(kTSuf4, c.suffix[3]);
  out[k++] = FeatureKey(kTPre1, c.prefix[0]);
  out[k++] = FeatureKey(kTPre2, c.prefix[1]);
  out[k++] = FeatureKey(kTPre3, c.prefix[2]);
  out[k++] = FeatureKey(kTShape, c.shape);
  out[k++] = FeatureKey(kTPrevWord, word_at(i - 1));
  out[k++] = FeatureKey(kTNextWord, word_at(i + 1));
  out[k++] = FeatureKey(kTPrev2Word, word_at(i - 2));
  out[k++] = FeatureKey(kTNext2Word, word_at(i + 2));
  out[k++] = FeatureKey(kTPrevTag, ut1);
  out[k++] = FeatureKey(kTPrevTags, ut1, ut2);
  out[k++] = FeatureKey(kTPrevTagWord, ut1, c.norm);
  out[k++] = FeatureKey(kTPrevSuf3, suf3_at(i - 1));
  out[k++] = FeatureKey(kTNextSuf3, suf3_at(i + 1));
  out[k++] = FeatureKey(kTPrevShape, shape_at(i - 1));
  out[k++] = FeatureKey(kTNextShape, shape_at(i + 1));
  out[k++] = FeatureKey(kTWordNext, c.norm, word_at(i + 1));
  out[k++] = FeatureKey(kTPrevWordWord, word_at(i - 1), c.norm);
  out[k++] = FeatureKey(kTFirstShape, i == 0 ? 1 : 0, c.shape);
  out[k++] = FeatureKey(kTFlags, c.flags);
  out[k++] = FeatureKey(kTPrevTagSuf3, ut1, c.suffix[2]);
  out[k++] = FeatureKey(kTNextNextSuf, suf3_at(i + 1), suf3_at(i + 2));
  out[k++] = FeatureKey(kTPrevTagNextWord, ut1, word_at(i + 1));
  return k;
}

void Tagger::Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const {
  const int n = static_cast<int>(words.size());
  tags->assign(words.size(), 0);
  std::vector<float> scores(static_cast<size_t>(model_.classes()));
  uint64_t feats[kMaxFeatures];
  int t1 = kStartTag;
  int t2 = kStartTag;
  for (int i = 0; i < n; ++i) {
    const size_t nf = Features(words.data(), n, i, t1, t2, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(feats, nf, scores.data());
    const int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    (*tags)[i] = best;
    t2 = t1;
    t1 = best;
  }
}

Tagger Tagger::Train(const std::vector<std::string>& upos, const std::vector<std::string>& xpos,
                     const std::vector<TaggedWords>& train, const std::vector<TaggedWords>& dev,
                     const TrainOptions& options) {
  const int classes = static_cast<int>(upos.size());
  PerceptronTrainer trainer(classes);
  std::vector<std::vector<WordInfo>> train_infos;
  train_infos.reserve(train.size());
  for (const TaggedWords& s : train) train_infos.push_back(ComputeWordInfos(s.forms));
  std::vector<std::vector<WordInfo>> dev_infos;
  for (const TaggedWords& s : dev) dev_infos.push_back(ComputeWordInfos(s.forms));

  Tagger best;
  double best_acc = -1;
  std::vector<float> scores(static_cast<size_t>(classes));
  uint64_t feats[kMaxFeatures];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t si : ShuffledOrder(train.size(), options.seed + static_cast<uint32_t>(epoch))) {
      const std::vector<WordInfo>& words = train_infos[si];
      const int n = static_cast<int>(words.size());
      int t1 = kStartTag;
      int t2 = kStartTag;
      for (int i = 0; i < n; ++i) {
        const size_t nf = Features(words.data(), n, i, t1, t2, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(feats, nf, scores.data());
        const int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        trainer.Update(feats, nf, train[si].tags[i], guess);
        trainer.Tick();
        t2 = t1;
        t1 = guess;
      }
    }
    Tagger current;
    current.model_ = trainer.Average(options.prune);
    current.upos_ = upos;
    current.xpos_ = xpos;
    size_t correct = 0, total = 0;
    std::vector<int> tags;
    for (size_t si = 0; si < dev.size(); ++si) {
      current.Tag(dev_infos[si], &tags);
      for (size_t i = 0; i < tags.size(); ++i) correct += tags[i] == dev[si].tags[i];
      total += tags.size();
    }
    const double acc = total == 0 ? 0.0 : 100.0 * static_cast<double>(correct) / static_cast<double>(total);
    if (options.on_epoch) options.on_epoch(epoch, acc);
    if (acc > best_acc) {
      best_acc = acc;
      best = std::move(current);
    } else if (epoch >= 4 && acc + 0.05 < best_acc) {
      break;  // early stop: dev accuracy fell
    }
  }
  return best;
}

void Tagger::Write(ByteWriter* out) const {
  out->StrVec(upos_);
  out->StrVec(xpos_);
  model_.Write(out);
}

bool Tagger::Read(ByteReader* in, std::string* error) {
  if (!in->StrVec(&upos_) || !in->StrVec(&xpos_) || upos_.size() != xpos_.size() ||
      upos_.empty()) {
    *error = "bad tag set";
    return false;
  }
  if (!model_.Read(in, error)) return false;
  if (model_.classes() != static_cast<int>(upos_.size())) {
    *error = "tagger classes do not match its tag set";
    return false;
  }
  return true;
}

}  // namespace annals::syntax
