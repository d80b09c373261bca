// Argument finding (see arguments.h).
#include "events/arguments.h"

#include <algorithm>

#include "base/ascii.h"

namespace annals::events {
namespace {

TargetSlot Slot(TargetSlot::Kind kind) {
  TargetSlot s;
  s.kind = kind;
  return s;
}

TargetSlot Obl(std::string prep) {
  TargetSlot s;
  s.kind = TargetSlot::Kind::kObl;
  s.prep = std::move(prep);
  return s;
}

// Where a pattern without target= looks, in order.
const std::vector<TargetSlot>& DefaultTargetSlots() {
  using K = TargetSlot::Kind;
  static const std::vector<TargetSlot> kSlots = {
      Slot(K::kIobj), Slot(K::kObj), Obl("with"), Obl("to"),   Obl("against"), Obl("on"),
      Obl("from"),    Obl("for"),    Obl("at"),   Obl("into"), Slot(K::kPass), Slot(K::kDeep)};
  return kSlots;
}

}  // namespace

std::vector<int32_t> ArgumentFinder::QuoteSpeakers(int32_t t) const {
  std::vector<int32_t> out;
  if (quotes_.SpeechCueOf(t) < 0) return out;
  const int32_t q = quotes_.QuoteAt(t);
  const int32_t m = s_.doc().quotes[static_cast<size_t>(q)].speaker;
  if (m < 0) return out;
  // The speaker phrase names the actors ("Hamas officials", "Starmer and
  // Modi"): the political actors its head word stands for.
  const Mention& men = s_.doc().mentions[static_cast<size_t>(m)];
  for (uint32_t x = men.token_begin; x < men.token_end; ++x) {
    const int32_t h = s_.head(static_cast<int32_t>(x));
    if (s_.Contains(static_cast<int32_t>(x)) && (h < static_cast<int32_t>(men.token_begin) || h >= static_cast<int32_t>(men.token_end))) {
      s_.ActorsOf(static_cast<int32_t>(x), &out);
      break;
    }
  }
  if (out.empty() && s_.Political(m)) out.push_back(m);
  return out;
}

int32_t ArgumentFinder::SentenceOpeningActor(int32_t before) const {
  for (int32_t t = static_cast<int32_t>(s_.begin()); t < before; ++t) {
    if (s_.IsVerb(t)) return -1;
    const int32_t m = s_.MentionAt(t);
    if (m >= 0 && s_.Political(m)) return t;
  }
  return -1;
}

int32_t ArgumentFinder::SubjectOf(int32_t v, std::vector<std::string>* notes, double* conf,
                                 int depth) const {
  if (v < 0 || depth > CoderSentence::kMaxChain) return -1;
  bool passive = false;
  for (int32_t c : s_.children(v)) {
    std::string_view r = s_.rel(c);
    if (r == "nsubj:pass" || r == "csubj:pass" || r == "aux:pass") passive = true;
  }
  for (int32_t c : s_.children(v)) {
    std::string_view r = s_.rel(c);
    if (r == "nsubj" || r == "nsubj:outer") {
      // "Rutte, who attended ...": the relative pronoun stands for the noun.
      if (s_.InLexicon(Lexicon::kRelativePronoun, c) && s_.base_rel(v) == "acl" && s_.head(v) >= 0) {
        notes->push_back("source:relcl");
        return s_.head(v);
      }
      notes->push_back(depth == 0 ? "source:nsubj" : "source:inherited");
      return c;
    }
  }
  // "Switzerland, in turn, has announced": news text does not address its
  // readers, so an actor the parser took for a vocative before the verb
  // is the subject.
  for (int32_t c : s_.children(v)) {
    if (s_.base_rel(c) == "vocative" && c < v && s_.Political(s_.MentionAt(c))) {
      notes->push_back("source:vocative");
      return c;
    }
  }
  if (passive) {
    for (int32_t c : s_.children(v)) {
      if (s_.base_rel(c) == "obl" && s_.CaseOf(c) == "by") {
        notes->push_back("source:agent");
        return c;
      }
    }
    return -1;
  }
  int32_t g = s_.head(v);
  if (g < 0) return -1;
  std::string_view r = s_.base_rel(v);
  *conf -= 0.05;
  if (r == "xcomp") {
    int32_t o = s_.Child(g, "obj");
    if (o >= 0 && s_.InLexicon(Lexicon::kObjectControl, g)) {
      notes->push_back("source:controller");
      return o;
    }
    return SubjectOf(g, notes, conf, depth + 1);
  }
  if (r == "conj" && !s_.IsVerb(g) && s_.Child(g, "nsubj") < 0 && s_.Political(s_.MentionAt(g))) {
    // "French President Emmanuel Macron, ..., and suggested Geneva": the
    // parser made the subject the root and the verbs its conjuncts.
    notes->push_back("source:conj-head");
    return g;
  }
  if (r == "conj" || r == "advcl") return SubjectOf(g, notes, conf, depth + 1);
  // "Russia, accusing Kyiv of ...": a participle modifying an actor. Not
  // "the meeting to send troops" (an infinitival relative).
  if (r == "acl" && !s_.IsVerb(g) && s_.CaseOf(v).empty() && s_.Political(s_.MentionAt(g))) {
    notes->push_back("source:acl");
    return g;
  }
  return -1;
}

std::vector<int32_t> ArgumentFinder::TargetsBySlot(int32_t t, const TargetSlot& slot,
                                                   const std::vector<int32_t>& sources,
                                                   std::vector<std::string>* notes) const {
  using K = TargetSlot::Kind;
  std::vector<int32_t> out;
  switch (slot.kind) {
    case K::kDeep: {
      std::vector<int32_t> frontier;
      for (int32_t c : s_.children(t)) {
        if (In(s_.base_rel(c), {"obj", "xcomp", "obl", "nmod", "acl"})) frontier.push_back(c);
      }
      out = DeepTargets(std::move(frontier), sources);
      break;
    }
    case K::kComp:
      // "demanded that Japan stop": the subject of the complement clause.
      for (int32_t c : s_.children(t)) {
        if (!In(s_.base_rel(c), {"ccomp", "xcomp"})) continue;
        int32_t subj = s_.Child(c, "nsubj");
        if (subj >= 0) s_.ActorsOf(subj, &out);
      }
      break;
    case K::kSubj:
      // "NATO membership for Ukraine is off the table": the actor the
      // subject is about, else the subject itself.
      for (int32_t c : s_.children(t)) {
        if (s_.base_rel(c) != "nsubj") continue;
        out = DeepTargets({s_.children(c).begin(), s_.children(c).end()}, sources);
        if (out.empty()) s_.ActorsOf(c, &out);
      }
      break;
    case K::kNone:
      return out;
    case K::kObl:
      for (int32_t c : s_.Obliques(t)) {
        if (s_.CaseOf(c) == slot.prep) s_.ActorsOf(c, &out);
      }
      break;
    case K::kObj:
    case K::kIobj:
    case K::kPass:
    case K::kPoss:
    case K::kMod:
      for (int32_t c : s_.children(t)) {
        bool hit = false;
        switch (slot.kind) {
          case K::kObj: hit = In(s_.rel(c), {"obj", "iobj"}); break;
          case K::kIobj: hit = s_.rel(c) == "iobj"; break;
          case K::kPass: hit = s_.rel(c) == "nsubj:pass"; break;
          case K::kPoss: hit = s_.rel(c) == "nmod:poss"; break;
          case K::kMod: hit = In(s_.base_rel(c), {"amod", "compound"}); break;
          default: break;
        }
        if (hit) s_.ActorsOf(c, &out);
      }
      break;
  }
  if (!out.empty()) notes->push_back("target:" + slot.Name());
  return out;
}

std::vector<int32_t> ArgumentFinder::DeepTargets(std::vector<int32_t> frontier,
                                                const std::vector<int32_t>& sources) const {
  // Breadth-first through objects and complements, nearest actor first. An
  // actor of the source's own country ("US troops" under a US source) is the
  // means, not the target, and is passed over.
  std::vector<int32_t> out;
  auto own_side = [&](int32_t m) {
    for (int32_t s : sources) {
      if (s < 0) continue;  // the unknown perpetrator has no side
      if (s_.doc().mentions[static_cast<size_t>(s)].actor.country == s_.doc().mentions[static_cast<size_t>(m)].actor.country) {
        return true;
      }
    }
    return false;
  };
  for (int level = 0; level < 6 && !frontier.empty() && out.empty(); ++level) {
    std::vector<int32_t> next;
    for (int32_t x : frontier) {
      std::string_view cs = s_.CaseOf(x);
      int32_t h = s_.head(x);
      // A bare obl (no case marker) is usually a mis-attached object.
      bool bare_obl = s_.base_rel(x) == "obl" && s_.CaseOf(x).empty();
      bool attached = s_.rel(x) == "nmod:poss" || bare_obl ||
                      s_.dict().InLexicon(Lexicon::kPartnerPrep, cs) ||
                      (In(s_.base_rel(x), {"obj", "iobj"}) && h >= 0 && s_.IsVerb(h));
      if (attached) {
        std::vector<int32_t> found;
        s_.ActorsOf(x, &found);
        // Inside a phrase opened by one of these prepositions any actor is
        // its participant, however the parser shaped the phrase ("from the
        // US worth 100 billion dollars", with "US" under "worth").
        if (found.empty() && s_.Child(x, "case") >= 0) {
          for (int32_t t : s_.Subtree(x)) {
            const int32_t m = s_.MentionAt(t);
            if (s_.Political(m)) {
              found.push_back(m);
              break;
            }
          }
        }
        for (int32_t m : found) {
          if (!own_side(m)) out.push_back(m);
        }
      }
      for (int32_t c : s_.children(x)) {
        // Conjoined clauses are events of their own; a conjoined nominal
        // ("with European financing, a package of weapons from the US")
        // is still an argument.
        const bool clause = s_.base_rel(c) == "conj" && (s_.IsVerb(c) || s_.Child(c, "nsubj") >= 0);
        if (!clause && !In(s_.base_rel(c), {"parataxis", "advcl", "nsubj", "csubj"})) next.push_back(c);
      }
    }
    frontier = std::move(next);
  }
  return out;
}

void ArgumentFinder::Pair(const std::vector<int32_t>& sources, const std::vector<int32_t>& targets,
                         bool reciprocal, Arguments* c) const {
  auto same = [&](int32_t a, int32_t b) {
    if (a < 0 || b < 0) return a == b;
    const ActorRef& x = s_.doc().mentions[static_cast<size_t>(a)].actor;
    const ActorRef& y = s_.doc().mentions[static_cast<size_t>(b)].actor;
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

void ArgumentFinder::SpeakerForPronoun(int32_t t, int32_t subj, std::vector<int32_t>* sources,
                                      Arguments* c) const {
  // "Iran said it was ready": an unresolved third-person pronoun subject of
  // reported speech is taken to be the speaker.
  if (!sources->empty() || subj < 0 || s_.tok(subj).upos != "PRON" ||
      !s_.InLexicon(Lexicon::kSpeakerPronoun, subj)) {
    return;
  }
  *sources = QuoteSpeakers(t);
  if (sources->empty()) return;
  c->notes.push_back("source:pronoun=speaker");
  c->confidence -= 0.15;
}

std::vector<int32_t> ArgumentFinder::ClauseWords(int32_t t) const {
  // The clause of t, and for a participle without a subject of its own ("A
  // bomb explodes in Moscow, killing two people") the governing verb and
  // its subject, which are the participle's too.
  std::vector<int32_t> out = s_.Subtree(t);
  const int32_t g = InheritedClause(t);
  if (g >= 0) {
    out.push_back(g);
    const int32_t gs = s_.Child(g, "nsubj");
    if (gs >= 0) {
      for (int32_t x : s_.Subtree(gs)) out.push_back(x);
    }
  }
  return out;
}

int32_t ArgumentFinder::InheritedClause(int32_t t) const {
  // An active participle or coordinated verb with no subject of its own.
  if (s_.Child(t, "nsubj") >= 0 || s_.Child(t, "nsubj:pass") >= 0 || s_.Child(t, "aux:pass") >= 0) return -1;
  if (!In(s_.base_rel(t), {"advcl", "conj"})) return -1;
  const int32_t g = s_.head(t);
  return g >= 0 && s_.IsVerb(g) ? g : -1;
}

bool ArgumentFinder::ViolentClause(int32_t t) const {
  // A violent means in the clause ("in an airstrike", "a car bomb killed",
  // "gunmen opened fire"), unless an accidental word names it ("a lightning
  // strike").
  for (int32_t x : ClauseWords(t)) {
    // Means are named by nouns: "a train strikes five civilians" is no strike.
    if (x == t || s_.IsVerb(x) || !s_.InLexicon(Lexicon::kViolentMeans, x)) continue;
    bool accidental = false;
    for (int32_t c : s_.children(x)) {
      if (s_.InLexicon(Lexicon::kAccidentalCause, c)) accidental = true;
    }
    if (!accidental) return true;
  }
  return false;
}

bool ArgumentFinder::ImpliesPerpetrator(int32_t t, const std::vector<int32_t>& victims) const {
  // Accidents kill too: a neutral verb ("killed", "injured") implies a
  // perpetrator only with a violent means in its clause ("in an airstrike",
  // "a car bomb killed") or combatants among its victims ("soldiers").
  if (s_.InLexicon(Lexicon::kPerpetratorVerb, t)) return true;
  if (ViolentClause(t)) return true;
  for (int32_t v : victims) {
    const std::string& sector = s_.doc().mentions[static_cast<size_t>(v)].actor.sector;
    if (!sector.empty() && s_.dict().InLexicon(Lexicon::kCombatantSector, AsciiLower(sector))) return true;
  }
  return false;
}

bool ArgumentFinder::UnnamedPerpetrator(int32_t t) const {
  int32_t subj = -1;
  bool passive = false;
  for (int32_t c : s_.children(t)) {
    const std::string_view r = s_.rel(c);
    if (r == "nsubj:pass" || r == "aux:pass") passive = true;
    if (r == "nsubj") subj = c;
  }
  // An accidental or natural cause anywhere in the clause ("killed in an
  // earthquake", "a landslide killed") -- unless the clause also names a
  // violent means, which is what exploded or set the fire ("a bomb
  // explodes, killing", "gunmen opened fire").
  if (!ViolentClause(t)) {
    for (int32_t x : ClauseWords(t)) {
      if (s_.InLexicon(Lexicon::kAccidentalCause, x)) return false;
    }
  }
  // A participle without a subject of its own has its governor's ("A bomb
  // explodes in Moscow, killing two people").
  if (subj < 0 && !passive) {
    const int32_t g = InheritedClause(t);
    if (g >= 0) subj = s_.Child(g, "nsubj");
  }
  if (passive) {
    // A "by" agent that names no one ("by a roadside bomb") leaves it unnamed.
    for (int32_t c : s_.children(t)) {
      if (s_.base_rel(c) == "obl" && s_.CaseOf(c) == "by" && s_.MentionAt(c) >= 0) return false;
    }
    return true;
  }
  // An active verb whose subject is a means or an event, not a mention. A
  // place named in a phrase of the subject ("an airstrike near a market in
  // Injar, Niger") is where, not who: only the agentive "by"/"of"/"from"
  // phrases ("an attack by Hamas") can name the perpetrator.
  if (subj < 0 || s_.tok(subj).upos == "PRON" || s_.tok(subj).upos == "PROPN") return false;
  for (int32_t x : s_.Subtree(subj)) {
    if (s_.MentionAt(x) < 0) continue;
    bool where = false;
    for (int32_t a = x; a >= 0 && a != subj; a = s_.head(a)) {
      const std::string_view cs = s_.CaseOf(a);
      if (!cs.empty() && cs != "by" && cs != "of" && cs != "from") where = true;
    }
    if (!where) return false;
  }
  return true;
}

std::vector<int32_t> ArgumentFinder::Victims(int32_t t) const {
  std::vector<int32_t> out;
  for (int32_t c : s_.children(t)) {
    const std::string_view r = s_.rel(c);
    if (r != "nsubj:pass" && r != "obj") continue;
    for (int32_t x : {c}) {
      const int32_t m = s_.MentionAt(x);
      if (m >= 0 && !s_.doc().mentions[static_cast<size_t>(m)].actor.code.empty()) {
        out.push_back(m);
      } else {
        s_.ActorsOf(x, &out);
      }
      // Conjoined victims: "two soldiers and a civilian".
      for (int32_t g : s_.children(x)) {
        if (s_.base_rel(g) != "conj") continue;
        const int32_t gm = s_.MentionAt(g);
        if (gm >= 0 && !s_.doc().mentions[static_cast<size_t>(gm)].actor.code.empty()) out.push_back(gm);
      }
    }
  }
  return out;
}

void ArgumentFinder::VerbArgs(const Pattern& p, int32_t t, Arguments* c, bool material_conflict) const {
  std::vector<int32_t> sources;
  if (p.source_slot == SourceSlot::kSpeaker) {
    sources = QuoteSpeakers(t);
    if (!sources.empty()) c->notes.push_back("source:speaker");
  } else if (p.source_slot == SourceSlot::kPoss) {
    for (int32_t ch : s_.children(t)) {
      if (s_.rel(ch) == "nmod:poss") s_.ActorsOf(ch, &sources);
    }
  } else {
    int32_t subj = SubjectOf(t, &c->notes, &c->confidence);
    s_.ActorsOf(subj, &sources);
    SpeakerForPronoun(t, subj, &sources, c);
    // "X assured that ..., and suggested Geneva": a coordinated clause the
    // parser attached as advcl/ccomp, with some non-actor as its subject.
    if (sources.empty() && s_.Child(t, "cc") >= 0 && In(s_.base_rel(t), {"advcl", "ccomp"}) &&
        s_.head(t) >= 0) {
      s_.ActorsOf(SubjectOf(s_.head(t), &c->notes, &c->confidence), &sources);
      if (!sources.empty()) c->notes.push_back("source:coordinated");
    }
    // A coordinated verb ("..., and suggested Geneva") whose subject the
    // parse does not reach: the subject of a coordinated predicate is the
    // sentence's, so take the political actor that opens the sentence
    // before its first verb.
    // Not for a passive: its subject is who suffered it ("One person is
    // killed and 35 others are injured").
    if (sources.empty() && s_.Child(t, "cc") >= 0 && s_.Child(t, "nsubj:pass") < 0 && s_.Child(t, "aux:pass") < 0) {
      const int32_t opener = SentenceOpeningActor(t);
      // Nor when that actor is who suffered the first verb ("One person is
      // killed and another injured").
      if (opener >= 0 && s_.rel(opener) != "nsubj:pass") {
        s_.ActorsOf(opener, &sources);
        c->notes.push_back("source:sentence-subject");
        c->confidence -= 0.15;
      }
    }
  }
  const bool unknown = sources.empty() && material_conflict && p.source_slot == SourceSlot::kSubject &&
                       UnnamedPerpetrator(t);
  if (unknown) sources.push_back(kUnknownActor);
  if (sources.empty()) return;

  const std::vector<TargetSlot>& slots = p.target_slots.empty() ? DefaultTargetSlots() : p.target_slots;
  std::vector<int32_t> targets;
  for (const TargetSlot& slot : slots) {
    for (int32_t m : TargetsBySlot(t, slot, sources, &c->notes)) {
      bool self = std::find(sources.begin(), sources.end(), m) != sources.end();
      if (!self) targets.push_back(m);
    }
    if (!targets.empty()) {
      if (slot.kind == TargetSlot::Kind::kDeep) c->confidence -= 0.15;
      break;
    }
  }
  if (targets.empty() && !unknown) {
    targets = PlaceTargets(p, t);
    if (!targets.empty()) c->notes.push_back("target:place");
  }
  if (unknown) {
    // Only with a victim: an unknown perpetrator of nothing says nothing.
    if (targets.empty()) targets = Victims(t);
    if (targets.empty() || !ImpliesPerpetrator(t, targets)) return;
    c->notes.push_back("source:unknown");
    c->confidence -= 0.2;
  }
  Pair(sources, targets, p.reciprocal, c);
}

std::vector<int32_t> ArgumentFinder::PlaceTargets(const Pattern& p, int32_t t) const {
  std::vector<int32_t> out;
  const std::string& code = p.code;
  if (!s_.dict().InLexicon(Lexicon::kPlaceTargetCode, code.substr(0, 2)) &&
      !s_.dict().InLexicon(Lexicon::kPlaceTargetCode, code.substr(0, 3))) {
    return out;
  }
  std::vector<int32_t> heads = {t};
  const int32_t o = s_.Child(t, "obj");
  if (o >= 0) heads.push_back(o);
  for (int32_t h : heads) {
    for (int32_t ch : s_.children(h)) {
      if (!In(s_.base_rel(ch), {"obl", "nmod"}) ||
          !s_.dict().InLexicon(Lexicon::kPlaceTargetPrep, std::string(s_.CaseOf(ch)))) {
        continue;
      }
      // A country, or a place the gazetteer knows: "in a meeting with
      // Putin" names no place.
      std::vector<int32_t> actors;
      s_.ActorsOf(ch, &actors);
      for (int32_t m : actors) {
        const Mention& men = s_.doc().mentions[static_cast<size_t>(m)];
        const bool place = men.actor.type == "country" ||
                           (men.token_end > men.token_begin && s_.InPlace(static_cast<int32_t>(men.token_begin)));
        if (place && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      }
    }
  }
  return out;
}

int32_t ArgumentFinder::CompoundActor(int32_t x) const {
  for (int32_t ch : s_.children(x)) {
    if (In(s_.base_rel(ch), {"compound", "nmod:poss"}) && ch < x && s_.Political(s_.MentionAt(ch))) return ch;
  }
  return -1;
}

void ArgumentFinder::NounArgs(const Pattern& p, int32_t n, Arguments* c) const {
  std::vector<int32_t> sources;
  std::vector<int32_t> targets;
  std::vector<int32_t> between;
  c->confidence -= 0.1;
  for (int32_t ch : s_.children(n)) {
    std::string_view r = s_.rel(ch);
    std::string_view b = s_.base_rel(ch);
    std::string_view cs = s_.CaseOf(ch);
    if (r == "nmod:poss" || ((b == "amod" || b == "compound") && s_.Political(s_.MentionAt(ch)))) {
      s_.ActorsOf(ch, &sources);
      c->notes.push_back("source:" + std::string(r));
    } else if (b == "compound" && s_.MentionAt(ch) < 0 && ch < n && s_.tok(ch).xpos == "NNS" &&
               CompoundActor(ch) >= 0) {
      // "The Israeli army conducts airstrikes on Rafah" tagged as one noun
      // compound (army -> conducts -> airstrikes): a headline verb the
      // tagger took for a plural noun between the actor and the event noun
      // still joins them.
      s_.ActorsOf(CompoundActor(ch), &sources);
      c->notes.push_back("source:compound-chain");
      c->confidence -= 0.1;
    } else if ((b == "nmod" || b == "obl") && cs == "between") {
      s_.ActorsOf(ch, &between);
      c->notes.push_back("participants:between");
    } else if (b == "nmod" && cs.empty() && !between.empty()) {
      // "between President Putin and President Zelensky" with the second
      // conjunct parsed as a bare nmod of the noun.
      std::vector<int32_t> sub = s_.Subtree(ch);
      if (!sub.empty() && s_.base_rel(sub.front()) == "cc") s_.ActorsOf(ch, &between);
    } else if ((b == "nmod" || b == "obl") &&
               s_.dict().InLexicon(Lexicon::kNounPartnerPrep, cs)) {
      s_.ActorsOf(ch, &targets);
      c->notes.push_back("target:nmod:" + std::string(cs));
    }
  }
  // "Regarding the call with Putin, ...": a PP right after the noun that the
  // parser attached to the verb still names the noun's partner.
  if (targets.empty() && between.empty() && s_.head(n) >= 0) {
    std::vector<int32_t> sub = s_.Subtree(n);
    int32_t next = sub.empty() ? -1 : sub.back() + 1;
    for (int32_t sib : s_.children(s_.head(n))) {
      if (sib == n || !In(s_.base_rel(sib), {"obl", "nmod"})) continue;
      std::vector<int32_t> ss = s_.Subtree(sib);
      if (ss.empty() || ss.front() != next) continue;
      std::string_view cs = s_.CaseOf(sib);
      if (cs == "between") s_.ActorsOf(sib, &between);
      else if (s_.dict().InLexicon(Lexicon::kAdjacentPartnerPrep, cs)) s_.ActorsOf(sib, &targets);
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
  int32_t g = s_.head(n);
  std::string_view r = s_.base_rel(n);
  if (sources.empty() && g >= 0) {
    if (r == "obj" || (r == "obl" && s_.InLexicon(Lexicon::kLightVerb, g))) {
      int32_t subj = SubjectOf(g, &c->notes, &c->confidence);
      s_.ActorsOf(subj, &sources);
      SpeakerForPronoun(g, subj, &sources, c);
      for (const TargetSlot& slot : {Obl("with"), Slot(TargetSlot::Kind::kIobj), Obl("to")}) {
        for (int32_t m : TargetsBySlot(g, slot, sources, &c->notes)) targets.push_back(m);
      }
      c->notes.push_back("source:light_verb:" + s_.lemma(g));
    } else if (r == "nsubj" || r == "nsubj:pass") {
      // "Clashes erupt in Aleppo between X and Y", "fighting is reported
      // between X and Y": the clause of which the event is the subject
      // takes its participants.
      std::vector<int32_t> among;
      for (int32_t ch : s_.children(g)) {
        if (In(s_.base_rel(ch), {"obl", "nmod"}) && s_.CaseOf(ch) == "between") s_.ActorsOf(ch, &among);
      }
      if (targets.empty() && among.size() >= 2) {
        Pair(among, {}, true, c);
        c->notes.push_back("participants:clause-between");
        return;
      }
      // "The talks brought together Russia and Ukraine".
      std::vector<int32_t> parts;
      s_.ActorsOf(s_.Child(g, "obj"), &parts);
      for (int32_t m : TargetsBySlot(g, Obl("with"), sources, &c->notes)) parts.push_back(m);
      if (targets.empty() && parts.size() >= 2) {
        Pair(parts, {}, true, c);
        c->notes.push_back("participants:clause");
        return;
      }
    } else if (!targets.empty() && In(r, {"obl", "nmod"})) {
      // "Regarding the call with Putin, Trump said ...": the clause subject.
      int32_t x = g;
      for (int d = 0; x >= 0 && d < CoderSentence::kMaxChain && !s_.IsVerb(x) && s_.Child(x, "nsubj") < 0; ++d) x = s_.head(x);
      if (x >= 0) {
        s_.ActorsOf(SubjectOf(x, &c->notes, &c->confidence), &sources);
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

}  // namespace annals::events
