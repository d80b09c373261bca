// Name keys via ICU character properties: case folding with u_foldCase and
// accent removal by taking the first code point of the canonical
// decomposition (enough for Latin, Cyrillic and Greek names in news text).
#include "actors/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/utf8.h"

namespace annals {
namespace {

// ICU's NFD normaliser, fetched once (nullptr if ICU cannot give it). A
// function-local static is initialised under the language's guard, which
// ThreadSanitizer sees; ICU's own lazy initialisation, inside the
// uninstrumented libicu, it does not, and it reported the gazetteer and
// dictionary loader threads' first NameKey calls as a data race
// (scripts/tsan.sh). It also spares a singleton lookup per non-ASCII letter.
const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  return nfd;
}

char32_t BaseLetter(char32_t c) {
  if (c < 0x80) return c;
  const icu::Normalizer2* nfd = Nfd();
  if (nfd == nullptr) return c;
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(static_cast<UChar32>(c), decomposition) ||
      decomposition.isEmpty()) {
    return c;
  }
  return static_cast<char32_t>(decomposition.char32At(0));
}

}  // namespace

void AppendNameKey(std::string_view text, std::string* key) {
  bool pending_space = false;
  const size_t start_size = key->size();
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      ++pos;
      if (std::isalnum(b)) {
        if (pending_space && key->size() > start_size) key->push_back(' ');
        pending_space = false;
        key->push_back(static_cast<char>(std::tolower(b)));
      } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        pending_space = true;
      }
      continue;
    }
    const char32_t c = DecodeUtf8(text, &pos);
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      pending_space = true;
      continue;
    }
    if (!u_isalnum(static_cast<UChar32>(c))) continue;
    const char32_t folded = static_cast<char32_t>(
        u_foldCase(static_cast<UChar32>(BaseLetter(c)), U_FOLD_CASE_DEFAULT));
    if (pending_space && key->size() > start_size) key->push_back(' ');
    pending_space = false;
    AppendUtf8(folded, key);
  }
}

std::string NameKey(std::string_view text) {
  std::string key;
  AppendNameKey(text, &key);
  return key;
}

bool StartsUpper(std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    const UChar32 c = static_cast<UChar32>(DecodeUtf8(word, &pos));
    if (u_isalpha(c)) return u_isupper(c) || u_istitle(c);
    if (u_isdigit(c)) return false;
  }
  return false;
}

bool AllUpper(std::string_view word) {
  size_t pos = 0;
  bool any = false;
  while (pos < word.size()) {
    const UChar32 c = static_cast<UChar32>(DecodeUtf8(word, &pos));
    if (!u_isalpha(c)) continue;
    if (u_islower(c)) return false;
    any = true;
  }
  return any;
}

namespace {

struct Run {
  std::string_view::size_type begin = 0;
  size_t letters = 0;
  bool all_upper = true;
};

// Splits s into maximal runs of letters/digits (code points), recording for
// each code point whether it is upper case and the properties of its run.
struct CaseShape {
  std::vector<bool> upper;      // per alnum code point
  std::vector<bool> run_start;  // first code point of its run
  std::vector<size_t> run_of;   // index into runs
  std::vector<Run> runs;
};

CaseShape Shape(std::string_view s) {
  CaseShape shape;
  size_t pos = 0;
  bool in_run = false;
  while (pos < s.size()) {
    const UChar32 c = static_cast<UChar32>(DecodeUtf8(s, &pos));
    if (!u_isalnum(c)) {
      in_run = false;
      continue;
    }
    if (!in_run) shape.runs.push_back(Run{});
    Run& run = shape.runs.back();
    const bool up = u_isupper(c) || u_istitle(c);
    if (u_isalpha(c)) {
      ++run.letters;
      if (!up) run.all_upper = false;
    }
    shape.upper.push_back(up);
    shape.run_start.push_back(!in_run);
    shape.run_of.push_back(shape.runs.size() - 1);
    in_run = true;
  }
  return shape;
}

}  // namespace

bool CaseMatches(std::string_view dictionary, std::string_view written) {
  const CaseShape d = Shape(dictionary);
  const CaseShape w = Shape(written);
  // Folding can change lengths (German sharp s); compare what aligns.
  const size_t n = std::min(d.upper.size(), w.upper.size());
  for (size_t i = 0; i < n; ++i) {
    if (!d.upper[i]) continue;
    const Run& run = d.runs[d.run_of[i]];
    const bool strict = run.all_upper && run.letters >= 2 && run.letters < 4;
    // A word the dictionary writes after a hyphen may be written glued on,
    // in lower case: "Southwest Region" for "South-West Region". Initials
    // stay strict ("U.S." is not "Us").
    const bool glued = !w.run_start[i] && run.letters >= 2;
    if (((d.run_start[i] && !glued) || strict) && !w.upper[i]) return false;
  }
  return true;
}

}  // namespace annals
