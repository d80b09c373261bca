// Re-cuts tokens into lexemes (see lexer.h). One pass over each token's
// bytes; no allocation beyond the lexeme strings themselves.
#include "time/lexer.h"

#include <algorithm>

#include "base/utf8.h"

namespace annals::timex {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Non-ASCII characters that are symbols, not letters: currency signs,
// typographic quotes and dashes. Everything else non-ASCII is treated as a
// letter so that names in other scripts stay whole words.
bool IsSymbolCodePoint(char32_t cp) {
  switch (cp) {
    case 0x00A3: case 0x00A5: case 0x20AC: case 0x20BD: case 0x20B4: case 0x20B9:  // £ ¥ € ₽ ₴ ₹
    case 0x20A9: case 0x20BA: case 0x20AA:                                      // ₩ ₺ ₪
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2013: case 0x2014:
    case 0x2026: case 0x00A0: case 0x00AB: case 0x00BB: case 0x2022: case 0x00B7:
    case kReplacementChar:
      return true;
    default:
      return cp < 0x80 || (cp >= 0x2000 && cp <= 0x206F);  // general punctuation
  }
}

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (i < s.size() && s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void LexTokens(const Document& doc, uint32_t token_begin, uint32_t token_end,
               std::vector<Lexeme>* out) {
  if (token_end > doc.tokens.size()) token_end = static_cast<uint32_t>(doc.tokens.size());
  uint32_t prev_end = 0;
  for (uint32_t t = token_begin; t < token_end; ++t) {
    const Token& tok = doc.tokens[t];
    const std::string_view form = tok.form;
    const bool exact = tok.span.end <= doc.text.size() && tok.span.begin <= tok.span.end &&
                       doc.SpanText(tok.span) == form;
    // A token whose span does not fit the text (a bug upstream) still gets
    // spans inside the text, so that no reader can go out of bounds.
    const uint32_t text_size = static_cast<uint32_t>(doc.text.size());
    const uint32_t safe_begin = std::min(tok.span.begin, text_size);
    const Span token_span{safe_begin, std::max(safe_begin, std::min(tok.span.end, text_size))};
    bool first_in_token = true;
    const bool token_space = t == token_begin || tok.span.begin > prev_end;
    prev_end = tok.span.end;
    auto emit = [&](size_t b, size_t e, LexKind kind, std::string norm) {
      Lexeme lx;
      lx.norm = std::move(norm);
      lx.kind = kind;
      lx.token = t;
      lx.span = exact ? Span{static_cast<uint32_t>(tok.span.begin + b),
                             static_cast<uint32_t>(tok.span.begin + e)}
                      : token_span;
      lx.space_before = first_in_token && token_space;
      first_in_token = false;
      out->push_back(std::move(lx));
    };
    size_t i = 0;
    while (i < form.size()) {
      const unsigned char c = static_cast<unsigned char>(form[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
        first_in_token = true;  // a token with inner spaces ("2 000")
        continue;
      }
      if (IsDigit(c)) {
        const size_t b = i;
        std::string norm;
        while (i < form.size()) {
          const unsigned char d = static_cast<unsigned char>(form[i]);
          if (IsDigit(d)) {
            norm += static_cast<char>(d);
            ++i;
          } else if ((d == ',' || d == '.' || d == ':' || d == '/' || d == '-') &&
                     i + 1 < form.size() && IsDigit(static_cast<unsigned char>(form[i + 1]))) {
            norm += static_cast<char>(d);
            ++i;
          } else {
            break;
          }
        }
        bool ordinal = false;
        if (i + 1 < form.size()) {
          const char a = Lower(form[i]);
          const char z = Lower(form[i + 1]);
          const bool suffix = (a == 's' && z == 't') || (a == 'n' && z == 'd') ||
                              (a == 'r' && z == 'd') || (a == 't' && z == 'h');
          const bool ends = i + 2 >= form.size() || !IsAsciiLetter(static_cast<unsigned char>(form[i + 2]));
          if (suffix && ends) {
            ordinal = true;
            i += 2;
          }
        }
        emit(b, i, LexKind::kNumber, std::move(norm));
        out->back().ordinal = ordinal;
        continue;
      }
      if (IsAsciiLetter(c) || c >= 0x80) {
        // A non-ASCII sequence may be a symbol (€, ’, —): decode to check.
        if (c >= 0x80) {
          size_t p = i;
          const char32_t cp = DecodeUtf8(form, &p);
          if (IsSymbolCodePoint(cp)) {
            size_t alen = 0;
            if (IsApostrophe(form, i, &alen) && i + alen < form.size() &&
                Lower(form[i + alen]) == 's' &&
                (i + alen + 1 >= form.size() ||
                 !IsAsciiLetter(static_cast<unsigned char>(form[i + alen + 1])))) {
              emit(i, i + alen + 1, LexKind::kWord, "'s");
              i += alen + 1;
              continue;
            }
            emit(i, p, LexKind::kPunct, std::string(form.substr(i, p - i)));
            i = p;
            continue;
          }
        }
        const size_t b = i;
        std::string norm;
        size_t run = 0;  // letters since the last period
        while (i < form.size()) {
          const unsigned char d = static_cast<unsigned char>(form[i]);
          if (IsAsciiLetter(d)) {
            norm += Lower(static_cast<char>(d));
            ++run;
            ++i;
          } else if (d >= 0x80) {
            size_t p = i;
            const char32_t cp = DecodeUtf8(form, &p);
            if (IsSymbolCodePoint(cp)) break;
            norm.append(form.substr(i, p - i));
            ++run;
            i = p;
          } else if (d == '.' && run == 1 && i + 1 < form.size() &&
                     IsAsciiLetter(static_cast<unsigned char>(form[i + 1]))) {
            // Dotted abbreviation: p.m., a.m., U.S.
            run = 0;
            ++i;
          } else {
            break;
          }
        }
        // Trailing period of a dotted abbreviation ("p.m.").
        if (i < form.size() && form[i] == '.' && run == 1 && norm.size() >= 2 &&
            form.substr(b, i - b).find('.') != std::string_view::npos) {
          ++i;
        }
        // o'clock stays one word.
        size_t alen = 0;
        if (norm == "o" && IsApostrophe(form, i, &alen)) {
          size_t j = i + alen;
          std::string rest;
          while (j < form.size() && IsAsciiLetter(static_cast<unsigned char>(form[j]))) {
            rest += Lower(form[j]);
            ++j;
          }
          if (rest == "clock") {
            emit(b, j, LexKind::kWord, "o'clock");
            out->back().capitalized = false;
            i = j;
            continue;
          }
        }
        emit(b, i, LexKind::kWord, std::move(norm));
        out->back().capitalized = c >= 'A' && c <= 'Z';
        continue;
      }
      // ASCII punctuation. "'s" is the possessive clitic.
      size_t alen = 0;
      if (IsApostrophe(form, i, &alen) && i + 1 < form.size() && Lower(form[i + 1]) == 's' &&
          (i + 2 >= form.size() || !IsAsciiLetter(static_cast<unsigned char>(form[i + 2])))) {
        emit(i, i + 2, LexKind::kWord, "'s");
        i += 2;
        continue;
      }
      emit(i, i + 1, LexKind::kPunct, std::string(1, static_cast<char>(c)));
      ++i;
    }
  }
}

}  // namespace annals::timex
