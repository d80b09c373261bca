// Builds the stages in pipeline order and runs them over documents.
//
// Order: text -> syntax -> actors -> time -> amounts -> quotes -> events ->
// attach. Create() checks that every stage's needs are filled by the
// stages before it, so a mis-ordered pipeline fails at start-up.
#include "annals/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <system_error>

#include "base/file.h"
#include "base/hash.h"
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

Status CheckStageOrder(const std::vector<std::unique_ptr<Stage>>& stages) {
  uint32_t filled = 0;
  for (const auto& stage : stages) {
    const uint32_t missing = stage->needs() & ~filled;
    if (missing != 0) {
      return Status::Internal("pipeline stage '" + std::string(stage->name()) +
                              "' needs layers no earlier stage fills: " + LayerNames(missing));
    }
    filled |= stage->fills();
  }
  return Status::Ok();
}

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Config& config) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->config_ = config;
  if (p->config_.data_dir.empty()) p->config_.data_dir = DefaultDataDir();
  const Config& c = p->config_;

  // The two slowest loads (the syntax model with its lexicons; the actor
  // dictionaries with the gazetteer) are independent of each other and of
  // the rest, so they load on their own threads while this one loads the
  // others (an early return waits for them): start-up takes about as long
  // as the slowest of them. Each Create* reads only `c` and its own files.
  auto syntax = std::async(std::launch::async, [&c] { return CreateSyntaxStage(c); });
  auto actors = std::async(std::launch::async, [&c] { return CreateActorsStage(c); });
  Result<std::unique_ptr<Ontology>> ontology = Ontology::Load(c.data_dir, c.goldstein_table);
  if (!ontology.ok()) return ontology.status();
  p->ontology_ = std::move(ontology.value());

  std::vector<Result<std::unique_ptr<Stage>>> made;
  made.push_back(CreateTextStage(c));
  made.push_back(Status::Internal("syntax stage not loaded"));
  made.push_back(Status::Internal("actors stage not loaded"));
  made.push_back(CreateTimeStage(c));
  made.push_back(CreateAmountsStage(c));
  made.push_back(CreateQuotesStage(c));
  made.push_back(CreateEventsStage(c, *p->ontology_));
  made.push_back(CreateAttachStage(c));
  made[1] = syntax.get();
  made[2] = actors.get();

  for (auto& stage : made) {
    if (!stage.ok()) return stage.status();
    for (Diagnostic& d : stage.value()->load_diagnostics()) p->load_diagnostics_.push_back(std::move(d));
    p->stages_.push_back(std::move(stage.value()));
  }
  ANNALS_RETURN_IF_ERROR(CheckStageOrder(p->stages_));
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

std::string Pipeline::DataFingerprint() const {
  namespace fs = std::filesystem;
  const std::string& dir = config_.data_dir;
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) names.push_back(fs::relative(it->path(), dir, ec).string());
  }
  std::sort(names.begin(), names.end());
  uint64_t h = kFnvOffset;
  auto add_file = [&h](const std::string& label, const std::string& path) {
    h = Fnv1a64(label, h);
    Result<std::string> content = ReadFile(path);
    if (content.ok()) h = Fnv1a64(*content, h);
  };
  for (const std::string& n : names) add_file(n, (fs::path(dir) / n).string());
  // Files given outside the data directory (--model, --actors) count too.
  if (!config_.syntax_model.empty()) add_file("--model", config_.syntax_model);
  if (!config_.extra_actor_dictionary.empty()) add_file("--actors", config_.extra_actor_dictionary);
  return HexId(h);
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const auto& s : stages_) names.emplace_back(s->name());
  return names;
}

}  // namespace annals
