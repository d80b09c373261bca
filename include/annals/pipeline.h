// The pipeline: every stage, built once and in order, over one Document at
// a time. The CLI, the store and the benchmarks all code text through it.
//
// Build once (loading tables, dictionaries and models takes about a second
// of CPU; Create() loads the syntax model and the actor dictionaries on two
// threads of their own), then call Process() for each document; Process()
// is const and safe to call from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annals/config.h"
#include "annals/document.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

class Ontology;

// Checks that every stage's needs() are filled by the stages before it, so a
// mis-ordered pipeline fails at start-up, not with silently empty output.
// The message names the stage and the missing layers.
Status CheckStageOrder(const std::vector<std::unique_ptr<Stage>>& stages);

class Pipeline {
 public:
  // Builds every stage from `config`; fails with the first stage that cannot
  // load its data (the message names the file and line).
  static Result<std::unique_ptr<Pipeline>> Create(const Config& config);

  // Runs all stages on *doc. Non-OK only when the document could not be
  // processed at all (it is then reported and skipped by callers); partial
  // problems are in doc->diagnostics.
  Status Process(Document* doc) const;

  // Runs the stages up to and including the one named `last` ("text",
  // "syntax", ...). Used by `annals parse` and the benchmarks.
  Status ProcessUntil(Document* doc, std::string_view last) const;

  const Ontology& ontology() const { return *ontology_; }
  // A fingerprint of everything the stages read: every file under the data
  // directory (tables, dictionaries, word lists, patterns, the model), plus
  // Config::syntax_model and Config::extra_actor_dictionary when they are
  // files of their own. Two pipelines code alike when their fingerprints and
  // versions match; the store records it with each document (`coded_by`).
  std::string DataFingerprint() const;
  // What the stages skipped while loading their data (bad dictionary or
  // list lines), each naming file:line:col, in pipeline order. Callers
  // report them once (the CLI prints "annals: warning: <message>").
  const std::vector<Diagnostic>& load_diagnostics() const { return load_diagnostics_; }
  const Config& config() const { return config_; }
  std::vector<std::string> StageNames() const;
  // The stages in order (read-only; for tests and tools).
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

  ~Pipeline();

 private:
  Pipeline() = default;
  Config config_;
  std::unique_ptr<Ontology> ontology_;
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<Diagnostic> load_diagnostics_;
};

}  // namespace annals
