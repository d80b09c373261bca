// The quotes stage object: replaces Document::quotes with what
// FindQuotes() finds, with the cue lexicon loaded once.
#include "quotes/quotes_stage.h"

#include "base/file.h"
#include "quotes/cue_lexicon.h"
#include "quotes/quote_finder.h"

namespace annals {
namespace {

class QuotesStage : public Stage {
 public:
  QuotesStage(CueLexicon lexicon, std::vector<Diagnostic> warnings)
      : lexicon_(std::move(lexicon)), warnings_(std::move(warnings)) {}

  std::string_view name() const override { return "quotes"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerMentions;
  }
  uint32_t fills() const override { return kLayerQuotes; }
  Status Process(Document* doc) const override {
    if (doc == nullptr) return Status::Internal("quotes: null document");
    doc->quotes.clear();
    FindQuotes(*doc, lexicon_, &doc->quotes);
    return Status::Ok();
  }
  std::vector<Diagnostic> load_diagnostics() const override { return warnings_; }

 private:
  CueLexicon lexicon_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuotesStage(const Config& config) {
  const std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  std::vector<std::string> warnings;
  auto lexicon = CueLexicon::Load(data_dir, &warnings);
  if (!lexicon.ok()) return lexicon.status();
  std::vector<Diagnostic> diagnostics;
  for (std::string& w : warnings) diagnostics.push_back({"warning", std::move(w)});
  return std::unique_ptr<Stage>(std::make_unique<QuotesStage>(std::move(lexicon).value(), std::move(diagnostics)));
}

}  // namespace annals
