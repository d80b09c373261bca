// The gazetteer: countries (ISO 3166-1), first-level divisions (ISO
// 3166-2) and the GeoNames cities, with an alias table for exonyms and old
// spellings, and the rule that picks one entry for a place name.
//
// Files (data/gazetteer/, format in docs/formats/actors.md):
//   countries.tsv        alpha3 alpha2 name common_name official_name lat lon city_population
//   admin1.tsv           code country3 name type lat lon city_population
//   geonames-cities.tsv  geonameid name admin1_code admin1_name country2 population lat lon timezone
//   aliases.tsv          alias target note   (target: an entry id below)
// Entry ids: "iso3166-1:CHE", "iso3166-2:US-TX", "geonames:2660646".
//
// Resolution. Each candidate scores log10(population) plus a bonus by
// feature (a country outranks a city of the same name: "Georgia"), plus a
// bonus when the alias table names it (curated: "Washington" is the
// capital), plus a bonus when its country is among the document's countries
// (large for a division, since divisions are named in domestic news; small
// for a city, so that "Geneva" stays in Switzerland in a US story), plus a
// large bonus when a qualifier written next to the name ("Paris, Texas";
// "Lagos, Nigeria") names its division or country. The best score wins.
//
// Thread-safety: immutable after Load; const methods are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/phrase_matcher.h"
#include "annals/status.h"

namespace annals {

struct GazetteerEntry {
  std::string id;        // "geonames:2660646"
  std::string name;      // "Geneva"
  std::string feature;   // "country", "admin1", "city"
  std::string country;   // ISO alpha-3
  std::string admin1;    // division name for cities ("Texas"), code for admin1
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;
  int64_t population = 0;
};

struct PlaceCandidate {
  uint32_t entry = 0;
  double score = 0;
};

class Gazetteer {
 public:
  // Loads the four files from `dir`. Bad rows become issues and are
  // skipped; fails only when a file is missing or no entry loads.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir,
                                                 std::vector<DictionaryIssue>* issues);

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry* FindById(std::string_view id) const;
  // Entries named by this key (name or alias), unranked.
  const std::vector<uint32_t>* Candidates(std::string_view key) const;
  // Ranks the entries named `key`, best first. `context` holds ISO alpha-3
  // codes of countries the document is about; `qualifier_key` is the key of
  // a qualifier written after the name ("texas"), or "".
  std::vector<PlaceCandidate> Rank(std::string_view key, const std::vector<std::string>& context,
                                   std::string_view qualifier_key) const;
  // Convenience for the CLI and other stages: Rank(NameKey(name), ...).
  std::vector<PlaceCandidate> Lookup(std::string_view name,
                                     const std::vector<std::string>& context) const;

  // The matcher over every name and alias key; phrase id -> names_ index.
  const PhraseMatcher& matcher() const { return matcher_; }
  const std::vector<uint32_t>& phrase_names(uint32_t phrase) const { return by_phrase_[phrase]; }
  // A written form of the name with this phrase id, for the case check.
  const std::string& phrase_written(uint32_t phrase) const { return written_[phrase]; }

  size_t alias_count() const { return alias_count_; }

 private:
  void AddName(std::string_view written, uint32_t entry, bool alias);
  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, uint32_t> id_index_;
  PhraseMatcher matcher_;
  std::vector<std::vector<uint32_t>> by_phrase_;  // phrase id -> entries
  std::vector<std::string> written_;              // phrase id -> a written form
  std::vector<std::vector<uint32_t>> alias_of_;   // phrase id -> alias targets
  size_t alias_count_ = 0;
};

}  // namespace annals
