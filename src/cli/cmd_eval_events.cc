// `annals eval events --gold FILE...`: codes each gold item's text with the
// full pipeline and scores the (source, target, code) triples, PLOVER types
// and modality against the gold events (format: docs/coding.md, "Gold
// files"; scoring: src/events/event_eval.h).
//
// Exit codes: 0 scored (and, with --min-f1, at or above the bar); 1 some
// gold lines were malformed (reported with file:line:col and skipped) or the
// score is below --min-f1; 3 the pipeline's data could not load; 4 a gold
// file could not be read.
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>

#include "base/file.h"
#include "base/ordered_work.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "events/event_eval.h"
#include "ontology/ontology.h"

namespace annals::cli {
namespace {

struct EvalEventsOptions {
  PipelineOptions pipeline;
  std::vector<std::string> gold;
  bool verbose = false;
  double min_f1 = -1;
  int threads = 0;
};

int RunEvalEvents(const EvalEventsOptions& o) {
  Result<Pipeline*> pipeline = BuildProcessPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  const Ontology& ontology = (*pipeline)->ontology();
  events::PloverLookup plover = [&ontology](std::string_view code) {
    const CameoEventCode* c = ontology.Find(code);
    return c == nullptr ? std::string() : c->plover_type;
  };
  events::EvalScores scores;
  bool bad_lines = false;
  // Items are coded on the threads and scored here, in file order.
  std::deque<std::vector<events::GoldItem>> files;  // declared first: outlives `work`
  struct Coded {
    const events::GoldItem* item = nullptr;
    Document doc;
    Status status;
  };
  OrderedWork<Coded> work(
      ResolveThreads(o.threads), [&](Coded& c) { c.status = (*pipeline)->Process(&c.doc); },
      [&](Coded& c) {
        if (!c.status.ok()) {
          PrintError("eval events", c.doc.origin + ": " + c.status.message());
          bad_lines = true;
          return;
        }
        events::ScoreItem(*c.item, c.doc.events, plover, &scores);
      });
  for (const std::string& path : o.gold) {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) {
      PrintError("eval events", text.status().message());
      return kExitIoError;
    }
    std::vector<std::string> errors;
    files.push_back(events::ParseGold(*text, path, &errors));
    for (const std::string& e : errors) PrintError("eval events", e);
    bad_lines |= !errors.empty();
    for (const events::GoldItem& item : files.back()) {
      Coded c;
      c.item = &item;
      c.doc.id = item.id;
      c.doc.date = item.date;
      c.doc.text = item.text;
      c.doc.origin = path + ":" + std::to_string(item.line);
      work.Push(std::move(c));
    }
  }
  work.Finish();
  std::string report = events::FormatScores(scores);
  std::fwrite(report.data(), 1, report.size(), stdout);
  if (o.verbose) {
    for (const std::string& m : scores.mismatches) std::printf("  %s\n", m.c_str());
  }
  if (bad_lines) return kExitPartial;
  if (o.min_f1 >= 0 && scores.exact.F1() < o.min_f1) {
    std::cerr << "annals: exact F1 " << scores.exact.F1() << " is below --min-f1 " << o.min_f1 << "\n";
    return kExitPartial;
  }
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<EvalEventsOptions>();
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("--gold", o->gold, "Gold file(s) in annals-events-gold format")->required();
  app->add_flag("-v,--verbose", o->verbose, "List every missing, spurious and mis-moded event");
  app->add_option("--min-f1", o->min_f1, "Exit 1 if the exact-triple F1 is below this");
  app->add_option("--threads", o->threads, "Coding threads (0 = all cores); the scores are the same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [o] { return RunEvalEvents(*o); };
}

ANNALS_COMMAND("eval events", "Score coded events against a gold file", Setup);

}  // namespace
}  // namespace annals::cli
