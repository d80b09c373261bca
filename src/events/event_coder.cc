// EventCoder: patterns + parse + mentions -> Event records (rules in
// event_coder.h and docs/coding.md). One SentenceCoder per sentence holds the
// per-sentence state; nothing is kept between documents.
#include "events/event_coder.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/civil_date.h"
#include "events/sentence_view.h"

namespace annals::events {
namespace {

constexpr int kMaxChain = 12;  // governor walks: clause nesting deeper than this is noise

// Who may be an event's source or target (docs/actors.md, "Generic agents
// in events"). Named actors need a country, or must be an IGO,
// organisation, armed group or party. Generic agents ("police", "gunmen")
// and titled persons count with any country, the unknown "---" included;
// but a generic agent whose country is only a guess (from the dateline, the
// document, or none at all) counts only in the sectors that act as groups
// in conflict and coercion news -- armed forces, police, rebels, unidentified
// armed men, criminals, spies, radicals, opposition, courts, legislatures,
// parties. An unnamed "government", "officials" or "people" of no written
// country added more events of the wrong class than of the right one on the
// dev sets (measured in docs/actors.md).
bool IsPoliticalActor(const Mention& m) {
  if (m.actor.code.empty()) return false;
  const std::string& how = m.actor.country_how;
  if (m.actor.type != "person" && (how == "dateline" || how == "document" || how == "unknown")) {
    static constexpr std::string_view kActing[] = {"MIL", "COP", "REB", "UAF", "CRM", "SPY", "NGO", "REF",
                                                   "RAD", "OPP", "JUD", "LEG", "PTY"};
    bool acting = false;
    for (std::string_view s : kActing) acting = acting || m.actor.sector == s;
    if (!acting) return false;
  }
  if (!m.actor.country.empty()) return true;
  const std::string& t = m.actor.type;
  return t == "igo" || t == "organisation" || t == "armed_group" || t == "party";
}

bool In(std::string_view x, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (x == s) return true;
  }
  return false;
}

// The CAMEO intent code for planned/hypothetical cooperation (CAMEO codebook:
// 03x "express intent to ..." mirrors 04x-08x; PLOVER manual 3.1: future
// CONSULT, SUPPORT, COOPERATE and AID are AGREE). Empty when there is none.
std::string DefaultIntentCode(const std::string& code) {
  const std::string root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") {
    if (code == "061") return "0311";
    if (code == "062") return "0312";
    if (code == "063") return "0313";
    if (code == "064") return "0314";
    return "031";
  }
  if (root == "07") {
    if (code == "071") return "0331";
    if (code == "072") return "0332";
    if (code == "073") return "0333";
    if (code == "074") return "0334";
    return "033";
  }
  if (root == "08") {
    if (code.rfind("081", 0) == 0) return "0351";
    if (code == "082") return "0352";
    if (code.rfind("083", 0) == 0) return "034";
    if (code.rfind("084", 0) == 0) return "0353";
    if (code == "085") return "0354";
    if (code.rfind("086", 0) == 0) return "0355";
    if (code.rfind("087", 0) == 0) return "0356";
    return "035";
  }
  return "";
}

bool AbsorbsByRoot(const Pattern& p) {
  if (p.absorb >= 0) return p.absorb == 1;
  if (p.speech) return false;
  const std::string root = p.code.substr(0, 2);
  return In(root, {"02", "03", "10", "11", "12", "13"});
}

int ModalityRank(Modality m) {
  switch (m) {
    case Modality::kNegated: return 5;
    case Modality::kHypothetical: return 4;
    case Modality::kPlanned: return 3;
    case Modality::kHistorical: return 2;
    case Modality::kReported: return 1;
    case Modality::kAsserted: return 0;
  }
  return 0;
}

// Days between an ISO date/partial date and the document date; positive when
// `value` is earlier. nullopt when either does not parse.
std::optional<long> DaysBefore(std::string_view value, std::string_view doc_date) {
  std::optional<CivilDate> doc = ParseIsoDate(doc_date);
  if (!doc || value.size() < 4) return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
  }
  CivilDate d{std::atoi(std::string(value.substr(0, 4)).c_str()), 12, 31};
  if (value.size() >= 10) {
    if (auto full = ParseIsoDate(value.substr(0, 10))) d = *full;
  } else if (value.size() >= 7 && value[4] == '-') {
    int month = std::atoi(std::string(value.substr(5, 2)).c_str());
    if (month >= 1 && month <= 12) d = CivilDate{d.year, month, DaysInMonth(d.year, month)};
  }
  return DaysFromCivil(*doc) - DaysFromCivil(d);
}

struct Candidate {
  int32_t trigger = -1;
  const Pattern* pattern = nullptr;
  std::vector<std::pair<int32_t, int32_t>> pairs;  // (source, target) mentions; target -1
  std::vector<int32_t> extra_tokens;               // particles, for evidence
  std::vector<std::string> notes;
  Modality modality = Modality::kAsserted;
  std::optional<Attribution> attribution;
  double confidence = 1.0;
};

class SentenceCoder {
 public:
  SentenceCoder(const PatternDictionary& dict,
                const std::function<bool(std::string_view)>& known_code, Document* doc,
                uint32_t sentence, const std::vector<int32_t>& mention_at)
      : dict_(dict), known_code_(known_code), doc_(*doc), v_(*doc, sentence, mention_at, &dict) {}

  void Run(std::vector<Event>* out);

 private:
  // --- trigger matching
  bool PosOk(const Pattern& p, int32_t t) const;
  bool FindParticles(const Pattern& p, int32_t t, std::vector<int32_t>* found) const;
  bool ConstraintOk(const Constraint& c, int32_t t) const;
  bool ArgOk(const Constraint& c, int32_t a) const;
  const Pattern* Match(int32_t t, std::vector<int32_t>* particles) const;

  // --- arguments
  bool Political(int32_t m) const { return m >= 0 && IsPoliticalActor(doc_.mentions[static_cast<size_t>(m)]); }
  void ActorsOf(int32_t h, std::vector<int32_t>* out, int depth = 0) const;
  bool InTimeExpr(int32_t t) const;
  bool InAmount(int32_t t) const;
  std::vector<int32_t> Obliques(int32_t t) const;
  int32_t SubjectOf(int32_t v, std::vector<std::string>* notes, double* conf, int depth = 0) const;
  // The first token of a political actor mention that opens the sentence,
  // before its first verb and before token `before`; -1 if none.
  int32_t SentenceOpeningActor(int32_t before) const;
  std::vector<int32_t> TargetsBySlot(int32_t t, std::string_view slot, const std::vector<int32_t>& sources,
                                     std::vector<std::string>* notes) const;
  std::vector<int32_t> DeepTargets(std::vector<int32_t> frontier, const std::vector<int32_t>& sources) const;
  void VerbArgs(const Pattern& p, int32_t t, Candidate* c) const;
  void SpeakerForPronoun(int32_t t, int32_t subj, std::vector<int32_t>* sources, Candidate* c) const;
  void NounArgs(const Pattern& p, int32_t t, Candidate* c) const;
  void Pair(const std::vector<int32_t>& sources, const std::vector<int32_t>& targets,
            bool reciprocal, Candidate* c) const;

  // --- modality and attribution
  int32_t ClauseOf(int32_t t) const;
  Modality ModalityOf(int32_t t, std::vector<std::string>* notes) const;
  void ClauseMarkers(int32_t c, std::set<Modality>* flags, std::vector<std::string>* notes,
                     bool under_speech) const;
  bool UnderSpeech(int32_t t) const;
  std::optional<Attribution> AttributionOf(int32_t t, std::vector<std::string>* notes) const;
  int32_t SpeechGovernor(int32_t t) const;
  bool IsSpeech(int32_t t) const;

  void Emit(const Candidate& c, std::vector<Event>* out) const;
  EventActor MakeActor(int32_t m) const;

  const PatternDictionary& dict_;
  const std::function<bool(std::string_view)>& known_code_;
  Document& doc_;
  SentenceView v_;
};

// ------------------------------------------------------------------ matching

bool SentenceCoder::PosOk(const Pattern& p, int32_t t) const {
  if (p.pos == PosClass::kAny || v_.tok(t).upos.empty()) return true;
  switch (p.pos) {
    // A past form the tagger called a noun ("spoke", "declined") still passes.
    case PosClass::kVerb: return v_.IsVerb(t) || v_.VerbalForm(t);
    case PosClass::kNoun: return v_.IsNoun(t);
    case PosClass::kAdj: return v_.IsAdj(t) || v_.tok(t).upos == "VERB";  // "prepared", "committed"
    case PosClass::kAny: return true;
  }
  return true;
}

bool SentenceCoder::FindParticles(const Pattern& p, int32_t t, std::vector<int32_t>* found) const {
  for (const std::string& part : p.particles) {
    int32_t hit = -1;
    for (int32_t c : v_.children(t)) {
      if (v_.lemma(c) == part) {
        hit = c;
        break;
      }
      // "call on X": "on" may be the case marker of the object instead.
      for (int32_t g : v_.children(c)) {
        if (v_.lemma(g) == part && In(v_.base_rel(g), {"case", "mark"})) {
          hit = g;
          break;
        }
      }
      if (hit >= 0) break;
    }
    if (hit < 0) return false;
    found->push_back(hit);
  }
  return true;
}

bool SentenceCoder::ArgOk(const Constraint& c, int32_t a) const {
  if (c.any) return true;
  if (c.actor) {
    std::vector<int32_t> actors;
    ActorsOf(a, &actors);
    if (!actors.empty()) return true;
  }
  if (c.place) {
    for (const Place& pl : doc_.places) {
      if (static_cast<int32_t>(pl.token_begin) <= a && a < static_cast<int32_t>(pl.token_end)) return true;
    }
  }
  return std::find(c.lemmas.begin(), c.lemmas.end(), v_.lemma(a)) != c.lemmas.end();
}

bool SentenceCoder::ConstraintOk(const Constraint& c, int32_t t) const {
  using K = Constraint::Kind;
  std::vector<int32_t> args;
  switch (c.kind) {
    case K::kNeg: return v_.Negated(t) == c.negated;
    case K::kObj: {
      // The parser often labels a single object iobj ("urged Putin to").
      int32_t o = v_.Child(t, "obj");
      if (o < 0) o = v_.Child(t, "iobj");
      if (o >= 0) args.push_back(o);
      // An amount as the object ("provide $2.5 billion in aid", "500 tonnes
      // of food"): what it measures is the object too.
      if (o >= 0 && (v_.tok(o).upos == "SYM" || v_.tok(o).upos == "NUM" || InAmount(o))) {
        for (int32_t ch : v_.children(o)) {
          if (v_.base_rel(ch) == "nmod" && In(v_.CaseOf(ch), {"in", "of"})) args.push_back(ch);
        }
      }
      break;
    }
    case K::kIobj: {
      int32_t o = v_.Child(t, "iobj");
      if (o >= 0) args.push_back(o);
      break;
    }
    case K::kSubj:
      for (int32_t ch : v_.children(t)) {
        if (v_.base_rel(ch) == "nsubj") args.push_back(ch);
      }
      break;
    case K::kXcomp:
      for (int32_t ch : v_.children(t)) {
        std::string_view r = v_.base_rel(ch);
        if (r == "xcomp" || (v_.IsNoun(t) && r == "acl") ||
            ((r == "nmod" || r == "acl") && v_.CaseOf(ch) == "of" && v_.tok(ch).upos == "VERB")) {
          args.push_back(ch);
        }
      }
      break;
    case K::kObl:
      for (int32_t ch : Obliques(t)) {
        if (c.prep == "*" || v_.CaseOf(ch) == c.prep) args.push_back(ch);
      }
      break;
    case K::kMod:
      for (int32_t ch : v_.children(t)) {
        if (In(v_.base_rel(ch), {"amod", "compound"})) args.push_back(ch);
      }
      break;
    case K::kSub: {
      // Any descendant, not crossing into reported speech or another clause
      // with its own subject (sub=troop in "rejects the idea of US troops").
      std::vector<std::pair<int32_t, int>> stack;
      for (int32_t ch : v_.children(t)) {
        // Circumstances ("during the talks") are not the content.
        if (In(v_.base_rel(ch), {"obl", "advmod"}) &&
            !In(v_.CaseOf(ch), {"for", "to", "of", "on", "against", "from", "about", "over", "with", "into"})) {
          continue;
        }
        stack.push_back({ch, 1});
      }
      while (!stack.empty()) {
        auto [x, d] = stack.back();
        stack.pop_back();
        if (In(v_.base_rel(x), {"ccomp", "parataxis", "conj", "advcl", "nsubj", "csubj"}) && v_.head(x) == t) continue;
        if (std::find(c.lemmas.begin(), c.lemmas.end(), v_.lemma(x)) != c.lemmas.end()) return true;
        if (d < 6) {
          for (int32_t ch : v_.children(x)) stack.push_back({ch, d + 1});
        }
      }
      return false;
    }
  }
  if (c.absent) return args.empty();
  for (int32_t a : args) {
    if (ArgOk(c, a)) return true;
  }
  return false;
}

const Pattern* SentenceCoder::Match(int32_t t, std::vector<int32_t>* particles) const {
  const Pattern* best = nullptr;
  std::vector<int32_t> best_parts;
  for (const Pattern* p : dict_.ForLemma(v_.lemma(t))) {
    if (!PosOk(*p, t)) continue;
    std::vector<int32_t> parts;
    if (!FindParticles(*p, t, &parts)) continue;
    bool ok = true;
    for (const Constraint& c : p->constraints) {
      if (!ConstraintOk(c, t)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (best == nullptr || p->specificity > best->specificity) {
      best = p;
      best_parts = std::move(parts);
    }
  }
  *particles = std::move(best_parts);
  return best;
}

// ----------------------------------------------------------------- arguments

bool SentenceCoder::InTimeExpr(int32_t t) const {
  for (const TimeExpr& te : doc_.time_exprs) {
    if (static_cast<int32_t>(te.token_begin) <= t && t < static_cast<int32_t>(te.token_end)) return true;
  }
  return false;
}

bool SentenceCoder::InAmount(int32_t t) const {
  for (const Amount& a : doc_.amounts) {
    if (static_cast<int32_t>(a.token_begin) <= t && t < static_cast<int32_t>(a.token_end)) return true;
  }
  return false;
}

std::vector<int32_t> SentenceCoder::Obliques(int32_t t) const {
  // obl/nmod dependents of t; a PP the parser hung on a time expression
  // ("speaks this morning with Starmer") belongs to t as well.
  std::vector<int32_t> out;
  for (int32_t c : v_.children(t)) {
    std::string_view r = v_.base_rel(c);
    if (r == "obl" || r == "nmod") out.push_back(c);
    if ((r == "obj" || r == "obl") && InTimeExpr(c)) {
      for (int32_t g : v_.children(c)) {
        if (v_.base_rel(g) == "nmod" && v_.CaseOf(g) != "of") out.push_back(g);
      }
    }
  }
  return out;
}

void SentenceCoder::ActorsOf(int32_t h, std::vector<int32_t>* out, int depth) const {
  if (h < 0 || depth > 4) return;
  int32_t m = v_.MentionAt(h);
  if (Political(m)) {
    out->push_back(m);
  } else {
    // "the president of Russia", "Putin's minister", "US troops", "the
    // Ukrainian president, Volodymyr Zelensky": the actor is a dependent.
    for (int32_t c : v_.children(h)) {
      std::string_view r = v_.rel(c);
      std::string_view b = v_.base_rel(c);
      // A possessor is the actor only for agent nouns ("Putin's foreign
      // minister", "Russia's army"); "Ukraine's allies" are not Ukraine.
      bool agent_noun = dict_.InLexicon("agent_noun", v_.lemma(h));
      bool cand = b == "appos" || b == "flat" || b == "compound" || b == "amod" ||
                  (agent_noun && (r == "nmod:poss" || (b == "nmod" && v_.CaseOf(c) == "of")));
      if (!cand) continue;
      size_t before = out->size();
      int32_t cm = v_.MentionAt(c);
      if (Political(cm)) out->push_back(cm);
      else if (b == "appos" || b == "nmod" || b == "compound") ActorsOf(c, out, depth + 1);
      if (out->size() > before) break;
    }
  }
  for (int32_t c : v_.children(h)) {
    // "between President Putin and President Zelensky" is sometimes parsed
    // with the second conjunct as an nmod or flat that keeps its "and".
    bool conj_like = false;
    if (In(v_.base_rel(c), {"nmod", "flat", "appos", "compound"}) && v_.CaseOf(c).empty()) {
      std::vector<int32_t> sub = v_.Subtree(c);
      conj_like = !sub.empty() && v_.base_rel(sub.front()) == "cc";
    }
    if (v_.base_rel(c) == "conj" || conj_like) ActorsOf(c, out, depth + 1);
    if (v_.base_rel(c) == "appos") {
      for (int32_t g : v_.children(c)) {
        if (v_.base_rel(g) == "conj") ActorsOf(g, out, depth + 1);
      }
    }
  }
}

int32_t SentenceCoder::SentenceOpeningActor(int32_t before) const {
  for (int32_t t = static_cast<int32_t>(v_.begin()); t < before; ++t) {
    if (v_.IsVerb(t)) return -1;
    const int32_t m = v_.MentionAt(t);
    if (m >= 0 && Political(m)) return t;
  }
  return -1;
}

int32_t SentenceCoder::SubjectOf(int32_t v, std::vector<std::string>* notes, double* conf,
                                 int depth) const {
  if (v < 0 || depth > kMaxChain) return -1;
  bool passive = false;
  for (int32_t c : v_.children(v)) {
    std::string_view r = v_.rel(c);
    if (r == "nsubj:pass" || r == "csubj:pass" || r == "aux:pass") passive = true;
  }
  for (int32_t c : v_.children(v)) {
    std::string_view r = v_.rel(c);
    if (r == "nsubj" || r == "nsubj:outer") {
      // "Rutte, who attended ...": the relative pronoun stands for the noun.
      if (dict_.InLexicon("relative_pronoun", v_.lemma(c)) && v_.base_rel(v) == "acl" && v_.head(v) >= 0) {
        notes->push_back("source:relcl");
        return v_.head(v);
      }
      notes->push_back(depth == 0 ? "source:nsubj" : "source:inherited");
      return c;
    }
  }
  // "Switzerland, in turn, has announced": news text does not address its
  // readers, so an actor the parser took for a vocative before the verb
  // is the subject.
  for (int32_t c : v_.children(v)) {
    if (v_.base_rel(c) == "vocative" && c < v && Political(v_.MentionAt(c))) {
      notes->push_back("source:vocative");
      return c;
    }
  }
  if (passive) {
    for (int32_t c : v_.children(v)) {
      if (v_.base_rel(c) == "obl" && v_.CaseOf(c) == "by") {
        notes->push_back("source:agent");
        return c;
      }
    }
    return -1;
  }
  int32_t g = v_.head(v);
  if (g < 0) return -1;
  std::string_view r = v_.base_rel(v);
  *conf -= 0.05;
  if (r == "xcomp") {
    int32_t o = v_.Child(g, "obj");
    if (o >= 0 && dict_.InLexicon("object_control", v_.lemma(g))) {
      notes->push_back("source:controller");
      return o;
    }
    return SubjectOf(g, notes, conf, depth + 1);
  }
  if (r == "conj" && !v_.IsVerb(g) && v_.Child(g, "nsubj") < 0 && Political(v_.MentionAt(g))) {
    // "French President Emmanuel Macron, ..., and suggested Geneva": the
    // parser made the subject the root and the verbs its conjuncts.
    notes->push_back("source:conj-head");
    return g;
  }
  if (r == "conj" || r == "advcl") return SubjectOf(g, notes, conf, depth + 1);
  // "Russia, accusing Kyiv of ...": a participle modifying an actor. Not
  // "the meeting to send troops" (an infinitival relative).
  if (r == "acl" && !v_.IsVerb(g) && v_.CaseOf(v).empty() && Political(v_.MentionAt(g))) {
    notes->push_back("source:acl");
    return g;
  }
  return -1;
}

std::vector<int32_t> SentenceCoder::TargetsBySlot(int32_t t, std::string_view slot,
                                                  const std::vector<int32_t>& sources,
                                                  std::vector<std::string>* notes) const {
  std::vector<int32_t> out;
  if (slot == "deep") {
    std::vector<int32_t> frontier;
    for (int32_t c : v_.children(t)) {
      if (In(v_.base_rel(c), {"obj", "xcomp", "obl", "nmod", "acl"})) frontier.push_back(c);
    }
    out = DeepTargets(std::move(frontier), sources);
  } else if (slot == "comp") {
    // "demanded that Japan stop": the subject of the complement clause.
    for (int32_t c : v_.children(t)) {
      if (!In(v_.base_rel(c), {"ccomp", "xcomp"})) continue;
      int32_t s = v_.Child(c, "nsubj");
      if (s >= 0) ActorsOf(s, &out);
    }
  } else if (slot == "subj") {
    // "NATO membership for Ukraine is off the table": the actor the subject
    // is about, else the subject itself.
    for (int32_t c : v_.children(t)) {
      if (v_.base_rel(c) != "nsubj") continue;
      out = DeepTargets(v_.children(c), sources);
      if (out.empty()) ActorsOf(c, &out);
    }
  } else if (slot == "none") {
    return out;
  } else if (slot.substr(0, 4) == "obl:") {
    std::string_view prep = slot.substr(4);
    for (int32_t c : Obliques(t)) {
      if (v_.CaseOf(c) == prep) ActorsOf(c, &out);
    }
  } else {
    std::string_view rel = slot == "pass" ? "nsubj:pass" : slot == "poss" ? "nmod:poss" : slot;
    for (int32_t c : v_.children(t)) {
      bool hit = slot == "mod"   ? In(v_.base_rel(c), {"amod", "compound"})
                 : slot == "obj" ? In(v_.rel(c), {"obj", "iobj"})
                                 : v_.rel(c) == rel;
      if (hit) ActorsOf(c, &out);
    }
  }
  if (!out.empty()) notes->push_back("target:" + std::string(slot));
  return out;
}

std::vector<int32_t> SentenceCoder::DeepTargets(std::vector<int32_t> frontier,
                                                const std::vector<int32_t>& sources) const {
  // Breadth-first through objects and complements, nearest actor first. An
  // actor of the source's own country ("US troops" under a US source) is the
  // means, not the target, and is passed over.
  std::vector<int32_t> out;
  auto own_side = [&](int32_t m) {
    for (int32_t s : sources) {
      if (doc_.mentions[static_cast<size_t>(s)].actor.country == doc_.mentions[static_cast<size_t>(m)].actor.country) {
        return true;
      }
    }
    return false;
  };
  for (int level = 0; level < 6 && !frontier.empty() && out.empty(); ++level) {
    std::vector<int32_t> next;
    for (int32_t x : frontier) {
      std::string_view cs = v_.CaseOf(x);
      int32_t h = v_.head(x);
      // A bare obl (no case marker) is usually a mis-attached object.
      bool bare_obl = v_.base_rel(x) == "obl" && v_.CaseOf(x).empty();
      bool attached = v_.rel(x) == "nmod:poss" || bare_obl ||
                      In(cs, {"for", "to", "against", "on", "with", "from", "into", "toward", "towards", "at",
                              "between", "of"}) ||
                      (In(v_.base_rel(x), {"obj", "iobj"}) && h >= 0 && v_.IsVerb(h));
      if (attached) {
        std::vector<int32_t> found;
        ActorsOf(x, &found);
        // Inside a phrase opened by one of these prepositions any actor is
        // its participant, however the parser shaped the phrase ("from the
        // US worth 100 billion dollars", with "US" under "worth").
        if (found.empty() && v_.Child(x, "case") >= 0) {
          for (int32_t t : v_.Subtree(x)) {
            const int32_t m = v_.MentionAt(t);
            if (Political(m)) {
              found.push_back(m);
              break;
            }
          }
        }
        for (int32_t m : found) {
          if (!own_side(m)) out.push_back(m);
        }
      }
      for (int32_t c : v_.children(x)) {
        // Conjoined clauses are events of their own; a conjoined nominal
        // ("with European financing, a package of weapons from the US")
        // is still an argument.
        const bool clause = v_.base_rel(c) == "conj" && (v_.IsVerb(c) || v_.Child(c, "nsubj") >= 0);
        if (!clause && !In(v_.base_rel(c), {"parataxis", "advcl", "nsubj", "csubj"})) next.push_back(c);
      }
    }
    frontier = std::move(next);
  }
  return out;
}

void SentenceCoder::Pair(const std::vector<int32_t>& sources, const std::vector<int32_t>& targets,
                         bool reciprocal, Candidate* c) const {
  auto same = [&](int32_t a, int32_t b) {
    const ActorRef& x = doc_.mentions[static_cast<size_t>(a)].actor;
    const ActorRef& y = doc_.mentions[static_cast<size_t>(b)].actor;
    return a == b || (x.code == y.code && x.name == y.name);
  };
  if (reciprocal && targets.empty() && sources.size() >= 2) {
    for (int32_t a : sources) {
      for (int32_t b : sources) {
        if (!same(a, b)) c->pairs.push_back({a, b});
      }
    }
    c->notes.push_back("reciprocal");
    return;
  }
  for (int32_t s : sources) {
    bool any = false;
    for (int32_t t : targets) {
      if (same(s, t)) continue;
      c->pairs.push_back({s, t});
      any = true;
    }
    if (!any) c->pairs.push_back({s, -1});
  }
}

void SentenceCoder::SpeakerForPronoun(int32_t t, int32_t subj, std::vector<int32_t>* sources,
                                      Candidate* c) const {
  // "Iran said it was ready": an unresolved third-person pronoun subject of
  // reported speech is taken to be the speaker.
  if (!sources->empty() || subj < 0 || v_.tok(subj).upos != "PRON" ||
      !In(v_.lemma(subj), {"it", "he", "she", "they"})) {
    return;
  }
  int32_t cue = SpeechGovernor(t);
  if (cue < 0) return;
  std::vector<std::string> scratch;
  double conf = 1.0;
  ActorsOf(SubjectOf(cue, &scratch, &conf), sources);
  if (!sources->empty()) {
    c->notes.push_back("source:pronoun=speaker");
    c->confidence -= 0.15;
  }
}

void SentenceCoder::VerbArgs(const Pattern& p, int32_t t, Candidate* c) const {
  std::vector<int32_t> sources;
  if (p.source_slot == "speaker") {
    int32_t sp = SpeechGovernor(t);
    if (sp >= 0) {
      ActorsOf(SubjectOf(sp, &c->notes, &c->confidence), &sources);
      c->notes.push_back("source:speaker");
    }
  } else if (p.source_slot == "poss") {
    for (int32_t ch : v_.children(t)) {
      if (v_.rel(ch) == "nmod:poss") ActorsOf(ch, &sources);
    }
  } else {
    int32_t subj = SubjectOf(t, &c->notes, &c->confidence);
    ActorsOf(subj, &sources);
    SpeakerForPronoun(t, subj, &sources, c);
    // "X assured that ..., and suggested Geneva": a coordinated clause the
    // parser attached as advcl/ccomp, with some non-actor as its subject.
    if (sources.empty() && v_.Child(t, "cc") >= 0 && In(v_.base_rel(t), {"advcl", "ccomp"}) &&
        v_.head(t) >= 0) {
      ActorsOf(SubjectOf(v_.head(t), &c->notes, &c->confidence), &sources);
      if (!sources.empty()) c->notes.push_back("source:coordinated");
    }
    // A coordinated verb ("..., and suggested Geneva") whose subject the
    // parse does not reach: the subject of a coordinated predicate is the
    // sentence's, so take the political actor that opens the sentence
    // before its first verb.
    if (sources.empty() && v_.Child(t, "cc") >= 0) {
      const int32_t opener = SentenceOpeningActor(t);
      if (opener >= 0) {
        ActorsOf(opener, &sources);
        c->notes.push_back("source:sentence-subject");
        c->confidence -= 0.15;
      }
    }
  }
  if (sources.empty()) return;

  static const std::vector<std::string> kDefaultSlots = {
      "iobj", "obj", "obl:with", "obl:to", "obl:against", "obl:on", "obl:from",
      "obl:for", "obl:at", "obl:into", "pass", "deep"};
  const std::vector<std::string>& slots = p.target_slots.empty() ? kDefaultSlots : p.target_slots;
  std::vector<int32_t> targets;
  for (const std::string& slot : slots) {
    for (int32_t m : TargetsBySlot(t, slot, sources, &c->notes)) {
      bool self = std::find(sources.begin(), sources.end(), m) != sources.end();
      if (!self) targets.push_back(m);
    }
    if (!targets.empty()) {
      if (slot == "deep") c->confidence -= 0.15;
      break;
    }
  }
  Pair(sources, targets, p.reciprocal, c);
}

void SentenceCoder::NounArgs(const Pattern& p, int32_t n, Candidate* c) const {
  std::vector<int32_t> sources;
  std::vector<int32_t> targets;
  std::vector<int32_t> between;
  c->confidence -= 0.1;
  for (int32_t ch : v_.children(n)) {
    std::string_view r = v_.rel(ch);
    std::string_view b = v_.base_rel(ch);
    std::string_view cs = v_.CaseOf(ch);
    if (r == "nmod:poss" || ((b == "amod" || b == "compound") && Political(v_.MentionAt(ch)))) {
      ActorsOf(ch, &sources);
      c->notes.push_back("source:" + std::string(r));
    } else if ((b == "nmod" || b == "obl") && cs == "between") {
      ActorsOf(ch, &between);
      c->notes.push_back("participants:between");
    } else if (b == "nmod" && cs.empty() && !between.empty()) {
      // "between President Putin and President Zelensky" with the second
      // conjunct parsed as a bare nmod of the noun.
      std::vector<int32_t> sub = v_.Subtree(ch);
      if (!sub.empty() && v_.base_rel(sub.front()) == "cc") ActorsOf(ch, &between);
    } else if ((b == "nmod" || b == "obl") &&
               In(cs, {"with", "to", "against", "on", "for", "from", "of", "into", "toward", "towards"})) {
      ActorsOf(ch, &targets);
      c->notes.push_back("target:nmod:" + std::string(cs));
    }
  }
  // "Regarding the call with Putin, ...": a PP right after the noun that the
  // parser attached to the verb still names the noun's partner.
  if (targets.empty() && between.empty() && v_.head(n) >= 0) {
    std::vector<int32_t> sub = v_.Subtree(n);
    int32_t next = sub.empty() ? -1 : sub.back() + 1;
    for (int32_t sib : v_.children(v_.head(n))) {
      if (sib == n || !In(v_.base_rel(sib), {"obl", "nmod"})) continue;
      std::vector<int32_t> ss = v_.Subtree(sib);
      if (ss.empty() || ss.front() != next) continue;
      std::string_view cs = v_.CaseOf(sib);
      if (cs == "between") ActorsOf(sib, &between);
      else if (In(cs, {"with", "to", "against", "on"})) ActorsOf(sib, &targets);
      if (!targets.empty() || !between.empty()) c->notes.push_back("target:adjacent-pp");
    }
  }
  if (!between.empty()) {
    Pair(between, {}, true, c);
    if (between.size() >= 2) return;
    c->pairs.clear();
    targets.insert(targets.end(), between.begin(), between.end());
  }
  // The governor supplies participants the noun phrase lacks: "X held talks
  // with Y" (light verb), "talks with Y, X said" is left alone.
  int32_t g = v_.head(n);
  std::string_view r = v_.base_rel(n);
  if (sources.empty() && g >= 0) {
    if (r == "obj" || (r == "obl" && dict_.InLexicon("light_verb", v_.lemma(g)))) {
      int32_t subj = SubjectOf(g, &c->notes, &c->confidence);
      ActorsOf(subj, &sources);
      SpeakerForPronoun(g, subj, &sources, c);
      for (const char* slot : {"obl:with", "iobj", "obl:to"}) {
        for (int32_t m : TargetsBySlot(g, slot, sources, &c->notes)) targets.push_back(m);
      }
      c->notes.push_back("source:light_verb:" + v_.lemma(g));
    } else if (r == "nsubj" || r == "nsubj:pass") {
      // "The talks brought together Russia and Ukraine".
      std::vector<int32_t> parts;
      ActorsOf(v_.Child(g, "obj"), &parts);
      for (int32_t m : TargetsBySlot(g, "obl:with", sources, &c->notes)) parts.push_back(m);
      if (targets.empty() && parts.size() >= 2) {
        Pair(parts, {}, true, c);
        c->notes.push_back("participants:clause");
        return;
      }
    } else if (!targets.empty() && In(r, {"obl", "nmod"})) {
      // "Regarding the call with Putin, Trump said ...": the clause subject.
      int32_t x = g;
      for (int d = 0; x >= 0 && d < kMaxChain && !v_.IsVerb(x) && v_.Child(x, "nsubj") < 0; ++d) x = v_.head(x);
      if (x >= 0) {
        ActorsOf(SubjectOf(x, &c->notes, &c->confidence), &sources);
        c->notes.push_back("source:clause");
        c->confidence -= 0.1;
      }
    }
  }
  if (sources.empty()) return;
  if (p.reciprocal && targets.empty() && sources.size() >= 2) {
    Pair(sources, {}, true, c);
    return;
  }
  Pair(sources, targets, p.reciprocal, c);
}

// --------------------------------------------------------------- modality

int32_t SentenceCoder::ClauseOf(int32_t t) const {
  // A noun event takes its tense and polarity from the verb that governs it
  // ("will hold a meeting"); a verb or predicate adjective is its own clause.
  int32_t x = t;
  for (int d = 0; d < kMaxChain; ++d) {
    if (!(v_.IsNoun(x) && In(v_.base_rel(x), {"obj", "nsubj", "obl"}) && v_.head(x) >= 0)) return x;
    const int32_t g = v_.head(x);
    // "a meeting ..., followed by a trilateral meeting": a participle that
    // modifies a noun has no tense of its own; the modified noun's clause
    // gives it.
    if (v_.IsVerb(g) && v_.rel(g) == "acl" && v_.head(g) >= 0 && v_.Child(g, "aux") < 0 &&
        v_.Child(g, "nsubj") < 0 && v_.IsNoun(v_.head(g))) {
      x = v_.head(g);
      // ... up to the head of the noun phrase ("a meeting between Putin
      // and Zelensky, followed by ...", the participle hung on "Putin").
      for (int k = 0; k < kMaxChain && In(v_.base_rel(x), {"nmod", "flat", "appos", "conj"}) && v_.head(x) >= 0 &&
                      v_.IsNoun(v_.head(x));
           ++k) {
        x = v_.head(x);
      }
      continue;
    }
    return g;
  }
  return x;
}

bool SentenceCoder::IsSpeech(int32_t t) const {
  for (const Pattern* p : dict_.ForLemma(v_.lemma(t))) {
    if (!p->speech || !PosOk(*p, t)) continue;
    bool ok = true;
    for (const Constraint& c : p->constraints) ok = ok && ConstraintOk(c, t);
    if (ok) return true;
  }
  return false;
}

bool SentenceCoder::UnderSpeech(int32_t t) const { return SpeechGovernor(t) >= 0; }

int32_t SentenceCoder::SpeechGovernor(int32_t t) const {
  int32_t x = t;
  for (int d = 0; d < kMaxChain && x >= 0; ++d) {
    int32_t g = v_.head(x);
    if (g < 0) {
      // '"...," Lavrov said': the cue hangs off the quote as parataxis.
      for (int32_t c : v_.children(x)) {
        if (In(v_.base_rel(c), {"parataxis", "ccomp"}) && IsSpeech(c) && !v_.InSubtree(t, c)) return c;
      }
      return -1;
    }
    if (In(v_.base_rel(x), {"ccomp", "parataxis", "xcomp"}) && IsSpeech(g)) return g;
    x = g;
  }
  return -1;
}

void SentenceCoder::ClauseMarkers(int32_t c, std::set<Modality>* flags,
                                  std::vector<std::string>* notes, bool under_speech) const {
  if (v_.Negated(c)) {
    flags->insert(Modality::kNegated);
    notes->push_back("modality:not");
  }
  bool have_past = false;
  for (int32_t ch : v_.children(c)) {
    std::string_view r = v_.base_rel(ch);
    const std::string& l = v_.lemma(ch);
    if (r == "aux") {
      if (l == "will" || l == "shall" || l == "'ll") {
        flags->insert(Modality::kPlanned);
        notes->push_back("modality:" + l);
      } else if (l == "would" || l == "'d") {
        // Backshifted "will" in reported speech ("said the US would buy").
        flags->insert(under_speech ? Modality::kPlanned : Modality::kHypothetical);
        notes->push_back(under_speech ? "modality:would(reported-will)" : "modality:would");
      } else if (l == "could" || l == "might" || l == "may") {
        flags->insert(Modality::kHypothetical);
        notes->push_back("modality:" + l);
      } else if (l == "have" && (v_.tok(ch).xpos == "VBD" || AsciiLower(v_.tok(ch).form) == "had")) {
        have_past = true;
      }
    } else if (r == "mark" && In(l, {"if", "whether", "unless"})) {
      flags->insert(Modality::kHypothetical);
      notes->push_back("modality:" + l);
    } else if (r == "advmod" && dict_.InLexicon("hedge_adverb", l)) {
      flags->insert(Modality::kReported);
      notes->push_back("modality:" + l);
    } else if (r == "advmod" && dict_.InLexicon("background_adverb", l)) {
      flags->insert(Modality::kHistorical);
      notes->push_back("modality:" + l);
    } else if (r == "obl" && In(v_.CaseOf(ch), {"according", "accord"})) {
      flags->insert(Modality::kReported);
      notes->push_back("modality:according-to");
    }
  }
  // "had attacked" is background, except in reported speech where it is the
  // backshifted past ("said Ukraine had attacked").
  if (have_past && !under_speech && v_.tok(c).xpos == "VBN") {
    flags->insert(Modality::kHistorical);
    notes->push_back("modality:pluperfect");
  }
  // A date well before the document in this clause (not in a nested clause).
  for (size_t i = 0; i < doc_.time_exprs.size(); ++i) {
    const TimeExpr& te = doc_.time_exprs[i];
    if (te.sentence != v_.sentence() || te.type != "DATE") continue;
    int32_t tok = static_cast<int32_t>(te.token_begin);
    if (!v_.Contains(tok)) continue;
    int32_t x = tok;
    bool direct = false;
    for (int d = 0; d < kMaxChain && x >= 0; ++d) {
      if (x == c) {
        direct = true;
        break;
      }
      if (In(v_.base_rel(x), {"ccomp", "advcl", "parataxis", "xcomp"}) || v_.rel(x) == "acl:relcl") break;
      x = v_.head(x);
    }
    if (!direct) continue;
    std::optional<long> before = DaysBefore(te.value, doc_.date);
    if (before && *before > 365) {
      flags->insert(Modality::kHistorical);
      notes->push_back("modality:dated:" + te.value);
    }
  }
}

Modality SentenceCoder::ModalityOf(int32_t t, std::vector<std::string>* notes) const {
  std::set<Modality> flags;
  bool under_speech = UnderSpeech(t);
  if (v_.IsNoun(t)) {
    for (int32_t ch : v_.children(t)) {
      const std::string& l = v_.lemma(ch);
      if (v_.base_rel(ch) == "amod" && dict_.InLexicon("planned_modifier", l)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + l);
      } else if (v_.base_rel(ch) == "amod" && dict_.InLexicon("hypothetical_modifier", l)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + l);
      } else if (v_.base_rel(ch) == "det" && l == "no") {
        flags.insert(Modality::kNegated);
        notes->push_back("modality:no");
      }
    }
  }
  int32_t c = ClauseOf(t);
  if (c != t && v_.base_rel(t) == "obj" && dict_.InLexicon("planned_governor", v_.lemma(c))) {
    // "is preparing an offensive", "plans a visit".
    flags.insert(Modality::kPlanned);
    notes->push_back("modality:" + v_.lemma(c));
  }
  ClauseMarkers(c, &flags, notes, under_speech);
  // Governors: xcomp (plan to), ccomp (deny that, bet that), conj (shared
  // auxiliary), noun governors (the possibility of).
  int32_t x = c;
  for (int d = 0; d < kMaxChain; ++d) {
    int32_t g = v_.head(x);
    if (g < 0) break;
    std::string_view r = v_.base_rel(x);
    const std::string& gl = v_.lemma(g);
    // "prepared to meet" is sometimes parsed as a purpose advcl.
    const bool to_clause = r == "xcomp" || (r == "advcl" && v_.CaseOf(x) == "to");
    if (r == "conj") {
      // Conjoined verbs share auxiliaries ("will meet and sign") and a
      // conjecture ("bet that ... but with a prior meeting"), not intent.
      if (dict_.InLexicon("hypothetical_governor", gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      }
      ClauseMarkers(g, &flags, notes, under_speech);
    } else if (to_clause) {
      if (dict_.InLexicon("planned_governor", gl)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + gl + "-to");
      } else if (dict_.InLexicon("hypothetical_governor", gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (gl == "go" && v_.Child(g, "aux") >= 0) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:going-to");
      }
      ClauseMarkers(g, &flags, notes, under_speech);
    } else if (r == "ccomp" || r == "parataxis") {
      if (dict_.InLexicon("negating_governor", gl)) {
        flags.insert(Modality::kNegated);
        notes->push_back("modality:" + gl + "-that");
      } else if (dict_.InLexicon("hypothetical_noun", gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (dict_.InLexicon("hypothetical_governor", gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl + "-that");
      } else if (IsSpeech(g)) {
        // Reported speech: the speaker's hedges ("sources say") carry over.
        int32_t s = v_.Child(g, "nsubj");
        if (s >= 0 && dict_.InLexicon("hedge_subject", v_.lemma(s)) && !Political(v_.MentionAt(s))) {
          flags.insert(Modality::kReported);
          notes->push_back("modality:" + v_.lemma(s) + "-say");
        }
        for (int32_t ch : v_.children(g)) {
          if (v_.base_rel(ch) == "obl" && In(v_.CaseOf(ch), {"according", "accord"})) {
            flags.insert(Modality::kReported);
            notes->push_back("modality:according-to");
          }
        }
        break;  // the speaker's own clause says nothing about the event
      }
    } else if (In(r, {"nmod", "acl", "obl", "obj", "nsubj", "amod"})) {
      if (dict_.InLexicon("hypothetical_noun", gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (dict_.InLexicon("planned_noun", gl)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + gl);
      }
      if (v_.IsVerb(g)) {
        ClauseMarkers(g, &flags, notes, under_speech);
        break;
      }
    } else {
      break;
    }
    x = g;
  }
  Modality best = Modality::kAsserted;
  for (Modality m : flags) {
    if (ModalityRank(m) > ModalityRank(best)) best = m;
  }
  return best;
}

// ------------------------------------------------------------ attribution

std::optional<Attribution> SentenceCoder::AttributionOf(int32_t t, std::vector<std::string>* notes) const {
  const Span ts = v_.tok(t).span;
  int32_t best = -1;
  for (size_t i = 0; i < doc_.quotes.size(); ++i) {
    const Quote& q = doc_.quotes[i];
    if (q.span.begin <= ts.begin && ts.end <= q.span.end) {
      if (best < 0 || q.span.size() < doc_.quotes[static_cast<size_t>(best)].span.size()) best = static_cast<int32_t>(i);
    }
  }
  int32_t cue = SpeechGovernor(t);
  if (best < 0 && cue >= 0) {
    // An indirect-speech quote whose cue is this speech verb.
    for (size_t i = 0; i < doc_.quotes.size(); ++i) {
      if (doc_.quotes[i].cue_span == v_.tok(cue).span) best = static_cast<int32_t>(i);
    }
  }
  if (best >= 0) {
    const Quote& q = doc_.quotes[static_cast<size_t>(best)];
    Attribution a;
    a.speaker_text = q.speaker_text;
    if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < doc_.mentions.size()) {
      a.speaker = doc_.mentions[static_cast<size_t>(q.speaker)].actor;
    }
    a.quote = q.text;
    a.cue = q.cue;
    a.venue = q.venue;
    a.quote_index = best;
    notes->push_back("attribution:quote");
    if (cue >= 0) {
      // The subject of the cue verb in this very sentence beats a speaker
      // the quote finder guessed from elsewhere ("London / Washington ...
      // Starmer has confirmed that ...").
      std::vector<std::string> scratch;
      double conf = 1.0;
      std::vector<int32_t> speakers;
      ActorsOf(SubjectOf(cue, &scratch, &conf), &speakers);
      if (!speakers.empty() && static_cast<int32_t>(speakers[0]) != q.speaker) {
        const Mention& m = doc_.mentions[static_cast<size_t>(speakers[0])];
        a.speaker = m.actor;
        a.speaker_text = std::string(doc_.SpanText(m.span));
        notes->push_back("attribution:speaker-from-parse");
      }
    }
    return a;
  }
  if (cue < 0) return std::nullopt;
  std::vector<std::string> scratch;
  double conf = 1.0;
  std::vector<int32_t> speakers;
  int32_t subj = SubjectOf(cue, &scratch, &conf);
  ActorsOf(subj, &speakers);
  Attribution a;
  a.cue = v_.lemma(cue);
  if (!speakers.empty()) {
    const Mention& m = doc_.mentions[static_cast<size_t>(speakers[0])];
    a.speaker = m.actor;
    a.speaker_text = std::string(doc_.SpanText(m.span));
  } else if (subj >= 0) {
    a.speaker_text = v_.tok(subj).form;
  }
  notes->push_back("attribution:" + a.cue);
  return a;
}

// ------------------------------------------------------------------ output

EventActor SentenceCoder::MakeActor(int32_t m) const {
  const Mention& mention = doc_.mentions[static_cast<size_t>(m)];
  EventActor a;
  a.span = mention.span;
  a.text = std::string(doc_.SpanText(mention.span));
  a.actor = mention.actor;
  a.mention = m;
  return a;
}

void SentenceCoder::Emit(const Candidate& c, std::vector<Event>* out) const {
  const Pattern& p = *c.pattern;
  std::string code = p.code;
  std::vector<std::string> notes = c.notes;
  if (c.modality == Modality::kPlanned || c.modality == Modality::kHypothetical) {
    std::string intent = p.intent_code.empty() ? DefaultIntentCode(p.code) : p.intent_code;
    if (!intent.empty() && known_code_(intent)) {
      notes.push_back("intent:" + intent + "<-" + code);
      code = intent;
    }
  }
  for (const auto& [s, t] : c.pairs) {
    Event e;
    e.sentence = v_.sentence();
    e.source = MakeActor(s);
    if (t >= 0) e.target = MakeActor(t);
    e.cameo = code;
    e.modality = c.modality;
    e.attribution = c.attribution;
    const Token& trig = v_.tok(c.trigger);
    e.evidence.rule = p.id;
    e.evidence.triggers.push_back(trig.form);
    e.evidence.trigger_spans.push_back(trig.span);
    for (int32_t x : c.extra_tokens) {
      e.evidence.triggers.push_back(v_.tok(x).form);
      e.evidence.trigger_spans.push_back(v_.tok(x).span);
    }
    double conf = c.confidence;
    Span span = trig.span;
    for (int32_t m : {s, t}) {
      if (m < 0) continue;
      const Mention& mention = doc_.mentions[static_cast<size_t>(m)];
      for (const std::string& entry : mention.entries) e.evidence.dictionary.push_back(entry);
      if (mention.entries.empty() && !mention.actor.entry.empty()) e.evidence.dictionary.push_back(mention.actor.entry);
      if (mention.how == "pronoun") conf -= 0.1;
      // Spans stay inside the sentence: a coreferent mention elsewhere only
      // widens the span when it is in this sentence.
      if (mention.sentence == v_.sentence()) {
        span.begin = std::min(span.begin, mention.span.begin);
        span.end = std::max(span.end, mention.span.end);
      }
    }
    e.span = span;
    e.evidence.notes = notes;
    e.confidence = std::clamp(conf, 0.3, 1.0);
    out->push_back(std::move(e));
  }
}

void SentenceCoder::Run(std::vector<Event>* out) {
  // Noise control: no political actor in the sentence, no event.
  bool any_actor = false;
  for (uint32_t t = v_.begin(); t < v_.end() && !any_actor; ++t) any_actor = Political(v_.MentionAt(static_cast<int32_t>(t)));
  if (!any_actor) return;

  std::vector<Candidate> found;
  for (uint32_t ut = v_.begin(); ut < v_.end(); ++ut) {
    int32_t t = static_cast<int32_t>(ut);
    if (v_.MentionAt(t) >= 0) continue;  // words of an actor name are not triggers
    std::vector<int32_t> parts;
    const Pattern* p = Match(t, &parts);
    if (p == nullptr) continue;
    Candidate c;
    c.trigger = t;
    c.pattern = p;
    c.extra_tokens = std::move(parts);
    found.push_back(std::move(c));
  }
  if (found.empty()) return;

  // Absorption: complements of appeals, intents, demands, rejections... are
  // part of that event, not events of their own.
  std::vector<bool> absorbed(found.size(), false);
  for (const Candidate& a : found) {
    if (!AbsorbsByRoot(*a.pattern)) continue;
    for (size_t j = 0; j < found.size(); ++j) {
      int32_t t = found[j].trigger;
      if (t == a.trigger) continue;
      for (int32_t ch : v_.children(a.trigger)) {
        // "called on Israel to allow ...": a purpose clause with "to" is the
        // content of the appeal too.
        bool purpose = v_.base_rel(ch) == "advcl" && v_.CaseOf(ch) == "to";
        if ((purpose || In(v_.base_rel(ch), {"obj", "xcomp", "ccomp", "obl", "nmod", "acl"})) &&
            v_.InSubtree(t, ch)) {
          absorbed[j] = true;
        }
      }
    }
  }

  // A noun trigger that is the object of another (non-speech) trigger is
  // that event's theme: "lifted sanctions" is one 085, not 085 + 163.
  for (size_t j = 0; j < found.size(); ++j) {
    int32_t t = found[j].trigger;
    if (!v_.IsNoun(t) || v_.base_rel(t) != "obj") continue;
    for (const Candidate& a : found) {
      if (a.trigger == v_.head(t) && !a.pattern->speech && !v_.IsNoun(a.trigger)) absorbed[j] = true;
    }
  }

  std::vector<Candidate> coded;
  std::vector<Candidate> speech;
  for (size_t i = 0; i < found.size(); ++i) {
    if (absorbed[i]) continue;
    Candidate& c = found[i];
    if (c.pattern->speech) {
      speech.push_back(std::move(c));
      continue;
    }
    bool noun = v_.IsNoun(c.trigger) && c.pattern->pos != PosClass::kVerb && c.pattern->source_slot.empty();
    if (noun) NounArgs(*c.pattern, c.trigger, &c);
    else VerbArgs(*c.pattern, c.trigger, &c);
    if (c.pairs.empty()) continue;
    c.modality = ModalityOf(c.trigger, &c.notes);
    c.attribution = AttributionOf(c.trigger, &c.notes);
    coded.push_back(std::move(c));
  }

  // Speech cues: coded (010) only when their complement holds no event and
  // names some other actor; otherwise they are attribution only.
  for (Candidate& s : speech) {
    bool carries = false;
    for (const Candidate& c : coded) {
      if (SpeechGovernor(c.trigger) == s.trigger) carries = true;
    }
    if (carries) continue;
    std::vector<int32_t> content;
    for (int32_t ch : v_.children(s.trigger)) {
      if (In(v_.base_rel(ch), {"ccomp", "parataxis"})) content.push_back(ch);
    }
    if (content.empty() && In(v_.base_rel(s.trigger), {"parataxis", "ccomp"}) && v_.head(s.trigger) >= 0) {
      content.push_back(v_.head(s.trigger));
    }
    VerbArgs(*s.pattern, s.trigger, &s);
    if (s.pairs.empty() || content.empty()) continue;
    bool other_actor = false;
    for (int32_t root : content) {
      for (int32_t x : v_.Subtree(root)) {
        // For '"...," X said' the content is the governor: skip the cue's own words.
        if (v_.InSubtree(x, s.trigger) && !v_.InSubtree(root, s.trigger)) continue;
        int32_t m = v_.MentionAt(x);
        if (!Political(m)) continue;
        for (const auto& pr : s.pairs) {
          const ActorRef& a = doc_.mentions[static_cast<size_t>(m)].actor;
          const ActorRef& sp = doc_.mentions[static_cast<size_t>(pr.first)].actor;
          if (a.code != sp.code || a.name != sp.name) other_actor = true;
        }
      }
    }
    if (!other_actor) continue;
    // The statement's target is its addressee, not an actor inside it.
    for (auto& pr : s.pairs) {
      if (pr.second >= 0 && v_.InSubtree(doc_.mentions[static_cast<size_t>(pr.second)].token_begin, content[0])) pr.second = -1;
    }
    s.modality = ModalityOf(s.trigger, &s.notes);
    s.notes.push_back("statement:no-inner-event");
    coded.push_back(std::move(s));
  }

  std::vector<Event> events;
  for (const Candidate& c : coded) Emit(c, &events);

  // One record per (source, target, code, modality); a target-less record
  // yields to a targeted one of the same source and root.
  auto key = [](const std::optional<EventActor>& a) {
    return a ? a->actor.code + "|" + a->actor.name : std::string("-");
  };
  std::set<std::string> seen;
  std::set<std::string> targeted;
  for (const Event& e : events) {
    if (e.target) targeted.insert(key(e.source) + "#" + e.cameo.substr(0, 2));
  }
  for (Event& e : events) {
    if (!e.target && targeted.count(key(e.source) + "#" + e.cameo.substr(0, 2))) continue;
    std::string k = key(e.source) + ">" + key(e.target) + ">" + e.cameo + ">" + ModalityName(e.modality);
    if (!seen.insert(k).second) continue;
    out->push_back(std::move(e));
  }
}

}  // namespace

EventCoder::EventCoder(const PatternDictionary& dict, std::function<bool(std::string_view)> known_code)
    : dict_(dict), known_code_(std::move(known_code)) {}

void EventCoder::Code(Document* doc) const {
  std::vector<int32_t> mention_at(doc->tokens.size(), -1);
  for (size_t i = 0; i < doc->mentions.size(); ++i) {
    const Mention& m = doc->mentions[i];
    for (uint32_t t = m.token_begin; t < m.token_end && t < mention_at.size(); ++t) {
      // Prefer a political reading when mentions overlap.
      if (mention_at[t] < 0 || (!IsPoliticalActor(doc->mentions[static_cast<size_t>(mention_at[t])]) &&
                                IsPoliticalActor(m))) {
        mention_at[t] = static_cast<int32_t>(i);
      }
    }
  }
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    SentenceCoder coder(dict_, known_code_, doc, s, mention_at);
    coder.Run(&doc->events);
  }
}

}  // namespace annals::events
