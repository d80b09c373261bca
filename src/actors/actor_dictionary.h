// The actor dictionary: who is who, and which CAMEO code each actor carries
// on a given day. Loaded from data/actors/*.actors (format:
// docs/formats/actors.md) plus an optional user file, and from
// data/actors/roles.tsv (role nouns: "troops", "foreign minister").
//
// Loading never stops at a bad entry: each problem becomes a
// DictionaryIssue naming "path:line: message 'offending text'", the entry is
// skipped (or, for a warning, kept) and the rest loads.
//
// Lifetime and thread-safety: an ActorDictionary is immutable after Load;
// all const methods may be called from many threads. Pointers it returns
// (const ActorEntry*, const ActorRole*) live as long as the dictionary.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"

namespace annals {

// A day as YYYYMMDD (e.g. 20250819), so that dates compare as integers.
// Partial dates in role lines mean their first day: "2021-03" = 20210301,
// "2021" = 20210101.
using DayKey = int32_t;
constexpr DayKey kOpenStart = 0;          // "." as a start: since always
constexpr DayKey kOpenEnd = 99999999;     // "." as an end: still held
// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (checked); nullopt-like -1 if bad.
DayKey ParseDayKey(std::string_view text);

struct ActorRole {
  std::string code;    // CAMEO actor code, e.g. "USAGOV"
  DayKey start = kOpenStart;
  DayKey end = kOpenEnd;  // exclusive
  std::string title;   // "President", "Foreign Minister"; may be empty
  size_t line = 0;     // where it was defined
  bool Covers(DayKey day) const { return start <= day && day < end; }
};

struct ActorEntry {
  std::string id;         // "keir-starmer"
  std::string type;       // person, country, organisation, igo, armed_group,
                          // party, media, metonym
  std::string name;       // canonical name
  std::vector<std::string> aliases;
  std::vector<std::string> adjectives;  // "Ukrainian", "US"
  std::string code;       // undated default code ("" if none)
  std::vector<ActorRole> roles;  // sorted by start
  std::string country;    // ISO alpha-3 or IGO code
  char gender = 0;        // 'm', 'f' or 0
  std::string party;      // id of the person's party entry ("party-usa-republican") or ""
  std::string wikidata;
  std::string note;
  std::string path;       // file and line of the "@ id" line
  size_t line = 0;
  bool imported = false;  // from a sub-folder (generated data, e.g. actors/imported/)

  // The role held on `day`: the covering role with the latest start, or
  // nullptr. day < 0 means "undated" and returns nullptr.
  const ActorRole* RoleOn(DayKey day) const;
  // The code on `day`: the role's code; else the undated code; else the
  // home country. Undated (day < 0): the undated code, else the open-ended
  // (current) role, else the country.
  std::string CodeOn(DayKey day) const;
  // Surname of a person: the last word of the canonical name.
  std::string Surname() const;
};

// A role noun from roles.tsv: "troops" -> MIL group.
struct RoleNoun {
  std::string noun;    // lower case, may be several words
  std::string sector;  // CAMEO sector code, e.g. "MIL"; "" for kind member
  std::string kind;    // person, group, office or member (a part of the
                       // actor it is "of": "a member of Russia's parliament")
  std::string note;
  // Made by Finish() from a listed noun of the other grammatical number
  // ("gunman" from "gunmen"); a listed noun always wins over a derived one.
  bool derived = false;
};

// The other grammatical number of a role noun: the plural of a singular,
// the singular of a plural ("gunmen" <-> "gunman", "authorities" <->
// "authority", "heads of state" <-> "head of state"). The head word is the
// last word, or the word before " of ". Regular English rules only; ""
// when the rules know none.
std::string OtherNumber(std::string_view noun, bool* to_plural);

struct DictionaryIssue {
  bool error = true;     // false: a warning (entry kept)
  std::string message;   // "path:line: message 'text'"
};

// The CAMEO sector codes a code may be built from (GOV, MIL, ...).
bool IsKnownSector(std::string_view sector);
// Country part and first sector of a CAMEO actor code: "RUSGOV" -> ("RUS",
// "GOV"), "NATO" -> ("NATO", ""), "UKRMILREB" -> ("UKR", "MIL").
void SplitActorCode(std::string_view code, std::string* country, std::string* sector);

class ActorDictionary {
 public:
  // Loads every *.actors file in `actors_dir` (sorted by name), then
  // `extra_file` if not empty, then the *.actors files of each sub-folder
  // (generated data such as actors/imported/; folders in name order), then
  // `actors_dir`/roles.tsv and each sub-folder's roles.tsv if present.
  // Hand-written data wins over imported (sub-folder) data: see AddText and
  // Finish. Fails only when nothing at all could be loaded or a file named
  // explicitly is unreadable; *issues (optional) receives every problem.
  static Result<std::unique_ptr<ActorDictionary>> Load(
      const std::string& actors_dir, const std::string& extra_file,
      std::vector<DictionaryIssue>* issues);

  // Builds an empty dictionary to which files or texts are added: used by
  // the validator and by tests.
  ActorDictionary() = default;
  // Parses one dictionary text (named `path` in messages) and adds its valid
  // entries. Issues are appended to *issues. Ids must be unique across every
  // text added to this dictionary, except that an `imported` entry whose id
  // is a hand-written entry's supplements it: its aliases and adjectives are added, and its
  // roles only where they end before the hand-written coverage (the earliest
  // hand-written role start, and 2016-01-01 at the latest; clipped to it);
  // its other keys are ignored.
  void AddText(std::string_view text, const std::string& path,
               std::vector<DictionaryIssue>* issues, bool imported = false);
  // Reads roles.tsv-format text. An `imported` noun that is already listed
  // is skipped silently (the hand-written one wins).
  void AddRoleNouns(std::string_view text, const std::string& path,
                    std::vector<DictionaryIssue>* issues, bool imported = false);
  // Call after the last Add*: builds the name indexes, reports names
  // shared by several entries (warnings) and adds the other grammatical
  // number of every role noun not listed in both (RoleNoun::derived). A
  // name, alias or surname of a hand-written entry is never shared with an
  // imported entry: the imported one loses it (no warning).
  void Finish(std::vector<DictionaryIssue>* issues);

  const std::vector<ActorEntry>& entries() const { return entries_; }
  const ActorEntry* FindById(std::string_view id) const;
  // Entries whose name or alias has this key (see name_key.h), in file order.
  const std::vector<uint32_t>* FindByKey(std::string_view key) const;
  // Entries (by index) named by `name`, any case.
  std::vector<const ActorEntry*> Lookup(std::string_view name) const;
  // Person entries whose surname has this key.
  const std::vector<uint32_t>* FindBySurname(std::string_view key) const;
  // Country entry index for an adjective/demonym key ("russian"), or -1.
  int32_t FindAdjective(std::string_view key) const;
  // Country entry index by ISO code, or -1.
  int32_t FindCountry(std::string_view code) const;
  const RoleNoun* FindRoleNoun(std::string_view key) const;
  size_t max_role_noun_words() const { return max_role_noun_words_; }
  const std::vector<RoleNoun>& role_nouns() const { return role_nouns_; }

  // Sizes, for reports.
  size_t alias_count() const;
  size_t role_count() const;

 private:
  // Merges an imported entry into the hand-written entry with its id (AddText).
  static void Supplement(ActorEntry&& imported, ActorEntry* hand);

  std::vector<ActorEntry> entries_;
  std::vector<RoleNoun> role_nouns_;
  std::unordered_map<std::string, uint32_t> id_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> key_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> surname_index_;
  std::unordered_map<std::string, uint32_t> adjective_index_;
  std::unordered_map<std::string, uint32_t> country_index_;
  std::unordered_map<std::string, uint32_t> role_noun_index_;
  size_t max_role_noun_words_ = 0;
};

}  // namespace annals
