// Throughput of the time and amounts stages, against the parse they follow.
// Workloads (the TimeML dev and test texts, tests/timeml/{dev,test}/*.tml,
// one document each, dated by their DCT):
//   BM_TimeStage       the time stage alone on documents already parsed
//                      (text..actors run once, outside the timing);
//   BM_AmountsStage    the amounts stage alone on the same documents;
//   BM_TextAndSyntax   raw text through the text and syntax stages, the cost
//                      the two stages above are compared with.
// Counters: tokens/s. Run from the repository root: build/bench/time_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "amounts/amounts_stage.h"
#include "annals/pipeline.h"
#include "base/file.h"
#include "time/time_stage.h"
#include "time/timeml.h"

namespace annals {
namespace {

struct Workload {
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<Stage> time;
  std::unique_ptr<Stage> amounts;
  std::vector<Document> raw;
  std::vector<Document> parsed;
  size_t tokens = 0;
};

Workload* Load() {
  static Workload* w = [] {
    auto* out = new Workload();
    Config config;
    auto p = Pipeline::Create(config);
    if (!p.ok()) {
      std::fprintf(stderr, "pipeline: %s\n", p.status().ToString().c_str());
      std::exit(1);
    }
    out->pipeline = std::move(p).value();
    auto t = CreateTimeStage(out->pipeline->config());
    auto a = CreateAmountsStage(out->pipeline->config());
    if (!t.ok() || !a.ok()) {
      std::fprintf(stderr, "stages: %s %s\n", t.status().ToString().c_str(),
                   a.status().ToString().c_str());
      std::exit(1);
    }
    out->time = std::move(t).value();
    out->amounts = std::move(a).value();
    for (const char* dir : {"tests/timeml/dev", "tests/timeml/test"}) {
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        auto xml = ReadFile(e.path().string());
        if (!xml.ok()) continue;
        auto gold = timex::ParseTimeml(*xml, e.path().string());
        if (!gold.ok()) continue;
        Document d;
        d.id = e.path().filename().string();
        d.date = gold->dct;
        d.text = gold->text;
        out->raw.push_back(d);
        if (!out->pipeline->ProcessUntil(&d, "actors").ok()) continue;
        out->tokens += d.tokens.size();
        out->parsed.push_back(std::move(d));
      }
    }
    if (out->parsed.empty()) {
      std::fprintf(stderr, "run from the repository root (no tests/timeml texts)\n");
      std::exit(1);
    }
    return out;
  }();
  return w;
}

void RunStage(benchmark::State& state, const Stage& stage) {
  Workload* w = Load();
  std::vector<Document> docs = w->parsed;
  for (auto _ : state) {
    for (Document& d : docs) {
      Status st = stage.Process(&d);
      benchmark::DoNotOptimize(st);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(w->tokens) * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_TimeStage(benchmark::State& state) { RunStage(state, *Load()->time); }
void BM_AmountsStage(benchmark::State& state) { RunStage(state, *Load()->amounts); }

void BM_TextAndSyntax(benchmark::State& state) {
  Workload* w = Load();
  for (auto _ : state) {
    for (const Document& raw : w->raw) {
      Document d = raw;
      Status st = w->pipeline->ProcessUntil(&d, "syntax");
      benchmark::DoNotOptimize(st);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(w->tokens) * state.iterations(), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_TimeStage)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AmountsStage)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TextAndSyntax)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals
