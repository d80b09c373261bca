// store_tool: whole-run benchmark of the store (the db_bench of
// Annals' storage layer). Workloads, in order:
//
//   ingest  N documents of the synthetic corpus (store/synthetic_corpus.h)
//           written as JSONL, then ingested end to end (read, code with the
//           full pipeline, store, fold): documents/s, events/s, size.
//   store   synthetic documents with hand-made events (no pipeline) until
//           the store holds E raw events: store-only documents/s, events/s,
//           bytes per 1,000 documents.
//   query   on the `store` database: Q dyad x month queries (folded and raw),
//           median and 95th-percentile latency.
//
// Usage: store_tool [--docs N] [--events E] [--queries Q] [--dir D]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "annals/pipeline.h"
#include "base/civil_date.h"
#include "base/file.h"
#include "ontology/ontology.h"
#include "store/ingest.h"
#include "store/query.h"
#include "store/store.h"
#include "store/synthetic_corpus.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

uint64_t FileBytes(const std::string& db) {
  uint64_t total = 0;
  for (const char* ext : {"", "-wal"}) {
    std::error_code ec;
    const auto n = fs::file_size(db + ext, ec);
    if (!ec) total += n;
  }
  return total;
}

int Ingest(size_t docs, const std::string& dir) {
  const std::string corpus = dir + "/corpus";
  fs::create_directories(corpus);
  {
    const size_t per_file = 1000;
    for (size_t f = 0; f * per_file < docs; ++f) {
      std::ofstream out(corpus + "/part" + std::to_string(f) + ".jsonl");
      for (size_t i = f * per_file; i < std::min(docs, (f + 1) * per_file); ++i) {
        out << synthetic::JsonLine(synthetic::MakeArticle(i, 42)) << "\n";
      }
    }
  }
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(Config{});
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().ToString() << "\n";
    return 1;
  }
  const std::string db = dir + "/ingest.db";
  Result<std::unique_ptr<Store>> store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  IngestOptions o;
  o.coded_by = CoderVersion(**pipeline, "bench");
  Ingester ingester(**pipeline, store->get(), o);
  const auto start = Clock::now();
  const Status st = ingester.IngestPaths({corpus}, nullptr, nullptr);
  const double s = Seconds(start);
  if (!st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  const IngestProgress& p = ingester.progress();
  (*store)->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::printf("ingest: %zu documents, %zu events in %.2f s: %.1f documents/s, %.1f events/s; "
              "%zu stages; %.2f MB per 1,000 documents\n",
              p.stored, p.events, s, static_cast<double>(p.stored) / s, static_cast<double>(p.events) / s,
              (*pipeline)->StageNames().size(), FileBytes(db) / 1e6 / (static_cast<double>(p.stored) / 1000.0));
  // Second run over the same folder: every document is recognised.
  Ingester again(**pipeline, store->get(), o);
  const auto start2 = Clock::now();
  if (!again.IngestPaths({corpus}, nullptr, nullptr).ok()) return 1;
  std::printf("ingest again: %zu stored, %zu already stored, in %.2f s\n", again.progress().stored,
              again.progress().duplicates, Seconds(start2));
  return 0;
}

struct Actor {
  const char* name;
  const char* code;
};

const Actor kActors[] = {{"Russia", "RUS"},      {"Ukraine", "UKR"}, {"France", "FRA"}, {"Germany", "DEU"},
                         {"China", "CHN"},       {"United States", "USA"}, {"NATO", "NATO"}, {"Iran", "IRN"},
                         {"Israel", "ISR"},      {"Turkey", "TUR"},  {"Poland", "POL"}, {"Russian army", "RUSMIL"},
                         {"Ukrainian army", "UKRMIL"}, {"Kremlin", "RUSGOV"}, {"Elysee", "FRAGOV"},
                         {"United Nations", "UNO"}};
const char* kCodes[] = {"010", "020", "036", "042", "043", "051", "061", "071", "111", "112", "120",
                        "130", "138", "141", "163", "172", "173", "181", "190", "193", "195"};

int StoreAndQuery(size_t events_wanted, size_t queries, const std::string& dir) {
  Result<std::unique_ptr<Ontology>> ontology = Ontology::Load(DefaultDataDir(), "gdelt");
  if (!ontology.ok()) {
    std::cerr << ontology.status().ToString() << "\n";
    return 1;
  }
  const std::string db = dir + "/store.db";
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(db + ext);
  Result<std::unique_ptr<Store>> store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  const size_t n_actors = sizeof kActors / sizeof kActors[0];
  const size_t n_codes = sizeof kCodes / sizeof kCodes[0];
  synthetic::Rng rng(99);
  size_t docs = 0, events = 0;
  const auto start = Clock::now();
  while (events < events_wanted) {
    if (!(*store)->Begin().ok()) return 1;
    for (size_t b = 0; b < 200 && events < events_wanted; ++b, ++docs) {
      const synthetic::Article a = synthetic::MakeArticle(docs, 5);
      Document d;
      d.id = a.id;
      d.date = a.date;
      d.source = a.source;
      d.url = a.url;
      d.title = a.title;
      d.text = a.text;
      size_t pos = 0;
      while (pos < d.text.size()) {
        size_t end = d.text.find(". ", pos);
        end = end == std::string::npos ? d.text.size() : end + 1;
        Sentence s;
        s.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
        d.sentences.push_back(s);
        pos = end + 1;
      }
      // Several events per document, as a coder finds on wire copy: an
      // actor pair, a code and a date near the publication date.
      const size_t k = 1 + rng.Pick(std::min<size_t>(2 * d.sentences.size(), 8));
      for (size_t e = 0; e < k; ++e) {
        Event ev;
        ev.sentence = static_cast<uint32_t>(rng.Pick(d.sentences.size()));
        ev.span = d.sentences[ev.sentence].span;
        const Actor& s = kActors[rng.Pick(n_actors)];
        const Actor& t = kActors[rng.Pick(n_actors)];
        ev.source = EventActor{};
        ev.source->text = s.name;
        ev.source->actor = {s.name, s.code, std::string(s.code).substr(0, 3), "", "country", "", "", ""};
        ev.source->span = {ev.span.begin, ev.span.begin + 1};
        ev.target = EventActor{};
        ev.target->text = t.name;
        ev.target->actor = {t.name, t.code, std::string(t.code).substr(0, 3), "", "country", "", "", ""};
        ev.target->span = {ev.span.end - 1, ev.span.end};
        ev.cameo = kCodes[rng.Pick(n_codes)];
        ev.date = FormatIsoDate(AddDays(*ParseIsoDate(d.date), -static_cast<long>(rng.Pick(3))));
        ev.date_precision = "day";
        ev.evidence.rule = "bench";
        ev.confidence = 0.5 + 0.05 * static_cast<double>(rng.Pick(10));
        d.events.push_back(std::move(ev));
      }
      events += d.events.size();
      const Status st = (*store)->PutDocument(d, Store::ContentHash(d.text), **ontology, "bench");
      if (!st.ok()) {
        std::cerr << st.ToString() << "\n";
        return 1;
      }
    }
    const Status st = (*store)->Commit();
    if (!st.ok()) {
      std::cerr << st.ToString() << "\n";
      return 1;
    }
  }
  const double s = Seconds(start);
  (*store)->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  Result<StoreCounts> c = (*store)->Counts();
  std::printf("store: %zu documents, %zu events (%lld folded) in %.2f s: %.1f documents/s, %.1f events/s; "
              "%.2f MB per 1,000 documents (%.1f MB total)\n",
              docs, events, c.ok() ? static_cast<long long>(c->folded_events) : -1LL, s, docs / s, events / s,
              FileBytes(db) / 1e6 / (static_cast<double>(docs) / 1000.0), FileBytes(db) / 1e6);

  for (bool folded : {true, false}) {
    std::vector<double> ms;
    size_t rows = 0;
    for (size_t q = 0; q < queries; ++q) {
      EventFilter f;
      f.folded = folded;
      f.source = kActors[rng.Pick(n_actors)].code;
      f.target = kActors[rng.Pick(n_actors)].code;
      char month[16];
      std::snprintf(month, sizeof month, "2025-%02zu", 1 + rng.Pick(12));
      f.from = month;
      f.to = month;
      const auto t0 = Clock::now();
      const Status st = ForEachEvent(**store, f, [&](const EventRow&) {
        ++rows;
        return Status::Ok();
      });
      ms.push_back(Seconds(t0) * 1000);
      if (!st.ok()) {
        std::cerr << st.ToString() << "\n";
        return 1;
      }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("query dyad x month (%s, %zu queries, %.1f rows/query): median %.3f ms, p95 %.3f ms, max %.3f ms\n",
                folded ? "folded" : "raw", queries, static_cast<double>(rows) / static_cast<double>(queries),
                ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
  }
  return 0;
}

}  // namespace
}  // namespace annals

int main(int argc, char** argv) {
  size_t docs = 2000, events = 100000, queries = 200;
  std::string dir = "/tmp/annals_store_tool";
  std::string only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--docs") docs = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--events") events = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--queries") queries = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--only") only = argv[i + 1];
    else {
      std::cerr << "usage: annals_store_tool [--docs N] [--events E] [--queries Q] [--dir D] [--only ingest|store]\n";
      return 2;
    }
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::printf("annals_store_tool: %u hardware threads\n", std::thread::hardware_concurrency());
  if (only.empty() || only == "ingest") {
    if (annals::Ingest(docs, dir) != 0) return 1;
  }
  if (only.empty() || only == "store") {
    if (annals::StoreAndQuery(events, queries, dir) != 0) return 1;
  }
  return 0;
}
