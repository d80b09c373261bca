// Whole-pipeline throughput: codes a corpus several times and prints
// documents/s, sentences/s, tokens/s and events/s (median of the runs) and
// the peak resident memory.
//
// Workloads (the corpus argument):
//   *.conllu  the "# text = ..." lines of a CoNLL-U file, one document per
//             paragraph of UD sentences (e.g. ../shared/ud/en_ewt/*.conllu)
//   *.jsonl   JSON Lines documents; anything else: one text document.
// Usage: pipeline_tool CORPUS [--runs N] [--until STAGE] [--date YYYY-MM-DD]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/document_reader.h"

namespace {

std::vector<annals::Document> LoadConllu(const std::string& path, const std::string& date) {
  std::ifstream in(path);
  std::vector<annals::Document> docs;
  std::string line, text;
  auto flush = [&] {
    if (text.empty()) return;
    annals::Document d;
    d.id = path + "#" + std::to_string(docs.size());
    d.date = date;
    d.text = text;
    docs.push_back(std::move(d));
    text.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || line.rfind("# newpar", 0) == 0) flush();
    if (line.rfind("# text = ", 0) == 0) {
      if (!text.empty()) text += ' ';
      text += line.substr(9);
    }
  }
  flush();
  return docs;
}

long PeakRssKb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS [--runs N] [--until STAGE] [--date YYYY-MM-DD]\n", argv[0]);
    return 2;
  }
  const std::string corpus = argv[1];
  int runs = 5;
  std::string until, date = "2025-08-19";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--until")) until = argv[i + 1];
    else if (!std::strcmp(argv[i], "--date")) date = argv[i + 1];
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto pipeline = annals::Pipeline::Create(annals::Config{});
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 3;
  }
  const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::vector<annals::Document> corpus_docs;
  if (corpus.size() > 7 && corpus.compare(corpus.size() - 7, 7, ".conllu") == 0) {
    corpus_docs = LoadConllu(corpus, date);
  } else {
    annals::ReadOptions ro;
    ro.default_date = date;
    const annals::Status st = annals::ReadDocuments(
        corpus, ro, [&](annals::Document&& d) { corpus_docs.push_back(std::move(d)); },
        [](const annals::Diagnostic&) {}, nullptr);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 4;
    }
  }
  size_t bytes = 0;
  for (const auto& d : corpus_docs) bytes += d.text.size();

  std::vector<double> seconds;
  size_t sentences = 0, tokens = 0, events = 0;
  for (int r = 0; r < runs; ++r) {
    std::vector<annals::Document> docs = corpus_docs;
    sentences = tokens = events = 0;
    const auto start = std::chrono::steady_clock::now();
    for (auto& d : docs) {
      (void)(*pipeline)->ProcessUntil(&d, until);
      sentences += d.sentences.size();
      tokens += d.tokens.size();
      events += d.events.size();
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  const double s = Median(seconds);
  std::printf("corpus %s: %zu documents, %zu sentences, %zu tokens, %.1f MB\n", corpus.c_str(),
              corpus_docs.size(), sentences, tokens, bytes / 1e6);
  std::printf("stages %s (until '%s'), load %.3f s, %d runs, median %.3f s\n",
              [&] { std::string n; for (auto& x : (*pipeline)->StageNames()) n += x + " "; return n; }().c_str(),
              until.c_str(), load_s, runs, s);
  std::printf("throughput: %.0f documents/s, %.0f sentences/s, %.0f tokens/s, %.0f events/s\n",
              corpus_docs.size() / s, sentences / s, tokens / s, events / s);
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}
