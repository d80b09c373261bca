// The reference tables the query layer reads codes against: what a code
// stands for (names beside codes in every table), and which codes exist (so
// a filter that can match nothing is refused instead of returning 0 rows).
//
// Sources, all in the data directory (docs/store.md, "Names"):
//   actors/countries.actors, actors/igos.actors   country, region and IGO
//                                                  names by code ("Russia",
//                                                  "United Nations")
//   actors/sectors.tsv        sector names (GOV "government"), ICEWS and
//                             PLOVER sector names
//   gazetteer/countries.tsv   ISO 3166 alpha-3/alpha-2 and the ISO names
//   gazetteer/fips.tsv        FIPS 10-4 country codes (GDELT geography)
//   ontology/*.tsv            CAMEO event names, PLOVER types
//   ontology/plover_renames.tsv  old PLOVER / CAMEO category names
//
// Names of aggregate codes are built, never borrowed from whichever actor
// came first: RUSGOV is "Russia (government)" (country name + sector
// names), UKRMILREB "Ukraine (military, rebels)", NATO "NATO".
//
// Lifetime and thread-safety: immutable after Load(); Default() is loaded
// once per process (thread-safe) and lives until exit.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals {

class Vocabulary {
 public:
  struct Country {
    std::string alpha3, alpha2, fips;
    std::string iso_name;  // ISO 3166 short name ("Iran, Islamic Republic of")
    std::string name;      // the name newspapers use ("Iran"): dictionary, else common ISO name
  };
  struct Sector {
    std::string code, name, icews, plover;
  };

  static Result<std::unique_ptr<Vocabulary>> Load(const std::string& data_dir);
  // The shipped data's vocabulary (DefaultDataDir()), loaded on first use.
  static Result<const Vocabulary*> Default();

  // By ISO alpha-3 (or XKX), upper case; nullptr if unknown.
  const Country* FindCountry(std::string_view alpha3) const;
  // The country part of an actor code that is not a country: IGO, region
  // and group codes with their names ("UNO" -> "United Nations", "WST" ->
  // "the West"), or "" if unknown. `type` ("igo", "country", ...) picks
  // between an IGO and a region sharing a code (EUR: EU / Europe).
  std::string InternationalName(std::string_view code, std::string_view type = "") const;
  bool IsIgo(std::string_view code) const;
  const Sector* FindSector(std::string_view code) const;

  // What an actor code stands for: "Russia" (RUS), "Russia (government)"
  // (RUSGOV), "NATO", "United Nations (military)"; `type` as above. The
  // code itself when its country part is unknown; "" for "".
  std::string CodeName(std::string_view code, std::string_view type = "") const;
  // A country's display name by alpha-3 or international code ("Russia",
  // "NATO"), else the code.
  std::string CountryName(std::string_view code) const;

  // CAMEO event code name ("Use conventional military force"), "" if none;
  // 2-digit roots included.
  std::string CameoName(std::string_view code) const;
  // True if some CAMEO code starts with `prefix`.
  bool HasCameoPrefix(std::string_view prefix) const;
  bool IsPloverType(std::string_view type) const;
  const std::vector<std::string>& plover_types() const { return plover_types_; }
  // For an old PLOVER / CAMEO category name: the current type(s) and a note;
  // nullptr if not a known old name.
  const std::pair<std::string, std::string>* PloverRename(std::string_view name) const;

  // A country given to a filter, as an alpha-3 or international code
  // ("ukr", "Ukraine" -> "UKR"; "NATO"). Two-letter codes are refused with
  // what they mean as FIPS 10-4 and as ISO alpha-2 (GDELT writes FIPS:
  // "UP" is Ukraine there, "UA" in ISO), since guessing would silently
  // return another country's events. `what` names the option in messages.
  Result<std::string> CountryCode(std::string_view spec, std::string_view what) const;

 private:
  Vocabulary() = default;
  std::map<std::string, Country, std::less<>> countries_;
  std::map<std::string, std::string, std::less<>> by_fips_, by_alpha2_, by_name_;
  std::map<std::string, std::string, std::less<>> igos_, regions_, groups_;
  std::map<std::string, Sector, std::less<>> sectors_;
  std::map<std::string, std::string, std::less<>> cameo_;
  std::vector<std::string> plover_types_;
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> plover_renames_;
};

}  // namespace annals
