// The actors stage: finds who and where a document talks about.
//
// Needs:  kLayerTokens | kLayerSentences | kLayerTags: reads Token::upos
//         (PROPN, NOUN, ADJ). (Its rules fall back on capitalisation on bare
//         tokens, but in the pipeline the tags are always there, and what a
//         stage reads it declares: src/pipeline/pipeline_test.cc checks it.)
// Fills:  kLayerMentions | kLayerPlaces:
//   Document::mentions, sorted by first token, each with its span, tokens,
//   sentence and ActorRef; `how` says how it was found:
//     "dictionary"  a name or alias from data/actors/*.actors (longest
//                   match, case-aware: "US" is the country, "us" is not);
//                   a title written before the name joins the mention
//                   ("British Prime Minister Keir Starmer").
//     "role"        a role noun ("Ukrainian troops" -> UKRMIL, "police in
//                   Lagos" -> NGACOP, "Hamas fighters" -> the group's code).
//                   Never without a country: ActorRef::country_how says
//                   where it came from (written next to the noun, the
//                   clause's place, the dateline, the document's dominant
//                   country, else the unknown "---": "gunmen" -> ---UAF);
//                   docs/actors.md, "Generic agents".
//     "titled"      a title before a name no dictionary knows: an unknown
//                   person with the title's sector and the country found as
//                   for roles ("Former defence minister Jana Novak" ->
//                   ---ELI, name "Jana Novak").
//     "title"       an office without a name resolved to its holder on the
//                   document's date ("the US president", "his Russian
//                   counterpart", "the Russian leader", "the premier").
//     "surname"     a surname alone ("Starmer"), tied to an earlier full
//                   name or titled person (antecedent) or, if the
//                   dictionary has one such person, to that person.
//     "pronoun"     he/she to the last person of that gender, they/them to
//                   the last group, within three sentences (antecedent set).
//     "proper_noun" a proper-noun span no dictionary knows: an unknown
//                   actor (ActorRef::type "unknown", empty code).
//   The code is the one the actor held on Document::date (YYYY-MM-DD); with
//   no usable date, the undated code (see ActorEntry::CodeOn).
//   Document::places: every place name found in the gazetteer, resolved to
//   one entry by population, the document's countries and a written
//   qualifier ("Paris, Texas"). Which place is an event's location is for
//   the attach stage to decide from the clause; the actors stage never
//   defaults to an actor's capital.
//   Document::dateline_place: the dateline's place resolved in the gazetteer
//   (dateline_place.h), when the text stage found a dateline with a place.
//
// Loading: every data/actors/*.actors file, config.extra_actor_dictionary,
// data/actors/roles.tsv and data/gazetteer/. Dictionary problems are
// printed to stderr once, with file:line; creation fails only if no actor
// entry loads or the gazetteer is missing.
//
// Thread-safety: Process() is const and keeps no per-document state; the
// dictionary and gazetteer are shared read-only.
#pragma once

#include <memory>

#include "actors/actor_dictionary.h"
#include "actors/gazetteer.h"
#include "annals/config.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

Result<std::unique_ptr<Stage>> CreateActorsStage(const Config& config);

// The same stage over a dictionary and gazetteer already loaded (tests,
// tools). Both must be non-null.
std::unique_ptr<Stage> MakeActorsStage(std::shared_ptr<const ActorDictionary> dictionary,
                                       std::shared_ptr<const Gazetteer> gazetteer);

}  // namespace annals
