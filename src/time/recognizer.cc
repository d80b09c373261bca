// The temporal expression grammar (see recognizer.h). Each Match* function
// tries one family at a lexeme position and returns a candidate with its
// extent and resolved value; Scan() takes optional modifier words
// ("shortly after", "early", "more than") and then the first family that
// matches. Dispatch is by one hash lookup per lexeme (the keyword table), so
// sentences without time words cost one lookup per lexeme.
#include "time/recognizer.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/civil_date.h"
#include "time/lexer.h"
#include "time/numbers.h"
#include "time/tense.h"
#include "time/timex.h"

namespace annals::timex {
namespace {

enum Unit : int8_t {
  kNoUnit = -1, kSecond, kMinute, kHour, kDay, kWeek, kFortnight, kMonth, kYear, kDecade,
  kCentury, kWeekend,
};

struct Kw {
  int8_t month = 0;       // 1..12
  int8_t weekday = -1;    // 0 = Monday
  int8_t unit = kNoUnit;
  int8_t part = -1;       // 0 morning, 1 afternoon, 2 evening, 3 night
  int8_t season = -1;     // 0 spring, 1 summer, 2 autumn, 3 winter
  bool abbrev = false;    // month abbreviation ("Aug")
  bool plural = false;    // unit plural ("weeks")
};

using KwTable = std::unordered_map<std::string_view, Kw>;

const KwTable& Keywords() {
  static const KwTable* kTable = [] {
    auto* t = new KwTable;
    static constexpr std::string_view kMonths[] = {"january", "february", "march", "april",
                                                   "may", "june", "july", "august",
                                                   "september", "october", "november",
                                                   "december"};
    for (int m = 0; m < 12; ++m) (*t)[kMonths[m]].month = static_cast<int8_t>(m + 1);
    static constexpr std::pair<std::string_view, int> kAbbrev[] = {
        {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
        {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
    for (auto [w, m] : kAbbrev) {
      (*t)[w].month = static_cast<int8_t>(m);
      (*t)[w].abbrev = true;
    }
    static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; ++d) (*t)[kDays[d]].weekday = static_cast<int8_t>(d);
    static constexpr std::pair<std::string_view, Unit> kUnits[] = {
        {"second", kSecond}, {"minute", kMinute}, {"hour", kHour},     {"day", kDay},
        {"week", kWeek},     {"fortnight", kFortnight}, {"month", kMonth}, {"year", kYear},
        {"decade", kDecade}, {"century", kCentury}, {"weekend", kWeekend}};
    for (auto [w, u] : kUnits) (*t)[w].unit = u;
    static constexpr std::pair<std::string_view, Unit> kPlurals[] = {
        {"seconds", kSecond}, {"minutes", kMinute}, {"hours", kHour},     {"days", kDay},
        {"weeks", kWeek},     {"fortnights", kFortnight}, {"months", kMonth}, {"years", kYear},
        {"decades", kDecade}, {"centuries", kCentury}, {"weekends", kWeekend}};
    for (auto [w, u] : kPlurals) {
      (*t)[w].unit = u;
      (*t)[w].plural = true;
    }
    static constexpr std::pair<std::string_view, int> kParts[] = {
        {"morning", 0}, {"afternoon", 1}, {"evening", 2}, {"night", 3}};
    for (auto [w, p] : kParts) (*t)[w].part = static_cast<int8_t>(p);
    static constexpr std::pair<std::string_view, int> kSeasons[] = {
        {"spring", 0}, {"summer", 1}, {"autumn", 2}, {"fall", 2}, {"winter", 3}};
    for (auto [w, s] : kSeasons) (*t)[w].season = static_cast<int8_t>(s);
    return t;
  }();
  return *kTable;
}

constexpr const char* kPartCode[] = {"MO", "AF", "EV", "NI"};
constexpr const char* kSeasonCode[] = {"SP", "SU", "FA", "WI"};

struct Cand {
  size_t b = 0;
  size_t e = 0;  // lexemes [b, e)
  std::string type;
  std::string value;
  std::string precision;
  std::string mod;
  int clock_hh = -1;  // clock times get their day after the sentence is scanned
  int clock_mm = 0;
};

std::string FormatCount(double n) {
  char buf[32];
  if (n == std::floor(n) && n < 1e9) {
    std::snprintf(buf, sizeof buf, "%.0f", n);
  } else {
    std::snprintf(buf, sizeof buf, "%g", n);
  }
  return buf;
}

// "P3D", "PT24H", "PXW" (n < 0 means unspecified).
std::string DurationValue(double n, int unit) {
  const std::string count = n < 0 ? "X" : FormatCount(n);
  switch (unit) {
    case kSecond: return "PT" + count + "S";
    case kMinute: return "PT" + count + "M";
    case kHour:
      if (n > 0 && n < 1) return "PT" + FormatCount(n * 60) + "M";
      return "PT" + count + "H";
    case kDay: return "P" + count + "D";
    case kWeek: return "P" + count + "W";
    case kFortnight: return "P" + (n < 0 ? count : FormatCount(2 * n)) + "W";
    case kMonth: return "P" + count + "M";
    case kYear: return "P" + count + "Y";
    case kDecade: return "P" + count + "DE";
    case kCentury: return "P" + count + "CE";
    case kWeekend: return "P" + count + "WE";
    default: return "P" + count + "D";
  }
}

class SentenceScanner {
 public:
  SentenceScanner(const DependencyView& view, uint32_t sentence, const std::vector<Lexeme>& lx,
                  std::optional<CivilDate> dct)
      : doc_(view.doc()), view_(view), sentence_(sentence), lx_(lx), n_(lx.size()), dct_(dct), kw_(Keywords()) {}

  void Scan(std::vector<Cand>* out) const {
    size_t i = 0;
    while (i < n_) {
      std::optional<Cand> c = AtPosition(i);
      if (c && c->e > c->b) {
        i = c->e;
        out->push_back(std::move(*c));
      } else {
        ++i;
      }
    }
  }

 private:
  // ---- lexeme tests ----
  bool W(size_t i, std::string_view w) const {
    return i < n_ && lx_[i].kind == LexKind::kWord && lx_[i].norm == w;
  }
  bool P(size_t i, std::string_view p) const {
    return i < n_ && lx_[i].kind == LexKind::kPunct && lx_[i].norm == p;
  }
  const Kw* K(size_t i) const {
    if (i >= n_ || lx_[i].kind != LexKind::kWord) return nullptr;
    auto it = kw_.find(lx_[i].norm);
    return it == kw_.end() ? nullptr : &it->second;
  }
  int Unit(size_t i) const {
    const Kw* k = K(i);
    return k ? static_cast<int>(k->unit) : static_cast<int>(kNoUnit);
  }
  bool Plural(size_t i) const {
    const Kw* k = K(i);
    return k && k->plural;
  }
  // An integer number lexeme written with digits only, in [lo, hi].
  std::optional<int> Int(size_t i, int lo, int hi) const {
    if (i >= n_ || lx_[i].kind != LexKind::kNumber || !AllDigits(lx_[i].norm) ||
        lx_[i].norm.size() > 4) {
      return std::nullopt;
    }
    const int v = std::stoi(lx_[i].norm);
    if (v < lo || v > hi) return std::nullopt;
    return v;
  }
  std::optional<int> Year(size_t i) const {
    if (i >= n_ || lx_[i].norm.size() != 4 || lx_[i].ordinal) return std::nullopt;
    return Int(i, 1000, 2999);
  }
  std::optional<int> DayOfMonth(size_t i) const { return Int(i, 1, 31); }

  Tense TenseOf(size_t b, size_t e) const {
    if (b >= e || e > n_) return Tense::kUnknown;
    return ClauseTense(view_, sentence_, lx_[b].token, lx_[e - 1].token + 1);
  }

  // ---- resolution helpers ----
  // A month without a year: the tense of the clause picks the year.
  int YearForMonth(int month, int day, Tense tense) const {
    const CivilDate d = *dct_;
    const int cmp = month != d.month ? (month < d.month ? -1 : 1)
                                     : (day == 0 || day == d.day ? 0 : (day < d.day ? -1 : 1));
    switch (tense) {
      case Tense::kFuture: return cmp < 0 ? d.year + 1 : d.year;
      case Tense::kPast: return cmp > 0 ? d.year - 1 : d.year;
      default: break;
    }
    // No tense: the nearest occurrence (news reports the recent past and the
    // near future, so a month more than six months away belongs to the
    // neighbouring year).
    const int months_ahead = (month - d.month);
    if (months_ahead > 6) return d.year - 1;
    if (months_ahead < -6) return d.year + 1;
    return d.year;
  }

  // Offset in days from the document date to the weekday `wd`.
  long WeekdayOffset(int wd, std::string_view how, Tense tense) const {
    const int today = IsoWeekday(*dct_);
    const int back = (today - wd + 7) % 7;   // 0..6 days ago
    const int ahead = (wd - today + 7) % 7;  // 0..6 days ahead
    if (how == "last" || how == "past") return back == 0 ? -7 : -back;
    if (how == "next") return ahead == 0 ? 7 : ahead;
    if (how == "coming") return ahead;
    switch (tense) {
      case Tense::kFuture: return ahead;
      case Tense::kPast: return -back;
      default: return back <= 3 ? -back : ahead;
    }
  }

  void SetDay(Cand* c, CivilDate d) const {
    c->value = DayValue(d);
    c->precision = "day";
    c->type = "DATE";
  }

  void Unresolved(Cand* c, std::string value) const {
    c->value = std::move(value);
    c->precision = "none";
  }

  // ---- the position driver: modifiers, then a family ----
  std::optional<Cand> AtPosition(size_t i) const {
    // Cheap dispatch: only words in the keyword table, a few trigger words,
    // numbers and nothing else can start an expression.
    const Lexeme& l = lx_[i];
    if (l.kind == LexKind::kPunct) return std::nullopt;
    std::string mod;
    size_t j = ModifierAt(i, &mod);
    if (j > i) {
      if (auto c = Core(j, !mod.empty()); c && c->b == j && ModFits(mod, *c, j)) {
        c->mod = mod;
        c->b = i;
        return c;
      }
    }
    return Core(i, false);
  }

  // Modifier words before an expression; returns the position after them.
  size_t ModifierAt(size_t i, std::string* mod) const {
    const std::string_view w = lx_[i].norm;
    if (lx_[i].kind != LexKind::kWord) return i;
    if ((w == "shortly" || w == "just" || w == "soon" || w == "right" || w == "immediately") &&
        (W(i + 1, "after") || W(i + 1, "before"))) {
      *mod = W(i + 1, "after") ? "AFTER" : "BEFORE";
      return i + 2;
    }
    if (w == "after") { *mod = "AFTER"; return i + 1; }
    if (w == "before") { *mod = "BEFORE"; return i + 1; }
    if (w == "around" || w == "about" || w == "approximately" || w == "roughly" ||
        w == "some") {
      *mod = "APPROX";
      return i + 1;
    }
    if (w == "nearly" || w == "almost") { *mod = "LESS_THAN"; return i + 1; }
    if (w == "more" && W(i + 1, "than")) { *mod = "MORE_THAN"; return i + 2; }
    if ((w == "less" || w == "fewer") && W(i + 1, "than")) { *mod = "LESS_THAN"; return i + 2; }
    if (w == "over") { *mod = "MORE_THAN"; return i + 1; }
    if (w == "under") { *mod = "LESS_THAN"; return i + 1; }
    if (w == "at" && W(i + 1, "least")) { *mod = "EQUAL_OR_MORE"; return i + 2; }
    if (w == "at" && W(i + 1, "most")) { *mod = "EQUAL_OR_LESS"; return i + 2; }
    if (w == "up" && W(i + 1, "to")) { *mod = "EQUAL_OR_LESS"; return i + 2; }
    if (w == "early") { *mod = "START"; return i + 1; }
    if (w == "late") { *mod = "END"; return i + 1; }
    if (w == "mid") {
      *mod = "MID";
      return P(i + 1, "-") ? i + 2 : i + 1;
    }
    if (w == "the" && (W(i + 1, "end") || W(i + 1, "beginning") || W(i + 1, "start") ||
                       W(i + 1, "middle")) &&
        W(i + 2, "of")) {
      *mod = W(i + 1, "end") ? "END" : (W(i + 1, "middle") ? "MID" : "START");
      return i + 3;
    }
    return i;
  }

  bool ModFits(const std::string& mod, const Cand& c, size_t j) const {
    if (mod == "AFTER" || mod == "BEFORE") return c.type == "TIME" && c.clock_hh >= 0;
    if (mod == "APPROX") return c.type == "TIME" || c.type == "DURATION" || c.type == "DATE";
    if (mod == "START" || mod == "END" || mod == "MID") {
      return c.type == "DATE" || (c.type == "TIME" && c.clock_hh < 0);
    }
    // Quantity modifiers: only before a counted duration ("more than three
    // years"), never before "the next few days", where "over" is a signal.
    if (c.type != "DURATION") return false;
    return !(W(j, "the") || W(j, "this") || W(j, "last") || W(j, "next") || W(j, "past"));
  }

  std::optional<Cand> Core(size_t j, bool has_mod) const {
    if (j >= n_) return std::nullopt;
    const Lexeme& l = lx_[j];
    if (l.kind == LexKind::kNumber) {
      if (auto c = NumericDate(j)) return c;
      if (auto c = Clock(j)) return c;
      if (auto c = DayMonth(j)) return c;
      if (auto c = YearOrDecade(j)) return c;
      if (auto c = CountedUnit(j)) return c;
      if (auto c = TimesPer(j)) return c;
      return std::nullopt;
    }
    if (l.kind != LexKind::kWord) return std::nullopt;
    if (auto c = RelativeDay(j)) return c;
    if (const Kw* k = K(j)) {
      if (k->weekday >= 0) return Weekday(j, "");
      if (k->month > 0) {
        if (auto c = MonthDate(j, "", has_mod)) return c;
      }
      if (k->season >= 0 && has_mod) return Season(j, "");
    }
    if (auto c = Holiday(j)) return c;
    if (auto c = QuarterOrHalf(j)) return c;
    if (auto c = Relative(j, has_mod)) return c;
    if (auto c = Clock(j)) return c;
    if (auto c = CountedUnit(j)) return c;
    if (auto c = SetExpr(j)) return c;
    if (auto c = TimesPer(j)) return c;
    return Reference(j);
  }

  // ---- families ----

  // 2025-08-19, 19/08/2025, 08/19/2025, 19.08.2025.
  std::optional<Cand> NumericDate(size_t j) const {
    const std::string& s = lx_[j].norm;
    if (s.size() < 8 || s.size() > 10) return std::nullopt;
    // Three digit groups of at most four digits, one separator kind.
    int field[3] = {0, 0, 0};
    int f = 0;
    int digits = 0;
    char sep1 = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        if (++digits > 4) return std::nullopt;
        field[f] = field[f] * 10 + (ch - '0');
      } else {
        if (digits == 0 || f == 2 || (sep1 != 0 && ch != sep1)) return std::nullopt;
        sep1 = ch;
        ++f;
        digits = 0;
      }
    }
    if (f != 2 || digits == 0) return std::nullopt;
    const int a = field[0], b = field[1], c = field[2];
    CivilDate d;
    if (sep1 == '-' && a >= 1000) {
      d = CivilDate{a, b, c};
    } else if ((sep1 == '/' || sep1 == '.' || sep1 == '-') && c >= 1000) {
      // Day first unless that is impossible: the day-month order of most of
      // the world's press; "/" with a second field over 12 is US order.
      if (sep1 == '/' && b > 12) {
        d = CivilDate{c, a, b};
      } else {
        d = CivilDate{c, b, a};
      }
    } else {
      return std::nullopt;
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
      return std::nullopt;
    }
    Cand cand;
    cand.b = j;
    cand.e = j + 1;
    SetDay(&cand, d);
    return cand;
  }

  // 2:00 p.m., 2 pm, 14:00 GMT, noon, midnight, 3 o'clock.
  std::optional<Cand> Clock(size_t j) const {
    int hh = -1, mm = 0;
    size_t e = j;
    if (lx_[j].kind == LexKind::kWord) {
      if (W(j, "noon") || W(j, "midday")) {
        hh = 12;
      } else if (W(j, "midnight")) {
        hh = 24;
      } else {
        return std::nullopt;
      }
      e = j + 1;
    } else {
      const std::string& s = lx_[j].norm;
      const size_t colon = s.find_first_of(":.");
      bool minutes = false;
      if (colon != std::string::npos) {
        if (s.size() - colon != 3 || colon == 0 || colon > 2) return std::nullopt;
        if (!AllDigits(s.substr(0, colon)) || !AllDigits(s.substr(colon + 1))) return std::nullopt;
        hh = std::stoi(s.substr(0, colon));
        mm = std::stoi(s.substr(colon + 1));
        minutes = true;
      } else {
        if (!AllDigits(s) || s.size() > 2) return std::nullopt;
        hh = std::stoi(s);
      }
      e = j + 1;
      bool ampm = false;
      if (W(e, "pm") || W(e, "am") || ((W(e, "p") || W(e, "a")) && W(e + 1, "m"))) {
        const bool pm = lx_[e].norm[0] == 'p';
        e += W(e, "pm") || W(e, "am") ? 1 : 2;
        // "a.m." ending a sentence: the tokenizer gives its last period to
        // the sentence; it still belongs to the abbreviation.
        if (P(e, ".") && !lx_[e].space_before &&
            doc_.SpanText(lx_[e - 1].span).find('.') != std::string_view::npos &&
            doc_.SpanText(lx_[e - 1].span).back() != '.') {
          ++e;
        }
        if (hh < 1 || hh > 12) return std::nullopt;
        if (pm && hh < 12) hh += 12;
        if (!pm && hh == 12) hh = 0;
        ampm = true;
      } else if (W(e, "o'clock")) {
        ++e;
        ampm = true;
      }
      const bool dotted = colon != std::string::npos && s[colon] == '.';
      if (!ampm && (!minutes || dotted) && !Zone(e)) return std::nullopt;
      if (hh > 24 || mm > 59) return std::nullopt;
    }
    while (Zone(e)) e += W(e, "local") ? 2 : 1;
    Cand c;
    c.b = j;
    c.e = e;
    c.type = "TIME";
    c.precision = "time";
    c.clock_hh = hh;
    c.clock_mm = mm;
    return c;
  }

  bool Zone(size_t i) const {
    if (W(i, "local") && W(i + 1, "time")) return true;
    if (i >= n_ || lx_[i].kind != LexKind::kWord || lx_[i].space_before == false) return false;
    static constexpr std::string_view kZones[] = {"gmt", "utc", "bst", "cet", "cest",
                                                  "edt", "est", "et", "msk", "eet", "eest"};
    for (auto z : kZones) {
      if (lx_[i].norm == z) return true;
    }
    return false;
  }

  // today, tonight, yesterday, tomorrow ('s) (morning), this morning,
  // last night, the day before yesterday, the day after tomorrow.
  std::optional<Cand> RelativeDay(size_t j) const {
    long offset = 0;
    size_t e = j;
    int part = -1;
    if (W(j, "today")) {
      e = j + 1;
    } else if (W(j, "tonight")) {
      e = j + 1;
      part = 3;
    } else if (W(j, "yesterday")) {
      offset = -1;
      e = j + 1;
    } else if (W(j, "tomorrow")) {
      offset = 1;
      e = j + 1;
    } else if (W(j, "the") && W(j + 1, "day") && (W(j + 2, "before") || W(j + 2, "after")) &&
               (W(j + 3, "yesterday") || W(j + 3, "tomorrow"))) {
      const bool before = W(j + 2, "before");
      if (before != W(j + 3, "yesterday")) return std::nullopt;
      offset = before ? -2 : 2;
      e = j + 4;
    } else if ((W(j, "this") || W(j, "last")) && K(j + 1) && K(j + 1)->part >= 0) {
      part = K(j + 1)->part;
      // "last night" is the night before; "this morning" is today.
      offset = W(j, "last") ? -1 : 0;
      if (W(j, "last") && part != 3 && part != 2) return std::nullopt;
      e = j + 2;
    } else {
      return std::nullopt;
    }
    // yesterday('s) (morning)
    size_t after = e;
    if (W(after, "'s")) ++after;
    if (part < 0 && K(after) && K(after)->part >= 0) {
      part = K(after)->part;
      e = after + 1;
    }
    Cand c;
    c.b = j;
    c.e = e;
    c.type = part >= 0 ? "TIME" : "DATE";
    if (dct_) {
      c.value = DayValue(AddDays(*dct_, offset));
      c.precision = "day";
    } else {
      Unresolved(&c, "XXXX-XX-XX");
    }
    if (part >= 0) c.value += std::string("T") + kPartCode[part];
    return c;
  }

  // (this|last|next|coming|past) Monday('s) (morning|night), or a weekday
  // before a calendar date ("Tuesday, August 19"), which then wins.
  std::optional<Cand> Weekday(size_t j, std::string_view how) const {
    const Kw* k = K(j);
    if (!k || k->weekday < 0) return std::nullopt;
    if (!lx_[j].capitalized) return std::nullopt;
    size_t next = j + 1;
    if (P(next, ",")) ++next;
    if (next < n_) {
      std::optional<Cand> date;
      if (lx_[next].kind == LexKind::kNumber) {
        date = NumericDate(next);
        if (!date) date = DayMonth(next);
      } else if (K(next) && K(next)->month > 0) {
        date = MonthDate(next, "", false);
      }
      if (date && date->precision == "day") {
        date->b = j;
        return date;
      }
    }
    Cand c;
    c.b = j;
    c.e = j + 1;
    c.type = "DATE";
    size_t after = c.e;
    if (W(after, "'s")) ++after;
    int part = -1;
    if (K(after) && K(after)->part >= 0) {
      part = K(after)->part;
      c.e = after + 1;
      c.type = "TIME";
    }
    if (dct_) {
      const Tense tense =
          how == "last" || how == "next" ? Tense::kUnknown : TenseOf(c.b, c.e);
      SetDay(&c, AddDays(*dct_, WeekdayOffset(k->weekday, how, tense)));
      if (part >= 0) c.type = "TIME";
    } else {
      Unresolved(&c, "XXXX-WXX-" + std::to_string(k->weekday + 1));
    }
    if (part >= 0) c.value += std::string("T") + kPartCode[part];
    return c;
  }

  // Is the month word at j really a month? "May" and "March" are also a
  // modal and a verb: they need a date-like neighbour or a preposition.
  bool MonthWordOk(size_t j, bool has_mod) const {
    const Kw* k = K(j);
    if (!k || k->month == 0 || !lx_[j].capitalized) return false;
    const bool number_next = (j + 1 < n_ && lx_[j + 1].kind == LexKind::kNumber) ||
                             (P(j + 1, ".") && j + 2 < n_ && lx_[j + 2].kind == LexKind::kNumber);
    const bool number_before = j > 0 && lx_[j - 1].kind == LexKind::kNumber;
    if (k->abbrev) return number_next;
    if (k->month != 3 && k->month != 5) return true;
    if (number_next || number_before || has_mod) return true;
    if (j == 0) return false;
    static constexpr std::string_view kPreps[] = {
        "in", "since", "until", "till", "by", "of", "from", "through", "during", "before",
        "after", "last", "next", "this", "early", "late", "mid", "-", "between", "and", "to"};
    for (auto p : kPreps) {
      if (lx_[j - 1].norm == p) return true;
    }
    return false;
  }

  // Month-first forms: August 19(th)(, 2025), Aug. 19, August 2025, August.
  std::optional<Cand> MonthDate(size_t j, std::string_view how, bool has_mod) const {
    if (!MonthWordOk(j, has_mod)) return std::nullopt;
    const int month = K(j)->month;
    size_t e = j + 1;
    if (K(j)->abbrev && P(e, ".")) ++e;
    Cand c;
    c.b = j;
    c.type = "DATE";
    if (auto day = DayOfMonth(e); day && !Year(e)) {
      size_t after = e + 1;
      std::optional<int> year;
      if (P(after, ",") && Year(after + 1)) {
        year = Year(after + 1);
        after += 2;
      } else if (Year(after)) {
        year = Year(after);
        after += 1;
      }
      c.e = after;
      return DayMonthYear(c, *day, month, year);
    }
    if (auto year = Year(e)) {
      c.e = e + 1;
      c.value = MonthValue(*year, month);
      c.precision = "month";
      return c;
    }
    if (P(e, ",") && Year(e + 1)) {
      c.e = e + 2;
      c.value = MonthValue(*Year(e + 1), month);
      c.precision = "month";
      return c;
    }
    c.e = e;
    if (K(j)->abbrev) return std::nullopt;
    if (!dct_) {
      Unresolved(&c, "XXXX-" + MonthValue(0, month).substr(5));
      return c;
    }
    int year = dct_->year;
    if (how == "last" || how == "past") {
      year = month < dct_->month ? dct_->year : dct_->year - 1;
    } else if (how == "next" || how == "coming") {
      year = month > dct_->month ? dct_->year : dct_->year + 1;
    } else if (how != "this") {
      year = YearForMonth(month, 0, TenseOf(c.b, c.e));
    }
    c.value = MonthValue(year, month);
    c.precision = "month";
    return c;
  }

  std::optional<Cand> DayMonthYear(Cand c, int day, int month, std::optional<int> year) const {
    if (!year && !dct_) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
      Unresolved(&c, buf);
      return c;
    }
    const int y = year ? *year : YearForMonth(month, day, TenseOf(c.b, c.e));
    if (day > DaysInMonth(y, month)) return std::nullopt;
    SetDay(&c, CivilDate{y, month, day});
    return c;
  }

  // Day-first forms: 19 August (2025), 19th of August.
  std::optional<Cand> DayMonth(size_t j) const {
    auto day = DayOfMonth(j);
    if (!day) return std::nullopt;
    size_t m = j + 1;
    if (W(m, "of") && lx_[j].ordinal) ++m;
    const Kw* k = K(m);
    if (!k || k->month == 0 || !lx_[m].capitalized) return std::nullopt;
    size_t e = m + 1;
    if (k->abbrev && P(e, ".")) ++e;
    std::optional<int> year = Year(e);
    if (year) ++e;
    Cand c;
    c.b = j;
    c.e = e;
    c.type = "DATE";
    return DayMonthYear(c, *day, k->month, year);
  }

  // A year after a preposition ("in 2024", "since 2014"), "the year 2024",
  // a decade ("the 1990s").
  std::optional<Cand> YearOrDecade(size_t j) const {
    auto year = Year(j);
    if (!year) return std::nullopt;
    Cand c;
    c.b = j;
    c.e = j + 1;
    c.type = "DATE";
    if (W(j + 1, "s") && !lx_[j + 1].space_before && *year % 10 == 0) {
      if (W(j - 1, "the")) c.b = j - 1;  // "the 1990s": TIMEX3 keeps the article
      c.e = j + 2;
      c.value = std::to_string(*year / 10);
      c.precision = "year";
      return c;
    }
    if (j == 0) return std::nullopt;
    static constexpr std::string_view kPreps[] = {
        "in", "since", "by", "until", "till", "of", "from", "through", "during", "before",
        "after", "early", "late", "mid", "-", "year", "between", "and", "for", "to", "around"};
    bool ok = false;
    for (auto p : kPreps) {
      if (lx_[j - 1].norm == p) ok = true;
    }
    if (!ok || (j + 1 < n_ && K(j + 1) && K(j + 1)->unit != kNoUnit)) return std::nullopt;
    c.value = YearValue(*year);
    c.precision = "year";
    return c;
  }

  // (this|last|next) summer (2025).
  std::optional<Cand> Season(size_t j, std::string_view how) const {
    const Kw* k = K(j);
    if (!k || k->season < 0) return std::nullopt;
    Cand c;
    c.b = j;
    c.e = j + 1;
    c.type = "DATE";
    int year = dct_ ? dct_->year : 0;
    if (auto y = Year(j + 1)) {
      year = *y;
      c.e = j + 2;
    } else if (!dct_) {
      Unresolved(&c, std::string("XXXX-") + kSeasonCode[k->season]);
      return c;
    } else if (how == "last") {
      year -= 1;
    } else if (how == "next") {
      year += 1;
    }
    c.value = YearValue(year) + "-" + kSeasonCode[k->season];
    c.precision = "month";
    return c;
  }

  // Fixed-date holidays: Christmas (Day|Eve), New Year's (Day|Eve). Movable
  // feasts (Easter, Eid) need calendars and are left out.
  std::optional<Cand> Holiday(size_t j) const {
    int month = 0, day = 0;
    size_t e = j;
    if (W(j, "christmas") && lx_[j].capitalized) {
      month = 12;
      day = W(j + 1, "eve") ? 24 : 25;
      e = (W(j + 1, "eve") || W(j + 1, "day")) ? j + 2 : j + 1;
    } else if (W(j, "new") && lx_[j].capitalized && W(j + 1, "year") && W(j + 2, "'s") &&
               (W(j + 3, "day") || W(j + 3, "eve")) && lx_[j + 1].capitalized) {
      month = W(j + 3, "eve") ? 12 : 1;
      day = W(j + 3, "eve") ? 31 : 1;
      e = j + 4;
    } else {
      return std::nullopt;
    }
    Cand c;
    c.b = j;
    c.e = e;
    c.type = "DATE";
    std::optional<int> year = Year(e);
    if (year) ++c.e;
    return DayMonthYear(c, day, month, year);
  }

  // (the) first|second|third|fourth quarter (of 2025), Q3 (2025),
  // (the) first|second half (of 2025): "2025-Q3", "2025-H1".
  std::optional<Cand> QuarterOrHalf(size_t j) const {
    size_t k = W(j, "the") ? j + 1 : j;
    int n = 0;
    char kind = 'Q';
    if (W(k, "q") && k + 1 < n_ && !lx_[k + 1].space_before) {
      auto q = Int(k + 1, 1, 4);
      if (!q) return std::nullopt;
      n = *q;
      k += 2;
    } else {
      static constexpr std::string_view kOrd[] = {"first", "second", "third", "fourth"};
      for (int i = 0; i < 4; ++i) {
        if (W(k, kOrd[i])) n = i + 1;
      }
      if (n == 0 || !(W(k + 1, "quarter") || W(k + 1, "half"))) return std::nullopt;
      kind = W(k + 1, "half") ? 'H' : 'Q';
      if (kind == 'H' && n > 2) return std::nullopt;
      k += 2;
    }
    Cand c;
    c.b = j;
    c.type = "DATE";
    std::optional<int> year;
    if (W(k, "of") && Year(k + 1)) {
      year = Year(k + 1);
      k += 2;
    } else if (Year(k)) {
      year = Year(k);
      ++k;
    } else if (W(k, "of") && (W(k + 1, "this") || W(k + 1, "next") || W(k + 1, "last")) &&
               W(k + 2, "year") && dct_) {
      year = dct_->year + (W(k + 1, "next") ? 1 : W(k + 1, "last") ? -1 : 0);
      k += 3;
    } else if (W(k, "of") && W(k + 1, "the") && W(k + 2, "year")) {
      k += 3;
    }
    c.e = k;
    const std::string code = std::string(1, kind) + std::to_string(n);
    if (!year && !dct_) {
      Unresolved(&c, "XXXX-" + code);
      return c;
    }
    if (!year) {
      // The quarter (half) of the document date's year, or the neighbouring
      // year when the tense points past a quarter not yet begun.
      const int per = kind == 'Q' ? 3 : 6;
      const int current = (dct_->month - 1) / per + 1;
      const Tense tense = TenseOf(c.b, c.e);
      int y = dct_->year;
      if (tense == Tense::kPast && n > current) y -= 1;
      if (tense == Tense::kFuture && n < current) y += 1;
      year = y;
    }
    c.value = YearValue(*year) + "-" + code;
    c.precision = "month";
    return c;
  }

  // Expressions led by this/last/next/past/coming/the/earlier/later/in/recent.
  std::optional<Cand> Relative(size_t j, bool has_mod) const {
    const std::string_view w = lx_[j].norm;
    size_t k = j;
    bool the = false;
    if (w == "earlier" || w == "later") {
      if (!(W(j + 1, "this"))) return std::nullopt;
      auto c = Relative(j + 1, has_mod);
      if (c && c->type == "DATE") c->b = j;
      return c;
    }
    if (w == "the") {
      the = true;
      ++k;
      // "the week/month/year" after "the end of": this week/month/year.
      if (has_mod && Unit(k) >= kWeek && !Plural(k)) return ThisUnit(j, k + 1, Unit(k), 0);
      if (W(k, "future") || (W(k, "near") && W(k + 1, "future"))) {
        Cand c;
        c.b = j;
        c.e = W(k, "near") ? k + 2 : k + 1;
        c.type = "DATE";
        Unresolved(&c, "FUTURE_REF");
        return c;
      }
      if (W(k, "moment") && j > 0 && W(j - 1, "at")) {
        Cand c;
        c.b = j;
        c.e = k + 1;
        c.type = "DATE";
        Unresolved(&c, "PRESENT_REF");
        return c;
      }
    }
    const std::string_view how = k < n_ ? std::string_view(lx_[k].norm) : std::string_view();
    const bool back = how == "last" || how == "past" || how == "previous";
    const bool ahead = how == "next" || how == "coming" || how == "following";
    const bool current = how == "this" || how == "current";
    if (how == "in" && !the) return InCount(j);
    if (how == "recent" && Plural(k + 1)) {
      Cand c;
      c.b = j;
      c.e = k + 2;
      c.type = "DURATION";
      c.value = DurationValue(-1, Unit(k + 1));
      c.precision = "none";
      return c;
    }
    if (!(back || ahead || current)) return std::nullopt;
    const size_t u = k + 1;
    auto from_j = [j](std::optional<Cand> c) {
      if (c) c->b = j;
      return c;
    };
    if (K(u) && K(u)->weekday >= 0 && !the) return from_j(Weekday(u, how));
    if (K(u) && K(u)->month > 0 && !the && !K(u)->abbrev && lx_[u].capitalized) {
      return from_j(MonthDate(u, how, true));
    }
    if (K(u) && K(u)->season >= 0 && !the) return from_j(Season(u, how));
    // the next few days, the past two weeks, the coming months: durations.
    size_t q = u;
    double count = 1;
    bool counted = false;
    if (W(q, "few") || W(q, "several") || W(q, "couple")) {
      count = W(q, "couple") ? 2 : -1;
      q += W(q, "couple") && W(q + 1, "of") ? 2 : 1;
      counted = true;
    } else if (auto num = ParseNumberAt(lx_, q, n_); num && num->value > 0 && num->value < 1e6) {
      count = num->value;
      q = num->end;
      counted = true;
    }
    const int unit = Unit(q);
    if (unit == kNoUnit) return std::nullopt;
    Cand c;
    c.b = j;
    c.e = q + 1;
    if (counted || Plural(q)) {
      if (current) return std::nullopt;
      c.type = "DURATION";
      c.value = DurationValue(counted ? count : -1, unit);
      c.precision = "none";
      return c;
    }
    if (the && (back || how == "next" || how == "coming")) {
      // "the past week": the week before now, a duration (TimeBank usage).
      // "the next day" is a narrative anchor, not a duration: left alone.
      if (unit < kDay || (unit == kDay && !back)) return std::nullopt;
      c.type = "DURATION";
      c.value = DurationValue(1, unit);
      c.precision = "none";
      return c;
    }
    if (the && !has_mod) return std::nullopt;
    if (how == "following" || unit < kDay) return std::nullopt;
    return ThisUnit(j, q + 1, unit, back ? -1 : (ahead ? 1 : 0));
  }

  // last/this/next week|month|year|weekend as a calendar DATE.
  std::optional<Cand> ThisUnit(size_t b, size_t e, int unit, int step) const {
    Cand c;
    c.b = b;
    c.e = e;
    c.type = "DATE";
    if (!dct_) {
      switch (unit) {
        case kWeek: Unresolved(&c, "XXXX-WXX"); break;
        case kWeekend: Unresolved(&c, "XXXX-WXX-WE"); break;
        case kMonth: Unresolved(&c, "XXXX-XX"); break;
        case kDay: Unresolved(&c, "XXXX-XX-XX"); break;
        default: Unresolved(&c, "XXXX"); break;
      }
      return c;
    }
    const CivilDate d = *dct_;
    switch (unit) {
      case kDay:
        SetDay(&c, AddDays(d, step));
        return c;
      case kWeek:
      case kFortnight:
        c.value = WeekValue(AddDays(d, 7L * step));
        c.precision = "week";
        return c;
      case kWeekend:
        c.value = WeekValue(AddDays(d, 7L * step)) + "-WE";
        c.precision = "week";
        return c;
      case kMonth: {
        const CivilDate m = AddMonths(d, step);
        c.value = MonthValue(m.year, m.month);
        c.precision = "month";
        return c;
      }
      case kYear:
        c.value = YearValue(d.year + step);
        c.precision = "year";
        return c;
      case kDecade:
        c.value = std::to_string((d.year + 10 * step) / 10);
        c.precision = "year";
        return c;
      default:
        return std::nullopt;
    }
  }

  // A date counted from the document date: `count` units forwards/backwards.
  // Days give a day; weeks give the day count*7 away with precision "week"
  // (it is a point estimate good to about a week, see docs/time.md);
  // months and years give the calendar month or year.
  void CountedDate(Cand* c, double count, int unit, int sign) const {
    c->type = "DATE";
    if (!dct_) {
      Unresolved(c, unit == kMonth ? "XXXX-XX" : unit >= kYear ? "XXXX" : "XXXX-XX-XX");
      return;
    }
    const long n = static_cast<long>(std::lround(count)) * sign;
    const CivilDate d = *dct_;
    switch (unit) {
      case kSecond:
      case kMinute:
      case kHour:
        SetDay(c, d);
        return;
      case kDay:
        SetDay(c, AddDays(d, n));
        return;
      case kWeek:
      case kFortnight:
      case kWeekend:
        SetDay(c, AddDays(d, n * (unit == kFortnight ? 14 : 7)));
        c->precision = "week";
        return;
      case kMonth: {
        const CivilDate m = AddMonths(d, static_cast<int>(n));
        c->value = MonthValue(m.year, m.month);
        c->precision = "month";
        return;
      }
      case kYear:
        c->value = YearValue(static_cast<int>(d.year + n));
        c->precision = "year";
        return;
      case kDecade:
        c->value = YearValue(static_cast<int>(d.year + 10 * n));
        c->precision = "year";
        return;
      default:
        c->value = YearValue(static_cast<int>(d.year + 100 * n));
        c->precision = "year";
        return;
    }
  }

  // "in two weeks": a DATE two weeks after the document date. "in" is a
  // signal and stays outside the span. Not "in two days of fighting".
  std::optional<Cand> InCount(size_t j) const {
    size_t q = j + 1;
    double count = 0;
    if (W(q, "a") || W(q, "an")) {
      count = 1;
      ++q;
    } else if (auto num = ParseNumberAt(lx_, q, n_); num && num->value > 0 && num->value < 1e4) {
      count = num->value;
      q = num->end;
    } else {
      return std::nullopt;
    }
    const int unit = Unit(q);
    if (unit == kNoUnit || unit < kDay || W(q + 1, "of") || W(q + 1, "'s")) return std::nullopt;
    Cand c;
    c.b = j + 1;
    c.e = q + 1;
    CountedDate(&c, count, unit, +1);
    return c;
  }

  // "three days", "a week", "two-day", "24-hour", "several months",
  // "half an hour", and with "ago" a date: "two weeks ago".
  std::optional<Cand> CountedUnit(size_t j) const {
    size_t q = j;
    double count = 0;
    bool vague = false;
    bool article = false;
    if (W(j, "half") && (W(j + 1, "a") || W(j + 1, "an"))) {
      count = 0.5;
      q = j + 2;
    } else if (W(j, "a") && W(j + 1, "few")) {
      vague = true;
      q = j + 2;
    } else if (W(j, "a") && W(j + 1, "couple") && W(j + 2, "of")) {
      count = 2;
      q = j + 3;
    } else if (W(j, "a") || W(j, "an") || W(j, "one")) {
      count = 1;
      q = j + 1;
      article = true;
    } else if (W(j, "several") || W(j, "few") || W(j, "many")) {
      vague = true;
      q = j + 1;
    } else if (auto num = ParseNumberAt(lx_, j, n_); num && num->value > 0 && num->value < 1e5) {
      count = num->value;
      q = num->end;
    } else {
      return std::nullopt;
    }
    bool hyphen = false;
    if (P(q, "-") && !vague) {
      hyphen = true;
      ++q;
    }
    const int unit = Unit(q);
    if (unit == kNoUnit) return std::nullopt;
    if (hyphen && Plural(q)) return std::nullopt;
    // "a second round", "one second" are ordinals far more often than spans.
    if (article && unit == kSecond) return std::nullopt;
    if (vague && !Plural(q)) return std::nullopt;
    Cand c;
    c.b = j;
    c.e = q + 1;
    if (W(q + 1, "ago") && !hyphen) {
      c.e = q + 2;
      CountedDate(&c, vague ? 1 : count, unit, -1);
      if (vague) {
        c.value = "PAST_REF";
        c.precision = "none";
      }
      return c;
    }
    if (hyphen && W(q + 1, "old")) c.e = q + 2;  // "a 30-year-old", an age
    c.type = "DURATION";
    c.value = DurationValue(vague ? -1 : count, unit);
    c.precision = "none";
    return c;
  }

  // every day, each Monday, every other week, daily, weekly, annually.
  std::optional<Cand> SetExpr(size_t j) const {
    const std::string_view w = lx_[j].norm;
    Cand c;
    c.b = j;
    c.type = "SET";
    c.precision = "none";
    static constexpr std::pair<std::string_view, std::string_view> kAdverbs[] = {
        {"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually", "P1Y"},
        {"yearly", "P1Y"}, {"hourly", "PT1H"}, {"nightly", "TNI"}, {"biweekly", "P2W"}};
    for (auto [word, value] : kAdverbs) {
      if (w == word) {
        c.e = j + 1;
        c.value = value;
        return c;
      }
    }
    if (w != "every" && w != "each") return std::nullopt;
    size_t q = j + 1;
    double count = 1;
    if (W(q, "other")) {
      count = 2;
      ++q;
    } else if (auto num = ParseNumberAt(lx_, q, n_); num && num->value > 0 && num->value < 1e4) {
      count = num->value;
      q = num->end;
    }
    const Kw* k = K(q);
    if (!k) return std::nullopt;
    c.e = q + 1;
    if (k->unit != kNoUnit) {
      c.value = DurationValue(count, k->unit);
    } else if (k->weekday >= 0) {
      c.value = "XXXX-WXX-" + std::to_string(k->weekday + 1);
    } else if (k->part >= 0) {
      c.value = std::string("XXXX-XX-XXT") + kPartCode[k->part];
    } else if (k->month > 0 && !k->abbrev) {
      c.value = "XXXX-" + MonthValue(0, k->month).substr(5);
    } else {
      return std::nullopt;
    }
    return c;
  }

  // "twice a week", "three times a year", "once per month".
  std::optional<Cand> TimesPer(size_t j) const {
    size_t q = j;
    if (W(j, "once") || W(j, "twice")) {
      q = j + 1;
    } else if (auto num = ParseNumberAt(lx_, j, n_); num && W(num->end, "times")) {
      q = num->end + 1;
    } else {
      return std::nullopt;
    }
    if (!(W(q, "a") || W(q, "per") || W(q, "every") || W(q, "each"))) return std::nullopt;
    const int unit = Unit(q + 1);
    if (unit == kNoUnit || Plural(q + 1)) return std::nullopt;
    Cand c;
    c.b = j;
    c.e = q + 2;
    c.type = "SET";
    c.value = DurationValue(1, unit);
    c.precision = "none";
    return c;
  }

  // now, currently, nowadays, these days, recently, lately, in the past.
  std::optional<Cand> Reference(size_t j) const {
    const std::string_view w = lx_[j].norm;
    Cand c;
    c.b = j;
    c.e = j + 1;
    c.type = "DATE";
    if (w == "now") {
      // A discourse "Now," opening a sentence is not a time.
      if (j == 0 && P(1, ",")) return std::nullopt;
      Unresolved(&c, "PRESENT_REF");
    } else if (w == "currently" || w == "nowadays") {
      Unresolved(&c, "PRESENT_REF");
    } else if (w == "these" && W(j + 1, "days")) {
      c.e = j + 2;
      Unresolved(&c, "PRESENT_REF");
    } else if (w == "recently" || w == "lately") {
      Unresolved(&c, "PAST_REF");
    } else if (w == "the" && W(j + 1, "past") && j > 0 && W(j - 1, "in") &&
               (j + 2 >= n_ || lx_[j + 2].kind == LexKind::kPunct)) {
      c.e = j + 2;
      Unresolved(&c, "PAST_REF");
    } else {
      return std::nullopt;
    }
    return c;
  }

  const Document& doc_;
  const DependencyView& view_;
  uint32_t sentence_;
  const std::vector<Lexeme>& lx_;
  size_t n_;
  std::optional<CivilDate> dct_;
  const KwTable& kw_;
};

}  // namespace

void FindTimeExpressions(Document* doc) {
  doc->time_exprs.clear();
  const std::optional<CivilDate> dct = ParseIsoDate(doc->date);
  std::vector<Lexeme> lx;
  std::vector<Cand> cands;
  const DependencyView view(*doc);
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_begin >= sent.token_end || sent.token_end > doc->tokens.size()) continue;
    lx.clear();
    cands.clear();
    LexTokens(*doc, sent.token_begin, sent.token_end, &lx);
    SentenceScanner scanner(view, s, lx, dct);
    scanner.Scan(&cands);
    for (Cand& c : cands) {
      if (c.clock_hh >= 0) {
        // A clock time takes its day from the nearest day-precision date in
        // the same sentence ("at 3 p.m. on Monday"), else the document date.
        std::string day;
        size_t best = SIZE_MAX;
        for (const Cand& d : cands) {
          if (d.value.size() < 10 || d.clock_hh >= 0 || d.precision != "day") continue;
          const size_t dist = d.b > c.b ? d.b - c.b : c.b - d.b;
          if (dist < best) {
            best = dist;
            day = d.value.substr(0, 10);
          }
        }
        if (day.empty()) day = dct ? DayValue(*dct) : "XXXX-XX-XX";
        char buf[16];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", c.clock_hh, c.clock_mm);
        c.value = day + buf;
        c.precision = day[0] == 'X' ? "none" : "time";
      }
    }
    // Emit only after every clock time has read its day from the others.
    for (Cand& c : cands) {
      TimeExpr t;
      t.span = Span{lx[c.b].span.begin, lx[c.e - 1].span.end};
      t.token_begin = lx[c.b].token;
      t.token_end = lx[c.e - 1].token + 1;
      t.sentence = s;
      t.text = std::string(doc->SpanText(t.span));
      t.type = std::move(c.type);
      t.value = std::move(c.value);
      t.precision = std::move(c.precision);
      t.modifier = std::move(c.mod);
      doc->time_exprs.push_back(std::move(t));
    }
  }
}

}  // namespace annals::timex
