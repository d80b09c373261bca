// Benchmarks of the actors stage (issue 4):
//   BM_LoadDictionaries  loading data/actors/ and data/gazetteer/ (start-up cost)
//   BM_LoadGazetteer     loading data/gazetteer/ alone (the bar: < 0.3 s)
//   BM_ActorsStage       Process() on a tokenized news article, tokens/s
//   BM_PlaceLookup       Gazetteer::Lookup of common and ambiguous names, lookups/s
//   BM_NameLookup        ActorDictionary::Lookup by name, lookups/s
// The article is ../shared/examples/seed-article.txt when present, else a
// built-in paragraph of invented text with the same kinds of mentions.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "actors/actor_dictionary.h"
#include "actors/actors_stage.h"
#include "actors/gazetteer.h"
#include "base/file.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

constexpr char kFallback[] =
    "British Prime Minister Keir Starmer spoke with Volodymyr Zelensky on Tuesday. The Russian leader "
    "said his foreign minister would travel to Geneva. Ukrainian troops held positions near Kharkiv while "
    "protesters gathered in Paris. Starmer said he would meet the US president in Washington. NATO "
    "Secretary General Mark Rutte warned that Russian forces were massing. Police in Lagos arrested "
    "opposition lawmakers, officials said.\n\n";

Document Article() {
  Document doc;
  Result<std::string> seed = ReadFile("../shared/examples/seed-article.txt");
  if (seed.ok()) {
    doc.text = *seed;
  } else {
    for (int i = 0; i < 10; ++i) doc.text += kFallback;
  }
  doc.date = "2025-08-19";
  Tokenize(&doc);
  return doc;
}

std::string DataDir() {
  const char* env = std::getenv("ANNALS_DATA");
  return env != nullptr ? env : DefaultDataDir();
}

void BM_LoadDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<DictionaryIssue> issues;
    auto dict = ActorDictionary::Load(JoinPath(DataDir(), "actors"), "", &issues);
    auto gaz = Gazetteer::Load(JoinPath(DataDir(), "gazetteer"), &issues);
    benchmark::DoNotOptimize(dict.ok() && gaz.ok());
  }
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond);

void BM_LoadGazetteer(benchmark::State& state) {
  size_t entries = 0;
  for (auto _ : state) {
    std::vector<DictionaryIssue> issues;
    auto gaz = Gazetteer::Load(JoinPath(DataDir(), "gazetteer"), &issues);
    if (!gaz.ok()) {
      state.SkipWithError(gaz.status().message().c_str());
      return;
    }
    entries = (*gaz)->entries().size();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_LoadGazetteer)->Unit(benchmark::kMillisecond)->Iterations(5)->Repetitions(3)->ReportAggregatesOnly(true);

void BM_ActorsStage(benchmark::State& state) {
  Config config;
  config.data_dir = DataDir();
  Result<std::unique_ptr<Stage>> stage = CreateActorsStage(config);
  if (!stage.ok()) {
    state.SkipWithError(stage.status().message().c_str());
    return;
  }
  const Document article = Article();
  size_t mentions = 0;
  for (auto _ : state) {
    Document doc = article;
    benchmark::DoNotOptimize((*stage)->Process(&doc).ok());
    mentions = doc.mentions.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * article.tokens.size()));
  state.counters["tokens"] = static_cast<double>(article.tokens.size());
  state.counters["mentions"] = static_cast<double>(mentions);
}
BENCHMARK(BM_ActorsStage)->Unit(benchmark::kMicrosecond);

void BM_PlaceLookup(benchmark::State& state) {
  std::vector<DictionaryIssue> issues;
  auto gaz = Gazetteer::Load(JoinPath(DataDir(), "gazetteer"), &issues);
  if (!gaz.ok()) {
    state.SkipWithError(gaz.status().message().c_str());
    return;
  }
  const std::vector<std::string> names = {"Geneva", "Paris", "Georgia", "Kiev", "Lagos", "Springfield",
                                          "San Jose", "Nowhere Town"};
  const std::vector<std::string> context = {"USA"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*gaz)->Lookup(names[i++ % names.size()], context));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_PlaceLookup);

void BM_NameLookup(benchmark::State& state) {
  std::vector<DictionaryIssue> issues;
  auto dict = ActorDictionary::Load(JoinPath(DataDir(), "actors"), "", &issues);
  if (!dict.ok()) {
    state.SkipWithError(dict.status().message().c_str());
    return;
  }
  const std::vector<std::string> names = {"Vladimir Putin", "Zelenskyy", "the Kremlin", "NATO", "U.S.",
                                          "Nobody Known"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize((*dict)->Lookup(names[i++ % names.size()]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_NameLookup);

}  // namespace
}  // namespace annals
