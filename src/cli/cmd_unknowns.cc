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

#include "annals/pipeline.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "ingest/document_reader.h"

namespace annals::cli {
namespace {

struct UnknownsOptions {
  PipelineOptions pipeline;
  std::string input_format = "auto";
  std::string date;
  size_t min_count = 1;
  std::vector<std::string> files;
};

int RunUnknowns(const UnknownsOptions& o) {
  Result<InputFormat> format = ParseInputFormat(o.input_format);
  if (!format.ok()) {
    std::cerr << "annals unknowns: " << format.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Pipeline>> pipeline = BuildPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  ReadOptions ro;
  ro.format = *format;
  ro.default_date = o.date;
  struct Count {
    size_t mentions = 0;
    size_t documents = 0;
  };
  std::map<std::string, Count> counts;
  size_t documents = 0, failed = 0;
  bool io_error = false;
  const std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  for (const std::string& file : files) {
    ReadStats stats;
    const Status st = ReadDocuments(
        file, ro,
        [&](Document&& doc) {
          const Status ps = (*pipeline)->ProcessUntil(&doc, "actors");
          if (!ps.ok()) {
            std::cerr << "annals: error: " << doc.origin << ": " << ps.message() << "; document skipped\n";
            ++failed;
            return;
          }
          ++documents;
          std::map<std::string, bool> seen;
          for (const Mention& m : doc.mentions) {
            if (m.how != "proper_noun") continue;
            std::string text(doc.SpanText(m.span));
            for (char& c : text) {
              if (c == '\n' || c == '\t' || c == '\r') c = ' ';
            }
            Count& c = counts[text];
            ++c.mentions;
            if (!seen[text]) {
              seen[text] = true;
              ++c.documents;
            }
          }
        },
        [&](const Diagnostic& p) { std::cerr << "annals: " << p.severity << ": " << p.message << "\n"; }, &stats);
    failed += stats.skipped;
    if (!st.ok()) {
      std::cerr << "annals: error: " << st.message() << "\n";
      if (st.code() == StatusCode::kInvalidArgument) return kExitUsage;
      io_error = true;
    }
  }
  std::vector<std::pair<std::string, Count>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.mentions > b.second.mentions; });
  std::printf("count\tdocuments\ttext\n");
  for (const auto& [text, c] : sorted) {
    if (c.mentions >= o.min_count) std::printf("%zu\t%zu\t%s\n", c.mentions, c.documents, text.c_str());
  }
  std::fflush(stdout);
  std::cerr << "annals unknowns: " << documents << " document(s), " << counts.size() << " distinct unknown name(s)";
  if (failed > 0) std::cerr << ", " << failed << " skipped";
  std::cerr << "\n";
  if (io_error && documents == 0) return kExitIoError;
  return (failed > 0 || io_error) ? kExitPartial : kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<UnknownsOptions>();
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("--input-format", o->input_format, "text, jsonl or auto (by file extension)")
      ->check(CLI::IsMember({"auto", "text", "txt", "jsonl", "ndjson"}));
  app->add_option("--date", o->date, "Document date YYYY-MM-DD for inputs without one");
  app->add_option("--min-count", o->min_count, "Only names seen at least this often");
  app->add_option("files", o->files, "Input files; '-' or none reads standard input");
  return [o] { return RunUnknowns(*o); };
}

ANNALS_COMMAND("unknowns", "List proper nouns that look like actors but are in no dictionary, with counts", Setup);

}  // namespace
}  // namespace annals::cli
