// Syntax stage: runs the syntax model over each sentence of a document and
// writes the results into its tokens (see syntax_stage.h).
#include "syntax/syntax_stage.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "base/file.h"
#include "syntax/syntax_model.h"
#include "syntax/tree_repair.h"

namespace annals {
namespace {

enum class TreeRepair : uint8_t { kOn, kOff };

class SyntaxStage final : public Stage {
 public:
  SyntaxStage(std::unique_ptr<syntax::SyntaxModel> model, TreeRepair repair)
      : model_(std::move(model)), repair_(repair) {}

  std::string_view name() const override { return "syntax"; }
  uint32_t needs() const override { return kLayerTokens | kLayerSentences; }
  uint32_t fills() const override { return kLayerTags | kLayerParse; }

  Status Process(Document* doc) const override {
    Scratch scratch;
    for (size_t si = 0; si < doc->sentences.size(); ++si) {
      if (CheckRange(doc, si)) AnalyzeSentence(doc, si, &scratch);
    }
    return Status::Ok();
  }

  // Per-thread buffers, reused from sentence to sentence.
  struct Scratch {
    syntax::SentenceAnalysis analysis;
    std::vector<std::string_view> forms;
  };

  // False (with a warning on the document) for a sentence whose token range
  // is invalid: it is not parsed.
  static bool CheckRange(Document* doc, size_t si) {
    const Sentence& s = doc->sentences[si];
    if (s.token_begin <= s.token_end && s.token_end <= doc->tokens.size()) return true;
    doc->diagnostics.push_back(
        {"warning", "syntax: sentence " + std::to_string(si) + " has an invalid token range; not parsed"});
    return false;
  }

  // Analyses sentence `si` (its range checked), writing only its tokens.
  void AnalyzeSentence(Document* doc, size_t si, Scratch* scratch) const {
    const Sentence& s = doc->sentences[si];
    if (s.token_begin == s.token_end) return;
    std::vector<std::string_view>& forms = scratch->forms;
    syntax::SentenceAnalysis& analysis = scratch->analysis;
    forms.clear();
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc->tokens[t];
      // A token whose form was left empty is read from its span.
      forms.push_back(tok.form.empty() && tok.span.end <= doc->text.size() && tok.span.begin <= tok.span.end
                          ? doc->SpanText(tok.span)
                          : std::string_view(tok.form));
    }
    model_->Analyze(forms, &analysis);
    const syntax::Tagger& tagger = model_->tagger();
    for (uint32_t i = 0; i < s.size(); ++i) {
      Token& tok = doc->tokens[s.token_begin + i];
      const int tag = analysis.tags[i];
      tok.upos = tagger.upos(tag);
      tok.xpos = tagger.xpos(tag);
      tok.lemma = std::move(analysis.lemmas[i]);
      tok.feats = model_->lemmatizer().Feats(forms[i], tag);
      const int head = analysis.heads[i];
      tok.head = head < 0 ? -1 : static_cast<int32_t>(s.token_begin) + head;
      if (head < 0) {
        tok.deprel = "root";
      } else {
        // "root" is reserved for the sentence root; a stray one becomes "dep".
        const std::string& label = model_->parser().label(analysis.labels[i]);
        tok.deprel = label == "root" ? "dep" : label;
      }
    }
    if (repair_ == TreeRepair::kOn) syntax::RepairTree(doc, static_cast<uint32_t>(si));
  }

 private:
  std::unique_ptr<syntax::SyntaxModel> model_;
  TreeRepair repair_;
};

}  // namespace

std::string SyntaxModelPath(const Config& config) {
  if (!config.syntax_model.empty()) return config.syntax_model;
  const std::string dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  return JoinPath(dir, "models/syntax-en.model");
}

std::string LexiconDir(const Config& config) {
  const std::string dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  return JoinPath(dir, "lang/en");
}

namespace {

Result<std::unique_ptr<Stage>> MakeSyntaxStage(const Config& config, TreeRepair repair) {
  auto model = syntax::SyntaxModel::Load(SyntaxModelPath(config), LexiconDir(config));
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(std::make_unique<SyntaxStage>(std::move(model).value(), repair));
}

}  // namespace

Result<std::unique_ptr<Stage>> CreateSyntaxStage(const Config& config) {
  return MakeSyntaxStage(config, TreeRepair::kOn);
}

Result<std::unique_ptr<Stage>> CreateUnrepairedSyntaxStage(const Config& config) {
  return MakeSyntaxStage(config, TreeRepair::kOff);
}

Status ProcessSentencesInParallel(const Stage& stage, Document* doc, int threads) {
  const auto* syntax = dynamic_cast<const SyntaxStage*>(&stage);
  if (syntax == nullptr || threads <= 1 || doc->sentences.size() < 2) return stage.Process(doc);
  // Ranges are checked first, in order, so the warnings come out as
  // Process() writes them; then threads take sentences one at a time.
  std::vector<size_t> valid;
  for (size_t si = 0; si < doc->sentences.size(); ++si) {
    if (SyntaxStage::CheckRange(doc, si)) valid.push_back(si);
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    SyntaxStage::Scratch scratch;
    for (size_t k = next++; k < valid.size(); k = next++) syntax->AnalyzeSentence(doc, valid[k], &scratch);
  };
  const size_t n = std::min(static_cast<size_t>(threads), valid.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return Status::Ok();
}

}  // namespace annals
