// The attach stage's vocabulary: the word lists of data/lang/en/attach.tsv
// (format: docs/formats/wordlists.md; what each list does: docs/attach.md).
//
// Lists, as the enum below: locative prepositions ("in", "near", "across"),
// target prepositions for attacks ("on", "against", "into"), verbs whose
// object is the event's place ("attack", "visit"), area nouns whose "of"
// phrase is a place ("the town of Katale"), venue nouns ("as the venue"),
// the participle of "X-based", the CAMEO code prefixes of events that happen
// at their target (18, 19, 20), of statements (01, 02, 10...) and of
// meetings (04), the sectors of bodies that act where they sit (courts,
// parliaments), and withdrawals whose "from" phrase is where they happen.
//
// Thread safety: immutable after Load; lookups are const.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "base/word_lists.h"

namespace annals {

class AttachLexicon {
 public:
  enum class List : uint8_t {
    kLocativePrep,
    kTargetPrep,
    kPlaceAction,
    kAreaNoun,
    kVenueNoun,
    kBasedWord,
    kAtTargetCode,
    kSpeakerCode,
    kVenueCode,
    kSeatedSector,
    kSignedNoun,
    kFromAction,
    kRecipientPrep,
  };

  // Reads <data_dir>/lang/en/attach.tsv. Bad rows go to *warnings
  // ("path:line:col: message 'text'") and are skipped; fails only when the
  // file cannot be read.
  static Result<AttachLexicon> Load(const std::string& data_dir, std::vector<std::string>* warnings);

  bool Has(List list, std::string_view word) const { return !word.empty() && lists_.Contains(list, word); }
  // True when one of the list's words is a prefix of `code` ("19" for "193").
  bool CodeIn(List list, std::string_view code) const;

 private:
  WordLists lists_;
};

}  // namespace annals
