// Resolution of the dateline's place (see dateline_place.h).
#include "actors/dateline_place.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "actors/name_key.h"

namespace annals {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Place> ResolveDatelinePlace(const Gazetteer& gazetteer, const Document& doc) {
  if (!doc.dateline) return std::nullopt;
  const Span span = doc.dateline->place;
  if (span.size() == 0 || span.end > doc.text.size() || span.begin > span.end) return std::nullopt;
  const std::string_view written = doc.SpanText(span);
  const size_t cut = written.find_first_of(",[/");
  const std::string_view head = Trim(written.substr(0, cut));
  std::string qualifier;
  if (cut != std::string_view::npos) {
    const std::string_view rest = written.substr(cut + 1);
    qualifier = NameKey(Trim(rest.substr(0, rest.find_first_of(",]/"))));
  }
  std::vector<std::string> context;
  for (const Place& p : doc.places) {
    if (!p.country.empty() && std::find(context.begin(), context.end(), p.country) == context.end()) {
      context.push_back(p.country);
    }
  }
  // The whole head, then shorter prefixes of it, word by word.
  std::vector<size_t> word_ends;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == ' ' && i > 0 && head[i - 1] != ' ') word_ends.push_back(i);
  }
  word_ends.push_back(head.size());
  for (size_t n = word_ends.size(); n-- > 0;) {
    const std::vector<PlaceCandidate> ranked = gazetteer.Rank(NameKey(head.substr(0, word_ends[n])), context,
                                                              qualifier);
    if (ranked.empty()) continue;
    // A dateline names where the story was filed: a city when one of the
    // candidates is ("KYIV" the city, not the region around it; "KUWAIT"),
    // else the best entry ("VATICAN" -> the Holy See).
    uint32_t best = ranked.front().entry;
    for (const PlaceCandidate& c : ranked) {
      if (gazetteer.entries()[c.entry].feature == "city") {
        best = c.entry;
        break;
      }
    }
    const GazetteerEntry& g = gazetteer.entries()[best];
    Place p;
    p.span = span;
    p.text = std::string(written);
    p.name = g.name;
    p.country = g.country;
    p.lat = g.lat;
    p.lon = g.lon;
    p.gazetteer_id = g.id;
    p.feature = g.feature;
    return p;
  }
  return std::nullopt;
}

}  // namespace annals
