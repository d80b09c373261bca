// Ingest: files and folders of documents -> coded -> stored, idempotently.
//
// IngestPaths() expands folders (recursively; files ending in .txt, .jsonl,
// .ndjson, optionally .gz/.zst, in path order so every run visits documents
// in the same order), reads documents (ingest/document_reader.h), drops
// those already stored (same id with the same text, or the same text under
// another id: Store::Lookup) or seen earlier in the run, codes the rest
// with the pipeline on `threads` threads, and stores them in batches, one
// transaction each (the fold keys a batch touches are refolded in the same
// transaction). A batch ends at `batch_bytes` of document text or
// `batch_size` documents, whichever comes first: a coded document holds
// about 120 bytes per byte of text (tokens, parse, mentions, events), so
// the bytes bound what a batch holds in memory -- about 120 x batch_bytes,
// plus one document larger than that on its own (issue 17.5). Killing the process loses
// at most the batch in flight; re-running the same command skips every
// committed document and so ends with the same database as an uninterrupted
// run. Existence is checked again inside each batch's write transaction, so
// two ingests into one store at once end as if run one after the other.
//
// Ids. A text file's id is its path relative to the folder named on the
// command line ("2025/03/a.txt"), or its file name when the file itself was
// named; JSONL records carry their own. A document whose id is stored (or
// read earlier in the run) with *different* text is a conflict: reported and
// skipped, or, with IngestOptions::replace, it replaces the stored one (new
// text, date and layers). Dates: see IngestOptions::allow_undated.
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
#include <map>
#include <set>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/document_reader.h"
#include "store/store.h"

namespace annals {

struct IngestOptions {
  size_t batch_size = 200;  // at most this many documents per transaction
  // ... and at most this many bytes of document text (a larger document
  // is a batch of its own). Peak memory is about 120 times this.
  size_t batch_bytes = size_t{1} << 20;
  int threads = 0;          // coding threads; 0 = hardware concurrency
  InputFormat format = InputFormat::kAuto;
  std::string default_date;  // for text files and records without a date
  // Without a date (in the record or default_date) a document is refused,
  // reported and skipped -- unless this is set: it is then dated today and
  // flagged undated (documents.undated, events' date_precision "undated").
  bool allow_undated = false;
  // A document whose id is already stored replaces the stored one (text,
  // date, metadata and every layer), instead of being skipped or refused.
  bool replace = false;
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
  size_t replaced = 0;       // stored documents replaced (--replace)
  size_t duplicates = 0;     // skipped: already stored or repeated in input
  size_t failed = 0;         // bad records, id conflicts, documents the
                             // pipeline refused
  size_t events = 0;         // events stored
  size_t batches = 0;        // transactions committed
  double seconds = 0;        // since the run started
};

using ProgressSink = std::function<void(const IngestProgress&)>;

struct InputFile {
  std::string path;  // as found ("corpus/2025/a.txt")
  std::string id;    // document id of a text file: the path relative to the
                     // folder named ("2025/a.txt"), or the file name
};

// The input files under `paths`, each folder's in path order (symbolic
// links to folders are not followed). NotFound for a missing path (checked
// for every path before anything is listed) and for a folder holding no
// input file at all; IoError for a named folder that cannot be listed. A
// sub-folder that cannot be listed is appended to *unreadable (when given,
// as "path: cannot list folder: reason") and the walk goes on.
Result<std::vector<InputFile>> ListInputFiles(const std::vector<std::string>& paths,
                                              std::vector<std::string>* unreadable = nullptr);

// "annals <version>; goldstein=<table>; data=<fingerprint>": a change of
// version, Goldstein table or any shipped data file changes it.
std::string CoderVersion(const Pipeline& pipeline, const std::string& annals_version);
// "CAMEO event codes + CAMEO->PLOVER map (data/ontology, fingerprint ...)":
// the ontology tables' fingerprint, recorded so every export names it.
std::string OntologyDescription(const Pipeline& pipeline);
// Records in the store's meta table what codes the documents about to be
// ingested: annals_version, goldstein_table, ontology, coded_by. Every
// writer (`annals ingest`, `annals serve`) calls it before ingesting.
Status RecordCoderMeta(Store& store, const Pipeline& pipeline, const std::string& annals_version,
                       const std::string& coded_by);

class Ingester {
 public:
  // `pipeline` and `store` must outlive the Ingester.
  Ingester(const Pipeline& pipeline, Store* store, IngestOptions options);

  Status IngestPaths(const std::vector<std::string>& paths, const ProblemSink& on_problem,
                     const ProgressSink& on_progress);
  Status RecodeStale(const ProblemSink& on_problem, const ProgressSink& on_progress);

  const IngestProgress& progress() const { return progress_; }

 private:
  enum class Action { kPut, kReplace, kRecode };
  struct Item {
    Document doc;
    std::string content_hash;
    std::string normalized;  // Store::NormalizeForHash of the text as read
    Action action = Action::kPut;
    Status status;
  };
  // Decides what to do with a document just read (store, replace, skip);
  // false when it is skipped.
  bool Admit(Item* item, const ProblemSink& on_problem, Status* fatal);
  Status Flush(const ProblemSink& on_problem, const ProgressSink& on_progress);
  void Tick(const ProgressSink& on_progress, bool force);
  bool BatchFull() const;

  const Pipeline& pipeline_;
  Store* store_;
  IngestOptions options_;
  IngestProgress progress_;
  std::vector<Item> batch_;
  size_t batch_text_bytes_ = 0;  // text bytes of the documents in batch_
  // Every id read in this run -> (content hash, origin): a later document
  // with the same id and other text is a conflict even in --replace mode.
  std::map<std::string, std::pair<std::string, std::string>> run_ids_;
  std::set<std::string> batch_hashes_;  // content hashes in the pending batch
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_tick_;
};

}  // namespace annals
