// SentenceView: child lists and guarded tree walks over one parsed sentence.
#include "events/sentence_view.h"

#include <algorithm>

namespace annals::events {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

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

SentenceView::SentenceView(const Document& doc, uint32_t sentence,
                           const std::vector<int32_t>& mention_at, const PatternDictionary* dict)
    : doc_(doc), sentence_(sentence), mention_at_(mention_at) {
  const Sentence& s = doc.sentences[sentence];
  begin_ = std::min<uint32_t>(s.token_begin, static_cast<uint32_t>(doc.tokens.size()));
  end_ = std::min<uint32_t>(std::max(s.token_end, begin_), static_cast<uint32_t>(doc.tokens.size()));
  const size_t n = end_ - begin_;
  lemmas_.resize(n);
  verbal_.assign(n, false);
  std::vector<std::string> cands;
  std::vector<bool> cand_verbal;
  heads_.assign(n, -1);
  rels_.assign(n, std::string_view());
  children_.resize(n);
  for (uint32_t t = begin_; t < end_; ++t) {
    const Token& tok = doc.tokens[t];
    std::string& lemma = lemmas_[t - begin_];
    lemma = AsciiLower(tok.lemma.empty() || tok.lemma == "_" ? tok.form : tok.lemma);
    if (dict != nullptr && !dict->Knows(lemma)) {
      const std::string form = AsciiLower(tok.form);
      if (std::string_view irr = dict->IrregularLemma(form); !irr.empty()) {
        lemma = std::string(irr);
        verbal_[t - begin_] = true;
      } else {
        cands.clear();
        cand_verbal.clear();
        FormCandidates(form, &cands, &cand_verbal);
        for (size_t i = 0; i < cands.size(); ++i) {
          if (dict->Knows(cands[i])) {
            lemma = cands[i];
            verbal_[t - begin_] = cand_verbal[i];
            break;
          }
        }
      }
    }
    // A head outside the sentence, or a self-loop, is treated as a root: the
    // coder must not leave the sentence or loop on a bad parse.
    if (tok.head >= 0 && Contains(tok.head) && tok.head != static_cast<int32_t>(t)) {
      heads_[t - begin_] = tok.head;
    }
  }
  // Punctuation never heads a word in UD; a word the parser hung on a dash
  // or comma ("the possibility - still remote - of the meeting") is read
  // as hanging from the punctuation's own head.
  for (uint32_t t = begin_; t < end_; ++t) {
    if (doc.tokens[t].upos == "PUNCT") continue;
    int32_t h = heads_[t - begin_];
    for (int hop = 0; h >= 0 && doc.tokens[static_cast<size_t>(h)].upos == "PUNCT" && hop < 8; ++hop) {
      h = heads_[static_cast<uint32_t>(h) - begin_];
    }
    if (h == static_cast<int32_t>(t)) h = -1;
    heads_[t - begin_] = h;
  }
  for (uint32_t t = begin_; t < end_; ++t) {
    const int32_t h = heads_[t - begin_];
    if (h >= 0) children_[static_cast<size_t>(h) - begin_].push_back(static_cast<int32_t>(t));
  }
  // "the talks in Washington with Trump, Zelensky and ...": a conjunct
  // of a prepositional phrase that has a preposition of its own and no
  // conjunction is a second phrase of the same head, not a coordination.
  for (uint32_t t = begin_; t < end_; ++t) {
    const auto x = static_cast<int32_t>(t);
    const int32_t h = heads_[t - begin_];
    if (h < 0 || doc.tokens[t].deprel != "conj") continue;
    const std::string_view hrel = base_rel(h);
    if (hrel != "nmod" && hrel != "obl") continue;
    const std::string_view own = CaseOf(x);
    if (own.empty() || own == CaseOf(h) || Child(x, "cc") >= 0) continue;
    const int32_t g = heads_[static_cast<size_t>(h) - begin_];
    std::vector<int32_t>& from = children_[static_cast<size_t>(h) - begin_];
    from.erase(std::find(from.begin(), from.end(), x));
    if (g >= 0) {
      std::vector<int32_t>& to = children_[static_cast<size_t>(g) - begin_];
      to.insert(std::upper_bound(to.begin(), to.end(), x), x);
    }
    heads_[t - begin_] = g;
    rels_[t - begin_] = hrel == "nmod" ? "nmod" : "obl";
  }
}

std::string_view SentenceView::base_rel(int32_t t) const {
  std::string_view r = rel(t);
  size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

int32_t SentenceView::Child(int32_t t, std::string_view r) const {
  for (int32_t c : children(t)) {
    if (rel(c) == r || base_rel(c) == r) return c;
  }
  return -1;
}

bool SentenceView::HasChildLemma(int32_t t, std::string_view r, std::string_view l) const {
  for (int32_t c : children(t)) {
    if ((rel(c) == r || base_rel(c) == r) && lemma(c) == l) return true;
  }
  return false;
}

std::string_view SentenceView::CaseOf(int32_t t) const {
  for (int32_t c : children(t)) {
    std::string_view b = base_rel(c);
    if (b == "case" || b == "mark") return lemma(c);
  }
  // "with Marco Rubio" with the preposition hung on "Marco": the phrase's
  // first word still marks it.
  for (int32_t c : children(t)) {
    if (c > t) break;
    for (int32_t g : children(c)) {
      if (g < c && base_rel(g) == "case") return lemma(g);
    }
  }
  return {};
}

bool SentenceView::InSubtree(int32_t t, int32_t root) const {
  for (int depth = 0; Contains(t) && depth < kMaxDepth; ++depth) {
    if (t == root) return true;
    t = head(t);
  }
  return false;
}

std::vector<int32_t> SentenceView::Subtree(int32_t root) const {
  std::vector<int32_t> out;
  if (!Contains(root)) return out;
  std::vector<std::pair<int32_t, int>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [t, depth] = stack.back();
    stack.pop_back();
    out.push_back(t);
    if (depth >= kMaxDepth) continue;
    for (int32_t c : children(t)) stack.push_back({c, depth + 1});
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool SentenceView::IsVerb(int32_t t) const {
  const std::string& u = tok(t).upos;
  return u == "VERB" || u == "AUX";
}

bool SentenceView::IsNoun(int32_t t) const {
  const std::string& u = tok(t).upos;
  return u == "NOUN" || u == "PROPN";
}

bool SentenceView::IsAdj(int32_t t) const { return tok(t).upos == "ADJ"; }

bool SentenceView::Negated(int32_t t) const {
  for (int32_t c : children(t)) {
    std::string_view b = base_rel(c);
    const std::string& l = lemma(c);
    if ((b == "advmod" || b == "neg" || b == "part") &&
        (l == "not" || l == "n't" || l == "never")) {
      return true;
    }
    if (b == "det" && l == "no") return true;
  }
  return false;
}

}  // namespace annals::events
