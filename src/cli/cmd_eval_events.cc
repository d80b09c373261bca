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
#include <iostream>
#include <memory>

#include "base/file.h"
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
};

int RunEvalEvents(const EvalEventsOptions& o) {
  Result<std::unique_ptr<Pipeline>> pipeline = BuildPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  const Ontology& ontology = (*pipeline)->ontology();
  events::PloverLookup plover = [&ontology](std::string_view code) {
    const CameoEventCode* c = ontology.Find(code);
    return c == nullptr ? std::string() : c->plover_type;
  };
  events::EvalScores scores;
  bool bad_lines = false;
  for (const std::string& path : o.gold) {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) {
      PrintError("eval events", text.status().message());
      return kExitIoError;
    }
    std::vector<std::string> errors;
    std::vector<events::GoldItem> items = events::ParseGold(*text, path, &errors);
    for (const std::string& e : errors) PrintError("eval events", e);
    bad_lines |= !errors.empty();
    for (const events::GoldItem& item : items) {
      Document doc;
      doc.id = item.id;
      doc.date = item.date;
      doc.text = item.text;
      doc.origin = path + ":" + std::to_string(item.line);
      Status st = (*pipeline)->Process(&doc);
      if (!st.ok()) {
        PrintError("eval events", doc.origin + ": " + st.message());
        bad_lines = true;
        continue;
      }
      events::ScoreItem(item, doc.events, plover, &scores);
    }
  }
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
  return [o] { return RunEvalEvents(*o); };
}

ANNALS_COMMAND("eval events", "Score coded events against a gold file", Setup);

}  // namespace
}  // namespace annals::cli
