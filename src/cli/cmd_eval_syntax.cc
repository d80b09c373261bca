// `annals eval syntax --gold FILE.conllu [--raw]`: scores the syntax model
// against a gold treebank with the CoNLL 2018 shared-task definitions
// (src/syntax/evaluate.h). By default the model sees the gold words; with
// --raw it reads the treebank's raw text through the text stage and the
// words are aligned by character offsets.
//
// Exit codes: 0 scored; 1 the gold file had malformed lines (reported and
// skipped); 3 the model could not load; 4 a file could not be read or written.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "base/ordered_work.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "syntax/evaluate.h"
#include "syntax/syntax_stage.h"

namespace annals::cli {
namespace {

struct EvalSyntaxOptions {
  std::string gold;
  bool raw = false;
  bool repaired = false;
  std::string data_dir;
  std::string model;
  std::string output;
  int threads = 0;
};

int RunEvalSyntax(const EvalSyntaxOptions& o) {
  auto gold = syntax::ReadConllu(o.gold);
  if (!gold.ok()) {
    PrintError("eval syntax", gold.status().message());
    return kExitIoError;
  }
  for (const std::string& e : gold->errors) PrintError("eval syntax", e);
  Config config;
  config.data_dir = o.data_dir;
  config.syntax_model = o.model;
  std::vector<syntax::ConlluSentence> system;
  syntax::EvalScores scores;
  if (o.raw) {
    auto r = syntax::EvaluateRawText(config, gold->sentences, &system, ResolveThreads(o.threads), o.repaired);
    if (!r.ok()) {
      PrintError("eval syntax", r.status().message());
      return kExitDataError;
    }
    scores = *r;
  } else {
    auto model = syntax::SyntaxModel::Load(SyntaxModelPath(config), LexiconDir(config));
    if (!model.ok()) {
      PrintError("eval syntax", model.status().message());
      return kExitDataError;
    }
    system = syntax::AnalyzeGoldTokens(**model, gold->sentences, ResolveThreads(o.threads));
    scores = syntax::EvaluateConllu(gold->sentences, system);
  }
  if (o.repaired && !o.raw) {
    PrintError("eval syntax", "--repaired scores the syntax stage's repaired tree and needs --raw");
    return kExitUsage;
  }
  std::cout << (o.raw ? "raw text" : "gold tokens") << (o.repaired ? " (repaired tree)" : "") << ", " << o.gold
            << "\n" << scores.ToString();
  if (!o.output.empty()) {
    std::string out;
    for (const syntax::ConlluSentence& s : system) syntax::WriteConllu(s, &out);
    std::ofstream f(o.output, std::ios::binary);
    f << out;
    if (!f) {
      PrintError("eval syntax", o.output + ": write failed");
      return kExitIoError;
    }
  }
  return gold->errors.empty() ? kExitOk : kExitPartial;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<EvalSyntaxOptions>();
  app->add_option("--gold", o->gold, "Gold treebank (CoNLL-U)")->required();
  app->add_flag("--raw", o->raw, "Start from the raw text (tokenizer included in the score)");
  app->add_flag("--repaired", o->repaired,
                "With --raw: score the stage's repaired tree (what later stages read), not the parser's");
  app->add_option("--data", o->data_dir, "Data directory (default: $ANNALS_DATA or the shipped data)");
  app->add_option("--model", o->model, "Syntax model file (default: <data>/models/syntax-en.model)");
  app->add_option("--output", o->output, "Also write the system's CoNLL-U here");
  app->add_option("--threads", o->threads, "Parsing threads (0 = all cores); the scores are the same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [o]() { return RunEvalSyntax(*o); };
}

}  // namespace

ANNALS_COMMAND("eval syntax", "Score the tagger and parser on a CoNLL-U treebank", Setup);

}  // namespace annals::cli
