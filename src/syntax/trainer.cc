// Syntax model training (see trainer.h).
#include "syntax/trainer.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "syntax/conllu.h"

namespace annals::syntax {
namespace {

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

struct TagSet {
  std::vector<std::string> upos, xpos;
  std::map<std::pair<std::string, std::string>, int> index;
  int Add(const std::string& u, const std::string& x) {
    auto [it, inserted] = index.try_emplace({u, x}, static_cast<int>(upos.size()));
    if (inserted) {
      upos.push_back(u);
      xpos.push_back(x);
    }
    return it->second;
  }
  int Get(const std::string& u, const std::string& x) const {
    auto it = index.find({u, x});
    return it == index.end() ? 0 : it->second;
  }
};

}  // namespace

Result<std::unique_ptr<SyntaxModel>> TrainSyntaxModel(const std::string& train_path,
                                                      const std::string& dev_path,
                                                      const TrainSyntaxOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&]() {
    return Fixed(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()) + "s";
  };
  Result<ConlluReadResult> train = ReadConllu(train_path);
  if (!train.ok()) return train.status();
  Result<ConlluReadResult> dev = ReadConllu(dev_path);
  if (!dev.ok()) return dev.status();
  for (const std::string& e : train->errors) log("warning: " + e);
  for (const std::string& e : dev->errors) log("warning: " + e);
  if (train->sentences.empty()) return Status::DataError(train_path + ": no usable sentences");
  if (dev->sentences.empty()) return Status::DataError(dev_path + ": no usable sentences");

  // News-shaped variants go after the originals; fold_of keeps each in the
  // jackknife fold of the sentence it was made from.
  const size_t originals = train->sentences.size();
  std::vector<size_t> origin;
  if (options.augment.any()) {
    AugmentCounts counts;
    std::vector<ConlluSentence> variants = AugmentForNews(train->sentences, options.augment, &origin, &counts);
    log("augmented: " + std::to_string(variants.size()) + " variants (bare subject " +
        std::to_string(counts.bare_subject) + ", temporal " + std::to_string(counts.temporal) +
        ", apposition " + std::to_string(counts.apposition) + ", title case " +
        std::to_string(counts.title_case) + ", lower case " + std::to_string(counts.lower_case) + ")");
    for (ConlluSentence& v : variants) train->sentences.push_back(std::move(v));
  }
  auto fold_of = [&](size_t i, size_t k) { return (i < originals ? i : origin[i - originals]) % k; };

  // Tag and label sets, in order of first appearance in train.
  TagSet tags;
  std::vector<std::string> labels;
  std::map<std::string, int> label_index;
  for (const ConlluSentence& s : train->sentences) {
    for (const ConlluWord& w : s.words) {
      tags.Add(w.upos, w.xpos);
      if (label_index.try_emplace(w.deprel, static_cast<int>(labels.size())).second) {
        labels.push_back(w.deprel);
      }
    }
  }
  auto to_tagged = [&](const std::vector<ConlluSentence>& sents) {
    std::vector<TaggedWords> out(sents.size());
    for (size_t i = 0; i < sents.size(); ++i) {
      for (const ConlluWord& w : sents[i].words) {
        out[i].forms.push_back(w.form);
        out[i].tags.push_back(tags.Get(w.upos, w.xpos));
      }
    }
    return out;
  };
  const std::vector<TaggedWords> train_tagged = to_tagged(train->sentences);
  const std::vector<TaggedWords> dev_tagged = to_tagged(dev->sentences);
  log("train: " + std::to_string(train->sentences.size()) + " sentences, dev: " +
      std::to_string(dev->sentences.size()) + ", " + std::to_string(tags.upos.size()) +
      " tags, " + std::to_string(labels.size()) + " labels");

  Tagger::TrainOptions topt;
  topt.epochs = options.tagger_epochs;
  topt.seed = options.seed;
  topt.prune = options.tagger_prune;
  topt.on_epoch = [&](int epoch, double acc) {
    log("tagger epoch " + std::to_string(epoch) + ": dev UPOS+XPOS accuracy " + Fixed(acc) + " (" +
        elapsed() + ")");
  };
  Tagger tagger = Tagger::Train(tags.upos, tags.xpos, train_tagged, dev_tagged, topt);

  // Tags the parser trains on.
  std::vector<std::vector<int>> train_tags(train_tagged.size());
  for (size_t i = 0; i < train_tagged.size(); ++i) train_tags[i] = train_tagged[i].tags;
  if (options.jackknife >= 2) {
    const size_t k = static_cast<size_t>(options.jackknife);
    Tagger::TrainOptions fold_opt = topt;
    fold_opt.on_epoch = nullptr;
    for (size_t fold = 0; fold < k; ++fold) {
      std::vector<TaggedWords> part_train, part_dev;
      for (size_t i = 0; i < train_tagged.size(); ++i) {
        (fold_of(i, k) == fold ? part_dev : part_train).push_back(train_tagged[i]);
      }
      Tagger fold_tagger = Tagger::Train(tags.upos, tags.xpos, part_train, part_dev, fold_opt);
      size_t correct = 0, total = 0;
      for (size_t i = 0; i < train_tagged.size(); ++i) {
        if (fold_of(i, k) != fold) continue;
        fold_tagger.Tag(ComputeWordInfos(train_tagged[i].forms), &train_tags[i]);
        for (size_t j = 0; j < train_tags[i].size(); ++j) correct += train_tags[i][j] == train_tagged[i].tags[j];
        total += train_tags[i].size();
      }
      log("jackknife fold " + std::to_string(fold + 1) + "/" + std::to_string(k) + ": accuracy " +
          Fixed(100.0 * static_cast<double>(correct) / static_cast<double>(total)) + " (" + elapsed() + ")");
    }
  }

  std::vector<LexiconSample> samples;
  for (size_t i = 0; i < originals; ++i) {
    const ConlluSentence& s = train->sentences[i];
    for (size_t j = 0; j < s.words.size(); ++j) {
      samples.push_back({s.words[j].form, train_tagged[i].tags[j], s.words[j].lemma, s.words[j].feats});
    }
  }
  Lemmatizer lemmatizer = Lemmatizer::Train(samples, static_cast<int>(tags.upos.size()));

  auto to_parser = [&](const std::vector<ConlluSentence>& sents, const std::vector<TaggedWords>& tagged,
                       const std::vector<std::vector<int>>* given_tags) {
    std::vector<ParserSentence> out(sents.size());
    for (size_t i = 0; i < sents.size(); ++i) {
      out[i].words = ComputeWordInfos(tagged[i].forms);
      if (given_tags != nullptr) {
        out[i].tags = (*given_tags)[i];
      } else {
        tagger.Tag(out[i].words, &out[i].tags);
      }
      for (const ConlluWord& w : sents[i].words) {
        out[i].heads.push_back(w.head < 0 ? 0 : w.head);
        auto it = label_index.find(w.deprel);
        out[i].labels.push_back(it == label_index.end() ? 0 : it->second);
      }
    }
    return out;
  };
  const std::vector<ParserSentence> parser_train = to_parser(train->sentences, train_tagged, &train_tags);
  const std::vector<ParserSentence> parser_dev = to_parser(dev->sentences, dev_tagged, nullptr);

  Parser::TrainOptions popt;
  popt.epochs = options.parser_epochs;
  popt.seed = options.seed;
  popt.prune = options.parser_prune;
  popt.patience = options.parser_patience;
  popt.on_epoch = [&](int epoch, double uas, double las) {
    log("parser epoch " + std::to_string(epoch) + ": dev UAS " + Fixed(uas) + " LAS " + Fixed(las) +
        " (predicted tags, " + elapsed() + ")");
  };
  Parser parser = Parser::Train(labels, parser_train, parser_dev, popt);

  std::string description = "trained on " + train_path + " (dev " + dev_path + "), seed " +
                            std::to_string(options.seed) + ", jackknife " +
                            std::to_string(options.jackknife);
  if (options.augment.any()) {
    const AugmentOptions& a = options.augment;
    description += ", augment " + Fixed(a.bare_subject) + "/" + Fixed(a.temporal) + "/" +
                   Fixed(a.apposition) + "/" + Fixed(a.title_case) + "/" + Fixed(a.lower_case) + " (" +
                   std::to_string(train->sentences.size() - originals) + " variants)";
  }
  log("done (" + elapsed() + ")");
  return std::make_unique<SyntaxModel>(std::move(tagger), std::move(lemmatizer), std::move(parser),
                                       std::move(description));
}

}  // namespace annals::syntax
