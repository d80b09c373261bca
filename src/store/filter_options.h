// Command-line options for an EventFilter, shared by `annals query`,
// `annals stats` and `annals export` so the three read filters the same
// way. Header-only: only the CLI (which links CLI11) includes it.
#pragma once

#include <CLI/CLI.hpp>

#include "store/query.h"

namespace annals {

inline void AddFilterOptions(CLI::App* app, EventFilter* f, bool* no_fold) {
  app->add_option("--from", f->from, "First event date: YYYY, YYYY-MM or YYYY-MM-DD");
  app->add_option("--to", f->to, "Last event date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD");
  app->add_option("--actor", f->actor, "Actor on either side: CAMEO code prefix (RUS) or name substring");
  app->add_option("--actor-country", f->actor_country, "Actor country on either side (ISO alpha-3, e.g. UKR)");
  app->add_option("--actor-sector", f->actor_sector, "Actor sector on either side (GOV, MIL, ...)");
  app->add_option("--source", f->source, "Dyad source actor (code prefix or name)");
  app->add_option("--target", f->target, "Dyad target actor (code prefix or name)");
  app->add_flag("--undirected", f->undirected, "Dyad in either direction");
  app->add_option("--cameo", f->cameo, "CAMEO event code prefix (e.g. 19, 042)");
  app->add_option("--plover", f->plover, "PLOVER event type (e.g. ASSAULT)");
  app->add_option("--modality", f->modality, "asserted, planned, hypothetical, negated, historical or reported")
      ->check(CLI::IsMember({"asserted", "planned", "hypothetical", "negated", "historical", "reported"}));
  app->add_option("--quad-class", f->quad_class, "QuadClass 1-4")->check(CLI::Range(1, 4));
  app->add_option("--place", f->place, "Event location: name substring or gazetteer id");
  app->add_option("--country", f->country, "Event location country (ISO alpha-3)");
  app->add_option("--text", f->text, "Full-text query over the event's sentence (SQLite FTS5 syntax)");
  app->add_option("--doc", f->doc, "Only events of this document id");
  app->add_flag("--no-fold", *no_fold, "Raw records, one per coded sentence, instead of folded events");
}

}  // namespace annals
