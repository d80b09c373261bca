// Tagger features, decoding and training (see tagger.h).
#include "syntax/tagger.h"

#include <algorithm>
#include <map>

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
  kTSuf5, kTPre4, kTAmb, kTAmbPrev, kTAmbNext, kTAmbNext2, kTAmbNextPair, kTPrevTagAmb,
  kTAmbWithNext, kTUnknownShape, kTNextAmbWord, kTPrevTagAmbNext, kTAmbPrev2,
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

namespace {

// The tag dictionary's UPOS bit of each UPOS name: numbered by first
// appearance in the class list (one place for Train() and Seen()).
std::map<std::string, int> UposBits(const std::vector<std::string>& upos) {
  std::map<std::string, int> bits;
  for (const std::string& u : upos) bits.try_emplace(u, static_cast<int>(bits.size()));
  return bits;
}

}  // namespace

void Tagger::Ambiguity(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb) const {
  amb->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = dictionary_.find(words[i].lower);
    (*amb)[i] = it == dictionary_.end() ? 0 : it->second;
  }
}

size_t Tagger::Features(const WordInfo* w, const uint64_t* amb, int n, int i, int t1, int t2,
                        bool extended, uint64_t* out) {
  const WordInfo& c = w[i];
  auto amb_at = [&](int k) -> uint64_t {
    if (k < 0) return kStartWord;
    if (k >= n) return kEndWord;
    return amb[k];
  };
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
  if (!extended) return k;
  out[k++] = FeatureKey(kTSuf5, c.suffix[4]);
  out[k++] = FeatureKey(kTPre4, c.prefix[3]);
  const uint64_t a0 = amb[i];
  out[k++] = FeatureKey(kTAmb, a0);
  out[k++] = FeatureKey(kTAmbPrev, amb_at(i - 1));
  out[k++] = FeatureKey(kTAmbNext, amb_at(i + 1));
  out[k++] = FeatureKey(kTAmbNext2, amb_at(i + 2));
  out[k++] = FeatureKey(kTAmbNextPair, amb_at(i + 1), amb_at(i + 2));
  out[k++] = FeatureKey(kTPrevTagAmb, ut1, a0);
  out[k++] = FeatureKey(kTAmbWithNext, a0, amb_at(i + 1));
  out[k++] = FeatureKey(kTNextAmbWord, c.norm, amb_at(i + 1));
  out[k++] = FeatureKey(kTPrevTagAmbNext, ut1, a0, amb_at(i + 1));
  out[k++] = FeatureKey(kTAmbPrev2, amb_at(i - 2), amb_at(i - 1));
  // Words outside the dictionary (unknown or rare): shape with the previous
  // tag and sentence position, which tells PROPN from NOUN/ADJ capitals.
  if (a0 == 0) out[k++] = FeatureKey(kTUnknownShape, ut1, c.shape, i == 0 ? 1 : 0);
  return k;
}

void Tagger::Tag(const std::vector<WordInfo>& words, std::vector<int>* tags) const {
  TagForced(words, nullptr, tags);
}

void Tagger::TagWith(const std::vector<WordInfo>& words, const std::vector<int>& forced,
                     std::vector<int>* tags) const {
  TagForced(words, forced.size() == words.size() ? forced.data() : nullptr, tags);
}

bool Tagger::Seen(const WordInfo& word, const std::string& upos) const {
  auto it = dictionary_.find(word.lower);
  auto bit = upos_bit_.find(upos);
  if (it == dictionary_.end() || bit == upos_bit_.end() || bit->second >= 48) return false;
  return ((it->second >> 16) & (1ull << bit->second)) != 0;
}

void Tagger::TagForced(const std::vector<WordInfo>& words, const int* forced, std::vector<int>* tags) const {
  const int n = static_cast<int>(words.size());
  tags->assign(words.size(), 0);
  std::vector<uint64_t> amb;
  Ambiguity(words, &amb);
  std::vector<float> scores(static_cast<size_t>(model_.classes()));
  uint64_t feats[kMaxFeatures];
  int t1 = kStartTag;
  int t2 = kStartTag;
  for (int i = 0; i < n; ++i) {
    const size_t nf = Features(words.data(), amb.data(), n, i, t1, t2, extended_, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(feats, nf, scores.data());
    const int best = forced != nullptr && forced[i] >= 0
                         ? forced[i]
                         : static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
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

  // Tag dictionary from the training words. The dictionary the training
  // sentences see is jackknifed (built without their own fold), so that the
  // tagger learns how far to trust it on text it was not built from.
  std::map<std::string, int> upos_bit = UposBits(upos);
  using Counts = std::unordered_map<uint64_t, std::vector<int>>;  // lower form -> per class
  const size_t folds = kDictionaryFolds;
  std::vector<Counts> fold_counts(folds);
  Counts counts;
  auto add = [&](Counts* m, uint64_t word, int tag) {
    std::vector<int>& c = (*m)[word];
    if (c.empty()) c.assign(static_cast<size_t>(classes), 0);
    ++c[static_cast<size_t>(tag)];
  };
  for (size_t si = 0; si < train.size(); ++si) {
    for (size_t i = 0; i < train_infos[si].size(); ++i) {
      add(&counts, train_infos[si][i].lower, train[si].tags[i]);
      add(&fold_counts[si % folds], train_infos[si][i].lower, train[si].tags[i]);
    }
  }
  // Dictionary value from per-class counts (0 when too rare).
  auto value = [&](const std::vector<int>& c, const std::vector<int>* minus) -> uint64_t {
    int total = 0, top = -1, top_count = 0;
    uint64_t mask = 0;
    auto count = [&](int t) {
      return c[static_cast<size_t>(t)] - (minus ? (*minus)[static_cast<size_t>(t)] : 0);
    };
    for (int t = 0; t < classes; ++t) {
      const int n = count(t);
      if (n <= 0) continue;
      total += n;
      if (n > top_count) {
        top = t;
        top_count = n;
      }
    }
    if (total < kMinDictionaryCount) return 0;
    // UPOS taken at least 1 time in 20 (rarer ones are mostly annotation noise).
    for (int t = 0; t < classes; ++t) {
      const int bit = upos_bit[upos[static_cast<size_t>(t)]];
      if (count(t) > 0 && count(t) * 20 >= total && bit < 48) mask |= 1ull << bit;
    }
    return (mask << 16) | static_cast<uint64_t>(top + 1);
  };
  std::unordered_map<uint64_t, uint64_t> dictionary;
  for (const auto& [word, c] : counts) {
    const uint64_t v = value(c, nullptr);
    if (v != 0) dictionary[word] = v;
  }
  std::vector<std::vector<uint64_t>> train_amb(train.size());
  for (size_t si = 0; si < train.size(); ++si) {
    const Counts& own = fold_counts[si % folds];
    train_amb[si].resize(train_infos[si].size());
    for (size_t i = 0; i < train_infos[si].size(); ++i) {
      const uint64_t word = train_infos[si][i].lower;
      train_amb[si][i] = value(counts.at(word), &own.at(word));
    }
  }

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
        const size_t nf = Features(words.data(), train_amb[si].data(), n, i, t1, t2, true, feats);
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
    current.upos_bit_ = upos_bit;
    current.xpos_ = xpos;
    current.dictionary_ = dictionary;
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
  out->U32(extended_ ? 1 : 0);
  // Dictionary sorted by key so the same model gives the same bytes.
  std::vector<std::pair<uint64_t, uint64_t>> entries(dictionary_.begin(), dictionary_.end());
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> keys, values;
  for (const auto& [k, v] : entries) {
    keys.push_back(k);
    values.push_back(v);
  }
  out->Vec(keys);
  out->Vec(values);
}

bool Tagger::Read(ByteReader* in, std::string* error, uint32_t version) {
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
  upos_bit_ = UposBits(upos_);
  dictionary_.clear();
  uint32_t extended = 0;
  if (version >= 2 && !in->U32(&extended)) {
    *error = "truncated tagger";
    return false;
  }
  extended_ = extended != 0;
  if (version < 2) return true;
  std::vector<uint64_t> keys, values;
  if (!in->Vec(&keys) || !in->Vec(&values) || keys.size() != values.size()) {
    *error = "bad tag dictionary";
    return false;
  }
  dictionary_.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) dictionary_[keys[i]] = values[i];
  return true;
}

}  // namespace annals::syntax
