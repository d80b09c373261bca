// Wires normalize.h, furniture.h and tokenizer.h into a pipeline Stage.
#include "text/text_stage.h"

#include <iostream>

#include "base/file.h"
#include "text/furniture.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

namespace annals {

namespace {

class TextStage : public Stage {
 public:
  explicit TextStage(text::FurnitureRecognizer furniture) : furniture_(std::move(furniture)) {}
  std::string_view name() const override { return "text"; }
  uint32_t needs() const override { return 0; }
  uint32_t fills() const override {
    return kLayerText | kLayerFurniture | kLayerSentences | kLayerTokens;
  }
  Status Process(Document* doc) const override {
    std::string raw = std::move(doc->text);
    ANNALS_RETURN_IF_ERROR(NormalizeText(raw, doc));
    furniture_.Find(doc);
    Tokenize(doc);
    return Status::Ok();
  }

 private:
  text::FurnitureRecognizer furniture_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTextStage(const Config& config) {
  const std::string dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  std::vector<std::string> warnings;
  auto furniture = text::FurnitureRecognizer::Load(dir, &warnings);
  if (!furniture.ok()) return furniture.status();
  for (const std::string& w : warnings) std::cerr << "annals: warning: " << w << "\n";
  return std::unique_ptr<Stage>(new TextStage(std::move(furniture).value()));
}

}  // namespace annals
