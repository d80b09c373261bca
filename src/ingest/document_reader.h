// Reading documents from input files.
//
// Two input formats:
//   text   the whole file is one document: id = file name (or
//          ReadOptions::id), date = ReadOptions::default_date.
//   jsonl  one JSON object per line: {"id", "date" (YYYY-MM-DD or an ISO
//          date-time), "text", optional "title", "source", "url"}. A line
//          that is not valid JSON, lacks "text", or has a "date" that is not
//          an ISO date is reported with file:line and skipped; the rest of
//          the file is read.
// Dates. A document without a date takes ReadOptions::default_date. Without
// one either, it is refused (reported, skipped) when ReadOptions::
// require_date is set -- the store needs a publication date to date events
// -- and otherwise dated today with Document::undated set and a warning.
// gzip- and zstd-compressed files are read transparently (ByteStream).
//
// Documents are handed to a callback one at a time, so a file of any size
// is read in constant memory (one document at a time).
#pragma once

#include <functional>
#include <string>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

enum class InputFormat { kAuto, kText, kJsonl };

// "text", "jsonl" or "auto"; nullopt-like failure as InvalidArgument.
Result<InputFormat> ParseInputFormat(const std::string& name);
// kAuto resolved from the file name: *.jsonl, *.jsonl.gz, *.jsonl.zst,
// *.ndjson -> jsonl; anything else (and "-") -> text.
InputFormat ResolveInputFormat(InputFormat format, const std::string& path);

// The per-document bound: a document (a text file, or one JSONL record)
// larger than this is reported and skipped. Coding holds about 120 bytes
// per byte of text (tokens, parse, mentions, events), so the limit keeps
// one document under about 1 GB of memory; a real article is 100 times
// smaller. docs/store.md ("Bounds") gives the measured time and memory.
inline constexpr size_t kDefaultMaxDocumentBytes = size_t{8} << 20;

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  std::string default_date;  // YYYY-MM-DD used when a document has none
  bool require_date = false; // refuse documents without a date (and no default)
  std::string id;            // id for a text document ("" = file name)
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
};

struct ReadStats {
  size_t documents = 0;  // handed to the callback
  size_t skipped = 0;    // bad records reported and skipped
};

using DocumentSink = std::function<void(Document&& doc)>;
// Receives one problem: an error (record skipped) or a warning.
using ProblemSink = std::function<void(const Diagnostic& problem)>;

// Reads every document in `path` ("-" = stdin). Returns non-OK only when the
// file cannot be read at all (missing, unreadable, corrupt compression);
// per-record problems go to on_problem.
Status ReadDocuments(const std::string& path, const ReadOptions& options, const DocumentSink& on_document,
                     const ProblemSink& on_problem, ReadStats* stats);

// Parses one JSONL record. `origin` ("file:line") names it in errors.
Result<Document> ParseJsonDocument(std::string_view line, const std::string& origin, const ReadOptions& options,
                                   std::vector<Diagnostic>* warnings);

}  // namespace annals
