// A sentence as the event coder sees it: the document's DependencyView (the
// one repaired tree every stage reads; model/dependency_view.h) restricted
// to one sentence, plus the lemmas the patterns match.
//
// Lemma repair: when the tagger's lemma is not a word the patterns know, a
// known irregular form ("spoke" -> "speak") or a suffix-stripped form
// ("declined" -> "decline", "troops" -> "troop") is used.
//
// Lifetime: borrows the view (and through it the Document); build, use and
// drop it inside one Process() call. Not shared between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "events/pattern_dictionary.h"
#include "model/dependency_view.h"

namespace annals::events {

class SentenceView {
 public:
  static constexpr int kMaxDepth = DependencyView::kMaxDepth;

  // `dict` (may be null) repairs lemmas as described above.
  SentenceView(const DependencyView& tree, uint32_t sentence, const PatternDictionary* dict = nullptr);

  const Document& doc() const { return tree_.doc(); }
  const DependencyView& tree() const { return tree_; }
  uint32_t sentence() const { return sentence_; }
  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  bool Contains(int32_t t) const {
    return t >= static_cast<int32_t>(begin_) && t < static_cast<int32_t>(end_);
  }

  const Token& tok(int32_t t) const { return tree_.tok(t); }
  // Lower-cased lemma, repaired as described above.
  const std::string& lemma(int32_t t) const { return lemmas_[Local(t)]; }
  // True when lemma(t) came from an irregular form or a past participle /
  // gerund suffix: such a word may be a verb the tagger called a noun.
  bool VerbalForm(int32_t t) const { return verbal_[Local(t)]; }
  int32_t head(int32_t t) const { return tree_.Head(t); }
  std::string_view rel(int32_t t) const { return tree_.Rel(t); }
  std::string_view base_rel(int32_t t) const { return tree_.BaseRel(t); }
  std::span<const int32_t> children(int32_t t) const { return tree_.Children(t); }

  // First child whose relation is `rel` exactly or has `rel` as its universal
  // part ("obl" matches "obl:tmod"); -1 if none.
  int32_t Child(int32_t t, std::string_view rel) const { return tree_.Child(t, rel); }
  bool HasChildLemma(int32_t t, std::string_view rel, std::string_view lemma) const;
  // Lemma of the case/mark marker of a nominal, "" if none (DependencyView).
  std::string_view CaseOf(int32_t t) const { return tree_.CaseOf(t); }
  bool InSubtree(int32_t t, int32_t root) const { return Contains(t) && tree_.InSubtree(t, root); }
  std::vector<int32_t> Subtree(int32_t root) const {
    return Contains(root) ? tree_.Subtree(root) : std::vector<int32_t>();
  }

  bool IsVerb(int32_t t) const { return tree_.IsVerb(t); }
  bool IsNoun(int32_t t) const { return tree_.IsNoun(t); }
  bool IsAdj(int32_t t) const { return tree_.IsAdj(t); }
  bool Negated(int32_t t) const;

  // The actor mention at t (the view's one policy), or -1.
  int32_t MentionAt(int32_t t) const { return tree_.MentionAt(t); }

 private:
  size_t Local(int32_t t) const { return static_cast<size_t>(t) - begin_; }

  const DependencyView& tree_;
  uint32_t sentence_;
  uint32_t begin_;
  uint32_t end_;
  std::vector<std::string> lemmas_;
  std::vector<bool> verbal_;
};

// Lower-cases ASCII letters (lemmas and pattern words are compared this way;
// non-ASCII bytes pass through unchanged).
std::string AsciiLower(std::string_view s);

}  // namespace annals::events
