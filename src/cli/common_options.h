// Options shared by the subcommands that build a pipeline (--data,
// --goldstein, --model, --actors) and the error reporting that goes with it.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "annals/pipeline.h"

namespace annals::cli {

struct PipelineOptions {
  std::string data_dir;
  std::string goldstein = "gdelt";
  std::string model;
  std::string actors;
};

void AddPipelineOptions(CLI::App* app, PipelineOptions* o);
Result<std::unique_ptr<Pipeline>> BuildPipeline(const PipelineOptions& o);
// BuildPipeline for a command that uses one pipeline until the process
// exits (code, ingest, eval events, unknowns): the pipeline is never
// destroyed, so the exit does not spend a tenth of a one-record run freeing
// dictionaries, models and the gazetteer piece by piece. It stays reachable
// (a leak checker does not report it). Call from the main thread.
Result<Pipeline*> BuildProcessPipeline(const PipelineOptions& o);
// Prints the load failure and returns the matching exit code.
int ReportPipelineError(const Status& status);

}  // namespace annals::cli
