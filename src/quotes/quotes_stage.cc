// The quotes stage object: replaces Document::quotes with what
// FindQuotes() finds.
#include "quotes/quotes_stage.h"

#include "quotes/quote_finder.h"

namespace annals {
namespace {

class QuotesStage : public Stage {
 public:
  std::string_view name() const override { return "quotes"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerMentions;
  }
  uint32_t fills() const override { return kLayerQuotes; }
  Status Process(Document* doc) const override {
    if (doc == nullptr) return Status::Internal("quotes: null document");
    doc->quotes.clear();
    FindQuotes(*doc, &doc->quotes);
    return Status::Ok();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuotesStage(const Config& /*config*/) {
  return std::unique_ptr<Stage>(std::make_unique<QuotesStage>());
}

}  // namespace annals
