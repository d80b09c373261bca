// The quotes stage's vocabulary: speech cues and media words, read from
// data/lang/en/speech.tsv (list names and their meaning are in that file's
// header) and the calendar words of data/lang/en/calendar.tsv. This is the
// one answer to "is this a speech verb?": the events stage reads quotes, and
// its `speech` patterns must name cues of this lexicon.
//
// All lookups take lower-cased ASCII text. Thread safety: immutable after
// Load; lookups are const.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "base/word_lists.h"

namespace annals {

class CueLexicon {
 public:
  // Reads <data_dir>/lang/en/speech.tsv and calendar.tsv; bad rows go to
  // *warnings (path:line:col) and are skipped.
  static Result<CueLexicon> Load(const std::string& data_dir, std::vector<std::string>* warnings);

  // The canonical name of a speech cue ("say", "stress"), or "" when the
  // word is not one. `lemma` is the tagger's lemma (lower-cased; may equal
  // the form when no tagger ran); `form` the lower-cased surface, used to
  // recover the lemma of inflected forms when tags are missing.
  std::string_view CueLemma(std::string_view lemma, std::string_view form) const;
  // The cue a verb makes with one of its dependents ("make" + "clear" ->
  // "make clear"), or "" when the pair is not one.
  std::string_view CueWithDependent(std::string_view verb_lemma, std::string_view dependent_lemma) const;
  // True when `lemma` is a cue or the verb of a cue with a dependent.
  bool IsCueVerb(std::string_view lemma) const;

  // Cues that introduce content with "of"/"about" instead of a clause
  // ("spoke of Washington taking on coordination duties").
  bool IsAboutCue(std::string_view cue) const;
  // Cues whose claim may be an infinitive or gerund complement ("claims to
  // have captured", "denied attacking").
  bool IsXcompCue(std::string_view cue) const;
  // Nouns naming a medium or a speech occasion whose name may stand beside
  // them: "interview", "post", "statement", "channel" (plurals accepted).
  bool IsMediumNoun(std::string_view lemma) const;
  // Nouns for media people, whose outlet stands before them: "the Fox
  // journalist", "a CNN anchor".
  bool IsMediaPersonNoun(std::string_view lemma) const;
  // True for a name shaped like an outlet: a media word last or first ("...
  // News", "Radio ...") or a channel number last ("France 24"). Outlet names
  // themselves are media actors (data/actors/media.actors).
  bool IsOutletShape(std::string_view lower_name) const;
  // Weekday and month names, which are capitalised but never a venue.
  bool IsCalendarWord(std::string_view lower) const;

 private:
  enum class List { kCue, kAboutCue, kXcompCue, kIrregular, kMediumNoun, kMediaPerson, kOutletSuffix, kOutletPrefix };
  enum class Calendar { kMonth, kWeekday };
  std::string_view FindCue(std::string_view word) const;

  WordLists speech_;
  WordLists calendar_;
};

}  // namespace annals
