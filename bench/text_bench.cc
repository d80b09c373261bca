// Google Benchmark for the text stage: normalisation, furniture and
// tokenization of a news-like paragraph, and the whole stage over a wire
// story (headline, byline, dateline, body, credit), reported in bytes/s and
// items (tokens)/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "annals/config.h"
#include "base/file.h"
#include "text/furniture.h"
#include "text/normalize.h"
#include "text/text_stage.h"
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

// The body of NewsText() under a wire story's head, with a closing credit.
std::string WireText(size_t bytes) {
  return "Russia Launches Biggest Drone Attack Of The War\nBy Jane Smith, Reuters\n\nKYIV, Aug 19 (Reuters) - " +
         NewsText(bytes) + "(Reporting by Jane Smith; Editing by John Doe)\n";
}

const annals::text::FurnitureRecognizer& Furniture() {
  static const annals::text::FurnitureRecognizer* r = [] {
    std::vector<std::string> warnings;
    auto loaded = annals::text::FurnitureRecognizer::Load(annals::DefaultDataDir(), &warnings);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
      std::exit(1);
    }
    return new annals::text::FurnitureRecognizer(std::move(loaded).value());
  }();
  return *r;
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

void BM_FindFurniture(benchmark::State& state) {
  annals::Document d;
  d.text = WireText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    Furniture().Find(&d);
    benchmark::DoNotOptimize(d.furniture.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
}
BENCHMARK(BM_FindFurniture)->Arg(1 << 16);

// The stage as the pipeline runs it: normalise, find furniture, tokenize.
void BM_TextStage(benchmark::State& state) {
  annals::Config config;
  auto stage = annals::CreateTextStage(config);
  if (!stage.ok()) {
    state.SkipWithError(stage.status().message().c_str());
    return;
  }
  const std::string text = WireText(static_cast<size_t>(state.range(0)));
  size_t tokens = 0;
  for (auto _ : state) {
    annals::Document d;
    d.text = text;
    benchmark::DoNotOptimize((*stage)->Process(&d));
    tokens += d.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
}
BENCHMARK(BM_TextStage)->Arg(1 << 16);

}  // namespace
