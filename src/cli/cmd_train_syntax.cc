// `annals train syntax --train FILE.conllu --dev FILE.conllu --out MODEL`:
// trains the tagger, lemmatizer and parser (src/syntax/trainer.h), printing
// per-epoch dev scores to stderr, and writes the model file. Same inputs and
// seed give the same file.
//
// Exit codes: 0 written; 2 bad options; 3 a treebank had no usable
// sentences; 4 a file could not be read or the model not written. Malformed
// treebank lines are reported (file:line) and skipped.
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "syntax/trainer.h"

namespace annals::cli {
namespace {

using syntax::AugmentOptions;

struct TrainSyntaxCliOptions {
  std::string train, dev, out;
  syntax::TrainSyntaxOptions train_options;
};

int RunTrainSyntax(TrainSyntaxCliOptions o) {
  o.train_options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  auto model = syntax::TrainSyntaxModel(o.train, o.dev, o.train_options);
  if (!model.ok()) {
    PrintError("train syntax", model.status().message());
    return model.status().code() == StatusCode::kDataError ? kExitDataError : kExitIoError;
  }
  Status st = (*model)->Save(o.out);
  if (!st.ok()) {
    PrintError("train syntax", st.message());
    return kExitIoError;
  }
  std::cerr << "wrote " << o.out << "\n";
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<TrainSyntaxCliOptions>();
  app->add_option("--train", o->train, "Training treebank (CoNLL-U)")->required();
  app->add_option("--dev", o->dev, "Development treebank for early stopping (CoNLL-U)")->required();
  app->add_option("--out", o->out, "Model file to write")->required();
  app->add_option("--seed", o->train_options.seed, "Random seed (default 1)");
  app->add_option("--tagger-epochs", o->train_options.tagger_epochs, "Most tagger epochs")
      ->check(CLI::Range(1, 100));
  app->add_option("--parser-epochs", o->train_options.parser_epochs, "Most parser epochs")
      ->check(CLI::Range(1, 100));
  app->add_option("--patience", o->train_options.parser_patience,
                  "Parser epochs without dev gain before stopping")
      ->check(CLI::Range(1, 100));
  app->add_option("--jackknife", o->train_options.jackknife,
                  "Folds for re-tagging train before parser training (0 = gold tags)")
      ->check(CLI::Range(0, 20));
  app->add_option("--tagger-prune", o->train_options.tagger_prune,
                  "Drop tagger weights below this magnitude (shipped model: 0.5)")
      ->check(CLI::Range(0.0, 100.0));
  app->add_option("--parser-prune", o->train_options.parser_prune,
                  "Drop parser weights below this magnitude (shipped model: 1)")
      ->check(CLI::Range(0.0, 100.0));
  // News-shaped variants of train sentences (src/syntax/augment.h); each
  // value is the share of eligible sentences that get the variant.
  auto share = [&](const char* name, double* v, const char* what) {
    app->add_option(name, *v, what)->check(CLI::Range(0.0, 1.0));
  };
  AugmentOptions& a = o->train_options.augment;
  share("--augment-bare-subject", &a.bare_subject, "Drop 'the' before a sentence-initial plural subject");
  share("--augment-temporal", &a.temporal, "Insert 'today', 'on Tuesday', 'also' between subject and verb");
  share("--augment-apposition", &a.apposition, "Insert ', a <noun phrase> ,' after an initial subject");
  share("--augment-title-case", &a.title_case, "Headline capitalisation (sentences of at most 25 words)");
  share("--augment-lower-case", &a.lower_case, "Everything lower-cased");
  return [o]() {
    o->train_options.augment.seed = o->train_options.seed;
    return RunTrainSyntax(*o);
  };
}

}  // namespace

ANNALS_COMMAND("train syntax", "Train the tagger, lemmatizer and parser from CoNLL-U", Setup);

}  // namespace annals::cli
