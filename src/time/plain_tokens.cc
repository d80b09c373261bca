// Whitespace-and-punctuation tokenizer (see plain_tokens.h).
#include "time/plain_tokens.h"

#include <string_view>

namespace annals::timex {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsEdgePunct(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '(' ||
         c == ')' || c == '[' || c == ']';
}

}  // namespace

void PlainTokenize(Document* doc) {
  doc->tokens.clear();
  doc->sentences.clear();
  const std::string_view text = doc->text;
  auto add = [&](size_t b, size_t e) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.form = std::string(text.substr(b, e - b));
    doc->tokens.push_back(std::move(t));
  };
  Sentence cur;
  cur.span.begin = 0;
  auto close = [&](size_t end_byte) {
    cur.token_end = static_cast<uint32_t>(doc->tokens.size());
    cur.span.end = static_cast<uint32_t>(end_byte);
    if (cur.token_end > cur.token_begin) doc->sentences.push_back(cur);
    cur = Sentence{};
    cur.token_begin = static_cast<uint32_t>(doc->tokens.size());
  };
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      // A blank line closes the sentence.
      if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') close(i);
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && !IsSpace(text[e])) ++e;
    size_t b = i;
    size_t chunk_end = e;
    if (doc->tokens.size() == cur.token_begin) cur.span.begin = static_cast<uint32_t>(b);
    while (b < chunk_end && IsEdgePunct(text[b])) {
      add(b, b + 1);
      ++b;
    }
    size_t tail = chunk_end;
    while (tail > b && (IsEdgePunct(text[tail - 1]) || text[tail - 1] == '.')) --tail;
    // Keep the period of "p.m." and "U.S." on the word.
    if (tail < chunk_end && text[tail] == '.' && tail > b + 1 && text[tail - 2] == '.') ++tail;
    if (tail > b) add(b, tail);
    for (size_t p = tail; p < chunk_end; ++p) add(p, p + 1);
    const char last = text[chunk_end - 1];
    const bool ends = last == '.' || last == '!' || last == '?' ||
                      ((last == '"' || last == ')') && chunk_end >= 2 &&
                       (text[chunk_end - 2] == '.' || text[chunk_end - 2] == '!' ||
                        text[chunk_end - 2] == '?'));
    size_t next = e;
    while (next < text.size() && IsSpace(text[next])) ++next;
    if (ends && (next >= text.size() || (text[next] >= 'A' && text[next] <= 'Z') ||
                 text[next] == '"')) {
      close(chunk_end);
    }
    i = e;
  }
  close(text.size());
}

}  // namespace annals::timex
