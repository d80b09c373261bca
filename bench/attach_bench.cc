// The attach stage on long documents: is it near-linear in document length
// (issue 17 item 4)? The seed article (../shared/examples/seed-article.txt,
// dated 2025-08-19; an error when absent) goes once through the stages up
// to events, then its document is repeated, every layer shifted, until it
// holds about the argument's number of bytes of text.
//
// Workloads:
//   BM_AttachLongDocument/N   the attach stage alone on ~N bytes of repeated
//                             news text (64 KiB, 512 KiB, 2 MiB); reports
//                             bytes/s and words/s, so a flat rate across N
//                             means linear cost
//
// Run from the repository root: build/bench/attach_bench
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "annals/pipeline.h"
#include "attach/attach_stage.h"
#include "base/file.h"

namespace annals {
namespace {

constexpr const char* kSeedPath = "../shared/examples/seed-article.txt";

Span Shift(Span s, uint32_t off) { return {s.begin + off, s.end + off}; }

template <typename T>
void ShiftItem(T* x, uint32_t off, uint32_t tok0, uint32_t sent0) {
  x->span = Shift(x->span, off);
  x->token_begin += tok0;
  x->token_end += tok0;
  x->sentence += sent0;
}

// `one` repeated until the text holds at least `bytes` bytes.
Document Repeated(const Document& one, size_t bytes) {
  Document doc;
  doc.id = one.id;
  doc.date = one.date;
  doc.dateline = one.dateline;
  doc.dateline_place = one.dateline_place;
  while (doc.text.size() < bytes) {
    const uint32_t off = static_cast<uint32_t>(doc.text.size());
    const uint32_t tok0 = static_cast<uint32_t>(doc.tokens.size());
    const uint32_t sent0 = static_cast<uint32_t>(doc.sentences.size());
    const int32_t men0 = static_cast<int32_t>(doc.mentions.size());
    doc.text += one.text;
    doc.text += "\n\n";
    for (Token t : one.tokens) {
      t.span = Shift(t.span, off);
      if (t.head >= 0) t.head += static_cast<int32_t>(tok0);
      doc.tokens.push_back(std::move(t));
    }
    for (Sentence s : one.sentences) {
      s.span = Shift(s.span, off);
      s.token_begin += tok0;
      s.token_end += tok0;
      doc.sentences.push_back(s);
    }
    for (Mention m : one.mentions) {
      ShiftItem(&m, off, tok0, sent0);
      if (m.antecedent >= 0) m.antecedent += men0;
      doc.mentions.push_back(std::move(m));
    }
    for (Place p : one.places) {
      ShiftItem(&p, off, tok0, sent0);
      doc.places.push_back(std::move(p));
    }
    for (TimeExpr x : one.time_exprs) {
      ShiftItem(&x, off, tok0, sent0);
      doc.time_exprs.push_back(std::move(x));
    }
    for (Amount a : one.amounts) {
      ShiftItem(&a, off, tok0, sent0);
      doc.amounts.push_back(std::move(a));
    }
    for (Event e : one.events) {
      e.span = Shift(e.span, off);
      e.sentence += sent0;
      for (Span& s : e.evidence.trigger_spans) s = Shift(s, off);
      if (e.source) {
        e.source->span = Shift(e.source->span, off);
        if (e.source->mention >= 0) e.source->mention += men0;
      }
      if (e.target) {
        e.target->span = Shift(e.target->span, off);
        if (e.target->mention >= 0) e.target->mention += men0;
      }
      doc.events.push_back(std::move(e));
    }
  }
  return doc;
}

void BM_AttachLongDocument(benchmark::State& state) {
  auto text = ReadFile(kSeedPath);
  if (!text.ok()) {
    state.SkipWithError(text.status().ToString().c_str());
    return;
  }
  auto pipeline = Pipeline::Create(Config{});
  auto stage = CreateAttachStage(Config{});
  if (!pipeline.ok() || !stage.ok()) {
    state.SkipWithError("cannot create the pipeline");
    return;
  }
  Document one;
  one.id = "seed";
  one.date = "2025-08-19";
  one.text = *text;
  if (!(*pipeline)->ProcessUntil(&one, "events").ok()) {
    state.SkipWithError("seed article failed");
    return;
  }
  Document doc = Repeated(one, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    // Attach recomputes each event's context from scratch: idempotent.
    benchmark::DoNotOptimize((*stage)->Process(&doc));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * doc.tokens.size()));
  state.counters["events"] = static_cast<double>(doc.events.size());
}
BENCHMARK(BM_AttachLongDocument)->Arg(64 << 10)->Arg(512 << 10)->Arg(2 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals
