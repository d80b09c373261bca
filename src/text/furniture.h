// News furniture: headlines, bylines, datelines, agency credits, photo
// captions and timestamps, recognised in the normalised text before it is
// split into sentences (the text stage then tokenizes around them).
//
// Where each kind is looked for -- precision first, because a body sentence
// must never lose words:
//   head     the lines before the first body line: headlines (at most three,
//            among the first lines, never the last line of the text),
//            bylines, timestamps, captions, and a dateline on a line of its
//            own ("Geneva, 19 August 2025").
//   first body line   a dateline at its start, in any shape: "CITY (Agency) -",
//            "CITY, Country (Agency) –", "CITY, Month Day (Agency) -",
//            "(CNN) —", "(ANSA) - ROME, AUG 19 -", "MOSCOW, August 19. /TASS/.",
//            and the weak shapes "CITY — " and "CITY: " (no agency, no date):
//            the place must not be a kicker such as "Exclusive", the text after
//            the separator must start like a sentence, a Title-case place
//            needs a dash other than "-" or a colon, and unless more lines
//            follow (a story) only "UPPER-CASE CITY —" counts: a one-line
//            "Clair Obscur: Expedition 33 wins" is a title. In the head, a
//            weak dateline must open a line that ends with a full stop;
//            otherwise the line may be a headline ("Zelensky: We Need ...").
//   other lines      a dateline only in a strong shape (an agency or a date) at
//            the start of the line; captions and parenthesised credits
//            ("(Reporting by ...)") that make up a whole line.
//   tail     the last lines while they are credits, captions or timestamps,
//            then a credit closing the last body line after its full stop
//            ("... said. — AFP").
// Datelines are matched by shape only (the gazetteer belongs to the actors
// stage, which resolves Dateline::place later); agencies and cue words come
// from data/lang/en/news_agencies.tsv and news_furniture.tsv (format in
// docs/formats/furniture.md).
//
// Cost: each line start is lexed for a few pieces; whole lines are lexed only
// in the head and tail and for lines short enough to be captions. Linear in
// the text. Immutable after loading; Find() is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::text {

class FurnitureRecognizer {
 public:
  // Loads <data_dir>/lang/en/news_agencies.tsv and news_furniture.tsv. A bad
  // row is reported in *warnings as "path:line:col: message 'text'" and
  // skipped; fails when a file cannot be read, lacks its format line or
  // columns, or has no usable row.
  static Result<FurnitureRecognizer> Load(const std::string& data_dir, std::vector<std::string>* warnings);
  // The same from file contents in memory; the paths name them in messages.
  static Result<FurnitureRecognizer> Parse(std::string agencies, const std::string& agencies_path,
                                           std::string words, const std::string& words_path,
                                           std::vector<std::string>* warnings);

  // Replaces doc->furniture (text order, disjoint, each span trimmed of white
  // space) and doc->dateline, reading doc->text and doc->title (a first line
  // equal to the title is a headline whatever its shape).
  void Find(Document* doc) const;

  // Cue kinds of news_furniture.tsv, as bits.
  enum Cue : uint32_t {
    kCueByline = 1u << 0,
    kCueCaption = 1u << 1,
    kCueCredit = 1u << 2,
    kCueCreditLead = 1u << 3,
    kCueCopyright = 1u << 4,
    kCueTimestamp = 1u << 5,
    kCueMonth = 1u << 6,
    kCueWeekday = 1u << 7,
    kCueZone = 1u << 8,
    kCueTimeWord = 1u << 9,
    kCueJoiner = 1u << 10,
    kCueBylineWord = 1u << 11,
    kCueKicker = 1u << 12,
    kCueCaptionFirst = 1u << 13,  // first word of a caption cue (set on loading)
  };

  struct Phrase {
    uint32_t cues = 0;           // bits of Cue
    std::string agency;          // normalised agency name, or ""
  };
  // Keys are lower-case words joined by one space, without periods ("a.m" -> "am").
  const Phrase* Lookup(const std::string& key) const;
  size_t max_phrase_words() const { return max_words_; }

 private:
  FurnitureRecognizer() = default;
  std::unordered_map<std::string, Phrase> phrases_;
  size_t max_words_ = 1;
};

}  // namespace annals::text
