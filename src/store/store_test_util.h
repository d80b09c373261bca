// Helpers for the store and export tests: documents built by hand, with
// events filled in as the coding stages would, so the store can be tested
// without depending on what the upstream stages currently find.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annals/document.h"
#include "ontology/ontology.h"

namespace annals::testing {

// A document whose text is the sentences joined by single spaces; each
// sentence gets its Sentence entry (one token-free span).
inline Document MakeDoc(const std::string& id, const std::string& date, const std::string& source,
                        const std::vector<std::string>& sentences) {
  Document d;
  d.id = id;
  d.date = date;
  d.source = source;
  d.url = "https://example.org/" + id;
  d.title = "Title of " + id;
  d.origin = id + ".jsonl:1";
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i) d.text += ' ';
    Sentence s;
    s.span.begin = static_cast<uint32_t>(d.text.size());
    d.text += sentences[i];
    s.span.end = static_cast<uint32_t>(d.text.size());
    d.sentences.push_back(s);
  }
  return d;
}

// Span of the first occurrence of `word` in the document text.
inline Span Find(const Document& d, const std::string& word) {
  const size_t p = d.text.find(word);
  if (p == std::string::npos) return {};
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + word.size())};
}

inline EventActor Actor(const Document& d, const std::string& text, const std::string& code,
                        const std::string& country, const std::string& sector = "") {
  EventActor a;
  a.text = text;
  a.span = Find(d, text);
  a.actor.name = text;
  a.actor.code = code;
  a.actor.country = country;
  a.actor.sector = sector;
  a.actor.type = sector.empty() ? "country" : "organisation";
  return a;
}

// Adds an event "source trigger target" in sentence `sentence`.
inline Event& AddEvent(Document* d, uint32_t sentence, const std::string& source, const std::string& source_code,
                       const std::string& trigger, const std::string& target, const std::string& target_code,
                       const std::string& cameo, const std::string& date) {
  Event e;
  e.sentence = sentence;
  e.span = d->sentences[sentence].span;
  e.date = date;
  e.date_precision = "day";
  e.source = Actor(*d, source, source_code, source_code.substr(0, 3));
  if (!target.empty()) e.target = Actor(*d, target, target_code, target_code.substr(0, 3));
  e.cameo = cameo;
  e.evidence.rule = "test:" + cameo;
  e.evidence.triggers = {trigger};
  e.evidence.trigger_spans = {Find(*d, trigger)};
  e.confidence = 0.9;
  d->events.push_back(e);
  return d->events.back();
}

inline Place MakePlace(const Document& d, const std::string& text, const std::string& id, const std::string& country,
                       double lat, double lon, const std::string& feature = "city") {
  Place p;
  p.span = Find(d, text);
  p.text = text;
  p.name = text;
  p.gazetteer_id = id;
  p.country = country;
  p.lat = lat;
  p.lon = lon;
  p.feature = feature;
  return p;
}

inline std::unique_ptr<Ontology> LoadTestOntology() {
  Result<std::unique_ptr<Ontology>> o = Ontology::Load("data", "gdelt");
  return o.ok() ? std::move(o.value()) : nullptr;
}

}  // namespace annals::testing
