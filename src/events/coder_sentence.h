// CoderSentence: one sentence as the event coder sees it -- the document's
// DependencyView (the one repaired tree every stage reads) restricted to the
// sentence, the lemmas the patterns match, and the actor mentions its
// nominals stand for. The trigger matcher, the argument finder and the
// modality reader all read the sentence through this class.
//
// Lemma repair: when the tagger's lemma is not a word the patterns know, a
// known irregular form ("spoke" -> "speak") or a suffix-stripped form
// ("declined" -> "decline", "troops" -> "troop") is used.
//
// Lifetime: borrows the DocumentFacts, the view, the dictionary and through
// them the Document; build, use and drop it inside one Process() call. Not
// shared between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "base/one_of.h"
#include "events/pattern_dictionary.h"
#include "model/dependency_view.h"

namespace annals::events {

// Per-document token flags the coder asks about often, built once per
// document in O(tokens + items) instead of scanning the lists per question.
struct DocumentFacts {
  explicit DocumentFacts(const Document& doc);
  std::vector<uint8_t> in_time;    // token lies in a TimeExpr
  std::vector<uint8_t> in_amount;  // token lies in an Amount
  std::vector<uint8_t> in_place;   // token lies in a Place
};

// Who may be an event's source or target (docs/actors.md, "Generic agents
// in events"). Named actors need a country, or must be an IGO,
// organisation, armed group or party. Generic agents ("police", "gunmen")
// and titled persons count with any country, the unknown "---" included;
// but a generic agent whose country is only a guess (from the dateline, the
// document, or none at all) counts only in the sectors of the word list
// `guessed_country_sector` (data/lang/en/events.tsv): the groups that act in
// conflict and coercion news. An unnamed "government", "officials" or
// "people" of no written country added more events of the wrong class than
// of the right one on the dev sets (measured in docs/actors.md).
bool IsPoliticalActor(const Mention& m, const PatternDictionary& dict);

class CoderSentence {
 public:
  static constexpr int kMaxDepth = DependencyView::kMaxDepth;
  // Governor walks: clause nesting deeper than this is noise.
  static constexpr int kMaxChain = 12;

  CoderSentence(const DependencyView& tree, const DocumentFacts& facts, const PatternDictionary& dict,
                uint32_t sentence);

  const Document& doc() const { return tree_.doc(); }
  const DependencyView& tree() const { return tree_; }
  const PatternDictionary& dict() const { return dict_; }
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
  bool InLexicon(Lexicon l, int32_t t) const { return dict_.InLexicon(l, lemma(t)); }

  int32_t head(int32_t t) const { return tree_.Head(t); }
  std::string_view rel(int32_t t) const { return tree_.Rel(t); }
  std::string_view base_rel(int32_t t) const { return tree_.BaseRel(t); }
  std::span<const int32_t> children(int32_t t) const { return tree_.Children(t); }
  // First child whose relation is `rel` or has it as its universal part.
  int32_t Child(int32_t t, std::string_view rel) const { return tree_.Child(t, rel); }
  // Lemma of the case/mark marker of a nominal, "" if none.
  std::string_view CaseOf(int32_t t) const { return tree_.CaseOf(t); }
  bool InSubtree(int32_t t, int32_t root) const { return Contains(t) && tree_.InSubtree(t, root); }
  std::vector<int32_t> Subtree(int32_t root) const {
    return Contains(root) ? tree_.Subtree(root) : std::vector<int32_t>();
  }

  bool IsVerb(int32_t t) const { return tree_.IsVerb(t); }
  bool IsNoun(int32_t t) const { return tree_.IsNoun(t); }
  bool IsAdj(int32_t t) const { return tree_.IsAdj(t); }
  // Negation on t ("not", "n't", "never"; "no" as determiner).
  bool Negated(int32_t t) const;

  bool InTimeExpr(int32_t t) const { return facts_.in_time[static_cast<size_t>(t)] != 0; }
  bool InAmount(int32_t t) const { return facts_.in_amount[static_cast<size_t>(t)] != 0; }
  bool InPlace(int32_t t) const { return facts_.in_place[static_cast<size_t>(t)] != 0; }

  // The actor mention at t (the view's one policy), or -1.
  int32_t MentionAt(int32_t t) const { return tree_.MentionAt(t); }
  bool Political(int32_t m) const {
    return m >= 0 && IsPoliticalActor(doc().mentions[static_cast<size_t>(m)], dict_);
  }
  // The political actors a nominal stands for: its own mention; else the
  // actor among its appositions, flat names, compounds and adjectives ("US
  // troops", "the Ukrainian president, Volodymyr Zelensky"), or its
  // possessor / "of" phrase when it is an agent noun ("Putin's foreign
  // minister"); plus its conjuncts. Appends mention indices.
  void ActorsOf(int32_t h, std::vector<int32_t>* out, int depth = 0) const;
  // obl/nmod dependents of t, plus a PP the parser hung on a time
  // expression under t ("speaks this morning with Starmer").
  std::vector<int32_t> Obliques(int32_t t) const;

 private:
  size_t Local(int32_t t) const { return static_cast<size_t>(t) - begin_; }

  const DependencyView& tree_;
  const DocumentFacts& facts_;
  const PatternDictionary& dict_;
  uint32_t sentence_;
  uint32_t begin_;
  uint32_t end_;
  std::vector<std::string> lemmas_;
  std::vector<bool> verbal_;
};

}  // namespace annals::events
