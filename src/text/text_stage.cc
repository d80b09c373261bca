// Wires normalize.h and tokenizer.h into a pipeline Stage.
#include "text/text_stage.h"

#include "text/normalize.h"
#include "text/tokenizer.h"

namespace annals {

namespace {

class TextStage : public Stage {
 public:
  std::string_view name() const override { return "text"; }
  uint32_t needs() const override { return 0; }
  uint32_t fills() const override { return kLayerText | kLayerSentences | kLayerTokens; }
  Status Process(Document* doc) const override {
    std::string raw = std::move(doc->text);
    ANNALS_RETURN_IF_ERROR(NormalizeText(raw, doc));
    Tokenize(doc);
    return Status::Ok();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTextStage(const Config&) {
  return std::unique_ptr<Stage>(new TextStage());
}

}  // namespace annals
