// `annals code`: code documents into event records on standard output.
//
// One JSON record per line on stdout (docs/events.md), or, for people,
// --format table (one row per event, names beside codes) or --format
// evidence (each event's sentence with actors and trigger marked).
// Diagnostics on stderr, each naming the document or file:line. A bad
// document or file is reported and skipped, the run goes on, and the exit
// code is 1. Reading a terminal, it says so; on long runs into a terminal it
// shows progress, as ingest does.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/document_loop.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "ontology/ontology.h"
#include "output/event_record.h"
#include "store/query.h"
#include "store/table.h"

namespace annals::cli {
namespace {

struct CodeOptions {
  PipelineOptions pipeline;
  InputOptions input;
  bool quotes = false;
  bool furniture = false;
  std::string format = "jsonl";
};

// The event as a query row, for the readable views.
EventRow ViewRow(const Document& doc, const Event& e, const Ontology& ontology) {
  EventRow r;
  r.record = ToJsonLine(EventRecord(doc, e, ontology));
  if (e.sentence < doc.sentences.size()) {
    r.sentence_text = std::string(doc.SpanText(doc.sentences[e.sentence].span));
    r.sentence_begin = doc.sentences[e.sentence].span.begin;
  }
  return r;
}

int RunCode(const CodeOptions& o) {
  constexpr std::string_view kCmd = "code";
  const bool from_stdin = o.input.files.empty() || (o.input.files.size() == 1 && o.input.files[0] == "-");
  if (from_stdin && isatty(STDIN_FILENO)) {
    PrintNote(kCmd, "reading text from standard input; end it with Ctrl-D (or name files: annals code FILE...)");
  }
  Result<Pipeline*> pipeline = BuildProcessPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  const Ontology& ontology = (*pipeline)->ontology();
  Table table;
  for (const char* c : {"doc", "sentence", "date", "source", "source_name", "cameo", "event", "target",
                        "target_name", "modality"}) {
    table.AddColumn(c);
  }
  size_t events = 0;
  std::string out;
  const bool progress = isatty(STDERR_FILENO) && o.format == "jsonl" && !isatty(STDOUT_FILENO);
  const auto start = std::chrono::steady_clock::now();
  auto last = start;
  bool drew = false;
  size_t docs = 0;
  // JSON Lines are written on the coding threads; the readable views, which
  // gather rows, in input order on this one.
  const bool jsonl = o.format == "jsonl";
  RenderFn render_jsonl = [&](const Document& doc, std::string* lines) {
    for (const Event& e : doc.events) {
      *lines += ToJsonLine(EventRecord(doc, e, ontology));
      *lines += '\n';
    }
    if (o.quotes) {
      for (size_t q = 0; q < doc.quotes.size(); ++q) {
        *lines += ToJsonLine(QuoteRecord(doc, doc.quotes[q], q));
        *lines += '\n';
      }
    }
    if (o.furniture && (!doc.furniture.empty() || doc.dateline)) {
      *lines += ToJsonLine(FurnitureRecord(doc));
      *lines += '\n';
    }
  };
  const LoopResult r = CodeInputs(o.input, **pipeline, "", [&](Document& doc, const std::string& rendered) {
    out.clear();
    for (size_t i = 0; !jsonl && i < doc.events.size(); ++i) {
      const Event& e = doc.events[i];
      const CameoEventCode* code = ontology.Find(e.cameo);
      if (o.format == "evidence") {
        out += TerminalSafe(doc.id + ":" + std::to_string(e.sentence + 1) + "  " + e.cameo + " " +
                            (code ? code->name : "") + ", " + ModalityName(e.modality) + ": " +
                            MarkEvidence(ViewRow(doc, e, ontology)));
        out += '\n';
        continue;
      }
      table.rows.push_back({doc.id, std::to_string(e.sentence + 1), e.date.empty() ? doc.date : e.date,
                            e.source ? e.source->actor.code : "", e.source ? e.source->actor.name : "", e.cameo,
                            code ? code->name : "", e.target ? e.target->actor.code : "",
                            e.target ? e.target->actor.name : "", ModalityName(e.modality)});
    }
    events += doc.events.size();
    ++docs;
    const std::string& text = jsonl ? rendered : out;
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (progress) {
      const auto now = std::chrono::steady_clock::now();
      if (now - start > std::chrono::seconds(1) && now - last > std::chrono::milliseconds(200)) {
        last = now;
        const double s = std::chrono::duration<double>(now - start).count();
        std::fprintf(stderr, "\rannals code: %zu document(s), %zu event(s), %.1f docs/s\x1b[K", docs, events,
                     static_cast<double>(docs) / s);
        drew = true;
      }
    }
  }, jsonl ? render_jsonl : RenderFn());
  if (drew) std::fputs("\n", stderr);
  if (r.usage_error) return r.usage_error;
  if (o.format == "table") std::fputs(RenderTable(table, TableFormat::kAligned, 32).c_str(), stdout);
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    PrintError(kCmd, "writing to standard output failed");
    return kExitIoError;
  }
  std::string line = std::to_string(r.documents) + " document(s) coded, " + std::to_string(events) + " event(s)";
  if (r.failed > 0) line += ", " + std::to_string(r.failed) + " skipped";
  PrintNote(kCmd, line);
  return ExitCode(r);
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<CodeOptions>();
  AddPipelineOptions(app, &o->pipeline);
  AddInputOptions(app, &o->input, /*with_id=*/true);
  app->add_flag("--quotes", o->quotes, "Also write quote records (kind \"quote\"; JSON Lines only)");
  app->add_flag("--furniture", o->furniture,
                "Also write a furniture record (kind \"furniture\": headline, byline, dateline, credits, "
                "captions) for each document that has any (JSON Lines only)");
  app->add_option("--format", o->format,
                  "jsonl (the records, default), table (one row per event, names beside codes) or evidence "
                  "(each sentence with [[actors|role]] and <<trigger>> marked)")
      ->check(CLI::IsMember({"jsonl", "table", "evidence"}))
      ->capture_default_str();
  return [o] { return RunCode(*o); };
}

ANNALS_COMMAND("code", "Code documents into event records (JSON Lines on stdout; --format table|evidence to read)",
               Setup);

}  // namespace
}  // namespace annals::cli
