// CoNLL 2018 style scoring (see evaluate.h).
#include "syntax/evaluate.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include "syntax/syntax_stage.h"
#include "syntax/word_features.h"
#include "text/text_stage.h"

namespace annals::syntax {
namespace {

// Multiword regions are a few words; this only stops a pathological file
// from allocating a quadratic table.
constexpr size_t kMaxLcsCells = 1u << 22;

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t NonSpaceLength(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += !IsSpace(c);
  return n;
}

struct EvalWord {
  size_t begin = 0, end = 0;  // offsets over non-whitespace bytes
  bool in_mwt = false;
  int head = -1;  // global word index of the head, -1 = root
  const ConlluWord* word = nullptr;
};

struct Side {
  std::vector<std::pair<size_t, size_t>> tokens, sentences;
  std::vector<EvalWord> words;
};

Side Flatten(const std::vector<ConlluSentence>& sents) {
  Side side;
  size_t offset = 0;
  for (const ConlluSentence& s : sents) {
    const size_t sent_begin = offset;
    const int base = static_cast<int>(side.words.size());
    size_t r = 0;
    for (size_t i = 0; i < s.words.size();) {
      const int id = static_cast<int>(i) + 1;
      if (r < s.ranges.size() && s.ranges[r].first == id) {
        const ConlluRange& range = s.ranges[r++];
        const size_t len = NonSpaceLength(range.form);
        side.tokens.push_back({offset, offset + len});
        for (int w = range.first; w <= range.last && w <= static_cast<int>(s.words.size()); ++w) {
          EvalWord ew;
          ew.begin = offset;
          ew.end = offset + len;
          ew.in_mwt = true;
          ew.word = &s.words[w - 1];
          ew.head = ew.word->head <= 0 ? -1 : base + ew.word->head - 1;
          side.words.push_back(ew);
        }
        offset += len;
        i = static_cast<size_t>(std::max(range.last, id));
        continue;
      }
      const size_t len = NonSpaceLength(s.words[i].form);
      side.tokens.push_back({offset, offset + len});
      EvalWord ew;
      ew.begin = offset;
      ew.end = offset + len;
      ew.word = &s.words[i];
      ew.head = ew.word->head <= 0 ? -1 : base + ew.word->head - 1;
      side.words.push_back(ew);
      offset += len;
      ++i;
    }
    side.sentences.push_back({sent_begin, offset});
  }
  return side;
}

// Aligns words; returns for each system word its gold word or -1.
std::vector<int> Align(const Side& gold, const Side& sys) {
  std::vector<int> to_gold(sys.words.size(), -1);
  size_t gi = 0, si = 0;
  const size_t gn = gold.words.size(), sn = sys.words.size();
  while (gi < gn && si < sn) {
    const EvalWord& g = gold.words[gi];
    const EvalWord& s = sys.words[si];
    if (g.in_mwt || s.in_mwt) {
      // A region of overlapping words, aligned by LCS of lower-cased forms.
      size_t region_end = std::max(g.end, s.end);
      size_t ge = gi, se = si;
      bool grew = true;
      while (grew) {
        grew = false;
        while (ge < gn && gold.words[ge].begin < region_end) {
          region_end = std::max(region_end, gold.words[ge].end);
          ++ge;
          grew = true;
        }
        while (se < sn && sys.words[se].begin < region_end) {
          region_end = std::max(region_end, sys.words[se].end);
          ++se;
          grew = true;
        }
      }
      const size_t a = ge - gi, b = se - si;
      if (a * b > kMaxLcsCells) {  // absurd region (broken input): leave it unaligned
        gi = ge;
        si = se;
        continue;
      }
      std::vector<std::vector<int>> lcs(a + 1, std::vector<int>(b + 1, 0));
      for (size_t x = a; x-- > 0;) {
        for (size_t y = b; y-- > 0;) {
          if (LowerAscii(gold.words[gi + x].word->form) == LowerAscii(sys.words[si + y].word->form)) {
            lcs[x][y] = 1 + lcs[x + 1][y + 1];
          } else {
            lcs[x][y] = std::max(lcs[x + 1][y], lcs[x][y + 1]);
          }
        }
      }
      size_t x = 0, y = 0;
      while (x < a && y < b) {
        if (LowerAscii(gold.words[gi + x].word->form) == LowerAscii(sys.words[si + y].word->form)) {
          to_gold[si + y] = static_cast<int>(gi + x);
          ++x;
          ++y;
        } else if (lcs[x + 1][y] >= lcs[x][y + 1]) {
          ++x;
        } else {
          ++y;
        }
      }
      gi = ge;
      si = se;
      continue;
    }
    if (g.begin == s.begin && g.end == s.end) {
      to_gold[si] = static_cast<int>(gi);
      ++gi;
      ++si;
    } else if (g.end <= s.end) {
      ++gi;
    } else {
      ++si;
    }
  }
  return to_gold;
}

size_t CountSpanMatches(const std::vector<std::pair<size_t, size_t>>& a,
                        const std::vector<std::pair<size_t, size_t>>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i].second <= b[j].second) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

double F1(size_t correct, size_t gold, size_t sys) {
  return gold + sys == 0 ? 0.0 : 200.0 * static_cast<double>(correct) / static_cast<double>(gold + sys);
}

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

std::string EvalScores::ToString() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "Tokens     %6.2f\nSentences  %6.2f\nWords      %6.2f\nUPOS       %6.2f\n"
                "XPOS       %6.2f\nUFeats     %6.2f\nLemmas     %6.2f\nUAS        %6.2f\n"
                "LAS        %6.2f\n(gold words %zu, system words %zu)\n",
                tokens, sentences, words, upos, xpos, feats, lemmas, uas, las, gold_words,
                system_words);
  return buf;
}

EvalScores EvaluateConllu(const std::vector<ConlluSentence>& gold_sents,
                          const std::vector<ConlluSentence>& sys_sents) {
  const Side gold = Flatten(gold_sents);
  const Side sys = Flatten(sys_sents);
  const std::vector<int> to_gold = Align(gold, sys);
  size_t aligned = 0, upos = 0, xpos = 0, lemmas = 0, feats = 0, uas = 0, las = 0;
  for (size_t si = 0; si < sys.words.size(); ++si) {
    const int gi = to_gold[si];
    if (gi < 0) continue;
    ++aligned;
    const ConlluWord& s = *sys.words[si].word;
    const ConlluWord& g = *gold.words[gi].word;
    upos += s.upos == g.upos;
    xpos += s.xpos == g.xpos;
    feats += s.feats == g.feats;
    lemmas += g.lemma == "_" || s.lemma == g.lemma;
    const int sh = sys.words[si].head, gh = gold.words[gi].head;
    const bool head_ok = (sh < 0 && gh < 0) || (sh >= 0 && gh >= 0 && to_gold[sh] == gh);
    if (head_ok) {
      ++uas;
      las += Universal(s.deprel) == Universal(g.deprel);
    }
  }
  EvalScores r;
  const size_t gn = gold.words.size(), sn = sys.words.size();
  r.gold_words = gn;
  r.system_words = sn;
  r.tokens = F1(CountSpanMatches(gold.tokens, sys.tokens), gold.tokens.size(), sys.tokens.size());
  r.sentences =
      F1(CountSpanMatches(gold.sentences, sys.sentences), gold.sentences.size(), sys.sentences.size());
  r.words = F1(aligned, gn, sn);
  r.upos = F1(upos, gn, sn);
  r.xpos = F1(xpos, gn, sn);
  r.feats = F1(feats, gn, sn);
  r.lemmas = F1(lemmas, gn, sn);
  r.uas = F1(uas, gn, sn);
  r.las = F1(las, gn, sn);
  return r;
}

std::vector<ConlluSentence> AnalyzeGoldTokens(const SyntaxModel& model,
                                              const std::vector<ConlluSentence>& gold, int threads) {
  std::vector<ConlluSentence> out(gold.size());
  // Threads take sentences one at a time; each writes only its own slot.
  std::atomic<size_t> next{0};
  auto work = [&] {
    SentenceAnalysis a;
    std::vector<std::string_view> forms;
    for (size_t k = next++; k < gold.size(); k = next++) {
      const ConlluSentence& g = gold[k];
      ConlluSentence& s = out[k];
      s.comments = g.comments;
      s.ranges = g.ranges;
      forms.clear();
      for (const ConlluWord& w : g.words) forms.push_back(w.form);
      model.Analyze(forms, &a);
      for (size_t i = 0; i < forms.size(); ++i) {
        ConlluWord w;
        w.form = g.words[i].form;
        w.lemma = a.lemmas[i];
        w.upos = model.tagger().upos(a.tags[i]);
        w.xpos = model.tagger().xpos(a.tags[i]);
        w.feats = model.lemmatizer().Feats(forms[i], a.tags[i]);
        w.head = a.heads[i] + 1;
        w.deprel = a.heads[i] < 0 ? "root" : model.parser().label(a.labels[i]);
        w.misc = g.words[i].misc;
        s.words.push_back(std::move(w));
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

std::string RawTextOf(const std::vector<ConlluSentence>& gold) {
  std::string text;
  for (const ConlluSentence& s : gold) {
    bool new_paragraph = false;
    for (const std::string& c : s.comments) {
      if (c.rfind("newpar", 0) == 0 || c.rfind("newdoc", 0) == 0) new_paragraph = true;
    }
    if (!text.empty()) text += new_paragraph ? "\n\n" : " ";
    size_t r = 0;
    for (size_t i = 0; i < s.words.size();) {
      const int id = static_cast<int>(i) + 1;
      int last = id;
      if (r < s.ranges.size() && s.ranges[r].first == id) {
        text += s.ranges[r].form;
        last = std::max(s.ranges[r].last, id);
        ++r;
      } else {
        text += s.words[i].form;
      }
      i = static_cast<size_t>(last);
      if (i < s.words.size() && !s.NoSpaceAfter(last)) text += ' ';
    }
  }
  text += '\n';
  return text;
}

namespace {

// The text of a span on one line, or "" for a span outside the text.
std::string OneLine(const Document& doc, Span span) {
  if (span.end > doc.text.size() || span.begin > span.end) return "";
  std::string text(doc.SpanText(span));
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// "# headline = ...", "# dateline = ...", "# dateline_place = ...".
std::vector<std::string> FurnitureComments(const Document& doc) {
  std::vector<std::string> out;
  for (const Furniture& f : doc.furniture) {
    out.push_back(std::string(FurnitureKindName(f.kind)) + " = " + OneLine(doc, f.span));
  }
  if (doc.dateline) {
    if (doc.dateline->place.size() > 0) out.push_back("dateline_place = " + OneLine(doc, doc.dateline->place));
    if (doc.dateline->date.size() > 0) out.push_back("dateline_date = " + OneLine(doc, doc.dateline->date));
    if (!doc.dateline->agency.empty()) out.push_back("dateline_agency = " + doc.dateline->agency);
  }
  return out;
}

}  // namespace

std::vector<ConlluSentence> DocumentToConllu(const Document& doc) {
  std::vector<ConlluSentence> out;
  out.reserve(doc.sentences.size());
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    if (sent.token_end > doc.tokens.size() || sent.token_begin >= sent.token_end) continue;
    ConlluSentence s;
    if (out.empty()) s.comments = FurnitureComments(doc);
    s.comments.push_back("sent_id = " + std::to_string(si + 1));
    if (sent.span.end <= doc.text.size() && sent.span.begin <= sent.span.end) {
      s.comments.push_back("text = " + OneLine(doc, sent.span));
    }
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      ConlluWord w;
      w.form = tok.form;
      w.lemma = tok.lemma;
      w.upos = tok.upos;
      w.xpos = tok.xpos;
      w.feats = tok.feats;
      const bool inside = tok.head >= static_cast<int32_t>(sent.token_begin) &&
                          tok.head < static_cast<int32_t>(sent.token_end);
      w.head = inside ? tok.head - static_cast<int32_t>(sent.token_begin) + 1 : 0;
      w.deprel = tok.deprel;
      w.misc = tok.space_after ? "_" : "SpaceAfter=No";
      s.words.push_back(std::move(w));
      if (t > sent.token_begin && tok.span.begin == doc.tokens[t - 1].span.end &&
          IsContractionSplit(doc.tokens[t - 1].form, tok.form)) {
        const int id = static_cast<int>(s.words.size());
        ConlluRange range;
        range.first = id - 1;
        range.last = id;
        range.form = doc.tokens[t - 1].form + tok.form;
        range.misc = s.words.back().misc;  // SpaceAfter belongs to the token
        s.words[static_cast<size_t>(id - 2)].misc = "_";
        s.words.back().misc = "_";
        s.ranges.push_back(std::move(range));
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<EvalScores> EvaluateRawText(const Config& config, const std::vector<ConlluSentence>& gold,
                                   std::vector<ConlluSentence>* system, int threads, bool repaired) {
  auto text_stage = CreateTextStage(config);
  if (!text_stage.ok()) return text_stage.status();
  auto syntax_stage = repaired ? CreateSyntaxStage(config) : CreateUnrepairedSyntaxStage(config);
  if (!syntax_stage.ok()) return syntax_stage.status();
  Document doc;
  doc.id = "eval";
  doc.text = RawTextOf(gold);
  ANNALS_RETURN_IF_ERROR((*text_stage)->Process(&doc));
  ANNALS_RETURN_IF_ERROR(ProcessSentencesInParallel(**syntax_stage, &doc, threads));
  std::vector<ConlluSentence> sys = DocumentToConllu(doc);
  EvalScores scores = EvaluateConllu(gold, sys);
  if (system != nullptr) *system = std::move(sys);
  return scores;
}

}  // namespace annals::syntax
