// `annals code`: code documents into event records on standard output.
//
// One JSON record per line on stdout (docs/events.md); diagnostics on
// stderr, each naming the document or file:line. A bad document or file is
// reported and skipped, the run goes on, and the exit code is 1.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/document_loop.h"
#include "cli/exit_codes.h"
#include "output/event_record.h"

namespace annals::cli {
namespace {

struct CodeOptions {
  PipelineOptions pipeline;
  InputOptions input;
  bool quotes = false;
  bool furniture = false;
};

int RunCode(const CodeOptions& o) {
  Result<std::unique_ptr<Pipeline>> pipeline = BuildPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  size_t events = 0;
  std::string out;
  const LoopResult r = CodeInputs(o.input, **pipeline, "", [&](Document& doc) {
    out.clear();
    for (const Event& e : doc.events) {
      out += ToJsonLine(EventRecord(doc, e, (*pipeline)->ontology()));
      out += '\n';
    }
    if (o.quotes) {
      for (size_t q = 0; q < doc.quotes.size(); ++q) {
        out += ToJsonLine(QuoteRecord(doc, doc.quotes[q], q));
        out += '\n';
      }
    }
    if (o.furniture && (!doc.furniture.empty() || doc.dateline)) {
      out += ToJsonLine(FurnitureRecord(doc));
      out += '\n';
    }
    events += doc.events.size();
    std::fwrite(out.data(), 1, out.size(), stdout);
  });
  if (r.usage_error) return r.usage_error;
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    std::cerr << "annals: error: writing to standard output failed\n";
    return kExitIoError;
  }
  std::cerr << "annals: " << r.documents << " document(s) coded, " << events << " event(s)";
  if (r.failed > 0) std::cerr << ", " << r.failed << " skipped";
  std::cerr << "\n";
  return ExitCode(r);
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<CodeOptions>();
  AddPipelineOptions(app, &o->pipeline);
  AddInputOptions(app, &o->input, /*with_id=*/true);
  app->add_flag("--quotes", o->quotes, "Also write quote records (kind \"quote\")");
  app->add_flag("--furniture", o->furniture,
                "Also write a furniture record (kind \"furniture\": headline, byline, dateline, credits, "
                "captions) for each document that has any");
  return [o] { return RunCode(*o); };
}

ANNALS_COMMAND("code", "Code documents into event records (JSON Lines on stdout)", Setup);

}  // namespace
}  // namespace annals::cli
