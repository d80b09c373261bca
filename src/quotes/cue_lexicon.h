// Word lists that drive quote attribution: speech-cue verbs, nouns that
// name a medium or venue ("interview", "post", "channel"), and names of
// outlets and platforms.
//
// The lists are compiled into the library rather than read from data/
// because they are closed-class English vocabulary that the rules in
// quote_finder.cc are written against; changing one without the other
// would break attribution silently. (Outlet names that grow over time are
// recognised by shape as well: "... News", "... TV", a media mention.)
// All functions take lower-cased ASCII text and are thread-safe.
#pragma once

#include <string_view>

namespace annals {

// The canonical lemma of a speech cue ("say", "stress", "assure"), or ""
// when the word is not one. `lemma` is the tagger's lemma (lower-cased; may
// equal the form when no tagger ran); `form` the lower-cased surface, used
// to recover the lemma of inflected forms when tags are missing.
std::string_view CueLemma(std::string_view lemma, std::string_view form);

// Cues that introduce content with "of"/"about" instead of a clause
// ("spoke of Washington taking on coordination duties").
bool IsAboutCue(std::string_view cue);

// Nouns naming a medium or a speech occasion whose name may stand beside
// them: "interview", "post", "message", "statement", "channel", "network".
bool IsMediumNoun(std::string_view lemma);

// Nouns for media people, whose outlet stands before them: "the Fox
// journalist", "a CNN anchor".
bool IsMediaPersonNoun(std::string_view lemma);

// True for a known outlet or platform name ("fox news", "truth social",
// "x", "telegram") or a name ending in a media word ("... news", "... tv").
bool IsMediaName(std::string_view lower_name);

// Weekday and month names, which are capitalised but never a venue.
bool IsCalendarWord(std::string_view lower);

}  // namespace annals
