// Fuzz target: the filter strings of `annals query/stats/export` (dates,
// actor and place names with SQL wildcards, FTS5 queries, modalities,
// limits) run against a small store: errors are Status values, never a
// crash or a SQL injection.
#include <memory>

#include "fuzz_util.h"
#include "ontology/ontology.h"
#include "store/query.h"
#include "store/store.h"

namespace {

annals::Store* TheStore() {
  static std::unique_ptr<annals::Store> store = [] {
    annals::Result<std::unique_ptr<annals::Store>> s = annals::Store::Open(":memory:");
    if (!s.ok()) std::abort();
    annals::Result<std::unique_ptr<annals::Ontology>> onto = annals::Ontology::Load("data", "gdelt");
    if (!onto.ok()) std::abort();  // run from the repository root
    annals::Document d;
    d.id = "d1";
    d.date = "2025-08-19";
    d.source = "Reuters";
    d.text = "Russia attacked Ukraine near Kharkiv. Iran said it would talk to Israel.";
    annals::Sentence s1;
    s1.span = {0, 37};
    annals::Sentence s2;
    s2.span = {38, static_cast<uint32_t>(d.text.size())};
    d.sentences = {s1, s2};
    annals::Event e;
    e.sentence = 0;
    e.span = s1.span;
    e.date = d.date;
    e.cameo = "190";
    e.source = annals::EventActor();
    e.source->text = "Russia";
    e.source->actor.code = "RUS";
    e.source->actor.name = "Russia";
    e.target = annals::EventActor();
    e.target->text = "Ukraine";
    e.target->actor.code = "UKR";
    d.events.push_back(e);
    if (!(*s)->Begin().ok() || !(*s)->PutDocument(d, annals::Store::ContentHash(d.text), **onto, "fuzz").ok() ||
        !(*s)->Commit().ok()) {
      std::abort();
    }
    return std::move(s.value());
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Fields separated by '\n', in EventFilter order.
  std::vector<std::string> f;
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') {
      f.push_back(cur);
      cur.clear();
    } else {
      cur += static_cast<char>(data[i]);
    }
  }
  f.push_back(cur);
  f.resize(14);
  annals::EventFilter filter;
  filter.from = f[0];
  filter.to = f[1];
  filter.actor = f[2];
  filter.actor_country = f[3];
  filter.actor_sector = f[4];
  filter.source = f[5];
  filter.target = f[6];
  filter.cameo = f[7];
  filter.plover = f[8];
  filter.speaker = f[9];
  filter.place = f[10];
  filter.country = f[11];
  filter.text = f[12];
  if (!f[13].empty()) {
    annals::Result<std::vector<std::string>> m = annals::ParseModalities(f[13]);
    if (m.ok()) filter.modalities = *m;
  }
  filter.undirected = size % 2 == 1;
  filter.folded = size % 3 != 0;
  filter.limit = size % 5;
  (void)annals::ForEachEvent(*TheStore(), filter, [](const annals::EventRow&) { return annals::Status::Ok(); });
  return 0;
}
