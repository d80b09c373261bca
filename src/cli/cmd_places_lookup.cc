// `annals places lookup NAME`: the gazetteer entries a place name may mean,
// best first, as the actors stage would rank them (docs/places.md). NAME is
// written as in a text: "Kiev", "the Donbas", "southern Lebanon" (a compass
// word before a country, division or region gives the part of it that lies
// that way, feature "region").
//
// Output (stdout, TSV with a header): rank, score, id, name, feature,
// country, division, lat, lon, population. --country adds the countries of
// the document's actors (ISO alpha-3), --with another place the document
// names (its country and point become context, as Gazetteer::Resolve does),
// --in a qualifier ("Texas"), --all lists every candidate instead of the
// best five. Exit 0 if the name is known, 1 if not, 3 if the gazetteer
// cannot be loaded.
#include <cstdio>
#include <iostream>

#include "actors/gazetteer.h"
#include "actors/name_key.h"
#include "base/file.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/messages.h"

namespace annals::cli {
namespace {

struct LookupOptions {
  std::string data_dir;
  std::vector<std::string> countries;
  std::vector<std::string> with;
  std::string qualifier;
  bool all = false;
  std::vector<std::string> name;
};

int RunLookup(const LookupOptions& o) {
  const std::string dir = JoinPath(o.data_dir.empty() ? DefaultDataDir() : o.data_dir, "gazetteer");
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Load(dir, &issues);
  for (const DictionaryIssue& i : issues) PrintDiagnostic("places lookup", {i.error ? "error" : "warning", i.message});
  if (gaz.ok() && !(*gaz)->precomputed_note().empty()) {
    PrintDiagnostic("places lookup", {"warning", (*gaz)->precomputed_note()});
  }
  if (!gaz.ok()) {
    std::cerr << "annals places lookup: cannot load: " << gaz.status().message() << "\n";
    return kExitDataError;
  }
  PlaceContext context;
  context.actor_countries = o.countries;
  for (const std::string& other : o.with) {
    const std::vector<PlaceCandidate> best = (*gaz)->Rank(NameKey(other), o.countries, "");
    if (best.empty()) {
      std::cerr << "annals places lookup: no place named '" << other << "' (--with): ignored\n";
      continue;
    }
    const GazetteerEntry& e = (*gaz)->entries()[best.front().entry];
    if (!e.country.empty()) context.place_countries.push_back(e.country);
    if (e.has_coordinates) context.points.push_back({e.lat, e.lon});
  }
  context.SortPoints();
  std::string name;
  for (const std::string& w : o.name) name += (name.empty() ? "" : " ") + w;
  const std::vector<Gazetteer::Ranked> ranked = (*gaz)->LookupText(name, context, NameKey(o.qualifier));
  if (ranked.empty()) {
    std::cerr << "annals places lookup: no place named '" << name << "'\n";
    return kExitPartial;
  }
  std::printf("rank\tscore\tid\tname\tfeature\tcountry\tdivision\tlat\tlon\tpopulation\n");
  for (size_t r = 0; r < ranked.size() && (o.all || r < 5); ++r) {
    const GazetteerEntry& e = ranked[r].entry;
    std::printf("%zu\t%.2f\t%s\t%s\t%s\t%s\t%s\t", r + 1, ranked[r].score, e.id.c_str(), e.name.c_str(),
                e.feature.c_str(), e.country.c_str(), e.admin1.c_str());
    if (e.has_coordinates) {
      std::printf("%.5f\t%.5f", e.lat, e.lon);
    } else {
      std::printf("\t");
    }
    std::printf("\t%lld\n", static_cast<long long>(e.population));
  }
  if (!o.all && ranked.size() > 5) std::cerr << "annals places lookup: " << ranked.size() << " candidates (--all lists them)\n";
  return kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<LookupOptions>();
  app->add_option("--data", o->data_dir, "Data directory (default: $ANNALS_DATA or the shipped data)");
  app->add_option("--country", o->countries, "A country the document is about (ISO alpha-3); repeatable");
  app->add_option("--with", o->with, "Another place the document names (context); repeatable");
  app->add_option("--in", o->qualifier, "Qualifier written after the name, e.g. Texas in 'Paris, Texas'");
  app->add_flag("--all", o->all, "List every candidate, not only the best five");
  app->add_option("name", o->name, "Place name (several words are joined)")->required();
  return [o] { return RunLookup(*o); };
}

ANNALS_COMMAND("places lookup", "Look a place name up in the gazetteer, best match first", Setup);

}  // namespace
}  // namespace annals::cli
