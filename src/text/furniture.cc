// The furniture recogniser (see furniture.h): a small lexer that cuts a line
// into pieces (words and single marks), the shape grammar of each kind of
// furniture over those pieces, and the walk over the document's lines that
// decides where each kind may be looked for.
#include "text/furniture.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "base/file.h"
#include "base/tsv.h"
#include "base/utf8.h"
#include "text/char_class.h"

namespace annals::text {
namespace {

constexpr std::string_view kAgenciesFormat = "# format: annals-news-agencies v1";
constexpr std::string_view kWordsFormat = "# format: annals-news-furniture v1";

// Limits that keep the guesses local and the work linear.
constexpr size_t kMaxHeadLines = 8;           // lines looked at before the body
constexpr size_t kMaxHeadlineLines = 3;
constexpr size_t kMaxHeadlineWords = 25;
constexpr size_t kMaxSentenceCaseHeadlineWords = 20;
constexpr size_t kMaxTailLines = 6;
constexpr uint32_t kMaxFurnitureLine = 400;   // bytes; longer lines are running text
constexpr uint32_t kMaxCaptionLine = 600;
constexpr uint32_t kTailWindow = 400;         // bytes of the last body line searched for a credit
constexpr uint32_t kCaptionCreditWindow = 200;
constexpr size_t kMaxPlaceWords = 5;
constexpr size_t kMaxNameWords = 4;
constexpr size_t kMaxBylineWords = 16;
constexpr size_t kMaxCreditPieces = 16;       // "Photograph: Name/AFP via Getty Images"
constexpr size_t kStartPieces = 16;           // pieces lexed at a line start for a dateline
constexpr size_t kDatelineMarkWindow = 80;     // bytes before a strong dateline's '(', '/' or ','

const std::vector<std::pair<std::string_view, uint32_t>>& CueNames() {
  using R = FurnitureRecognizer;
  static const std::vector<std::pair<std::string_view, uint32_t>> kNames = {
      {"byline", R::kCueByline},       {"caption", R::kCueCaption},     {"credit", R::kCueCredit},
      {"credit_lead", R::kCueCreditLead}, {"copyright", R::kCueCopyright}, {"timestamp", R::kCueTimestamp},
      {"month", R::kCueMonth},         {"weekday", R::kCueWeekday},     {"zone", R::kCueZone},
      {"time_word", R::kCueTimeWord},  {"joiner", R::kCueJoiner},       {"byline_word", R::kCueBylineWord},
      {"kicker", R::kCueKicker}};
  return kNames;
}

// Lower-case ASCII, periods dropped, curly apostrophe as '\''.
void AppendKey(std::string_view word, std::string* key) {
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '\xE2' && word.compare(i, 3, "\xE2\x80\x99") == 0) {
      key->push_back('\'');
      i += 2;
      continue;
    }
    if (c == '.') continue;
    key->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// A key per written form: words split at white space.
std::string PhraseKey(std::string_view form, size_t* words) {
  std::string key;
  *words = 0;
  size_t i = 0;
  while (i < form.size()) {
    while (i < form.size() && (form[i] == ' ' || form[i] == '\t')) ++i;
    const size_t b = i;
    while (i < form.size() && form[i] != ' ' && form[i] != '\t') ++i;
    if (i == b) break;
    if (!key.empty()) key.push_back(' ');
    AppendKey(form.substr(b, i - b), &key);
    ++*words;
  }
  return key;
}

Status CheckFormatLine(const std::string& text, std::string_view format, const std::string& path) {
  const size_t nl = text.find('\n');
  std::string_view first = TrimAscii(std::string_view(text).substr(0, nl));
  if (first != format) {
    return Status::DataError(path + ":1:1: first line must be '" + std::string(format) + "', found '" +
                             std::string(first) + "'");
  }
  return Status::Ok();
}

struct Piece {
  uint32_t b = 0;
  uint32_t e = 0;
  bool word = false;   // starts with a letter or a digit
  bool glued = false;  // no white space before it
};

struct Line {
  uint32_t b = 0;  // trimmed of white space
  uint32_t e = 0;
  bool blank_before = false;  // a blank line (or the text's start) comes before it
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Does the start of a line hold '(', '/' or ',' (a strong dateline has one
// before its agency or date)?
bool HasDatelineMark(std::string_view line) {
  const size_t n = std::min(line.size(), kDatelineMarkWindow);
  for (size_t i = 0; i < n; ++i) {
    const char c = line[i];
    if (c == '(' || c == '/' || c == ',') return true;
  }
  return false;
}

// The last ": " among the last `window` bytes of a line, or npos.
size_t LastColonSpace(std::string_view line, size_t window) {
  const size_t from = line.size() > window ? line.size() - window : 0;
  size_t found = std::string_view::npos;
  const char* p = line.data() + from;
  const char* end = line.data() + line.size();
  while (p < end) {
    const void* hit = std::memchr(p, ':', static_cast<size_t>(end - p));
    if (hit == nullptr) break;
    const char* c = static_cast<const char*>(hit);
    if (c + 1 < end && c[1] == ' ') found = static_cast<size_t>(c - line.data());
    p = c + 1;
  }
  return found;
}

char32_t FirstChar(std::string_view s) {
  size_t p = 0;
  return s.empty() ? 0 : DecodeUtf8(s, &p);
}

// Lines with content, trimmed.
std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> lines;
  bool blank = true;
  size_t i = 0;
  while (i <= s.size()) {
    size_t nl = s.find('\n', i);
    if (nl == std::string_view::npos) nl = s.size();
    size_t b = i;
    size_t e = nl;
    while (b < e) {
      size_t p = b;
      const char32_t c = DecodeUtf8(s, &p);
      if (!IsSpace(c)) break;
      b = p;
    }
    while (e > b) {
      size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
      size_t q = p;
      const char32_t c = DecodeUtf8(s, &q);
      if (q != e || !IsSpace(c)) break;
      e = p;
    }
    if (b < e) {
      lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), blank});
      blank = false;
    } else {
      blank = true;
    }
    i = nl + 1;
  }
  return lines;
}

// The grammar over pieces of one line. All methods are const and the
// pieces live in the caller's buffer.
class Matcher {
 public:
  using P = std::vector<Piece>;
  using R = FurnitureRecognizer;

  Matcher(const FurnitureRecognizer& r, std::string_view text) : r_(r), s_(text) {}

  std::string_view T(const Piece& p) const { return s_.substr(p.b, p.e - p.b); }

  // Cuts [b, e) into pieces, at most `max`. A word is letters and digits
  // with inner apostrophes and hyphens ("O'Brien", "Port-au-Prince"), inner
  // periods between letters ("D.C") and ':' or '.' between digits ("12:30");
  // a run of '-' is one piece; any other mark is a piece of its own.
  void Lex(uint32_t b, uint32_t e, size_t max, P* out) const {
    out->clear();
    uint32_t i = b;
    bool space = true;
    while (i < e && out->size() < max) {
      size_t p = i;
      const char32_t c = DecodeUtf8(s_, &p);
      if (IsSpace(c)) {
        space = true;
        i = static_cast<uint32_t>(p);
        continue;
      }
      Piece pc;
      pc.b = i;
      pc.glued = !space && !out->empty();
      space = false;
      if (IsAlnum(c)) {
        pc.word = true;
        size_t j = p;
        char32_t prev = c;
        while (j < e) {
          size_t q = j;
          const char32_t d = DecodeUtf8(s_, &q);
          if (IsAlnum(d)) {
            prev = d;
            j = q;
            continue;
          }
          if (q >= e) break;
          size_t r = q;
          const char32_t next = DecodeUtf8(s_, &r);
          const bool join = ((d == '\'' || d == 0x2019) && IsLetter(prev) && IsLetter(next)) ||
                            ((d == '-' || d == 0x2010) && IsAlnum(prev) && IsAlnum(next)) ||
                            (d == '.' && IsLetter(prev) && IsLetter(next)) ||
                            ((d == ':' || d == '.') && IsDigit(prev) && IsDigit(next));
          if (!join) break;
          prev = next;
          j = r;
        }
        pc.e = static_cast<uint32_t>(j);
      } else if (c == '-') {
        uint32_t j = static_cast<uint32_t>(p);
        while (j < e && s_[j] == '-') ++j;
        pc.e = j;
      } else {
        pc.e = static_cast<uint32_t>(p);
      }
      out->push_back(pc);
      i = pc.e;
    }
  }

  // --- words -------------------------------------------------------------

  uint32_t Cues(const Piece& p) const {
    key_.clear();
    AppendKey(T(p), &key_);
    const R::Phrase* ph = r_.Lookup(key_);
    return ph == nullptr ? 0 : ph->cues;
  }
  bool Is(const Piece& p, uint32_t cues) const { return (Cues(p) & cues) != 0; }

  // Cues of the word that starts at `at` (at == 0) or ends at `at` in
  // `line`, the word running to the nearest space or ':', ',', '|'.
  uint32_t WordCues(std::string_view line, size_t at) const {
    auto stop = [](char c) { return c == ' ' || c == '\t' || c == ':' || c == ',' || c == '|'; };
    size_t b = at, e = at;
    if (at == 0) {
      while (e < line.size() && !stop(line[e])) ++e;
    } else {
      while (b > 0 && !stop(line[b - 1])) --b;
    }
    if (e - b > 24) return 0;
    key_.clear();
    AppendKey(line.substr(b, e - b), &key_);
    const R::Phrase* ph = r_.Lookup(key_);
    return ph == nullptr ? 0 : ph->cues;
  }

  // Longest phrase at P[i] (words only, or one mark such as "©") with one of
  // `cues`, or with an agency when cues == 0. Returns its end, or i.
  size_t PhraseAt(const P& v, size_t i, uint32_t cues, const R::Phrase** out = nullptr) const {
    size_t best = i;
    key_.clear();
    for (size_t k = i; k < v.size() && k - i < r_.max_phrase_words(); ++k) {
      if (k > i && (!v[k].word || !v[k - 1].word)) break;
      if (k > i) key_.push_back(' ');
      AppendKey(T(v[k]), &key_);
      const R::Phrase* ph = r_.Lookup(key_);
      if (ph == nullptr) continue;
      if (cues == 0 ? !ph->agency.empty() : (ph->cues & cues) != 0) {
        best = k + 1;
        if (out != nullptr) *out = ph;
      }
    }
    return best;
  }

  bool StartsUpper(const Piece& p) const { return p.word && IsUpper(FirstChar(T(p))); }
  bool StartsLower(const Piece& p) const { return p.word && IsLower(FirstChar(T(p))); }
  bool StartsDigit(const Piece& p) const { return p.word && IsDigit(FirstChar(T(p))); }

  // Letters only upper case, at least one letter.
  bool AllCaps(const Piece& p) const {
    const std::string_view t = T(p);
    bool letter = false;
    for (size_t i = 0; i < t.size();) {
      const char32_t c = DecodeUtf8(t, &i);
      if (IsLower(c)) return false;
      letter = letter || IsLetter(c);
    }
    return letter;
  }

  size_t Letters(const Piece& p) const {
    const std::string_view t = T(p);
    size_t n = 0;
    for (size_t i = 0; i < t.size();) n += IsLetter(DecodeUtf8(t, &i)) ? 1 : 0;
    return n;
  }

  bool Digits(const Piece& p, size_t min, size_t max) const {
    const std::string_view t = T(p);
    if (t.size() < min || t.size() > max) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // "19", "19th".
  bool IsDay(const Piece& p) const {
    std::string_view t = T(p);
    size_t d = 0;
    while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
    if (d == 0 || d > 2) return false;
    const std::string_view suffix = t.substr(d);
    if (!(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) return false;
    const int v = d == 1 ? t[0] - '0' : (t[0] - '0') * 10 + (t[1] - '0');
    return v >= 1 && v <= 31;
  }
  bool IsYear(const Piece& p) const {
    if (!Digits(p, 4, 4)) return false;
    const std::string_view t = T(p);
    return t[0] == '1' || t[0] == '2';
  }
  // Digit groups joined by ':' or '.', with an optional am/pm glued on:
  // "12:30", "14.05", "3:04PM".
  bool IsClock(const Piece& p) const {
    std::string_view t = T(p);
    size_t i = 0, groups = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      const size_t b = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i - b > 2) return false;
      ++groups;
      if (i < t.size() && (t[i] == ':' || t[i] == '.')) ++i;
      else break;
    }
    if (groups < 2) return false;
    const std::string_view rest = t.substr(i);
    return rest.empty() || rest == "am" || rest == "pm" || rest == "AM" || rest == "PM";
  }
  // "19.08.2025", "2025-08-19": three digit groups.
  bool IsNumericDate(const Piece& p) const {
    std::string_view t = T(p);
    size_t groups = 0, i = 0;
    while (i < t.size()) {
      const size_t b = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == b || i - b > 4) return false;
      ++groups;
      if (i == t.size()) break;
      if (t[i] != '.' && t[i] != '-') return false;
      ++i;
    }
    return groups == 3 && i == t.size();
  }

  bool Mark(const Piece& p, std::string_view m) const { return !p.word && T(p) == m; }
  bool IsDashPiece(const Piece& p) const {
    if (p.word) return false;
    const char32_t c = FirstChar(T(p));
    return c == '-' || IsDash(c);
  }
  bool IsSentenceFinal(const Piece& p) const {
    return Mark(p, ".") || Mark(p, "!") || Mark(p, "?") || Mark(p, "\xE2\x80\xA6");
  }
  // Does a sentence end just before v[k]? ("said." or `said."`)
  bool SentenceEndBefore(const P& v, size_t k) const {
    if (k == 0) return false;
    if (IsSentenceFinal(v[k - 1])) return true;
    const char32_t c = FirstChar(T(v[k - 1]));
    return k >= 2 && !v[k - 1].word && (IsQuote(c) || IsClosingBracket(c)) && IsSentenceFinal(v[k - 2]);
  }
  // Can this piece open a sentence? (capital, digit, quotation mark, bracket)
  bool OpensSentence(const Piece& p) const {
    const char32_t c = FirstChar(T(p));
    return IsUpper(c) || IsDigit(c) || IsQuote(c) || IsOpeningBracket(c);
  }

  // --- places, dates, agencies --------------------------------------------

  // Capitalised words from i ("NEW DELHI", "Rio de Janeiro", "ST. LOUIS"),
  // never a month or day name. Returns the end, or i.
  size_t PlaceEnd(const P& v, size_t i, bool* all_caps) const {
    size_t j = i, words = 0;
    bool caps = true;
    while (j < v.size() && words < kMaxPlaceWords) {
      const Piece& p = v[j];
      if (!p.word) break;
      if (PlaceWord(p)) {
        caps = caps && AllCaps(p);
        ++words;
        ++j;
        // A short word keeps a glued period: "ST. LOUIS", "D.C.".
        if (j < v.size() && Mark(v[j], ".") && v[j].glued &&
            (Letters(p) <= 3 || T(p).find('.') != std::string_view::npos) && j + 1 < v.size()) {
          ++j;
        }
        continue;
      }
      if (const size_t k = JoinersEnd(v, j); words > 0 && k > j && PlaceWord(v[k])) {
        j = k;
        continue;
      }
      break;
    }
    if (all_caps != nullptr) *all_caps = caps;
    return words == 0 ? i : j;
  }

  // A capitalised word that is no month, day or cue word ("By", "Photo",
  // "Updated" open other furniture).
  bool PlaceWord(const Piece& p) const {
    return StartsUpper(p) && !Is(p, R::kCueMonth | R::kCueWeekday | R::kCueByline | R::kCueCaption |
                                        R::kCueCredit | R::kCueTimestamp);
  }

  // A run of lower-case joiners before a capitalised word ("de", "van der"):
  // its end, or j.
  size_t JoinersEnd(const P& v, size_t j) const {
    size_t k = j;
    while (k < v.size() && k - j < 3 && StartsLower(v[k]) && Is(v[k], R::kCueJoiner)) ++k;
    return k > j && k < v.size() && StartsUpper(v[k]) ? k : j;
  }

  // A lower-case particle hyphened to a name: "al-Sharif", "bin-Salman".
  bool ParticleName(const Piece& p) const {
    if (!StartsLower(p)) return false;
    const std::string_view t = T(p);
    const size_t h = t.find('-');
    return h != std::string_view::npos && h + 1 < t.size() && IsUpper(FirstChar(t.substr(h + 1)));
  }

  size_t SkipGluedPeriod(const P& v, size_t j) const {
    return j < v.size() && Mark(v[j], ".") && v[j].glued ? j + 1 : j;
  }

  // "Aug 19", "Aug. 19, 2025", "19 August 2025", "August 2025", "19.08.2025".
  size_t DayMonthEnd(const P& v, size_t i) const {
    if (i >= v.size()) return i;
    if (Is(v[i], R::kCueMonth) && StartsUpper(v[i])) {
      size_t j = SkipGluedPeriod(v, i + 1);
      if (j < v.size() && IsDay(v[j])) {
        ++j;
        size_t k = j < v.size() && Mark(v[j], ",") ? j + 1 : j;
        if (k < v.size() && IsYear(v[k])) return k + 1;
        return j;
      }
      if (j < v.size() && IsYear(v[j])) return j + 1;
      return i;
    }
    if (IsDay(v[i]) && i + 1 < v.size() && Is(v[i + 1], R::kCueMonth) && StartsUpper(v[i + 1])) {
      size_t j = SkipGluedPeriod(v, i + 2);
      if (j < v.size() && IsYear(v[j])) return j + 1;
      return j;
    }
    if (IsNumericDate(v[i])) return i + 1;
    return i;
  }

  // A date, optionally after a day name: "Tuesday", "Tuesday, Aug 19".
  size_t DateEnd(const P& v, size_t i) const {
    if (i < v.size() && StartsUpper(v[i]) && Is(v[i], R::kCueWeekday)) {
      const size_t j = SkipGluedPeriod(v, i + 1);
      const size_t k = j < v.size() && Mark(v[j], ",") ? j + 1 : j;
      const size_t m = DayMonthEnd(v, k);
      return m > k ? m : j;
    }
    return DayMonthEnd(v, i);
  }

  // Agencies joined by '/', ',', '&' or "and": "AFP/Reuters". Returns the
  // end, or i; *names gets the normalised names joined by '/'.
  size_t AgencyListEnd(const P& v, size_t i, std::string* names) const {
    size_t j = i;
    std::string out;
    while (j < v.size()) {
      const R::Phrase* ph = nullptr;
      const size_t e = PhraseAt(v, j, 0, &ph);
      if (e == j) break;
      if (!out.empty()) out += '/';
      out += ph->agency;
      j = e;
      if (j + 1 < v.size() && (Mark(v[j], "/") || Mark(v[j], ",") || Mark(v[j], "&") || T(v[j]) == "and") &&
          PhraseAt(v, j + 1, 0) > j + 1) {
        ++j;
        continue;
      }
      break;
    }
    if (out.empty()) return i;
    if (names != nullptr) *names = std::move(out);
    return j;
  }

  // "(Reuters)", "(AFP/Reuters)". Returns the end, or i.
  size_t AgencyParenEnd(const P& v, size_t i, std::string* names) const {
    if (i >= v.size() || !Mark(v[i], "(")) return i;
    std::string n;
    const size_t e = AgencyListEnd(v, i + 1, &n);
    if (e == i + 1 || e >= v.size() || !Mark(v[e], ")")) return i;
    if (names != nullptr) *names = std::move(n);
    return e + 1;
  }

  // A dateline separator at j: "-", "--", "–", "—", ":", ".-" (EFE), or a
  // lone "." after an agency ("/TASS/."). Returns the end, or j.
  size_t SeparatorEnd(const P& v, size_t j, bool period_ok) const {
    if (j >= v.size()) return j;
    if (Mark(v[j], ".") && j + 1 < v.size() && IsDashPiece(v[j + 1]) && v[j + 1].glued) return j + 2;
    // A dash between two glued words joins them ("Swedish–American").
    if (IsDashPiece(v[j]) && v[j].glued && j > 0 && v[j - 1].word && j + 1 < v.size() && v[j + 1].glued) return j;
    if (IsDashPiece(v[j]) || Mark(v[j], ":")) return j + 1;
    if (period_ok && Mark(v[j], ".") && (j + 1 == v.size() || !v[j + 1].glued)) return j + 1;
    return j;
  }

  Span SpanOf(const P& v, size_t b, size_t e) const {
    if (e <= b) return {};
    return {v[b].b, v[e - 1].e};
  }

  // Datelines without agency or date ("WASHINGTON —", "New Delhi:").
  enum class Weak {
    kNone,      // not allowed
    kCapsDash,  // an upper-case place before a dash
    kAll,       // also a colon, and Title-case places
  };

  struct DatelineHit {
    Dateline d;
    size_t end = 0;       // pieces used, separator included
    bool strong = false;  // an agency or a calendar date
  };

  // Place, date, agency and separator from i, as in "KYIV, Ukraine, Aug 19
  // (Reuters) -". `agency` may already hold a leading agency.
  std::optional<DatelineHit> PlaceDate(const P& v, size_t i, std::string agency, Weak weak) const {
    const size_t n = v.size();
    DatelineHit h;
    bool head_caps = false;
    size_t j = PlaceEnd(v, i, &head_caps);
    size_t place_e = i;
    if (j > i) {
      place_e = j;
      for (int q = 0; q < 3 && j + 1 < n; ++q) {
        bool caps = false;
        if (Mark(v[j], ",")) {
          if (DateEnd(v, j + 1) > j + 1) break;
          const size_t a = AgencyListEnd(v, j + 1, nullptr);
          if (a > j + 1 && (a == n || SeparatorEnd(v, a, true) > a)) break;  // "Damascus, SANA -"
          const size_t e = PlaceEnd(v, j + 1, &caps);
          if (e == j + 1) break;
          j = place_e = e;
        } else if (Mark(v[j], "[")) {  // "New Delhi [India]"
          const size_t e = PlaceEnd(v, j + 1, &caps);
          if (e == j + 1 || e >= n || !Mark(v[e], "]")) break;
          j = place_e = e + 1;
        } else if (Mark(v[j], "/") && !v[j].glued) {  // "London / Washington"
          const size_t e = PlaceEnd(v, j + 1, &caps);
          if (e == j + 1) break;
          j = place_e = e;
        } else {
          break;
        }
      }
      h.d.place = SpanOf(v, i, place_e);
    }
    const bool has_place = place_e > i;
    // The date follows a comma ("KYIV, Aug 19"), or a period when an agency
    // follows it ("KYIV. Aug 19 (Interfax-Ukraine)").
    bool calendar = false;
    if (has_place && j + 1 < n && (Mark(v[j], ",") || Mark(v[j], "."))) {
      const size_t de = DateEnd(v, j + 1);
      if (de > j + 1) {
        std::string probe;
        const size_t after = de < n && Mark(v[de], ".") ? de + 1 : de;
        const bool agency_next = after < n && (Mark(v[after], "(") || Mark(v[after], "/"));
        if (Mark(v[j], ",") || agency_next) {
          h.d.date = SpanOf(v, j + 1, de);
          for (size_t k = j + 1; k < de; ++k) calendar = calendar || StartsDigit(v[k]);
          j = de;
        }
      }
    }
    // The agency: "(Reuters)", "/TASS/", ", SANA", or bare after a date ("Aug. 19 Kyodo").
    if (agency.empty() && j < n) {
      size_t k = j;
      if (Mark(v[k], ".") && k + 1 < n && Mark(v[k + 1], "/")) ++k;
      if (Mark(v[k], "(")) {
        const size_t e = AgencyParenEnd(v, k, &agency);
        if (e > k) j = e;
      } else if (Mark(v[k], "/")) {
        std::string a;
        const size_t e = AgencyListEnd(v, k + 1, &a);
        if (e > k + 1 && e < n && Mark(v[e], "/")) {
          agency = std::move(a);
          j = e + 1;
        }
      } else if (Mark(v[k], ",") && has_place) {
        const size_t e = AgencyListEnd(v, k + 1, &agency);
        if (e > k + 1) j = e;
      } else if (h.d.date.size() > 0) {
        const size_t e = AgencyListEnd(v, k, &agency);
        if (e > k) j = e;
      }
    }
    if (!has_place && agency.empty()) return std::nullopt;
    h.d.agency = agency;
    h.strong = !agency.empty() || calendar;
    const size_t s = SeparatorEnd(v, j, h.strong);
    const bool sep = s > j;
    const bool ends_line = s >= n;
    if (!sep) {
      // Without a separator: a line of its own ("Geneva, 19 August 2025"),
      // or an agency before a capital ("New Delhi, Aug 19 (PTI) The ...").
      if (ends_line) {
        if (!h.strong) return std::nullopt;
      } else if (agency.empty() || !StartsUpper(v[s]) || !v[s].word) {
        return std::nullopt;
      }
    }
    if (!h.strong) {
      // "CITY — " and "CITY: ": only where weak shapes are allowed, before a
      // sentence, never a kicker ("Exclusive:"). An upper-case place before
      // a dash is the wire style ("WASHINGTON —"); a colon or a Title-case
      // place only where a story follows (Weak::kAll), since a single line
      // "Clair Obscur: Expedition 33 wins" is a title, not a dateline; a
      // Title-case place never before a bare hyphen ("Ukraine - Russia talks").
      if (weak == Weak::kNone || ends_line || !OpensSentence(v[s])) return std::nullopt;
      if (PhraseAt(v, i, R::kCueKicker) == place_e) return std::nullopt;
      const bool colon = Mark(v[j], ":");
      if (weak == Weak::kCapsDash && (colon || !head_caps)) return std::nullopt;
      if (!head_caps && Mark(v[j], "-")) return std::nullopt;
      if (colon && place_e - i > 3) return std::nullopt;
    }
    h.end = s;
    return h;
  }

  // A dateline at the start of the line; which weak shapes are allowed.
  std::optional<DatelineHit> MatchDateline(const P& v, Weak weak) const {
    if (v.empty()) return std::nullopt;
    std::optional<DatelineHit> h;
    if (Mark(v[0], "(")) {
      // "(CNN) —", "(ANSA) - ROME, AUG 19 -".
      std::string agency;
      const size_t a = AgencyParenEnd(v, 0, &agency);
      if (a == 0) return std::nullopt;
      const size_t s = SeparatorEnd(v, a, false);
      if (s == a) return std::nullopt;
      auto rest = PlaceDate(v, s, agency, Weak::kNone);
      if (rest && rest->d.date.size() > 0 && rest->end > s) {
        h = rest;
      } else {
        h.emplace();
        h->d.agency = agency;
        h->end = s;
        h->strong = true;
      }
    } else {
      h = PlaceDate(v, 0, "", weak);
    }
    if (!h) return std::nullopt;
    h->d.span = SpanOf(v, 0, h->end);
    return h;
  }

  // --- bylines, timestamps, captions, credits, headlines -------------------

  // Name words from i ("Jane Smith", "J. R. Smith", "Ahmed al-Sharaa",
  // "Ursula von der Leyen"); never a month, day or cue word.
  size_t NameEnd(const P& v, size_t i) const {
    size_t j = i, words = 0;
    while (j < v.size() && words < kMaxNameWords) {
      const Piece& p = v[j];
      if ((StartsUpper(p) || (words > 0 && ParticleName(p))) &&
          !Is(p, R::kCueMonth | R::kCueWeekday | R::kCueTimestamp | R::kCueKicker)) {
        ++words;
        ++j;
        if (Letters(p) == 1) j = SkipGluedPeriod(v, j);
        continue;
      }
      if (words > 0 && JoinersEnd(v, j) > j) {
        j = JoinersEnd(v, j);
        continue;
      }
      break;
    }
    return words == 0 ? i : j;
  }

  // "By Jane Smith", "By Jane Smith and John Doe, Reuters", "By JANE SMITH
  // Associated Press", "Jane Smith | Correspondent"; with `name_in_place`
  // also "Jon Hartley in Brussels" (not on a first line, where it is more
  // likely a headline).
  bool Byline(const P& v, bool name_in_place) const {
    const size_t n = v.size();
    if (n == 0 || !StartsUpper(v[0])) return false;
    const size_t cue_end = PhraseAt(v, 0, R::kCueByline);
    size_t j = cue_end;
    size_t names = 0, first_name_words = 0;
    while (j < n) {
      const size_t e = NameEnd(v, j);
      if (e == j) break;
      if (names == 0) {
        for (size_t k = j; k < e; ++k) first_name_words += StartsUpper(v[k]) ? 1 : 0;
      }
      ++names;
      j = e;
      if (j + 1 < n && (T(v[j]) == "and" || Mark(v[j], "&") || Mark(v[j], ",")) && NameEnd(v, j + 1) > j + 1) {
        ++j;
        continue;
      }
      break;
    }
    if (names == 0) return false;
    if (cue_end == 0) {
      if (first_name_words < 2 || j >= n) return false;
      const bool in_place = name_in_place && names == 1 && T(v[j]) == "in" && PlaceEnd(v, j + 1, nullptr) == n;
      if (!in_place && !Mark(v[j], "|")) return false;
    }
    size_t words = 0;
    for (size_t k = 0; k < n; ++k) {
      const Piece& p = v[k];
      if (p.word) {
        if (++words > kMaxBylineWords) return false;
        if (k < j) continue;
        if (StartsUpper(p) || Is(p, R::kCueBylineWord | R::kCueJoiner)) continue;
        return false;
      }
      if (k < j) continue;
      if (Mark(p, ",") || Mark(p, "|") || Mark(p, "/") || Mark(p, "&") || Mark(p, "(") || Mark(p, ")") ||
          Mark(p, "@") || Mark(p, "\xC2\xB7") || Mark(p, "\xE2\x80\xA2") || IsDashPiece(p)) {
        continue;
      }
      return false;
    }
    return true;
  }

  // "Updated 12:30 GMT, 19 August 2025", "Published: Tuesday, August 19,
  // 2025 - 10:15", "19 August 2025, 14:05 BST", "Updated 2 hours ago".
  bool Timestamp(const P& v) const {
    const size_t n = v.size();
    if (n == 0) return false;
    size_t i = PhraseAt(v, 0, R::kCueTimestamp);
    const bool cue = i > 0;
    if (cue && !StartsUpper(v[0])) return false;
    if (i < n && Mark(v[i], ":")) ++i;
    size_t numbers = 0;
    bool month = false, clock = false, numeric = false, weekday = false;
    for (size_t k = i; k < n; ++k) {
      const Piece& p = v[k];
      if (p.word) {
        if (Digits(p, 1, 4) || IsDay(p)) {
          ++numbers;
        } else if (IsClock(p)) {
          clock = true;
        } else if (IsNumericDate(p)) {
          numeric = true;
        } else {
          const uint32_t c = Cues(p);
          if (c & R::kCueMonth) {
            month = true;
          } else if (c & R::kCueWeekday) {
            weekday = true;
          } else if (!(c & (R::kCueZone | R::kCueTimeWord))) {
            return false;
          }
        }
        continue;
      }
      const std::string_view t = T(p);
      if (!(t == "," || t == "|" || t == "/" || t == ":" || t == "." || t == "+" || t == "(" || t == ")" ||
            t == "\xC2\xB7" || t == "\xE2\x80\xA2" || IsDashPiece(p))) {
        return false;
      }
    }
    if (cue) return numbers > 0 || clock || numeric || month || weekday;
    return numeric || (month && numbers >= 1 && (numbers >= 2 || clock));
  }

  // A line that starts as a caption: "Picture: PA", "Photo: Reuters/Name",
  // "Image caption, ...", "AP Photo/Name", "(Photo by X/AFP)".
  bool CaptionStart(const P& v, bool closes_paren) const {
    const size_t n = v.size();
    if (n == 0) return false;
    if (StartsUpper(v[0])) {
      const size_t e = PhraseAt(v, 0, R::kCueCaption);
      if (e >= 2) return true;  // "Image caption", "Photo by", "AP Photo"
      if (e == 1 && e < n && (Mark(v[e], ":") || Mark(v[e], "|"))) return true;
    }
    return closes_paren && Mark(v[0], "(") && PhraseAt(v, 1, R::kCueCaption) > 1;
  }

  // A caption credit closing a line after its full stop: "... on Monday.
  // Photograph: Name/AFP via Getty Images" or "... (Photo by X/AFP)".
  // Returns the piece where the credit starts, or v.size().
  size_t CaptionCreditStart(const P& v) const {
    const size_t n = v.size();
    if (n < 3) return n;
    if (Mark(v[n - 1], ")")) {
      for (size_t k = n - 1; k-- > 0 && n - k <= kMaxCreditPieces;) {
        if (Mark(v[k], "(")) {
          if (SentenceEndBefore(v, k) && PhraseAt(v, k + 1, R::kCueCaption) > k + 1) return k;
          break;
        }
      }
    }
    if (IsSentenceFinal(v[n - 1])) return n;
    for (size_t k = n - 1; k-- > 0 && n - k <= kMaxCreditPieces;) {
      if (Mark(v[k + 1], ":") && StartsUpper(v[k]) && Is(v[k], R::kCueCaption) && SentenceEndBefore(v, k)) {
        return k;
      }
    }
    return n;
  }

  // A whole line of credit. Anywhere: "(Reporting by X; Editing by Y)". In
  // the tail also: "Additional reporting by ...", "— AFP", "AFP", "(AFP)",
  // "— With AFP", "© 2025 Reuters", "Copyright 2025 The Associated Press".
  bool CreditLine(const P& v, bool tail) const {
    const size_t n = v.size();
    size_t i = 0;
    while (i < n && IsDashPiece(v[i])) ++i;
    const bool paren = i < n && Mark(v[i], "(");
    if (paren) {
      if (!Mark(v[n - 1], ")")) return false;
      ++i;
    }
    if (i >= n) return false;
    if (StartsUpper(v[i]) && PhraseAt(v, i, R::kCueCredit) > i) return paren || tail;
    if (!tail) return false;
    if ((StartsUpper(v[i]) || !v[i].word) && PhraseAt(v, i, R::kCueCopyright) > i) return true;
    size_t k = i;
    if (StartsUpper(v[k])) k = PhraseAt(v, k, R::kCueCreditLead);
    size_t e = AgencyListEnd(v, k, nullptr);
    if (e == k) return false;
    if (paren && e < n && Mark(v[e], ")")) ++e;
    while (e < n && Mark(v[e], ".")) ++e;
    return e == n;
  }

  // A credit closing the last body line after its full stop: "... said. —
  // AFP", "... said. (Reporting by X; Editing by Y)". Returns the piece where
  // it starts, or v.size().
  size_t TailCreditStart(const P& v) const {
    const size_t n = v.size();
    if (n < 3) return n;
    if (Mark(v[n - 1], ")")) {
      int depth = 0;
      for (size_t k = n; k-- > 0;) {
        if (Mark(v[k], ")")) ++depth;
        if (Mark(v[k], "(") && --depth == 0) {
          if (!SentenceEndBefore(v, k)) break;
          if ((StartsUpper(v[k + 1]) && PhraseAt(v, k + 1, R::kCueCredit) > k + 1) ||
              AgencyListEnd(v, k + 1, nullptr) == n - 1) {
            return k;
          }
          break;
        }
      }
    }
    size_t e = n;
    while (e > 0 && Mark(v[e - 1], ".")) --e;
    for (size_t d = e; d-- > 0 && e - d <= 6;) {
      if (!IsDashPiece(v[d])) continue;
      size_t k = d + 1;
      if (k < e && StartsUpper(v[k])) k = PhraseAt(v, k, R::kCueCreditLead);
      if (AgencyListEnd(v, k, nullptr) == e && SentenceEndBefore(v, d)) return d;
      break;
    }
    return n;
  }

  enum class HeadlineCase { kNone, kTitle, kSentence };
  // A line without sentence-final punctuation, in Title Case or ALL CAPS
  // (or, weaker, in sentence case).
  HeadlineCase Headline(const P& v) const {
    const size_t n = v.size();
    if (n == 0 || !OpensSentence(v[0])) return HeadlineCase::kNone;
    size_t last = n - 1;
    while (last > 0 && !v[last].word) {
      const char32_t c = FirstChar(T(v[last]));
      if (!(IsQuote(c) || IsClosingBracket(c))) break;
      --last;
    }
    const std::string_view end = T(v[last]);
    if (!v[last].word && (end == "." || end == "!" || end == "?" || end == ";" || end == "," || end == ":" ||
                          end == "\xE2\x80\xA6" || IsDashPiece(v[last]))) {
      return HeadlineCase::kNone;
    }
    size_t words = 0, long_words = 0, long_upper = 0;
    bool caps = true;
    for (size_t k = 0; k < n; ++k) {
      const Piece& p = v[k];
      // A full stop inside ("Police came. They left") makes it running text.
      if (IsSentenceFinal(p) && !Mark(p, "?") && k + 1 < n && !v[k + 1].glued && StartsUpper(v[k + 1]) &&
          k > 0 && Letters(v[k - 1]) > 3) {
        return HeadlineCase::kNone;
      }
      if (!p.word || Letters(p) == 0) continue;
      ++words;
      caps = caps && AllCaps(p);
      if (Letters(p) >= 4) {
        ++long_words;
        long_upper += StartsUpper(p) ? 1 : 0;
      }
    }
    if (words == 0 || words > kMaxHeadlineWords) return HeadlineCase::kNone;
    if (caps || long_upper * 10 >= long_words * 7) return HeadlineCase::kTitle;
    return words <= kMaxSentenceCaseHeadlineWords ? HeadlineCase::kSentence : HeadlineCase::kNone;
  }

 private:
  const FurnitureRecognizer& r_;
  std::string_view s_;
  mutable std::string key_;
};

}  // namespace

const FurnitureRecognizer::Phrase* FurnitureRecognizer::Lookup(const std::string& key) const {
  auto it = phrases_.find(key);
  return it == phrases_.end() ? nullptr : &it->second;
}

Result<FurnitureRecognizer> FurnitureRecognizer::Load(const std::string& data_dir,
                                                      std::vector<std::string>* warnings) {
  const std::string agencies_path = JoinPath(data_dir, "lang/en/news_agencies.tsv");
  const std::string words_path = JoinPath(data_dir, "lang/en/news_furniture.tsv");
  Result<std::string> agencies = ReadFile(agencies_path);
  if (!agencies.ok()) return agencies.status();
  Result<std::string> words = ReadFile(words_path);
  if (!words.ok()) return words.status();
  return Parse(std::move(agencies).value(), agencies_path, std::move(words).value(), words_path, warnings);
}

Result<FurnitureRecognizer> FurnitureRecognizer::Parse(std::string agencies, const std::string& agencies_path,
                                                       std::string words, const std::string& words_path,
                                                       std::vector<std::string>* warnings) {
  FurnitureRecognizer r;
  ANNALS_RETURN_IF_ERROR(CheckFormatLine(agencies, kAgenciesFormat, agencies_path));
  ANNALS_RETURN_IF_ERROR(CheckFormatLine(words, kWordsFormat, words_path));
  auto add = [&](const TsvRow& row, std::string_view form, uint32_t cues, std::string_view agency) {
    size_t n = 0;
    const std::string key = PhraseKey(form, &n);
    if (n == 0 || n > 6) {
      warnings->push_back(row.FieldError("form", n == 0 ? "empty form" : "form longer than 6 words"));
      return false;
    }
    Phrase& ph = r.phrases_[key];
    ph.cues |= cues;
    // Lets a line be ruled out as a caption by its first word alone.
    if (cues & kCueCaption) r.phrases_[key.substr(0, key.find(' '))].cues |= kCueCaptionFirst;
    if (!agency.empty()) ph.agency = std::string(agency);
    r.max_words_ = std::max(r.max_words_, n);
    return true;
  };

  Result<TsvTable> at = TsvTable::Parse(std::move(agencies), agencies_path);
  if (!at.ok()) return at.status();
  ANNALS_RETURN_IF_ERROR(at->RequireColumns({"form", "agency"}));
  size_t agency_rows = 0;
  for (const TsvRow& row : at->rows()) {
    const std::string_view agency = TrimAscii(row.Get("agency"));
    if (agency.empty()) {
      warnings->push_back(row.FieldError("agency", "empty agency name"));
      continue;
    }
    agency_rows += add(row, TrimAscii(row.Get("form")), 0, agency) ? 1 : 0;
  }
  if (agency_rows == 0) return Status::DataError(agencies_path + ": no usable agency rows");

  Result<TsvTable> wt = TsvTable::Parse(std::move(words), words_path);
  if (!wt.ok()) return wt.status();
  ANNALS_RETURN_IF_ERROR(wt->RequireColumns({"form", "kind"}));
  size_t word_rows = 0;
  for (const TsvRow& row : wt->rows()) {
    const std::string_view kind = TrimAscii(row.Get("kind"));
    uint32_t cue = 0;
    for (const auto& [name, bit] : CueNames()) {
      if (name == kind) cue = bit;
    }
    if (cue == 0) {
      warnings->push_back(row.FieldError("kind", "unknown kind"));
      continue;
    }
    word_rows += add(row, TrimAscii(row.Get("form")), cue, "") ? 1 : 0;
  }
  if (word_rows == 0) return Status::DataError(words_path + ": no usable rows");
  return r;
}

void FurnitureRecognizer::Find(Document* doc) const {
  doc->furniture.clear();
  doc->dateline.reset();
  const std::string_view text(doc->text);
  const std::vector<Line> lines = SplitLines(text);
  if (lines.empty()) return;
  const Matcher m(*this, text);
  using HeadlineCase = Matcher::HeadlineCase;
  std::vector<Piece> v, next_v;
  std::vector<Furniture> out;
  auto add = [&](FurnitureKind k, uint32_t b, uint32_t e) { out.push_back({k, {b, e}}); };
  auto add_dateline = [&](const Dateline& d) {
    add(FurnitureKind::kDateline, d.span.begin, d.span.end);
    if (!doc->dateline) doc->dateline = d;
  };
  const std::string_view title = TrimAscii(doc->title);

  // The head: furniture lines until the first body line. A head line is
  // never the text's last line, so a one-line text keeps all its words but
  // a dateline.
  size_t body = lines.size();
  size_t headlines = 0;
  bool headline_ok = true;
  for (size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    const bool short_line = l.e - l.b <= kMaxFurnitureLine;
    m.Lex(l.b, l.e, short_line ? SIZE_MAX : kStartPieces, &v);
    const Matcher::Weak weak = li + 1 < lines.size() ? Matcher::Weak::kAll : Matcher::Weak::kCapsDash;
    if (auto h = m.MatchDateline(v, weak)) {
      const bool whole = h->end == v.size() && short_line;
      // A weak dateline ("Zelensky: We need guarantees") must open running
      // text; on a line without a full stop it is a headline.
      if (h->strong || !short_line || m.IsSentenceFinal(v.back()) || m.SentenceEndBefore(v, v.size())) {
        add_dateline(h->d);
        if (!whole) {
          body = li;
          break;
        }
        headline_ok = false;
        continue;
      }
    }
    if (li + 1 == lines.size() || li >= kMaxHeadLines || !short_line) {
      body = li;
      break;
    }
    if (m.Byline(v, li > 0)) {
      add(FurnitureKind::kByline, l.b, l.e);
      headline_ok = false;
      continue;
    }
    if (m.Timestamp(v)) {
      add(FurnitureKind::kTimestamp, l.b, l.e);
      continue;
    }
    if (m.CaptionStart(v, text[l.e - 1] == ')')) {
      add(FurnitureKind::kCaption, l.b, l.e);
      continue;
    }
    if (headline_ok && headlines < kMaxHeadlineLines) {
      const HeadlineCase c = (li == 0 && !title.empty() && text.substr(l.b, l.e - l.b) == title)
                                 ? HeadlineCase::kTitle
                                 : m.Headline(v);
      const Line& next = lines[li + 1];
      const bool next_opens = m.OpensSentence(Piece{next.b, next.e, true, false}) ||
                              IsDash(FirstChar(text.substr(next.b, next.e - next.b)));
      // Sentence case only from the top of the text, before a blank line or
      // a line of other furniture (byline, timestamp, caption, dateline).
      auto next_is_furniture = [&]() {
        if (next.e - next.b > kMaxFurnitureLine) return false;
        m.Lex(next.b, next.e, SIZE_MAX, &next_v);
        return m.Byline(next_v, true) || m.Timestamp(next_v) || m.CaptionStart(next_v, false) ||
               m.MatchDateline(next_v, Matcher::Weak::kAll).has_value();
      };
      if ((c == HeadlineCase::kTitle && next_opens) ||
          (c == HeadlineCase::kSentence && li == headlines && next_opens &&
           (next.blank_before || next_is_furniture()))) {
        add(FurnitureKind::kHeadline, l.b, l.e);
        ++headlines;
        continue;
      }
    }
    body = li;
    break;
  }

  // The tail: whole lines of credit, caption or timestamp at the end, never
  // the first body line.
  size_t tail = lines.size();
  for (size_t li = lines.size(); li-- > body + 1 && lines.size() - li <= kMaxTailLines;) {
    const Line& l = lines[li];
    if (l.e - l.b > kMaxFurnitureLine) break;
    m.Lex(l.b, l.e, SIZE_MAX, &v);
    FurnitureKind k;
    if (m.CreditLine(v, true)) {
      k = FurnitureKind::kCredit;
    } else if (m.CaptionStart(v, text[l.e - 1] == ')')) {
      k = FurnitureKind::kCaption;
    } else if (m.Timestamp(v)) {
      k = FurnitureKind::kTimestamp;
    } else {
      break;
    }
    add(k, l.b, l.e);
    tail = li;
  }

  // Lines between: a strong dateline at a line start, whole-line captions
  // and parenthesised credits, a caption credit after a full stop. Cheap
  // tests on the bytes first, as nearly every such line is running text: a
  // strong dateline has '(', '/' or ',' before its agency or date, a caption
  // opens with a caption cue or '(', a caption credit is a cue before ": ".
  for (size_t li = body + 1; li < tail; ++li) {
    const Line& l = lines[li];
    const std::string_view line = text.substr(l.b, l.e - l.b);
    const char32_t first = FirstChar(line);
    const bool closes = line.back() == ')';
    const bool dateline_mark = (IsUpper(first) || first == '(') && HasDatelineMark(line);
    const bool caption_mark = first == '(' || (m.WordCues(line, 0) & kCueCaptionFirst) != 0;
    if (dateline_mark || caption_mark) {
      m.Lex(l.b, l.e, kStartPieces, &v);
      if (auto h = dateline_mark ? m.MatchDateline(v, Matcher::Weak::kNone) : std::nullopt; h && h->end < v.size()) {
        add_dateline(h->d);
        continue;
      }
      if (caption_mark && line.size() <= kMaxCaptionLine && m.CaptionStart(v, closes)) {
        add(FurnitureKind::kCaption, l.b, l.e);
        continue;
      }
    }
    if (line.size() > kMaxCaptionLine) continue;
    if (closes && first == '(') {
      m.Lex(l.b, l.e, SIZE_MAX, &v);
      if (m.CreditLine(v, false)) {
        add(FurnitureKind::kCredit, l.b, l.e);
        continue;
      }
    }
    // A credit after the caption's full stop; the caption's own words stay
    // running text (they may be a body paragraph that lost its layout).
    const size_t colon = LastColonSpace(line, kCaptionCreditWindow);
    const bool credit_mark = closes || (colon != std::string_view::npos && (m.WordCues(line, colon) & kCueCaption) != 0);
    if (!credit_mark) continue;
    uint32_t from = l.b + (line.size() > kCaptionCreditWindow + 40 ? static_cast<uint32_t>(line.size()) -
                                                                        kCaptionCreditWindow - 40
                                                                  : 0);
    while (from > l.b && !IsAsciiSpace(text[from - 1])) --from;
    m.Lex(from, l.e, SIZE_MAX, &v);
    const size_t c = m.CaptionCreditStart(v);
    if (c < v.size()) add(FurnitureKind::kCaption, v[c].b, l.e);
  }

  // A credit closing the last body line.
  if (tail > body && body < lines.size()) {
    const Line& l = lines[tail - 1];
    uint32_t from = l.e - l.b > kTailWindow ? l.e - kTailWindow : l.b;
    while (from > l.b && !IsAsciiSpace(text[from - 1])) --from;
    m.Lex(from, l.e, SIZE_MAX, &v);
    const size_t c = m.TailCreditStart(v);
    if (c < v.size() && v[c].b > l.b) add(FurnitureKind::kCredit, v[c].b, l.e);
  }

  std::sort(out.begin(), out.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.begin < b.span.begin; });
  for (const Furniture& f : out) {
    if (!doc->furniture.empty() && f.span.begin < doc->furniture.back().span.end) continue;
    doc->furniture.push_back(f);
  }
}

}  // namespace annals::text
