// `annals code`: code documents into event records on standard output.
//
// One JSON record per line on stdout (docs/events.md); diagnostics on
// stderr, each naming the document or file:line. A bad document or file is
// reported and skipped, the run goes on, and the exit code is 1.
#include <cstdio>
#include <iostream>

#include "annals/pipeline.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "ingest/document_reader.h"
#include "output/event_record.h"

namespace annals::cli {
namespace {

struct CodeOptions {
  PipelineOptions pipeline;
  std::string input_format = "auto";
  std::string date;
  std::string id;
  bool quotes = false;
  std::vector<std::string> files;
};

int RunCode(const CodeOptions& o) {
  Result<InputFormat> format = ParseInputFormat(o.input_format);
  if (!format.ok()) {
    std::cerr << "annals code: " << format.status().message() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Pipeline>> pipeline = BuildPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());

  ReadOptions ro;
  ro.format = *format;
  ro.default_date = o.date;
  ro.id = o.id;
  const std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  if (!o.id.empty() && files.size() > 1) {
    std::cerr << "annals code: --id names one document; it cannot be used with several files\n";
    return kExitUsage;
  }
  size_t documents = 0, events = 0, failed = 0;
  bool io_error = false;
  std::string out;
  for (const std::string& file : files) {
    ReadStats stats;
    const Status st = ReadDocuments(
        file, ro,
        [&](Document&& doc) {
          const Status ps = (*pipeline)->Process(&doc);
          for (const Diagnostic& d : doc.diagnostics) std::cerr << "annals: " << d.severity << ": " << d.message << "\n";
          if (!ps.ok()) {
            std::cerr << "annals: error: " << doc.origin << ": " << ps.message() << "; document skipped\n";
            ++failed;
            return;
          }
          ++documents;
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
          events += doc.events.size();
          std::fwrite(out.data(), 1, out.size(), stdout);
        },
        [&](const Diagnostic& p) { std::cerr << "annals: " << p.severity << ": " << p.message << "\n"; }, &stats);
    failed += stats.skipped;
    if (!st.ok()) {
      std::cerr << "annals: error: " << st.message() << "\n";
      if (st.code() == StatusCode::kInvalidArgument) return kExitUsage;
      io_error = true;
    }
  }
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    std::cerr << "annals: error: writing to standard output failed\n";
    return kExitIoError;
  }
  std::cerr << "annals: " << documents << " document(s) coded, " << events << " event(s)";
  if (failed > 0) std::cerr << ", " << failed << " skipped";
  std::cerr << "\n";
  if (io_error && documents == 0) return kExitIoError;
  return (failed > 0 || io_error) ? kExitPartial : kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<CodeOptions>();
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("--input-format", o->input_format, "text, jsonl or auto (by file extension)")
      ->check(CLI::IsMember({"auto", "text", "txt", "jsonl", "ndjson"}));
  app->add_option("--date", o->date, "Document date YYYY-MM-DD for text input or JSONL records without one");
  app->add_option("--id", o->id, "Document id for a single text input (default: the file name)");
  app->add_flag("--quotes", o->quotes, "Also write quote records (kind \"quote\")");
  app->add_option("files", o->files, "Input files; '-' or none reads standard input");
  return [o] { return RunCode(*o); };
}

ANNALS_COMMAND("code", "Code documents into event records (JSON Lines on stdout)", Setup);

}  // namespace
}  // namespace annals::cli
