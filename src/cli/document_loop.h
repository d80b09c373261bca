// The loop shared by every subcommand that codes input files: read each
// file, run the pipeline on each document, report problems on stderr, hand
// each coded document to the command, and turn what happened into an exit
// code. Commands differ only in what they do with a coded document.
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
};

// --input-format, --date, --id (if with_id) and the positional files.
void AddInputOptions(CLI::App* app, InputOptions* o, bool with_id);

struct LoopResult {
  size_t documents = 0;  // coded and handed to the command
  size_t failed = 0;     // bad records or documents, reported and skipped
  bool io_error = false;  // a whole file could not be read
  int usage_error = 0;    // non-zero: the exit code for bad options
};

// Runs the pipeline (up to stage `until`, "" = all) over every input
// document and calls on_document for each one coded.
LoopResult CodeInputs(const InputOptions& in, const Pipeline& pipeline, std::string_view until,
                      const std::function<void(Document& doc)>& on_document);

// 0 all coded; 1 some skipped; 4 nothing could be read; usage errors as is.
int ExitCode(const LoopResult& r);

}  // namespace annals::cli
