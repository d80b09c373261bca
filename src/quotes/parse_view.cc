// ParseView: validates the parse once per document so that the quote and
// attach rules can walk it without bounds checks of their own.
#include "quotes/parse_view.h"

namespace annals {

std::string LowerAsciiCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWithCapital(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Non-ASCII: Latin capitals with diacritics (U+00C0..U+00DE) and
  // Cyrillic capitals (U+0400..U+042F) are the ones that matter in news.
  if (s.size() >= 2) {
    const unsigned char d = static_cast<unsigned char>(s[1]);
    if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) return true;
    if (c == 0xD0 && d >= 0x80 && d <= 0xAF) return true;
  }
  return false;
}

ParseView::ParseView(const Document& doc) : doc_(doc) {
  const size_t n = doc.tokens.size();
  heads_.assign(n, -1);
  children_.assign(n, {});
  sentence_of_.assign(n, -1);
  mention_at_.assign(n, -1);
  lemma_lc_.resize(n);
  form_lc_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = doc.tokens[i];
    form_lc_[i] = LowerAsciiCopy(tok.form);
    lemma_lc_[i] = (tok.lemma.empty() || tok.lemma == "_") ? form_lc_[i] : LowerAsciiCopy(tok.lemma);
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
  // Break cycles in O(n): walk each unvisited chain, marking it in progress;
  // reaching a node in progress means a cycle, cut at the current node.
  std::vector<uint8_t> state(n, 0);  // 0 new, 1 on the current path, 2 done
  std::vector<uint32_t> path;
  for (uint32_t t = 0; t < n; ++t) {
    if (state[t] != 0) continue;
    path.clear();
    uint32_t cur = t;
    while (true) {
      state[cur] = 1;
      path.push_back(cur);
      const int32_t h = heads_[cur];
      if (h < 0 || state[static_cast<uint32_t>(h)] == 2) break;
      if (state[static_cast<uint32_t>(h)] == 1) {
        heads_[cur] = -1;
        break;
      }
      cur = static_cast<uint32_t>(h);
    }
    for (uint32_t p : path) state[p] = 2;
  }
  for (uint32_t t = 0; t < n; ++t) {
    if (heads_[t] >= 0) children_[static_cast<uint32_t>(heads_[t])].push_back(t);
  }
  // Smallest mention wins, so a pronoun or a name inside a longer phrase
  // is found rather than the phrase around it.
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& men = doc.mentions[m];
    const uint32_t e = std::min<uint32_t>(men.token_end, static_cast<uint32_t>(n));
    for (uint32_t t = men.token_begin; t < e; ++t) {
      const int32_t old = mention_at_[t];
      if (old < 0 || doc.mentions[static_cast<size_t>(old)].token_end -
                             doc.mentions[static_cast<size_t>(old)].token_begin >
                         men.token_end - men.token_begin) {
        mention_at_[t] = static_cast<int32_t>(m);
      }
    }
  }
}

bool ParseView::Dominates(uint32_t ancestor, uint32_t t, size_t max_steps) const {
  if (t >= heads_.size()) return false;
  int32_t cur = static_cast<int32_t>(t);
  // Heads are acyclic after construction; the cap is a second guard.
  const size_t cap = std::min(max_steps, heads_.size());
  for (size_t steps = 0; cur >= 0 && steps <= cap; ++steps) {
    if (static_cast<uint32_t>(cur) == ancestor) return true;
    cur = heads_[static_cast<uint32_t>(cur)];
  }
  return false;
}

int32_t ParseView::ChildWithRel(uint32_t t, std::string_view rel) const {
  if (t >= children_.size()) return -1;
  for (uint32_t c : children_[t]) {
    std::string_view d = doc_.tokens[c].deprel;
    if (d == rel || (d.size() > rel.size() && d.substr(0, rel.size()) == rel && d[rel.size()] == ':')) {
      return static_cast<int32_t>(c);
    }
  }
  return -1;
}

int32_t ParseView::TokenAtOrAfter(uint32_t b) const {
  const auto& toks = doc_.tokens;
  // Tokens are in text order; find the first whose end is past b.
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

std::string_view ParseView::BaseRel(uint32_t t) const {
  std::string_view d = doc_.tokens[t].deprel;
  const size_t colon = d.find(':');
  return colon == std::string_view::npos ? d : d.substr(0, colon);
}

}  // namespace annals
