// Ingest: files and folders of documents -> coded -> stored, idempotently.
//
// IngestPaths() expands folders (recursively; files ending in .txt, .jsonl,
// .ndjson, optionally .gz/.zst, in path order so every run visits documents
// in the same order), reads documents (ingest/document_reader.h), drops
// those already stored (same id, or same content hash) or seen earlier in
// the run, codes the rest with the pipeline on `threads` threads, and stores
// them in batches of `batch_size` documents, one transaction each (the fold
// keys a batch touches are refolded in the same transaction). Killing the
// process loses at most the batch in flight; re-running the same command
// skips every committed document and so ends with the same database as an
// uninterrupted run.
//
// RecodeStale() re-codes stored documents whose coded_by differs from the
// current coder version (after dictionaries, models or tables changed),
// replacing their layers in place.
//
// Bad documents (unreadable records, pipeline failures) are reported through
// the ProblemSink and skipped; only an unusable store stops the run.
//
// Thread-safety: an Ingester drives one Store from the calling thread; the
// Pipeline is shared read-only with its worker threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/document_reader.h"
#include "store/store.h"

namespace annals {

struct IngestOptions {
  size_t batch_size = 200;  // documents per transaction
  int threads = 0;          // coding threads; 0 = hardware concurrency
  InputFormat format = InputFormat::kAuto;
  std::string default_date;  // for text files and records without a date
  std::string coded_by;      // coder version recorded on every row
};

struct IngestProgress {
  size_t files_total = 0;
  size_t files_done = 0;
  uint64_t bytes_total = 0;  // sizes of the input files
  uint64_t bytes_done = 0;   // estimate: finished files + text read so far
  size_t read = 0;           // documents read
  size_t stored = 0;         // new documents stored
  size_t recoded = 0;        // stored documents re-coded
  size_t duplicates = 0;     // skipped: already stored or repeated in input
  size_t failed = 0;         // bad records and documents the pipeline refused
  size_t events = 0;         // events stored
  double seconds = 0;        // since the run started
};

using ProgressSink = std::function<void(const IngestProgress&)>;

// The input files under `paths`, sorted; NotFound for a missing path.
Result<std::vector<std::string>> ListInputFiles(const std::vector<std::string>& paths);

// "annals <version>; goldstein=<table>; data=<fingerprint>": a change of
// version, Goldstein table or any shipped data file changes it.
std::string CoderVersion(const Pipeline& pipeline, const std::string& annals_version);

class Ingester {
 public:
  // `pipeline` and `store` must outlive the Ingester.
  Ingester(const Pipeline& pipeline, Store* store, IngestOptions options);

  Status IngestPaths(const std::vector<std::string>& paths, const ProblemSink& on_problem,
                     const ProgressSink& on_progress);
  Status RecodeStale(const ProblemSink& on_problem, const ProgressSink& on_progress);

  const IngestProgress& progress() const { return progress_; }

 private:
  struct Item {
    Document doc;
    std::string content_hash;
    bool recode = false;
    Status status;
  };
  Status Flush(const ProblemSink& on_problem, const ProgressSink& on_progress);
  void Tick(const ProgressSink& on_progress, bool force);

  const Pipeline& pipeline_;
  Store* store_;
  IngestOptions options_;
  IngestProgress progress_;
  std::vector<Item> batch_;
  std::vector<std::string> batch_ids_;     // ids in the pending batch
  std::vector<std::string> batch_hashes_;  // content hashes in the pending batch
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_tick_;
};

}  // namespace annals
