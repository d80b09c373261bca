// Code names and code checks for the query layer (vocabulary.h).
#include "store/vocabulary.h"

#include <cctype>

#include "actors/actor_dictionary.h"
#include "base/file.h"
#include "base/tsv.h"
#include "ontology/ontology.h"

namespace annals {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<TsvTable> LoadTable(const std::string& path, const std::vector<std::string_view>& columns) {
  Result<TsvTable> t = TsvTable::Load(path);
  if (!t.ok()) return t.status();
  ANNALS_RETURN_IF_ERROR(t->RequireColumns(columns));
  return t;
}

}  // namespace

Result<std::unique_ptr<Vocabulary>> Vocabulary::Load(const std::string& data_dir) {
  std::unique_ptr<Vocabulary> v(new Vocabulary());
  Result<TsvTable> countries = LoadTable(JoinPath(data_dir, "gazetteer/countries.tsv"),
                                         {"alpha3", "alpha2", "name", "common_name"});
  if (!countries.ok()) return countries.status();
  for (const TsvRow& row : countries->rows()) {
    Country c;
    c.alpha3 = row.Get("alpha3");
    c.alpha2 = row.Get("alpha2");
    c.iso_name = row.Get("name");
    c.name = row.Get("common_name").empty() ? c.iso_name : std::string(row.Get("common_name"));
    v->by_alpha2_[c.alpha2] = c.alpha3;
    v->by_name_[Lower(c.iso_name)] = c.alpha3;
    v->by_name_[Lower(c.name)] = c.alpha3;
    v->countries_[c.alpha3] = c;
  }
  Result<TsvTable> fips = LoadTable(JoinPath(data_dir, "gazetteer/fips.tsv"), {"alpha3", "fips"});
  if (!fips.ok()) return fips.status();
  for (const TsvRow& row : fips->rows()) {
    const std::string a3(row.Get("alpha3"));
    Country& c = v->countries_[a3];
    if (c.alpha3.empty()) {
      c.alpha3 = a3;  // Kosovo: not in ISO 3166
      c.name = c.iso_name = a3;
    }
    c.fips = row.Get("fips");
    v->by_fips_[c.fips] = a3;
  }

  // Countries, regions and IGOs by code, as the actor dictionary names them.
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  for (const char* file : {"actors/countries.actors", "actors/igos.actors"}) {
    const std::string path = JoinPath(data_dir, file);
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    dict.AddText(*text, path, &issues);
  }
  for (const ActorEntry& e : dict.entries()) {
    const std::string code = e.CodeOn(-1);
    if (code.empty()) continue;
    if (e.type == "country" && v->countries_.count(code) != 0 && code.size() == 3) {
      Country& c = v->countries_[code];
      if (e.id == "country-" + Lower(code)) {
        c.name = e.name;
        v->by_name_[Lower(e.name)] = code;
      }
    } else if (e.type == "igo") {
      v->igos_.emplace(code, e.name);
    } else if (e.type == "country") {
      v->regions_.emplace(code, e.name);
    } else {
      v->groups_.emplace(code, e.name);
    }
  }

  Result<TsvTable> sectors = LoadTable(JoinPath(data_dir, "actors/sectors.tsv"), {"code", "name", "icews", "plover"});
  if (!sectors.ok()) return sectors.status();
  for (const TsvRow& row : sectors->rows()) {
    Sector s{std::string(row.Get("code")), std::string(row.Get("name")), std::string(row.Get("icews")),
             std::string(row.Get("plover"))};
    v->sectors_[s.code] = s;
  }

  Result<std::unique_ptr<Ontology>> ontology = Ontology::Load(data_dir, "gdelt");
  if (!ontology.ok()) return ontology.status();
  for (const CameoEventCode& c : (*ontology)->codes()) v->cameo_[c.code] = c.name;
  for (const PloverType& t : (*ontology)->plover_types()) v->plover_types_.push_back(t.name);
  Result<TsvTable> renames =
      LoadTable(JoinPath(data_dir, "ontology/plover_renames.tsv"), {"name", "current", "note"});
  if (!renames.ok()) return renames.status();
  for (const TsvRow& row : renames->rows()) {
    v->plover_renames_[std::string(row.Get("name"))] = {std::string(row.Get("current")), std::string(row.Get("note"))};
  }
  return v;
}

Result<const Vocabulary*> Vocabulary::Default() {
  static const Result<std::unique_ptr<Vocabulary>> kLoaded = Load(DefaultDataDir());
  if (!kLoaded.ok()) return kLoaded.status();
  return kLoaded.value().get();
}

const Vocabulary::Country* Vocabulary::FindCountry(std::string_view alpha3) const {
  const auto it = countries_.find(alpha3);
  return it == countries_.end() ? nullptr : &it->second;
}

std::string Vocabulary::InternationalName(std::string_view code, std::string_view type) const {
  const auto igo = igos_.find(code);
  const auto region = regions_.find(code);
  if (type == "country" && region != regions_.end()) return region->second;
  if (igo != igos_.end()) return igo->second;
  if (region != regions_.end()) return region->second;
  const auto group = groups_.find(code);
  if (group != groups_.end()) return group->second;
  return "";
}

bool Vocabulary::IsIgo(std::string_view code) const { return igos_.count(code) != 0; }

const Vocabulary::Sector* Vocabulary::FindSector(std::string_view code) const {
  const auto it = sectors_.find(code);
  return it == sectors_.end() ? nullptr : &it->second;
}

std::string Vocabulary::CountryName(std::string_view code) const {
  if (const Country* c = FindCountry(code)) return c->name;
  const std::string n = InternationalName(code);
  return n.empty() ? std::string(code) : n;
}

std::string Vocabulary::CodeName(std::string_view code, std::string_view type) const {
  if (code.empty()) return "";
  // NATO is the one four-letter "country" part of CAMEO actor codes.
  const size_t n = code.substr(0, 4) == "NATO" ? 4 : std::min<size_t>(3, code.size());
  const std::string_view head = code.substr(0, n);
  std::string base;
  if (const Country* c = FindCountry(head)) {
    base = c->name;
  } else {
    base = InternationalName(head, type);
  }
  if (base.empty()) return std::string(code);
  std::string parts;
  for (size_t i = n; i + 3 <= code.size(); i += 3) {
    const std::string_view part = code.substr(i, 3);
    const Sector* s = FindSector(part);
    if (!parts.empty()) parts += ", ";
    parts += s ? s->name : std::string(part);  // a known-group code (TAL, HMS) as is
  }
  return parts.empty() ? base : base + " (" + parts + ")";
}

std::string Vocabulary::CameoName(std::string_view code) const {
  const auto it = cameo_.find(code);
  return it == cameo_.end() ? "" : it->second;
}

bool Vocabulary::HasCameoPrefix(std::string_view prefix) const {
  const auto it = cameo_.lower_bound(prefix);
  return it != cameo_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool Vocabulary::IsPloverType(std::string_view type) const {
  for (const std::string& t : plover_types_) {
    if (t == type) return true;
  }
  return false;
}

const std::pair<std::string, std::string>* Vocabulary::PloverRename(std::string_view name) const {
  const auto it = plover_renames_.find(name);
  return it == plover_renames_.end() ? nullptr : &it->second;
}

Result<std::string> Vocabulary::CountryCode(std::string_view spec, std::string_view what) const {
  const std::string upper = Upper(spec);
  if (FindCountry(upper) || !InternationalName(upper).empty()) return upper;
  const auto by_name = by_name_.find(Lower(spec));
  if (by_name != by_name_.end()) return by_name->second;
  const std::string opt(what);
  if (upper.size() == 2) {
    std::string msg = "'" + std::string(spec) + "' is a two-letter code; " + opt +
                      " takes ISO 3166 alpha-3 codes (UKR) or country names. As FIPS 10-4 (GDELT's codes) '" +
                      upper + "' is ";
    const auto f = by_fips_.find(upper);
    msg += f == by_fips_.end() ? std::string("no country") : CountryName(f->second) + " (" + f->second + ")";
    msg += "; as ISO alpha-2 it is ";
    const auto a = by_alpha2_.find(upper);
    msg += a == by_alpha2_.end() ? std::string("no country") : CountryName(a->second) + " (" + a->second + ")";
    return Status::InvalidArgument(msg);
  }
  return Status::InvalidArgument("unknown country '" + std::string(spec) + "' for " + opt +
                                 ": use an ISO 3166 alpha-3 code (UKR), a country name, or an international code "
                                 "(NATO, UNO, EUR)");
}

}  // namespace annals
