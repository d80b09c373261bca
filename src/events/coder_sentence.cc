// CoderSentence: the coder's view of one sentence (see coder_sentence.h).
#include "events/coder_sentence.h"

#include <algorithm>

#include "base/ascii.h"

namespace annals::events {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 1 && s.substr(s.size() - suffix.size()) == suffix;
}

// Lemma candidates from the surface form when the tagger's lemma is not a
// word the patterns know. English inflection only; `verbal` marks -ed/-ing.
void FormCandidates(std::string_view f, std::vector<std::string>* out, std::vector<bool>* verbal) {
  auto add = [&](std::string s, bool v) {
    out->push_back(std::move(s));
    verbal->push_back(v);
  };
  add(std::string(f), false);
  if (EndsWith(f, "ies")) add(std::string(f.substr(0, f.size() - 3)) + "y", false);
  if (EndsWith(f, "es")) add(std::string(f.substr(0, f.size() - 2)), false);
  if (EndsWith(f, "s") && !EndsWith(f, "ss")) add(std::string(f.substr(0, f.size() - 1)), false);
  if (EndsWith(f, "ed")) {
    add(std::string(f.substr(0, f.size() - 1)), true);  // declined -> decline
    add(std::string(f.substr(0, f.size() - 2)), true);  // vetoed -> veto
    if (f.size() > 4 && f[f.size() - 3] == f[f.size() - 4]) add(std::string(f.substr(0, f.size() - 3)), true);
    if (EndsWith(f, "ied")) add(std::string(f.substr(0, f.size() - 3)) + "y", true);
  }
  if (EndsWith(f, "ing")) {
    add(std::string(f.substr(0, f.size() - 3)), true);
    add(std::string(f.substr(0, f.size() - 3)) + "e", true);
    if (f.size() > 5 && f[f.size() - 4] == f[f.size() - 5]) add(std::string(f.substr(0, f.size() - 4)), true);
  }
}

}  // namespace

bool IsPoliticalActor(const Mention& m, const PatternDictionary& dict) {
  if (m.actor.code.empty()) return false;
  const std::string& how = m.actor.country_how;
  if (m.actor.type != "person" && (how == "dateline" || how == "document" || how == "unknown") &&
      !dict.InLexicon(Lexicon::kGuessedCountrySector, AsciiLower(m.actor.sector))) {
    return false;
  }
  if (!m.actor.country.empty()) return true;
  const std::string& t = m.actor.type;
  return t == "igo" || t == "organisation" || t == "armed_group" || t == "party";
}

DocumentFacts::DocumentFacts(const Document& doc) {
  const size_t n = doc.tokens.size();
  in_time.assign(n, 0);
  in_amount.assign(n, 0);
  in_place.assign(n, 0);
  auto mark = [n](std::vector<uint8_t>* v, uint32_t b, uint32_t e) {
    for (uint32_t t = b; t < e && t < n; ++t) (*v)[t] = 1;
  };
  for (const TimeExpr& x : doc.time_exprs) mark(&in_time, x.token_begin, x.token_end);
  for (const Amount& x : doc.amounts) mark(&in_amount, x.token_begin, x.token_end);
  for (const Place& x : doc.places) mark(&in_place, x.token_begin, x.token_end);
}

CoderSentence::CoderSentence(const DependencyView& tree, const DocumentFacts& facts,
                             const PatternDictionary& dict, uint32_t sentence)
    : tree_(tree), facts_(facts), dict_(dict), sentence_(sentence) {
  const Document& doc = tree.doc();
  const Sentence& s = doc.sentences[sentence];
  begin_ = std::min<uint32_t>(s.token_begin, static_cast<uint32_t>(doc.tokens.size()));
  end_ = std::min<uint32_t>(std::max(s.token_end, begin_), static_cast<uint32_t>(doc.tokens.size()));
  const size_t n = end_ - begin_;
  lemmas_.resize(n);
  verbal_.assign(n, false);
  std::vector<std::string> cands;
  std::vector<bool> cand_verbal;
  for (uint32_t t = begin_; t < end_; ++t) {
    std::string& lemma = lemmas_[t - begin_];
    lemma = tree.Lemma(static_cast<int32_t>(t));
    if (!dict.Knows(lemma)) {
      const std::string& form = tree.LowerForm(static_cast<int32_t>(t));
      if (std::string_view irr = dict.IrregularLemma(form); !irr.empty()) {
        lemma = std::string(irr);
        verbal_[t - begin_] = true;
      } else {
        cands.clear();
        cand_verbal.clear();
        FormCandidates(form, &cands, &cand_verbal);
        for (size_t i = 0; i < cands.size(); ++i) {
          if (dict.Knows(cands[i])) {
            lemma = cands[i];
            verbal_[t - begin_] = cand_verbal[i];
            break;
          }
        }
      }
    }
  }
}

bool CoderSentence::Negated(int32_t t) const {
  for (int32_t c : children(t)) {
    std::string_view b = base_rel(c);
    const std::string& l = lemma(c);
    if ((b == "advmod" || b == "neg" || b == "part") && dict_.InLexicon(Lexicon::kNegation, l)) return true;
    if (b == "det" && dict_.InLexicon(Lexicon::kNegatingDet, l)) return true;
  }
  return false;
}

std::vector<int32_t> CoderSentence::Obliques(int32_t t) const {
  std::vector<int32_t> out;
  for (int32_t c : children(t)) {
    std::string_view r = base_rel(c);
    if (r == "obl" || r == "nmod") out.push_back(c);
    if ((r == "obj" || r == "obl") && InTimeExpr(c)) {
      for (int32_t g : children(c)) {
        if (base_rel(g) == "nmod" && CaseOf(g) != "of") out.push_back(g);
      }
    }
  }
  return out;
}

void CoderSentence::ActorsOf(int32_t h, std::vector<int32_t>* out, int depth) const {
  if (h < 0 || depth > 4) return;
  int32_t m = MentionAt(h);
  if (Political(m)) {
    out->push_back(m);
  } else if (m < 0 && (InLexicon(Lexicon::kQuantityNoun, h) || tok(h).upos == "NUM")) {
    // "Thousands of protesters marched", "arrested dozens of activists",
    // "two of the soldiers": a quantity stands for its "of" complement.
    for (int32_t c : children(h)) {
      if (base_rel(c) == "nmod" && CaseOf(c) == "of") ActorsOf(c, out, depth + 1);
    }
  } else {
    // "the president of Russia", "Putin's minister", "US troops", "the
    // Ukrainian president, Volodymyr Zelensky": the actor is a dependent.
    for (int32_t c : children(h)) {
      std::string_view r = rel(c);
      std::string_view b = base_rel(c);
      // A possessor is the actor only for agent nouns ("Putin's foreign
      // minister", "Russia's army"); "Ukraine's allies" are not Ukraine.
      bool agent_noun = InLexicon(Lexicon::kAgentNoun, h);
      bool cand = b == "appos" || b == "flat" || b == "compound" || b == "amod" ||
                  (agent_noun && (r == "nmod:poss" || (b == "nmod" && CaseOf(c) == "of")));
      if (!cand) continue;
      size_t before = out->size();
      int32_t cm = MentionAt(c);
      if (Political(cm)) out->push_back(cm);
      else if (b == "appos" || b == "nmod" || b == "compound") ActorsOf(c, out, depth + 1);
      if (out->size() > before) break;
    }
  }
  for (int32_t c : children(h)) {
    // "between President Putin and President Zelensky" is sometimes parsed
    // with the second conjunct as an nmod or flat that keeps its "and".
    bool conj_like = false;
    if (In(base_rel(c), {"nmod", "flat", "appos", "compound"}) && CaseOf(c).empty()) {
      std::vector<int32_t> sub = Subtree(c);
      conj_like = !sub.empty() && base_rel(sub.front()) == "cc";
    }
    if (base_rel(c) == "conj" || conj_like) ActorsOf(c, out, depth + 1);
    if (base_rel(c) == "appos") {
      for (int32_t g : children(c)) {
        if (base_rel(g) == "conj") ActorsOf(g, out, depth + 1);
      }
    }
  }
}

}  // namespace annals::events
