// Pairs quotation marks inside one paragraph (see quote_marks.h).
#include "quotes/quote_marks.h"

#include <algorithm>

#include "base/utf8.h"

namespace annals {
namespace {

enum class Mark { kNone, kStraight, kOpenCurly, kCloseCurly, kOpenGuillemet, kCloseGuillemet };

Mark Classify(char32_t cp) {
  switch (cp) {
    case U'"': return Mark::kStraight;
    case U'\u201C': return Mark::kOpenCurly;
    case U'\u201E': return Mark::kOpenCurly;
    case U'\u201D': return Mark::kCloseCurly;
    case U'\u00AB': return Mark::kOpenGuillemet;
    case U'\u00BB': return Mark::kCloseGuillemet;
    default: return Mark::kNone;
  }
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A straight quote opens when it follows white space, the region start or
// an opening bracket/dash, and is followed by something other than space.
bool LooksOpening(std::string_view text, size_t at, size_t len, Span region) {
  const bool before_ok =
      at == region.begin || IsSpaceByte(text[at - 1]) || text[at - 1] == '(' ||
      text[at - 1] == '[' || text[at - 1] == '-' || text[at - 1] == ':' ||
      static_cast<unsigned char>(text[at - 1]) >= 0x80;  // em dash and friends
  const size_t after = at + len;
  const bool after_ok = after < region.end && !IsSpaceByte(text[after]);
  return before_ok && after_ok;
}

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpaceByte(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpaceByte(text[s.end - 1])) --s.end;
  return s;
}

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text, Span region) {
  std::vector<QuotedSpan> out;
  region.end = std::min<uint32_t>(region.end, static_cast<uint32_t>(text.size()));
  if (region.begin >= region.end) return out;
  bool open = false;
  uint32_t open_at = 0, content_begin = 0;
  auto emit = [&](uint32_t content_end, uint32_t outer_end, bool closed) {
    QuotedSpan q;
    q.outer = {open_at, outer_end};
    q.content = Trim(text, {content_begin, content_end});
    q.closed = closed;
    if (q.content.begin < q.content.end) out.push_back(q);
    open = false;
  };
  size_t pos = region.begin;
  while (pos < region.end) {
    const size_t at = pos;
    const char32_t cp = DecodeUtf8(text.substr(0, region.end), &pos);
    const Mark m = Classify(cp);
    if (m == Mark::kNone) continue;
    const uint32_t len = static_cast<uint32_t>(pos - at);
    const uint32_t at32 = static_cast<uint32_t>(at);
    bool opens = false, closes = false;
    switch (m) {
      case Mark::kOpenCurly:
      case Mark::kOpenGuillemet:
        opens = true;
        break;
      case Mark::kCloseCurly:
      case Mark::kCloseGuillemet:
        // Some texts use the closing curly mark for both ends.
        closes = open;
        opens = !open && m == Mark::kCloseCurly && LooksOpening(text, at, len, region);
        break;
      case Mark::kStraight:
        if (open) {
          closes = true;
        } else {
          opens = LooksOpening(text, at, len, region);
        }
        break;
      case Mark::kNone:
        break;
    }
    if (closes) {
      emit(at32, at32 + len, true);
    } else if (opens) {
      // An opening mark while a quote is open means the earlier one was
      // never closed: end it here rather than nesting without limit.
      if (open) emit(at32, at32, false);
      open = true;
      open_at = at32;
      content_begin = at32 + len;
    }
  }
  if (open) emit(region.end, region.end, false);
  return out;
}

}  // namespace annals
