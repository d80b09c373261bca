// Gazetteer loading, ranking, document-level resolution and relative
// regions. The tables are generated (scripts/extract_cities.sh) or written
// by hand (regions.tsv, aliases.tsv) and read defensively either way: a bad
// row is reported with its line and skipped.
#include "actors/gazetteer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "actors/name_key.h"
#include "base/one_of.h"
#include "base/file.h"
#include "base/tsv.h"
#include "base/utf8.h"

namespace annals {
namespace {

// Feature bonuses, in log10(population) units: a country is named far more
// often than a town that shares its name ("Georgia", "Jordan"), a division
// more often than a small city ("Texas"), a named region ("the Donbas")
// more often than a village of that name.
constexpr double kCountryBonus = 4.0;
constexpr double kAdmin1Bonus = 1.0;
constexpr double kRegionBonus = 2.0;
// How widely a city is known: per decade of GeoNames alternate names (Paris,
// France has 107, Paris, Texas 11), and for a capital or division seat.
constexpr double kProminence = 0.5;
constexpr double kCapitalBonus = 0.5;
constexpr double kSeatBonus = 0.25;
// A country the document is about (see gazetteer.h for why they differ).
// The city bonus is set between two measured gaps: it must move Tripoli
// (Libya 7.49 vs Lebanon 6.44 without context) and Hyderabad (India 7.58
// vs Pakistan 6.96), and must not move Geneva (Switzerland 6.6 vs Illinois
// 4.9) or Paris (France 7.8 vs Texas 4.9).
constexpr double kCountryContextBonus = 0.5;
constexpr double kAdmin1ContextBonus = 3.0;
constexpr double kCityContextBonus = 1.25;
// Nearness to a place the document names unambiguously.
constexpr double kNearKm = 150;
constexpr double kNearBonus = 1.5;
constexpr double kRegionKm = 400;
constexpr double kRegionNearBonus = 0.75;
// The alias table's choice for a name.
constexpr double kAliasBonus = 6.0;
// A qualifier written next to the name decides.
constexpr double kQualifierBonus = 10.0;
// Resolve: a place is clear on its own when it beats every candidate in
// another country, or a city more than kSameKm away, by this much.
// It must exceed what context can add to a city (kCityContextBonus +
// kNearBonus), or Tripoli would stay in Libya beside Beirut.
constexpr double kClearMargin = 3.0;
constexpr double kSameKm = 100;
// PrefersRelative: towns this small yield to "South Lebanon" the region.
constexpr int64_t kSmallTown = 15000;

constexpr std::array<std::string_view, 16> kGenericDivisionNames = {
    "western", "eastern", "northern", "southern", "central", "north", "south", "east",
    "west", "capital", "coast", "upper", "lower", "islands", "lakes", "centre"};

// Words written after a division's name ("Kharkiv region", "Idlib
// province"): each division is also found by its name with these. The ISO
// type word is added when it is one of kTypeWords; "oblast" for the
// post-Soviet countries whose ISO type is "Region".
constexpr std::array<std::string_view, 3> kDivisionWords = {"region", "province", "governorate"};
constexpr std::array<std::string_view, 9> kTypeWords = {
    "governorate", "state", "province", "region", "district", "prefecture", "county", "department",
    "oblast"};
constexpr std::array<std::string_view, 5> kOblastCountries = {"UKR", "RUS", "BLR", "KAZ", "KGZ"};

// Months and weekdays are the names of some towns (August, Arkansas; March,
// England) and far more often dates: "in August" is a time. A city is not
// found by these names; the alias table may still name one.
constexpr std::array<std::string_view, 19> kDateWords = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

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

// A TSV reader for the gazetteer's tables (format of base/tsv.h, same
// messages), built for size: the cities table has 135,000 rows, and
// TsvTable keeps a vector per row and re-splits the text when moved. This
// one walks the text once, reusing one row.
class Table {
 public:
  struct Row {
    size_t line = 0;
    std::vector<std::string_view> fields;
  };

  static Result<Table> Open(const std::string& dir, const char* file,
                            const std::vector<std::string_view>& required) {
    Table t;
    t.path_ = JoinPath(dir, file);
    Result<std::string> text = ReadFile(t.path_);
    if (!text.ok()) return text.status();
    t.text_ = std::move(*text);
    if (!IsValidUtf8(t.text_)) {
      Utf8Report r;
      RepairUtf8(t.text_, &r);
      size_t line = 1;
      for (size_t i = 0; i < r.first_bad_offset && i < t.text_.size(); ++i) line += t.text_[i] == '\n';
      return Status::DataError(AtLine(t.path_, line, "invalid UTF-8"));
    }
    Row header;
    if (!t.Next(&header)) return Status::DataError(AtLine(t.path_, 1, "no header line"));
    for (std::string_view h : header.fields) t.header_.emplace_back(h);
    for (std::string_view c : required) {
      if (t.Column(c) < 0) {
        return Status::DataError(AtLine(t.path_, header.line, "missing column '" + std::string(c) + "'"));
      }
    }
    return t;
  }

  int Column(std::string_view name) const {
    for (size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == name) return static_cast<int>(i);
    }
    return -1;
  }
  // The next data row (comments and blank lines skipped); false at the end.
  bool Next(Row* row) {
    const std::string_view all(text_);
    while (pos_ <= all.size() && !done_) {
      size_t nl = all.find('\n', pos_);
      if (nl == std::string_view::npos) {
        nl = all.size();
        done_ = true;
      }
      std::string_view line = all.substr(pos_, nl - pos_);
      pos_ = nl + 1;
      ++line_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (TrimAscii(line).empty() || line.front() == '#') continue;
      row->line = line_;
      row->fields.clear();
      size_t start = 0;
      while (true) {
        const size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
          row->fields.push_back(line.substr(start));
          break;
        }
        row->fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
      }
      return true;
    }
    return false;
  }
  static std::string_view Get(const Row& row, int column) {
    return column < 0 || static_cast<size_t>(column) >= row.fields.size() ? std::string_view()
                                                                          : row.fields[static_cast<size_t>(column)];
  }
  std::string Error(const Row& row, std::string_view message) const { return AtLine(path_, row.line, message); }
  // "path:line:col: message in column 'name': 'text'", as TsvRow::FieldError.
  std::string FieldError(const Row& row, int column, std::string_view message) const {
    std::string m(message);
    m += " in column '";
    if (column >= 0) m += header_[static_cast<size_t>(column)];
    m += "': '";
    m += Get(row, column);
    m += "'";
    return AtLine(path_, row.line, static_cast<size_t>(column < 0 ? 0 : column + 1), m);
  }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::string> header_;
  size_t pos_ = 0;
  size_t line_ = 0;
  bool done_ = false;
};

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Splits "a|b|c", skipping empty parts.
std::vector<std::string_view> SplitNames(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    if (bar > start) out.push_back(s.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

struct DirectionInfo {
  Direction d;
  std::string_view name;
  std::string_view adjective;
  double dy, dx;  // unit steps north and east
};

constexpr std::array<DirectionInfo, 9> kDirections = {{
    {Direction::kNorth, "north", "northern", 1, 0},
    {Direction::kNorthEast, "north-east", "north-eastern", 1, 1},
    {Direction::kEast, "east", "eastern", 0, 1},
    {Direction::kSouthEast, "south-east", "south-eastern", -1, 1},
    {Direction::kSouth, "south", "southern", -1, 0},
    {Direction::kSouthWest, "south-west", "south-western", -1, -1},
    {Direction::kWest, "west", "western", 0, -1},
    {Direction::kNorthWest, "north-west", "north-western", 1, -1},
    {Direction::kCentral, "central", "central", 0, 0},
}};

const DirectionInfo& Info(Direction d) { return kDirections[static_cast<size_t>(d)]; }

}  // namespace

bool ParseDirection(std::string_view key, Direction* out) {
  std::string k;
  for (char c : key) {
    if (c != ' ') k.push_back(c);
  }
  if (k == "central" || k == "centre" || k == "center") {
    *out = Direction::kCentral;
    return true;
  }
  for (const DirectionInfo& info : kDirections) {
    if (info.d == Direction::kCentral) continue;
    std::string base;
    for (char c : info.name) {
      if (c != '-') base.push_back(c);
    }
    if (k == base || k == base + "ern") {
      *out = info.d;
      return true;
    }
  }
  return false;
}

std::string_view DirectionName(Direction d) { return Info(d).name; }
std::string_view DirectionAdjective(Direction d) { return Info(d).adjective; }

void Gazetteer::AddName(std::string_view written, uint32_t entry, bool alias) {
  AddName(written, NameKey(written), entry, alias);
}

void Gazetteer::AddName(std::string_view written, std::string_view key, uint32_t entry, bool alias) {
  const uint32_t phrase = matcher_.Add(key);
  if (phrase == UINT32_MAX) return;
  if (phrase + 1 >= written_start_.size()) {
    // A new phrase: keep its first written form for the case check.
    if (written_start_.empty()) written_start_.push_back(0);
    written_.append(written);
    written_start_.push_back(static_cast<uint32_t>(written_.size()));
  }
  names_.push_back({phrase, entry, alias});
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::LoadText(const std::string& dir,
                                                       std::vector<DictionaryIssue>* issues) {
  std::vector<DictionaryIssue> local;
  if (issues == nullptr) issues = &local;
  auto gaz = std::make_unique<Gazetteer>();
  std::unordered_map<std::string, std::string> alpha3_of;
  std::unordered_map<std::string, std::string> alpha2_of;
  // "UA.07" (GeoNames admin1 code with its country) -> division entry.
  std::unordered_map<std::string, uint32_t> division_of;
  Table::Row row;

  auto add_entry = [&](GazetteerEntry&& e, const Table& t) -> int64_t {
    auto [it, inserted] = gaz->id_index_.emplace(e.id, static_cast<uint32_t>(gaz->entries_.size()));
    if (!inserted) {
      issues->push_back({true, t.Error(row, "duplicate gazetteer id '" + e.id + "'")});
      return -1;
    }
    gaz->entries_.push_back(std::move(e));
    return it->second;
  };
  auto coords = [&](const Table& t, int lat_col, int lon_col, GazetteerEntry* e) {
    const std::string_view lat = Table::Get(row, lat_col), lon = Table::Get(row, lon_col);
    if (lat.empty() && lon.empty()) return true;
    if (!ParseDouble(lat, &e->lat) || e->lat < -90 || e->lat > 90) {
      issues->push_back({true, t.FieldError(row, lat_col, "bad latitude")});
      return false;
    }
    if (!ParseDouble(lon, &e->lon) || e->lon < -180 || e->lon > 180) {
      issues->push_back({true, t.FieldError(row, lon_col, "bad longitude")});
      return false;
    }
    e->has_coordinates = true;
    return true;
  };

  {
    Result<Table> t = Table::Open(dir, "countries.tsv", {"alpha3", "alpha2", "name", "lat", "lon"});
    if (!t.ok()) return t.status();
    const int alpha3 = t->Column("alpha3"), alpha2 = t->Column("alpha2"), lat = t->Column("lat"),
              lon = t->Column("lon"), pop = t->Column("city_population");
    const std::array<int, 3> names = {t->Column("name"), t->Column("common_name"), t->Column("official_name")};
    while (t->Next(&row)) {
      GazetteerEntry e;
      e.country = std::string(Table::Get(row, alpha3));
      if (e.country.size() != 3) {
        issues->push_back({true, t->FieldError(row, alpha3, "bad ISO alpha-3 code")});
        continue;
      }
      e.id = "iso3166-1:" + e.country;
      e.name = std::string(!Table::Get(row, names[1]).empty() ? Table::Get(row, names[1]) : Table::Get(row, names[0]));
      e.feature = "country";
      int64_t p = 0;
      if (ParseInt(Table::Get(row, pop), &p)) e.population = p;
      if (!coords(*t, lat, lon, &e)) continue;
      alpha3_of[std::string(Table::Get(row, alpha2))] = e.country;
      alpha2_of[e.country] = std::string(Table::Get(row, alpha2));
      const int64_t index = add_entry(std::move(e), *t);
      if (index < 0) continue;
      for (int col : names) {
        if (!Table::Get(row, col).empty()) gaz->AddName(Table::Get(row, col), static_cast<uint32_t>(index), false);
      }
    }
  }
  // GeoNames uses the user-assigned code XK for Kosovo.
  alpha3_of.emplace("XK", "XKX");
  alpha2_of.emplace("XKX", "XK");

  {
    Result<Table> t = Table::Open(dir, "admin1.tsv", {"id", "country3", "name", "lat", "lon"});
    if (!t.ok()) return t.status();
    const int id_col = t->Column("id"), country = t->Column("country3"), name = t->Column("name"),
              lat = t->Column("lat"), lon = t->Column("lon"), pop = t->Column("city_population"),
              other = t->Column("other_names"), geonames = t->Column("geonames_code"), type = t->Column("type");
    while (t->Next(&row)) {
      GazetteerEntry e;
      e.id = std::string(Table::Get(row, id_col));
      const size_t colon = e.id.find(':');
      const std::string_view scheme = std::string_view(e.id).substr(0, colon);
      if (colon == std::string::npos || colon + 1 == e.id.size() ||
          (scheme != "iso3166-2" && scheme != "geonames-admin1")) {
        issues->push_back({true, t->FieldError(row, id_col, "bad division id (iso3166-2:... or geonames-admin1:...)")});
        continue;
      }
      e.admin1 = e.id.substr(colon + 1);
      e.name = std::string(Table::Get(row, name));
      e.feature = "admin1";
      e.country = std::string(Table::Get(row, country));
      int64_t p = 0;
      if (ParseInt(Table::Get(row, pop), &p)) e.population = p;
      if (e.name.empty()) {
        issues->push_back({true, t->FieldError(row, name, "empty name")});
        continue;
      }
      if (!coords(*t, lat, lon, &e)) continue;
      const std::string division_country = e.country;
      const int64_t added = add_entry(std::move(e), *t);
      if (added < 0) continue;
      const auto index = static_cast<uint32_t>(added);
      if (!Table::Get(row, geonames).empty()) {
        auto a2 = alpha2_of.find(division_country);
        if (a2 != alpha2_of.end()) division_of[a2->second + "." + std::string(Table::Get(row, geonames))] = index;
      }
      // The ISO type word written after the name ("Idlib Governorate").
      std::string type_word = NameKey(Table::Get(row, type));
      if (!In(type_word, kTypeWords)) type_word.clear();
      if (In(division_country, kOblastCountries)) type_word = "oblast";
      std::vector<std::string_view> names = {Table::Get(row, name)};
      for (std::string_view n : SplitNames(Table::Get(row, other))) names.push_back(n);
      for (std::string_view n : names) {
        const std::string key = NameKey(n);
        // Divisions called "Western" or "Central" (Uganda, Ghana, Kenya...)
        // would turn every capitalised compass word into a place: they keep
        // their id but are not matched by that name.
        if (In(key, kGenericDivisionNames)) continue;
        gaz->AddName(n, key, index, false);
        // A name that already ends in a type word ("Kyiv Oblast") gets no more.
        const size_t space = key.rfind(' ');
        if (space != std::string::npos && In(std::string_view(key).substr(space + 1), kTypeWords)) continue;
        for (std::string_view w : kDivisionWords) {
          gaz->AddName(std::string(n) + " " + std::string(w), key + " " + std::string(w), index, false);
        }
        if (!type_word.empty() && !In(type_word, kDivisionWords)) {
          gaz->AddName(std::string(n) + " " + type_word, key + " " + type_word, index, false);
        }
      }
    }
  }

  {
    Result<Table> t = Table::Open(dir, "geonames-cities.tsv", {"geonameid", "name", "country2", "population", "lat", "lon"});
    if (!t.ok()) return t.status();
    const int id_col = t->Column("geonameid"), name = t->Column("name"), country2 = t->Column("country2"),
              pop = t->Column("population"), lat = t->Column("lat"), lon = t->Column("lon"),
              feature = t->Column("feature"), admin1_code = t->Column("admin1_code"),
              admin1_name = t->Column("admin1_name"), alt_count = t->Column("alternate_count"),
              alt_names = t->Column("alt_names");
    gaz->entries_.reserve(gaz->entries_.size() + 150000);
    gaz->geonames_index_.reserve(150000);
    gaz->names_.reserve(gaz->names_.size() + 300000);
    gaz->matcher_.Reserve(300000, 4000000);
    std::vector<bool> seen_ids;  // by GeoNames id: duplicates are reported and skipped
    std::string division_key;
    std::string key;
    while (t->Next(&row)) {
      int64_t geonameid = 0;
      if (!ParseInt(Table::Get(row, id_col), &geonameid) || geonameid <= 0 || geonameid > UINT32_MAX) {
        issues->push_back({true, t->FieldError(row, id_col, "bad GeoNames id")});
        continue;
      }
      GazetteerEntry e;
      e.name = std::string(Table::Get(row, name));
      e.feature = "city";
      e.admin1 = std::string(Table::Get(row, admin1_name));
      const std::string_view cc = Table::Get(row, country2);
      auto c = alpha3_of.find(std::string(cc));
      if (c == alpha3_of.end()) {
        issues->push_back({true, t->FieldError(row, country2, "unknown country code")});
        continue;
      }
      e.country = c->second;
      if (!ParseInt(Table::Get(row, pop), &e.population)) {
        issues->push_back({true, t->FieldError(row, pop, "bad population")});
        continue;
      }
      e.geonames_feature = std::string(Table::Get(row, feature));
      int64_t alternates = 0;
      if (ParseInt(Table::Get(row, alt_count), &alternates) && alternates > 0) {
        e.alternate_count = static_cast<uint32_t>(std::min<int64_t>(alternates, UINT32_MAX));
      }
      if (!coords(*t, lat, lon, &e)) continue;
      const auto gid = static_cast<size_t>(geonameid);
      if (gid >= seen_ids.size()) seen_ids.resize(std::max(gid + 1, seen_ids.size() * 2), false);
      if (seen_ids[gid]) {
        issues->push_back({true, t->Error(row, "duplicate gazetteer id 'geonames:" + std::string(Table::Get(row, id_col)) + "'")});
        continue;
      }
      seen_ids[gid] = true;
      e.id = "geonames:";
      e.id += Table::Get(row, id_col);
      const auto index = static_cast<uint32_t>(gaz->entries_.size());
      gaz->entries_.push_back(std::move(e));
      gaz->geonames_index_.push_back({static_cast<uint32_t>(geonameid), index});
      key.clear();
      AppendNameKey(Table::Get(row, name), &key);
      if (!In(key, kDateWords)) gaz->AddName(Table::Get(row, name), key, index, false);
      for (std::string_view n : SplitNames(Table::Get(row, alt_names))) {
        key.clear();
        AppendNameKey(n, &key);
        if (!In(key, kDateWords)) gaz->AddName(n, key, index, false);
      }
      gaz->country_cities_[gaz->entries_[index].country].push_back(index);
      if (!Table::Get(row, admin1_code).empty()) {
        division_key.assign(cc).append(".").append(Table::Get(row, admin1_code));
        auto div = division_of.find(division_key);
        if (div != division_of.end()) gaz->division_cities_[div->second].push_back(index);
      }
    }
    // The table is sorted by GeoNames id; sort if someone's is not.
    if (!std::is_sorted(gaz->geonames_index_.begin(), gaz->geonames_index_.end())) {
      std::sort(gaz->geonames_index_.begin(), gaz->geonames_index_.end());
    }
  }

  // Named regions: optional file, hand-written.
  std::error_code exists_error;
  if (std::filesystem::exists(JoinPath(dir, "regions.tsv"), exists_error)) {
    Result<Table> t = Table::Open(dir, "regions.tsv", {"id", "name", "country", "lat", "lon", "members"});
    if (!t.ok()) return t.status();
    const int id_col = t->Column("id"), name = t->Column("name"), country = t->Column("country"),
              lat = t->Column("lat"), lon = t->Column("lon"), members_col = t->Column("members"),
              other = t->Column("other_names");
    while (t->Next(&row)) {
      GazetteerEntry e;
      e.id = std::string(Table::Get(row, id_col));
      if (e.id.rfind("region:", 0) != 0 || e.id.size() == 7) {
        issues->push_back({true, t->FieldError(row, id_col, "bad region id (region:...)")});
        continue;
      }
      e.name = std::string(Table::Get(row, name));
      e.feature = "region";
      e.country = std::string(Table::Get(row, country));
      if (e.name.empty()) {
        issues->push_back({true, t->FieldError(row, name, "empty name")});
        continue;
      }
      if (!e.country.empty() && gaz->FindById("iso3166-1:" + e.country) == nullptr) {
        issues->push_back({true, t->FieldError(row, country, "unknown ISO alpha-3 code")});
        continue;
      }
      std::vector<uint32_t> members;
      bool members_ok = true;
      for (std::string_view m : SplitString(Table::Get(row, members_col), ' ')) {
        if (m.empty()) continue;
        auto it = gaz->id_index_.find(std::string(m));
        const std::string_view feature =
            it == gaz->id_index_.end() ? std::string_view() : std::string_view(gaz->entries_[it->second].feature);
        if (feature != "country" && feature != "admin1") {
          issues->push_back(
              {true, t->FieldError(row, members_col, "member '" + std::string(m) + "' is no country or division id")});
          members_ok = false;
          break;
        }
        members.push_back(it->second);
      }
      if (!members_ok) continue;
      if (!coords(*t, lat, lon, &e)) continue;
      for (uint32_t m : members) e.population += gaz->entries_[m].population;
      if (!e.has_coordinates) {
        // The population-weighted centre of the members' cities.
        double sum_lat = 0, sum_lon = 0, weight = 0;
        for (uint32_t m : members) {
          for (uint32_t c : gaz->MemberCities(m)) {
            const GazetteerEntry& city = gaz->entries_[c];
            const double w = static_cast<double>(std::max<int64_t>(city.population, 1));
            sum_lat += w * city.lat;
            sum_lon += w * city.lon;
            weight += w;
          }
        }
        if (weight == 0) {
          issues->push_back({true, t->Error(row, "region has no point: give lat/lon or members with cities")});
          continue;
        }
        e.lat = sum_lat / weight;
        e.lon = sum_lon / weight;
        e.has_coordinates = true;
      }
      const int64_t added = add_entry(std::move(e), *t);
      if (added < 0) continue;
      const auto index = static_cast<uint32_t>(added);
      if (!members.empty()) gaz->region_members_[index] = std::move(members);
      gaz->AddName(Table::Get(row, name), index, false);
      for (std::string_view n : SplitNames(Table::Get(row, other))) gaz->AddName(n, index, false);
    }
  }

  {
    Result<Table> t = Table::Open(dir, "aliases.tsv", {"alias", "target"});
    if (!t.ok()) return t.status();
    const int alias = t->Column("alias"), target = t->Column("target");
    while (t->Next(&row)) {
      const GazetteerEntry* e = gaz->FindById(Table::Get(row, target));
      if (e == nullptr) {
        issues->push_back({true, t->FieldError(row, target, "no gazetteer entry with this id")});
        continue;
      }
      if (NameKey(Table::Get(row, alias)).empty()) {
        issues->push_back({true, t->FieldError(row, alias, "alias has no letters or digits")});
        continue;
      }
      gaz->AddName(Table::Get(row, alias), static_cast<uint32_t>(e - gaz->entries_.data()), true);
      ++gaz->alias_count_;
    }
  }
  if (gaz->entries_.empty()) return Status::DataError(dir + ": empty gazetteer");
  gaz->IndexNames();
  return gaz;
}

void Gazetteer::IndexNames() {
  // Counting sort by phrase, keeping the order names were added; an entry
  // named twice by one phrase (a name and an alias) appears once, as an
  // alias if either was.
  const size_t phrases = matcher_.size();
  phrase_start_.assign(phrases + 1, 0);
  for (const NameRef& n : names_) ++phrase_start_[n.phrase + 1];
  for (size_t p = 0; p < phrases; ++p) phrase_start_[p + 1] += phrase_start_[p];
  std::vector<uint32_t> fill(phrase_start_.begin(), phrase_start_.end() - 1);
  std::vector<uint32_t> entries(names_.size());
  std::vector<uint8_t> alias(names_.size());
  for (const NameRef& n : names_) {
    const uint32_t at = fill[n.phrase]++;
    entries[at] = n.entry;
    alias[at] = n.alias ? 1 : 0;
  }
  names_.clear();
  names_.shrink_to_fit();
  phrase_entries_.clear();
  phrase_alias_.clear();
  phrase_entries_.reserve(entries.size());
  phrase_alias_.reserve(entries.size());
  uint32_t out_start = 0;
  for (size_t p = 0; p < phrases; ++p) {
    const uint32_t b = phrase_start_[p], e = phrase_start_[p + 1];
    phrase_start_[p] = out_start;
    for (uint32_t i = b; i < e; ++i) {
      bool seen = false;
      for (uint32_t j = out_start; j < phrase_entries_.size(); ++j) {
        if (phrase_entries_[j] == entries[i]) {
          phrase_alias_[j] = phrase_alias_[j] | alias[i];
          seen = true;
        }
      }
      if (!seen) {
        phrase_entries_.push_back(entries[i]);
        phrase_alias_.push_back(alias[i]);
      }
    }
    out_start = static_cast<uint32_t>(phrase_entries_.size());
  }
  phrase_start_[phrases] = out_start;
}

bool Gazetteer::IsAlias(uint32_t phrase, uint32_t entry) const {
  for (uint32_t i = phrase_start_[phrase]; i < phrase_start_[phrase + 1]; ++i) {
    if (phrase_entries_[i] == entry) return phrase_alias_[i] != 0;
  }
  return false;
}

const GazetteerEntry* Gazetteer::FindById(std::string_view id) const {
  constexpr std::string_view kGeonames = "geonames:";
  if (id.substr(0, kGeonames.size()) == kGeonames) {
    int64_t n = 0;
    if (!ParseInt(id.substr(kGeonames.size()), &n) || n <= 0 || n > UINT32_MAX) return nullptr;
    auto it = std::lower_bound(geonames_index_.begin(), geonames_index_.end(),
                               std::make_pair(static_cast<uint32_t>(n), uint32_t{0}));
    return it == geonames_index_.end() || it->first != n ? nullptr : &entries_[it->second];
  }
  auto it = id_index_.find(std::string(id));
  return it == id_index_.end() ? nullptr : &entries_[it->second];
}

PlaceIds Gazetteer::Candidates(std::string_view key) const {
  const uint32_t phrase = matcher_.Find(key);
  return phrase == UINT32_MAX ? PlaceIds() : phrase_names(phrase);
}

void PlaceContext::SortPoints() {
  auto key = [](const Point& p) { return std::make_pair(p.lat, p.lon); };
  std::sort(points.begin(), points.end(), [&](const Point& a, const Point& b) { return key(a) < key(b); });
  points.erase(std::unique(points.begin(), points.end(),
                           [&](const Point& a, const Point& b) { return key(a) == key(b); }),
               points.end());
}

double Gazetteer::Score(uint32_t index, bool aliased, const PlaceContext& context, PlaceIds qualifiers,
                        std::string_view qualifier_key) const {
  const GazetteerEntry& e = entries_[index];
  double score = std::log10(static_cast<double>(std::max<int64_t>(e.population, 1)));
  if (e.feature == "country") score += kCountryBonus;
  if (e.feature == "admin1") score += kAdmin1Bonus;
  if (e.feature == "region") score += kRegionBonus;
  if (e.feature == "city") {
    score += kProminence * std::log10(1.0 + e.alternate_count);
    if (e.geonames_feature == "PPLC") score += kCapitalBonus;
    if (e.geonames_feature == "PPLA") score += kSeatBonus;
  }
  if (aliased) score += kAliasBonus;
  if (!e.country.empty() &&
      (Contains(context.actor_countries, e.country) || Contains(context.place_countries, e.country))) {
    score += e.feature == "country" ? kCountryContextBonus
             : e.feature == "city"  ? kCityContextBonus
                                    : kAdmin1ContextBonus;
  }
  if (e.feature != "country" && e.has_coordinates && !context.points.empty()) {
    // A point further away in latitude alone than kRegionKm is further
    // than that in all (great circle >= its latitude arc), so only the
    // points in that band of the sorted list are measured.
    constexpr double kKmPerDegree = 6371.0 * 3.14159265358979323846 / 180.0;
    const double reach = kRegionKm / kKmPerDegree + 1e-6;
    auto it = std::lower_bound(context.points.begin(), context.points.end(), e.lat - reach,
                               [](const PlaceContext::Point& p, double lat) { return p.lat < lat; });
    double nearest = 1e9;
    for (; it != context.points.end() && it->lat <= e.lat + reach && nearest > kNearKm; ++it) {
      nearest = std::min(nearest, DistanceKm(e.lat, e.lon, it->lat, it->lon));
    }
    if (nearest <= kNearKm) {
      score += kNearBonus;
    } else if (nearest <= kRegionKm) {
      score += kRegionNearBonus;
    }
  }
  if (e.feature != "country") {
    for (uint32_t q : qualifiers) {
      const GazetteerEntry& qe = entries_[q];
      // A named region of one country qualifies like its country: "Bari,
      // Puntland" is Somalia's Bari region, not Bari, Italy.
      const bool country_match = (qe.feature == "country" || (qe.feature == "region" && !qe.country.empty())) &&
                                 qe.country == e.country;
      const bool admin_match = qe.feature == "admin1" && qe.country == e.country && e.feature == "city" &&
                               (NameKey(e.admin1) == NameKey(qe.name) || NameKey(e.admin1) == qualifier_key);
      if (country_match || admin_match) {
        score += kQualifierBonus;
        break;
      }
    }
  }
  return score;
}

std::vector<PlaceCandidate> Gazetteer::RankInContext(std::string_view key, const PlaceContext& context,
                                            std::string_view qualifier_key) const {
  std::vector<PlaceCandidate> ranked;
  const uint32_t phrase = matcher_.Find(key);
  if (phrase == UINT32_MAX) return ranked;
  const PlaceIds list = phrase_names(phrase);
  const PlaceIds qualifiers = qualifier_key.empty() ? PlaceIds() : Candidates(qualifier_key);
  ranked.reserve(list.size());
  for (uint32_t index : list) {
    ranked.push_back({index, Score(index, IsAlias(phrase, index), context, qualifiers, qualifier_key)});
  }
  // A division yields to a city of the same name in its country: "in
  // Tbilisi", "in Idlib", "in New York" name the city; the division is
  // "Tbilisi region", "Idlib province". The alias table may still choose a
  // division.
  for (PlaceCandidate& c : ranked) {
    const GazetteerEntry& e = entries_[c.entry];
    if (e.feature != "admin1" || IsAlias(phrase, c.entry)) continue;
    for (const PlaceCandidate& other : ranked) {
      const GazetteerEntry& o = entries_[other.entry];
      if (o.feature == "city" && o.country == e.country && other.score <= c.score) {
        c.score = other.score - 0.01;
      }
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const PlaceCandidate& a, const PlaceCandidate& b) { return a.score > b.score; });
  return ranked;
}

std::vector<PlaceCandidate> Gazetteer::Rank(std::string_view key, const std::vector<std::string>& context,
                                            std::string_view qualifier_key) const {
  PlaceContext c;
  c.actor_countries = context;
  return RankInContext(key, c, qualifier_key);
}

std::vector<PlaceCandidate> Gazetteer::Lookup(std::string_view name,
                                              const std::vector<std::string>& context) const {
  return Rank(NameKey(name), context, "");
}

bool Gazetteer::InQualifierCountry(const std::vector<PlaceCandidate>& ranked, std::string_view qualifier_key) const {
  // The countries of every entry the qualifier may name ("Manchester" is a
  // Jamaican parish and an English city), when one is a country or division.
  std::vector<std::string> countries;
  bool area = false;
  for (uint32_t q : Candidates(qualifier_key)) {
    const GazetteerEntry& qe = entries_[q];
    area = area || qe.feature == "country" || qe.feature == "admin1" || (qe.feature == "region" && !qe.country.empty());
    if (!qe.country.empty()) countries.push_back(qe.country);
  }
  if (!area) return true;  // a city or an unknown qualifier says nothing here
  for (const PlaceCandidate& c : ranked) {
    if (Contains(countries, entries_[c.entry].country)) return true;
  }
  return false;
}

std::vector<uint32_t> Gazetteer::Resolve(const std::vector<PlaceQuery>& queries,
                                         const std::vector<std::string>& actor_countries) const {
  std::vector<uint32_t> best(queries.size(), UINT32_MAX);
  std::vector<bool> clear(queries.size(), false);
  PlaceContext context;
  context.actor_countries = actor_countries;
  // Pass 1: the places that need no help.
  for (size_t i = 0; i < queries.size(); ++i) {
    const PlaceQuery& q = queries[i];
    const std::vector<PlaceCandidate> ranked = RankInContext(q.key, context, q.qualifier_key);
    if (ranked.empty()) continue;
    // A qualifier names the country or division the place lies in ("Kampala,
    // DRC"): where no entry of the name lies there, the place is one the
    // gazetteer lacks, not the namesake elsewhere (Kampala, Uganda): none.
    if (!q.qualifier_key.empty() && !InQualifierCountry(ranked, q.qualifier_key)) continue;
    best[i] = ranked.front().entry;
    const GazetteerEntry& top = entries_[best[i]];
    bool won = true;
    for (size_t r = 1; r < ranked.size() && won; ++r) {
      const GazetteerEntry& other = entries_[ranked[r].entry];
      const bool elsewhere = other.country != top.country ||
                             (other.feature == "city" && top.feature == "city" &&
                              DistanceKm(top.lat, top.lon, other.lat, other.lon) > kSameKm);
      if (elsewhere && ranked.front().score - ranked[r].score < kClearMargin) won = false;
    }
    // A small town is never clear: it is what the document's context is
    // for, not where that context comes from.
    const bool small = top.feature == "city" && top.population < kSmallTown;
    clear[i] = (won && !small) || !q.qualifier_key.empty();
  }
  std::vector<PlaceContext::Point> points;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (!clear[i]) continue;
    const GazetteerEntry& e = entries_[best[i]];
    if (!e.country.empty() && !Contains(context.place_countries, e.country)) context.place_countries.push_back(e.country);
    if (e.has_coordinates) points.push_back({e.lat, e.lon});
  }
  context.points = std::move(points);
  context.SortPoints();
  // Pass 2: the others, with the document's places as context; a qualifier
  // lies in its head's country ("Atlanta, Georgia").
  for (size_t i = 0; i < queries.size(); ++i) {
    const PlaceQuery& q = queries[i];
    if (best[i] == UINT32_MAX) continue;
    const bool has_head = q.head >= 0 && static_cast<size_t>(q.head) < i && best[static_cast<size_t>(q.head)] != UINT32_MAX;
    if (clear[i] && !has_head) continue;
    const std::vector<PlaceCandidate> ranked = RankInContext(q.key, context, q.qualifier_key);
    best[i] = ranked.front().entry;
    if (has_head) {
      const std::string& head_country = entries_[best[static_cast<size_t>(q.head)]].country;
      for (const PlaceCandidate& c : ranked) {
        if (entries_[c.entry].country == head_country) {
          best[i] = c.entry;
          break;
        }
      }
      continue;
    }
    // A small town in none of the document's countries, in a document whose
    // clear places lie elsewhere, is a namesake of a place the gazetteer
    // lacks ("Babila" in a Congolese story is not the Syrian village): none.
    const GazetteerEntry& e = entries_[best[i]];
    if (q.qualifier_key.empty() && e.feature == "city" && e.population < kSmallTown &&
        !context.place_countries.empty() && !Contains(context.place_countries, e.country) &&
        !Contains(context.actor_countries, e.country)) {
      best[i] = UINT32_MAX;
    }
  }
  return best;
}

std::vector<uint32_t> Gazetteer::MemberCities(uint32_t entry) const {
  const GazetteerEntry& e = entries_[entry];
  if (e.feature == "country") {
    auto it = country_cities_.find(e.country);
    return it == country_cities_.end() ? std::vector<uint32_t>() : it->second;
  }
  if (e.feature == "admin1") {
    auto it = division_cities_.find(entry);
    return it == division_cities_.end() ? std::vector<uint32_t>() : it->second;
  }
  std::vector<uint32_t> out;
  auto it = region_members_.find(entry);
  if (it == region_members_.end()) return out;
  for (uint32_t m : it->second) {
    const std::vector<uint32_t> part = MemberCities(m);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

std::optional<GazetteerEntry> Gazetteer::Relative(uint32_t target, Direction d) const {
  const GazetteerEntry& t = entries_[target];
  if (t.feature == "city") return std::nullopt;
  const DirectionInfo& info = Info(d);
  GazetteerEntry r;
  r.id = t.id + "#" + std::string(info.name);
  r.name = std::string(info.adjective) + " " + t.name;
  r.feature = "region";
  r.country = t.country;
  if (t.feature == "admin1") r.admin1 = t.admin1;
  r.lat = t.lat;
  r.lon = t.lon;
  r.has_coordinates = t.has_coordinates;
  const std::vector<uint32_t> members = MemberCities(target);
  // Too few cities to have parts: the region keeps its target's point, and
  // says by its feature and name that it is a part.
  if (members.size() < 3) return r;
  // The extent: 5th to 95th percentile of the cities' latitudes and
  // longitudes, so that one far island does not stretch it.
  std::vector<double> lats, lons;
  lats.reserve(members.size());
  lons.reserve(members.size());
  for (uint32_t m : members) {
    lats.push_back(entries_[m].lat);
    lons.push_back(entries_[m].lon);
  }
  auto percentile = [](std::vector<double>* v, double p) {
    const size_t k = static_cast<size_t>(p * static_cast<double>(v->size() - 1));
    std::nth_element(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(k), v->end());
    return (*v)[k];
  };
  const double lat_lo = percentile(&lats, 0.05), lat_hi = percentile(&lats, 0.95);
  const double lon_lo = percentile(&lons, 0.05), lon_hi = percentile(&lons, 0.95);
  const double lat_span = std::max(lat_hi - lat_lo, 1e-6), lon_span = std::max(lon_hi - lon_lo, 1e-6);
  const double lat_mid = (lat_lo + lat_hi) / 2, lon_mid = (lon_lo + lon_hi) / 2;
  // A city belongs to the part when its position along the direction lies
  // in the outer third of the extent; "central" is the middle third both ways.
  const double norm = std::sqrt(info.dy * info.dy + info.dx * info.dx);
  const double reach = norm == 0 ? 0 : 0.5 * (std::abs(info.dy) + std::abs(info.dx)) / norm;
  double lat = 0, lon = 0, weight = 0;
  int64_t population = 0;
  for (uint32_t m : members) {
    const GazetteerEntry& c = entries_[m];
    const double y = std::clamp((c.lat - lat_mid) / lat_span, -0.5, 0.5);
    const double x = std::clamp((c.lon - lon_mid) / lon_span, -0.5, 0.5);
    const bool in = d == Direction::kCentral ? (std::abs(y) <= 1.0 / 6 && std::abs(x) <= 1.0 / 6)
                                             : (y * info.dy + x * info.dx) / norm >= reach / 3;
    if (!in) continue;
    const double w = static_cast<double>(std::max<int64_t>(c.population, 1));
    lat += w * c.lat;
    lon += w * c.lon;
    weight += w;
    population += c.population;
  }
  if (weight > 0) {
    r.lat = lat / weight;
    r.lon = lon / weight;
  } else {
    // No city there: the middle of that part of the extent.
    r.lat = lat_mid + info.dy * lat_span / 3;
    r.lon = lon_mid + info.dx * lon_span / 3;
  }
  r.has_coordinates = true;
  r.population = population;
  return r;
}

bool Gazetteer::PrefersRelative(uint32_t phrase) const {
  for (uint32_t e : phrase_names(phrase)) {
    if (entries_[e].feature != "city" || entries_[e].population >= kSmallTown) return false;
  }
  const std::string key = matcher_.key(phrase);
  size_t space = key.find(' ');
  for (int words = 1; words <= 2 && space != std::string::npos; ++words) {
    Direction d;
    if (ParseDirection(std::string_view(key).substr(0, space), &d)) {
      for (uint32_t e : Candidates(std::string_view(key).substr(space + 1))) {
        if (entries_[e].feature != "city") return true;
      }
      return false;
    }
    space = key.find(' ', space + 1);
  }
  return false;
}

std::vector<Gazetteer::Ranked> Gazetteer::LookupText(std::string_view text, const PlaceContext& context,
                                                     std::string_view qualifier_key) const {
  std::string key = NameKey(text);
  if (key.rfind("the ", 0) == 0 && Candidates(key).empty()) key.erase(0, 4);
  std::vector<Ranked> out;
  const uint32_t phrase = matcher_.Find(key);
  if (phrase != UINT32_MAX && !PrefersRelative(phrase)) {
    for (const PlaceCandidate& c : RankInContext(key, context, qualifier_key)) out.push_back({entries_[c.entry], c.score});
    return out;
  }
  // "southern Lebanon", "north west Syria": a compass word, then a place.
  size_t space = key.find(' ');
  for (int words = 1; words <= 2 && space != std::string::npos; ++words) {
    Direction d;
    const std::string rest = key.substr(space + 1);
    if (ParseDirection(std::string_view(key).substr(0, space), &d) && !Candidates(rest).empty()) {
      for (const PlaceCandidate& c : RankInContext(rest, context, qualifier_key)) {
        std::optional<GazetteerEntry> part = Relative(c.entry, d);
        out.push_back({part ? std::move(*part) : entries_[c.entry], c.score});
      }
      return out;
    }
    space = key.find(' ', space + 1);
  }
  return out;
}

}  // namespace annals
