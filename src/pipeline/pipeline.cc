// Builds the stages in pipeline order and runs them over documents.
//
// Order: text -> syntax -> actors -> time -> amounts -> quotes -> events ->
// attach. Create() checks that every stage's needs are filled by the
// stages before it, so a mis-ordered pipeline fails at start-up.
#include "annals/pipeline.h"

#include "base/file.h"
#include "ontology/ontology.h"
#include "text/text_stage.h"
#if ANNALS_HAVE_SYNTAX
#include "syntax/syntax_stage.h"
#endif
#if ANNALS_HAVE_ACTORS
#include "actors/actors_stage.h"
#endif
#if ANNALS_HAVE_TIME
#include "time/time_stage.h"
#endif
#if ANNALS_HAVE_AMOUNTS
#include "amounts/amounts_stage.h"
#endif
#if ANNALS_HAVE_QUOTES
#include "quotes/quotes_stage.h"
#endif
#if ANNALS_HAVE_EVENTS
#include "events/events_stage.h"
#endif
#if ANNALS_HAVE_ATTACH
#include "attach/attach_stage.h"
#endif

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
#if ANNALS_HAVE_SYNTAX
  made.push_back(CreateSyntaxStage(c));
#endif
#if ANNALS_HAVE_ACTORS
  made.push_back(CreateActorsStage(c));
#endif
#if ANNALS_HAVE_TIME
  made.push_back(CreateTimeStage(c));
#endif
#if ANNALS_HAVE_AMOUNTS
  made.push_back(CreateAmountsStage(c));
#endif
#if ANNALS_HAVE_QUOTES
  made.push_back(CreateQuotesStage(c));
#endif
#if ANNALS_HAVE_EVENTS
  made.push_back(CreateEventsStage(c, *p->ontology_));
#endif
#if ANNALS_HAVE_ATTACH
  made.push_back(CreateAttachStage(c));
#endif

  uint32_t filled = 0;
  for (auto& stage : made) {
    if (!stage.ok()) return stage.status();
    const uint32_t missing = stage.value()->needs() & ~filled;
    if (missing != 0) {
      return Status::Internal("pipeline stage '" + std::string(stage.value()->name()) +
                              "' needs layers no earlier stage fills: " + LayerNames(missing));
    }
    filled |= stage.value()->fills();
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
