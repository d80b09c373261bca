// Names for the enums of the document model, as they appear in output.
#include "annals/document.h"
#include "annals/stage.h"

namespace annals {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPlanned: return "planned";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kNegated: return "negated";
    case Modality::kHistorical: return "historical";
    case Modality::kReported: return "reported";
  }
  return "asserted";
}

const char* FurnitureKindName(FurnitureKind k) {
  switch (k) {
    case FurnitureKind::kHeadline: return "headline";
    case FurnitureKind::kByline: return "byline";
    case FurnitureKind::kDateline: return "dateline";
    case FurnitureKind::kCredit: return "credit";
    case FurnitureKind::kCaption: return "caption";
    case FurnitureKind::kTimestamp: return "timestamp";
  }
  return "headline";
}

namespace {

class DiagnosedStage final : public Stage {
 public:
  DiagnosedStage(std::unique_ptr<Stage> stage, std::vector<Diagnostic> d)
      : stage_(std::move(stage)), diagnostics_(std::move(d)) {}
  std::string_view name() const override { return stage_->name(); }
  uint32_t needs() const override { return stage_->needs(); }
  uint32_t fills() const override { return stage_->fills(); }
  Status Process(Document* doc) const override { return stage_->Process(doc); }
  std::vector<Diagnostic> load_diagnostics() const override {
    std::vector<Diagnostic> all = stage_->load_diagnostics();
    all.insert(all.end(), diagnostics_.begin(), diagnostics_.end());
    return all;
  }

 private:
  std::unique_ptr<Stage> stage_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::unique_ptr<Stage> WithLoadDiagnostics(std::unique_ptr<Stage> stage, std::vector<Diagnostic> diagnostics) {
  if (diagnostics.empty()) return stage;
  return std::make_unique<DiagnosedStage>(std::move(stage), std::move(diagnostics));
}

std::string LayerNames(uint32_t layers) {
  static const char* kNames[] = {"text", "sentences", "tokens", "tags", "parse", "mentions",
                                 "places", "times", "amounts", "quotes", "events", "event_context",
                                 "furniture"};
  std::string out;
  for (uint32_t i = 0; i < sizeof(kNames) / sizeof(kNames[0]); ++i) {
    if (layers & (1u << i)) {
      if (!out.empty()) out += '|';
      out += kNames[i];
    }
  }
  return out;
}

}  // namespace annals
