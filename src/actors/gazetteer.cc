// Gazetteer loading and ranking. The tables are generated (see
// scripts/extract_geonames.sh, scripts/extract_iso3166.py) but still read
// defensively: a bad row is reported with its line and skipped.
#include "actors/gazetteer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "actors/name_key.h"
#include "base/file.h"
#include "base/tsv.h"

namespace annals {
namespace {

// Feature bonuses, in log10(population) units: a country is named far more
// often than a town that shares its name ("Georgia", "Jordan"), and a
// division more often than a small city ("Texas"). Tuned on the tests'
// ambiguity cases, not on a corpus.
constexpr double kCountryBonus = 4.0;
constexpr double kAdmin1Bonus = 1.0;
// A country the document is about (see gazetteer.h for why they differ).
constexpr double kCountryContextBonus = 0.5;
constexpr double kAdmin1ContextBonus = 3.0;
constexpr double kCityContextBonus = 0.5;
// The alias table's choice for a name.
constexpr double kAliasBonus = 6.0;
// A qualifier written next to the name decides.
constexpr double kQualifierBonus = 10.0;

constexpr std::array<std::string_view, 16> kGenericDivisionNames = {
    "western", "eastern", "northern", "southern", "central", "north", "south", "east",
    "west", "capital", "coast", "upper", "lower", "islands", "lakes", "centre"};

bool In(const std::array<std::string_view, 16>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

Result<TsvTable> LoadTable(const std::string& dir, const char* file,
                           const std::vector<std::string_view>& columns) {
  Result<TsvTable> table = TsvTable::Load(JoinPath(dir, file));
  if (!table.ok()) return table.status();
  ANNALS_RETURN_IF_ERROR(table->RequireColumns(columns));
  return table;
}

}  // namespace

void Gazetteer::AddName(std::string_view written, uint32_t entry, bool alias) {
  const uint32_t phrase = matcher_.Add(NameKey(written));
  if (phrase == UINT32_MAX) return;
  if (phrase >= by_phrase_.size()) {
    by_phrase_.resize(phrase + 1);
    alias_of_.resize(phrase + 1);
    written_.resize(phrase + 1);
    written_[phrase] = std::string(written);
  }
  std::vector<uint32_t>& list = by_phrase_[phrase];
  if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
  if (alias) alias_of_[phrase].push_back(entry);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir,
                                                   std::vector<DictionaryIssue>* issues) {
  std::vector<DictionaryIssue> local;
  if (issues == nullptr) issues = &local;
  auto gaz = std::make_unique<Gazetteer>();
  std::unordered_map<std::string, std::string> alpha3_of;

  auto add_entry = [&](GazetteerEntry e, const TsvRow& row) -> int64_t {
    auto [it, inserted] = gaz->id_index_.emplace(e.id, static_cast<uint32_t>(gaz->entries_.size()));
    if (!inserted) {
      issues->push_back({true, row.Error("duplicate gazetteer id '" + e.id + "'")});
      return -1;
    }
    gaz->entries_.push_back(std::move(e));
    return it->second;
  };
  auto coords = [&](const TsvRow& row, GazetteerEntry* e) {
    const std::string_view lat = row.Get("lat"), lon = row.Get("lon");
    if (lat.empty() && lon.empty()) return true;
    if (!ParseDouble(lat, &e->lat) || e->lat < -90 || e->lat > 90) {
      issues->push_back({true, row.FieldError("lat", "bad latitude")});
      return false;
    }
    if (!ParseDouble(lon, &e->lon) || e->lon < -180 || e->lon > 180) {
      issues->push_back({true, row.FieldError("lon", "bad longitude")});
      return false;
    }
    e->has_coordinates = true;
    return true;
  };

  Result<TsvTable> countries =
      LoadTable(dir, "countries.tsv", {"alpha3", "alpha2", "name", "lat", "lon"});
  if (!countries.ok()) return countries.status();
  for (const TsvRow& row : countries->rows()) {
    GazetteerEntry e;
    e.country = std::string(row.Get("alpha3"));
    if (e.country.size() != 3) {
      issues->push_back({true, row.FieldError("alpha3", "bad ISO alpha-3 code")});
      continue;
    }
    e.id = "iso3166-1:" + e.country;
    e.name = std::string(!row.Get("common_name").empty() ? row.Get("common_name") : row.Get("name"));
    e.feature = "country";
    int64_t pop = 0;
    if (ParseInt(row.Get("city_population"), &pop)) e.population = pop;
    if (!coords(row, &e)) continue;
    alpha3_of[std::string(row.Get("alpha2"))] = e.country;
    const int64_t index = add_entry(e, row);
    if (index < 0) continue;
    for (const char* col : {"name", "common_name", "official_name"}) {
      if (!row.Get(col).empty()) gaz->AddName(row.Get(col), static_cast<uint32_t>(index), false);
    }
  }
  // GeoNames uses the user-assigned code XK for Kosovo.
  alpha3_of.emplace("XK", "XKX");

  Result<TsvTable> admin1 = LoadTable(dir, "admin1.tsv", {"code", "country3", "name", "lat", "lon"});
  if (!admin1.ok()) return admin1.status();
  for (const TsvRow& row : admin1->rows()) {
    GazetteerEntry e;
    e.admin1 = std::string(row.Get("code"));
    e.id = "iso3166-2:" + e.admin1;
    e.name = std::string(row.Get("name"));
    e.feature = "admin1";
    e.country = std::string(row.Get("country3"));
    int64_t pop = 0;
    if (ParseInt(row.Get("city_population"), &pop)) e.population = pop;
    if (e.name.empty()) {
      issues->push_back({true, row.FieldError("name", "empty name")});
      continue;
    }
    if (!coords(row, &e)) continue;
    const int64_t index = add_entry(e, row);
    // Divisions called "Western" or "Central" (Uganda, Ghana, Kenya...)
    // would turn every capitalised compass word into a place: they keep
    // their id but are not matched by that name.
    if (index >= 0 && !In(kGenericDivisionNames, NameKey(e.name))) {
      gaz->AddName(e.name, static_cast<uint32_t>(index), false);
    }
  }

  Result<TsvTable> cities = LoadTable(
      dir, "geonames-cities.tsv", {"geonameid", "name", "admin1_name", "country2", "population", "lat", "lon"});
  if (!cities.ok()) return cities.status();
  for (const TsvRow& row : cities->rows()) {
    GazetteerEntry e;
    e.id = "geonames:" + std::string(row.Get("geonameid"));
    e.name = std::string(row.Get("name"));
    e.feature = "city";
    e.admin1 = std::string(row.Get("admin1_name"));
    auto c = alpha3_of.find(std::string(row.Get("country2")));
    if (c == alpha3_of.end()) {
      issues->push_back({true, row.FieldError("country2", "unknown country code")});
      continue;
    }
    e.country = c->second;
    if (!ParseInt(row.Get("population"), &e.population)) {
      issues->push_back({true, row.FieldError("population", "bad population")});
      continue;
    }
    if (!coords(row, &e)) continue;
    const int64_t index = add_entry(e, row);
    if (index >= 0) gaz->AddName(e.name, static_cast<uint32_t>(index), false);
  }

  Result<TsvTable> aliases = LoadTable(dir, "aliases.tsv", {"alias", "target"});
  if (!aliases.ok()) return aliases.status();
  for (const TsvRow& row : aliases->rows()) {
    auto it = gaz->id_index_.find(std::string(row.Get("target")));
    if (it == gaz->id_index_.end()) {
      issues->push_back({true, row.FieldError("target", "no gazetteer entry with this id")});
      continue;
    }
    if (NameKey(row.Get("alias")).empty()) {
      issues->push_back({true, row.FieldError("alias", "alias has no letters or digits")});
      continue;
    }
    gaz->AddName(row.Get("alias"), it->second, true);
    ++gaz->alias_count_;
  }
  if (gaz->entries_.empty()) return Status::DataError(dir + ": empty gazetteer");
  return gaz;
}

const GazetteerEntry* Gazetteer::FindById(std::string_view id) const {
  auto it = id_index_.find(std::string(id));
  return it == id_index_.end() ? nullptr : &entries_[it->second];
}

const std::vector<uint32_t>* Gazetteer::Candidates(std::string_view key) const {
  const uint32_t phrase = matcher_.Find(key);
  return phrase == UINT32_MAX ? nullptr : &by_phrase_[phrase];
}

std::vector<PlaceCandidate> Gazetteer::Rank(std::string_view key,
                                            const std::vector<std::string>& context,
                                            std::string_view qualifier_key) const {
  std::vector<PlaceCandidate> ranked;
  const uint32_t phrase = matcher_.Find(key);
  if (phrase == UINT32_MAX) return ranked;
  const std::vector<uint32_t>* list = &by_phrase_[phrase];
  const std::vector<uint32_t>& aliased = alias_of_[phrase];
  const std::vector<uint32_t>* qualifiers =
      qualifier_key.empty() ? nullptr : Candidates(qualifier_key);
  for (uint32_t index : *list) {
    const GazetteerEntry& e = entries_[index];
    double score = std::log10(static_cast<double>(std::max<int64_t>(e.population, 1)));
    if (e.feature == "country") score += kCountryBonus;
    if (e.feature == "admin1") score += kAdmin1Bonus;
    if (std::find(aliased.begin(), aliased.end(), index) != aliased.end()) score += kAliasBonus;
    if (std::find(context.begin(), context.end(), e.country) != context.end()) {
      score += e.feature == "country"  ? kCountryContextBonus
               : e.feature == "admin1" ? kAdmin1ContextBonus
                                       : kCityContextBonus;
    }
    if (qualifiers != nullptr && e.feature != "country") {
      for (uint32_t q : *qualifiers) {
        const GazetteerEntry& qe = entries_[q];
        const bool country_match = qe.feature == "country" && qe.country == e.country;
        const bool admin_match = qe.feature == "admin1" && qe.country == e.country &&
                                 e.feature == "city" &&
                                 (NameKey(e.admin1) == NameKey(qe.name) ||
                                  NameKey(e.admin1) == qualifier_key);
        if (country_match || admin_match) {
          score += kQualifierBonus;
          break;
        }
      }
    }
    ranked.push_back({index, score});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const PlaceCandidate& a, const PlaceCandidate& b) { return a.score > b.score; });
  return ranked;
}

std::vector<PlaceCandidate> Gazetteer::Lookup(std::string_view name,
                                              const std::vector<std::string>& context) const {
  return Rank(NameKey(name), context, "");
}

}  // namespace annals
