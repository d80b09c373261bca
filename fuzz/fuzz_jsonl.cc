// Fuzz target: one JSON Lines file (any bytes) through the document reader:
// depth and size caps, field types, UTF-8 and surrogate repair, dates.
#include "fuzz_util.h"
#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = annals::fuzz::WriteTemp(annals::fuzz::AsText(data, size), ".jsonl");
  annals::ReadOptions options;
  options.default_date = "2025-01-01";
  options.max_document_bytes = 1 << 20;
  annals::ReadStats stats;
  (void)annals::ReadDocuments(path, options, [](annals::Document&&) {}, [](const annals::Diagnostic&) {}, &stats);
  return 0;
}
