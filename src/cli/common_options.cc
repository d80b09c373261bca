#include "cli/common_options.h"

#include <iostream>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/messages.h"

namespace annals::cli {

void AddPipelineOptions(CLI::App* app, PipelineOptions* o) {
  app->add_option("--data", o->data_dir, "Data directory (default: $ANNALS_DATA or the shipped data)");
  app->add_option("--goldstein", o->goldstein, "Goldstein table: gdelt, icews or phoenix")
      ->check(CLI::IsMember({"gdelt", "icews", "phoenix"}));
  app->add_option("--model", o->model, "Syntax model file (default: <data>/models/syntax-en.model)");
  app->add_option("--actors", o->actors, "Extra actor dictionary loaded after the shipped ones");
}

Result<std::unique_ptr<Pipeline>> BuildPipeline(const PipelineOptions& o) {
  Config c;
  c.data_dir = o.data_dir;
  c.goldstein_table = o.goldstein;
  c.syntax_model = o.model;
  c.extra_actor_dictionary = o.actors;
  auto pipeline = Pipeline::Create(c);
  if (pipeline.ok()) {
    for (const Diagnostic& d : (*pipeline)->load_diagnostics()) std::cerr << "annals: " << d.severity << ": " << d.message << "\n";
  }
  return pipeline;
}

Result<Pipeline*> BuildProcessPipeline(const PipelineOptions& o) {
  Result<std::unique_ptr<Pipeline>> pipeline = BuildPipeline(o);
  if (!pipeline.ok()) return pipeline.status();
  static auto* const kept = new std::vector<std::unique_ptr<Pipeline>>();
  kept->push_back(std::move(*pipeline));
  return kept->back().get();
}

int ReportPipelineError(const Status& status) {
  PrintError("", "cannot load: " + status.message());
  // Whatever failed (a missing file, a malformed table), the data is unusable.
  return status.code() == StatusCode::kInternal ? kExitInternal : kExitDataError;
}

}  // namespace annals::cli
