// The gazetteer: countries (ISO 3166-1), first-level divisions (ISO 3166-2
// joined to GeoNames' admin1), the GeoNames cities of 1,000 people or more
// with their English and transliterated names, named regions ("the Donbas",
// "the Sahel"), an alias table for what the data lacks, and the rules that
// pick one entry for a place name in a document (docs/places.md).
//
// Files (data/gazetteer/, format in docs/formats/places.md):
//   countries.tsv        alpha3 alpha2 name common_name official_name lat lon city_population
//   admin1.tsv           id country3 name type other_names geonames_code lat lon city_population
//   geonames-cities.tsv  geonameid name feature country2 admin1_code admin1_name population
//                        lat lon alternate_count alt_names
//   regions.tsv          id name country lat lon members other_names note
//   aliases.tsv          alias target note   (target: an entry id below)
// Entry ids: "iso3166-1:CHE", "iso3166-2:US-TX", "geonames-admin1:PS.GZ",
// "geonames:2660646", "region:donbas"; a relative region adds its
// direction to its target's id: "iso3166-1:LBN#south".
//
// Ranking (Rank). Each candidate scores log10(population), plus a bonus by
// feature (a country outranks a city of the same name: "Georgia"; a named
// region outranks a town), plus, for a city, how widely it is known (its
// number of GeoNames alternate names) and whether it is a capital or a
// division seat, plus a bonus when the alias table names it (curated:
// "Washington" is the capital), plus a bonus when its country is among the
// document's countries (large for a division, since divisions are named in
// domestic news; moderate for a city, so that "Geneva" stays in Switzerland
// in a US story while "Tripoli" moves to Lebanon in a Lebanese one), plus a
// bonus for nearness to the document's other places, plus a large bonus
// when a qualifier written next to the name ("Paris, Texas"; "Lagos,
// Nigeria") names its division or country. A division never outranks a city
// of the same name in the same country ("in Tbilisi" is the city; "Tbilisi
// region" names the division). The best score wins.
//
// Document-level resolution (Resolve) ranks every place of a document in two
// passes: places that win clearly on their own (or carry a qualifier) give
// the document its place countries and points; then the others are ranked
// with that context.
//
// Relative regions (Relative): "southern Lebanon" is the part of Lebanon's
// cities in the southern third of their extent (5th to 95th percentile of
// latitude), represented by their population-weighted centre, with feature
// "region" — never the country's own point.
//
// Thread-safety: immutable after Load; const methods are thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/phrase_matcher.h"
#include "actors/place_index.h"
#include "annals/status.h"

namespace annals {

struct GazetteerEntry {
  std::string id;        // "geonames:2660646"
  std::string name;      // "Geneva"
  std::string feature;   // "country", "admin1", "city", "region"
  std::string country;   // ISO alpha-3; "" for a region across countries (the Sahel)
  std::string admin1;    // division name for cities ("Texas"), code for admin1
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;
  int64_t population = 0;
  std::string geonames_feature;  // cities: GeoNames feature code ("PPLC", "PPLA", "PPL")
  uint32_t alternate_count = 0;  // cities: GeoNames alternate names in all languages
};

// The entries a name may mean: a view into the gazetteer, valid as long as
// it is.
class PlaceIds {
 public:
  PlaceIds() = default;
  PlaceIds(const uint32_t* begin, const uint32_t* end) : begin_(begin), end_(end) {}
  const uint32_t* begin() const { return begin_; }
  const uint32_t* end() const { return end_; }
  size_t size() const { return static_cast<size_t>(end_ - begin_); }
  bool empty() const { return begin_ == end_; }
  uint32_t front() const { return *begin_; }

 private:
  const uint32_t* begin_ = nullptr;
  const uint32_t* end_ = nullptr;
};

struct PlaceCandidate {
  uint32_t entry = 0;
  double score = 0;
};

// What the document tells about where it is, for ranking a name.
struct PlaceContext {
  std::vector<std::string> actor_countries;  // ISO alpha-3 of the document's actors
  std::vector<std::string> place_countries;  // of places it names unambiguously
  struct Point {
    double lat = 0;
    double lon = 0;
  };
  // Of places it names unambiguously, sorted by latitude (then longitude)
  // without repeats: Score() looks only at the points within reach by
  // latitude, so a long document naming the same places again and again
  // costs no more per place than a short one. Call SortPoints() after
  // adding points.
  std::vector<Point> points;
  void SortPoints();
};

// One place name found in a document, for Resolve.
struct PlaceQuery {
  std::string key;            // NameKey of the name
  std::string qualifier_key;  // key of a qualifier written after it ("texas"), or ""
  int32_t head = -1;          // index of the query this one qualifies ("Atlanta, Georgia")
};

// Compass words before a place name: "southern", "north-west", "central".
enum class Direction { kNorth, kNorthEast, kEast, kSouthEast, kSouth, kSouthWest, kWest, kNorthWest, kCentral };

// Parses the NameKey of one or more words ("southern", "northwestern",
// "north west", "northwest"); false if they are no compass word.
bool ParseDirection(std::string_view key, Direction* out);
// "south", "north-west", "central": as used in relative-region ids.
std::string_view DirectionName(Direction d);
// "southern", "north-western", "central": as used in relative-region names.
std::string_view DirectionAdjective(Direction d);

class Gazetteer {
 public:
  // Loads the five files from `dir` (regions.tsv may be absent). Bad rows
  // become issues and are skipped; fails only when a required file is
  // missing or no entry loads.
  //
  // The text is parsed only when no usable precomputed form is found
  // (docs/formats/places.md, "Precomputed gazetteer"): `dir`/gazetteer.bin
  // (installed beside the data), or, for the source tree's data/gazetteer,
  // the one the build writes (build/data/gazetteer/gazetteer.bin). It gives
  // the same gazetteer and the same issues as the text; one that is
  // corrupt, truncated, of another format version or built from other text
  // than the files in `dir` now is refused, the text parsed instead, and
  // precomputed_note() says why.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir,
                                                 std::vector<DictionaryIssue>* issues);
  // Load from the text files alone.
  static Result<std::unique_ptr<Gazetteer>> LoadText(const std::string& dir,
                                                     std::vector<DictionaryIssue>* issues);
  // Writes the precomputed form of this gazetteer, loaded from the text in
  // `dir` with `issues`, to `path` (the build runs this through
  // annals_gazetteer_compile).
  Status WritePrecomputed(const std::string& dir, const std::vector<DictionaryIssue>& issues,
                          const std::string& path) const;
  // Reads the precomputed form at `path` for the text in `dir`; a DataError
  // naming `path` and the fault when it cannot be used (see Load).
  static Result<std::unique_ptr<Gazetteer>> LoadPrecomputed(const std::string& path, const std::string& dir,
                                                            std::vector<DictionaryIssue>* issues);
  // Why Load parsed the text although a precomputed form exists
  // ("path: stale: built from other text; ..."); "" when it used one or
  // found none.
  const std::string& precomputed_note() const { return precomputed_note_; }

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry* FindById(std::string_view id) const;
  // Entries named by this key (name or alias), unranked; empty if none.
  PlaceIds Candidates(std::string_view key) const;
  // Ranks the entries named `key`, best first; `qualifier_key` is the key of
  // a qualifier written after the name ("texas"), or "".
  std::vector<PlaceCandidate> RankInContext(std::string_view key, const PlaceContext& context,
                                   std::string_view qualifier_key) const;
  // Whether some entry of `ranked` lies in the country of the country or
  // division `qualifier_key` names (true when it names neither).
  bool InQualifierCountry(const std::vector<PlaceCandidate>& ranked, std::string_view qualifier_key) const;
  // The same with only the countries of the document's actors as context.
  std::vector<PlaceCandidate> Rank(std::string_view key, const std::vector<std::string>& context,
                                   std::string_view qualifier_key) const;
  // Convenience for the CLI and other stages: Rank(NameKey(name), ...).
  std::vector<PlaceCandidate> Lookup(std::string_view name,
                                     const std::vector<std::string>& context) const;

  // The best entry for each query of one document (UINT32_MAX where a key
  // names nothing), by the two passes described above; `actor_countries`
  // are the countries of the document's actors.
  std::vector<uint32_t> Resolve(const std::vector<PlaceQuery>& queries,
                                const std::vector<std::string>& actor_countries) const;

  // The part of entry `target` (a country, division or region) that lies in
  // direction `d`: a region entry (not stored) with its own point and the
  // population of its cities. nullopt for a city: "southern Beirut" is
  // Beirut.
  std::optional<GazetteerEntry> Relative(uint32_t target, Direction d) const;

  // True when the phrase is a compass word and a name ("South Lebanon")
  // whose only entries are towns under 15,000 people (South Lebanon, Ohio)
  // while the name after the compass word is a country, division or region:
  // the text means the part of that ("in South Lebanon"), so a caller skips
  // the phrase and takes the compass word with the name after it.
  bool PrefersRelative(uint32_t phrase) const;

  // A written name as a person types it: "Kiev", "the Donbas", "southern
  // Lebanon", ranked as Rank would, relative regions built by Relative.
  struct Ranked {
    GazetteerEntry entry;
    double score = 0;
  };
  std::vector<Ranked> LookupText(std::string_view text, const PlaceContext& context,
                                 std::string_view qualifier_key) const;

  // The index over every name and alias key (phrase ids).
  const PlaceIndex& matcher() const { return matcher_; }
  PlaceIds phrase_names(uint32_t phrase) const {
    return PlaceIds(phrase_entries_.data() + phrase_start_[phrase], phrase_entries_.data() + phrase_start_[phrase + 1]);
  }
  // A written form of the name with this phrase id, for the case check.
  std::string_view phrase_written(uint32_t phrase) const {
    return std::string_view(written_).substr(written_start_[phrase], written_start_[phrase + 1] - written_start_[phrase]);
  }

  size_t alias_count() const { return alias_count_; }

 private:
  void AddName(std::string_view written, uint32_t entry, bool alias);
  void AddName(std::string_view written, std::string_view key, uint32_t entry, bool alias);
  // Turns the names collected by AddName into phrase_start_/phrase_entries_.
  void IndexNames();
  bool IsAlias(uint32_t phrase, uint32_t entry) const;
  // The cities that make up a country, division or region, for Relative.
  std::vector<uint32_t> MemberCities(uint32_t entry) const;
  double Score(uint32_t index, bool aliased, const PlaceContext& context, PlaceIds qualifiers,
               std::string_view qualifier_key) const;

  std::vector<GazetteerEntry> entries_;
  // Ids of countries, divisions and regions; cities by GeoNames id, sorted.
  std::unordered_map<std::string, uint32_t> id_index_;
  std::vector<std::pair<uint32_t, uint32_t>> geonames_index_;  // (geonameid, entry)
  PlaceIndex matcher_;
  // Names as added (phrase, entry, alias), then indexed by phrase: the
  // entries of phrase p are phrase_entries_[phrase_start_[p] ..
  // phrase_start_[p + 1]), with their alias flags beside them.
  struct NameRef {
    uint32_t phrase;
    uint32_t entry;
    bool alias;
  };
  std::vector<NameRef> names_;
  std::vector<uint32_t> phrase_start_;
  std::vector<uint32_t> phrase_entries_;
  std::vector<uint8_t> phrase_alias_;
  std::string written_;                 // the first written form of each phrase, back to back
  std::vector<uint32_t> written_start_;  // phrase id -> start in written_; one past the last
  size_t alias_count_ = 0;
  std::string precomputed_note_;
  // Membership, for relative regions: the cities of each country (by
  // alpha-3) and of each division (by entry), and each region's members.
  std::unordered_map<std::string, std::vector<uint32_t>> country_cities_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> division_cities_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> region_members_;
};

}  // namespace annals
