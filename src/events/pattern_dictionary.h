// The event pattern dictionary: human-edited trigger patterns over the
// dependency parse, each mapping to a CAMEO event code, plus the word lists
// (lexicons) the coder uses for modality, arguments and light verbs, read
// from data/lang/en/events.tsv and function_words.tsv (one loader:
// base/word_lists.h; docs/formats/wordlists.md).
//
// Format (docs/formats/patterns.md; files data/patterns/*.patterns): one
// pattern per line,
//
//   <id> <cameo-code> <trigger> [<constraint or option>]...  [# comment]
//
// (a trigger may name several lemmas that share the line: ask|request/V)
//
//   consult.meet      040  meet/V                 recip
//   reject.troops     1224 reject/V  sub=troop|soldier|boots  target=deep
//   appeal.call-on    020  call/V+on              target=obl:on,obj
//
// and irregular forms "@lemma <lemma> <form>..." (spoke -> speak). The
// trigger is a lemma with
// an optional part of speech (/V verb, /N noun, /A adjective) and optional
// particles (+on, +out): words that must be dependents of the trigger (or the
// case marker of one), as in "call on", "rule out", "off the table"
// (table/N+off).
//
// Loading never stops at a bad line: each malformed pattern is reported as
// "path:line:col: message 'text'" in `errors` and skipped; the rest load.
// After Load the dictionary is immutable and safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annals/status.h"
#include "base/word_lists.h"

namespace annals::events {

enum class PosClass : uint8_t { kAny, kVerb, kNoun, kAdj };

// The word lists the coder reads, one per rule (docs/formats/patterns.md
// lists them with what each one does). Their names in the data are those of
// LexiconName(); a misspelt name is a load error, never a silently empty list.
enum class Lexicon : uint8_t {
  kPlannedGovernor,       // X plans/intends/agrees to <event>
  kHypotheticalGovernor,  // analysts bet that / it is possible that
  kNegatingGovernor,      // deny that <event>
  kPlannedModifier,       // planned/upcoming/imminent <noun event>
  kHypotheticalModifier,  // possible/potential <noun event>
  kPlannedNoun,           // a plan/promise/pledge to <event>
  kHypotheticalNoun,      // the possibility/prospect of <event>
  kLightVerb,             // hold/have/attend <noun event>
  kHedgeAdverb,           // reportedly, allegedly
  kHedgeSubject,          // sources/reports say
  kBackgroundAdverb,      // previously, formerly
  kObjectControl,         // urge X to <event>: X is the subject
  kRelativePronoun,       // who/which/that
  kAgentNoun,             // Putin's minister, the army of Russia: the possessor acts
  kQuantityNoun,          // "thousands of protesters", "a group of gunmen": the complement acts
  kPartnerPrep,           // a PP below the trigger that names a participant ("deep")
  kContentPrep,           // a PP that is the trigger's content (sub=), not a circumstance
  kNounPartnerPrep,       // a PP naming a noun event's target ("talks with")
  kAdjacentPartnerPrep,   // a PP right after a noun event, hung on the verb
  kSpeakerPronoun,        // "Iran said it was ready": the pronoun is the speaker
  kGuessedCountrySector,  // sectors of generic agents that act even with a guessed country
  kAccidentalCause,       // "killed in an earthquake": no perpetrator to look for
  kPerpetratorVerb,       // "shelled", "kidnapped": the act implies someone did it
  kViolentMeans,          // "an airstrike", "gunmen": a clause naming one implies a perpetrator
  kCombatantSector,       // sectors whose deaths imply a perpetrator (soldiers, police)
  kContestVerb,           // defeat, beat, win: in a game or an election, no event
  kContestNoun,           // final, title, championship, election: names such a contest
  kProblemNoun,           // "fight COVID-19", "combat terrorism": an adversary that is no actor
  kUndoingWord,           // lift/violate/scrap/end <noun event>: that event is not happening
  kPlaceTargetCode,       // code prefixes whose place is the target ("aid in Somalia")
  kPlaceTargetPrep,       // prepositions of that place phrase (in, across)
  // Function words (data/lang/en/function_words.tsv, shared with other stages).
  kNegation,         // not, n't, never
  kNegatingDet,      // "no talks"
  kFutureAux,        // will, shall
  kConditionalAux,   // would: hypothetical, or a backshifted will
  kPossibilityAux,   // could, might, may
  kConditionalMark,  // if, whether, unless
  kReportedCase,     // according (to)
  kCount
};
std::string_view LexiconName(Lexicon l);

// Where a pattern looks for its target, tried in order (target=a,b,...).
struct TargetSlot {
  enum class Kind : uint8_t {
    kObj,   // obj or iobj child
    kIobj,  // iobj child
    kPass,  // nsubj:pass child
    kPoss,  // nmod:poss child
    kMod,   // amod/compound child
    kObl,   // obl/nmod with case marker `prep` ("obl:with")
    kSubj,  // the actor the subject is about, else the subject
    kComp,  // the subject of a ccomp/xcomp ("demanded that Japan stop")
    kDeep,  // the nearest actor below objects and complements
    kNone,  // no target
  };
  Kind kind = Kind::kObj;
  std::string prep;  // kObl only
  std::string Name() const;  // as written: "obl:with", "deep"
};

// Where a pattern's source is: the subject (default), the speaker of the
// reported speech around the trigger, or the trigger's possessor.
enum class SourceSlot : uint8_t { kSubject, kSpeaker, kPoss };

// One argument constraint, e.g. obj=troop|soldier or obl:with=ACTOR.
struct Constraint {
  enum class Kind : uint8_t {
    kObj,    // obj child (nominal object)
    kIobj,   // iobj child
    kSubj,   // nsubj / nsubj:pass child
    kXcomp,  // xcomp child (or acl/"of"-gerund of a noun trigger)
    kObl,    // obl/nmod child whose case marker is `prep` ("*": any)
    kMod,    // amod/compound child of a noun trigger
    kSub,    // some descendant (not crossing into reported speech)
    kNeg,    // negation on the trigger (value false: must not be negated)
  };
  Kind kind = Kind::kObj;
  std::string prep;                 // kObl only
  std::vector<std::string> lemmas;  // allowed head lemmas (lower case)
  bool any = false;                 // "*": any word
  bool actor = false;               // ACTOR: the argument is a political actor
  bool place = false;               // PLACE: the argument is a gazetteer place
  bool absent = false;              // "-": there must be no such argument
  bool negated = true;              // kNeg: required polarity
};

struct Pattern {
  std::string id;
  std::string code;         // CAMEO event code
  std::string intent_code;  // code when planned/hypothetical ("" = default)
  std::string refuse_code;  // code when announced as not to happen ("will not lift"; "" = none)
  std::string lemma;        // trigger head lemma, lower case
  std::vector<std::string> also;  // more trigger lemmas sharing the line ("ask|request")
  PosClass pos = PosClass::kAny;
  std::vector<std::string> particles;
  std::vector<Constraint> constraints;
  // Where to look for the target, in order (empty: the default order, see
  // arguments.h).
  std::vector<TargetSlot> target_slots;
  SourceSlot source_slot = SourceSlot::kSubject;
  bool reciprocal = false;  // symmetric: A and B met -> A->B and B->A
  bool speech = false;      // a speech cue: coded 01x only if it carries no event
  int absorb = -1;          // -1: by root (see event_coder.cc); 0/1 forced
  // Rank among the patterns that match one token: constraints + particles,
  // more specific wins; an imported pattern (from a sub-folder, see
  // LoadDir) ranks kImportedRank below, so a matching hand-written pattern
  // always beats it.
  int specificity = 0;
  bool imported = false;    // read from a sub-folder of the patterns directory
  std::string file;
  size_t line = 0;
};

class PatternDictionary {
 public:
  // Returns true if a CAMEO code exists (the ontology's Find()).
  using CodeCheck = std::function<bool(std::string_view)>;

  // How far below every hand-written pattern an imported one ranks.
  static constexpr int kImportedRank = 1000;

  // Loads every <data_dir>/patterns/*.patterns file (sorted by name), then
  // those of each sub-folder (folders in name order, files sorted):
  // generated data such as patterns/imported/. Sub-folder patterns are
  // imported: they rank below the hand-written ones and their "@lemma" lines
  // never replace a hand-written form. Then the lexicons of
  // <data_dir>/lang/en/events.tsv and function_words.tsv. Malformed lines go
  // to *errors and are skipped. Fails only if a file cannot be read or no
  // pattern loaded at all.
  static Result<std::unique_ptr<PatternDictionary>> LoadDir(
      const std::string& data_dir, const CodeCheck& known_code, std::vector<std::string>* errors);
  // Parses one file's text; `path` names it in messages. Adds to this
  // dictionary (ids must stay unique across files); `imported` as LoadDir
  // says of sub-folder files.
  void Parse(std::string_view text, const std::string& path, const CodeCheck& known_code,
             std::vector<std::string>* errors, bool imported = false);
  static std::unique_ptr<PatternDictionary> Empty();

  // Patterns whose trigger lemma is `lemma`, in file order. An imported
  // pattern without constraints or particles (a verb's default code) is
  // left out for a lemma that a hand-written pattern of its part of speech
  // or a lexicon names: the hand-written data says when that word is an event.
  const std::vector<const Pattern*>& ForLemma(std::string_view lemma) const;
  const std::vector<Pattern>& patterns() const { return patterns_; }
  const Pattern* FindId(std::string_view id) const;
  // Lexicon membership, e.g. InLexicon(Lexicon::kPlannedGovernor, "intend").
  bool InLexicon(Lexicon lexicon, std::string_view word) const { return lexicons_.Contains(lexicon, word); }
  const std::vector<std::string>& LexiconWords(Lexicon lexicon) const { return lexicons_.Words(lexicon); }
  // True if `word` is a trigger, lexicon or constraint lemma: the coder uses
  // it to pick the right lemma when the tagger's lemma is wrong. Imported
  // constraint words that are irregular forms ("@lemma" lines) are left
  // out: the noun "shot" must not hide the verb form "shot" from that repair.
  bool Knows(std::string_view word) const { return vocabulary_.count(std::string(word)) != 0; }
  // Lemma of an irregular form ("spoke" -> "speak") from "@lemma" lines; "".
  std::string_view IrregularLemma(std::string_view form) const;

  PatternDictionary(const PatternDictionary&) = delete;
  PatternDictionary& operator=(const PatternDictionary&) = delete;

 private:
  PatternDictionary() = default;
  // Parse without rebuilding the index (LoadDir indexes once, at the end).
  void ParseText(std::string_view text, const std::string& path, const CodeCheck& known_code,
                 std::vector<std::string>* errors, bool imported);
  void Index();

  // Stable addresses: patterns_ is filled completely before Index().
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<const Pattern*>> by_lemma_;
  std::unordered_map<std::string, size_t> by_id_;
  WordLists lexicons_;
  std::unordered_map<std::string, std::string> irregular_;
  std::unordered_map<std::string, bool> vocabulary_;
};

}  // namespace annals::events
