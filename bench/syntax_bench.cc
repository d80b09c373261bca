// Benchmarks of the syntax stage (tagging + lemmatising + parsing) on the
// words of a UD treebank, one thread.
//
// Workloads:
//   BM_SyntaxAnalyze   tagger + lemmatizer + parser over every sentence of
//                      the test treebank (gold words); items = words
//   BM_SyntaxTagOnly   tagger + lemmatizer alone
//   BM_SyntaxModelLoad reading, checking and decompressing the model file
// Counters: words/s ("items_per_second") and the process's peak RSS in MB.
//
// Data: the shipped model (ANNALS_DATA or the source tree's data/) and
// $ANNALS_UD_TEST, else ../shared/ud/en_ewt/en_ewt-ud-test.conllu relative
// to the working directory (run from the repository root). Skips with a
// message when either is missing. Development data only: nothing here ships.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <memory>

#include "annals/config.h"
#include "syntax/conllu.h"
#include "syntax/syntax_model.h"
#include "syntax/syntax_stage.h"

namespace {

using annals::syntax::ConlluSentence;
using annals::syntax::SentenceAnalysis;
using annals::syntax::SyntaxModel;

struct Fixture {
  std::unique_ptr<SyntaxModel> model;
  std::vector<ConlluSentence> sentences;
  std::vector<std::vector<std::string_view>> forms;
  size_t words = 0;
  std::string error;
};

const Fixture& Data() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    auto model = SyntaxModel::Load(annals::SyntaxModelPath(annals::Config{}),
                                  annals::LexiconDir(annals::Config{}));
    if (!model.ok()) {
      fx->error = model.status().ToString();
      return fx;
    }
    fx->model = std::move(model).value();
    const char* env = std::getenv("ANNALS_UD_TEST");
    const std::string path = env != nullptr ? env : "../shared/ud/en_ewt/en_ewt-ud-test.conllu";
    auto gold = annals::syntax::ReadConllu(path);
    if (!gold.ok()) {
      fx->error = gold.status().ToString();
      return fx;
    }
    fx->sentences = std::move(gold->sentences);
    for (const ConlluSentence& s : fx->sentences) {
      fx->forms.emplace_back();
      for (const auto& w : s.words) fx->forms.back().push_back(w.form);
      fx->words += s.words.size();
    }
    return fx;
  }();
  return *f;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void Run(benchmark::State& state, bool parse) {
  const Fixture& fx = Data();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  SentenceAnalysis a;
  for (auto _ : state) {
    for (const auto& s : fx.forms) {
      if (parse) {
        fx.model->Analyze(s, &a);
      } else {
        fx.model->TagOnly(s, &a);
      }
      benchmark::DoNotOptimize(a.heads.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * fx.words));
  state.counters["peak_rss_mb"] = PeakRssMb();
}

void BM_SyntaxAnalyze(benchmark::State& state) { Run(state, true); }
void BM_SyntaxTagOnly(benchmark::State& state) { Run(state, false); }

void BM_SyntaxModelLoad(benchmark::State& state) {
  const std::string path = annals::SyntaxModelPath(annals::Config{});
  const std::string lexicon = annals::LexiconDir(annals::Config{});
  for (auto _ : state) {
    auto m = SyntaxModel::Load(path, lexicon);
    if (!m.ok()) {
      state.SkipWithError(m.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(m->get());
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
}

BENCHMARK(BM_SyntaxAnalyze)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_SyntaxTagOnly)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_SyntaxModelLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
