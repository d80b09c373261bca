// Event coding throughput. Workloads (sentences from the regression set,
// tests/events/regression.gold, coded as one document each):
//   BM_CodeOnly      the events stage alone on documents already parsed
//                    (text..quotes run once, outside the timing);
//   BM_FullPipeline  raw text through every stage, parse included -- the
//                    "sentences/s, parse included" figure of docs/coding.md.
// Run from the repository root: build/bench/events_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "annals/pipeline.h"
#include "base/file.h"
#include "events/event_eval.h"
#include "events/events_stage.h"

namespace annals {
namespace {

struct Workload {
  std::unique_ptr<Pipeline> pipeline;
  std::unique_ptr<Stage> events;
  std::vector<Document> raw;
  std::vector<Document> parsed;
  size_t sentences = 0;
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
    std::vector<std::string> errors;
    auto ev = CreateEventsStage(out->pipeline->config(), out->pipeline->ontology(), &errors);
    if (!ev.ok()) std::exit(1);
    out->events = std::move(ev).value();
    Result<std::string> text = ReadFile("tests/events/regression.gold");
    if (!text.ok()) {
      std::fprintf(stderr, "run from the repository root: %s\n", text.status().ToString().c_str());
      std::exit(1);
    }
    for (const auto& item : events::ParseGold(*text, "regression.gold", &errors)) {
      Document d;
      d.id = item.id;
      d.date = item.date;
      d.text = item.text;
      out->raw.push_back(d);
      Status st = out->pipeline->ProcessUntil(&d, "quotes");
      if (!st.ok()) continue;
      out->sentences += d.sentences.size();
      out->parsed.push_back(std::move(d));
    }
    return out;
  }();
  return w;
}

void BM_CodeOnly(benchmark::State& state) {
  Workload* w = Load();
  std::vector<Document> docs = w->parsed;
  size_t sentences = 0;
  for (auto _ : state) {
    for (Document& d : docs) {
      benchmark::DoNotOptimize(w->events->Process(&d));
      sentences += d.sentences.size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeOnly)->Unit(benchmark::kMillisecond);

void BM_FullPipeline(benchmark::State& state) {
  Workload* w = Load();
  size_t sentences = 0;
  for (auto _ : state) {
    for (const Document& raw : w->raw) {
      Document d = raw;
      benchmark::DoNotOptimize(w->pipeline->Process(&d));
      sentences += d.sentences.size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FullPipeline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals
