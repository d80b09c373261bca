// ParseView: a read-only index over one Document's tokens, parse and
// mentions, shared by the quotes and attach stages.
//
// The parse written by the syntax stage is trusted only after checking: a
// head outside its sentence or a head chain with a cycle is treated as a
// root, so every walk below terminates and never indexes out of range
// whatever the input. Trees are walked iteratively (no recursion), and every
// upward walk is capped by the sentence length.
//
// Lifetime: a ParseView borrows the Document; the Document must outlive it
// and must not be modified (tokens, sentences, mentions) while it is in use.
// Thread safety: const methods may be called from several threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals {

class ParseView {
 public:
  explicit ParseView(const Document& doc);

  const Document& doc() const { return doc_; }
  uint32_t token_count() const { return static_cast<uint32_t>(doc_.tokens.size()); }
  // True when at least one token has a head or a deprel: a parse exists.
  bool has_parse() const { return has_parse_; }

  // Validated head: a token index in the same sentence, or -1.
  int32_t Head(uint32_t t) const { return heads_[t]; }
  // Dependents of t in token order.
  const std::vector<uint32_t>& Children(uint32_t t) const { return children_[t]; }
  // Sentence index of token t (-1 if it lies in no sentence).
  int32_t SentenceOf(uint32_t t) const { return sentence_of_[t]; }
  // True when `ancestor` == t or dominates t within `max_steps` heads
  // (callers on hot paths bound the walk; the tree is acyclic anyway).
  bool Dominates(uint32_t ancestor, uint32_t t, size_t max_steps = SIZE_MAX) const;
  // Every token of the subtree of `root`, sorted; `stop` (optional) is
  // called for each dependent and a true result prunes that dependent's
  // subtree (used to keep nested clauses out).
  template <typename Stop>
  std::vector<uint32_t> Subtree(uint32_t root, Stop stop) const;
  std::vector<uint32_t> Subtree(uint32_t root) const {
    return Subtree(root, [](uint32_t) { return false; });
  }
  // First child of t whose deprel equals `rel` or starts with "rel:"; -1 if none.
  int32_t ChildWithRel(uint32_t t, std::string_view rel) const;

  // Smallest mention whose token range contains t; -1 if none.
  int32_t MentionAt(uint32_t t) const { return mention_at_[t]; }
  // Token whose span contains byte offset `b` (or the first token starting
  // after it when `b` falls between tokens); -1 past the last token.
  int32_t TokenAtOrAfter(uint32_t b) const;

  // Lower-cased lemma (or form when the lemma is empty or "_").
  const std::string& Lemma(uint32_t t) const { return lemma_lc_[t]; }
  // Lower-cased form.
  const std::string& LowerForm(uint32_t t) const { return form_lc_[t]; }
  // Deprel without its subtype ("nsubj:pass" -> "nsubj").
  std::string_view BaseRel(uint32_t t) const;

 private:
  const Document& doc_;
  bool has_parse_ = false;
  std::vector<int32_t> heads_;
  std::vector<std::vector<uint32_t>> children_;
  std::vector<int32_t> sentence_of_;
  std::vector<int32_t> mention_at_;
  std::vector<std::string> lemma_lc_;
  std::vector<std::string> form_lc_;
};

// ASCII lower-casing; other bytes are kept (enough for English cue words).
std::string LowerAsciiCopy(std::string_view s);
// True when the text starts with an upper-case letter (ASCII, or a
// non-ASCII letter, which in news text is nearly always a name: "Ærø").
bool StartsWithCapital(std::string_view s);

template <typename Stop>
std::vector<uint32_t> ParseView::Subtree(uint32_t root, Stop stop) const {
  std::vector<uint32_t> out;
  if (root >= heads_.size()) return out;
  std::vector<uint32_t> todo{root};
  while (!todo.empty()) {
    const uint32_t t = todo.back();
    todo.pop_back();
    out.push_back(t);
    for (uint32_t c : children_[t]) {
      if (!stop(c)) todo.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace annals
