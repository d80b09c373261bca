// The actors stage in passes over one document, all state local to
// Process(): (1) dictionary names, longest match first; surnames noted for
// later; (2) role nouns with their country ("Ukrainian troops"), titles
// joined to the name they precede; (3) places from the gazetteer, then
// ranked with the countries the document is about; (4) one walk in text
// order that resolves surnames, untitled offices and pronouns against what
// came before; (5) capitalised spans nobody claimed: unknown actors.
#include "actors/actors_stage.h"

#include <algorithm>
#include <array>
#include <future>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "actors/dateline_place.h"
#include "actors/name_key.h"
#include "actors/phrase_matcher.h"
#include "actors/place_index.h"
#include "base/file.h"
#include "base/one_of.h"

namespace annals {
namespace {

// Titles that make someone "the leader" of a country, in the order used
// when the document has not named any of them yet: a chancellor leads
// Germany and Austria rather than their presidents; a president outranks a
// prime minister (Russia, France, Ukraine); a prime minister a monarch.
constexpr std::array<std::string_view, 10> kLeaderTitles = {
    "supreme leader", "chancellor", "president", "prime minister", "premier",
    "king", "queen", "emir", "sultan", "head of state"};

// Capitalised words that are not names when they stand alone: months and
// days (so "May" is not Theresa May without context), and words that open
// sentences.
constexpr std::array<std::string_view, 52> kNotNames = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "i", "mr", "mrs",
    "ms", "dr", "sir", "the", "a", "an", "this", "that", "these", "those",
    "however", "there", "it", "we", "he", "she", "they", "in", "on", "at",
    "but", "and", "for", "as", "if", "when", "after", "before", "while", "what"};

constexpr std::array<std::string_view, 5> kHonorifics = {"mr", "mrs", "ms", "dr", "sir"};
constexpr std::array<std::string_view, 7> kDeterminers = {"the", "a", "an", "his", "her", "their", "its"};
constexpr std::array<std::string_view, 5> kLocatives = {"in", "at", "near", "from", "outside"};
// Lower-case words inside personal names ("Ursula von der Leyen").
constexpr std::array<std::string_view, 16> kNameParticles = {
    "de", "da", "van", "von", "der", "bin", "al", "el", "del", "la", "le", "du", "ibn", "abu", "dos", "di"};
// Longest unknown name joined to a title, in words.
constexpr uint32_t kMaxNameWords = 5;
// Words between "in/of/from" and the place a generic agent is in ("police in
// northern Kenya", "the army of the Philippines").
constexpr std::array<std::string_view, 17> kPlaceQualifiers = {
    "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast"};
// Prepositions that put a clause's event in a place.
constexpr std::array<std::string_view, 11> kWhere = {"in", "at", "near", "across", "outside", "inside",
                                                     "throughout", "through", "around", "within", "on"};
// The unknown country of CAMEO's dictionaries ("---COP": police of no known
// country).
constexpr std::string_view kUnknownCountry = "---";
// Cities smaller than this need a locative before them ("in Bucha") to
// count as places: small towns share names with common words and people.
constexpr int64_t kSmallCity = 15000;
// Pronouns look back this many sentences.
constexpr uint32_t kPronounWindow = 3;

// "former"/"ex-" before these nouns makes an elite (CAMEO ELI: former office
// holders, data/actors/README.md): titles and people of the state.
bool FormerMakesElite(const RoleNoun& n) {
  return n.kind == "office" || n.kind == "person" || n.sector == "GOV" || n.sector == "LEG" || n.sector == "JUD";
}

// A country not written next to the noun (ActorRef::country_how): inferred
// from the clause, or guessed from the dateline or the document, or unknown.
bool InferredCountry(std::string_view how) {
  return how == "clause-place" || how == "dateline" || how == "document" || how == "unknown";
}

// Mention under construction; `id` survives sorting so antecedents can be
// remapped at the end.
struct Draft {
  Mention m;
  const ActorEntry* entry = nullptr;
  bool pending_surname = false;
  bool pending_title = false;
  bool pending_pronoun = false;
  std::string pending_party;  // "the Republican": a member of this party entry
  bool dropped = false;
  std::string noun;          // role noun key for titles
  std::string role_country;  // country written with a title ("Russian")
  std::string pronoun;       // he / she / they
  int32_t antecedent_draft = -1;  // index into drafts
  // Generic agents and titled persons (docs/actors.md, "Generic agents").
  bool needs_country = false;  // no country written before the noun: InheritCountries()
  bool member = false;         // a member noun: takes the code of what it is "of"
  bool titled = false;         // an unknown person named after a title
  std::string person_key;      // titled: name key of the whole name ("jana novak")
  std::string surname_key;     // titled: key of its last word ("novak")
};

class ActorsStage final : public Stage {
 public:
  ActorsStage(std::shared_ptr<const ActorDictionary> dict, std::shared_ptr<const Gazetteer> gaz)
      : dict_(std::move(dict)), gaz_(std::move(gaz)) {
    for (uint32_t i = 0; i < dict_->entries().size(); ++i) {
      const ActorEntry& e = dict_->entries()[i];
      std::vector<std::string> names = e.aliases;
      names.push_back(e.name);
      for (const std::string& n : names) {
        const uint32_t p = names_.Add(NameKey(n));
        if (p == UINT32_MAX) continue;
        if (p >= name_written_.size()) {
          name_written_.resize(p + 1);
          name_entries_.resize(p + 1);
        }
        name_written_[p].push_back(n);
        if (std::find(name_entries_[p].begin(), name_entries_[p].end(), i) == name_entries_[p].end()) {
          name_entries_[p].push_back(i);
        }
      }
      std::vector<std::string> adjectives = e.adjectives;
      if (e.type == "country") adjectives.insert(adjectives.end(), names.begin(), names.end());
      for (const std::string& a : adjectives) {
        const uint32_t p = adjectives_.Add(NameKey(a));
        if (p == UINT32_MAX) continue;
        if (p >= adjective_entry_.size()) {
          adjective_entry_.resize(p + 1, UINT32_MAX);
          adjective_written_.resize(p + 1);
        }
        // A country's own adjective wins over another entry's.
        if (adjective_entry_[p] == UINT32_MAX || e.type == "country") {
          adjective_entry_[p] = i;
          adjective_written_[p] = a;
        }
      }
      if (e.type == "person") {
        for (const ActorRole& r : e.roles) {
          if (!r.title.empty()) {
            auto& list = office_holders_[NameKey(r.title)];
            if (list.empty() || list.back() != i) list.push_back(i);
          }
        }
      }
    }
    // Listed nouns first, so that a derived or "ex-" form never replaces
    // one (Add returns the id already given to a key).
    auto add_role = [this](const std::string& key, const RoleNoun* n, bool former) {
      const uint32_t p = roles_.Add(key);
      if (p == UINT32_MAX) return;
      if (p >= role_of_.size()) role_of_.resize(p + 1);
      if (role_of_[p].noun == nullptr) role_of_[p] = {n, former};
    };
    for (int pass = 0; pass < 2; ++pass) {
      for (const RoleNoun& n : dict_->role_nouns()) {
        if (n.derived != (pass == 1)) continue;
        add_role(n.noun, &n, false);
      }
    }
    for (const RoleNoun& n : dict_->role_nouns()) role_last_words_.insert(n.noun.substr(n.noun.rfind(' ') + 1));
    // "ex-president", "ex-minister": one token whose key is "ex" + noun.
    for (const RoleNoun& n : dict_->role_nouns()) {
      if (FormerMakesElite(n)) add_role("ex" + n.noun, &n, true);
    }
  }

  std::string_view name() const override { return "actors"; }
  uint32_t needs() const override { return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerFurniture; }
  uint32_t fills() const override { return kLayerMentions | kLayerPlaces; }
  Status Process(Document* doc) const override;

 private:
  struct Doc;
  ActorRef MakeRef(const ActorEntry& e, DayKey day) const;
  const ActorRole* RoleOrCurrent(const ActorEntry& e, DayKey day) const;
  void FindNames(Doc* d) const;
  void FindRoles(Doc* d) const;
  void FindPlaces(Doc* d) const;
  std::optional<GazetteerEntry> RelativePart(const Doc& d, uint32_t b, uint32_t entry, uint32_t* begin) const;
  std::string AdjectiveQualifier(const Doc& d, uint32_t b, uint32_t sentence_begin) const;
  void DropVenueModifiers(Doc* d) const;
  void OrderDrafts(Doc* d) const;
  void Resolve(Doc* d, bool surnames_only) const;
  void FindUnknowns(Doc* d) const;
  const ActorEntry* ResolveOffice(const Doc& d, const Draft& title, size_t upto) const;
  bool Possessive(const Doc& d, uint32_t t, uint32_t limit) const;
  // True when every entry of `cands` comes from data/actors/imported/.
  bool OnlyImported(const std::vector<uint32_t>& cands) const;
  // True when one of `cands` was already found by its full name.
  bool NamedEarlier(const Doc& d, const std::vector<uint32_t>& cands) const;
  bool AfterGivenName(const Doc& d, uint32_t i, uint32_t sentence_begin) const;
  bool Locative(const Doc& d, uint32_t place, uint32_t sentence_begin) const;
  bool IsPlaceName(const Doc& d, uint32_t begin, uint32_t end) const;
  uint32_t NameEnd(const Doc& d, uint32_t b, uint32_t limit) const;
  void ApplyWrittenCountry(Draft* dr, const ActorEntry* country, const Draft* owner, const std::string& how,
                           const std::string& ctry, const std::string& sector) const;
  void InheritCountries(Doc* d) const;
  std::string DominantCountry(const Doc& d) const;
  bool IsCountryCode(std::string_view code) const;
  // The last titled person before token `before` whose surname or full name
  // has this key, or -1.
  int32_t TitledAntecedent(const Doc& d, const std::string& key, uint32_t before) const;

  std::shared_ptr<const ActorDictionary> dict_;
  std::shared_ptr<const Gazetteer> gaz_;
  // Flat name indexes (place_index.h: PhraseMatcher's hits, built without a
  // hash for every byte prefix of every name).
  PlaceIndex names_;
  std::vector<std::vector<std::string>> name_written_;
  std::vector<std::vector<uint32_t>> name_entries_;
  PlaceIndex adjectives_;
  std::vector<uint32_t> adjective_entry_;
  std::vector<std::string> adjective_written_;
  struct RolePhrase {
    const RoleNoun* noun = nullptr;
    bool former = false;  // written "ex-<noun>"
  };
  PlaceIndex roles_;
  std::vector<RolePhrase> role_of_;
  std::unordered_set<std::string> role_last_words_;  // "minister", "secretary": words that end a title
  std::unordered_map<std::string, std::vector<uint32_t>> office_holders_;
};

struct ActorsStage::Doc {
  Document* doc = nullptr;
  DayKey day = -1;
  TokenKeys keys;
  std::vector<int32_t> owner;  // token -> draft index, or -1
  std::vector<int32_t> place_owner;  // token -> place index, or -1
  std::vector<uint8_t> venue;        // token of a known name used as a venue ("the Kremlin talks")
  std::unordered_set<std::string> titled_keys;  // names and surnames of titled persons
  std::vector<Draft> drafts;
  std::vector<uint32_t> sentence_of;  // token -> sentence
  bool has_tags = false;

  std::string_view Text(uint32_t b, uint32_t e) const {
    return std::string_view(doc->text).substr(doc->tokens[b].span.begin,
                                              doc->tokens[e - 1].span.end - doc->tokens[b].span.begin);
  }
  const Token& tok(uint32_t i) const { return doc->tokens[i]; }
  bool SentenceStart(uint32_t i) const {
    return doc->sentences[sentence_of[i]].token_begin == i ||
           (i > 0 && (tok(i - 1).form == "\"" || tok(i - 1).form == "\xE2\x80\x9C") &&
            doc->sentences[sentence_of[i]].token_begin == i - 1);
  }
  int32_t Add(Draft draft) {
    const int32_t index = static_cast<int32_t>(drafts.size());
    for (uint32_t t = draft.m.token_begin; t < draft.m.token_end; ++t) owner[t] = index;
    drafts.push_back(std::move(draft));
    return index;
  }
  void Drop(int32_t index) {
    Draft& dr = drafts[static_cast<size_t>(index)];
    dr.dropped = true;
    for (uint32_t t = dr.m.token_begin; t < dr.m.token_end; ++t) {
      if (owner[t] == index) owner[t] = -1;
    }
  }
  void SetSpan(Draft* dr, uint32_t b, uint32_t e) const {
    dr->m.token_begin = b;
    dr->m.token_end = e;
    dr->m.span = {tok(b).span.begin, tok(e - 1).span.end};
    dr->m.sentence = sentence_of[b];
  }
};

const ActorRole* ActorsStage::RoleOrCurrent(const ActorEntry& e, DayKey day) const {
  if (day >= 0) return e.RoleOn(day);
  const ActorRole* current = nullptr;
  for (const ActorRole& r : e.roles) {
    if (r.end == kOpenEnd && (current == nullptr || r.start >= current->start)) current = &r;
  }
  return current;
}

ActorRef ActorsStage::MakeRef(const ActorEntry& e, DayKey day) const {
  ActorRef ref;
  ref.name = e.name;
  ref.code = e.CodeOn(day);
  SplitActorCode(ref.code, &ref.country, &ref.sector);
  if (ref.country.empty()) ref.country = e.country;
  // document.h's type list has no "metonym": the Kremlin is an organisation.
  ref.type = e.type == "metonym" ? "organisation" : e.type;
  ref.entry = e.id;
  ref.wikidata = e.wikidata;
  return ref;
}

void ActorsStage::FindNames(Doc* d) const {
  std::vector<PhraseMatcher::Hit> hits;
  const Document& doc = *d->doc;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      names_.Scan(doc, d->keys, i, s.token_end, &hits);
      bool matched = false;
      for (auto h = hits.rbegin(); h != hits.rend() && !matched; ++h) {
        const std::string_view text = d->Text(i, h->token_end);
        bool case_ok = false;
        for (const std::string& w : name_written_[h->phrase]) case_ok = case_ok || CaseMatches(w, text);
        // A name must start with a capital even if the dictionary form
        // starts with "the": "the kremlin" in lower case is not the actor.
        if (!case_ok || !(StartsUpper(text) || StartsUpper(d->Text(h->token_end - 1, h->token_end)))) {
          continue;
        }
        // Several entries with this name: one already named here wins, then
        // one holding a role that day, then the first.
        const std::vector<uint32_t>& cands = name_entries_[h->phrase];
        const ActorEntry* best = nullptr;
        for (uint32_t c : cands) {
          const ActorEntry& e = dict_->entries()[c];
          for (const Draft& dr : d->drafts) {
            if (dr.entry == &e) best = &e;
          }
        }
        for (uint32_t c : cands) {
          const ActorEntry& e = dict_->entries()[c];
          if (best == nullptr && RoleOrCurrent(e, d->day) != nullptr) best = &e;
        }
        if (best == nullptr) best = &dict_->entries()[cands.front()];
        Draft dr;
        d->SetSpan(&dr, i, h->token_end);
        dr.entry = best;
        dr.m.actor = MakeRef(*best, d->day);
        dr.m.how = "dictionary";
        dr.m.entries.push_back(best->id);
        d->Add(std::move(dr));
        i = h->token_end;
        matched = true;
      }
      if (matched) continue;
      // A capitalised surname of a known person: resolved in Resolve(). A
      // surname only imported people carry (data/actors/imported/, office
      // holders of earlier years) is one only after their full name in this
      // document: a bare "Sahel" is the region.
      const std::string& key = d->keys.keys[i];
      if (!key.empty() && StartsUpper(d->tok(i).form) && dict_->FindBySurname(key) != nullptr &&
          (!OnlyImported(*dict_->FindBySurname(key)) || NamedEarlier(*d, *dict_->FindBySurname(key))) &&
          !(i + 1 < s.token_end && StartsUpper(d->tok(i + 1).form) && !d->keys.keys[i + 1].empty() &&
            !d->SentenceStart(i + 1)) &&
          !AfterGivenName(*d, i, s.token_begin)) {
        Draft dr;
        uint32_t b = i;
        if (i > s.token_begin && In(d->keys.keys[i - 1], kHonorifics)) b = i - 1;
        d->SetSpan(&dr, b, i + 1);
        dr.pending_surname = true;
        dr.m.how = "surname";
        d->Add(std::move(dr));
      }
      ++i;
    }
  }
}

bool ActorsStage::OnlyImported(const std::vector<uint32_t>& cands) const {
  for (uint32_t c : cands) {
    if (!dict_->entries()[c].imported) return false;
  }
  return true;
}

bool ActorsStage::NamedEarlier(const Doc& d, const std::vector<uint32_t>& cands) const {
  for (const Draft& dr : d.drafts) {
    if (dr.dropped || dr.entry == nullptr) continue;
    for (uint32_t c : cands) {
      if (&dict_->entries()[c] == dr.entry) return true;
    }
  }
  return false;
}

bool ActorsStage::Possessive(const Doc& d, uint32_t t, uint32_t limit) const {
  if (t >= limit || t == 0) return false;
  const std::string& f = d.tok(t).form;
  if (f.empty() || (f[0] != '\'' && f[0] != '\xE2')) return false;  // most tokens
  if (f == "'s" || f == "\xE2\x80\x99s") return true;
  // "the Philippines' army": a bare apostrophe after a plural name.
  const std::string& prev = d.tok(t - 1).form;
  return (f == "'" || f == "\xE2\x80\x99") && !prev.empty() && prev.back() == 's';
}

uint32_t ActorsStage::NameEnd(const Doc& d, uint32_t b, uint32_t limit) const {
  auto word = [&](uint32_t t, bool first) {
    if (d.owner[t] >= 0 && !d.drafts[static_cast<size_t>(d.owner[t])].pending_surname) return false;
    const Token& tk = d.tok(t);
    const std::string& key = d.keys.keys[t];
    if (key.empty() || !StartsUpper(tk.form) || In(key, kNotNames)) return false;
    // A word the tagger calls a verb, pronoun or number is no name ("Police
    // Chief Says").
    if (d.has_tags && (tk.upos == "VERB" || tk.upos == "AUX" || tk.upos == "PRON" || tk.upos == "NUM" ||
                       tk.upos == "ADP" || tk.upos == "DET")) {
      return false;
    }
    // A name starts with no title or nationality; later words may be
    // anything capitalised ("Dayton King").
    return !first || (roles_.Find(key) == UINT32_MAX && adjectives_.Find(key) == UINT32_MAX);
  };
  // "Jean-Claude": a hyphen written without spaces inside a name.
  auto joined_hyphen = [&](uint32_t t) {
    return t > b && t + 1 < limit && d.tok(t).form == "-" && d.tok(t - 1).span.end == d.tok(t).span.begin &&
           d.tok(t).span.end == d.tok(t + 1).span.begin && word(t + 1, false);
  };
  uint32_t e = b;
  uint32_t words = 0;
  while (e < limit && words < kMaxNameWords) {
    if (word(e, e == b)) {
      ++e;
      ++words;
    } else if (joined_hyphen(e)) {
      e += 2;
    } else if (e > b && e + 1 < limit && In(d.keys.keys[e], kNameParticles) && !StartsUpper(d.tok(e).form) &&
               word(e + 1, false)) {
      e += 2;  // "Ursula von der Leyen" keeps its particles
      ++words;
    } else {
      break;
    }
  }
  return e;
}

bool ActorsStage::AfterGivenName(const Doc& d, uint32_t i, uint32_t sentence_begin) const {
  // "Jana Novak" is not Katalin Novák: a capitalised word before a surname
  // that is no title, honorific, adjective or known name is a given name
  // the dictionary does not know. At a sentence start only a tagged proper
  // noun counts ("Yesterday Novak said").
  if (i == sentence_begin || d.owner[i - 1] >= 0) return false;
  const Token& prev = d.tok(i - 1);
  const std::string& key = d.keys.keys[i - 1];
  if (key.empty() || !StartsUpper(prev.form) || In(key, kNotNames) || In(key, kHonorifics)) return false;
  if (role_last_words_.count(key) != 0 || adjectives_.Find(key) != UINT32_MAX) return false;
  if (d.SentenceStart(i - 1) && !(d.has_tags && prev.upos == "PROPN")) return false;
  return true;
}

void ActorsStage::FindRoles(Doc* d) const {
  std::vector<PhraseMatcher::Hit> hits;
  const Document& doc = *d->doc;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      // What stands before the role noun: [determiner] [former] [country
      // adjective | actor name ['s]] <role noun>.
      uint32_t j = i;
      std::string det;
      if (d->owner[i] >= 0) {
        // Only a name that begins here can qualify a role noun after it.
        if (d->drafts[static_cast<size_t>(d->owner[i])].m.token_begin != i) continue;
      } else if (In(d->keys.keys[i], kDeterminers)) {
        det = d->keys.keys[i];
        ++j;
      } else if (i > s.token_begin && Possessive(*d, i - 1, s.token_end)) {
        det = "'s";  // "Putin's spokesman" with "Putin" not yet resolved
      }
      bool former = false;
      if (j < s.token_end && d->owner[j] < 0 && d->keys.keys[j] == "former") {
        former = true;
        ++j;
      }
      if (j >= s.token_end) break;
      const ActorEntry* country = nullptr;  // the entry written before the noun
      std::string how;                      // modifier | possessive | member
      int32_t absorbed = -1;
      uint32_t k = j;
      if (d->owner[j] >= 0) {
        const Draft& o = d->drafts[static_cast<size_t>(d->owner[j])];
        if (o.m.token_begin == j && o.entry != nullptr && o.m.how == "dictionary") {
          const bool poss = Possessive(*d, o.m.token_end, s.token_end);
          const std::string& type = o.entry->type;
          if (type == "country" || type == "igo") {
            // "Russian troops", "US troops", "Russia's army"; "NATO
            // Secretary General": an IGO stands where a country would.
            how = poss ? "possessive" : "modifier";
          } else if (type == "person") {
            // "Putin's spokesman": the possessor's country.
            if (poss) how = "possessive";
          } else {
            // "Hamas fighters", "the Kremlin's spokesman": part of that actor.
            how = "member";
          }
          if (!how.empty()) {
            country = o.entry;
            absorbed = d->owner[j];
            k = o.m.token_end + (poss ? 1 : 0);
          }
        }
        if (country == nullptr) continue;
      } else {
        adjectives_.Scan(doc, d->keys, j, s.token_end, &hits);
        for (auto h = hits.rbegin(); h != hits.rend(); ++h) {
          if (CaseMatches(adjective_written_[h->phrase], d->Text(j, h->token_end))) {
            country = &dict_->entries()[adjective_entry_[h->phrase]];
            how = "modifier";
            k = h->token_end;
            break;
          }
        }
      }
      if (k >= s.token_end || (d->owner[k] >= 0 && d->drafts[static_cast<size_t>(d->owner[k])].m.actor.type != "person" &&
                               d->owner[k] != absorbed)) {
        continue;
      }
      roles_.Scan(doc, d->keys, k, s.token_end, &hits);
      // "Russian oil companies", "Syrian government forces", "Iranian
      // intelligence police": with a parse, the country reaches over
      // modifiers of the role noun it qualifies, unless a longer role noun
      // starts there ("Russian foreign minister").
      const uint32_t k_written = k;
      if (country != nullptr && d->has_tags) {
        uint32_t kk = k;
        std::vector<PhraseMatcher::Hit> cur = hits;
        for (int skipped = 0; skipped < 2 && kk + 1 < s.token_end && d->owner[kk] < 0; ++skipped) {
          const Token& tk = d->tok(kk);
          const std::string_view rel = std::string_view(tk.deprel).substr(0, tk.deprel.find(':'));
          if (tk.head <= static_cast<int32_t>(kk) || tk.head > static_cast<int32_t>(kk) + 3 ||
              (rel != "compound" && rel != "amod")) {
            break;
          }
          bool reaches_head = false;
          for (const PhraseMatcher::Hit& hh : cur) reaches_head = reaches_head || hh.token_end > static_cast<uint32_t>(tk.head);
          if (reaches_head) break;
          roles_.Scan(doc, d->keys, ++kk, s.token_end, &cur);
          if (!cur.empty()) {
            k = kk;
            hits = std::move(cur);
            break;
          }
        }
      }
      if (!hits.empty() && d->has_tags) {
        // With tags, a group noun followed by a noun is a modifier ("media
        // coverage", "police station", "Syrian regime air strikes": then
        // the country adjective alone may be the actor, below), and a form
        // made by rule ("firm" from "firms") must be a noun.
        const RoleNoun& n = *role_of_[hits.back().phrase].noun;
        const uint32_t e = hits.back().token_end;
        const bool group_like = n.kind == "group" || n.kind == "member" || n.derived;
        if ((n.derived && d->tok(e - 1).upos != "NOUN" && d->tok(e - 1).upos != "PROPN") ||
            (group_like && e < s.token_end && d->tok(e).upos == "NOUN")) {
          hits.clear();
          k = k_written;
        }
      }
      if (hits.empty() && country != nullptr && country->type == "party" && absorbed < 0 && det == "the" &&
          !former && (k >= s.token_end || !d->has_tags || d->tok(k).upos != "NOUN")) {
        // "the Republican said": a member of the party, resolved to the
        // last person of that party mentioned (Resolve()).
        Draft dr;
        d->SetSpan(&dr, i, k);
        dr.pending_party = country->id;
        dr.m.actor.type = "person";
        d->Add(std::move(dr));
        i = k - 1;
        continue;
      }
      if (hits.empty()) {
        // "Israeli air strikes", "Russian drones": a country adjective on a
        // noun that is not a role still names who acts (CAMEO codes the
        // country). Needs tags, so that only a noun phrase qualifies; the
        // tagger reads some adjectives as names ("Ukrainian drones"), which
        // count right before a common noun.
        // Not in an instrument phrase: "with European financing" names
        // money, not a participant.
        auto instrument = [&]() {
          uint32_t noun = k;
          while (noun + 1 < s.token_end && d->tok(noun + 1).upos == "NOUN") ++noun;
          for (uint32_t t = s.token_begin; t < noun; ++t) {
            if (d->tok(t).head == static_cast<int32_t>(noun) && d->tok(t).deprel == "case" &&
                (d->keys.keys[t] == "with" || d->keys.keys[t] == "without")) {
              return true;
            }
          }
          return false;
        };
        if (country != nullptr && absorbed < 0 && det.empty() && !former && d->has_tags && k < s.token_end &&
            (d->tok(k).upos == "NOUN" || d->tok(k).upos == "ADJ") &&
            (d->tok(j).upos == "ADJ" || (d->tok(j).upos == "PROPN" && d->tok(k).upos == "NOUN" && k == j + 1)) &&
            !instrument()) {
          Draft dr;
          d->SetSpan(&dr, j, k);
          dr.entry = country;
          dr.m.actor = MakeRef(*country, d->day);
          dr.m.how = "adjective";
          dr.m.entries.push_back(country->id);
          d->Add(std::move(dr));
          i = k - 1;
        }
        continue;
      }
      const PhraseMatcher::Hit h = hits.back();
      const RolePhrase& phrase = role_of_[h.phrase];
      const RoleNoun& noun = *phrase.noun;
      former = former || phrase.former;
      bool noun_free = true;
      for (uint32_t t = k; t < h.token_end; ++t) noun_free = noun_free && d->owner[t] < 0;
      if (!noun_free) continue;
      const uint32_t end = h.token_end;
      const bool group_like = noun.kind == "group" || noun.kind == "member" || noun.derived;
      // Title directly before a name: "British Prime Minister Keir Starmer",
      // "President Putin".
      const bool title = noun.kind == "person" || noun.kind == "office";
      if (title && end < s.token_end && d->owner[end] >= 0) {
        Draft& named = d->drafts[static_cast<size_t>(d->owner[end])];
        if (named.m.token_begin == end && ((named.m.actor.type == "person" && !named.titled &&
                                             named.pending_party.empty()) ||
                                            named.pending_surname)) {
          if (absorbed >= 0) d->Drop(absorbed);
          const int32_t idx = d->owner[end];
          d->SetSpan(&named, i, named.m.token_end);
          for (uint32_t t = i; t < end; ++t) d->owner[t] = idx;
          i = named.m.token_end - 1;
          continue;
        }
      }
      // Title before a name no dictionary knows: an unknown person with the
      // title's sector ("Former defence minister Jana Novak", "Mayor John
      // Smith"). A capitalised title opening the sentence before one word
      // is left alone: "General Motors", "General Dynamics".
      const std::string ctry = country == nullptr ? "" : (country->code.empty() ? country->country : country->code);
      const std::string sector = former && FormerMakesElite(noun) ? "ELI" : noun.sector;
      uint32_t name_end = title && end < s.token_end ? NameEnd(*d, end, s.token_end) : end;
      if (name_end == end + 1 && StartsUpper(d->tok(k).form) && d->SentenceStart(i)) name_end = end;
      // A place's whole name after the noun is no person: "the Yemeni
      // capital city Sanaa".
      if (name_end > end && IsPlaceName(*d, end, name_end)) name_end = end;
      if (name_end > end) {
        for (uint32_t t = end; t < name_end; ++t) {
          if (d->owner[t] >= 0) d->Drop(d->owner[t]);
        }
        Draft dr;
        d->SetSpan(&dr, i, name_end);
        dr.titled = true;
        dr.noun = noun.noun;
        dr.m.how = "titled";
        dr.m.actor.name = std::string(d->Text(end, name_end));
        dr.m.actor.type = "person";
        dr.person_key = NameKey(dr.m.actor.name);
        dr.surname_key = d->keys.keys[name_end - 1];
        d->titled_keys.insert(dr.person_key);
        d->titled_keys.insert(dr.surname_key);
        ApplyWrittenCountry(&dr, country, absorbed >= 0 ? &d->drafts[static_cast<size_t>(absorbed)] : nullptr, how,
                            ctry, sector);
        if (absorbed >= 0) d->Drop(absorbed);
        d->Add(std::move(dr));
        i = name_end - 1;
        continue;
      }
      // A person noun without a country that modifies the next noun is no
      // actor ("the rebel-held enclave"). With a country the parse is
      // less to be trusted than the phrase ("grant the Russian leader
      // immunity" has "leader" as a compound).
      if (d->has_tags && !group_like && country == nullptr) {
        const Token& last = d->tok(end - 1);
        const std::string_view rel = std::string_view(last.deprel).substr(0, last.deprel.find(':'));
        if ((rel == "compound" || rel == "amod") && last.head > static_cast<int32_t>(end - 1)) continue;
      }
      // Lower-case role nouns need a determiner or a country unless they
      // name a group ("protesters"); a capitalised office alone ("President")
      // is only a title before a name, handled above.
      if (country == nullptr && det.empty() && !former && !group_like) continue;
      if (country == nullptr && det.empty() && !former && StartsUpper(d->tok(k).form) && !d->SentenceStart(k)) continue;
      // A member noun is an actor only as a part of one: "Labour members",
      // "a member of Russia's parliament" (InheritCountries).
      const bool member_of_next = end < s.token_end && (d->keys.keys[end] == "of" || d->keys.keys[end] == "from");
      if (noun.kind == "member" && country == nullptr && !member_of_next) continue;
      const Draft* owner_draft = absorbed >= 0 ? &d->drafts[static_cast<size_t>(absorbed)] : nullptr;
      Draft dr;
      d->SetSpan(&dr, i, end);
      dr.noun = noun.noun;
      dr.member = noun.kind == "member";
      dr.m.how = "role";
      dr.m.actor.name = std::string(d->Text(dr.m.token_begin, end));
      dr.m.actor.type = "group";
      ApplyWrittenCountry(&dr, country, owner_draft, how, ctry, sector);
      if (absorbed >= 0) d->Drop(absorbed);
      // An office is resolved to its holder (Resolve()), unless "former":
      // "the former US president" is not the current one.
      if ((noun.kind == "office" || noun.noun == "counterpart") && !former && how != "member") {
        dr.pending_title = true;
        dr.role_country = dr.needs_country ? "" : ctry;
      }
      // "counterpart" means another country's office: it never inherits one
      // (Resolve() drops it unless an earlier office holder names it).
      if (noun.noun == "counterpart" && dr.pending_title) dr.needs_country = false;
      // "his Russian counterpart, Vladimir Putin": the apposition names it.
      if (end + 1 < s.token_end && d->tok(end).form == "," && d->owner[end + 1] >= 0) {
        const Draft& named = d->drafts[static_cast<size_t>(d->owner[end + 1])];
        if (named.m.actor.type == "person" && named.entry != nullptr) {
          dr.pending_title = false;
          dr.needs_country = false;
          dr.entry = named.entry;
          dr.m.actor = named.m.actor;
          dr.m.how = "title";
          dr.m.entries = named.m.entries;
          dr.antecedent_draft = d->owner[end + 1];
        }
      }
      d->Add(std::move(dr));
      i = end - 1;
    }
  }
}

void ActorsStage::ApplyWrittenCountry(Draft* dr, const ActorEntry* country, const Draft* owner,
                                      const std::string& how, const std::string& ctry,
                                      const std::string& sector) const {
  dr->m.actor.sector = dr->member ? "" : sector;
  if (country == nullptr) {
    dr->needs_country = true;
    return;
  }
  dr->m.entries.push_back(country->id);
  dr->m.actor.country_how = how;
  if (how == "member" && owner != nullptr) {
    // Part of a named actor: that actor's code ("Hamas fighters").
    dr->m.actor.code = owner->m.actor.code;
    dr->m.actor.country = owner->m.actor.country;
    dr->m.actor.sector = owner->m.actor.sector;
    return;
  }
  // A person's possessive gives the country the person acts for ("Rutte's
  // spokesman" is NATO's).
  const std::string c = country->type == "person" && owner != nullptr ? owner->m.actor.country : ctry;
  dr->m.actor.country = c;
  // An IGO's people carry the IGO's code alone (NATO, UNO): CAMEO has no
  // sectors inside an IGO.
  const bool igo = country->type == "igo" || (country->type == "person" && !IsCountryCode(c));
  if (igo) dr->m.actor.sector.clear();
  dr->m.actor.code = igo ? c : c + dr->m.actor.sector;
}

void ActorsStage::DropVenueModifiers(Doc* d) const {
  // "the Astana talks", "the White House meeting": a capital or seat
  // standing before a noun that is no role names the venue, not the government (the
  // metonym convention in data/actors/README.md covers a city as speaker or
  // agent; "Moscow officials" became a role mention in FindRoles).
  if (!d->has_tags) return;
  for (size_t k = 0; k < d->drafts.size(); ++k) {
    const Draft& dr = d->drafts[k];
    if (dr.dropped || dr.entry == nullptr || dr.entry->type != "metonym" || dr.m.how != "dictionary") continue;
    const Token& last = d->tok(dr.m.token_end - 1);
    if (last.deprel != "compound" || last.head < static_cast<int32_t>(dr.m.token_end)) continue;
    const Token& head = d->doc->tokens[static_cast<size_t>(last.head)];
    if (head.upos != "NOUN" || d->owner[static_cast<size_t>(last.head)] >= 0) continue;
    d->Drop(static_cast<int32_t>(k));
    for (uint32_t t = dr.m.token_begin; t < dr.m.token_end; ++t) d->venue[t] = 1;
  }
}

void ActorsStage::FindPlaces(Doc* d) const {
  Document& doc = *d->doc;
  std::vector<PhraseMatcher::Hit> hits;
  struct Found {
    uint32_t b, e;
    std::string key;
    std::string qualifier;
    int32_t head = -1;  // the place this one qualifies ("Paris, Texas")
  };
  std::vector<Found> found;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      // Countries and metonyms ("Moscow" for the Russian government) are
      // actors and places at once; other actors' names are not places.
      auto place_ok = [&](uint32_t t) {
        if (d->owner[t] < 0) return true;
        const Draft& o = d->drafts[static_cast<size_t>(d->owner[t])];
        return o.m.how == "dictionary" && o.entry != nullptr &&
               (o.entry->type == "country" || o.entry->type == "metonym");
      };
      if (!place_ok(i)) continue;
      if (!StartsUpper(d->tok(i).form)) continue;
      gaz_->matcher().Scan(doc, d->keys, i, s.token_end, &hits);
      for (auto h = hits.rbegin(); h != hits.rend(); ++h) {
        const std::string_view text = d->Text(i, h->token_end);
        if (!CaseMatches(gaz_->phrase_written(h->phrase), text)) continue;
        if (gaz_->PrefersRelative(h->phrase)) continue;  // "South Lebanon": see RelativePart
        // A capitalised function word opening a sentence is no town: "At
        // least 12 people were killed" is not in Ath, Belgium (alternate
        // name "At"), which gave the dead a Belgian country.
        if (h->token_end == i + 1 && d->SentenceStart(i) && In(d->keys.keys[i], kNotNames)) continue;
        // A person's name inside a longer place name that starts before it
        // is the place's: "Dera Ismail Khan" (Ismail Khan, an Afghan
        // commander), "Killa Abdullah".
        auto inside_person = [&](uint32_t t) {
          if (d->owner[t] < 0) return false;
          const Draft& o = d->drafts[static_cast<size_t>(d->owner[t])];
          return o.m.actor.type == "person" && o.m.token_begin > i && o.m.token_end <= h->token_end;
        };
        bool free = true;
        for (uint32_t t = i; t < h->token_end; ++t) free = free && (place_ok(t) || inside_person(t));
        if (!free) continue;
        const PlaceIds cands = gaz_->phrase_names(h->phrase);
        bool big = false;
        for (uint32_t c : cands) {
          const GazetteerEntry& g = gaz_->entries()[c];
          big = big || g.feature != "city" || g.population >= kSmallCity;
        }
        const bool locative = i > s.token_begin && In(d->keys.keys[i - 1], kLocatives);
        if (!big && !locative) continue;
        // Inside a longer capitalised name ("New York Times", "Charlotte
        // Smith", "New Kabul Bank", "Aden Adde International Airport",
        // "Highland Papua", "Oke-Ode") a city's or division's name is not a
        // place; a country's still is ("the U.S. Navy" is an actor and a
        // place). A date word after it ("in Kherson Monday") and a compass
        // word before it ("Southern Israel", RelativePart) are no name.
        bool has_country = false;
        for (uint32_t c : cands) has_country = has_country || gaz_->entries()[c].feature == "country";
        const bool next_cap = h->token_end < s.token_end && StartsUpper(d->tok(h->token_end).form) &&
                              d->owner[h->token_end] < 0 && !In(d->keys.keys[h->token_end], kNotNames);
        uint32_t before = i;  // "Oke-Ode": the word before a glued hyphen
        if (before > s.token_begin + 1 && d->keys.keys[before - 1].empty() && d->tok(before - 1).form == "-" &&
            d->tok(before - 1).span.end == d->tok(i).span.begin &&
            d->tok(before - 2).span.end == d->tok(before - 1).span.begin) {
          --before;
        }
        Direction compass;
        const bool prev_cap = before > s.token_begin && StartsUpper(d->tok(before - 1).form) &&
                              !d->SentenceStart(before - 1) && d->owner[before - 1] < 0 &&
                              !ParseDirection(d->keys.keys[before - 1], &compass);
        if (!has_country && (next_cap || prev_cap)) continue;
        for (uint32_t t = i; t < h->token_end; ++t) {
          if (inside_person(t)) d->Drop(d->owner[t]);
        }
        Found f{i, h->token_end, gaz_->matcher().key(h->phrase), "", -1};
        if (!found.empty() && found.back().e + 1 == i && d->tok(i - 1).form == ",") {
          f.head = static_cast<int32_t>(found.size() - 1);
        }
        // "Paris, Texas": a qualifier after a comma.
        if (h->token_end + 1 < s.token_end && d->tok(h->token_end).form == ",") {
          std::vector<PhraseMatcher::Hit> q;
          gaz_->matcher().Scan(doc, d->keys, h->token_end + 1, s.token_end, &q);
          // Not the start of a longer name: "in Goma, Congo River Alliance
          // leader Corneille Nangaa said" has no qualifier.
          const uint32_t q_end = q.empty() ? 0 : q.back().token_end;
          const bool longer = q_end > 0 && q_end < s.token_end && StartsUpper(d->tok(q_end).form);
          if (!q.empty() && StartsUpper(d->tok(h->token_end + 1).form) && !longer) {
            f.qualifier = gaz_->matcher().key(q.back().phrase);
          }
        }
        // "the southern Lebanese city of Blida": a country's adjective before
        // "city of" qualifies the name as "Blida, Lebanon" would.
        if (f.qualifier.empty()) f.qualifier = AdjectiveQualifier(*d, i, s.token_begin);
        found.push_back(f);
        i = h->token_end - 1;
        break;
      }
    }
  }
  // The document's actor countries; Gazetteer::Resolve adds its places'
  // and ranks every name with them (docs/places.md).
  std::vector<std::string> context;
  auto add_context = [&](const std::string& c) {
    if (c.size() == 3 && std::find(context.begin(), context.end(), c) == context.end()) context.push_back(c);
  };
  // A name that is a place too (a country, a metonym: "Tripoli" for the
  // Libyan government) is the question, not context.
  std::vector<bool> in_place(doc.tokens.size(), false);
  for (const Found& f : found) std::fill(in_place.begin() + f.b, in_place.begin() + f.e, true);
  for (const Draft& dr : d->drafts) {
    if (dr.dropped || in_place[dr.m.token_begin]) continue;
    // Named actors, and role nouns with a written country ("Lebanese troops").
    add_context(dr.entry != nullptr && !dr.entry->country.empty() ? dr.entry->country : dr.m.actor.country);
  }
  std::vector<PlaceQuery> queries;
  queries.reserve(found.size());
  for (const Found& f : found) queries.push_back({f.key, f.qualifier, f.head});
  const std::vector<uint32_t> resolved = gaz_->Resolve(queries, context);
  for (size_t fi = 0; fi < found.size(); ++fi) {
    const Found& f = found[fi];
    if (resolved[fi] == UINT32_MAX) continue;
    uint32_t begin = f.b;
    const std::optional<GazetteerEntry> part = RelativePart(*d, f.b, resolved[fi], &begin);
    const GazetteerEntry& g = part ? *part : gaz_->entries()[resolved[fi]];
    Place p;
    p.span = {d->tok(begin).span.begin, d->tok(f.e - 1).span.end};
    p.token_begin = begin;
    p.token_end = f.e;
    p.sentence = d->sentence_of[f.b];
    p.text = std::string(doc.SpanText(p.span));
    p.name = g.name;
    p.country = g.country;
    p.lat = g.lat;
    p.lon = g.lon;
    p.gazetteer_id = g.id;
    p.feature = g.feature;
    for (uint32_t t = begin; t < f.e; ++t) d->place_owner[t] = static_cast<int32_t>(doc.places.size());
    doc.places.push_back(std::move(p));
  }
}

// "southern Lebanon", "north-west Syria", "central Gaza": a compass word
// written before a country, division or region names the part of it that
// lies that way (Gazetteer::Relative); *begin moves to the compass word.
// Before a city ("southern Beirut") the city stays the place.
std::optional<GazetteerEntry> ActorsStage::RelativePart(const Doc& d, uint32_t b, uint32_t entry,
                                                        uint32_t* begin) const {
  const uint32_t sentence_begin = d.doc->sentences[d.sentence_of[b]].token_begin;
  for (uint32_t n : {3u, 2u, 1u}) {  // "north - west", "north west", "western"
    if (b < sentence_begin + n) continue;
    // The compass word starts the phrase: ", Central Papua" is "Central
    // Papua" after a comma, never a part named by the comma.
    bool free = !d.keys.keys[b - n].empty();
    for (uint32_t t = b - n; t < b; ++t) free = free && d.owner[t] < 0 && d.place_owner[t] < 0;
    Direction direction;
    if (!free || !ParseDirection(NameKey(d.Text(b - n, b)), &direction)) continue;
    std::optional<GazetteerEntry> part = gaz_->Relative(entry, direction);
    if (part) *begin = b - n;
    return part;
  }
  return std::nullopt;
}

// "the southern Lebanese city of Blida", "the Syrian town of Jaramana": a
// country's adjective before a settlement noun and "of" says which country
// the name at `b` lies in. Returns the country's name key (a qualifier for
// Gazetteer::Resolve), or "". Only compass words and other adjectives may
// stand between the country's adjective and the noun.
std::string ActorsStage::AdjectiveQualifier(const Doc& d, uint32_t b, uint32_t sentence_begin) const {
  if (b < sentence_begin + 3 || d.keys.keys[b - 1] != "of" ||
      !In(d.keys.keys[b - 2], {"city", "town", "village", "port", "capital"})) {
    return {};
  }
  std::vector<PhraseMatcher::Hit> hits;
  uint32_t end = b - 2;  // the adjectives walked so far end here
  for (uint32_t j = b - 2; j > sentence_begin && j + 5 > b;) {
    --j;
    adjectives_.Scan(*d.doc, d.keys, j, end, &hits);
    for (auto h = hits.rbegin(); h != hits.rend(); ++h) {
      if (h->token_end != end || !CaseMatches(adjective_written_[h->phrase], d.Text(j, h->token_end))) continue;
      const ActorEntry& e = dict_->entries()[adjective_entry_[h->phrase]];
      if (e.type != "country" || e.country.size() != 3) return {};
      const GazetteerEntry* g = gaz_->FindById("iso3166-1:" + e.country);
      return g == nullptr ? std::string() : NameKey(g->name);
    }
    // Walk left over compass words and other adjectives: "southern", "coastal".
    Direction compass;
    if (!(ParseDirection(d.keys.keys[j], &compass) || (d.has_tags && d.tok(j).upos == "ADJ"))) return {};
    end = j;
  }
  return {};
}

int32_t ActorsStage::TitledAntecedent(const Doc& d, const std::string& key, uint32_t before) const {
  if (d.titled_keys.count(key) == 0) return -1;
  int32_t found = -1;
  for (size_t k = 0; k < d.drafts.size(); ++k) {
    const Draft& dr = d.drafts[k];
    if (dr.dropped || !dr.titled || dr.m.token_end > before) continue;
    if ((dr.surname_key == key || dr.person_key == key) &&
        (found < 0 || d.drafts[static_cast<size_t>(found)].m.token_begin < dr.m.token_begin)) {
      found = static_cast<int32_t>(k);
    }
  }
  return found;
}

bool ActorsStage::IsCountryCode(std::string_view code) const {
  const int32_t idx = dict_->FindCountry(code);
  return idx >= 0 && dict_->entries()[static_cast<size_t>(idx)].country == code;
}

// The country of the document's dateline ("KYIV, Ukraine (Reuters) -"), or
// "" without one: the text stage recognises the dateline and this stage
// resolves its place (dateline_place.h) before the countries are inherited.
std::string DatelineCountry(const Document& doc) {
  return doc.dateline_place ? doc.dateline_place->country : std::string();
}

std::string ActorsStage::DominantCountry(const Doc& d) const {
  // The most frequent country among the places and the actors with a
  // country of their own (names, roles with a written country); ties go to
  // the country mentioned first. A country name is both an actor and a
  // place: it counts once.
  struct Count {
    std::string code;
    uint32_t n = 0;
    uint32_t first = 0;
  };
  std::vector<Count> counts;
  auto add = [&](const std::string& code, uint32_t token) {
    if (!IsCountryCode(code)) return;
    for (Count& c : counts) {
      if (c.code == code) {
        ++c.n;
        c.first = std::min(c.first, token);
        return;
      }
    }
    counts.push_back({code, 1, token});
  };
  for (const Draft& dr : d.drafts) {
    if (dr.dropped || dr.needs_country || dr.pending_surname || dr.pending_pronoun || !dr.pending_party.empty()) continue;
    if (dr.m.actor.code.empty() || InferredCountry(dr.m.actor.country_how)) continue;
    add(dr.m.actor.country, dr.m.token_begin);
  }
  for (const Place& p : d.doc->places) {
    bool counted = false;
    for (uint32_t t = p.token_begin; t < p.token_end && !counted; ++t) counted = d.owner[t] >= 0;
    if (!counted) add(p.country, p.token_begin);
  }
  const Count* best = nullptr;
  for (const Count& c : counts) {
    if (best == nullptr || c.n > best->n || (c.n == best->n && c.first < best->first)) best = &c;
  }
  return best == nullptr ? std::string() : best->code;
}

// Whether tokens [begin, end) are exactly a gazetteer name, written in its case.
bool ActorsStage::IsPlaceName(const Doc& d, uint32_t begin, uint32_t end) const {
  std::vector<PhraseMatcher::Hit> hits;
  gaz_->matcher().Scan(*d.doc, d.keys, begin, end, &hits);
  for (const PhraseMatcher::Hit& h : hits) {
    if (h.token_end == end && CaseMatches(gaz_->phrase_written(h.phrase), d.Text(begin, end))) return true;
  }
  return false;
}

bool ActorsStage::Locative(const Doc& d, uint32_t place, uint32_t sentence_begin) const {
  // Where something happens: "in northern Mali", "through Caracas", "near
  // Kharkiv"; not where it goes or comes from ("sending troops to Ukraine").
  uint32_t t = place;
  while (t > sentence_begin && t + 3 > place && In(d.keys.keys[t - 1], kPlaceQualifiers)) --t;
  return t > sentence_begin && In(d.keys.keys[t - 1], kWhere);
}

void ActorsStage::InheritCountries(Doc* d) const {
  const Document& doc = *d->doc;
  // Clauses from the parse: a token's clause is its nearest ancestor that is
  // a verb, a clausal dependent or the root. Without a parse, the sentence.
  bool parsed = false;
  for (const Token& t : doc.tokens) parsed = parsed || (t.head >= 0 && !t.deprel.empty());
  auto clause_of = [&](uint32_t t) -> int64_t {
    if (!parsed) return -1 - static_cast<int64_t>(d->sentence_of[t]);
    int32_t x = static_cast<int32_t>(t);
    for (int steps = 0; steps < 64; ++steps) {
      const Token& tk = doc.tokens[static_cast<size_t>(x)];
      const std::string_view rel = std::string_view(tk.deprel).substr(0, tk.deprel.find(':'));
      if (tk.head < 0 || tk.upos == "VERB" || rel == "ccomp" || rel == "advcl" || rel == "acl" || rel == "xcomp" ||
          rel == "parataxis" || rel == "csubj") {
        break;
      }
      x = tk.head;
    }
    return x;
  };
  const std::string dateline = DatelineCountry(doc);
  const std::string dominant = DominantCountry(*d);
  auto set = [&](Draft* dr, const std::string& country, const char* how) {
    dr->needs_country = false;
    dr->m.actor.country = country;
    dr->m.actor.country_how = how;
    dr->m.actor.code = country + dr->m.actor.sector;
    // Only a written country names whose office this is ("the president of
    // France"); a guessed one keeps the office unresolved.
    if (dr->pending_title && !InferredCountry(how)) dr->role_country = country;
  };
  std::vector<std::pair<size_t, int32_t>> members;  // (draft, the draft it is part of)
  for (size_t k = 0; k < d->drafts.size(); ++k) {
    Draft& dr = d->drafts[k];
    if (dr.dropped || !dr.needs_country) continue;
    const Sentence& s = doc.sentences[dr.m.sentence];
    // A place or person written before the noun: "Kansas police", "the
    // Johor government", "New York Governor Andrew Cuomo", "Lagos's
    // police"; "the Bush administration", "Putin's spokesman" (surnames,
    // resolved by now).
    {
      uint32_t b = dr.m.token_begin;
      const bool poss = b > s.token_begin + 1 && Possessive(*d, b - 1, s.token_end);
      if (poss) --b;
      // A numeral is no place, whatever the gazetteer holds ("One person").
      const bool numeral = b > s.token_begin && d->has_tags && d->tok(b - 1).upos == "NUM";
      if (b > s.token_begin && d->place_owner[b - 1] >= 0 && d->owner[b - 1] < 0 && !numeral) {
        set(&dr, doc.places[static_cast<size_t>(d->place_owner[b - 1])].country, poss ? "possessive" : "modifier");
        continue;
      }
      const int32_t o = b > s.token_begin ? d->owner[b - 1] : -1;
      if (o >= 0) {
        const Draft& person = d->drafts[static_cast<size_t>(o)];
        if (!person.dropped && person.m.actor.type == "person" && person.entry != nullptr &&
            person.m.token_end == b && !person.m.actor.country.empty()) {
          const std::string& c = person.m.actor.country;
          set(&dr, c, poss ? "possessive" : "modifier");
          if (!IsCountryCode(c)) {
            dr.m.actor.sector.clear();
            dr.m.actor.code = c;  // "Rutte's spokesman": NATO's
          }
          dr.m.entries.push_back(person.entry->id);
          continue;
        }
      }
    }
    // Written after the noun: "police in Kenya", "the army of Mali",
    // "fighters from Syria"; "activists from the Labour Party", "a member
    // of Russia's parliament" (part of that actor).
    uint32_t t = dr.m.token_end;
    if (t + 1 < s.token_end && (d->keys.keys[t] == "in" || d->keys.keys[t] == "of" || d->keys.keys[t] == "from")) {
      uint32_t p = t + 1;
      while (p + 1 < s.token_end && p < t + 4 && d->owner[p] < 0 && d->place_owner[p] < 0 &&
             In(d->keys.keys[p], kPlaceQualifiers)) {
        ++p;
      }
      const int32_t o = d->owner[p];
      const Draft* od = o >= 0 ? &d->drafts[static_cast<size_t>(o)] : nullptr;
      const bool country_actor = od != nullptr && od->entry != nullptr && od->entry->type == "country";
      if (od != nullptr && od->m.token_begin == p && !country_actor && d->keys.keys[t] != "in" &&
          (od->needs_country || !od->m.actor.code.empty()) &&
          (od->m.actor.type != "person" || dr.member)) {
        members.push_back({k, o});
        continue;
      }
      if (d->place_owner[p] >= 0) {
        set(&dr, doc.places[static_cast<size_t>(d->place_owner[p])].country, "in-place");
        continue;
      }
      if (country_actor && IsCountryCode(od->m.actor.country)) {
        set(&dr, od->m.actor.country, "in-place");
        continue;
      }
    }
    if (dr.member) {
      d->Drop(static_cast<int32_t>(k));  // "members" of nothing named
      continue;
    }
    // A place in the same clause: "In northern Mali, rebels attacked".
    const int64_t clause = clause_of(dr.m.token_end - 1);
    const Place* nearest = nullptr;
    uint32_t distance = UINT32_MAX;
    for (const Place& p : doc.places) {
      if (p.sentence != dr.m.sentence || (p.token_begin < dr.m.token_end && p.token_end > dr.m.token_begin)) continue;
      if (clause_of(p.token_end - 1) != clause || !Locative(*d, p.token_begin, s.token_begin)) continue;
      const uint32_t dist = p.token_begin > dr.m.token_begin ? p.token_begin - dr.m.token_begin
                                                             : dr.m.token_begin - p.token_begin;
      if (dist < distance) {
        distance = dist;
        nearest = &p;
      }
    }
    if (nearest != nullptr) {
      set(&dr, nearest->country, "clause-place");
    } else if (!dateline.empty()) {
      set(&dr, dateline, "dateline");
    } else if (!dominant.empty()) {
      set(&dr, dominant, "document");
    } else {
      set(&dr, std::string(kUnknownCountry), "unknown");
    }
  }
  // Parts take the code of the whole, the last first so that "members of
  // the staff of the parliament" chains; a member noun's mention grows to
  // cover what it is part of ("a member of Russia's parliament").
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    Draft& dr = d->drafts[it->first];
    Draft& whole = d->drafts[static_cast<size_t>(it->second)];
    if (whole.dropped || whole.needs_country || whole.m.actor.code.empty()) {
      if (dr.member) {
        d->Drop(static_cast<int32_t>(it->first));
      } else {
        set(&dr, dominant.empty() ? std::string(kUnknownCountry) : dominant, dominant.empty() ? "unknown" : "document");
      }
      continue;
    }
    dr.needs_country = false;
    dr.pending_title = false;
    dr.m.actor.code = whole.m.actor.code;
    dr.m.actor.country = whole.m.actor.country;
    dr.m.actor.sector = whole.m.actor.sector;
    dr.m.actor.country_how = InferredCountry(whole.m.actor.country_how) ? whole.m.actor.country_how : "member";
    for (const std::string& e : whole.m.entries) dr.m.entries.push_back(e);
    if (whole.entry != nullptr && whole.m.entries.empty()) dr.m.entries.push_back(whole.entry->id);
    if (dr.member) {
      const uint32_t b = dr.m.token_begin;
      const uint32_t e = whole.m.token_end;
      d->Drop(it->second);
      d->SetSpan(&dr, b, e);
      dr.m.actor.name = std::string(d->Text(b, e));
      for (uint32_t t = b; t < e; ++t) d->owner[t] = static_cast<int32_t>(it->first);
    }
  }
}

const ActorEntry* ActorsStage::ResolveOffice(const Doc& d, const Draft& title, size_t upto) const {
  std::vector<std::string> titles;
  std::string country = title.role_country;
  if (title.noun == "counterpart") {
    // The office of the person whose counterpart this is: the last person.
    for (size_t k = upto; k-- > 0;) {
      const Draft& prev = d.drafts[k];
      if (prev.dropped || prev.entry == nullptr || prev.entry->type != "person") continue;
      if (const ActorRole* r = RoleOrCurrent(*prev.entry, d.day)) {
        if (!r->title.empty()) titles.push_back(NameKey(r->title));
      }
      break;
    }
    if (titles.empty()) titles.assign(kLeaderTitles.begin(), kLeaderTitles.end());
  } else if (title.noun == "leader") {
    titles.assign(kLeaderTitles.begin(), kLeaderTitles.end());
  } else if (title.noun == "premier" || title.noun == "prime minister") {
    titles = {"prime minister", "premier"};
  } else if (title.noun == "defence minister" || title.noun == "defense minister") {
    titles = {"defence minister", "defense minister"};
  } else {
    titles = {title.noun};
  }
  // Holders of one of these titles on the day, in that country.
  std::vector<std::pair<size_t, const ActorEntry*>> holders;  // (title rank, entry)
  for (size_t t = 0; t < titles.size(); ++t) {
    auto it = office_holders_.find(titles[t]);
    if (it == office_holders_.end()) continue;
    for (uint32_t idx : it->second) {
      const ActorEntry& e = dict_->entries()[idx];
      const ActorRole* r = RoleOrCurrent(e, d.day);
      if (r == nullptr || NameKey(r->title) != titles[t]) continue;
      std::string rc, rs;
      SplitActorCode(r->code, &rc, &rs);
      if (!country.empty() && rc != country) continue;
      holders.push_back({t, &e});
    }
  }
  if (holders.empty()) return nullptr;
  // One already named in the document, most recent first.
  for (size_t k = upto; k-- > 0;) {
    const Draft& prev = d.drafts[k];
    if (prev.dropped || prev.entry == nullptr) continue;
    for (const auto& h : holders) {
      if (h.second == prev.entry) return h.second;
    }
  }
  // Without a country, an office is resolved only by an earlier mention.
  if (country.empty()) return nullptr;
  std::stable_sort(holders.begin(), holders.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return holders.front().second;
}

void ActorsStage::OrderDrafts(Doc* d) const {
  // Pronoun drafts, then every draft in text order (token owners follow).
  const Document& doc = *d->doc;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    if (d->owner[i] >= 0 || d->place_owner[i] >= 0) continue;
    const std::string& k = d->keys.keys[i];
    if (k != "he" && k != "him" && k != "she" && k != "they" && k != "them") continue;
    Draft dr;
    d->SetSpan(&dr, i, i + 1);
    dr.pending_pronoun = true;
    dr.pronoun = k == "him" ? "he" : k == "them" ? "they" : k;
    dr.m.how = "pronoun";
    d->Add(std::move(dr));
  }
  std::vector<size_t> order(d->drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return d->drafts[a].m.token_begin < d->drafts[b].m.token_begin;
  });
  std::vector<Draft> sorted;
  std::vector<int32_t> new_index(d->drafts.size(), -1);
  for (size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<int32_t>(k);
  for (size_t k : order) {
    Draft dr = std::move(d->drafts[k]);
    if (dr.antecedent_draft >= 0) dr.antecedent_draft = new_index[static_cast<size_t>(dr.antecedent_draft)];
    sorted.push_back(std::move(dr));
  }
  d->drafts = std::move(sorted);
  for (int32_t& o : d->owner) {
    if (o >= 0) o = new_index[static_cast<size_t>(o)];
  }
}

void ActorsStage::Resolve(Doc* d, bool surnames_only) const {
  // One walk in text order (OrderDrafts() first).
  for (size_t k = 0; k < d->drafts.size(); ++k) {
    Draft& dr = d->drafts[k];
    if (dr.dropped || (surnames_only && !dr.pending_surname)) continue;
    auto adopt = [&](size_t from, std::string how) {
      const Draft& a = d->drafts[from];
      dr.entry = a.entry;
      dr.m.actor = a.m.actor;
      dr.m.entries = a.m.entries;
      dr.m.how = std::move(how);
      dr.antecedent_draft = static_cast<int32_t>(from);
    };
    if (dr.pending_surname) {
      dr.pending_surname = false;
      const std::vector<uint32_t>* cands = dict_->FindBySurname(d->keys.keys[dr.m.token_end - 1]);
      // An unknown person named earlier with a title ("Judge Ana Novak ...
      // Novak said") comes before anyone in the dictionary.
      const int32_t titled = TitledAntecedent(*d, d->keys.keys[dr.m.token_end - 1], dr.m.token_begin);
      if (titled >= 0) {
        adopt(static_cast<size_t>(titled), "surname");
        continue;
      }
      bool done = false;
      for (size_t p = k; p-- > 0 && !done;) {
        const Draft& prev = d->drafts[p];
        if (prev.dropped || prev.entry == nullptr) continue;
        for (uint32_t c : *cands) {
          if (&dict_->entries()[c] == prev.entry) {
            adopt(p, "surname");
            done = true;
            break;
          }
        }
      }
      if (!done && !In(d->keys.keys[dr.m.token_end - 1], kNotNames)) {
        // No earlier full name: accept a surname only one person carries
        // (preferring those holding a role that day). An imported person
        // (data/actors/imported/, mostly office holders of earlier years)
        // needs a role that day: a bare "Sahel" is the region, not the
        // Moroccan minister of 2004.
        std::vector<const ActorEntry*> active;
        for (uint32_t c : *cands) {
          const ActorEntry& e = dict_->entries()[c];
          if (RoleOrCurrent(e, d->day) != nullptr) active.push_back(&e);
        }
        const ActorEntry* only = active.size() == 1 ? active.front()
                                 : (active.empty() && cands->size() == 1 && !dict_->entries()[cands->front()].imported)
                                     ? &dict_->entries()[cands->front()]
                                                                          : nullptr;
        if (only != nullptr) {
          dr.entry = only;
          dr.m.actor = MakeRef(*only, d->day);
          dr.m.entries = {only->id};
          done = true;
        }
      }
      if (!done) d->Drop(static_cast<int32_t>(k));
    } else if (dr.pending_title) {
      dr.pending_title = false;
      if (const ActorEntry* e = ResolveOffice(*d, dr, k)) {
        dr.entry = e;
        dr.m.actor = MakeRef(*e, d->day);
        dr.m.how = "title";
        dr.m.entries.push_back(e->id);
        for (size_t p = k; p-- > 0;) {
          if (!d->drafts[p].dropped && d->drafts[p].entry == e) {
            dr.antecedent_draft = static_cast<int32_t>(p);
            break;
          }
        }
      } else if (dr.role_country.empty() && (dr.m.actor.code.empty() || dr.noun == "counterpart")) {
        // No holder and no country: a counterpart of nobody named. Other
        // offices keep the country they inherited ("the president" ->
        // USAGOV by the document, or ---GOV).
        d->Drop(static_cast<int32_t>(k));
      }
    } else if (!dr.pending_party.empty()) {
      bool done = false;
      for (size_t p = k; p-- > 0 && !done;) {
        const Draft& prev = d->drafts[p];
        if (prev.dropped || prev.entry == nullptr || prev.entry->party != dr.pending_party) continue;
        adopt(p, "party");
        done = true;
      }
      dr.pending_party.clear();
      if (!done) d->Drop(static_cast<int32_t>(k));
    } else if (dr.pending_pronoun) {
      dr.pending_pronoun = false;
      bool done = false;
      for (size_t p = k; p-- > 0 && !done;) {
        const Draft& prev = d->drafts[p];
        if (prev.dropped || (prev.m.actor.code.empty() && prev.entry == nullptr)) continue;
        if (dr.m.sentence - prev.m.sentence >= kPronounWindow) break;
        const bool person = prev.m.actor.type == "person";
        if (dr.pronoun == "they") {
          if (person || prev.m.actor.type == "unknown") continue;
        } else {
          if (!person || prev.entry == nullptr) continue;
          if (prev.entry->gender != (dr.pronoun == "he" ? 'm' : 'f')) continue;
        }
        adopt(p, "pronoun");
        done = true;
      }
      if (!done) d->Drop(static_cast<int32_t>(k));
    }
  }
}

void ActorsStage::FindUnknowns(Doc* d) const {
  const Document& doc = *d->doc;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      // PROPN tags are used when present, but a tagger trained on web text
      // misses many news names ("Rossiya-24", "Truth Social"), so a
      // capital letter counts too.
      auto capitalised = [&](uint32_t t) {
        if (d->owner[t] >= 0 || d->place_owner[t] >= 0 || d->venue[t] != 0) return false;
        const Token& tk = d->tok(t);
        if (d->keys.keys[t].empty() || In(d->keys.keys[t], kNotNames)) return false;
        return tk.upos == "PROPN" || StartsUpper(tk.form);
      };
      // A capital at the start of a sentence proves nothing unless the
      // tagger says PROPN or the next word is capitalised too ("Zorblat
      // Industries said").
      auto proper = [&](uint32_t t) {
        if (!capitalised(t)) return false;
        if (!d->SentenceStart(t) || d->tok(t).upos == "PROPN" || AllUpper(d->tok(t).form)) return true;
        return t + 1 < s.token_end && capitalised(t + 1);
      };
      if (!proper(i)) {
        // "Novak said" opening a sentence after "Judge Jana Novak": a
        // capital there is enough when a titled person carries the name.
        const int32_t titled = capitalised(i) ? TitledAntecedent(*d, d->keys.keys[i], i) : -1;
        if (titled >= 0) {
          Draft dr;
          d->SetSpan(&dr, i, i + 1);
          const Draft& a = d->drafts[static_cast<size_t>(titled)];
          dr.m.actor = a.m.actor;
          dr.m.entries = a.m.entries;
          dr.m.how = "surname";
          dr.antecedent_draft = titled;
          d->Add(std::move(dr));
        }
        ++i;
        continue;
      }
      uint32_t e = i + 1;
      // Joiners inside names: "Coalition of the Willing", "Bank of England".
      while (e < s.token_end) {
        if (proper(e)) {
          ++e;
        } else if (e + 1 < s.token_end && (d->keys.keys[e] == "of" || d->keys.keys[e] == "the") &&
                   (proper(e + 1) || (e + 2 < s.token_end && d->keys.keys[e + 1] == "the" && proper(e + 2)))) {
          e += d->keys.keys[e + 1] == "the" ? 3 : 2;
        } else {
          break;
        }
      }
      const std::string_view text = d->Text(i, e);
      // A country adjective ("Russian diplomacy") is not an unknown actor,
      // nor is a capitalised title ("Foreign Minister"), nor a lone letter.
      std::vector<PhraseMatcher::Hit> hits;
      adjectives_.Scan(doc, d->keys, i, e, &hits);
      bool known_word = !hits.empty() && hits.back().token_end == e;
      roles_.Scan(doc, d->keys, i, e, &hits);
      known_word = known_word || (!hits.empty() && hits.back().token_end == e);
      if (!known_word && NameKey(text).size() > 1) {
        Draft dr;
        d->SetSpan(&dr, i, e);
        const int32_t titled = TitledAntecedent(*d, NameKey(text), i);
        if (titled >= 0) {
          // "Novak" after "Former defence minister Jana Novak".
          const Draft& a = d->drafts[static_cast<size_t>(titled)];
          dr.m.actor = a.m.actor;
          dr.m.entries = a.m.entries;
          dr.m.how = "surname";
          dr.antecedent_draft = titled;
        } else {
          dr.m.how = "proper_noun";
          dr.m.actor.name = std::string(text);
          dr.m.actor.type = "unknown";
        }
        d->Add(std::move(dr));
      }
      i = e;
    }
  }
}

Status ActorsStage::Process(Document* doc) const {
  Doc d;
  d.doc = doc;
  doc->mentions.clear();
  doc->places.clear();
  d.day = doc->date.size() == 10 ? ParseDayKey(doc->date) : -1;
  d.keys.Build(*doc);
  d.owner.assign(doc->tokens.size(), -1);
  d.place_owner.assign(doc->tokens.size(), -1);
  d.venue.assign(doc->tokens.size(), 0);
  d.sentence_of.assign(doc->tokens.size(), 0);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_end > doc->tokens.size() || sent.token_begin > sent.token_end) {
      return Status::InputError(doc->id + ": sentence " + std::to_string(s) + " has a bad token range");
    }
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) d.sentence_of[t] = s;
  }
  for (const Token& t : doc->tokens) {
    if (t.span.end < t.span.begin || t.span.end > doc->text.size()) {
      return Status::InputError(doc->id + ": a token span lies outside the text");
    }
    d.has_tags = d.has_tags || !t.upos.empty();
  }
  FindNames(&d);
  FindRoles(&d);
  DropVenueModifiers(&d);
  FindPlaces(&d);
  doc->dateline_place = ResolveDatelinePlace(*gaz_, *doc);
  OrderDrafts(&d);
  // Surnames first: "the Trump administration" takes its country from them.
  Resolve(&d, /*surnames_only=*/true);
  InheritCountries(&d);
  Resolve(&d, /*surnames_only=*/false);
  FindUnknowns(&d);
  // Final order and antecedent indices.
  std::vector<size_t> order;
  for (size_t k = 0; k < d.drafts.size(); ++k) {
    if (!d.drafts[k].dropped) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return d.drafts[a].m.token_begin < d.drafts[b].m.token_begin;
  });
  std::vector<int32_t> final_index(d.drafts.size(), -1);
  for (size_t k = 0; k < order.size(); ++k) final_index[order[k]] = static_cast<int32_t>(k);
  for (size_t k : order) {
    Mention m = std::move(d.drafts[k].m);
    const int32_t a = d.drafts[k].antecedent_draft;
    m.antecedent = a >= 0 ? final_index[static_cast<size_t>(a)] : -1;
    doc->mentions.push_back(std::move(m));
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Stage> MakeActorsStage(std::shared_ptr<const ActorDictionary> dictionary,
                                       std::shared_ptr<const Gazetteer> gazetteer) {
  return std::make_unique<ActorsStage>(std::move(dictionary), std::move(gazetteer));
}

Result<std::unique_ptr<Stage>> CreateActorsStage(const Config& config) {
  const std::string data = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  // The gazetteer loads on a thread of its own while this one loads the
  // actor dictionaries (they share nothing); its issues come after theirs,
  // as when they loaded one after the other. An early return waits for it.
  std::vector<DictionaryIssue> gaz_issues;
  auto gaz_loading = std::async(std::launch::async, [&data, &gaz_issues] {
    return Gazetteer::Load(JoinPath(data, "gazetteer"), &gaz_issues);
  });
  std::vector<DictionaryIssue> issues;
  Result<std::unique_ptr<ActorDictionary>> dict =
      ActorDictionary::Load(JoinPath(data, "actors"), config.extra_actor_dictionary, &issues);
  if (!dict.ok()) return dict.status();
  Result<std::unique_ptr<Gazetteer>> gaz = gaz_loading.get();
  if (!gaz.ok()) return gaz.status();
  issues.insert(issues.end(), gaz_issues.begin(), gaz_issues.end());
  std::vector<Diagnostic> diagnostics;
  for (const DictionaryIssue& i : issues) {
    if (i.error) diagnostics.push_back({"warning", i.message});
  }
  if (!diagnostics.empty()) {
    diagnostics.push_back({"warning", "actors: " + std::to_string(diagnostics.size()) +
                                          " dictionary entries skipped (run 'annals actors check')"});
  }
  if (!(*gaz)->precomputed_note().empty()) diagnostics.push_back({"warning", (*gaz)->precomputed_note()});
  std::shared_ptr<const ActorDictionary> shared_dict(std::move(*dict));
  std::shared_ptr<const Gazetteer> shared_gaz(std::move(*gaz));
  return WithLoadDiagnostics(MakeActorsStage(std::move(shared_dict), std::move(shared_gaz)), std::move(diagnostics));
}

}  // namespace annals
