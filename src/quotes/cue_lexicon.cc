// The quotes stage's vocabulary, loaded from data/lang/en (see cue_lexicon.h).
#include "quotes/cue_lexicon.h"

#include "base/file.h"

namespace annals {
namespace {

constexpr std::string_view kSpeechLists[] = {"cue",         "about_cue",    "xcomp_cue",     "irregular",
                                             "medium_noun", "media_person", "outlet_suffix", "outlet_prefix"};
constexpr std::string_view kCalendarLists[] = {"month", "weekday"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 1 && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<CueLexicon> CueLexicon::Load(const std::string& data_dir, std::vector<std::string>* warnings) {
  CueLexicon lex;
  auto speech = WordLists::Load(JoinPath(data_dir, "lang/en/speech.tsv"), kSpeechLists, warnings);
  if (!speech.ok()) return speech.status();
  auto calendar = WordLists::Load(JoinPath(data_dir, "lang/en/calendar.tsv"), kCalendarLists, warnings);
  if (!calendar.ok()) return calendar.status();
  lex.speech_ = std::move(speech).value();
  lex.calendar_ = std::move(calendar).value();
  return lex;
}

std::string_view CueLexicon::FindCue(std::string_view word) const {
  if (word.empty() || !speech_.Contains(List::kCue, word)) return {};
  const std::string_view name = speech_.Value(List::kCue, word);
  if (!name.empty()) return name;
  // The word itself, as stored in the list (a stable view).
  for (const std::string& w : speech_.Words(List::kCue)) {
    if (w == word) return w;
  }
  return {};
}

std::string_view CueLexicon::CueLemma(std::string_view lemma, std::string_view form) const {
  for (std::string_view w : {lemma, form}) {
    if (std::string_view c = FindCue(w); !c.empty()) return c;
  }
  // No tagger lemma: undo the inflection of the surface form.
  if (std::string_view irr = speech_.Value(List::kIrregular, form); !irr.empty()) return FindCue(irr);
  std::string stem;
  if (EndsWith(form, "ied") || EndsWith(form, "ies")) {  // replied -> reply
    stem = std::string(form.substr(0, form.size() - 3)) + "y";
    if (auto l = FindCue(stem); !l.empty()) return l;
  }
  for (std::string_view suf : {"ed", "es", "s", "ing", "d"}) {
    if (!EndsWith(form, suf)) continue;
    std::string_view base = form.substr(0, form.size() - suf.size());
    if (auto l = FindCue(base); !l.empty()) return l;
    stem = std::string(base) + "e";  // stressed -> stress, noted -> note
    if (auto l = FindCue(stem); !l.empty()) return l;
    if (base.size() > 2 && base[base.size() - 1] == base[base.size() - 2]) {  // committed
      if (auto l = FindCue(base.substr(0, base.size() - 1)); !l.empty()) return l;
    }
  }
  return {};
}

std::string_view CueLexicon::CueWithDependent(std::string_view verb_lemma, std::string_view dependent_lemma) const {
  std::string key(verb_lemma);
  key += '+';
  key += dependent_lemma;
  return FindCue(key);
}

bool CueLexicon::IsCueVerb(std::string_view lemma) const {
  if (!FindCue(lemma).empty()) return true;
  for (const std::string& w : speech_.Words(List::kCue)) {
    const size_t plus = w.find('+');
    if (plus != std::string::npos && std::string_view(w).substr(0, plus) == lemma) return true;
  }
  return false;
}

bool CueLexicon::IsAboutCue(std::string_view cue) const { return speech_.Contains(List::kAboutCue, cue); }

bool CueLexicon::IsXcompCue(std::string_view cue) const { return speech_.Contains(List::kXcompCue, cue); }

bool CueLexicon::IsMediumNoun(std::string_view lemma) const {
  if (speech_.Contains(List::kMediumNoun, lemma)) return true;
  // Plurals when the tagger gave no lemma: "statements", "remarks".
  return lemma.size() > 3 && lemma.back() == 's' &&
         speech_.Contains(List::kMediumNoun, lemma.substr(0, lemma.size() - 1));
}

bool CueLexicon::IsMediaPersonNoun(std::string_view lemma) const {
  if (speech_.Contains(List::kMediaPerson, lemma)) return true;
  return lemma.size() > 3 && lemma.back() == 's' &&
         speech_.Contains(List::kMediaPerson, lemma.substr(0, lemma.size() - 1));
}

bool CueLexicon::IsOutletShape(std::string_view lower_name) const {
  if (lower_name.substr(0, 4) == "the ") lower_name.remove_prefix(4);
  const size_t last = lower_name.rfind(' ');
  const size_t first = lower_name.find(' ');
  if (last == std::string_view::npos || last == 0 || last + 1 >= lower_name.size()) return false;
  if (speech_.Contains(List::kOutletSuffix, lower_name.substr(last + 1))) return true;
  if (speech_.Contains(List::kOutletPrefix, lower_name.substr(0, first))) return true;
  // "France 24", "Channel 4": a channel number last.
  for (char c : lower_name.substr(last + 1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool CueLexicon::IsCalendarWord(std::string_view lower) const {
  return calendar_.Contains(Calendar::kMonth, lower) || calendar_.Contains(Calendar::kWeekday, lower);
}

}  // namespace annals
