// Clause tense (see tense.h). The parse is trusted first because it knows
// which verb an adverbial hangs from ("analysts ... are betting that the
// meeting could be held in September": "held", not "are betting"); token
// cues are the fallback for untagged text.
#include "time/tense.h"

#include <string>
#include <string_view>

#include "base/ascii.h"

namespace annals::timex {
namespace {

std::string LowerForm(const Token& t) { return AsciiLower(t.form); }

bool IsFutureAux(std::string_view w) {
  return w == "will" || w == "shall" || w == "'ll" || w == "wo" || w == "could" ||
         w == "would" || w == "might" || w == "may" || w == "should" || w == "must" ||
         w == "can" || w == "ca";
}

bool IsPastAux(std::string_view w) {
  return w == "was" || w == "were" || w == "had" || w == "did";
}

// Irregular past forms frequent in news, for untagged text.
bool IsIrregularPast(std::string_view w) {
  static constexpr std::string_view kPast[] = {
      "said", "told", "met", "held", "took", "made", "came", "went", "saw", "gave", "left",
      "spoke", "began", "broke", "brought", "fell", "fought", "found", "flew", "got", "hit",
      "kept", "knew", "led", "lost", "paid", "ran", "sent", "shot", "sold", "struck",
      "thought", "won", "wrote", "became", "built", "chose", "drove", "stood", "sought"};
  for (auto p : kPast) {
    if (w == p) return true;
  }
  return false;
}

bool IsVerb(const Token& t) {
  return t.upos == "VERB" || t.upos == "AUX" || (t.xpos.size() >= 2 && t.xpos[0] == 'V' && t.xpos[1] == 'B');
}

Tense FromParse(const DependencyView& v, const Sentence& s, uint32_t tb, uint32_t te) {
  // Head of the expression: the first token whose head leaves the range.
  int32_t cur = -1;
  for (uint32_t t = tb; t < te; ++t) {
    const int32_t h = v.Head(static_cast<int32_t>(t));
    if (h < static_cast<int32_t>(tb) || h >= static_cast<int32_t>(te)) {
      cur = h;
      break;
    }
  }
  for (int step = 0; step < 8 && cur >= static_cast<int32_t>(s.token_begin) &&
                     cur < static_cast<int32_t>(s.token_end);
       ++step) {
    const Token& verb = v.tok(cur);
    if (IsVerb(verb)) {
      bool to_mark = false;
      bool present_passive = false;  // "are scheduled": not a past
      for (int32_t c : v.Children(cur)) {
        const Token& ch = v.tok(c);
        if (ch.deprel == "aux" || ch.deprel == "aux:pass") {
          const std::string& w = v.LowerForm(c);
          if (ch.xpos == "MD" || IsFutureAux(w)) return Tense::kFuture;
          if (ch.xpos == "VBD" || IsPastAux(w)) return Tense::kPast;
          if (w == "is" || w == "are" || w == "am" || w == "'s" || w == "'re" || w == "be" || w == "being") {
            present_passive = true;
          }
        } else if (ch.deprel == "mark" && v.LowerForm(c) == "to") {
          to_mark = true;
        }
      }
      if (verb.xpos == "VBD") return Tense::kPast;
      // A participle with "have", or alone ("the talks held in Paris", or a
      // past tense the tagger read as a participle): past either way.
      if (verb.xpos == "VBN" && !present_passive) return Tense::kPast;
      if (verb.xpos == "MD") return Tense::kFuture;
      if (to_mark) return Tense::kFuture;  // "plans to meet on Friday"
      if (verb.xpos == "VBZ" || verb.xpos == "VBP") return Tense::kPresent;
      // A participle, gerund or bare verb carries no tense of its own: the
      // tense is on the verb above it, so keep climbing.
    }
    cur = v.Head(cur);
  }
  return Tense::kUnknown;
}

Tense FromCues(const Document& doc, const Sentence& s, uint32_t tb, uint32_t te) {
  // Left of the expression: a modal or will anywhere in the clause wins,
  // because the participle after it ("could be held") looks past.
  Tense past_seen = Tense::kUnknown;
  uint32_t steps = 0;
  for (uint32_t t = tb; t > s.token_begin && steps < 10; ++steps) {
    --t;
    const Token& tok = doc.tokens[t];
    const std::string w = LowerForm(tok);
    if (w == ";" || w == ":") break;
    if (tok.xpos == "MD" || IsFutureAux(w)) return Tense::kFuture;
    if (w == "going" && t + 1 < tb && LowerForm(doc.tokens[t + 1]) == "to") return Tense::kFuture;
    if (past_seen == Tense::kUnknown) {
      const bool ed = tok.xpos.empty() && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0;
      const std::string prev = t > s.token_begin ? LowerForm(doc.tokens[t - 1]) : std::string();
      if (ed && (prev == "is" || prev == "are" || prev == "am")) {
        past_seen = Tense::kPresent;  // present passive: "are expected"
      } else if (ed && prev == "be") {
        // "will be held": the modal further left decides.
      } else if (tok.xpos == "VBD" || IsPastAux(w) || IsIrregularPast(w) || ed) {
        past_seen = Tense::kPast;
      } else if (w == "is" || w == "are" || w == "am" || tok.xpos == "VBZ" || tok.xpos == "VBP") {
        past_seen = Tense::kPresent;
      }
    }
  }
  if (past_seen != Tense::kUnknown) return past_seen;
  steps = 0;
  for (uint32_t t = te; t < s.token_end && steps < 6; ++t, ++steps) {
    const Token& tok = doc.tokens[t];
    const std::string w = LowerForm(tok);
    if (w == ";" || w == ":") break;
    if (tok.xpos == "MD" || IsFutureAux(w)) return Tense::kFuture;
    if (tok.xpos == "VBD" || IsPastAux(w) || IsIrregularPast(w) ||
        (tok.xpos.empty() && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0)) {
      return Tense::kPast;
    }
  }
  return Tense::kUnknown;
}

}  // namespace

const char* TenseName(Tense t) {
  switch (t) {
    case Tense::kPast: return "past";
    case Tense::kPresent: return "present";
    case Tense::kFuture: return "future";
    case Tense::kUnknown: break;
  }
  return "unknown";
}

Tense ClauseTense(const DependencyView& view, uint32_t sentence, uint32_t token_begin,
                  uint32_t token_end) {
  const Document& doc = view.doc();
  if (sentence >= doc.sentences.size()) return Tense::kUnknown;
  const Sentence& s = doc.sentences[sentence];
  if (s.token_end > doc.tokens.size() || s.token_begin > s.token_end) return Tense::kUnknown;
  if (token_begin < s.token_begin || token_end > s.token_end || token_begin >= token_end) {
    return Tense::kUnknown;
  }
  bool parsed = false;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    if (!doc.tokens[t].deprel.empty()) {
      parsed = true;
      break;
    }
  }
  if (parsed) {
    const Tense t = FromParse(view, s, token_begin, token_end);
    if (t != Tense::kUnknown) return t;
  }
  return FromCues(doc, s, token_begin, token_end);
}

}  // namespace annals::timex
