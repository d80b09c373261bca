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

SentenceView::SentenceView(const DependencyView& tree, uint32_t sentence, const PatternDictionary* dict)
    : tree_(tree), sentence_(sentence) {
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
    if (dict != nullptr && !dict->Knows(lemma)) {
      const std::string& form = tree.LowerForm(static_cast<int32_t>(t));
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
  }
}

bool SentenceView::HasChildLemma(int32_t t, std::string_view r, std::string_view l) const {
  for (int32_t c : children(t)) {
    if ((rel(c) == r || base_rel(c) == r) && lemma(c) == l) return true;
  }
  return false;
}

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
