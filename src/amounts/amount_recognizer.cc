// The amounts grammar (see amount_recognizer.h). At each lexeme the
// recogniser tries, in order: an active casualty verb with its count
// ("killing 12"), a death toll, a crowd ("a crowd of 5,000"), money, and a
// count followed by a casualty cue or a crowd noun ("five people killed",
// "thousands of protesters"). The word lists below are the closed grammar of
// these phrases; the open vocabulary (currencies) is data.
#include "amounts/amount_recognizer.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "base/one_of.h"
#include "time/lexer.h"
#include "time/numbers.h"

namespace annals {
namespace {

using timex::LexKind;
using timex::Lexeme;

constexpr std::string_view kKilledCues[] = {"killed", "dead", "died", "slain", "perished",
                                            "deaths", "dies", "die"};
constexpr std::string_view kWoundedCues[] = {"wounded", "injured", "hurt", "injuries"};
constexpr std::string_view kArrestedCues[] = {"arrested", "detained", "arrests", "detentions"};
constexpr std::string_view kDisplacedCues[] = {"displaced", "evacuated", "fled", "homeless",
                                               "uprooted"};
constexpr std::string_view kCrowdNouns[] = {"protesters", "protestors", "demonstrators",
                                            "marchers", "rallygoers", "mourners"};
constexpr std::string_view kCrowdVerbs[] = {"marched", "rallied", "gathered", "protested",
                                            "demonstrated", "attended", "assembled",
                                            "turned", "took", "joined", "thronged"};
// Words that end the noun phrase after a count: the cue must come before.
constexpr std::string_view kStops[] = {
    "and", "or", "but", "in", "on", "at", "from", "to", "by", "who", "that", "which", "with",
    "of", "for", "as", "than", "after", "before", "during", "since", "while", "when", "the",
    "a", "an", "this", "these", "those", "their", "his", "her", "its", "our", "not", "no",
    "per", "percent", "cent", "times", "votes", "seats", "points", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "tonnes", "tons"};
constexpr std::string_view kAux[] = {"was", "were", "is", "are", "have", "has", "had", "been",
                                     "being", "be", "reportedly", "also", "later", "found",
                                     "left", "now", "were", "allegedly", "all", "believed",
                                     "feared", "confirmed", "reported", "said", "to"};
constexpr std::string_view kTimeUnits[] = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "am", "pm", "o'clock"};

// The kind an amount cue word signals, or "".
std::string_view CueKind(std::string_view w) {
  if (In(w, kKilledCues)) return "killed";
  if (In(w, kWoundedCues)) return "wounded";
  if (In(w, kArrestedCues)) return "arrested";
  if (In(w, kDisplacedCues)) return "displaced";
  return "";
}

// Active verbs that take the count as object: "killing 12", "arrested 200".
std::string_view ActiveKind(std::string_view w) {
  static constexpr std::string_view kKill[] = {"killed", "killing", "kill", "kills"};
  static constexpr std::string_view kWound[] = {"wounded", "wounding", "injured", "injuring",
                                                "injure", "injures", "wound", "wounds"};
  static constexpr std::string_view kArrest[] = {"arrested", "arresting", "arrest", "arrests",
                                                 "detained", "detaining", "detain", "detains"};
  static constexpr std::string_view kDisplace[] = {"displaced", "displacing", "displace",
                                                   "evacuated", "evacuating"};
  if (In(w, kKill)) return "killed";
  if (In(w, kWound)) return "wounded";
  if (In(w, kArrest)) return "arrested";
  if (In(w, kDisplace)) return "displaced";
  return "";
}

struct Count {
  double value = 0;
  size_t end = 0;
  bool approximate = false;
  bool digits = false;
};

class SentenceAmounts {
 public:
  SentenceAmounts(const Document& doc, uint32_t sentence, const std::vector<Lexeme>& lx,
                  const CurrencyTable& table)
      : doc_(doc), sentence_(sentence), lx_(lx), n_(lx.size()), table_(table) {}

  void Scan(std::vector<Amount>* out) const {
    size_t i = 0;
    while (i < n_) {
      size_t end = 0;
      if (lx_[i].kind != LexKind::kPunct || lx_[i].norm != "-") {
        end = TryAll(i, out);
      }
      i = end > i ? end : i + 1;
    }
  }

 private:
  bool W(size_t i, std::string_view w) const {
    return i < n_ && lx_[i].kind == LexKind::kWord && lx_[i].norm == w;
  }
  bool IsWord(size_t i) const { return i < n_ && lx_[i].kind == LexKind::kWord; }

  size_t TryAll(size_t i, std::vector<Amount>* out) const {
    if (size_t e = Active(i, out)) return e;
    if (size_t e = DeathToll(i, out)) return e;
    if (size_t e = Crowd(i, out)) return e;
    if (size_t e = Money(i, out)) return e;
    if (size_t e = CountThenCue(i, out)) return e;
    return 0;
  }

  // Approximation words before a number; returns the position after them.
  size_t Approx(size_t i, bool* approx) const {
    *approx = false;
    if (!IsWord(i)) return i;
    const std::string_view w = lx_[i].norm;
    auto two = [&](std::string_view a, std::string_view b) { return w == a && W(i + 1, b); };
    if (two("at", "least") || two("at", "most") || two("more", "than") ||
        two("less", "than") || two("fewer", "than") || two("up", "to") ||
        two("close", "to") || two("upwards", "of") || two("an", "estimated") ||
        two("as", "many")) {
      *approx = true;
      const size_t j = i + 2;
      return (two("as", "many") && W(j, "as")) ? j + 1 : j;
    }
    static constexpr std::string_view kOne[] = {"about", "around", "some", "nearly",
                                                "almost", "roughly", "approximately", "over",
                                                "estimated", "under", "roughly", "perhaps"};
    if (In(w, kOne)) {
      *approx = true;
      return i + 1;
    }
    return i;
  }

  // "dozens", "thousands", "tens of thousands", "hundreds of millions":
  // the smallest value the plural allows (two of the unit), approximate.
  std::optional<Count> Vague(size_t i) const {
    if (!IsWord(i)) return std::nullopt;
    auto unit = [](std::string_view w) -> double {
      if (w == "dozens") return 12;
      if (w == "scores") return 20;
      if (w == "hundreds") return 100;
      if (w == "thousands") return 1e3;
      if (w == "millions") return 1e6;
      if (w == "billions") return 1e9;
      if (w == "trillions") return 1e12;
      return 0;
    };
    Count c;
    c.approximate = true;
    const double u = unit(lx_[i].norm);
    if (u == 0) return std::nullopt;
    c.end = i + 1;
    c.value = 2 * u;
    // "tens of thousands", "hundreds of millions".
    if (lx_[i].norm == "hundreds" && W(i + 1, "of")) {
      const double inner = unit(i + 2 < n_ ? std::string_view(lx_[i + 2].norm) : "");
      if (inner >= 1e3) {
        c.value = 2 * u * inner;
        c.end = i + 3;
      }
    }
    return c;
  }

  std::optional<Count> CountAt(size_t j, bool allow_glued) const {
    if (j >= n_) return std::nullopt;
    if (W(j, "tens") && W(j + 1, "of")) {
      if (auto v = Vague(j + 2); v && v->value >= 2e3) {
        v->value *= 10;  // "tens of thousands": two tens of thousands, 2e4
        return v;
      }
    }
    if (auto v = Vague(j)) return v;
    // A number glued to a word before it ("A320", "1e400") is not a count.
    if (lx_[j].kind == LexKind::kNumber && !allow_glued && !lx_[j].space_before && j > 0 &&
        lx_[j - 1].kind != LexKind::kPunct) {
      return std::nullopt;
    }
    auto m = timex::ParseNumberAt(lx_, j, n_);
    if (!m) return std::nullopt;
    // Digits may carry more than one number ("10-12", "1/2"): not a count.
    if (m->digits && lx_[j].norm.find_first_of(":/-") != std::string::npos) return std::nullopt;
    Count c;
    c.value = m->value;
    c.end = m->end;
    c.digits = m->digits;
    return c;
  }

  void Emit(size_t b, size_t e, std::string_view kind, double value, std::string unit,
            bool approximate, std::vector<Amount>* out) const {
    if (e <= b || e > n_ || !std::isfinite(value) || value < 0 || value > timex::kMaxNumber) {
      return;
    }
    Amount a;
    a.span = Span{lx_[b].span.begin, lx_[e - 1].span.end};
    a.token_begin = lx_[b].token;
    a.token_end = lx_[e - 1].token + 1;
    a.sentence = sentence_;
    a.text = std::string(doc_.SpanText(a.span));
    a.kind = std::string(kind);
    a.value = value;
    a.unit = std::move(unit);
    a.approximate = approximate;
    out->push_back(std::move(a));
  }

  // A magnitude after a number: "bn", "m" glued to it, or spaced after a
  // currency symbol ("$8 bn"). Words ("million") were taken by the number.
  size_t MagnitudeAfter(size_t k, bool after_symbol, double* value) const {
    if (!IsWord(k)) return k;
    if (lx_[k].space_before && !after_symbol) return k;
    auto m = table_.Magnitude(lx_[k].norm);
    if (!m) return k;
    *value *= *m;
    return k + 1;
  }

  bool UpperCase(size_t i) const {
    for (char ch : doc_.SpanText(lx_[i].span)) {
      if (ch < 'A' || ch > 'Z') return false;
    }
    return true;
  }

  std::optional<std::string> CodeAt(size_t i) const {
    if (!IsWord(i) || lx_[i].norm.size() != 3 || !UpperCase(i)) return std::nullopt;
    return table_.Code(lx_[i].norm);
  }

  // $8bn, €50 million, US$5m, USD 300 million, 100 billion dollars,
  // 2.5 trillion yen, billions of dollars.
  size_t Money(size_t i, std::vector<Amount>* out) const {
    bool approx = false;
    const size_t j = Approx(i, &approx);
    // Currency first.
    std::optional<CurrencyTable::Hit> sym = table_.SymbolAt(lx_, j);
    if (!sym) {
      if (auto code = CodeAt(j); code && j + 1 < n_ && lx_[j + 1].kind == LexKind::kNumber) {
        sym = CurrencyTable::Hit{*code, j + 1};
      }
    }
    if (sym) {
      auto c = CountAt(sym->end, /*allow_glued=*/true);
      if (!c || !c->digits) return 0;
      double value = c->value;
      size_t e = MagnitudeAfter(c->end, true, &value);
      Emit(i, e, "money", value, sym->code, approx || c->approximate, out);
      return e;
    }
    // Number first, currency after.
    auto c = CountAt(j, false);
    if (!c) return 0;
    double value = c->value;
    size_t k = c->end;
    if (c->digits) k = MagnitudeAfter(k, false, &value);
    if (c->approximate && W(k, "of")) ++k;  // "billions of dollars"
    if (auto name = table_.NameAt(lx_, k)) {
      // "won" and "real" are also English words: only right after a number
      // or magnitude written in digits.
      if ((W(k, "won") || W(k, "real")) && !c->digits) return 0;
      Emit(i, name->end, "money", value, name->code, approx || c->approximate, out);
      return name->end;
    }
    if (auto code = CodeAt(k)) {
      Emit(i, k + 1, "money", value, *code, approx || c->approximate, out);
      return k + 1;
    }
    return 0;
  }

  // Skips up to four noun-phrase words after a count ("Palestinian
  // civilians", "police officers"); returns the position after them.
  size_t NounPhrase(size_t k, bool* crowd_noun) const {
    *crowd_noun = false;
    for (int words = 0; words < 4 && k < n_; ++words) {
      if (lx_[k].kind == LexKind::kPunct && lx_[k].norm == "-" && !lx_[k].space_before) {
        ++k;
        continue;
      }
      if (!IsWord(k)) break;
      const std::string_view w = lx_[k].norm;
      if (In(w, kStops) || In(w, kAux) || !CueKind(w).empty() || In(w, kTimeUnits) ||
          In(w, kCrowdVerbs)) {
        break;
      }
      if (In(w, kCrowdNouns)) *crowd_noun = true;
      ++k;
    }
    return k;
  }

  // "five people killed", "40 wounded", "12 soldiers were killed",
  // "thousands of protesters", "20,000 people marched".
  size_t CountThenCue(size_t i, std::vector<Amount>* out) const {
    bool approx = false;
    const size_t j = Approx(i, &approx);
    auto c = CountAt(j, false);
    if (!c) return 0;
    size_t k = c->end;
    if (c->approximate && W(k, "of")) ++k;
    bool crowd_noun = false;
    const size_t np_end = NounPhrase(k, &crowd_noun);
    size_t q = np_end;
    for (int aux = 0; aux < 4 && q < n_ && IsWord(q) && In(lx_[q].norm, kAux); ++aux) ++q;
    if (IsWord(q)) {
      const std::string_view kind = CueKind(lx_[q].norm);
      // "were killed" and "dead" need no noun; a bare count before "died"
      // is fine too ("12 died"). A year is not a count ("2014 killed").
      if (!kind.empty() && !(c->digits && c->value >= 1900 && c->value <= 2100 && np_end == k)) {
        Emit(i, q + 1, kind, c->value, "people", approx || c->approximate, out);
        return q + 1;
      }
      if (In(lx_[q].norm, kCrowdVerbs) && np_end > k && q == np_end &&
          (W(q, "took") ? W(q + 1, "to") : true) && (W(q, "turned") ? W(q + 1, "out") : true)) {
        Emit(i, np_end, "crowd", c->value, "people", approx || c->approximate, out);
        return np_end;
      }
    }
    if (crowd_noun) {
      Emit(i, np_end, "crowd", c->value, "people", approx || c->approximate, out);
      return np_end;
    }
    return 0;
  }

  // "killing at least 12 people", "police arrested 200 protesters".
  size_t Active(size_t i, std::vector<Amount>* out) const {
    if (!IsWord(i)) return 0;
    const std::string_view kind = ActiveKind(lx_[i].norm);
    if (kind.empty()) return 0;
    bool approx = false;
    const size_t j = Approx(i + 1, &approx);
    auto c = CountAt(j, false);
    if (!c) return 0;
    size_t k = c->end;
    if (c->approximate && W(k, "of")) ++k;
    // "killed 3 days ago", "arrested in 2014": not counts of people.
    if (IsWord(k) && In(lx_[k].norm, kTimeUnits)) return 0;
    if (c->digits && c->value >= 1900 && c->value <= 2100) return 0;
    if (IsWord(k) && table_.NameAt(lx_, k)) return 0;
    bool crowd_noun = false;
    const size_t np_end = NounPhrase(k, &crowd_noun);
    Emit(i, np_end, kind, c->value, "people", approx || c->approximate, out);
    return np_end;
  }

  // "the death toll rose to 30", "the toll stands at 12".
  size_t DeathToll(size_t i, std::vector<Amount>* out) const {
    size_t k = i;
    if (W(k, "death")) ++k;
    if (!W(k, "toll")) return 0;
    ++k;
    static constexpr std::string_view kVerbs[] = {
        "rose", "risen", "climbed", "reached", "stood", "stands", "rises", "climbs", "jumped",
        "increased", "hit", "is", "was", "has", "had", "now", "of", "soared", "to", "at"};
    // "the death toll from the earthquake has risen to": skip a short
    // prepositional phrase before the verb.
    if (W(k, "from") || W(k, "in") || W(k, "after")) {
      size_t v = k + 1;
      while (v < n_ && v < k + 6 && IsWord(v) && !In(lx_[v].norm, kVerbs)) ++v;
      if (v < n_ && IsWord(v) && In(lx_[v].norm, kVerbs)) k = v;
    }
    for (int s = 0; s < 4 && IsWord(k) && In(lx_[k].norm, kVerbs); ++s) ++k;
    bool approx = false;
    const size_t j = Approx(k, &approx);
    auto c = CountAt(j, false);
    if (!c || (c->digits && c->value >= 1900 && c->value <= 2100 && !W(c->end, "people"))) {
      return 0;
    }
    size_t e = c->end;
    if (W(e, "people") || W(e, "dead")) ++e;
    Emit(i, e, "killed", c->value, "people", approx || c->approximate, out);
    return e;
  }

  // "a crowd of 5,000", "crowds of thousands".
  size_t Crowd(size_t i, std::vector<Amount>* out) const {
    size_t k = i;
    if (W(k, "a")) ++k;
    if (!(W(k, "crowd") || W(k, "crowds")) || !W(k + 1, "of")) return 0;
    bool approx = false;
    const size_t j = Approx(k + 2, &approx);
    auto c = CountAt(j, false);
    if (!c) return 0;
    bool crowd_noun = false;
    const size_t e = NounPhrase(c->end, &crowd_noun);
    Emit(i, e, "crowd", c->value, "people", approx || c->approximate, out);
    return e;
  }

  const Document& doc_;
  uint32_t sentence_;
  const std::vector<Lexeme>& lx_;
  size_t n_;
  const CurrencyTable& table_;
};

}  // namespace

void AmountRecognizer::Find(Document* doc) const {
  doc->amounts.clear();
  std::vector<Lexeme> lx;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_begin >= sent.token_end || sent.token_end > doc->tokens.size()) continue;
    lx.clear();
    timex::LexTokens(*doc, sent.token_begin, sent.token_end, &lx);
    SentenceAmounts(*doc, s, lx, *table_).Scan(&doc->amounts);
  }
}

const char* PloverSizeField(std::string_view kind) {
  if (kind == "killed") return "dead";
  if (kind == "wounded") return "injured";
  if (kind == "arrested") return "arrested";
  if (kind == "crowd") return "size";
  if (kind == "displaced") return "displaced";
  return "";
}

}  // namespace annals
