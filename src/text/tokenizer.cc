// Tokenizer and sentence splitter (conventions in tokenizer.h).
//
// Two passes. The first cuts the text at whitespace into chunks and splits
// each chunk into words: leading punctuation, trailing punctuation (with the
// abbreviation test for a final period), internal separators, clitics. The
// second walks the words and places sentence boundaries.
#include "text/tokenizer.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/text_stage.h"

namespace annals {

namespace {

using text::IsDigit;
using text::IsLetter;

struct Word {
  uint32_t begin;
  uint32_t end;
  uint32_t newlines_before;  // line breaks in the whitespace before it
  // Starts a new sentence: glued to the last one ("TimesHe"), or the first
  // word after furniture ("BERLIN (Reuters) - Police").
  bool starts_sentence = false;
};

// Code point at byte i (advancing *len to its byte length).
char32_t At(std::string_view s, size_t i, size_t* len) {
  size_t p = i;
  const char32_t c = DecodeUtf8(s, &p);
  *len = p - i;
  return c;
}

// Code point ending just before byte e (e > b); *start gets its first byte.
char32_t Before(std::string_view s, size_t b, size_t e, size_t* start) {
  size_t p = e - 1;
  while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && e - p < 4) --p;
  size_t q = p;
  const char32_t c = DecodeUtf8(s, &q);
  if (q != e) {  // not a clean sequence: treat the last byte alone
    *start = e - 1;
    return kReplacementChar;
  }
  *start = p;
  return c;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

std::string FoldLower(std::string_view s) {
  // ASCII lower case; curly apostrophe folded to '\''.
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

// Clitics split from the end of a word ("n't" is cut one letter earlier).
constexpr std::string_view kClitics[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
// Fused words cut at a fixed place; UD writes all but "alot" as multiword
// tokens ("a lot" is two plain tokens in EWT).
struct Fused {
  std::string_view word;
  uint32_t cut;
  bool multiword;
};
constexpr Fused kFused[] = {{"cannot", 3, true}, {"gonna", 3, true}, {"wanna", 3, true},
                            {"gotta", 3, true},  {"alot", 1, false}};

// Prefixes that UD English keeps attached to a hyphenated word.
bool IsKeptHyphenPrefix(std::string_view lower) {
  static constexpr std::string_view kPrefixes[] = {
      "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mega", "micro", "mid",
      "multi", "neo", "non", "over", "post", "pre", "pro", "re", "semi", "socio", "sub",
      "super", "ultra", "un", "vice", "x"};
  for (std::string_view p : kPrefixes) {
    if (p == lower) return true;
  }
  return false;
}

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Word>* words) : s_(text), words_(words) {}

  // The next word starts a sentence.
  void StartSentence() { glue_next_ = true; }

  void Split(uint32_t b, uint32_t e, uint32_t newlines) {
    newlines_ = newlines;
    if (IsEmoticon(s_.substr(b, e - b)) || IsMarkRun(b, e)) {
      Emit(b, e);
      return;
    }
    // Leading punctuation, one token each (runs of dashes or periods as one).
    while (b < e) {
      size_t len;
      const char32_t c = At(s_, b, &len);
      if (IsApostrophe(c) && IsClitic(b, e)) break;
      if (IsApostrophe(c) && b + len < e && IsDigit(static_cast<unsigned char>(s_[b + len]))) break;  // '68
      if (c == '<' || IsCurrencySymbol(c) || (c == '#' && b + len < e && IsDigit(static_cast<unsigned char>(s_[b + len])))) {
        if (b + len < e) {
          const uint32_t r = c == '<' ? SameRunEnd(b, e) : static_cast<uint32_t>(b + len);  // "<<File"
          Emit(b, r);
          b = r;
          continue;
        }
      }
      if (text::IsQuote(c) || text::IsOpeningBracket(c) || text::IsDash(c) || c == 0xBF || c == 0xA1 ||
          c == 0x2026) {
        if (c == '\'' || c == '"' || c == '`') {  // "''", "``": one token
          const uint32_t r = SameRunEnd(b, e);
          Emit(b, r);
          b = r;
          continue;
        }
        Emit(b, static_cast<uint32_t>(b + len));
        b = static_cast<uint32_t>(b + len);
        continue;
      }
      if ((c == '-' || c == '.') && b + 1 < e && s_[b + 1] == static_cast<char>(c)) {
        uint32_t r = b;
        while (r < e && s_[r] == static_cast<char>(c)) ++r;
        Emit(b, r);
        b = r;
        continue;
      }
      // "***Internet", "~Jason", ",Politics", "/euro", "-for", "-$", "-5":
      // symbols glued to the front of a word are tokens of their own, a run
      // of one symbol as one token ("<<", "**").
      const bool phone_plus = c == '+' && b + len < e && IsDigit(static_cast<unsigned char>(s_[b + len]));  // "+44"
      if ((IsEdgeSymbol(c) || c == ',' || c == '-') && b + len < e && !phone_plus) {
        const uint32_t r = SameRunEnd(b, e);
        if (r < e) {
          Emit(b, r);
          b = r;
          continue;
        }
      }
      break;
    }
    // Trailing punctuation, collected right to left.
    std::vector<Word> trailing;
    while (e > b) {
      size_t start;
      const char32_t c = Before(s_, b, e, &start);
      const auto st = static_cast<uint32_t>(start);
      if (c == '!' || c == '?' || (c == '.' && e - b >= 2 && (s_[e - 2] == '!' || s_[e - 2] == '?'))) {
        uint32_t r = e;  // "!!!", "?!", ".?" are one token in UD English
        while (r > b && (s_[r - 1] == '!' || s_[r - 1] == '?' || s_[r - 1] == '.')) --r;
        if (r == b) break;  // the chunk is only marks: one token
        // "so...?": the ellipsis and the question mark are two tokens.
        uint32_t q = r;
        while (q < e && s_[q] == '.') ++q;
        if (q - r >= 3 && q < e) {
          trailing.push_back({q, e, 0, false});
          trailing.push_back({r, q, 0, false});
        } else {
          trailing.push_back({r, e, 0, false});
        }
        e = r;
        continue;
      }
      if ((c == '>' || c == '%') && e - b > 1) {
        uint32_t r = c == '>' ? SameRunStart(b, e) : st;  // ">>" is one token
        if (r == b) break;
        trailing.push_back({r, e, 0, false});
        e = r;
        continue;
      }
      // "Footer***", "Vince/", "awesome-", "A+": a trailing symbol run.
      if ((IsEdgeSymbol(c) || c == '-') && e - b > 1) {
        const uint32_t r = SameRunStart(b, e);
        if (r > b && !(c == '/' && r - b == 1)) {  // "w/" stays whole
          trailing.push_back({r, e, 0, false});
          e = r;
          continue;
        }
      }
      if (c == '.') {
        uint32_t r = e;
        while (r > b && s_[r - 1] == '.') --r;
        if (e - r >= 2) {  // ellipsis "..."
          trailing.push_back({r, e, 0, false});
          e = r;
          continue;
        }
        if (text::ClassifyAbbreviation(s_.substr(b, e - b)) != text::AbbrevKind::kNone) break;
        if (e - b == 1) break;  // a lone "." is a token of its own
        trailing.push_back({st, e, 0, false});
        e = st;
        continue;
      }
      const bool closing = text::IsQuote(c) || text::IsClosingBracket(c) || text::IsDash(c) ||
                           c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
      if (closing && !(IsApostrophe(c) && EndsInClitic(b, e))) {
        if (st == b && e - b == 1 && trailing.empty()) break;  // the chunk is just this mark
        // A run of one ASCII quote or bracket ("''", "))") is one token.
        const uint32_t r = (c == '\'' || c == '"' || c == ')') ? SameRunStart(b, e) : st;
        if (r == b) break;
        trailing.push_back({r, e, 0, false});
        e = r;
        continue;
      }
      break;
    }
    if (b < e) SplitCore(b, e);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) Emit(it->begin, it->end);
  }

 private:
  void Emit(uint32_t b, uint32_t e) {
    if (b >= e) return;
    words_->push_back({b, e, newlines_, glue_next_});
    newlines_ = 0;
    glue_next_ = false;
  }

  // Is [b, e) exactly a clitic such as 's or 're (a chunk of its own)?
  bool IsClitic(uint32_t b, uint32_t e) const {
    const std::string w = FoldLower(s_.substr(b, e - b));
    return w == "'s" || w == "'re" || w == "'ve" || w == "'ll" || w == "'d" || w == "'m";
  }

  // Does [b, e) end in a clitic whose apostrophe is its last character
  // ("dogs'")? Possessive plural apostrophes are split like quotes, so no.
  bool EndsInClitic(uint32_t, uint32_t) const { return false; }

  static bool IsCurrencySymbol(char32_t c) {
    return c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0x20BD || c == 0x20B4 || c == 0x20B9;
  }

  // Symbols split from the edges of a word ("*", "~", "/", "&", "=", "+").
  static bool IsEdgeSymbol(char32_t c) {
    return c == '*' || c == '~' || c == '/' || c == '&' || c == '=' || c == '+' || c == '^' ||
           c == '|' || c == '_';
  }

  // End of the run of the byte at b (a run of one ASCII character).
  uint32_t SameRunEnd(uint32_t b, uint32_t e) const {
    uint32_t r = b + 1;
    while (r < e && s_[r] == s_[b]) ++r;
    return r;
  }
  // Start of the run that ends at e.
  uint32_t SameRunStart(uint32_t b, uint32_t e) const {
    uint32_t r = e - 1;
    while (r > b && s_[r - 1] == s_[e - 1]) --r;
    return r;
  }

  // A chunk of marks only: "???", "!?", "...", "<<", "''", "***", "=====".
  // "...?" is not one token (the ellipsis and the mark are two).
  bool IsMarkRun(uint32_t b, uint32_t e) const {
    if (e - b < 2) return false;
    bool marks = true;
    for (uint32_t k = b; k < e && marks; ++k) marks = s_[k] == '!' || s_[k] == '?' || s_[k] == '.';
    if (marks) return !(s_[b] == '.' && s_[b + 1] == '.' && e - b > 2 && s_[e - 1] != '.' &&
                        s_.substr(b, 3) == "...");
    const char c = s_[b];
    if (static_cast<unsigned char>(c) >= 0x80) {  // "’’", "‘‘": a run of one code point
      size_t len;
      const char32_t cp = At(s_, b, &len);
      if (!text::IsQuote(cp) || (e - b) % len != 0) return false;
      for (uint32_t k = b; k < e; k += static_cast<uint32_t>(len)) {
        if (s_.compare(k, len, s_.substr(b, len)) != 0) return false;
      }
      return true;
    }
    if (!(IsEdgeSymbol(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '\'' ||
          c == '"' || c == ')' || c == '(' || c == '#')) {
      return false;
    }
    return SameRunEnd(b, e) == e;
  }

  // ":)", ";-)", "(:", ":D", "<3": one token each in UD English.
  static bool IsEmoticon(std::string_view w) {
    static constexpr std::string_view kEmoticons[] = {":)", ":(", ";)", ":-)", ":-(", ";-)", ":D", ":-D", ":P",
                                                      ":p", "(:", "):", ":/", "<3", ":o", ":O", "xD", "XD",
                                                      "=)", "=(", "=D", ";D", ";P", ";p", ":-P", ":-p", ":'(", "^_^", "^^"};
    for (std::string_view e : kEmoticons) {
      if (w == e) return true;
    }
    return false;
  }

  // URLs, e-mail addresses and handles stay whole.
  bool IsUrlLike(std::string_view w) const {
    return w.find("://") != std::string_view::npos || w.rfind("www.", 0) == 0 ||
           (w.find('@') != std::string_view::npos && w.find('.') != std::string_view::npos);
  }

  void SplitCore(uint32_t b, uint32_t e) {
    const std::string_view w = s_.substr(b, e - b);
    if (IsUrlLike(w) || IsDayMonthYear(w)) {
      Emit(b, e);
      return;
    }
    if (const uint32_t cut = NumberUnitCut(w); cut > 0) {  // "5pm", "35mm", "300USD"
      Emit(b, b + cut);
      Emit(b + cut, e);
      return;
    }
    uint32_t piece = b;
    uint32_t i = b;
    char32_t prev = 0;
    while (i < e) {
      size_t len;
      const char32_t c = At(s_, i, &len);
      const auto next_i = static_cast<uint32_t>(i + len);
      char32_t next = 0;
      if (next_i < e) {
        size_t nl;
        next = At(s_, next_i, &nl);
      }
      bool split = false;
      uint32_t sep_end = next_i;
      if (c == '-' && i > piece && next_i < e) {
        if (next == '-') {  // "--" inside a word
          sep_end = next_i;
          while (sep_end < e && s_[sep_end] == '-') ++sep_end;
          split = true;
        } else if (text::IsAlnum(prev) && text::IsAlnum(next)) {
          // Also between letters and digits ("F - 16", "Rossiya - 1"), as in
          // UD: kept whole, such names were unknown words to the tagger.
          split = !IsKeptHyphenPrefix(FoldLower(s_.substr(piece, i - piece))) &&
                  !IsPhoneNumber(b, e) && !IsPhoneGroup(piece, i, e);
        }
      } else if (c == '/' && i > piece && next_i < e) {
        // Dates ("9/11") and one-letter shorthands ("b/c", "w/o") stay whole.
        split = !(IsDigit(prev) && IsDigit(next)) && !IsSlashShorthand(piece, i, e);
      } else if ((c == ',' || c == ':') && i > piece && next_i < e) {
        split = !(IsDigit(prev) && IsDigit(next));
      } else if (c == '.' && next == '.' && i > piece) {
        sep_end = next_i;
        while (sep_end < e && s_[sep_end] == '.') ++sep_end;
        split = true;
      } else if (c == '.' && i > piece && next_i < e) {
        // "affair.Financial": a full stop with the space missing.
        split = text::IsLower(prev) && text::IsUpper(next) && i - piece >= 3 &&
                s_.substr(piece, i - piece).find('.') == std::string_view::npos;
      } else if (text::IsDash(c) || (text::IsQuote(c) && !IsApostrophe(c)) || c == 0x2026 ||
                 text::IsOpeningBracket(c) || text::IsClosingBracket(c) || c == ';' || c == '!' ||
                 c == '?') {
        split = true;
      }
      if (!split && text::IsLower(prev) && text::IsUpper(c) && i - piece >= 3 && IsGluedSentenceStart(i, e)) {
        // "TimesHe explained": two sentences glued by a lost line break.
        SplitClitics(piece, i);
        glue_next_ = true;
        piece = i;
        prev = c;
        i = next_i;
        continue;
      }
      if (split) {
        SplitClitics(piece, i);
        Emit(i, sep_end);
        piece = sep_end;
        i = sep_end;
        prev = 0;
        continue;
      }
      prev = c;
      i = next_i;
    }
    SplitClitics(piece, e);
  }

  // Is [b, e) a pronoun or article that starts sentences ("He", "The")?
  // Only these, so that names like "LinkedIn" or "McDonald" stay whole.
  bool IsGluedSentenceStart(uint32_t b, uint32_t e) const {
    static constexpr std::string_view kStarts[] = {"He", "She", "They", "We", "The", "It", "This", "But"};
    const std::string_view w = s_.substr(b, e - b);
    for (std::string_view k : kStarts) {
      if (w == k) return true;
    }
    return false;
  }

  // "3-5297", "345-9945", "77415-0027": a phone extension, local number or
  // ZIP+4 (a 1-, 3- or 5-digit group, then four digits) stays whole; ranges
  // ("1969-1970", "5-10") do not match.
  bool IsPhoneGroup(uint32_t piece, uint32_t hyphen, uint32_t e) const {
    auto digits = [&](uint32_t from, uint32_t to) {
      for (uint32_t k = from; k < to; ++k) {
        if (s_[k] < '0' || s_[k] > '9') return false;
      }
      return to > from;
    };
    const uint32_t left = hyphen - piece;
    uint32_t right_end = hyphen + 1;
    while (right_end < e && s_[right_end] >= '0' && s_[right_end] <= '9') ++right_end;
    return digits(piece, hyphen) && (left == 1 || left == 3 || left == 5) &&
           right_end - hyphen - 1 == 4 && (right_end == e || !text::IsAlnum(static_cast<unsigned char>(s_[right_end])));
  }

  // "b/c", "w/o", "w/out", "l/c": one letter, a slash, up to three letters.
  bool IsSlashShorthand(uint32_t piece, uint32_t slash, uint32_t e) const {
    if (slash - piece != 1 || !text::IsLetter(static_cast<unsigned char>(s_[piece]))) return false;
    uint32_t r = slash + 1;
    while (r < e && text::IsLetter(static_cast<unsigned char>(s_[r]))) ++r;
    return r - slash - 1 >= 1 && r - slash - 1 <= 3 && (r == e || s_[r] == '\'');
  }

  // "01-Feb-02", "9-Sep-2001": a date written day-month-year.
  static bool IsDayMonthYear(std::string_view w) {
    const size_t h1 = w.find('-');
    if (h1 == std::string_view::npos || h1 == 0 || h1 > 2) return false;
    const size_t h2 = w.find('-', h1 + 1);
    if (h2 != h1 + 4) return false;
    auto all_digits = [](std::string_view d) {
      if (d.empty()) return false;
      for (char ch : d) {
        if (ch < '0' || ch > '9') return false;
      }
      return true;
    };
    const std::string_view year = w.substr(h2 + 1);
    if (!all_digits(w.substr(0, h1)) || !all_digits(year) || (year.size() != 2 && year.size() != 4)) return false;
    static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string month = FoldLower(w.substr(h1 + 1, 3));
    for (std::string_view m : kMonths) {
      if (m == month) return true;
    }
    return false;
  }

  // Where a number glued to a unit splits ("5pm" -> 1, "7:30PM" -> 4,
  // "300USD" -> 3, "65k"), or 0. Ordinals and decades ("21st", "1990s"),
  // and codes with one capital ("3143C", "86M"; but "81K") stay whole.
  static uint32_t NumberUnitCut(std::string_view w) {
    size_t k = 0;
    while (k < w.size() && ((w[k] >= '0' && w[k] <= '9') || ((w[k] == ',' || w[k] == '.' || w[k] == ':') && k > 0)))
      ++k;
    if (k == 0 || k == w.size() || w[k - 1] < '0' || w[k - 1] > '9') return 0;
    bool upper = true;
    for (size_t j = k; j < w.size(); ++j) {
      const char ch = w[j];
      const bool is_upper = ch >= 'A' && ch <= 'Z';
      if (!is_upper && !(ch >= 'a' && ch <= 'z')) return 0;
      upper = upper && is_upper;
    }
    const std::string unit = FoldLower(w.substr(k));
    if (unit == "st" || unit == "nd" || unit == "rd" || unit == "th" || unit == "s") return 0;
    if (upper && unit.size() == 1 && unit != "k") return 0;
    return static_cast<uint32_t>(k);
  }

  // 713-853-3989, 2025-08-19: three or more groups of digits, kept whole
  // (two groups are ranges, "2014-2022", unless IsPhoneGroup).
  bool IsPhoneNumber(uint32_t b, uint32_t e) const {
    int digits = 0, hyphens = 0;
    for (uint32_t k = b; k < e; ++k) {
      const char c = s_[k];
      if (c >= '0' && c <= '9') ++digits;
      else if (c == '-') ++hyphens;
      else return false;
    }
    return digits >= 7 && hyphens >= 2;
  }

  // "don't" -> do n't; "Russia's" -> Russia 's; "cannot" -> can not.
  void SplitClitics(uint32_t b, uint32_t e) {
    if (b >= e) return;
    const std::string lower = FoldLower(s_.substr(b, e - b));
    const size_t n = lower.size();
    // Byte length of the surface's tail may differ from `lower` when the
    // apostrophe is curly (3 bytes vs 1): locate the apostrophe in the surface.
    auto apostrophe_at = [&](uint32_t from) -> uint32_t {
      for (uint32_t k = e; k > from;) {
        size_t start;
        const char32_t c = Before(s_, from, k, &start);
        if (IsApostrophe(c)) return static_cast<uint32_t>(start);
        k = static_cast<uint32_t>(start);
      }
      return e;
    };
    if (n > 3 && lower.compare(n - 3, 3, "n't") == 0) {
      const uint32_t ap = apostrophe_at(b);
      if (ap > b + 1 && ap < e) {
        const uint32_t cut = ap - 1;  // the "n"
        Emit(b, cut);
        Emit(cut, e);
        return;
      }
    }
    if (n > 2 && lower.compare(n - 2, 2, "'s") == 0 && lower.find_first_not_of("0123456789") == n - 2) {
      Emit(b, e);  // "80's", "1960's": plural numbers, one word in UD English
      return;
    }
    for (std::string_view cl : kClitics) {
      if (n > cl.size() && lower.compare(n - cl.size(), cl.size(), cl) == 0) {
        const uint32_t ap = apostrophe_at(b);
        if (ap > b && ap < e) {
          Emit(b, ap);
          Emit(ap, e);
          return;
        }
      }
    }
    for (const Fused& f : kFused) {
      if (lower == f.word) {
        Emit(b, b + f.cut);
        Emit(b + f.cut, e);
        return;
      }
    }
    Emit(b, e);
  }

  std::string_view s_;
  std::vector<Word>* words_;
  uint32_t newlines_ = 0;
  bool glue_next_ = false;
};

bool IsTerminal(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    const char32_t c = At(w, i, &len);
    if (c != '.' && c != '!' && c != '?' && c != 0x2026) return false;
    i += len;
  }
  return true;
}

bool IsClosingMark(std::string_view w) {
  size_t len;
  const char32_t c = At(w, 0, &len);
  if (len != w.size()) return false;
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB || text::IsClosingBracket(c);
}

// Can `w` begin a new sentence after a full stop?
bool LooksLikeSentenceStart(std::string_view w) {
  size_t len;
  const char32_t c = At(w, 0, &len);
  return text::IsUpper(c) || IsDigit(c) || text::IsQuote(c) || text::IsOpeningBracket(c) ||
         text::IsDash(c) || c == '-';
}

}  // namespace

bool IsContractionSplit(std::string_view first, std::string_view second) {
  if (first.empty() || second.empty()) return false;
  const std::string tail = FoldLower(second);
  if (tail == "n't") return true;
  for (std::string_view c : kClitics) {
    if (tail == c) return true;
  }
  const std::string whole = FoldLower(first) + tail;
  for (const Fused& f : kFused) {
    if (f.multiword && whole == f.word && first.size() == f.cut) return true;
  }
  return false;
}

void Tokenize(Document* doc) {
  doc->sentences.clear();
  doc->tokens.clear();
  const std::string_view s(doc->text);
  std::vector<Word> words;
  words.reserve(s.size() / 5 + 1);
  ChunkSplitter splitter(s, &words);

  // Furniture is skipped like white space, and the word after it starts a
  // sentence.
  const std::vector<Furniture>& furniture = doc->furniture;
  size_t next_furniture = 0;
  const size_t n = s.size();
  // Where the next furniture item begins (n when none is left).
  auto next_begin = [&](size_t at) {
    while (next_furniture < furniture.size() && furniture[next_furniture].span.end <= at) ++next_furniture;
    return next_furniture < furniture.size() ? std::min<size_t>(furniture[next_furniture].span.begin, n) : n;
  };
  size_t furniture_begin = next_begin(0);
  size_t i = 0;
  while (i < n) {
    uint32_t newlines = 0;
    bool after_furniture = false;
    for (;;) {
      while (i < n) {
        size_t len;
        const char32_t c = At(s, i, &len);
        if (!text::IsSpace(c)) break;
        if (c == '\n') ++newlines;
        i += len;
      }
      if (i < n && i >= furniture_begin) {
        i = std::max<size_t>(i, furniture[next_furniture].span.end);
        furniture_begin = next_begin(i);
        after_furniture = true;
        continue;
      }
      break;
    }
    if (i >= n) break;
    const size_t b = i;
    const size_t end = furniture_begin;
    while (i < end) {
      size_t len;
      const char32_t c = At(s, i, &len);
      if (text::IsSpace(c)) break;
      i += len;
    }
    if (after_furniture) splitter.StartSentence();
    splitter.Split(static_cast<uint32_t>(b), static_cast<uint32_t>(i), newlines);
  }

  doc->tokens.reserve(words.size());
  uint32_t paragraph = 0;
  uint32_t sentence_start = 0;
  // Sentences are closed in token indices (doc->tokens), which run ahead of
  // word indices once a sentence-final abbreviation gives up its period.
  auto close_sentence = [&]() {
    const auto end_token = static_cast<uint32_t>(doc->tokens.size());
    if (end_token <= sentence_start) return;
    Sentence sent;
    sent.token_begin = sentence_start;
    sent.token_end = end_token;
    sent.span = {doc->tokens[sentence_start].span.begin, doc->tokens[end_token - 1].span.end};
    sent.paragraph = paragraph;
    doc->sentences.push_back(sent);
    sentence_start = end_token;
  };

  for (uint32_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (doc->tokens.size() > sentence_start && w.newlines_before > 0) {
      // A blank line always ends the sentence; a single line break ends it
      // when the line reads like a headline and the next starts anew.
      const std::string_view prev = s.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin);
      const std::string_view cur = s.substr(w.begin, w.end - w.begin);
      const bool ends_open = prev == "," || prev == "-" || prev == "and" || prev == "or" || prev == "of" ||
                             prev == "the" || prev == "a";
      if (w.newlines_before >= 2 || (!ends_open && LooksLikeSentenceStart(cur))) close_sentence();
    }
    if (w.starts_sentence) close_sentence();
    if (w.newlines_before >= 2 && k > 0) ++paragraph;
    Token t;
    t.span = {w.begin, w.end};
    t.form.assign(s.substr(w.begin, w.end - w.begin));
    t.space_after = k + 1 >= words.size() || words[k + 1].begin > w.end;
    doc->tokens.push_back(std::move(t));

    const std::string_view form = doc->tokens.back().form;
    const bool last = k + 1 == words.size();
    if (last) break;
    bool boundary = false;
    uint32_t end_after = k + 1;
    if (IsTerminal(form)) {
      // Take closing quotes and brackets that follow into this sentence.
      uint32_t j = k + 1;
      while (j < words.size() && words[j].newlines_before == 0 &&
             IsClosingMark(s.substr(words[j].begin, words[j].end - words[j].begin)) &&
             (words[j].begin == words[j - 1].end ||
              // Spaced on the left: closing only if not glued to a word on
              // its right (`said. "We` opens the next sentence).
              (j == k + 1 && (j + 1 >= words.size() || words[j + 1].begin > words[j].end)))) {
        ++j;
      }
      if (j >= words.size()) {
        boundary = false;  // the end of the text closes it anyway
      } else {
        const std::string_view next = s.substr(words[j].begin, words[j].end - words[j].begin);
        // A full stop, ? or ! before a lower-case word also ends the
        // sentence (the period was not an abbreviation's): web and chat text
        // often starts sentences in lower case. Not after an ellipsis ("so...
        // maybe") or a closing quote: '"Why?" he asked' is one sentence.
        const bool lower_after_stop = form.find_first_not_of(".?!") == std::string_view::npos &&
                                      form.find("..") == std::string_view::npos && j == k + 1 &&
                                      text::IsLower(static_cast<unsigned char>(next[0]));
        boundary = LooksLikeSentenceStart(next) || words[j].newlines_before > 0 || lower_after_stop;
        end_after = j;
      }
    } else if (form.size() > 1 && form.back() == '.' &&
               text::ClassifyAbbreviation(form) == text::AbbrevKind::kOrdinary) {
      const Word& nw = words[k + 1];
      const std::string_view next = s.substr(nw.begin, nw.end - nw.begin);
      boundary = text::IsSentenceStarter(next) || (nw.newlines_before > 0 && LooksLikeSentenceStart(next));
      if (boundary && form.find('.') == form.size() - 1) {
        // "... Acme Inc. The": the period is both the abbreviation's and the
        // full stop; UD English gives it to the full stop ("Inc" ".").
        Token& abbrev = doc->tokens.back();
        Token stop;
        stop.span = {abbrev.span.end - 1, abbrev.span.end};
        stop.form = ".";
        stop.space_after = abbrev.space_after;
        abbrev.span.end -= 1;
        abbrev.form.pop_back();
        abbrev.space_after = false;
        doc->tokens.push_back(std::move(stop));
      }
    }
    if (boundary) {
      // Emit the closing marks we looked past, then close.
      for (uint32_t j = k + 1; j < end_after; ++j) {
        Token ct;
        ct.span = {words[j].begin, words[j].end};
        ct.form.assign(s.substr(words[j].begin, words[j].end - words[j].begin));
        ct.space_after = j + 1 >= words.size() || words[j + 1].begin > words[j].end;
        doc->tokens.push_back(std::move(ct));
      }
      k = end_after - 1;
      close_sentence();
    } else if (doc->tokens.size() - sentence_start >= kMaxSentenceTokens) {
      close_sentence();
    }
  }
  close_sentence();
}

}  // namespace annals
