// DependencyView: child lists, lemmas and the mention map, built once per
// document in O(tokens + mentions).
#include "model/dependency_view.h"

#include "base/ascii.h"

namespace annals {

DependencyView::DependencyView(const Document& doc) : doc_(doc) {
  const size_t n = doc.tokens.size();
  heads_.assign(n, -1);
  sentence_of_.assign(n, -1);
  mention_at_.assign(n, -1);
  lemma_lc_.resize(n);
  form_lc_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = doc.tokens[i];
    form_lc_[i] = AsciiLower(tok.form);
    lemma_lc_[i] = (tok.lemma.empty() || tok.lemma == "_") ? form_lc_[i] : AsciiLower(tok.lemma);
    if (tok.head >= 0 || !tok.deprel.empty()) has_parse_ = true;
  }
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    const uint32_t end = std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(n));
    for (uint32_t t = sent.token_begin; t < end; ++t) {
      sentence_of_[t] = static_cast<int32_t>(s);
      const int32_t h = doc.tokens[t].head;
      if (h >= static_cast<int32_t>(sent.token_begin) && h < static_cast<int32_t>(end) &&
          h != static_cast<int32_t>(t)) {
        heads_[t] = h;
      }
    }
  }
  offsets_.assign(n + 1, 0);
  for (size_t t = 0; t < n; ++t) {
    if (heads_[t] >= 0) ++offsets_[static_cast<size_t>(heads_[t]) + 1];
  }
  for (size_t t = 0; t < n; ++t) offsets_[t + 1] += offsets_[t];
  kids_.assign(offsets_[n], -1);
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (size_t t = 0; t < n; ++t) {
    if (heads_[t] >= 0) kids_[fill[static_cast<size_t>(heads_[t])]++] = static_cast<int32_t>(t);
  }
  auto better = [&](size_t m, int32_t old) {
    if (old < 0) return true;
    const Mention& a = doc.mentions[m];
    const Mention& b = doc.mentions[static_cast<size_t>(old)];
    const uint32_t sa = a.token_end - a.token_begin;
    const uint32_t sb = b.token_end - b.token_begin;
    if (sa != sb) return sa < sb;
    return !a.actor.code.empty() && b.actor.code.empty();
  };
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& men = doc.mentions[m];
    const uint32_t e = std::min<uint32_t>(men.token_end, static_cast<uint32_t>(n));
    for (uint32_t t = men.token_begin; t < e; ++t) {
      if (better(m, mention_at_[t])) mention_at_[t] = static_cast<int32_t>(m);
    }
  }
}

std::string_view DependencyView::BaseRel(int32_t t) const {
  const std::string_view r = Rel(t);
  const size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

int32_t DependencyView::Child(int32_t t, std::string_view rel) const {
  for (int32_t c : Children(t)) {
    if (Rel(c) == rel || BaseRel(c) == rel) return c;
  }
  return -1;
}

bool DependencyView::HasChildLemma(int32_t t, std::string_view rel, std::string_view lemma) const {
  for (int32_t c : Children(t)) {
    if ((Rel(c) == rel || BaseRel(c) == rel) && Lemma(c) == lemma) return true;
  }
  return false;
}

std::string_view DependencyView::CaseOf(int32_t t) const {
  for (int32_t c : Children(t)) {
    const std::string_view b = BaseRel(c);
    if (b == "case" || b == "mark") return Lemma(c);
  }
  for (int32_t c : Children(t)) {
    if (c > t) break;
    for (int32_t g : Children(c)) {
      if (g < c && BaseRel(g) == "case") return Lemma(g);
    }
  }
  return {};
}

bool DependencyView::InSubtree(int32_t t, int32_t ancestor) const {
  for (int depth = 0; Valid(t) && depth <= kMaxDepth; ++depth) {
    if (t == ancestor) return true;
    t = Head(t);
  }
  return false;
}

bool DependencyView::Negated(int32_t t) const {
  for (int32_t c : Children(t)) {
    const std::string_view b = BaseRel(c);
    const std::string& l = Lemma(c);
    if ((b == "advmod" || b == "neg" || b == "part") && (l == "not" || l == "n't" || l == "never")) return true;
    if (b == "det" && l == "no") return true;
  }
  return false;
}

int32_t DependencyView::TokenAtOrAfter(uint32_t b) const {
  const auto& toks = doc_.tokens;
  size_t lo = 0, hi = toks.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (toks[mid].span.end <= b) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < toks.size() ? static_cast<int32_t>(lo) : -1;
}

}  // namespace annals
