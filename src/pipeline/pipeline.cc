// Builds the stages in pipeline order and runs them over documents.
//
// Order: text -> syntax -> actors -> time -> amounts -> quotes -> events ->
// attach. Create() checks that every stage's needs are filled by the
// stages before it, so a mis-ordered pipeline fails at start-up.
#include "annals/pipeline.h"

#include "base/file.h"
#include "ontology/ontology.h"
#include "text/text_stage.h"
#include "syntax/syntax_stage.h"
#include "actors/actors_stage.h"
#include "time/time_stage.h"
#include "amounts/amounts_stage.h"
#include "quotes/quotes_stage.h"
#include "events/events_stage.h"
#include "attach/attach_stage.h"

namespace annals {

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Config& config) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->config_ = config;
  if (p->config_.data_dir.empty()) p->config_.data_dir = DefaultDataDir();
  const Config& c = p->config_;

  Result<std::unique_ptr<Ontology>> ontology = Ontology::Load(c.data_dir, c.goldstein_table);
  if (!ontology.ok()) return ontology.status();
  p->ontology_ = std::move(ontology.value());

  std::vector<Result<std::unique_ptr<Stage>>> made;
  made.push_back(CreateTextStage(c));
  made.push_back(CreateSyntaxStage(c));
  made.push_back(CreateActorsStage(c));
  made.push_back(CreateTimeStage(c));
  made.push_back(CreateAmountsStage(c));
  made.push_back(CreateQuotesStage(c));
  made.push_back(CreateEventsStage(c, *p->ontology_));
  made.push_back(CreateAttachStage(c));

  uint32_t filled = 0;
  for (auto& stage : made) {
    if (!stage.ok()) return stage.status();
    const uint32_t missing = stage.value()->needs() & ~filled;
    if (missing != 0) {
      return Status::Internal("pipeline stage '" + std::string(stage.value()->name()) +
                              "' needs layers no earlier stage fills: " + LayerNames(missing));
    }
    filled |= stage.value()->fills();
    for (Diagnostic& d : stage.value()->load_diagnostics()) p->load_diagnostics_.push_back(std::move(d));
    p->stages_.push_back(std::move(stage.value()));
  }
  return p;
}

Status Pipeline::Process(Document* doc) const { return ProcessUntil(doc, ""); }

Status Pipeline::ProcessUntil(Document* doc, std::string_view last) const {
  for (const auto& stage : stages_) {
    ANNALS_RETURN_IF_ERROR(stage->Process(doc));
    if (stage->name() == last) break;
  }
  return Status::Ok();
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const auto& s : stages_) names.emplace_back(s->name());
  return names;
}

}  // namespace annals
