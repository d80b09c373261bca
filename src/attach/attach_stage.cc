// The attach stage: a thin wrapper over AttachContext (event_context.h) that
// owns the stage's word lists (attach_lexicon.h).
#include "attach/attach_stage.h"

#include <string>
#include <utility>
#include <vector>

#include "attach/attach_lexicon.h"
#include "attach/event_context.h"
#include "base/file.h"

namespace annals {
namespace {

class AttachStage : public Stage {
 public:
  AttachStage(AttachLexicon lexicon, std::vector<Diagnostic> warnings)
      : lexicon_(std::move(lexicon)), warnings_(std::move(warnings)) {}
  std::string_view name() const override { return "attach"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerEvents | kLayerTimes |
           kLayerPlaces | kLayerAmounts;
  }
  uint32_t fills() const override { return kLayerEventContext; }
  Status Process(Document* doc) const override {
    if (doc == nullptr) return Status::Internal("attach: null document");
    AttachContext(doc, lexicon_);
    return Status::Ok();
  }
  std::vector<Diagnostic> load_diagnostics() const override { return warnings_; }

 private:
  AttachLexicon lexicon_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateAttachStage(const Config& config) {
  const std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  std::vector<std::string> warnings;
  auto lexicon = AttachLexicon::Load(data_dir, &warnings);
  if (!lexicon.ok()) return lexicon.status();
  std::vector<Diagnostic> diagnostics;
  for (std::string& w : warnings) diagnostics.push_back({"warning", std::move(w)});
  return std::unique_ptr<Stage>(std::make_unique<AttachStage>(std::move(lexicon).value(), std::move(diagnostics)));
}

}  // namespace annals
