// `annals eval time --gold DIR|FILE [--show-errors] [--plain]`: scores the
// time stage against TimeML files with the TempEval-3 measures (strict and
// relaxed span P/R/F1, type and value accuracy, value F1; time/timeml.h).
// Each .tml file is one document; its <DCT> is the document date. By
// default the text goes through the pipeline up to the time stage (text,
// syntax, actors, time), so tokenizer and tagger errors count; --plain uses
// the whitespace tokenizer and no tags instead (no model needed).
//
// Exit codes: 0 scored; 1 some files were malformed (reported and skipped);
// 3 the pipeline could not load; 4 the gold path could not be read.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "base/file.h"
#include "base/ordered_work.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "time/plain_tokens.h"
#include "time/recognizer.h"
#include "time/timeml.h"

namespace annals::cli {
namespace {

struct EvalTimeOptions {
  std::string gold;
  bool show_errors = false;
  bool plain = false;
  PipelineOptions pipeline;
  int threads = 0;
};

int RunEvalTime(const EvalTimeOptions& o) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (std::filesystem::is_directory(o.gold, ec)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(o.gold, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".tml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
  } else if (std::filesystem::is_regular_file(o.gold, ec)) {
    files.push_back(o.gold);
  }
  if (files.empty()) {
    PrintError("eval time", o.gold + ": no .tml files");
    return kExitIoError;
  }
  std::unique_ptr<Pipeline> pipeline;
  if (!o.plain) {
    auto p = BuildPipeline(o.pipeline);
    if (!p.ok()) return ReportPipelineError(p.status());
    pipeline = std::move(p.value());
  }
  timex::TimeScorer scorer;
  size_t bad = 0;
  // Documents are processed on the threads and scored here, in file order.
  struct Item {
    std::string path;
    timex::TimemlDocument gold;
    Document doc;
    Status status;
  };
  OrderedWork<Item> work(
      ResolveThreads(o.threads),
      [&](Item& it) {
        if (pipeline) {
          it.status = pipeline->ProcessUntil(&it.doc, "time");
        } else {
          timex::PlainTokenize(&it.doc);
          timex::FindTimeExpressions(&it.doc);
        }
      },
      [&](Item& it) {
        if (!it.status.ok()) {
          PrintWarning("eval time", it.path + ": " + it.status.message() + " (skipped)");
          ++bad;
          return;
        }
        if (pipeline && it.doc.text != it.gold.text) {
          PrintWarning("eval time", it.path + ": text changed by normalisation; spans may not align");
        }
        scorer.Add(it.gold, it.doc.time_exprs, o.show_errors);
      });
  for (const auto& f : files) {
    auto xml = ReadFile(f.string());
    if (!xml.ok()) {
      work.Drain();
      PrintError("eval time", xml.status().message());
      return kExitIoError;
    }
    auto gold = timex::ParseTimeml(xml.value(), f.string());
    if (!gold.ok()) {
      work.Drain();  // the warning comes in file order
      PrintWarning("eval time", gold.status().message() + " (skipped)");
      ++bad;
      continue;
    }
    Item it;
    it.path = f.string();
    it.doc.id = f.filename().string();
    it.doc.date = gold->dct;
    it.doc.text = gold->text;
    it.gold = std::move(gold).value();
    work.Push(std::move(it));
  }
  work.Finish();
  std::cout << (o.plain ? "plain tokens" : "pipeline") << ", " << o.gold << "\n"
            << scorer.Report();
  for (const std::string& e : scorer.errors()) std::cout << "  " << e << "\n";
  return bad == 0 ? kExitOk : kExitPartial;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<EvalTimeOptions>();
  app->add_option("--gold", o->gold, "TimeML file or directory of .tml files")->required();
  app->add_flag("--show-errors", o->show_errors, "List missed, spurious and wrong expressions");
  app->add_flag("--plain", o->plain, "Whitespace tokens, no tagger (skip the pipeline)");
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("--threads", o->threads, "Threads (0 = all cores); the scores are the same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [o]() { return RunEvalTime(*o); };
}

ANNALS_COMMAND("eval time", "Score temporal expressions against TimeML (TempEval-3)", Setup);

}  // namespace
}  // namespace annals::cli
