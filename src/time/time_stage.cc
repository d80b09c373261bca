// Stage wrapper over the recogniser (see time_stage.h).
#include "time/time_stage.h"

#include "base/civil_date.h"
#include "time/recognizer.h"

namespace annals {
namespace {

class TimeStage final : public Stage {
 public:
  std::string_view name() const override { return "time"; }
  uint32_t needs() const override { return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse; }
  uint32_t fills() const override { return kLayerTimes; }
  Status Process(Document* doc) const override {
    if (!doc->date.empty() && !ParseIsoDate(doc->date)) {
      doc->diagnostics.push_back(
          {"warning", doc->id + ": document date '" + doc->date +
                          "' is not YYYY-MM-DD; relative times left unresolved"});
    }
    timex::FindTimeExpressions(doc);
    return Status::Ok();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateTimeStage(const Config& /*config*/) {
  return std::unique_ptr<Stage>(std::make_unique<TimeStage>());
}

}  // namespace annals
