// Finding quoted passages by their quotation marks, in one region of text
// (a paragraph).
//
// Recognised marks: straight double quotes ("), curly double quotes
// (U+201C/U+201D), the low opening quote (U+201E) and guillemets
// (U+00AB/U+00BB). Single quotes are not quotation marks here: in English
// text an apostrophe and a closing single quote are the same character.
// Straight quotes are paired by position: a mark after a space or at the
// start opens, a mark before a space, punctuation or the end closes.
//
// Unbalanced marks never swallow the rest of the document: an unclosed
// quote ends at the end of the region (callers pass one paragraph), and
// a stray closing mark is ignored.
#pragma once

#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals {

struct QuotedSpan {
  Span outer;            // from the opening mark to the closing mark, inclusive
  Span content;          // inside the marks, trimmed of white space
  bool closed = true;    // false when the region ended before a closing mark
};

// Quoted passages in text[region.begin, region.end), in text order. Never
// reads outside the region; invalid UTF-8 is skipped byte by byte.
std::vector<QuotedSpan> FindQuotedSpans(std::string_view text, Span region);

}  // namespace annals
