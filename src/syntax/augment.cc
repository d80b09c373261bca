// News-shaped variants of training sentences (see augment.h).
#include "syntax/augment.h"

#include <algorithm>
#include <string_view>

namespace annals::syntax {
namespace {

enum Variant : uint64_t { kBareSubject = 1, kTemporal, kApposition, kTitleCase, kLowerCase, kPick };

// A uniform number in [0, 1) from (seed, sentence, variant): SplitMix64.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
uint64_t Hash(uint32_t seed, size_t sentence, uint64_t variant) {
  return Mix(Mix(Mix(seed) ^ sentence) ^ variant);
}
double Unit(uint32_t seed, size_t sentence, uint64_t variant) {
  return static_cast<double>(Hash(seed, sentence, variant) >> 11) * 0x1.0p-53;
}

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Lowered(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

ConlluWord Word(std::string_view form, std::string_view upos, std::string_view xpos,
                std::string_view feats, int head, std::string_view deprel) {
  ConlluWord w;
  w.form.assign(form.data(), form.size());
  w.lemma = Lowered(w.form);
  w.upos.assign(upos.data(), upos.size());
  w.xpos.assign(xpos.data(), xpos.size());
  w.feats.assign(feats.data(), feats.size());
  w.head = head;
  w.deprel.assign(deprel.data(), deprel.size());
  w.deps.assign(1, '_');
  w.misc.assign(1, '_');
  return w;
}

// First and last 0-based index of the subtree of word x (0-based), and
// whether it is contiguous.
struct Span {
  int first = 0, last = 0;
  bool contiguous = false;
};
Span SubtreeSpan(const ConlluSentence& s, int x) {
  const int n = static_cast<int>(s.words.size());
  std::vector<char> in(static_cast<size_t>(n), 0);
  in[static_cast<size_t>(x)] = 1;
  // Heads come before or after their dependents; repeat until stable (trees
  // are shallow, and the depth bound keeps a malformed input finite).
  for (int round = 0, changed = 1; changed && round < n; ++round) {
    changed = 0;
    for (int i = 0; i < n; ++i) {
      const int h = s.words[static_cast<size_t>(i)].head - 1;
      if (!in[static_cast<size_t>(i)] && h >= 0 && h < n && in[static_cast<size_t>(h)]) {
        in[static_cast<size_t>(i)] = 1;
        changed = 1;
      }
    }
  }
  Span span{x, x, true};
  int count = 0;
  for (int i = 0; i < n; ++i) {
    if (!in[static_cast<size_t>(i)]) continue;
    span.first = std::min(span.first, i);
    span.last = std::max(span.last, i);
    ++count;
  }
  span.contiguous = count == span.last - span.first + 1;
  return span;
}

// `s` with `inserted` placed before 0-based position p. The inserted words'
// heads must already be in the new numbering; the others are shifted.
ConlluSentence Splice(const ConlluSentence& s, size_t p, const std::vector<ConlluWord>& inserted) {
  const int k = static_cast<int>(inserted.size());
  auto shift = [&](int id) { return id == 0 || static_cast<size_t>(id - 1) < p ? id : id + k; };
  ConlluSentence out;
  out.line = s.line;
  out.words.reserve(s.words.size() + inserted.size());
  for (size_t i = 0; i < s.words.size(); ++i) {
    if (i == p) out.words.insert(out.words.end(), inserted.begin(), inserted.end());
    ConlluWord w = s.words[i];
    w.head = shift(w.head);
    out.words.push_back(std::move(w));
  }
  if (p >= s.words.size()) out.words.insert(out.words.end(), inserted.begin(), inserted.end());
  for (ConlluRange r : s.ranges) {
    if (static_cast<size_t>(r.first - 1) < p && static_cast<size_t>(r.last - 1) >= p) continue;  // split apart
    r.first = shift(r.first);
    r.last = shift(r.last);
    out.ranges.push_back(std::move(r));
  }
  return out;
}

bool IsFiniteVerb(const ConlluWord& w) {
  return w.upos == "VERB" && (w.xpos == "VBD" || w.xpos == "VBZ" || w.xpos == "VBP");
}

}  // namespace

bool DropSentenceInitialDeterminer(const ConlluSentence& s, ConlluSentence* out) {
  if (s.words.size() < 3) return false;
  const ConlluWord& det = s.words[0];
  if (det.upos != "DET" || Lowered(det.form) != "the" || det.deprel != "det") return false;
  const int h = det.head - 1;
  if (h <= 0 || static_cast<size_t>(h) >= s.words.size()) return false;
  const ConlluWord& noun = s.words[static_cast<size_t>(h)];
  if (noun.upos != "NOUN" || noun.xpos != "NNS" || noun.deprel.rfind("nsubj", 0) != 0) return false;
  for (const ConlluRange& r : s.ranges) {
    if (r.first == 1) return false;
  }
  for (const ConlluWord& w : s.words) {
    if (w.head == 1) return false;  // the determiner has dependents of its own
  }
  out->words.clear();
  out->ranges.clear();
  out->comments.clear();
  out->line = s.line;
  for (size_t i = 1; i < s.words.size(); ++i) {
    ConlluWord w = s.words[i];
    if (w.head > 1) --w.head;
    out->words.push_back(std::move(w));
  }
  out->words[0].form = Capitalized(out->words[0].form);
  for (ConlluRange r : s.ranges) {
    --r.first;
    --r.last;
    out->ranges.push_back(std::move(r));
  }
  return true;
}

bool InsertTemporal(const ConlluSentence& s, const std::vector<ConlluWord>& phrase,
                    ConlluSentence* out) {
  const int n = static_cast<int>(s.words.size());
  for (int x = 0; x < n; ++x) {
    const ConlluWord& subj = s.words[static_cast<size_t>(x)];
    if (subj.deprel != "nsubj" || subj.head - 1 <= x) continue;
    const int v = subj.head - 1;
    if (v >= n || !IsFiniteVerb(s.words[static_cast<size_t>(v)])) continue;
    const Span span = SubtreeSpan(s, x);
    if (!span.contiguous || span.last + 1 != v) continue;
    const size_t p = static_cast<size_t>(v);
    const int k = static_cast<int>(phrase.size());
    std::vector<ConlluWord> words = phrase;
    for (ConlluWord& w : words) {
      w.head = w.head == 0 ? v + 1 + k : static_cast<int>(p) + w.head;
    }
    *out = Splice(s, p, words);
    return true;
  }
  return false;
}

bool InsertApposition(const ConlluSentence& s, const std::vector<ConlluWord>& np,
                      ConlluSentence* out) {
  const int n = static_cast<int>(s.words.size());
  if (np.empty()) return false;
  for (int x = 0; x < n; ++x) {
    const ConlluWord& subj = s.words[static_cast<size_t>(x)];
    if (subj.deprel.rfind("nsubj", 0) != 0 || (subj.upos != "NOUN" && subj.upos != "PROPN")) continue;
    const int h = subj.head - 1;
    if (h < 0 || h >= n || s.words[static_cast<size_t>(h)].head != 0) continue;  // subject of the root
    const Span span = SubtreeSpan(s, x);
    if (!span.contiguous || span.first != 0 || span.last + 1 >= n || span.last >= h) continue;
    if (s.words[static_cast<size_t>(span.last + 1)].upos == "PUNCT") continue;
    const int p = span.last + 1;  // insert before this 0-based position
    const int m = static_cast<int>(np.size());
    int np_head = 0;
    std::vector<ConlluWord> words;
    words.push_back(Word(",", "PUNCT", ",", "_", 0, "punct"));
    for (int j = 0; j < m; ++j) {
      ConlluWord w = np[static_cast<size_t>(j)];
      if (w.head == 0) {
        np_head = p + 2 + j;  // new 1-based id
        w.head = x + 1;
        w.deprel = "appos";
      } else {
        w.head = p + 1 + w.head;
      }
      words.push_back(std::move(w));
    }
    if (np_head == 0) return false;
    words.front().head = np_head;  // the opening comma hangs on the apposition
    words.push_back(Word(",", "PUNCT", ",", "_", x + 1, "punct"));  // the closing one on the noun
    *out = Splice(s, static_cast<size_t>(p), words);
    return true;
  }
  return false;
}

void TitleCase(const ConlluSentence& s, ConlluSentence* out) {
  *out = s;
  out->comments.clear();
  for (size_t i = 0; i < out->words.size(); ++i) {
    ConlluWord& w = out->words[i];
    const bool minor = (w.upos == "DET" || w.upos == "ADP" || w.upos == "CCONJ" || w.upos == "PART" ||
                        w.upos == "SCONJ") &&
                       w.form.size() <= 3;
    if (i == 0 || !minor) w.form = Capitalized(w.form);
  }
}

void LowerCase(const ConlluSentence& s, ConlluSentence* out) {
  *out = s;
  out->comments.clear();
  for (ConlluWord& w : out->words) w.form = Lowered(w.form);
}

const std::vector<std::vector<ConlluWord>>& TemporalPhrases() {
  static const std::vector<std::vector<ConlluWord>> phrases = [] {
    std::vector<std::vector<ConlluWord>> p;
    p.push_back({Word("today", "NOUN", "NN", "Number=Sing", 0, "obl:unmarked")});
    p.push_back({Word("yesterday", "NOUN", "NN", "Number=Sing", 0, "obl:unmarked")});
    p.push_back({Word("also", "ADV", "RB", "_", 0, "advmod")});
    p.push_back({Word("reportedly", "ADV", "RB", "_", 0, "advmod")});
    p.push_back({Word("last", "ADJ", "JJ", "Degree=Pos", 2, "amod"),
                 Word("week", "NOUN", "NN", "Number=Sing", 0, "obl:unmarked")});
    for (const char* day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}) {
      ConlluWord d = Word(day, "PROPN", "NNP", "Number=Sing", 0, "obl");
      d.lemma = day;
      p.push_back({Word("on", "ADP", "IN", "_", 2, "case"), d});
    }
    return p;
  }();
  return phrases;
}

std::vector<std::vector<ConlluWord>> IndefiniteNounPhrases(const std::vector<ConlluSentence>& sentences) {
  std::vector<std::vector<ConlluWord>> out;
  for (const ConlluSentence& s : sentences) {
    const int n = static_cast<int>(s.words.size());
    for (int x = 1; x < n; ++x) {
      const ConlluWord& noun = s.words[static_cast<size_t>(x)];
      if (noun.upos != "NOUN" || noun.xpos != "NN") continue;
      const Span span = SubtreeSpan(s, x);
      const int len = span.last - span.first + 1;
      if (!span.contiguous || len < 2 || len > 8) continue;
      const ConlluWord& first = s.words[static_cast<size_t>(span.first)];
      const std::string det = Lowered(first.form);
      if (first.upos != "DET" || first.head != x + 1 || (det != "a" && det != "an")) continue;
      bool clean = true;
      for (int i = span.first; i <= span.last && clean; ++i) {
        const ConlluWord& w = s.words[static_cast<size_t>(i)];
        clean = w.upos != "PUNCT" && w.upos != "PRON";
      }
      for (const ConlluRange& r : s.ranges) {
        if (r.last - 1 >= span.first && r.first - 1 <= span.last) clean = false;
      }
      if (!clean) continue;
      std::vector<ConlluWord> np;
      for (int i = span.first; i <= span.last; ++i) {
        ConlluWord w = s.words[static_cast<size_t>(i)];
        w.head = i == x ? 0 : w.head - span.first;
        np.push_back(std::move(w));
      }
      np[0].form = det;  // "A" opening a sentence is "a" inside one
      out.push_back(std::move(np));
    }
  }
  return out;
}

std::vector<ConlluSentence> AugmentForNews(const std::vector<ConlluSentence>& sentences,
                                           const AugmentOptions& o, std::vector<size_t>* origin,
                                           AugmentCounts* counts) {
  std::vector<ConlluSentence> out;
  origin->clear();
  *counts = AugmentCounts{};
  const std::vector<std::vector<ConlluWord>> donors =
      o.apposition > 0 ? IndefiniteNounPhrases(sentences) : std::vector<std::vector<ConlluWord>>{};
  const auto& phrases = TemporalPhrases();
  ConlluSentence v;
  auto keep = [&](size_t i, size_t* counter) {
    out.push_back(std::move(v));
    origin->push_back(i);
    ++*counter;
  };
  for (size_t i = 0; i < sentences.size(); ++i) {
    const ConlluSentence& s = sentences[i];
    if (s.words.size() < 3) continue;
    if (o.bare_subject > 0 && Unit(o.seed, i, kBareSubject) < o.bare_subject &&
        DropSentenceInitialDeterminer(s, &v)) {
      keep(i, &counts->bare_subject);
    }
    if (o.temporal > 0 && Unit(o.seed, i, kTemporal) < o.temporal &&
        InsertTemporal(s, phrases[Hash(o.seed, i, kPick) % phrases.size()], &v)) {
      keep(i, &counts->temporal);
    }
    if (!donors.empty() && Unit(o.seed, i, kApposition) < o.apposition &&
        InsertApposition(s, donors[Hash(o.seed, i, kPick + 1) % donors.size()], &v)) {
      keep(i, &counts->apposition);
    }
    if (o.title_case > 0 && s.words.size() <= 25 && Unit(o.seed, i, kTitleCase) < o.title_case) {
      TitleCase(s, &v);
      keep(i, &counts->title_case);
    }
    if (o.lower_case > 0 && Unit(o.seed, i, kLowerCase) < o.lower_case) {
      LowerCase(s, &v);
      keep(i, &counts->lower_case);
    }
  }
  return out;
}

}  // namespace annals::syntax
