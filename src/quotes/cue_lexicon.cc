// The closed word lists behind quote attribution (see cue_lexicon.h).
#include "quotes/cue_lexicon.h"

#include <algorithm>
#include <array>
#include <string>

namespace annals {
namespace {

// Speech and statement verbs that introduce direct or indirect speech.
// Verbs of cognition (think, believe, expect)
// are deliberately absent: they report a stance, not an utterance.
constexpr auto kCueVerbs = std::to_array<std::string_view>({
    "acknowledge", "add",      "admit",     "affirm",    "announce",  "answer",
    "argue",       "ask",      "assert",    "assure",    "boast",     "caution",
    "claim",       "comment",  "complain",  "concede",   "conclude",  "confirm",
    "contend",     "declare",  "deny",      "describe",  "disclose",  "emphasise",
    "emphasize",   "estimate", "explain",   "highlight", "indicate",  "inform",
    "insist",      "joke",     "lament",    "maintain",  "mention",   "note",
    "observe",     "pledge",   "point",     "post",      "predict",   "proclaim",
    "promise",     "recall",   "reiterate", "remark",    "repeat",    "reply",
    "report",      "respond",  "retort",    "reveal",    "say",       "shout",
    "speak",       "state",    "stress",    "suggest",   "swear",     "talk",
    "tell",        "testify",  "threaten",  "tweet",     "underline", "underscore",
    "urge",        "vow",      "warn",      "whisper",   "write",     "yell",
    "concur",      "counter"});

// Irregular inflections, for documents without lemmas.
struct Irregular {
  std::string_view form;
  std::string_view lemma;
};
constexpr auto kIrregular = std::to_array<Irregular>({{"said", "say"},
                                                   {"says", "say"},
                                                   {"told", "tell"},
                                                   {"wrote", "write"},
                                                   {"written", "write"},
                                                   {"spoke", "speak"},
                                                   {"spoken", "speak"},
                                                   {"swore", "swear"},
                                                   {"sworn", "swear"},
                                                   {"saying", "say"}});

constexpr auto kMediumNouns = std::to_array<std::string_view>({
    "account",   "address",   "agency",    "broadcaster", "magazine",  "paper",   "article",   "blog",        "briefing",   "broadcast", "channel",
    "column",    "comment",   "conference", "daily",      "interview",  "letter",    "message",
    "network",   "newspaper", "op-ed",     "outlet",      "platform",   "podcast",   "post",
    "program",   "programme", "radio",     "remark",      "show",       "station",   "statement",
    "television", "tv",       "tweet",     "video",       "website"});

constexpr auto kMediaPeople = std::to_array<std::string_view>({
    "anchor", "correspondent", "host", "interviewer", "journalist", "moderator", "presenter",
    "reporter", "writer"});

constexpr auto kMediaNames = std::to_array<std::string_view>({
    "abc",        "afp",      "al jazeera", "ap",       "bbc",       "bloomberg", "cbs",
    "cnn",        "facebook", "fox",        "instagram", "itv",      "msnbc",     "nbc",
    "npr",        "reuters",  "ria novosti", "rossiya-1", "rossiya-24", "rt",      "sky",
    "tass",       "telegram", "tf1",        "threads",  "tiktok",    "truth social", "twitter",
    "x",          "youtube",  "zdf",        "ard"});

constexpr auto kMediaSuffixes = std::to_array<std::string_view>({
    " news",    " tv",      " radio",   " times",   " post",    " journal",  " channel",
    " network", " television", " press", " agency", " gazette", " herald",   " tribune",
    " daily",   " today",   " broadcasting", " online", " magazine"});

constexpr auto kCalendar = std::to_array<std::string_view>({
    "monday", "tuesday",  "wednesday", "thursday", "friday",  "saturday", "sunday",
    "january", "february", "march",    "april",    "june",    "july",     "august",
    "september", "october", "november", "december", "may"});

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsCueVerb(std::string_view w) { return InList(kCueVerbs, w); }

}  // namespace

std::string_view CueLemma(std::string_view lemma, std::string_view form) {
  for (std::string_view w : {lemma, form}) {
    if (w.empty()) continue;
    if (IsCueVerb(w)) {
      auto it = std::find(kCueVerbs.begin(), kCueVerbs.end(), w);
      return *it;
    }
  }
  // No tagger lemma: undo regular inflection of the surface form.
  for (const Irregular& irr : kIrregular) {
    if (form == irr.form) return irr.lemma;
  }
  std::string stem;
  auto try_stem = [&](std::string_view s) -> std::string_view {
    if (s.empty()) return {};
    auto it = std::find(kCueVerbs.begin(), kCueVerbs.end(), s);
    return it == kCueVerbs.end() ? std::string_view() : *it;
  };
  const auto ends = [&](std::string_view suf) {
    return form.size() > suf.size() + 1 && form.substr(form.size() - suf.size()) == suf;
  };
  if (ends("ied")) {  // replied -> reply
    stem = std::string(form.substr(0, form.size() - 3)) + "y";
    if (auto l = try_stem(stem); !l.empty()) return l;
  }
  if (ends("ies")) {
    stem = std::string(form.substr(0, form.size() - 3)) + "y";
    if (auto l = try_stem(stem); !l.empty()) return l;
  }
  for (std::string_view suf : {"ed", "es", "s", "ing", "d"}) {
    if (!ends(suf)) continue;
    std::string_view base = form.substr(0, form.size() - suf.size());
    if (auto l = try_stem(base); !l.empty()) return l;
    stem = std::string(base) + "e";  // stressed -> stress, noted -> note
    if (auto l = try_stem(stem); !l.empty()) return l;
    if (base.size() > 2 && base[base.size() - 1] == base[base.size() - 2]) {  // committed
      if (auto l = try_stem(base.substr(0, base.size() - 1)); !l.empty()) return l;
    }
  }
  return {};
}

bool IsAboutCue(std::string_view cue) {
  return cue == "speak" || cue == "talk" || cue == "write" || cue == "post" || cue == "tweet" ||
         cue == "complain" || cue == "warn" || cue == "boast" || cue == "joke";
}

bool IsMediumNoun(std::string_view lemma) {
  if (InList(kMediumNouns, lemma)) return true;
  // Plurals when the tagger gave no lemma: "statements", "remarks".
  if (lemma.size() > 3 && lemma.back() == 's') {
    return InList(kMediumNouns, lemma.substr(0, lemma.size() - 1));
  }
  return false;
}

bool IsMediaPersonNoun(std::string_view lemma) {
  if (InList(kMediaPeople, lemma)) return true;
  if (lemma.size() > 3 && lemma.back() == 's') {
    return InList(kMediaPeople, lemma.substr(0, lemma.size() - 1));
  }
  return false;
}

bool IsMediaName(std::string_view lower_name) {
  if (InList(kMediaNames, lower_name)) return true;
  for (std::string_view suf : kMediaSuffixes) {
    if (lower_name.size() > suf.size() && lower_name.substr(lower_name.size() - suf.size()) == suf) {
      return true;
    }
  }
  // "Radio Mitre", "Channel 4", "France 24": a media word first or a
  // channel number last.
  for (std::string_view pre : {"radio ", "tv ", "channel ", "canal ", "telediario "}) {
    if (lower_name.size() > pre.size() && lower_name.substr(0, pre.size()) == pre) return true;
  }
  const size_t sp = lower_name.rfind(' ');
  if (sp != std::string_view::npos && sp + 1 < lower_name.size() && sp > 0) {
    bool digits = true;
    for (char c : lower_name.substr(sp + 1)) digits = digits && c >= '0' && c <= '9';
    if (digits) return true;
  }
  // "fox news" is covered by the suffix; "the bbc" by stripping the article.
  if (lower_name.substr(0, 4) == "the ") return IsMediaName(lower_name.substr(4));
  return false;
}

bool IsCalendarWord(std::string_view lower) { return InList(kCalendar, lower); }

}  // namespace annals
