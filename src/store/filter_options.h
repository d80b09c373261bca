// Command-line options for an EventFilter, shared by `annals query`,
// `annals stats` and `annals export` so the three read filters the same
// way. Header-only: only the CLI (which links CLI11) includes it.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "store/query.h"

namespace annals {

struct FilterArgs {
  EventFilter filter;
  bool no_fold = false;
  std::string modality;  // --modality as given; "" = events that happened

  // Sets filter.folded and filter.modalities from the options;
  // InvalidArgument for a bad --modality.
  Status Resolve() {
    filter.folded = !no_fold;
    if (modality.empty()) return Status::Ok();
    Result<std::vector<std::string>> m = ParseModalities(modality);
    if (!m.ok()) return m.status();
    filter.modalities = *m;
    return Status::Ok();
  }
};

inline void AddFilterOptions(CLI::App* app, FilterArgs* a) {
  EventFilter* f = &a->filter;
  app->add_option("--from", f->from, "First event date: YYYY, YYYY-MM or YYYY-MM-DD");
  app->add_option("--to", f->to, "Last event date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD");
  app->add_option("--actor", f->actor, "Actor on either side: CAMEO code prefix, any case (RUS), or name (Putin)");
  app->add_option("--actor-country", f->actor_country, "Actor country on either side (ISO alpha-3 or name: UKR)");
  app->add_option("--actor-sector", f->actor_sector, "Actor sector on either side (GOV, MIL, ...)");
  app->add_option("--source", f->source, "Dyad source actor (code prefix or name)");
  app->add_option("--target", f->target, "Dyad target actor (code prefix or name)");
  app->add_flag("--undirected", f->undirected, "Dyad in either direction");
  app->add_option("--speaker", f->speaker, "Who said it: the attributed speaker (code prefix or name)");
  app->add_option("--cameo", f->cameo, "CAMEO event code prefix (e.g. 19, 042)");
  app->add_option("--plover", f->plover, "PLOVER event type (e.g. ASSAULT)");
  app->add_option("--modality", a->modality,
                  "Modalities counted, comma-separated: asserted, reported, historical, planned, hypothetical, "
                  "negated; 'all'. Default: asserted,reported (events that happened)");
  app->add_option("--quad-class", f->quad_class, "QuadClass 1-4")->check(CLI::Range(1, 4));
  app->add_option("--place", f->place, "Event location: name substring or gazetteer id");
  app->add_option("--country", f->country, "Event location country (ISO alpha-3 or name)");
  app->add_option("--text", f->text, "Full-text query over the event's sentence (SQLite FTS5 syntax)");
  app->add_option("--doc", f->doc, "Only events of this document id");
  app->add_flag("--no-fold", a->no_fold, "Raw records, one per coded sentence, instead of folded events");
}

}  // namespace annals
