// `annals ingest`: code files and folders of documents into the embedded
// store (docs/store.md). Idempotent: a document already stored (same id and
// text, or the same text) is skipped, so re-running after a crash or on a
// growing folder only adds what is new; --replace replaces stored documents
// of the same id (a corrected date or text). Documents need a date: from
// the record, --date, or --allow-undated (today, flagged). A progress bar is
// drawn on stderr when it is a terminal; otherwise only problems and a
// one-line summary are printed.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "base/civil_date.h"
#include "base/file.h"
#include "base/hash.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"
#include "store/ingest.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct IngestCliOptions {
  PipelineOptions pipeline;
  std::vector<std::string> paths;
  std::string db = "annals.db";
  std::string input_format = "auto";
  std::string date;
  bool allow_undated = false;
  bool replace = false;
  bool recode = false;
  size_t batch = 200;
  size_t batch_bytes = size_t{1} << 20;
  int threads = 0;
  int fold_days = -1;
  bool fold_any_modality = false;
  bool quiet = false;
};

std::string Duration(double s) {
  if (s < 0 || s > 1e7) return "?";
  const long t = static_cast<long>(s + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
  return buf;
}

void DrawProgress(const IngestProgress& p) {
  const double frac = p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total) : 0;
  const int width = 24;
  std::string bar(static_cast<size_t>(frac * width + 0.5), '#');
  bar.resize(width, '.');
  const double docs_s = p.seconds > 0 ? static_cast<double>(p.stored + p.recoded + p.replaced) / p.seconds : 0;
  const double events_s = p.seconds > 0 ? static_cast<double>(p.events) / p.seconds : 0;
  const double eta = frac > 0.001 ? p.seconds * (1 - frac) / frac : -1;
  std::fprintf(stderr, "\r[%s] %3.0f%%  %zu docs  %.1f docs/s  %.1f events/s  %zu dup  %zu bad  ETA %s\x1b[K",
               bar.c_str(), frac * 100, p.stored + p.recoded + p.replaced, docs_s, events_s, p.duplicates, p.failed,
               Duration(eta).c_str());
  std::fflush(stderr);
}

int RunIngest(const IngestCliOptions& o) {
  constexpr std::string_view kCmd = "ingest";
  if (o.paths.empty() && !o.recode) {
    PrintError(kCmd, "name files or folders to ingest (or --recode to re-code the store)");
    return kExitUsage;
  }
  if (!o.date.empty() && !ParseIsoDate(o.date)) {
    PrintError(kCmd, "invalid --date '" + o.date + "' (use YYYY-MM-DD)");
    return kExitUsage;
  }
  if (o.allow_undated && !o.date.empty()) {
    PrintError(kCmd, "--date and --allow-undated contradict each other: give one");
    return kExitUsage;
  }
  Result<InputFormat> format = ParseInputFormat(o.input_format);
  if (!format.ok()) {
    PrintError(kCmd, format.status().message());
    return kExitUsage;
  }
  // Every path must exist before the store is created or touched.
  Result<std::vector<InputFile>> files = ListInputFiles(o.paths);
  if (!files.ok()) {
    PrintError(kCmd, files.status().message());
    return kExitIoError;
  }
  Result<Pipeline*> pipeline = BuildProcessPipeline(o.pipeline);
  if (!pipeline.ok()) return ReportPipelineError(pipeline.status());
  Result<std::unique_ptr<Store>> store = Store::Open(o.db);
  if (!store.ok()) {
    PrintError(kCmd, store.status().message());
    return store.status().code() == StatusCode::kDataError ? kExitDataError : kExitIoError;
  }
  FoldOptions fold = (*store)->fold_options();
  if (o.fold_days >= 0) fold.day_tolerance = o.fold_days;
  if (o.fold_any_modality) fold.match_modality = false;
  Status st = (*store)->SetFoldOptions(fold);

  IngestOptions io;
  io.batch_size = o.batch;
  io.batch_bytes = o.batch_bytes;
  io.threads = o.threads;
  io.format = *format;
  io.default_date = o.date;
  io.allow_undated = o.allow_undated;
  io.replace = o.replace;
  io.coded_by = CoderVersion(**pipeline, ANNALS_VERSION);
  if (st.ok()) st = RecordCoderMeta(**store, **pipeline, ANNALS_VERSION, io.coded_by);
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return kExitIoError;
  }

  const bool tty = !o.quiet && isatty(STDERR_FILENO);
  bool drew = false;
  auto progress = [&](const IngestProgress& p) {
    if (!tty) return;
    DrawProgress(p);
    drew = true;
  };
  auto problem = [&](const Diagnostic& d) {
    if (drew) std::fputs("\r\x1b[K", stderr);
    PrintDiagnostic(kCmd, d);
  };
  Ingester ingester(**pipeline, store->get(), io);
  if (o.recode) st = ingester.RecodeStale(problem, progress);
  if (st.ok() && !o.paths.empty()) st = ingester.IngestPaths(o.paths, problem, progress);
  if (drew) std::fputs("\n", stderr);
  const IngestProgress& p = ingester.progress();
  if (!o.quiet) {
    std::string line = std::to_string(p.stored) + " document(s) stored, " + std::to_string(p.events) + " event(s)";
    if (p.replaced) line += ", " + std::to_string(p.replaced) + " replaced";
    if (p.recoded) line += ", " + std::to_string(p.recoded) + " re-coded";
    line += ", " + std::to_string(p.duplicates) + " already stored, " + std::to_string(p.failed) + " bad";
    char rate[96];
    const double docs = static_cast<double>(p.stored + p.recoded + p.replaced);
    std::snprintf(rate, sizeof rate, " in %.1f s (%.1f docs/s, %.1f events/s)", p.seconds,
                  p.seconds > 0 ? docs / p.seconds : 0.0,
                  p.seconds > 0 ? static_cast<double>(p.events) / p.seconds : 0.0);
    PrintNote(kCmd, line + rate + " -> " + o.db);
  }
  if (!st.ok()) {
    PrintError(kCmd, st.message());
    return st.code() == StatusCode::kNotFound || st.code() == StatusCode::kIoError ? kExitIoError : kExitDataError;
  }
  return p.failed > 0 ? kExitPartial : kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<IngestCliOptions>();
  AddPipelineOptions(app, &o->pipeline);
  app->add_option("paths", o->paths, "Files and folders (.txt, .jsonl, .ndjson, optionally .gz/.zst)");
  app->add_option("--db", o->db, "Store file (SQLite; created if missing)")->capture_default_str();
  app->add_option("--input-format", o->input_format, "text, jsonl or auto (by file extension)")
      ->check(CLI::IsMember({"auto", "text", "txt", "jsonl", "ndjson"}));
  app->add_option("--date", o->date,
                  "Publication date YYYY-MM-DD of documents without one (text files; JSONL records without "
                  "\"date\"). Required for undated input unless --allow-undated");
  app->add_flag("--allow-undated", o->allow_undated,
                "Store documents without a date anyway: dated today and flagged (date_precision \"undated\")");
  app->add_flag("--replace", o->replace,
                "Replace stored documents of the same id (to fix a date or text): re-coded, refolded");
  app->add_flag("--recode", o->recode,
                "Re-code stored documents coded by another version of Annals, its data or Goldstein table");
  app->add_option("--batch", o->batch, "At most this many documents per transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--batch-bytes", o->batch_bytes,
                  "At most this much document text per transaction (e.g. 512KB, 4MB); memory peaks near 120 times "
                  "this")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--threads", o->threads, "Coding threads (0 = all cores)")->check(CLI::NonNegativeNumber);
  app->add_option("--fold-days", o->fold_days, "Folding: days after an event's first report still folded into it "
                                               "(stored in the file; changing it refolds)");
  app->add_flag("--fold-any-modality", o->fold_any_modality,
                "Folding: fold records whatever their modality (default: same modality only)");
  app->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary");
  return [o] { return RunIngest(*o); };
}

ANNALS_COMMAND("ingest", "Code documents into the embedded event store (idempotent)", Setup);

}  // namespace
}  // namespace annals::cli
