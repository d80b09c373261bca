// A deterministic synthetic news corpus for the store's tests and its
// benchmark tool: short wire-style articles built from templates (actors,
// verbs, places, dates), so ingest can be measured and crash-tested on many
// documents without shipping any real text. Header-only; not used by the
// product itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/civil_date.h"

namespace annals::synthetic {

struct Article {
  std::string id, date, source, url, title, text;
};

// Small linear congruential generator: the same seed gives the same corpus
// on every machine (std::mt19937 distributions are not portable).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 6364136223846793005ull + 1442695040888963407ull) {}
  uint32_t Next() {
    s_ = s_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s_ >> 33);
  }
  size_t Pick(size_t n) { return Next() % n; }

 private:
  uint64_t s_;
};

inline Article MakeArticle(size_t index, uint64_t seed = 1) {
  static const std::vector<std::string> kActors = {
      "Russia", "Ukraine", "France", "Germany", "China", "the United States", "NATO", "the European Union",
      "Iran", "Israel", "Turkey", "Poland", "President Emmanuel Macron", "Chancellor Friedrich Merz",
      "Prime Minister Keir Starmer", "the United Nations", "Russian forces", "Ukrainian troops"};
  static const std::vector<std::string> kVerbs = {
      "attacked", "met with", "criticized", "accused", "signed an agreement with", "sent aid to", "threatened",
      "condemned", "praised", "called on", "shelled", "imposed sanctions on", "held talks with", "visited"};
  static const std::vector<std::string> kPlaces = {"Kyiv", "Paris", "Geneva", "Moscow", "Berlin", "Warsaw",
                                                    "Kharkiv", "Ankara", "Brussels", "Washington"};
  static const std::vector<std::string> kDays = {"on Monday", "on Tuesday", "on Wednesday", "on Thursday",
                                                 "on Friday", "overnight", "late on Sunday", "yesterday"};
  static const std::vector<std::string> kSources = {"Reuters", "AP", "AFP", "BBC", "DW", "Kyiv Independent"};
  static const std::vector<std::string> kFillers = {
      "Officials did not comment further.", "The statement was released in the evening.",
      "Analysts said the move could raise tensions.", "Markets reacted calmly to the news.",
      "A spokesman said more talks were planned.", "Witnesses described heavy damage."};
  Rng rng(seed * 1000003ull + index);
  Article a;
  a.id = "synthetic-" + std::to_string(seed) + "-" + std::to_string(index);
  a.date = FormatIsoDate(AddDays(CivilDate{2025, 1, 1}, static_cast<long>(rng.Pick(365))));
  a.source = kSources[rng.Pick(kSources.size())];
  a.url = "https://news.example/" + a.id;
  const size_t sentences = 2 + rng.Pick(4);
  for (size_t s = 0; s < sentences; ++s) {
    std::string sentence;
    if (s == 0 || rng.Pick(3) != 0) {
      const std::string& src = kActors[rng.Pick(kActors.size())];
      std::string tgt = kActors[rng.Pick(kActors.size())];
      if (tgt == src) tgt = kActors[(rng.Pick(kActors.size()) + 1) % kActors.size()];
      sentence = src + " " + kVerbs[rng.Pick(kVerbs.size())] + " " + tgt + " in " + kPlaces[rng.Pick(kPlaces.size())] +
                 " " + kDays[rng.Pick(kDays.size())] + ", report " + std::to_string(index) + " said.";
      if (s == 0) {
        a.title = sentence;
        a.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(a.title[0])));
      }
    } else {
      sentence = kFillers[rng.Pick(kFillers.size())];
    }
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    if (!a.text.empty()) a.text += ' ';
    a.text += sentence;
  }
  return a;
}

// JSON string literal (the corpus has only ASCII, but quote it properly).
inline std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

inline std::string JsonLine(const Article& a) {
  return "{\"id\":" + JsonString(a.id) + ",\"date\":" + JsonString(a.date) + ",\"source\":" + JsonString(a.source) +
         ",\"url\":" + JsonString(a.url) + ",\"title\":" + JsonString(a.title) + ",\"text\":" + JsonString(a.text) +
         "}";
}

}  // namespace annals::synthetic
