// `annals unknowns FILE...`: proper-noun spans that look like actors but are
// in no dictionary, with how often each occurs: the to-do list of whoever
// maintains data/actors/.
//
// Runs the pipeline up to the actors stage on every document (text or
// JSONL, as `annals code`), collects the mentions the actors stage marks
// how = "proper_noun", and prints "count<TAB>documents<TAB>text" on stdout,
// most frequent first. Exit codes as `annals code`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/document_loop.h"
#include "cli/exit_codes.h"

namespace annals::cli {
namespace {

struct UnknownsOptions {
  PipelineOptions pipeline;
  InputOptions input;
  size_t min_count = 1;
};

int RunUnknowns(const UnknownsOptions& o) {
  Result<Pipeline*> pipeline = BuildProcessPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  struct Count {
    size_t mentions = 0;
    size_t documents = 0;
  };
  std::map<std::string, Count> counts;
  const LoopResult r = CodeInputs(o.input, **pipeline, "actors", [&](Document& doc, const std::string&) {
    std::set<std::string> seen;
    for (const Mention& m : doc.mentions) {
      if (m.how != "proper_noun") continue;
      std::string text(doc.SpanText(m.span));
      for (char& c : text) {
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
      }
      Count& c = counts[text];
      ++c.mentions;
      if (seen.insert(text).second) ++c.documents;
    }
  });
  if (r.usage_error) return r.usage_error;
  std::vector<std::pair<std::string, Count>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.mentions > b.second.mentions; });
  std::printf("count\tdocuments\ttext\n");
  for (const auto& [text, c] : sorted) {
    if (c.mentions >= o.min_count) std::printf("%zu\t%zu\t%s\n", c.mentions, c.documents, text.c_str());
  }
  std::fflush(stdout);
  std::cerr << "annals unknowns: " << r.documents << " document(s), " << counts.size() << " distinct unknown name(s)";
  if (r.failed > 0) std::cerr << ", " << r.failed << " skipped";
  std::cerr << "\n";
  return ExitCode(r);
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<UnknownsOptions>();
  AddPipelineOptions(app, &o->pipeline);
  AddInputOptions(app, &o->input, /*with_id=*/false);
  app->add_option("--min-count", o->min_count, "Only names seen at least this often");
  return [o] { return RunUnknowns(*o); };
}

ANNALS_COMMAND("unknowns", "List proper nouns that look like actors but are in no dictionary, with counts", Setup);

}  // namespace
}  // namespace annals::cli
