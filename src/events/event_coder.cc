// EventCoder: the run / absorb / dedupe loop over one sentence at a time
// (rules in event_coder.h and docs/coding.md). Trigger matching, argument
// finding and modality are in their own files; attribution is read from the
// quotes stage's records.
#include "events/event_coder.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "events/arguments.h"
#include "events/coder_sentence.h"
#include "events/modality.h"
#include "events/trigger_matcher.h"
#include "ontology/ontology.h"
#include "quotes/attribution.h"

namespace annals::events {
namespace {

// Whether a pattern's event takes the events of its complement as its
// content: the pattern says so, else its code's `absorbs` column.
bool Absorbs(const Pattern& p, const Ontology& ontology) {
  if (p.absorb >= 0) return p.absorb == 1;
  if (p.speech) return false;
  const CameoEventCode* c = ontology.Find(p.code);
  return c != nullptr && c->absorbs_complement;
}

struct Candidate {
  int32_t trigger = -1;
  const Pattern* pattern = nullptr;
  std::vector<int32_t> extra_tokens;  // particles, for evidence
  Arguments args;
  Modality modality = Modality::kAsserted;
  bool refusal = false;  // negated and planned with a refuse= code: coded as that code
  std::optional<Attribution> attribution;
};

class SentenceCoder {
 public:
  SentenceCoder(const CoderSentence& s, const QuoteIndex& quotes,
                const Ontology& ontology)
      : s_(s), quotes_(quotes), ontology_(ontology) {}

  void Run(std::vector<Event>* out) const;

 private:
  // The quote the trigger lies in gives the attribution (the quotes stage
  // owns speakers, cues and venues).
  std::optional<Attribution> AttributionOf(int32_t t, std::vector<std::string>* notes) const {
    const int32_t q = quotes_.QuoteAt(t);
    if (q < 0) return std::nullopt;
    notes->push_back("attribution:quote");
    return AttributionOfQuote(s_.doc(), q);
  }
  // True when t lies under one of v's arguments (object, oblique, open
  // complement), not under an adverbial or conjoined clause of v.
  bool IsArgumentOf(int32_t t, int32_t v) const {
    int32_t x = t;
    for (int d = 0; d < CoderSentence::kMaxChain && x >= 0; ++d) {
      const int32_t h = s_.head(x);
      if (h == v) return In(s_.base_rel(x), {"obj", "iobj", "obl", "nmod", "xcomp", "ccomp"});
      x = h;
    }
    return false;
  }
  // True when t lies under a clausal complement of v (ccomp, xcomp,
  // parataxis), however deep ("said that ..." with "that" misparsed as the
  // complement's head).
  bool IsComplementOf(int32_t t, int32_t v) const {
    int32_t x = t;
    for (int d = 0; d < CoderSentence::kMaxChain && x >= 0; ++d) {
      const int32_t h = s_.head(x);
      if (h == v) return In(s_.base_rel(x), {"ccomp", "xcomp", "parataxis"});
      x = h;
    }
    return false;
  }
  // The word of quote q's content whose head lies outside it; -1 if none
  // in this sentence.
  int32_t QuoteTop(int32_t q) const {
    const Span qs = s_.doc().quotes[static_cast<size_t>(q)].span;
    for (uint32_t u = s_.begin(); u < s_.end(); ++u) {
      const auto t = static_cast<int32_t>(u);
      const Span ts = s_.tok(t).span;
      if (ts.begin < qs.begin || ts.end > qs.end || s_.tok(t).upos == "PUNCT") continue;
      const int32_t h = s_.head(t);
      if (h < 0 || s_.tok(h).span.begin < qs.begin || s_.tok(h).span.end > qs.end) return t;
    }
    return -1;
  }
  EventActor MakeActor(int32_t m) const;
  // Material conflict (quad class 4, roots 15-20) may have an unknown
  // perpetrator (arguments.h).
  bool MaterialConflict(const Pattern& p) const {
    const CameoEventCode* c = ontology_.Find(p.code);
    return c != nullptr && c->quad_class == 4;
  }
  // Not political events, though a pattern matches (docs/coding.md, rule 2):
  // a contest verb in a sentence that names a game or an election
  // ("Portugal defeats Spain 5-3 on penalties in the final"; word lists
  // contest_verb, contest_noun), and a material-conflict trigger whose
  // object is a problem rather than an actor ("donating supplies to fight
  // COVID-19", "combatting terrorism"; problem_noun).
  bool NotPolitical(const Pattern& p, int32_t t) const {
    if (s_.InLexicon(Lexicon::kContestVerb, t)) {
      for (uint32_t u = s_.begin(); u < s_.end(); ++u) {
        const int32_t x = static_cast<int32_t>(u);
        if (s_.IsNoun(x) && s_.InLexicon(Lexicon::kContestNoun, x)) return true;
      }
    }
    // "lifted its blockade of Yemen", "violated the ceasefire agreement",
    // "a suspension of aid", "sanctions were lifted": a noun event that is
    // being undone is not happening (the undoing verb's own patterns code
    // the undoing: 085, 196).
    if (s_.IsNoun(t) && s_.head(t) >= 0 && s_.InLexicon(Lexicon::kUndoingWord, s_.head(t)) &&
        In(s_.base_rel(t), {"obj", "nsubj", "obl", "nmod", "compound"})) {
      return true;
    }
    if (MaterialConflict(p)) {
      const int32_t o = s_.Child(t, "obj");
      if (o >= 0 && s_.InLexicon(Lexicon::kProblemNoun, o)) {
        std::vector<int32_t> actors;
        s_.ActorsOf(o, &actors);
        if (actors.empty()) return true;
      }
    }
    return false;
  }
  void Emit(const Candidate& c, std::vector<Event>* out) const;

  const CoderSentence& s_;
  const QuoteIndex& quotes_;
  const Ontology& ontology_;
};

EventActor SentenceCoder::MakeActor(int32_t m) const {
  EventActor a;
  if (m == kUnknownActor) {
    // The perpetrator the text does not name (ACLED's "unidentified armed
    // group"): unknown country, unidentified armed force.
    a.actor.name = "unidentified perpetrator";
    a.actor.code = "---UAF";
    a.actor.country = "---";
    a.actor.sector = "UAF";
    a.actor.type = "unknown";
    a.actor.country_how = "unknown";
    return a;
  }
  const Mention& mention = s_.doc().mentions[static_cast<size_t>(m)];
  a.span = mention.span;
  a.text = std::string(s_.doc().SpanText(mention.span));
  a.actor = mention.actor;
  a.mention = m;
  return a;
}

void SentenceCoder::Emit(const Candidate& c, std::vector<Event>* out) const {
  const Pattern& p = *c.pattern;
  std::string code = p.code;
  std::vector<std::string> notes = c.args.notes;
  if (c.refusal) {
    notes.push_back("refuse:" + p.refuse_code + "<-" + code);
    code = p.refuse_code;
  }
  if (c.modality == Modality::kPlanned || c.modality == Modality::kHypothetical) {
    std::string intent = p.intent_code;
    if (intent.empty()) {
      if (const CameoEventCode* ec = ontology_.Find(p.code)) intent = ec->intent_code;
    }
    if (!intent.empty() && ontology_.Find(intent) != nullptr) {
      notes.push_back("intent:" + intent + "<-" + code);
      code = intent;
    }
  }
  for (const auto& [s, t] : c.args.pairs) {
    Event e;
    e.sentence = s_.sentence();
    e.source = MakeActor(s);
    if (t >= 0) e.target = MakeActor(t);
    e.cameo = code;
    e.modality = c.modality;
    e.attribution = c.attribution;
    const Token& trig = s_.tok(c.trigger);
    e.evidence.rule = p.id;
    e.evidence.triggers.push_back(trig.form);
    e.evidence.trigger_spans.push_back(trig.span);
    for (int32_t x : c.extra_tokens) {
      e.evidence.triggers.push_back(s_.tok(x).form);
      e.evidence.trigger_spans.push_back(s_.tok(x).span);
    }
    double conf = c.args.confidence;
    Span span = trig.span;
    for (int32_t m : {s, t}) {
      if (m < 0) continue;
      const Mention& mention = s_.doc().mentions[static_cast<size_t>(m)];
      for (const std::string& entry : mention.entries) e.evidence.dictionary.push_back(entry);
      if (mention.entries.empty() && !mention.actor.entry.empty()) e.evidence.dictionary.push_back(mention.actor.entry);
      if (mention.how == "pronoun") conf -= 0.1;
      // Spans stay inside the sentence: a coreferent mention elsewhere only
      // widens the span when it is in this sentence.
      if (mention.sentence == s_.sentence()) {
        span.begin = std::min(span.begin, mention.span.begin);
        span.end = std::max(span.end, mention.span.end);
      }
    }
    e.span = span;
    e.evidence.notes = notes;
    e.confidence = std::clamp(conf, 0.3, 1.0);
    out->push_back(std::move(e));
  }
}

void SentenceCoder::Run(std::vector<Event>* out) const {
  const TriggerMatcher matcher(s_);
  const ArgumentFinder args(s_, quotes_);
  const ModalityReader modality(s_, quotes_);
  // Noise control: no political actor in the sentence, no event.
  // A sentence whose only actors are victims of a guessed country ("Twelve
  // people were killed in an airstrike") may still give an event with an
  // unknown perpetrator (arguments.h), and nothing else.
  bool any_actor = false;
  bool any_mention = false;
  for (uint32_t t = s_.begin(); t < s_.end() && !any_actor; ++t) {
    const int32_t m = s_.MentionAt(static_cast<int32_t>(t));
    any_actor = s_.Political(m);
    any_mention = any_mention || (m >= 0 && !s_.doc().mentions[static_cast<size_t>(m)].actor.code.empty());
  }
  if (!any_actor && !any_mention) return;

  std::vector<Candidate> found;
  for (uint32_t ut = s_.begin(); ut < s_.end(); ++ut) {
    int32_t t = static_cast<int32_t>(ut);
    if (s_.MentionAt(t) >= 0) continue;  // words of an actor name are not triggers
    std::vector<int32_t> parts;
    const Pattern* p = matcher.Match(t, &parts);
    if (p == nullptr || NotPolitical(*p, t)) continue;
    Candidate c;
    c.trigger = t;
    c.pattern = p;
    c.extra_tokens = std::move(parts);
    found.push_back(std::move(c));
  }
  if (found.empty()) return;

  // Absorption: complements of appeals, intents, demands, rejections... are
  // part of that event, not events of their own.
  std::vector<bool> absorbed(found.size(), false);
  for (const Candidate& a : found) {
    if (!Absorbs(*a.pattern, ontology_)) continue;
    for (size_t j = 0; j < found.size(); ++j) {
      int32_t t = found[j].trigger;
      if (t == a.trigger) continue;
      for (int32_t ch : s_.children(a.trigger)) {
        // "called on Israel to allow ...": a purpose clause with "to" is the
        // content of the appeal too.
        bool purpose = s_.base_rel(ch) == "advcl" && s_.CaseOf(ch) == "to";
        if ((purpose || In(s_.base_rel(ch), {"obj", "xcomp", "ccomp", "obl", "nmod", "acl"})) &&
            s_.InSubtree(t, ch)) {
          absorbed[j] = true;
        }
      }
    }
  }

  // A noun trigger that is the object of another (non-speech) trigger is
  // that event's theme: "lifted sanctions" is one 085, not 085 + 163.
  for (size_t j = 0; j < found.size(); ++j) {
    int32_t t = found[j].trigger;
    if (!s_.IsNoun(t) || s_.base_rel(t) != "obj") continue;
    for (const Candidate& a : found) {
      if (a.trigger == s_.head(t) && !a.pattern->speech && !s_.IsNoun(a.trigger)) absorbed[j] = true;
    }
  }

  std::vector<Candidate> coded;
  std::vector<Candidate> speech;
  for (size_t i = 0; i < found.size(); ++i) {
    if (absorbed[i]) continue;
    Candidate& c = found[i];
    if (c.pattern->speech) {
      speech.push_back(std::move(c));
      continue;
    }
    bool noun = s_.IsNoun(c.trigger) && c.pattern->pos != PosClass::kVerb && c.pattern->source_slot == SourceSlot::kSubject;
    if (noun) args.NounArgs(*c.pattern, c.trigger, &c.args);
    else args.VerbArgs(*c.pattern, c.trigger, &c.args, MaterialConflict(*c.pattern));
    if (!any_actor) {
      std::erase_if(c.args.pairs, [](const std::pair<int32_t, int32_t>& p) { return p.first != kUnknownActor; });
    }
    if (c.args.pairs.empty()) continue;
    std::set<Modality> marked;
    c.modality = modality.ModalityOf(c.trigger, &c.args.notes, &marked);
    // "will not lift the ban", "won't release them": an act announced as
    // not to happen is a refusal (CAMEO 12x, e.g. 1244 "refuse to ease
    // sanctions"), which happens; the pattern names the code (refuse=).
    if (c.modality == Modality::kNegated && marked.count(Modality::kPlanned) != 0 &&
        !c.pattern->refuse_code.empty()) {
      c.refusal = true;
      c.modality = Modality::kAsserted;
    }
    c.attribution = AttributionOf(c.trigger, &c.args.notes);
    coded.push_back(std::move(c));
  }

  // Speech cues: coded (010) only when the speech they cue (the quotes
  // whose cue they are) holds no coded event and names some other actor;
  // otherwise they are attribution only.
  if (!any_actor) speech.clear();
  for (Candidate& s : speech) {
    // The cue carries an event it reports, or one among its own arguments
    // ("announces sanctions on ...", "announces a trade deal with ...").
    bool carries = false;
    for (const Candidate& c : coded) {
      if (quotes_.SpeechCueOf(c.trigger) == s.trigger || IsArgumentOf(c.trigger, s.trigger)) carries = true;
    }
    if (carries) continue;
    // The speech the cue introduces: quotes whose top word is its
    // complement, or the clause it trails ('"...," X said'); not a partial
    // quote inside an adjunct ("announces ..., citing "the failure of ...").
    std::vector<int32_t> cued;
    for (int32_t q : quotes_.QuotesCuedBy(s.trigger)) {
      const int32_t top = QuoteTop(q);
      if (top < 0) continue;
      if (IsComplementOf(top, s.trigger) ||
          (s_.head(s.trigger) == top && In(s_.base_rel(s.trigger), {"parataxis", "ccomp"}))) {
        cued.push_back(q);
      }
    }
    if (cued.empty()) continue;
    auto in_content = [&](int32_t x) {
      for (int32_t q : cued) {
        const Span qs = s_.doc().quotes[static_cast<size_t>(q)].span;
        if (qs.begin <= s_.tok(x).span.begin && s_.tok(x).span.end <= qs.end) return true;
      }
      return false;
    };
    args.VerbArgs(*s.pattern, s.trigger, &s.args);
    if (s.args.pairs.empty()) continue;
    bool other_actor = false;
    for (uint32_t ux = s_.begin(); ux < s_.end(); ++ux) {
      const auto x = static_cast<int32_t>(ux);
      if (!in_content(x)) continue;
      const int32_t m = s_.MentionAt(x);
      if (!s_.Political(m)) continue;
      for (const auto& pr : s.args.pairs) {
        const ActorRef& a = s_.doc().mentions[static_cast<size_t>(m)].actor;
        const ActorRef& sp = s_.doc().mentions[static_cast<size_t>(pr.first)].actor;
        if (a.code != sp.code || a.name != sp.name) other_actor = true;
      }
    }
    if (!other_actor) continue;
    // The statement's target is its addressee, not an actor inside it.
    for (auto& pr : s.args.pairs) {
      if (pr.second >= 0 &&
          in_content(static_cast<int32_t>(s_.doc().mentions[static_cast<size_t>(pr.second)].token_begin))) {
        pr.second = -1;
      }
    }
    s.modality = modality.ModalityOf(s.trigger, &s.args.notes);
    s.args.notes.push_back("statement:no-inner-event");
    coded.push_back(std::move(s));
  }

  std::vector<Event> events;
  for (const Candidate& c : coded) Emit(c, &events);

  // One record per (source, target, code, modality); a target-less record
  // yields to a targeted one of the same source and root.
  auto key = [](const std::optional<EventActor>& a) {
    return a ? a->actor.code + "|" + a->actor.name : std::string("-");
  };
  std::set<std::string> seen;
  std::set<std::string> targeted;
  for (const Event& e : events) {
    if (e.target) targeted.insert(key(e.source) + "#" + e.cameo.substr(0, 2));
  }
  for (Event& e : events) {
    if (!e.target && targeted.count(key(e.source) + "#" + e.cameo.substr(0, 2))) continue;
    std::string k = key(e.source) + ">" + key(e.target) + ">" + e.cameo + ">" + ModalityName(e.modality);
    if (!seen.insert(k).second) continue;
    out->push_back(std::move(e));
  }
}

}  // namespace

EventCoder::EventCoder(const PatternDictionary& dict, const Ontology& ontology)
    : dict_(dict), ontology_(ontology) {}

void EventCoder::Code(Document* doc) const {
  std::vector<Event> events;
  {
    const DependencyView tree(*doc);
    const DocumentFacts facts(*doc);
    const QuoteIndex quotes(tree);
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      const CoderSentence sentence(tree, facts, dict_, s);
      SentenceCoder(sentence, quotes, ontology_).Run(&events);
    }
  }
  for (Event& e : events) doc->events.push_back(std::move(e));
}

}  // namespace annals::events
