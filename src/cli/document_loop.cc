#include "cli/document_loop.h"

#include <iostream>

#include "base/ordered_work.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "ingest/document_reader.h"

namespace annals::cli {

void AddInputOptions(CLI::App* app, InputOptions* o, bool with_id) {
  app->add_option("--input-format", o->input_format, "text, jsonl or auto (by file extension)")
      ->check(CLI::IsMember({"auto", "text", "txt", "jsonl", "ndjson"}));
  app->add_option("--date", o->date, "Document date YYYY-MM-DD for text input or JSONL records without one");
  if (with_id) app->add_option("--id", o->id, "Document id for a single text input (default: the file name)");
  app->add_option("--threads", o->threads, "Coding threads (0 = all cores); the output is the same for any number")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app->add_option("files", o->files, "Input files (.txt, .jsonl, optionally .gz/.zst); '-' or none reads stdin");
}

namespace {

// A document read (or a problem the reader reported), in input order.
struct Item {
  bool coded = false;      // false: only `problem`, reported in its place
  Diagnostic problem;
  Document doc;
  Status status;
  std::string rendered;
};

}  // namespace

LoopResult CodeInputs(const InputOptions& in, const Pipeline& pipeline, std::string_view until,
                      const DocumentFn& on_document, const RenderFn& render) {
  LoopResult r;
  Result<InputFormat> format = ParseInputFormat(in.input_format);
  if (!format.ok()) {
    PrintError("", format.status().message());
    r.usage_error = kExitUsage;
    return r;
  }
  const std::vector<std::string> files = in.files.empty() ? std::vector<std::string>{"-"} : in.files;
  if (!in.id.empty() && files.size() > 1) {
    PrintError("", "--id names one document; it cannot be used with several files");
    r.usage_error = kExitUsage;
    return r;
  }
  ReadOptions ro;
  ro.format = *format;
  ro.default_date = in.date;
  ro.id = in.id;
  OrderedWork<Item> work(
      ResolveThreads(in.threads),
      [&](Item& item) {
        if (!item.coded) return;
        item.status = pipeline.ProcessUntil(&item.doc, until);
        if (item.status.ok() && render) render(item.doc, &item.rendered);
      },
      [&](Item& item) {
        if (!item.coded) {
          PrintDiagnostic("", item.problem);
          return;
        }
        for (const Diagnostic& d : item.doc.diagnostics) PrintDiagnostic("", d);
        if (!item.status.ok()) {
          PrintError("", item.doc.origin + ": " + item.status.message() + "; document skipped");
          ++r.failed;
          return;
        }
        ++r.documents;
        on_document(item.doc, item.rendered);
      });
  for (const std::string& file : files) {
    ReadStats stats;
    const Status st = ReadDocuments(
        file, ro,
        [&](Document&& doc) {
          Item item;
          item.coded = true;
          item.doc = std::move(doc);
          work.Push(std::move(item));
        },
        [&](const Diagnostic& p) {
          Item item;
          item.problem = p;
          work.Push(std::move(item));
        },
        &stats);
    r.failed += stats.skipped;
    if (!st.ok()) {
      work.Drain();  // what was read before the failure is reported first
      PrintError("", st.message());
      if (st.code() == StatusCode::kInvalidArgument) {
        r.usage_error = kExitUsage;
        return r;
      }
      r.io_error = true;
    }
  }
  work.Finish();
  return r;
}

int ExitCode(const LoopResult& r) {
  if (r.usage_error != 0) return r.usage_error;
  if (r.io_error && r.documents == 0) return kExitIoError;
  return (r.failed > 0 || r.io_error) ? kExitPartial : kExitOk;
}

}  // namespace annals::cli
