// Direct and indirect speech with speaker, cue and venue (see
// quote_finder.h for the rules and their order).
#include "quotes/quote_finder.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "quotes/cue_lexicon.h"
#include "base/ascii.h"
#include "model/dependency_view.h"
#include "quotes/quote_marks.h"

namespace annals {
namespace {

// How far (in words) an unlinked cue may stand from its quote: '"...,"
// the US president said' is 4; anything much further is another clause.
constexpr uint32_t kMaxCueDistance = 8;
// Upward walks from a cue to find its subject.
constexpr int kMaxSubjectHops = 6;
// A speaker phrase without a mention is cut at this many words.
constexpr size_t kMaxSpeakerWords = 10;
// Unattributed quotes shorter than this are scare quotes, not speech.
constexpr size_t kMinUnattributedWords = 4;
// Words allowed between a cue and a "that" the parse did not attach to it
// ("reiterated on several occasions -- including this Monday from the US
// capital -- that").
constexpr uint32_t kMaxThatDistance = 16;
// A cue hanging from an ancestor of the quote is looked for this many words
// around it, at most this many heads up.
constexpr uint32_t kMaxLinkWindow = 40;

// Words a venue may not be taken from: every direct quote's, plus one range
// (the content of the indirect quote being attributed).
struct SkipSet {
  const std::vector<uint8_t>* excluded;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator[](uint32_t i) const { return (*excluded)[i] != 0 || (i >= begin && i < end); }
};

struct Attribution {
  int32_t cue = -1;  // token index
  std::string cue_lemma;
  int32_t speaker = -1;  // mention index
  std::string speaker_text;
  std::string venue;
  bool inherited = false;
};

std::vector<uint32_t> ToUnsigned(const std::vector<int32_t>& v) {
  return std::vector<uint32_t>(v.begin(), v.end());
}

// True when the text starts with an upper-case letter (ASCII, or a
// non-ASCII letter, which in news text is nearly always a name: "Ærø").
bool StartsWithCapital(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Non-ASCII: Latin capitals with diacritics (U+00C0..U+00DE) and
  // Cyrillic capitals (U+0400..U+042F) are the ones that matter in news.
  if (s.size() >= 2) {
    const unsigned char d = static_cast<unsigned char>(s[1]);
    if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) return true;
    if (c == 0xD0 && d >= 0x80 && d <= 0xAF) return true;
  }
  return false;
}

bool IsFunctionWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "the", "a", "an", "in", "on", "at", "to", "with", "for", "of", "and", "but", "or",
      "when", "while", "after", "before", "it", "he", "she", "they", "we", "i", "you",
      "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "as",
      "by", "from", "if", "so", "meanwhile", "however", "finally", "even", "mr", "mrs", "ms"};
  for (std::string_view w : kWords) {
    if (w == lower) return true;
  }
  return false;
}

bool IsClosedClassTag(std::string_view upos) {
  return upos == "DET" || upos == "ADP" || upos == "PRON" || upos == "CCONJ" ||
         upos == "SCONJ" || upos == "AUX" || upos == "VERB" || upos == "PUNCT" ||
         upos == "PART";
}

bool IsRelativePronoun(const Token& t, std::string_view lemma) {
  return t.xpos == "WP" || t.xpos == "WDT" || lemma == "who" || lemma == "which" ||
         lemma == "whom";
}

// Actor types that are participants, never a venue.
bool IsParticipantType(std::string_view type) {
  return type == "person" || type == "country" || type == "igo" || type == "armed_group" ||
         type == "party" || type == "group" || type == "organisation";
}

class Finder {
 public:
  Finder(const Document& doc, const DependencyView& pv, const CueLexicon& lex) : doc_(doc), pv_(pv), lex_(lex) {
    excluded_.assign(doc.tokens.size(), 0);
  }

  void Run(std::vector<Quote>* out);

 private:
  struct Direct {
    QuotedSpan marks;
    uint32_t tok_begin = 0;  // content tokens
    uint32_t tok_end = 0;
    uint32_t outer_begin = 0;  // tokens of the marks and content
    uint32_t outer_end = 0;
    uint32_t paragraph = 0;
  };

  std::string_view CueOf(uint32_t t) const;
  bool InContent(const Direct& d, uint32_t t) const { return t >= d.tok_begin && t < d.tok_end; }
  uint32_t TopToken(const Direct& d) const;
  void AttributeDirect(const Direct& d, Attribution* a) const;
  void FindSpeaker(uint32_t cue, Attribution* a) const;
  bool SpeakerFromSubject(uint32_t subj, bool require_mention, Attribution* a) const;
  void SurfaceSpeaker(uint32_t cue, Attribution* a) const;
  std::string FindVenue(uint32_t cue, const SkipSet& skip) const;
  // [begin, end) of the capitalised name starting at / ending at a token.
  std::pair<uint32_t, uint32_t> NameForward(uint32_t j, uint32_t limit,
                                            const SkipSet& skip) const;
  std::pair<uint32_t, uint32_t> NameBackward(uint32_t j, uint32_t floor,
                                             const SkipSet& skip) const;
  bool IsNameToken(uint32_t t, uint32_t sent_begin) const;
  bool VenueAcceptable(std::pair<uint32_t, uint32_t> run, bool need_media) const;
  std::string TokenText(uint32_t b, uint32_t e) const;
  std::string ResolvedKey(int32_t mention) const;
  void AddIndirect(uint32_t cue, std::vector<Quote>* out) const;
  // The "that" opening a complement the parse did not attach to the cue;
  // -1 if none. *head = the clause's head word, or -1 when unusable.
  int32_t ThatClause(uint32_t cue, int32_t* head) const;
  // "did not say when ...": a denied utterance is not speech.
  bool IsNegated(uint32_t cue) const;
  // "Asked whether ..., X replied": a sentence-initial participle reports
  // the interviewer's question, never the speaker's words.
  bool IsInterviewerCue(uint32_t cue) const {
    const int32_t s = pv_.SentenceOf(cue);
    const std::string& f = pv_.LowerForm(cue);
    return s >= 0 && SentenceRange(s).first == cue && f.size() > 2 && f.substr(f.size() - 2) == "ed";
  }
  bool UnresolvedPronoun(const Quote& q) const {
    const std::string lower = AsciiLower(q.speaker_text);
    const bool pronoun = lower == "he" || lower == "she";
    if (q.speaker < 0) return pronoun;
    const Mention& m = doc_.mentions[static_cast<size_t>(q.speaker)];
    return pronoun && m.antecedent < 0 && m.actor.name.empty() && m.actor.code.empty();
  }
  bool IsPunct(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.upos == "PUNCT") return true;
    if (!tok.upos.empty() || tok.form.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(tok.form[0]);
    return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  }
  Quote MakeQuote(Span content, bool direct, const Attribution& a) const;
  std::pair<uint32_t, uint32_t> SentenceRange(int32_t s) const {
    if (s < 0 || static_cast<size_t>(s) >= doc_.sentences.size()) return {0, 0};
    const Sentence& sent = doc_.sentences[static_cast<size_t>(s)];
    return {sent.token_begin, std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(pv_.size()))};
  }

  const Document& doc_;
  const DependencyView& pv_;
  const CueLexicon& lex_;
  std::vector<uint8_t> excluded_;  // tokens of direct quotes (marks included)
  std::vector<Direct> directs_;
};

std::string_view Finder::CueOf(uint32_t t) const {
  const Token& tok = doc_.tokens[t];
  const std::string& form = pv_.LowerForm(t);
  if (!tok.upos.empty() && tok.upos != "VERB") {
    // A tagger sometimes calls "spoke" or "stressed" a noun or adjective;
    // a past-tense shape outside a noun phrase is still the verb.
    const bool past_shape = (form.size() > 3 && form.substr(form.size() - 2) == "ed") ||
                            form == "said" || form == "told" || form == "spoke" ||
                            form == "wrote" || form == "swore";
    const bool open_class = tok.upos == "NOUN" || tok.upos == "ADJ" || tok.upos == "PROPN";
    const std::string_view rel = pv_.BaseRel(t);
    if (!past_shape || !open_class || rel == "amod" || rel == "compound") return {};
  }
  if (std::string_view c = lex_.CueLemma(pv_.Lemma(t), form); !c.empty()) return c;
  // A cue made with a dependent: "made it clear that".
  for (int32_t c : pv_.Children(static_cast<int32_t>(t))) {
    if (std::string_view cue = lex_.CueWithDependent(pv_.Lemma(static_cast<int32_t>(t)), pv_.Lemma(c)); !cue.empty()) {
      return cue;
    }
  }
  return {};
}

std::string Finder::TokenText(uint32_t b, uint32_t e) const {
  if (b >= e || e > doc_.tokens.size()) return {};
  const Span s{doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end};
  if (s.begin > s.end || s.end > doc_.text.size()) return {};
  return std::string(doc_.SpanText(s));
}

// The content word whose head lies outside the quote (the first such word
// when the quote holds several fragments).
uint32_t Finder::TopToken(const Direct& d) const {
  for (uint32_t t = d.tok_begin; t < d.tok_end; ++t) {
    const int32_t h = pv_.Head(t);
    if (doc_.tokens[t].upos == "PUNCT") continue;
    if (h < 0 || !InContent(d, static_cast<uint32_t>(h))) return t;
  }
  return d.tok_begin;
}

bool Finder::IsNameToken(uint32_t t, uint32_t sent_begin) const {
  const Token& tok = doc_.tokens[t];
  if (!StartsWithCapital(tok.form)) return false;
  const std::string& lower = pv_.LowerForm(t);
  if (lex_.IsCalendarWord(lower) || IsFunctionWord(lower)) return false;
  if (!tok.upos.empty() && IsClosedClassTag(tok.upos)) return false;
  // A capital at the start of a sentence proves nothing without a tag.
  if (t == sent_begin && tok.upos != "PROPN") return false;
  return true;
}

std::pair<uint32_t, uint32_t> Finder::NameForward(uint32_t j, uint32_t limit,
                                                  const SkipSet& skip) const {
  const int32_t s = pv_.SentenceOf(j < static_cast<uint32_t>(pv_.size()) ? j : 0);
  const uint32_t sent_begin = SentenceRange(s).first;
  uint32_t e = j;
  while (e < limit && !skip[e]) {
    if (IsNameToken(e, sent_begin)) {
      ++e;
      continue;
    }
    // A channel number: "France 24", "Channel 4".
    if (e > j && IsNameToken(e - 1, sent_begin) && doc_.tokens[e].form.size() <= 3 &&
        !doc_.tokens[e].form.empty() && doc_.tokens[e].form[0] >= '0' && doc_.tokens[e].form[0] <= '9') {
      ++e;
      break;
    }
    // Glued pieces of one name: "Rossiya" "-" "24".
    if (e > j && !doc_.tokens[e - 1].space_after && doc_.tokens[e - 1].span.end == doc_.tokens[e].span.begin) {
      const std::string& f = doc_.tokens[e].form;
      const bool glue = f == "-" || (!f.empty() && f[0] >= '0' && f[0] <= '9');
      if (glue) {
        ++e;
        continue;
      }
    }
    break;
  }
  while (e > j && doc_.tokens[e - 1].form == "-") --e;  // no dangling hyphen
  return {j, e};
}

std::pair<uint32_t, uint32_t> Finder::NameBackward(uint32_t j, uint32_t floor,
                                                   const SkipSet& skip) const {
  // j is one past the last token of the name.
  const int32_t s = pv_.SentenceOf(j > 0 ? j - 1 : 0);
  const uint32_t sent_begin = SentenceRange(s).first;
  uint32_t b = j;
  while (b > floor && !skip[b - 1] && IsNameToken(b - 1, sent_begin)) --b;
  return {b, j};
}

bool Finder::VenueAcceptable(std::pair<uint32_t, uint32_t> run, bool need_media) const {
  if (run.first >= run.second) return false;
  const std::string lower = AsciiLower(TokenText(run.first, run.second));
  if (lex_.IsOutletShape(lower)) return true;
  const int32_t m = pv_.MentionAt(run.first);
  if (m >= 0 && doc_.mentions[static_cast<size_t>(m)].token_end >= run.second) {
    const std::string& type = doc_.mentions[static_cast<size_t>(m)].actor.type;
    if (type == "media") return true;
    if (IsParticipantType(type)) return false;
  }
  return !need_media;
}

std::string Finder::FindVenue(uint32_t cue, const SkipSet& skip) const {
  // Not a structured binding: the lambdas below use these, and clang
  // before 16 (the fuzz build) cannot capture bindings.
  const std::pair<uint32_t, uint32_t> sentence = SentenceRange(pv_.SentenceOf(cue));
  const uint32_t sb = sentence.first, se = sentence.second;
  std::string best;
  uint32_t best_dist = UINT32_MAX;
  auto consider = [&](std::pair<uint32_t, uint32_t> run, bool need_media) {
    if (!VenueAcceptable(run, need_media)) return;
    const uint32_t d = run.first > cue ? run.first - cue : cue - run.first;
    if (d < best_dist) {
      best_dist = d;
      best = TokenText(run.first, run.second);
    }
  };
  // After a preposition: skip articles, adjectives and common nouns ("on
  // the social network X", "on the state channel Rossiya-24").
  auto after_prep = [&](uint32_t p, bool need_media) {
    uint32_t j = p + 1;
    for (int k = 0; k < 5 && j < se && !skip[j]; ++k, ++j) {
      const Token& t = doc_.tokens[j];
      if (IsNameToken(j, sb)) break;
      const bool filler = t.upos == "DET" || t.upos == "ADJ" || t.upos == "NOUN" ||
                          (t.upos.empty() && !StartsWithCapital(t.form) && t.form != "," && t.form != ".");
      if (!filler) return;
    }
    if (j < se) consider(NameForward(j, se, skip), need_media);
  };
  auto is_prep = [&](uint32_t j, bool with_ok) {
    const std::string& f = pv_.LowerForm(j);
    return f == "on" || f == "to" || f == "via" || f == "in" || (with_ok && f == "with");
  };
  for (uint32_t i = sb; i < se; ++i) {
    if (skip[i]) continue;
    const Token& tok = doc_.tokens[i];
    const std::string& lemma = pv_.Lemma(i);
    const bool nounish = tok.upos.empty() || tok.upos == "NOUN" || tok.upos == "PROPN";
    if (nounish && !StartsWithCapital(tok.form) && lex_.IsMediumNoun(lemma)) {
      // A name after the noun ("Polish radio RMF FM") wins over a word
      // before it that only looks like a name.
      const auto forward = i + 1 < se ? NameForward(i + 1, se, skip) : std::make_pair(i, i);
      if (forward.first < forward.second) {
        consider(forward, false);                                         // channel Rossiya-24
      } else {
        consider(NameBackward(i, sb, skip), false);                       // Truth Social post
      }
      if (i + 1 < se && !skip[i + 1] && is_prep(i + 1, true)) {
        // "interview with" names a person unless it is an outlet.
        after_prep(i + 1, pv_.LowerForm(i + 1) == "with");              // statements to TF1
      }
    } else if (nounish && lex_.IsMediaPersonNoun(lemma)) {
      consider(NameBackward(i, sb, skip), false);                        // the Fox journalist
    } else if (!CueOf(i).empty()) {
      if (i + 1 < se && !skip[i + 1]) {
        if (is_prep(i + 1, false)) {
          after_prep(i + 1, true);                                       // explained to Fox News
        } else {
          const bool det = doc_.tokens[i + 1].upos == "DET" || pv_.LowerForm(i + 1) == "the";
          if (det) {
            after_prep(i, true);                                         // told the BBC
          } else {
            consider(NameForward(i + 1, se, skip), true);                // told CNN
          }
        }
      }
    }
  }
  return best;
}

bool Finder::SpeakerFromSubject(uint32_t subj, bool require_mention, Attribution* a) const {
  auto take = [&](int32_t m) {
    const Mention& men = doc_.mentions[static_cast<size_t>(m)];
    a->speaker = m;
    a->speaker_text = men.span.end <= doc_.text.size() && men.span.begin <= men.span.end
                          ? std::string(doc_.SpanText(men.span))
                          : std::string();
    return true;
  };
  if (const int32_t m = pv_.MentionAt(subj); m >= 0) return take(m);
  // "Putin's Foreign Minister, Sergei Lavrov": the name is an apposition
  // or a flat name. Not a compound: "the Fox journalist" is not Fox.
  for (std::string_view rel : {"appos", "flat"}) {
    for (uint32_t c : pv_.Children(subj)) {
      if (pv_.BaseRel(c) != rel) continue;
      if (const int32_t m = pv_.MentionAt(c); m >= 0) return take(m);
    }
  }
  // "The Syrian army command says", "Hamas officials say": a participant
  // (not an outlet) named by a compound or adjective of the subject speaks
  // through it.
  for (uint32_t c : pv_.Children(subj)) {
    const std::string_view rel = pv_.BaseRel(c);
    if (rel != "compound" && rel != "amod") continue;
    const int32_t m = pv_.MentionAt(c);
    if (m >= 0 && IsParticipantType(doc_.mentions[static_cast<size_t>(m)].actor.type)) return take(m);
  }
  if (require_mention) return false;
  // No actor: keep the phrase as written ("the Fox journalist").
  std::vector<int32_t> words = pv_.Subtree(static_cast<int32_t>(subj), [&](int32_t c) {
    const std::string_view r = pv_.BaseRel(c);
    return r == "acl" || r == "appos" || r == "punct" || r == "advcl" || r == "parataxis";
  });
  uint32_t b = subj, e = subj + 1;
  for (uint32_t w : words) {
    if (w + kMaxSpeakerWords <= subj || w >= subj + kMaxSpeakerWords) continue;
    b = std::min(b, w);
    e = std::max(e, w + 1);
  }
  a->speaker = -1;
  a->speaker_text = TokenText(b, e);
  return true;
}

void Finder::SurfaceSpeaker(uint32_t cue, Attribution* a) const {
  const auto [sb, se] = SentenceRange(pv_.SentenceOf(cue));
  // Inverted order first: '"...," said Lavrov', "added the premier" -- but
  // not a word of the cue's own complement ("warned it will retaliate").
  bool in_complement = false;
  for (int32_t c : pv_.Children(static_cast<int32_t>(cue))) {
    const std::string_view rel = pv_.BaseRel(c);
    if ((rel == "ccomp" || rel == "xcomp") && cue + 1 < se &&
        pv_.InSubtree(static_cast<int32_t>(cue + 1), c)) {
      in_complement = true;
    }
  }
  if (cue + 1 < se && !excluded_[cue + 1] && !in_complement) {
    const int32_t m = pv_.MentionAt(cue + 1);
    // "telling ABC radio": an outlet after the cue is the venue.
    if (m >= 0 && doc_.mentions[static_cast<size_t>(m)].token_begin == cue + 1 &&
        doc_.mentions[static_cast<size_t>(m)].actor.type != "media") {
      SpeakerFromSubject(cue + 1, true, a);
      return;
    }
  }
  // Then the nearest mention before the cue, with no quote between.
  for (uint32_t j = cue; j > sb && j + 6 > cue; --j) {
    if (excluded_[j - 1]) break;
    if (pv_.MentionAt(j - 1) >= 0) {
      SpeakerFromSubject(j - 1, true, a);
      return;
    }
  }
}

void Finder::FindSpeaker(uint32_t cue, Attribution* a) const {
  uint32_t cur = cue;
  bool via_conj = false;
  bool participle_cue = false;
  for (int hop = 0; hop < kMaxSubjectHops; ++hop) {
    int32_t subj = -1;
    // When the parser gives the verb two subjects ("London / Washington ...,
    // Keir Starmer has confirmed"), an active "nsubj" beats "nsubj:pass",
    // then the one nearest the verb.
    auto rank = [&](uint32_t c) {
      const bool active = doc_.tokens[c].deprel == "nsubj";
      const uint32_t distance = c < cur ? cur - c : c - cur;
      return std::make_pair(active ? 0 : 1, distance);
    };
    for (uint32_t c : pv_.Children(cur)) {
      // A "that" subject is a complementiser the parser misread, and one
      // with a preposition of its own ("and in his message ... has
      // commented") an oblique the parser misread.
      if (pv_.BaseRel(c) == "nsubj" && !excluded_[c] && pv_.Lemma(c) != "that" &&
          pv_.Child(c, "case") < 0) {
        if (subj < 0 || rank(c) < rank(static_cast<uint32_t>(subj))) subj = static_cast<int32_t>(c);
      }
    }
    const std::string_view rel = pv_.BaseRel(cur);
    const int32_t head = pv_.Head(cur);
    // "the prime minister replied" parsed as a participle modifying the
    // noun before it: that noun is the subject.
    if (subj < 0 && rel == "acl" && doc_.tokens[cur].deprel != "acl:relcl" && head >= 0 &&
        head < static_cast<int32_t>(cur) && !excluded_[static_cast<uint32_t>(head)]) {
      subj = head;
    }
    // A participle's subject is the main clause's ("announced that the
    // Commission would propose ..., adding that"): the subject of a
    // complement the parser hung it from is not it.
    if (subj >= 0 && participle_cue && rel == "ccomp" && head >= 0) {
      cur = static_cast<uint32_t>(head);
      continue;
    }
    if (subj >= 0) {
      uint32_t s = static_cast<uint32_t>(subj);
      // "the premier, who praised ...": the relative pronoun stands for the
      // noun the relative clause hangs from.
      if (IsRelativePronoun(doc_.tokens[s], pv_.Lemma(s)) && rel == "acl" && head >= 0) {
        s = static_cast<uint32_t>(head);
      }
      SpeakerFromSubject(s, false, a);
      if (a->speaker >= 0) return;
      // A participle's subject is the main clause's: past an embedded
      // subject that names no actor, keep climbing.
      if (!participle_cue || head < 0) break;
      cur = static_cast<uint32_t>(head);
      continue;
    }
    // A subject shared with the clause above: "... and stressed",
    // "limited himself to emphasising", "speaking on TV, X said". A
    // nominal on the way up is a mis-attachment ("didn't raise air
    // support, but rather spoke"), and so is a conjunct hung inside a
    // complement ("told the BBC that allies must ... and warned"): keep
    // climbing to the predicate that has a subject.
    const bool nominal = cur != cue && doc_.tokens[cur].upos != "VERB" && doc_.tokens[cur].upos != "AUX";
    // ", telling ABC radio that ...": a participle without a subject
    // shares the subject of the clause it hangs from.
    const std::string& form = pv_.LowerForm(cur);
    const bool participle = cur == cue && form.size() > 4 && form.substr(form.size() - 3) == "ing" &&
                            doc_.tokens[cur].deprel != "acl:relcl";
    participle_cue = participle_cue || participle;
    // A subjectless clause set beside another ("X has taken it for granted,
    // and ... has commented") shares its subject too.
    if ((rel == "conj" || rel == "xcomp" || rel == "advcl" || rel == "parataxis" || nominal || participle ||
         ((via_conj || participle_cue) && rel == "ccomp")) &&
        head >= 0) {
      via_conj = via_conj || rel == "conj";
      cur = static_cast<uint32_t>(head);
      continue;
    }
    break;
  }
  // The surface rules stand in for a parse that found no subject at all; a
  // subject that names no actor ("sources said") is kept as written.
  if (a->speaker < 0 && a->speaker_text.empty()) {
    Attribution surface;
    SurfaceSpeaker(cue, &surface);
    if (surface.speaker >= 0) {
      a->speaker = surface.speaker;
      a->speaker_text = surface.speaker_text;
    }
  }
}

bool Finder::IsNegated(uint32_t cue) const {
  for (uint32_t c : pv_.Children(cue)) {
    const std::string& l = pv_.Lemma(c);
    if (pv_.BaseRel(c) == "advmod" && (l == "not" || l == "n't" || l == "never")) return true;
  }
  return false;
}

void Finder::AttributeDirect(const Direct& d, Attribution* a) const {
  const uint32_t top = TopToken(d);
  // Sentences the attribution may sit in: those of the quote, the one
  // holding the word before the opening mark and the one after the close.
  int32_t s_first = pv_.SentenceOf(d.tok_begin);
  int32_t s_last = pv_.SentenceOf(d.tok_end - 1);
  if (d.tok_begin > 0) {
    const int32_t before = pv_.SentenceOf(d.tok_begin - 1);
    if (before >= 0 && before < s_first) s_first = before;
  }
  if (d.marks.closed && d.tok_end < static_cast<uint32_t>(pv_.size())) {
    // Skip the closing mark and punctuation to the next word.
    uint32_t t = d.tok_end;
    while (t < static_cast<uint32_t>(pv_.size()) && excluded_[t]) ++t;
    if (t < static_cast<uint32_t>(pv_.size())) {
      const int32_t after = pv_.SentenceOf(t);
      if (after >= 0 && after > s_last &&
          doc_.sentences[static_cast<size_t>(after)].paragraph == d.paragraph && after == s_last + 1) {
        s_last = after;
      }
    }
  }
  if (s_first < 0 || s_last < 0) return;
  const uint32_t lo = SentenceRange(s_first).first;
  const uint32_t hi = SentenceRange(s_last).second;

  // 1. A cue linked in the parse: on the path from the quote up, or
  //    hanging from the quote or from one of its ancestors.
  int32_t linked = -1;
  if (pv_.has_parse()) {
    // A cue reached through an adjunct ("said Canada would respond "with
    // force"") is a verb of the reported clause; a cue further up, if
    // any, is the speaker's. Through a complement it is nested speech.
    int32_t cur = pv_.Head(top);
    uint32_t from = top;
    for (size_t steps = 0; cur >= 0 && steps < 64; ++steps) {
      const uint32_t c = static_cast<uint32_t>(cur);
      if (!InContent(d, c) && !excluded_[c] && !CueOf(c).empty() && !IsInterviewerCue(c)) {
        const std::string_view via = pv_.BaseRel(from);
        const bool adjunct = via == "obl" || via == "nmod" || via == "advmod" || via == "amod";
        if (linked >= 0) {  // the outer cue replaces the adjunct one
          linked = cur;
          break;
        }
        linked = cur;
        if (!adjunct) break;
      }
      from = c;
      cur = pv_.Head(c);
    }
    if (linked < 0) {
      uint32_t best_dist = UINT32_MAX;
      // Bounded so that a huge run-on sentence stays linear in practice.
      const uint32_t win_lo = std::max(lo, d.tok_begin > kMaxLinkWindow ? d.tok_begin - kMaxLinkWindow : 0u);
      const uint32_t win_hi = std::min(hi, d.tok_end + kMaxLinkWindow);
      for (uint32_t t = win_lo; t < win_hi; ++t) {
        if (excluded_[t] || CueOf(t).empty() || pv_.Head(t) < 0 || IsInterviewerCue(t)) continue;
        const uint32_t h = static_cast<uint32_t>(pv_.Head(t));
        if (!InContent(d, h) && !pv_.InSubtree(static_cast<int32_t>(top), static_cast<int32_t>(h))) continue;
        const uint32_t dist = t < d.tok_begin ? d.tok_begin - t : t - d.tok_end + 1;
        if (dist < best_dist) {
          best_dist = dist;
          linked = static_cast<int32_t>(t);
        }
      }
    }
  }
  // 2. The nearest cue beside the quote, with no other quote between.
  if (linked < 0) {
    uint32_t best_dist = UINT32_MAX;
    const uint32_t near_lo = std::max(lo, d.tok_begin > kMaxCueDistance + 2 ? d.tok_begin - kMaxCueDistance - 2 : 0u);
    const uint32_t near_hi = std::min(hi, d.tok_end + kMaxCueDistance + 2);
    for (uint32_t t = near_lo; t < near_hi; ++t) {
      if (excluded_[t] || CueOf(t).empty() || IsInterviewerCue(t)) continue;
      const uint32_t dist = t < d.tok_begin ? d.tok_begin - t : t - d.tok_end + 1;
      if (dist > kMaxCueDistance + 2 || dist >= best_dist) continue;
      bool clear = true;  // no other quote's words between
      for (uint32_t k = std::min(t, d.tok_end); k < std::max(t, d.tok_begin); ++k) {
        if (excluded_[k] && (k < d.outer_begin || k >= d.outer_end)) clear = false;
      }
      if (!clear) continue;
      best_dist = dist;
      linked = static_cast<int32_t>(t);
    }
  }
  if (linked >= 0) {
    const uint32_t c = static_cast<uint32_t>(linked);
    a->cue = linked;
    a->cue_lemma = std::string(CueOf(c));
    FindSpeaker(c, a);
    a->venue = FindVenue(c, SkipSet{&excluded_, 0, 0});
    return;
  }
  // 3. A partial quote under a non-speech predicate: that predicate's
  //    subject, when it is an actor.
  if (pv_.has_parse()) {
    int32_t cur = pv_.Head(top);
    for (int hop = 0; cur >= 0 && hop < kMaxSubjectHops; ++hop) {
      const uint32_t c = static_cast<uint32_t>(cur);
      bool found = false;
      for (uint32_t ch : pv_.Children(c)) {
        if (pv_.BaseRel(ch) == "nsubj" && !InContent(d, ch) && !excluded_[ch]) {
          uint32_t s = ch;
          if (IsRelativePronoun(doc_.tokens[s], pv_.Lemma(s)) && pv_.BaseRel(c) == "acl" &&
              pv_.Head(c) >= 0) {
            s = static_cast<uint32_t>(pv_.Head(c));
          }
          found = SpeakerFromSubject(s, true, a);
          break;
        }
      }
      if (found) return;
      cur = pv_.Head(c);
    }
  }
}

std::string Finder::ResolvedKey(int32_t mention) const {
  // Follow coreference to the mention that names the actor.
  int32_t m = mention;
  for (size_t hops = 0; m >= 0 && static_cast<size_t>(m) < doc_.mentions.size() && hops < 32; ++hops) {
    const Mention& men = doc_.mentions[static_cast<size_t>(m)];
    if (men.antecedent < 0 || men.antecedent == m) {
      if (!men.actor.name.empty()) return men.actor.name;
      if (!men.actor.code.empty()) return men.actor.code;
      return std::string(doc_.SpanText(men.span));
    }
    if (!men.actor.name.empty()) return men.actor.name;
    m = men.antecedent;
  }
  return {};
}

Quote Finder::MakeQuote(Span content, bool direct, const Attribution& a) const {
  Quote q;
  // Attribution commas belong to the sentence, not the speaker's words.
  auto trailing = [](char c) { return c == ',' || c == ' ' || c == '\n'; };
  while (content.end > content.begin && trailing(doc_.text[content.end - 1])) --content.end;
  q.span = content;
  const int32_t t = pv_.TokenAtOrAfter(content.begin);
  q.sentence = t >= 0 && pv_.SentenceOf(static_cast<uint32_t>(t)) >= 0
                   ? static_cast<uint32_t>(pv_.SentenceOf(static_cast<uint32_t>(t)))
                   : 0;
  // The text without quotation marks (an indirect report may hold a
  // partial quote).
  const std::string_view raw = doc_.SpanText(content);
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(raw[i]); };
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] == '"') {
      ++i;
    } else if (i + 2 < raw.size() && byte(i) == 0xE2 && byte(i + 1) == 0x80 &&
               (byte(i + 2) == 0x9C || byte(i + 2) == 0x9D || byte(i + 2) == 0x9E)) {
      i += 3;
    } else if (i + 1 < raw.size() && byte(i) == 0xC2 && (byte(i + 1) == 0xAB || byte(i + 1) == 0xBB)) {
      i += 2;
    } else {
      q.text += raw[i++];
    }
  }
  while (!q.text.empty() && trailing(q.text.back())) q.text.pop_back();
  q.direct = direct;
  q.speaker = a.speaker;
  q.speaker_text = a.speaker_text;
  q.cue = a.cue_lemma;
  if (a.cue >= 0) q.cue_span = doc_.tokens[static_cast<uint32_t>(a.cue)].span;
  q.venue = a.venue;
  return q;
}

int32_t Finder::ThatClause(uint32_t cue, int32_t* head) const {
  // "explained to Fox News that ...", "assured in statements to TF1, that
  // ...": only prepositional phrases, adverbs and punctuation may stand
  // between the cue and "that" -- another verb means another clause.
  const uint32_t se = SentenceRange(pv_.SentenceOf(cue)).second;
  for (uint32_t j = cue + 1; j < se && j <= cue + kMaxThatDistance; ++j) {
    if (excluded_[j]) return -1;
    const Token& tok = doc_.tokens[j];
    if (pv_.LowerForm(j) == "that") {
      const int32_t h = pv_.Head(j);
      *head = (h > static_cast<int32_t>(j) && h < static_cast<int32_t>(se)) ? h : -1;
      return static_cast<int32_t>(j);
    }
    if (tok.upos == "VERB" || tok.upos == "AUX" || tok.upos == "SCONJ" || tok.upos == "CCONJ" ||
        tok.form == ";" || tok.form == ":") {
      return -1;
    }
  }
  return -1;
}

void Finder::AddIndirect(uint32_t cue, std::vector<Quote>* out) const {
  const std::string cue_lemma(CueOf(cue));
  if (IsNegated(cue)) return;
  if (IsInterviewerCue(cue)) return;
  int32_t comp = pv_.Child(cue, "ccomp");
  if (comp < 0 && lex_.IsAboutCue(cue_lemma)) {
    for (uint32_t c : pv_.Children(cue)) {
      const std::string_view rel = pv_.BaseRel(c);
      if (rel != "obl" && rel != "nmod") continue;
      for (uint32_t cc : pv_.Children(c)) {
        if (pv_.BaseRel(cc) == "case" && (pv_.Lemma(cc) == "of" || pv_.Lemma(cc) == "about")) {
          comp = static_cast<int32_t>(c);
        }
      }
      if (comp >= 0) break;
    }
  }
  // "claims to have captured", "denied attacking": cues whose claim may be
  // an infinitive or gerund.
  // Only a claim about what happened: a gerund or a perfect infinitive ("to
  // have captured"), not a purpose clause ("admitting citizens to ...").
  if (comp < 0 && lex_.IsXcompCue(cue_lemma)) {
    const int32_t x = pv_.Child(static_cast<int32_t>(cue), "xcomp");
    if (x >= 0 && (pv_.tok(x).xpos == "VBG" || pv_.HasChildLemma(x, "aux", "have"))) comp = x;
  }
  // "Police arrested 40 people, the ministry said": a cue set after the
  // clause it reports, as parataxis, with no complement of its own.
  bool trailing = false;
  if (comp < 0 && pv_.BaseRel(static_cast<int32_t>(cue)) == "parataxis") {
    const int32_t h = pv_.Head(static_cast<int32_t>(cue));
    // Only a bare reporting clause after a comma: "; the White House denies
    // its authenticity" has an object of its own and is no attribution.
    bool bare = true;
    for (int32_t c : pv_.Children(static_cast<int32_t>(cue))) {
      const std::string_view rel = pv_.BaseRel(c);
      if (rel == "obj" || rel == "iobj" || rel == "ccomp" || rel == "xcomp") bare = false;
    }
    const std::vector<int32_t> own = pv_.Subtree(static_cast<int32_t>(cue));
    const bool comma = !own.empty() && own.front() > 0 && doc_.tokens[static_cast<size_t>(own.front() - 1)].form == ",";
    if (bare && comma && h >= 0 && static_cast<uint32_t>(h) < cue && !excluded_[static_cast<uint32_t>(h)]) {
      comp = h;
      trailing = true;
    }
  }
  // A speech act conjoined inside the complement is a record of its own
  // ("said he expects ... and stressed that ..." misattached); the cue of a
  // trailing attribution is not part of what it reports.
  auto prune = [&](int32_t c) {
    if (trailing && static_cast<uint32_t>(c) == cue) return true;
    const std::string_view rel = pv_.BaseRel(c);
    return (rel == "conj" || rel == "parataxis") && !CueOf(static_cast<uint32_t>(c)).empty();
  };
  std::vector<uint32_t> words;
  uint32_t floor = 0;
  if (comp >= 0) {
    words = ToUnsigned(pv_.Subtree(comp, prune));
  } else {
    // The parser may hang the "that" clause elsewhere (a relative clause
    // of the noun before it); with no parse at all, the same surface rule.
    int32_t head = -1;
    const int32_t that = ThatClause(cue, &head);
    if (that < 0) return;
    floor = static_cast<uint32_t>(that) + 1;
    if (head >= 0) {
      words = ToUnsigned(pv_.Subtree(head, prune));
    } else {
      const uint32_t se = SentenceRange(pv_.SentenceOf(cue)).second;
      for (uint32_t t = floor; t < se; ++t) words.push_back(t);
    }
  }
  // Drop what stands before the clause, the complementiser or preposition
  // in front ("that", "of") and punctuation at either end.
  size_t first = 0;
  while (first < words.size() && words[first] < floor) ++first;
  while (first < words.size() &&
         (pv_.BaseRel(words[first]) == "mark" || pv_.BaseRel(words[first]) == "case" ||
          pv_.LowerForm(words[first]) == "that" || IsPunct(words[first]))) {
    if (!pv_.has_parse() && pv_.LowerForm(words[first]) != "that" && !IsPunct(words[first])) break;
    ++first;
  }
  size_t last = words.size();
  while (last > first && IsPunct(words[last - 1]) && !excluded_[words[last - 1]]) --last;
  if (first >= last) return;
  // Keep the words contiguous from the first: a subtree with a hole (a
  // pruned conjunct) ends at the hole.
  size_t stop = first + 1;
  while (stop < last && words[stop] == words[stop - 1] + 1) ++stop;
  last = stop;
  while (last > first && IsPunct(words[last - 1]) && !excluded_[words[last - 1]]) --last;
  if (first >= last) return;
  const uint32_t b = words[first];
  const uint32_t e = words[last - 1] + 1;
  // Redundant with a direct quote when every word outside the quotation
  // marks is a function word ('said that "..."', 'who "must ..."').
  bool redundant = true;
  bool any_quoted = false;
  for (size_t i = first; i < last; ++i) {
    const uint32_t w = words[i];
    if (IsPunct(w)) continue;
    if (excluded_[w]) {
      any_quoted = true;
      continue;
    }
    const std::string& up = doc_.tokens[w].upos;
    if (!(up == "PRON" || up == "DET" || up == "SCONJ" || up == "CCONJ" || up == "PART")) redundant = false;
  }
  if (redundant && any_quoted) return;
  if (b >= e || e > doc_.tokens.size()) return;
  Attribution a;
  a.cue = static_cast<int32_t>(cue);
  a.cue_lemma = cue_lemma;
  FindSpeaker(cue, &a);
  a.venue = FindVenue(cue, SkipSet{&excluded_, b, e});
  const Span content{doc_.tokens[b].span.begin, doc_.tokens[e - 1].span.end};
  if (content.begin >= content.end || content.end > doc_.text.size()) return;
  out->push_back(MakeQuote(content, false, a));
}

void Finder::Run(std::vector<Quote>* out) {
  const size_t n = doc_.tokens.size();
  if (n == 0 || doc_.sentences.empty()) return;
  // Direct quotes, paragraph by paragraph, so an unclosed mark ends with
  // its paragraph.
  size_t s = 0;
  while (s < doc_.sentences.size()) {
    size_t e = s + 1;
    while (e < doc_.sentences.size() && doc_.sentences[e].paragraph == doc_.sentences[s].paragraph) ++e;
    Span region{doc_.sentences[s].span.begin, doc_.sentences[e - 1].span.end};
    region.end = std::min<uint32_t>(region.end, static_cast<uint32_t>(doc_.text.size()));
    if (region.begin < region.end) {
      for (const QuotedSpan& qs : FindQuotedSpans(doc_.text, region)) {
        Direct d;
        d.marks = qs;
        d.paragraph = doc_.sentences[s].paragraph;
        const int32_t first = pv_.TokenAtOrAfter(qs.content.begin);
        if (first < 0) continue;
        uint32_t t = static_cast<uint32_t>(first);
        d.tok_begin = t;
        while (t < n && doc_.tokens[t].span.begin < qs.content.end) ++t;
        d.tok_end = t;
        if (d.tok_begin >= d.tok_end) continue;
        directs_.push_back(d);
      }
    }
    s = e;
  }
  // Exclude the words and marks of every direct quote before attributing
  // any of them, so that no cue or speaker is taken from inside a quote.
  for (Direct& d : directs_) {
    const int32_t first = pv_.TokenAtOrAfter(d.marks.outer.begin);
    if (first < 0) continue;
    d.outer_begin = static_cast<uint32_t>(first);
    uint32_t t = d.outer_begin;
    for (; t < n && doc_.tokens[t].span.begin < d.marks.outer.end; ++t) excluded_[t] = 1;
    d.outer_end = t;
  }
  std::vector<Quote> quotes;
  std::vector<uint32_t> paragraph_of;  // per quote in `quotes`
  const Attribution* prev = nullptr;
  std::vector<Attribution> attribs(directs_.size());
  uint32_t prev_paragraph = UINT32_MAX;
  for (size_t i = 0; i < directs_.size(); ++i) {
    const Direct& d = directs_[i];
    Attribution& a = attribs[i];
    if (d.paragraph != prev_paragraph) prev = nullptr;
    prev_paragraph = d.paragraph;
    AttributeDirect(d, &a);
    if (a.cue < 0 && a.speaker < 0) {
      // 4. The words continue the previous quote of the paragraph.
      if (prev != nullptr) {
        a = *prev;
        a.inherited = true;
      } else {
        size_t words = 0;
        for (uint32_t t = d.tok_begin; t < d.tok_end; ++t) {
          if (doc_.tokens[t].upos != "PUNCT" && doc_.tokens[t].form.size() > 0 &&
              doc_.tokens[t].form != "," && doc_.tokens[t].form != ".") {
            ++words;
          }
        }
        if (words < kMinUnattributedWords) continue;
      }
    }
    if (a.cue >= 0 || a.speaker >= 0) prev = &a;
    quotes.push_back(MakeQuote(d.marks.content, true, a));
    paragraph_of.push_back(d.paragraph);
  }
  for (uint32_t t = 0; t < n; ++t) {
    if (excluded_[t] || CueOf(t).empty()) continue;
    const size_t before = quotes.size();
    AddIndirect(t, &quotes);
    if (quotes.size() > before) {
      const int32_t sent = pv_.SentenceOf(t);
      paragraph_of.push_back(sent >= 0 ? doc_.sentences[static_cast<size_t>(sent)].paragraph : 0);
    }
  }
  // Text order, then venue inheritance within a paragraph: the same speaker
  // in the same interview, or a reply in the medium of the question.
  std::vector<size_t> order(quotes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Span cx = quotes[x].cue_span.end > 0 ? quotes[x].cue_span : quotes[x].span;
    const Span cy = quotes[y].cue_span.end > 0 ? quotes[y].cue_span : quotes[y].span;
    const uint32_t kx = std::min(cx.begin, quotes[x].span.begin);
    const uint32_t ky = std::min(cy.begin, quotes[y].span.begin);
    return kx < ky;
  });
  // A pronoun the actors stage left unresolved ("He stressed that ...")
  // refers to the previous speaker of the paragraph.
  for (size_t oi = 1; oi < order.size(); ++oi) {
    Quote& q = quotes[order[oi]];
    if (!UnresolvedPronoun(q)) continue;
    for (size_t pj = oi; pj-- > 0;) {
      const size_t p = order[pj];
      if (paragraph_of[p] != paragraph_of[order[oi]]) break;
      if (quotes[p].speaker >= 0 && !UnresolvedPronoun(quotes[p])) {
        q.speaker = quotes[p].speaker;
        break;
      }
    }
  }
  for (size_t oi = 1; oi < order.size(); ++oi) {
    Quote& q = quotes[order[oi]];
    if (!q.venue.empty()) continue;
    const bool reply = q.cue == "respond" || q.cue == "reply" || q.cue == "answer" || q.cue == "retort";
    const std::string key = ResolvedKey(q.speaker);
    for (size_t pj = oi; pj-- > 0;) {
      const size_t p = order[pj];
      if (paragraph_of[p] != paragraph_of[order[oi]]) break;
      if (quotes[p].venue.empty()) continue;
      if ((reply && pj + 1 == oi) || (!key.empty() && ResolvedKey(quotes[p].speaker) == key)) {
        q.venue = quotes[p].venue;
        break;
      }
    }
  }
  std::stable_sort(quotes.begin(), quotes.end(),
                   [](const Quote& x, const Quote& y) { return x.span.begin < y.span.begin; });
  for (Quote& q : quotes) out->push_back(std::move(q));
}

}  // namespace

void FindQuotes(const Document& doc, const CueLexicon& lexicon, std::vector<Quote>* out) {
  const DependencyView pv(doc);
  Finder finder(doc, pv, lexicon);
  finder.Run(out);
}

}  // namespace annals
