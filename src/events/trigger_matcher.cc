// Trigger matching (see trigger_matcher.h).
#include "events/trigger_matcher.h"

#include <algorithm>
#include <utility>

namespace annals::events {

bool TriggerMatcher::PosOk(const Pattern& p, int32_t t) const {
  if (p.pos == PosClass::kAny || s_.tok(t).upos.empty()) return true;
  switch (p.pos) {
    // A past form the tagger called a noun ("spoke", "declined") still passes.
    case PosClass::kVerb: return s_.IsVerb(t) || s_.VerbalForm(t);
    case PosClass::kNoun: return s_.IsNoun(t);
    case PosClass::kAdj: return s_.IsAdj(t) || s_.tok(t).upos == "VERB";  // "prepared", "committed"
    case PosClass::kAny: return true;
  }
  return true;
}

bool TriggerMatcher::FindParticles(const Pattern& p, int32_t t, std::vector<int32_t>* found) const {
  for (const std::string& part : p.particles) {
    int32_t hit = -1;
    for (int32_t c : s_.children(t)) {
      if (s_.lemma(c) == part) {
        hit = c;
        break;
      }
      // "call on X": "on" may be the case marker of the object instead.
      for (int32_t g : s_.children(c)) {
        if (s_.lemma(g) == part && In(s_.base_rel(g), {"case", "mark"})) {
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

bool TriggerMatcher::ArgOk(const Constraint& c, int32_t a) const {
  if (c.any) return true;
  if (c.actor) {
    std::vector<int32_t> actors;
    s_.ActorsOf(a, &actors);
    if (!actors.empty()) return true;
  }
  if (c.place && s_.InPlace(a)) return true;
  if (c.place) {
    // A capitalised name no dictionary or gazetteer knows ("M23 captures
    // Sange", "travelled to Heglig"): where a place is expected, news names
    // small places the gazetteer lacks far more often than anything else.
    const int32_t m = s_.MentionAt(a);
    if (m >= 0) {
      const Mention& men = s_.doc().mentions[static_cast<size_t>(m)];
      if (men.actor.code.empty() && men.actor.type == "unknown") return true;
    }
  }
  return std::find(c.lemmas.begin(), c.lemmas.end(), s_.lemma(a)) != c.lemmas.end();
}

bool TriggerMatcher::ConstraintOk(const Constraint& c, int32_t t) const {
  using K = Constraint::Kind;
  std::vector<int32_t> args;
  switch (c.kind) {
    case K::kNeg: return s_.Negated(t) == c.negated;
    case K::kObj: {
      // The parser often labels a single object iobj ("urged Putin to").
      int32_t o = s_.Child(t, "obj");
      if (o < 0) o = s_.Child(t, "iobj");
      if (o >= 0) args.push_back(o);
      // A second object is the parser splitting one noun phrase ("launch
      // surface-to-air missiles" with "surface" and "missiles" both objects).
      for (int32_t ch : s_.children(t)) {
        if (ch != o && s_.rel(ch) == "obj") args.push_back(ch);
      }
      // An amount as the object ("provide $2.5 billion in aid", "500 tonnes
      // of food"): what it measures is the object too.
      // A quantity noun likewise stands for its "of" complement ("released
      // dozens of activists" has obj=activist), as it does for actors.
      const bool quantity = o >= 0 && s_.InLexicon(Lexicon::kQuantityNoun, o);
      if (o >= 0 && (quantity || s_.tok(o).upos == "SYM" || s_.tok(o).upos == "NUM" || s_.InAmount(o))) {
        for (int32_t ch : s_.children(o)) {
          // "$340 million for assistance": an amount's purpose is what it
          // measures too.
          if (s_.base_rel(ch) != "nmod" || !In(s_.CaseOf(ch), {"in", "of", "for"})) continue;
          if (quantity && s_.CaseOf(ch) != "of") continue;
          args.push_back(ch);
          // "in bilateral and multilateral aid", parsed with "aid" a conjunct.
          for (int32_t g : s_.children(ch)) {
            if (s_.base_rel(g) == "conj") args.push_back(g);
          }
        }
      }
      break;
    }
    case K::kIobj: {
      int32_t o = s_.Child(t, "iobj");
      if (o >= 0) args.push_back(o);
      break;
    }
    case K::kSubj:
      for (int32_t ch : s_.children(t)) {
        if (s_.base_rel(ch) == "nsubj") args.push_back(ch);
      }
      break;
    case K::kXcomp:
      for (int32_t ch : s_.children(t)) {
        std::string_view r = s_.base_rel(ch);
        if (r == "xcomp" || (s_.IsNoun(t) && r == "acl") ||
            ((r == "nmod" || r == "acl") && s_.CaseOf(ch) == "of" && s_.tok(ch).upos == "VERB")) {
          args.push_back(ch);
        }
      }
      break;
    case K::kObl:
      for (int32_t ch : s_.Obliques(t)) {
        if (c.prep == "*" || s_.CaseOf(ch) == c.prep) args.push_back(ch);
      }
      break;
    case K::kMod:
      for (int32_t ch : s_.children(t)) {
        if (In(s_.base_rel(ch), {"amod", "compound"})) args.push_back(ch);
      }
      break;
    case K::kSub: {
      // Any descendant, not crossing into reported speech or another clause
      // with its own subject (sub=troop in "rejects the idea of US troops").
      std::vector<std::pair<int32_t, int>> stack;
      for (int32_t ch : s_.children(t)) {
        // Circumstances ("during the talks") are not the content.
        if (In(s_.base_rel(ch), {"obl", "advmod"}) &&
            !s_.dict().InLexicon(Lexicon::kContentPrep, s_.CaseOf(ch))) {
          continue;
        }
        stack.push_back({ch, 1});
      }
      while (!stack.empty()) {
        auto [x, d] = stack.back();
        stack.pop_back();
        if (In(s_.base_rel(x), {"ccomp", "parataxis", "conj", "advcl", "nsubj", "csubj"}) && s_.head(x) == t) continue;
        if (std::find(c.lemmas.begin(), c.lemmas.end(), s_.lemma(x)) != c.lemmas.end()) return true;
        if (d < 6) {
          for (int32_t ch : s_.children(x)) stack.push_back({ch, d + 1});
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

const Pattern* TriggerMatcher::Match(int32_t t, std::vector<int32_t>* particles) const {
  const Pattern* best = nullptr;
  std::vector<int32_t> best_parts;
  for (const Pattern* p : s_.dict().ForLemma(s_.lemma(t))) {
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

}  // namespace annals::events
