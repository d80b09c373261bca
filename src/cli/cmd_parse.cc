// `annals parse [FILE|-]`: tokenizes, tags, lemmatises and parses plain
// text and writes CoNLL-U (one sentence per block, heads sentence-relative,
// "SpaceAfter=No" in MISC where the text has no space).
//
// Runs only the text and syntax stages, so it works without the actor and
// event data. --threads shares the sentences among threads (the output is
// the same for any number). Exit codes: 0 done; 3 the syntax model could
// not load; 4 the input could not be read.
#include <cstdio>
#include <iostream>

#include "base/file.h"
#include "base/ordered_work.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "syntax/evaluate.h"
#include "syntax/syntax_stage.h"
#include "text/text_stage.h"

namespace annals::cli {
namespace {

struct ParseOptions {
  std::string input = "-";
  std::string data_dir;
  std::string model;
  int threads = 0;
};

int RunParse(const ParseOptions& o) {
  Config config;
  config.data_dir = o.data_dir;
  config.syntax_model = o.model;
  auto text_stage = CreateTextStage(config);
  if (!text_stage.ok()) {
    PrintError("parse", text_stage.status().message());
    return kExitDataError;
  }
  auto syntax_stage = CreateSyntaxStage(config);
  if (!syntax_stage.ok()) {
    PrintError("parse", syntax_stage.status().message());
    return kExitDataError;
  }
  Document doc;
  doc.id = o.input;
  if (o.input == "-") {
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, stdin)) > 0) doc.text.append(buf, got);
    if (std::ferror(stdin)) {
      PrintError("parse", "standard input: read failed");
      return kExitIoError;
    }
  } else {
    Result<std::string> text = ReadFile(o.input);
    if (!text.ok()) {
      PrintError("parse", text.status().message());
      return kExitIoError;
    }
    doc.text = std::move(text).value();
  }
  Status st = (*text_stage)->Process(&doc);
  if (st.ok()) st = ProcessSentencesInParallel(**syntax_stage, &doc, ResolveThreads(o.threads));
  if (!st.ok()) {
    PrintError("parse", o.input + ": " + st.message());
    return kExitPartial;
  }
  for (const Diagnostic& d : doc.diagnostics) PrintDiagnostic("parse", d);
  std::string out;
  for (const syntax::ConlluSentence& s : syntax::DocumentToConllu(doc)) syntax::WriteConllu(s, &out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0) return kExitIoError;
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<ParseOptions>();
  app->add_option("input", o->input, "Text file to parse, or - for standard input (default)");
  app->add_option("--data", o->data_dir, "Data directory (default: $ANNALS_DATA or the shipped data)");
  app->add_option("--model", o->model, "Syntax model file (default: <data>/models/syntax-en.model)");
  app->add_option("--threads", o->threads, "Parsing threads, sharing the sentences (0 = all cores); the output is "
                                           "the same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [o]() { return RunParse(*o); };
}

}  // namespace

ANNALS_COMMAND("parse", "Tokenize, tag and parse text; write CoNLL-U", Setup);

}  // namespace annals::cli
