// The loop shared by every subcommand that codes input files: read each
// file, run the pipeline on each document, report problems on stderr, hand
// each coded document to the command, and turn what happened into an exit
// code. Commands differ only in what they do with a coded document.
//
// Documents are coded on InputOptions::threads threads (base/ordered_work.h)
// and handed to the command on the calling thread in input order, problems
// included, so stdout and stderr are the same whatever the thread count.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/pipeline.h"

namespace annals::cli {

struct InputOptions {
  std::string input_format = "auto";
  std::string date;
  std::string id;
  std::vector<std::string> files;  // empty or "-" = standard input
  int threads = 0;                 // coding threads; 0 = all cores
};

// --input-format, --date, --id (if with_id), --threads and the positional
// files.
void AddInputOptions(CLI::App* app, InputOptions* o, bool with_id);

struct LoopResult {
  size_t documents = 0;  // coded and handed to the command
  size_t failed = 0;     // bad records or documents, reported and skipped
  bool io_error = false;  // a whole file could not be read
  int usage_error = 0;    // non-zero: the exit code for bad options
};

// Runs the pipeline (up to stage `until`, "" = all) over every input
// document and calls on_document for each one coded, on the calling thread,
// in input order. `render`, when given, runs on the coding thread right
// after the pipeline (it must be safe to call concurrently: formatting
// records, say); what it writes is handed to on_document as `rendered`.
using RenderFn = std::function<void(const Document& doc, std::string* out)>;
using DocumentFn = std::function<void(Document& doc, const std::string& rendered)>;
LoopResult CodeInputs(const InputOptions& in, const Pipeline& pipeline, std::string_view until,
                      const DocumentFn& on_document, const RenderFn& render = nullptr);

// 0 all coded; 1 some skipped; 4 nothing could be read; usage errors as is.
int ExitCode(const LoopResult& r);

}  // namespace annals::cli
