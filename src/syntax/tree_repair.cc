// Tree repair (see tree_repair.h): safety first, then the two re-hangings.
#include "syntax/tree_repair.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "base/ascii.h"

namespace annals::syntax {
namespace {

// How far a chain of punctuation heads is followed ("-- , --").
constexpr int kMaxPunctHops = 8;

bool IsPunct(const Token& t) { return t.upos == "PUNCT"; }

std::string_view BaseRel(std::string_view r) {
  const size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

// Sentence-local tree: heads as local indices (-1 root) and child lists.
class LocalTree {
 public:
  LocalTree(Document* doc, uint32_t begin, uint32_t end) : doc_(*doc), begin_(begin), n_(end - begin) {
    heads_.assign(n_, -1);
    for (uint32_t i = 0; i < n_; ++i) {
      const int32_t h = doc_.tokens[begin_ + i].head;
      if (h >= static_cast<int32_t>(begin_) && h < static_cast<int32_t>(begin_ + n_) &&
          h != static_cast<int32_t>(begin_ + i)) {
        heads_[i] = h - static_cast<int32_t>(begin_);
      }
    }
    BreakCycles();
  }

  const Token& tok(int32_t i) const { return doc_.tokens[begin_ + static_cast<uint32_t>(i)]; }
  Token& mutable_tok(int32_t i) { return doc_.tokens[begin_ + static_cast<uint32_t>(i)]; }
  int32_t size() const { return static_cast<int32_t>(n_); }
  int32_t head(int32_t i) const { return heads_[static_cast<size_t>(i)]; }
  void set_head(int32_t i, int32_t h) { heads_[static_cast<size_t>(i)] = h; }

  void BuildChildren() {
    children_.assign(n_, {});
    for (int32_t i = 0; i < size(); ++i) {
      if (heads_[static_cast<size_t>(i)] >= 0) children_[static_cast<size_t>(heads_[static_cast<size_t>(i)])].push_back(i);
    }
  }
  std::vector<int32_t>& children(int32_t i) { return children_[static_cast<size_t>(i)]; }
  const std::vector<int32_t>& children(int32_t i) const { return children_[static_cast<size_t>(i)]; }

  // Lower-case lemma of the case/mark marker of a nominal, "" if none; with
  // the marker hung on the phrase's first word ("with Marco Rubio", "with"
  // under "Marco") that word's marker counts.
  std::string_view CaseOf(int32_t x) const {
    for (int32_t c : children_[static_cast<size_t>(x)]) {
      const std::string_view b = BaseRel(tok(c).deprel);
      if (b == "case" || b == "mark") return LemmaOf(c);
    }
    for (int32_t c : children_[static_cast<size_t>(x)]) {
      if (c > x) break;
      for (int32_t g : children_[static_cast<size_t>(c)]) {
        if (g < c && BaseRel(tok(g).deprel) == "case") return LemmaOf(g);
      }
    }
    return {};
  }

  bool HasChildRel(int32_t x, std::string_view rel) const {
    for (int32_t c : children_[static_cast<size_t>(x)]) {
      if (BaseRel(tok(c).deprel) == rel) return true;
    }
    return false;
  }

  // Writes the local heads back as document-level indices.
  void Store() {
    for (int32_t i = 0; i < size(); ++i) {
      const int32_t h = heads_[static_cast<size_t>(i)];
      mutable_tok(i).head = h < 0 ? -1 : static_cast<int32_t>(begin_) + h;
    }
  }

 private:
  std::string_view LemmaOf(int32_t i) const {
    const Token& t = tok(i);
    return (t.lemma.empty() || t.lemma == "_") ? std::string_view(t.form) : std::string_view(t.lemma);
  }

  // O(n): walk each unvisited chain marking it in progress; reaching a node
  // in progress closes a cycle, which is cut at the current node.
  void BreakCycles() {
    std::vector<uint8_t> state(n_, 0);  // 0 new, 1 on the current path, 2 done
    std::vector<int32_t> path;
    for (int32_t t = 0; t < size(); ++t) {
      if (state[static_cast<size_t>(t)] != 0) continue;
      path.clear();
      int32_t cur = t;
      while (true) {
        state[static_cast<size_t>(cur)] = 1;
        path.push_back(cur);
        const int32_t h = heads_[static_cast<size_t>(cur)];
        if (h < 0 || state[static_cast<size_t>(h)] == 2) break;
        if (state[static_cast<size_t>(h)] == 1) {
          heads_[static_cast<size_t>(cur)] = -1;
          break;
        }
        cur = h;
      }
      for (int32_t p : path) state[static_cast<size_t>(p)] = 2;
    }
  }

  Document& doc_;
  uint32_t begin_;
  uint32_t n_;
  std::vector<int32_t> heads_;
  std::vector<std::vector<int32_t>> children_;
};

// Punctuation never heads a word. A word whose punctuation chain ends at
// the sentence root stays where it is: it has no better governor.
void RehangFromPunctuation(LocalTree* tree) {
  for (int32_t t = 0; t < tree->size(); ++t) {
    if (IsPunct(tree->tok(t))) continue;
    int32_t h = tree->head(t);
    if (h < 0 || !IsPunct(tree->tok(h))) continue;
    for (int hop = 0; h >= 0 && IsPunct(tree->tok(h)) && hop < kMaxPunctHops; ++hop) h = tree->head(h);
    // A governor inside t's own subtree would close a cycle.
    bool below = false;
    for (int32_t x = h, d = 0; x >= 0 && d <= tree->size(); x = tree->head(x), ++d) {
      if (x == t) {
        below = true;
        break;
      }
    }
    if (h >= 0 && !IsPunct(tree->tok(h)) && !below) tree->set_head(t, h);
  }
}

// "the talks in Washington with Trump, Zelensky and ...": a PP conjunct with
// its own preposition and no conjunction is a second phrase of the head.
void RehangPpConjuncts(LocalTree* tree) {
  tree->BuildChildren();
  for (int32_t x = 0; x < tree->size(); ++x) {
    const int32_t h = tree->head(x);
    if (h < 0 || tree->tok(x).deprel != "conj") continue;
    const std::string_view hrel = BaseRel(tree->tok(h).deprel);
    if (hrel != "nmod" && hrel != "obl") continue;
    const std::string_view own = tree->CaseOf(x);
    if (own.empty() || EqualsIgnoreAsciiCase(own, tree->CaseOf(h)) ||
        tree->HasChildRel(x, "cc")) {
      continue;
    }
    const int32_t g = tree->head(h);
    std::vector<int32_t>& from = tree->children(h);
    from.erase(std::find(from.begin(), from.end(), x));
    if (g >= 0) {
      std::vector<int32_t>& to = tree->children(g);
      to.insert(std::upper_bound(to.begin(), to.end(), x), x);
    }
    tree->set_head(x, g);
    tree->mutable_tok(x).deprel = hrel == "nmod" ? "nmod" : "obl";
  }
}

// The finite form of a clause: the xpos of its auxiliary or copula, else of
// its head ("is" for "the meeting is a hypothesis", "will" for "will fall").
std::string_view FiniteTag(const LocalTree& tree, int32_t h) {
  for (int32_t c : tree.children(h)) {
    const std::string_view b = BaseRel(tree.tok(c).deprel);
    if (b == "aux" || b == "cop") return tree.tok(c).xpos;
  }
  return tree.tok(h).xpos;
}

bool HasSubject(const LocalTree& tree, int32_t v) {
  for (int32_t c : tree.children(v)) {
    const std::string_view b = BaseRel(tree.tok(c).deprel);
    if (b == "nsubj" || b == "csubj" || b == "expl") return true;
  }
  return false;
}

// "X assured that the meeting is a hypothesis, and suggested Geneva": a
// subjectless verb conjoined to the head of a complement clause, in the
// finite form of the verb that governs the complement and not in the
// complement's own, coordinates with the governing verb.
void RehangCoordinationOutOfComplement(LocalTree* tree) {
  for (int32_t v = 0; v < tree->size(); ++v) {
    const int32_t h = tree->head(v);
    if (h < 0 || tree->tok(v).deprel != "conj" || tree->tok(v).upos != "VERB") continue;
    if (BaseRel(tree->tok(h).deprel) != "ccomp") continue;
    const int32_t g = tree->head(h);
    if (g < 0 || tree->tok(g).upos != "VERB" || !tree->HasChildRel(v, "cc") || HasSubject(*tree, v)) continue;
    const std::string_view vt = FiniteTag(*tree, v);
    if (vt.empty() || vt != FiniteTag(*tree, g) || vt == FiniteTag(*tree, h)) continue;
    if (vt != "VBD" && vt != "VBZ" && vt != "VBP") continue;
    std::vector<int32_t>& from = tree->children(h);
    from.erase(std::find(from.begin(), from.end(), v));
    std::vector<int32_t>& to = tree->children(g);
    to.insert(std::upper_bound(to.begin(), to.end(), v), v);
    tree->set_head(v, g);
  }
}

bool IsFiniteTag(std::string_view x) { return x == "VBD" || x == "VBZ" || x == "VBP"; }

// "Lazo on Saturday expressed condolences", parsed with "on" as the verb's
// "mark" and "Saturday" as its subject: a preposition right before a
// subject, hung on the same verb, makes it a prepositional phrase -- the
// marker becomes its case and the phrase an oblique of the verb.
void DemotePrepositionalSubjects(LocalTree* tree) {
  tree->BuildChildren();
  for (int32_t x = 0; x < tree->size(); ++x) {
    if (BaseRel(tree->tok(x).deprel) != "nsubj" || tree->tok(x).upos == "PRON") continue;
    const int32_t v = tree->head(x);
    if (v < 0) continue;
    // The marker: a case child of x, or an ADP the parser hung on the verb
    // as "mark" right before x.
    int32_t marker = -1;
    if (x > 0 && tree->head(x - 1) == v && BaseRel(tree->tok(x - 1).deprel) == "mark" &&
        tree->tok(x - 1).upos == "ADP") {
      marker = x - 1;
      tree->set_head(marker, x);
      tree->mutable_tok(marker).deprel = "case";
      std::vector<int32_t>& from = tree->children(v);
      from.erase(std::find(from.begin(), from.end(), marker));
      std::vector<int32_t>& to = tree->children(x);
      to.insert(std::upper_bound(to.begin(), to.end(), marker), marker);
    }
    if (marker < 0) continue;
    tree->mutable_tok(x).deprel = "obl";
  }
}

// "Police arrested dozens of protesters", "Cuban Parliament President
// Esteban Lazo (on Saturday) expressed condolences": the parser made the
// opening noun phrase the root and the main verb a modifier of it. A finite
// verb (VBD/VBZ/VBP) -- or a participle with a direct object, which a
// reduced relative cannot have -- that follows the root noun as its acl or
// advcl and has no subject of its own is the main predicate, and the noun
// its subject.
void PromoteVerbOfNounRoot(LocalTree* tree) {
  tree->BuildChildren();
  int32_t root = -1;
  for (int32_t x = 0; x < tree->size(); ++x) {
    if (tree->head(x) < 0 && !IsPunct(tree->tok(x))) {
      if (root >= 0) return;  // several roots: leave it
      root = x;
    }
  }
  if (root < 0 || (tree->tok(root).upos != "NOUN" && tree->tok(root).upos != "PROPN")) return;
  // The verb hangs on the root noun, or on its "of" complement ("Thousands
  // of people protested", with "protested" as an acl of "people").
  std::vector<int32_t> owners = {root};
  for (int32_t n : tree->children(root)) {
    if (BaseRel(tree->tok(n).deprel) != "nmod") continue;
    for (int32_t g : tree->children(n)) {
      if (BaseRel(tree->tok(g).deprel) == "case" && tree->tok(g).lemma == "of") owners.push_back(n);
    }
  }
  for (int32_t owner : owners) {
  for (int32_t c : std::vector<int32_t>(tree->children(owner))) {
    if (HasSubject(*tree, c) || c < owner) continue;
    const std::string_view rel = BaseRel(tree->tok(c).deprel);
    if (rel != "acl" && rel != "advcl" && rel != "conj") continue;
    const Token& v = tree->tok(c);
    if (v.upos != "VERB") continue;
    bool has_obj = false, has_aux = false, has_mark = false, has_cc = false;
    for (int32_t g : tree->children(c)) {
      const std::string_view gr = BaseRel(tree->tok(g).deprel);
      has_obj = has_obj || gr == "obj";
      has_aux = has_aux || gr == "aux";
      has_mark = has_mark || gr == "mark";
      has_cc = has_cc || gr == "cc";
    }
    if (has_mark) continue;  // "because ...", "to ...": a clause of its own
    // A finite verb conjoined to the subject's nouns ("Israeli gunfire and
    // airstrikes kill 41", with "kill" a third conjunct) is the predicate;
    // one with its own "and" may be a clause of its own.
    if (rel == "conj" && (has_cc || !IsFiniteTag(v.xpos))) continue;
    const bool finite = IsFiniteTag(v.xpos) || has_aux;
    if (!finite && !(v.xpos == "VBN" && has_obj)) continue;
    // Promote: the verb becomes the root, the noun its subject; the nouns'
    // other dependents after the verb belong to the verb.
    tree->set_head(c, -1);
    tree->mutable_tok(c).deprel = "root";
    tree->set_head(root, c);
    tree->mutable_tok(root).deprel = "nsubj";
    for (int32_t o : {root, owner}) {
      for (int32_t d : std::vector<int32_t>(tree->children(o))) {
        if (d > c) {
          tree->set_head(d, c);
          if (BaseRel(tree->tok(d).deprel) == "nmod") tree->mutable_tok(d).deprel = "obl";
        }
      }
    }
    return;
  }
  }
}

// "has killed several Boko Haram terrorists after an air strike", parsed
// with "terrorists" an unmarked modifier (nmod:unmarked) of "strike": in
// English a nominal before its head's own preposition does not modify that
// head. When the head is an oblique of a verb before the nominal and that
// verb has no object, the nominal is the verb's object.
void RehangUnmarkedObject(LocalTree* tree) {
  tree->BuildChildren();
  for (int32_t x = 0; x < tree->size(); ++x) {
    if (tree->tok(x).deprel != "nmod:unmarked") continue;
    const int32_t h = tree->head(x);
    if (h <= x || BaseRel(tree->tok(h).deprel) != "obl") continue;
    bool marker_between = false;
    for (int32_t c : tree->children(h)) {
      if (c > x && c < h && BaseRel(tree->tok(c).deprel) == "case") marker_between = true;
    }
    const int32_t v = tree->head(h);
    if (!marker_between || v < 0 || v > x || tree->tok(v).upos != "VERB" || tree->HasChildRel(v, "obj")) continue;
    tree->set_head(x, v);
    tree->mutable_tok(x).deprel = "obj";
    tree->BuildChildren();
  }
}

}  // namespace

void RepairTree(Document* doc, uint32_t s) {
  if (s >= doc->sentences.size()) return;
  const Sentence& sent = doc->sentences[s];
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  const uint32_t begin = std::min(sent.token_begin, n);
  const uint32_t end = std::min(std::max(sent.token_end, begin), n);
  if (begin == end) return;
  LocalTree tree(doc, begin, end);
  RehangFromPunctuation(&tree);
  RehangPpConjuncts(&tree);
  RehangCoordinationOutOfComplement(&tree);
  DemotePrepositionalSubjects(&tree);
  PromoteVerbOfNounRoot(&tree);
  RehangUnmarkedObject(&tree);
  tree.Store();
}

}  // namespace annals::syntax
