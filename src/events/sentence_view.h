// A read-only view of one parsed sentence for the event coder: child lists,
// lower-cased lemmas, case markers and the token -> actor-mention map.
//
// The parse in Document::tokens stores only heads; the coder walks both
// up (governors, for modality and attribution) and down (arguments), so the
// view builds child lists once per sentence. All indices are document-level
// token indices, as in Token::head. Walks are iterative and capped
// (kMaxDepth) so a malformed tree (a cycle, a head outside the sentence)
// cannot loop or overflow the stack.
//
// Lifetime: borrows the Document; build, use and drop it inside one
// Process() call. Not shared between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "events/pattern_dictionary.h"

namespace annals::events {

class SentenceView {
 public:
  // Longest chain the view follows up or down a tree.
  static constexpr int kMaxDepth = 64;

  // `mention_at` maps each document token to the Document::mentions index
  // covering it (-1 if none); it is built once per document by the caller.
  // `dict` (may be null) repairs lemmas: when the tagger's lemma is unknown
  // to the patterns, a known irregular ("spoke" -> "speak") or suffix-
  // stripped form ("declined" -> "decline", "troops" -> "troop") is used.
  SentenceView(const Document& doc, uint32_t sentence,
               const std::vector<int32_t>& mention_at, const PatternDictionary* dict = nullptr);

  const Document& doc() const { return doc_; }
  uint32_t sentence() const { return sentence_; }
  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  bool Contains(int32_t t) const {
    return t >= static_cast<int32_t>(begin_) && t < static_cast<int32_t>(end_);
  }

  const Token& tok(int32_t t) const { return doc_.tokens[static_cast<size_t>(t)]; }
  // Lower-cased lemma (the lower-cased form when the tagger left it empty),
  // repaired as described at the constructor.
  const std::string& lemma(int32_t t) const { return lemmas_[Local(t)]; }
  // True when lemma(t) came from an irregular form or a past participle /
  // gerund suffix: such a word may be a verb the tagger called a noun.
  bool VerbalForm(int32_t t) const { return verbal_[Local(t)]; }
  // Head within this sentence, or -1 (root, or a head outside the sentence).
  int32_t head(int32_t t) const { return heads_[Local(t)]; }
  // Full relation ("nsubj:pass") and its universal part ("nsubj").
  std::string_view rel(int32_t t) const {
    const std::string_view r = rels_[Local(t)];
    return r.empty() ? std::string_view(tok(t).deprel) : r;
  }
  std::string_view base_rel(int32_t t) const;
  const std::vector<int32_t>& children(int32_t t) const { return children_[Local(t)]; }

  // First child whose relation is `rel` exactly or has `rel` as its universal
  // part ("obl" matches "obl:tmod"); -1 if none.
  int32_t Child(int32_t t, std::string_view rel) const;
  bool HasChildLemma(int32_t t, std::string_view rel, std::string_view lemma) const;
  // Lemma of the case/mark marker of a nominal ("with" for "with Putin"),
  // "" if none. Multiword markers ("according to") give the first word.
  std::string_view CaseOf(int32_t t) const;
  // True if t lies in the subtree rooted at `root` (t == root included).
  bool InSubtree(int32_t t, int32_t root) const;
  // Tokens of the subtree of `root`, in sentence order.
  std::vector<int32_t> Subtree(int32_t root) const;

  bool IsVerb(int32_t t) const;
  bool IsNoun(int32_t t) const;
  bool IsAdj(int32_t t) const;
  // Negation attached to t: "not", "n't", "never" as advmod/neg, or "no" as
  // a determiner of a nominal.
  bool Negated(int32_t t) const;

  // The actor mention covering t, or -1.
  int32_t MentionAt(int32_t t) const { return mention_at_[static_cast<size_t>(t)]; }

 private:
  size_t Local(int32_t t) const { return static_cast<size_t>(t) - begin_; }

  const Document& doc_;
  uint32_t sentence_;
  uint32_t begin_;
  uint32_t end_;
  const std::vector<int32_t>& mention_at_;
  std::vector<std::string> lemmas_;
  std::vector<bool> verbal_;
  std::vector<int32_t> heads_;
  std::vector<std::string_view> rels_;  // repaired relations ("" = the parser's)
  std::vector<std::vector<int32_t>> children_;
};

// Lower-cases ASCII letters (lemmas and pattern words are compared this way;
// non-ASCII bytes pass through unchanged).
std::string AsciiLower(std::string_view s);

}  // namespace annals::events
