// Benchmarks of the quotes and attach stages against the whole pipeline,
// on the seed article (../shared/examples/seed-article.txt, dated
// 2025-08-19; the benchmarks report an error when it is absent).
//
// Workloads:
//   BM_QuotesStage   the quotes stage alone, on a document already through
//                    text, syntax, actors, time and amounts
//   BM_AttachStage   the attach stage alone, on a document through events
//   BM_Pipeline      every stage from raw text, for the share of the total
// Each reports words/s (Document::tokens per second).
//
// Run from the repository root: build-*/bench/quotes_bench
#include <benchmark/benchmark.h>

#include <memory>

#include "annals/pipeline.h"
#include "attach/attach_stage.h"
#include "base/file.h"
#include "quotes/quotes_stage.h"

namespace annals {
namespace {

constexpr const char* kSeedPath = "../shared/examples/seed-article.txt";

struct Setup {
  std::unique_ptr<Pipeline> pipeline;
  std::string text;
  std::string error;
};

const Setup& GetSetup() {
  static const Setup* setup = [] {
    auto* s = new Setup;
    auto text = ReadFile(kSeedPath);
    if (!text.ok()) {
      s->error = text.status().ToString();
      return s;
    }
    s->text = *text;
    auto p = Pipeline::Create(Config{});
    if (!p.ok()) {
      s->error = p.status().ToString();
      return s;
    }
    s->pipeline = std::move(p).value();
    return s;
  }();
  return *setup;
}

Document Prepared(const Setup& s, std::string_view until) {
  Document doc;
  doc.id = "seed";
  doc.date = "2025-08-19";
  doc.text = s.text;
  const Status st = s.pipeline->ProcessUntil(&doc, until);
  (void)st;
  return doc;
}

void BM_QuotesStage(benchmark::State& state) {
  const Setup& s = GetSetup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  Document doc = Prepared(s, "amounts");
  auto stage = CreateQuotesStage(Config{});
  for (auto _ : state) {
    // The stage replaces Document::quotes, so the same document serves.
    benchmark::DoNotOptimize((*stage)->Process(&doc));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * doc.tokens.size()));
  state.counters["quotes"] = static_cast<double>(doc.quotes.size());
}
BENCHMARK(BM_QuotesStage);

void BM_AttachStage(benchmark::State& state) {
  const Setup& s = GetSetup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  Document doc = Prepared(s, "events");
  auto stage = CreateAttachStage(Config{});
  for (auto _ : state) {
    // Attach recomputes each event's context from scratch: idempotent.
    benchmark::DoNotOptimize((*stage)->Process(&doc));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * doc.tokens.size()));
  state.counters["events"] = static_cast<double>(doc.events.size());
}
BENCHMARK(BM_AttachStage);

void BM_Pipeline(benchmark::State& state) {
  const Setup& s = GetSetup();
  if (!s.error.empty()) {
    state.SkipWithError(s.error.c_str());
    return;
  }
  size_t tokens = 0;
  for (auto _ : state) {
    Document doc;
    doc.id = "seed";
    doc.date = "2025-08-19";
    doc.text = s.text;
    benchmark::DoNotOptimize(s.pipeline->Process(&doc));
    tokens = doc.tokens.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
}
BENCHMARK(BM_Pipeline);

}  // namespace
}  // namespace annals
