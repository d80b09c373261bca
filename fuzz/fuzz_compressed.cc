// Fuzz target: .gz and .zst input (any bytes, first byte picks the format)
// through the byte streams and the text reader: truncated and concatenated
// members, trailing bytes, the decompression caps.
#include "fuzz_util.h"
#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string path =
      annals::fuzz::WriteTemp(annals::fuzz::AsText(data + 1, size - 1), data[0] & 1 ? ".txt.zst" : ".txt.gz");
  annals::ReadOptions options;
  options.default_date = "2025-01-01";
  options.max_document_bytes = 1 << 20;
  annals::ReadStats stats;
  (void)annals::ReadDocuments(path, options, [](annals::Document&&) {}, [](const annals::Diagnostic&) {}, &stats);
  return 0;
}
