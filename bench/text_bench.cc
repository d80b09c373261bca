// Google Benchmark for the text stage: normalisation and tokenization of a
// news-like paragraph, reported in bytes/s and items (tokens)/s.
#include <benchmark/benchmark.h>

#include "text/normalize.h"
#include "text/tokenizer.h"

namespace {

std::string NewsText(size_t bytes) {
  static const std::string kParagraph =
      "British Prime Minister Keir Starmer said on Tuesday that the U.S. and Europe don't agree yet. "
      "\"We will keep talking,\" he told reporters in London at 2:00 p.m. The plan, worth $100 billion, "
      "was rejected by Russia's foreign ministry -- a blow to Kyiv\xE2\x80\x99s allies.\n\n";
  std::string s;
  while (s.size() < bytes) s += kParagraph;
  return s;
}

void BM_Normalize(benchmark::State& state) {
  const std::string text = NewsText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    annals::Document d;
    benchmark::DoNotOptimize(annals::NormalizeText(text, &d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Arg(1 << 16);

void BM_Tokenize(benchmark::State& state) {
  annals::Document d;
  d.text = NewsText(static_cast<size_t>(state.range(0)));
  size_t tokens = 0;
  for (auto _ : state) {
    annals::Tokenize(&d);
    tokens += d.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
}
BENCHMARK(BM_Tokenize)->Arg(1 << 16);

}  // namespace
