// Lists of English abbreviations common in news. Title abbreviations
// precede names; the others can close a sentence ("... in the U.S. The").
#include "text/abbreviations.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace annals::text {

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower case, without the final period.
constexpr std::string_view kTitles[] = {
    "adm", "brig", "capt", "cdr", "cmdr", "col", "cpl", "dr", "ft", "gen", "gov",
    "hon", "insp", "lieut", "lt", "maj", "messrs", "mme", "mlle", "mr", "mrs", "ms",
    "msgr", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sec", "sen", "sens",
    "sgt", "sr", "st", "supt", "vs", "v", "amb", "atty", "det", "fr", "gens"};

constexpr std::string_view kOrdinary[] = {
    "al", "apr", "approx", "assn", "aug", "ave", "blvd", "bros", "co", "corp",
    "dec", "dept", "est", "etc", "feb", "fig", "govt", "inc", "jan", "jr", "jul",
    "jun", "ltd", "mar", "mfg", "mln", "no", "nos", "nov", "oct", "op", "pp", "rd",
    "sep", "sept", "sq", "tel", "univ", "vol", "vols", "wk", "yr", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "ont", "calif", "mass", "conn", "penn", "wash", "ariz", "colo"};

bool InList(std::string_view lower, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, lower) != end;
}

}  // namespace

AbbrevKind ClassifyAbbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return AbbrevKind::kNone;
  const std::string_view stem = word.substr(0, word.size() - 1);
  // Single capital letter: an initial ("J. Smith").
  if (stem.size() == 1 && stem[0] >= 'A' && stem[0] <= 'Z') return AbbrevKind::kTitle;
  // Letter-period sequences: U.S. U.K. a.m. p.m. e.g. i.e. D.C.
  bool dotted = stem.size() >= 3;
  for (size_t i = 0; i < stem.size() && dotted; ++i) {
    const char c = stem[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    dotted = (i % 2 == 0) ? letter : c == '.';
  }
  if (dotted) return AbbrevKind::kOrdinary;
  for (char c : stem) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return AbbrevKind::kNone;
  }
  const std::string lower = LowerAscii(stem);
  if (InList(lower, std::begin(kTitles), std::end(kTitles))) {
    // "no." and "st." are ordinary in lower case ("a yes or no.").
    return AbbrevKind::kTitle;
  }
  if (InList(lower, std::begin(kOrdinary), std::end(kOrdinary))) {
    // Lower-case "no." at a sentence end is the word "no".
    if (lower == "no" && stem[0] == 'n') return AbbrevKind::kNone;
    return AbbrevKind::kOrdinary;
  }
  return AbbrevKind::kNone;
}

bool IsSentenceStarter(std::string_view word) {
  static constexpr std::string_view kStarters[] = {
      "A", "After", "Also", "An", "And", "As", "At", "But", "By", "During", "For",
      "He", "Her", "His", "However", "I", "If", "In", "It", "Its", "Last", "Meanwhile",
      "Mr.", "Ms.", "Mrs.", "Next", "No", "Now", "On", "One", "Our", "She", "Since",
      "So", "That", "The", "Their", "There", "These", "They", "This", "Those", "Two",
      "We", "What", "When", "While", "Yet"};
  return std::find(std::begin(kStarters), std::end(kStarters), word) != std::end(kStarters);
}

}  // namespace annals::text
