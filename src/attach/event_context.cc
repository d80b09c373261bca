// Giving each event its date, location and amounts (event_context.h; the
// rules with an example each are in docs/attach.md).
//
// Everything is indexed by sentence once, and an event only looks at its own
// sentence: the places, times and amounts of other sentences cannot be in
// its clause, and the later fallbacks (dateline, the story's dominant place)
// are computed once per document.
#include "attach/event_context.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "base/one_of.h"
#include "model/dependency_view.h"

namespace annals {
namespace {

using List = AttachLexicon::List;

constexpr size_t kMaxClimb = 64;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "2025", "2025-09", "2025-08-19", "2025-W34", "2025-08-19T14:00".
bool IsIsoDateValue(std::string_view v) {
  if (v.size() < 4 || !IsDigit(v[0]) || !IsDigit(v[1]) || !IsDigit(v[2]) || !IsDigit(v[3])) {
    return false;
  }
  return v.size() == 4 || v[4] == '-';
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Sorted token sets (DependencyView::Subtree returns them sorted).
bool AnyIn(const std::vector<int32_t>& set, uint32_t b, uint32_t e) {
  auto it = std::lower_bound(set.begin(), set.end(), static_cast<int64_t>(b),
                             [](int32_t x, int64_t v) { return static_cast<int64_t>(x) < v; });
  return it != set.end() && static_cast<uint32_t>(*it) < e;
}

uint32_t Distance(uint32_t b, uint32_t e, uint32_t t) {
  if (t < b) return b - t;
  if (t >= e) return t - e + 1;
  return 0;
}

// The items of one sentence, as indices into the document's vectors.
struct SentenceItems {
  std::vector<uint32_t> places, times, amounts, events;
};

// One event's view of its sentence.
struct Scope {
  int32_t trig = -1;
  int32_t head = -1;                // the clause head
  uint32_t head_depth = 0;          // depth of the clause head in the tree
  std::vector<int32_t> own;         // the trigger's subtree, nested clauses cut
  std::vector<int32_t> clause;      // the clause head's subtree, nested clauses cut
  std::vector<int32_t> amount_clause;  // the clause with reduced relatives and
                                       // participle clauses ("..., killing 12")
};

// How a place is tied to the word that governs it.
enum class Tie : uint8_t { kNone, kLocative, kTarget, kOther };

class Context {
 public:
  Context(Document* doc, const AttachLexicon& lex, const DependencyView& pv, AttachWork* work)
      : doc_(*doc), lex_(lex), pv_(pv), work_(*work) {}
  void Run();

 private:
  int32_t TriggerToken(const Event& ev) const;
  bool IsPredicate(int32_t t) const;
  bool IsParticipleClause(int32_t t) const;
  int32_t ClauseHead(int32_t t) const;
  uint32_t Depth(int32_t t) const;
  bool IsClauseBoundary(int32_t t, bool amounts) const;
  std::vector<int32_t> Members(int32_t root, bool amounts) const;
  Scope MakeScope(const Event& ev) const;
  int32_t HeadOfRange(uint32_t b, uint32_t e) const;
  int32_t CaseChild(int32_t h) const;
  bool CommaBefore(int32_t h) const;
  Tie CaseTie(int32_t head, bool at_target, int32_t* top, int32_t* prep = nullptr) const;
  bool ActionObject(int32_t top, const Scope* sc) const;
  Tie CommaTie(const Place& p, int32_t head, bool at_target, const Scope* sc) const;
  bool SurfaceLocative(const Place& p, int32_t head) const;
  Tie ChainTie(const Place& p, int32_t head, bool at_target) const;
  bool FollowedByBased(const Place& p) const;
  bool SourceSeat(const Place& p, const Event& ev) const;
  Tie PlaceTie(const Place& p, const Scope& sc, bool at_target, int32_t* prep = nullptr) const;
  bool TiedToClauseOrSource(const Place& p, const Event& ev, const Scope& sc) const;
  bool IsWherePlace(const Place& p, bool at_target) const;
  uint32_t Qualified(uint32_t place, const SentenceItems& items) const;
  int32_t DominantPlace() const;
  void AttachDate(Event* ev, const Scope& sc, const SentenceItems* items);
  void AttachLocation(Event* ev, const Scope& sc, const SentenceItems* items);
  void InheritLocations(const SentenceItems& items, const std::vector<Scope>& scopes);
  void AttachAmounts(const SentenceItems& items, const std::vector<Scope>& scopes);

  Document& doc_;
  const AttachLexicon& lex_;
  const DependencyView& pv_;
  AttachWork& work_;
  int32_t dominant_ = -1;
};

int32_t Context::TriggerToken(const Event& ev) const {
  if (!ev.evidence.trigger_spans.empty()) {
    const Span s = ev.evidence.trigger_spans[0];
    const int32_t t = pv_.TokenAtOrAfter(s.begin);
    if (t >= 0) {
      const Span ts = doc_.tokens[static_cast<uint32_t>(t)].span;
      if (ts == s || (ts.begin <= s.begin && s.begin < ts.end)) return t;
    }
  }
  // No usable trigger span: the first word of the event's extent.
  const int32_t t = pv_.TokenAtOrAfter(ev.span.begin);
  if (t >= 0 && doc_.tokens[static_cast<uint32_t>(t)].span.begin < ev.span.end) return t;
  return -1;
}

bool Context::IsPredicate(int32_t t) const {
  if (pv_.tok(t).upos == "VERB") return true;
  const std::string_view rel = pv_.BaseRel(t);
  if (rel == "root" || rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "acl" ||
      rel == "parataxis" || rel == "csubj") {
    return true;
  }
  for (int32_t c : pv_.Children(t)) {
    const std::string_view r = pv_.BaseRel(c);
    if (r == "nsubj" || r == "cop") return true;
  }
  return false;
}

// "..., killing 12 people": an adverbial participle clause without its own
// subject or subordinator, whose amounts belong to the event it depends on.
bool Context::IsParticipleClause(int32_t t) const {
  if (pv_.BaseRel(t) != "advcl") return false;
  const Token& tok = pv_.tok(t);
  const bool participle = tok.xpos == "VBG" || tok.xpos == "VBN" ||
                          tok.feats.find("VerbForm=Ger") != std::string::npos ||
                          tok.feats.find("VerbForm=Part") != std::string::npos;
  if (!participle) return false;
  for (int32_t c : pv_.Children(t)) {
    const std::string_view r = pv_.BaseRel(c);
    if (r == "nsubj" || r == "mark" || r == "csubj") return false;
  }
  return true;
}

int32_t Context::ClauseHead(int32_t t) const {
  int32_t cur = t;
  for (size_t i = 0; i < kMaxClimb && !IsPredicate(cur); ++i) {
    const int32_t h = pv_.Head(cur);
    if (h < 0) break;
    cur = h;
  }
  return cur;
}

uint32_t Context::Depth(int32_t t) const {
  uint32_t d = 0;
  for (int32_t h = pv_.Head(t); h >= 0 && d < kMaxClimb; h = pv_.Head(h)) ++d;
  return d;
}

// A dependent that opens a clause of its own, with its own time and place.
// For amounts (`amounts`), reduced relatives ("drones worth ...") and
// participle clauses ("..., killing 12 people") stay in the clause.
bool Context::IsClauseBoundary(int32_t t, bool amounts) const {
  const std::string_view rel = pv_.BaseRel(t);
  if (rel == "advcl") return !(amounts && IsParticipleClause(t));
  if (rel == "ccomp" || rel == "parataxis" || rel == "csubj") return true;
  if (rel == "acl") return !amounts || pv_.Rel(t) == "acl:relcl";
  if (rel == "conj") return IsPredicate(t);
  return false;
}

std::vector<int32_t> Context::Members(int32_t root, bool amounts) const {
  return pv_.Subtree(root, [&](int32_t c) { return IsClauseBoundary(c, amounts); });
}

Scope Context::MakeScope(const Event& ev) const {
  Scope sc;
  sc.trig = TriggerToken(ev);
  if (sc.trig < 0) return sc;
  if (pv_.has_parse()) {
    sc.own = Members(sc.trig, false);
    sc.head = ClauseHead(sc.trig);
    sc.head_depth = Depth(sc.head);
    sc.clause = Members(sc.head, false);
    sc.amount_clause = Members(sc.head, true);
    return sc;
  }
  // No parse: the trigger's sentence is its clause.
  sc.own = {sc.trig};
  sc.head = sc.trig;
  const int32_t s = pv_.SentenceOf(sc.trig);
  if (s >= 0 && static_cast<size_t>(s) < doc_.sentences.size()) {
    const Sentence& sent = doc_.sentences[static_cast<size_t>(s)];
    const uint32_t end = std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(pv_.size()));
    for (uint32_t k = sent.token_begin; k < end; ++k) sc.clause.push_back(static_cast<int32_t>(k));
  }
  sc.amount_clause = sc.clause;
  return sc;
}

void Context::AttachDate(Event* ev, const Scope& sc, const SentenceItems* items) {
  ev->date = doc_.date;
  ev->date_precision = "document";
  ev->time_expr = -1;
  if (sc.trig < 0 || items == nullptr) return;
  const uint32_t t = static_cast<uint32_t>(sc.trig);
  int32_t best = -1;
  uint32_t best_rank = UINT32_MAX;
  for (uint32_t i : items->times) {
    ++work_.items;
    const TimeExpr& x = doc_.time_exprs[i];
    // Durations and sets count only when their value is itself a date.
    if (!IsIsoDateValue(x.value)) continue;
    uint32_t rank;
    if (AnyIn(sc.own, x.token_begin, x.token_end)) {
      rank = Distance(x.token_begin, x.token_end, t);
    } else if (AnyIn(sc.clause, x.token_begin, x.token_end)) {
      rank = 100000 + Distance(x.token_begin, x.token_end, t);
    } else {
      continue;
    }
    if (rank < best_rank) {
      best_rank = rank;
      best = static_cast<int32_t>(i);
    }
  }
  if (best < 0) return;
  const TimeExpr& x = doc_.time_exprs[static_cast<size_t>(best)];
  ev->time_expr = best;
  const size_t tpos = x.value.find('T');
  ev->date = tpos == std::string::npos ? x.value : x.value.substr(0, tpos);
  if (tpos != std::string::npos) {
    ev->date_precision = "time";
  } else if (x.value.find('W') != std::string::npos) {
    ev->date_precision = "week";
  } else if (x.value.size() == 4) {
    ev->date_precision = "year";
  } else if (x.value.size() == 7) {
    ev->date_precision = "month";
  } else {
    ev->date_precision = "day";
  }
}

int32_t Context::HeadOfRange(uint32_t b, uint32_t e) const {
  for (uint32_t t = b; t < e && t < static_cast<uint32_t>(pv_.size()); ++t) {
    const int32_t h = pv_.Head(static_cast<int32_t>(t));
    if (h < static_cast<int32_t>(b) || h >= static_cast<int32_t>(e)) return static_cast<int32_t>(t);
  }
  return static_cast<int32_t>(e > b ? e - 1 : b);
}

// The preposition of a token: its own `case` child, or one the parser hung
// on a compound before it ("in Sistan and Baluchestan province": "in" on
// "Sistan").
int32_t Context::CaseChild(int32_t h) const {
  for (int32_t c : pv_.Children(h)) {
    // The possessive "'s" is no preposition: "Port Sudan's airport".
    if (pv_.BaseRel(c) == "case" && pv_.tok(c).xpos != "POS") return c;
  }
  for (int32_t c : pv_.Children(h)) {
    if (c >= h || pv_.BaseRel(c) != "compound") continue;
    for (int32_t cc : pv_.Children(c)) {
      if (pv_.BaseRel(cc) == "case" && cc < c) return cc;
    }
  }
  return -1;
}

// Whether a comma comes right before the phrase `h` heads: "in Old Fangak,
// Fangak County, South Sudan" (the parser hangs "South Sudan" on "Fangak"
// as an nmod without a preposition: an apposition).
bool Context::CommaBefore(int32_t h) const {
  int32_t l = h;
  for (int k = 0; k < 8 && l > 0; ++k) {
    const int32_t prev = l - 1;
    const int32_t ph = pv_.Head(prev);
    if (ph < prev || ph > h || pv_.BaseRel(prev) == "punct" || pv_.BaseRel(prev) == "case") break;
    l = prev;
  }
  return l > 0 && pv_.LowerForm(l - 1) == ",";
}

// The preposition of a place phrase, looking through an area noun: "in the
// town of Katale", "on the outskirts of Kyiv" take the area noun's.
// An apposition or a conjunct takes its anchor's: "in Beit Jinn, Syria",
// "near Bilopillia, Sumy Oblast, Ukraine" (parsed as conjuncts), "in Kyiv
// and Kharkiv", "in the villages of A and B, White Nile State", and so does
// a phrase after a comma the parser hung as an nmod without a preposition
// ("in Old Fangak, Fangak County, South Sudan"). `*top` is the last token
// climbed to (the area noun of "attacked the city of Komanda"); `*prep`,
// when given, the preposition that ties it.
Tie Context::CaseTie(int32_t head, bool at_target, int32_t* top, int32_t* prep) const {
  int32_t h = head;
  *top = head;
  for (int hop = 0; hop < 6; ++hop) {
    *top = h;
    const int32_t gov = pv_.Head(h);
    const bool area = gov >= 0 && lex_.Has(List::kAreaNoun, pv_.Lemma(gov));
    const int32_t c = CaseChild(h);
    // "drones south of Sanaa", "20 km east of Aden": an area noun used as an
    // adverb (a compass word) puts its "of" phrase beside the clause.
    if (c < 0 && h != head && lex_.Has(List::kAreaNoun, pv_.Lemma(h)) &&
        (pv_.BaseRel(h) == "advmod" || pv_.Rel(h) == "obl:npmod" || pv_.Rel(h) == "nmod:npmod")) {
      return Tie::kLocative;
    }
    if (c >= 0) {
      if (prep != nullptr) *prep = c;
      if (lex_.Has(List::kLocativePrep, pv_.Lemma(c))) return Tie::kLocative;
      if (at_target && lex_.Has(List::kTargetPrep, pv_.Lemma(c))) return Tie::kTarget;
      // A place-action verb the tagger took for a preposition: "glide bombs
      // target Kherson", "missiles strike the centre of Sumy" (tagged ADP,
      // hung as the place's `case`): the place is its object.
      if (pv_.BaseRel(c) == "case" && lex_.Has(List::kPlaceAction, pv_.Lemma(c))) return Tie::kOther;
      // "the town of Katale" looks through to the area noun's preposition;
      // any other ("from X", "about X") ties the place to something else.
      if (!(area && pv_.Lemma(c) == "of")) return Tie::kNone;
    }
    if (gov < 0) break;
    const std::string_view rel = pv_.BaseRel(h);
    // A possessor stands where the area or named place it owns is: "drone
    // attacks on Port Sudan's airport", "in Somalia's capital"; not where an
    // event it owns is ("Israel's blockade").
    const bool appositive = rel == "appos" || rel == "flat" || rel == "conj" || (pv_.Rel(h) == "nmod:poss" && (area || pv_.tok(gov).upos == "PROPN")) ||
                            (rel == "nmod" && c < 0 && CommaBefore(h));
    if (!(appositive || (area && (rel == "nmod" || rel == "obl" || rel == "compound")))) break;
    h = gov;
  }
  return Tie::kNone;
}

// "attacked Kharkiv", "Kharkiv was shelled", "hit the Kyivskyi district of
// Kharkiv", "the bombardment of Gaza": the phrase's top is the object of an
// action done at a place, in the clause `sc` when given.
bool Context::ActionObject(int32_t top, const Scope* sc) const {
  const int32_t gov = pv_.Head(top);
  if (gov < 0) return false;
  // A noun's object is its "of" phrase: "the bombardment of Gaza", "took
  // full control of Toretsk".
  const int32_t c = CaseChild(top);
  const bool of_noun = pv_.BaseRel(top) == "nmod" && c >= 0 && pv_.Lemma(c) == "of";
  if (!(pv_.BaseRel(top) == "obj" || pv_.Rel(top) == "nsubj:pass" || of_noun) ||
      !lex_.Has(List::kPlaceAction, pv_.Lemma(gov))) {
    return false;
  }
  return sc == nullptr || AnyIn(sc->clause, static_cast<uint32_t>(gov), static_cast<uint32_t>(gov) + 1);
}

// A place written after a comma qualifies the name before it: "attacked the
// city of Komanda, Ituri province" (Komanda is not in the gazetteer, and the
// parser hung "province" on the verb) is where Komanda is. The name before
// the comma must itself be where something happens; a place that is a
// clause's subject ("in Gaza, Israel said") is not a qualifier.
Tie Context::CommaTie(const Place& p, int32_t head, bool at_target, const Scope* sc) const {
  if (p.token_begin < 2 || pv_.LowerForm(static_cast<int32_t>(p.token_begin - 1)) != ",") return Tie::kNone;
  const std::string_view rel = pv_.BaseRel(head);
  if (rel == "nsubj" || rel == "csubj" || rel == "root") return Tie::kNone;
  const int32_t before = static_cast<int32_t>(p.token_begin - 2);
  const std::string_view upos = pv_.tok(before).upos;
  if (pv_.SentenceOf(before) != pv_.SentenceOf(head) || (upos != "PROPN" && upos != "NOUN")) return Tie::kNone;
  int32_t top = before;
  const Tie tie = CaseTie(before, at_target, &top);
  if (tie != Tie::kNone) return tie;
  return ActionObject(top, sc) ? Tie::kOther : Tie::kNone;
}

Tie Context::PlaceTie(const Place& p, const Scope& sc, bool at_target, int32_t* prep) const {
  const uint32_t n = static_cast<uint32_t>(pv_.size());
  if (p.token_begin >= p.token_end || p.token_end > n) return Tie::kNone;
  // "a Kyiv-based analyst": the actor's seat.
  if (FollowedByBased(p)) return Tie::kLocative;
  if (!pv_.has_parse()) {
    // The word before the place (skipping "the").
    uint32_t b = p.token_begin;
    if (b > 0 && pv_.LowerForm(static_cast<int32_t>(b - 1)) == "the") --b;
    if (b == 0) return Tie::kNone;
    const std::string& w = pv_.LowerForm(static_cast<int32_t>(b - 1));
    if (lex_.Has(List::kLocativePrep, w)) return Tie::kLocative;
    if (at_target && lex_.Has(List::kTargetPrep, w)) return Tie::kTarget;
    return Tie::kNone;
  }
  const int32_t head = HeadOfRange(p.token_begin, p.token_end);
  int32_t top = head;
  const Tie by_case = CaseTie(head, at_target, &top, prep);
  if (by_case != Tie::kNone) return by_case;
  if (SurfaceLocative(p, head)) return Tie::kLocative;
  const int32_t gov = pv_.Head(head);
  if (gov < 0) return Tie::kNone;
  const std::string_view rel = pv_.BaseRel(head);
  // "the Alaska summit": a place name modifying the nominal trigger.
  if (gov == sc.trig && rel == "compound") return Tie::kOther;
  // "attacked Kharkiv", "Kharkiv was shelled", "visited Kyiv", "hit the
  // Kyivskyi district of Kharkiv": the object of an action done at a place,
  // the trigger or its clause's verb.
  if (ActionObject(top, &sc)) return Tie::kOther;
  // "troops withdrew from Sweida", "withdraws troops from Lebanon": a
  // withdrawal happens where it leaves (from_action); "confirm their
  // withdrawal from Siversk" with "from" hung on the verb whose object the
  // nominal trigger is.
  const int32_t from = CaseChild(head);
  if (from >= 0 && pv_.Lemma(from) == "from" && sc.trig >= 0 && lex_.Has(List::kFromAction, pv_.Lemma(sc.trig)) &&
      (gov == sc.trig || (pv_.Head(gov) == sc.trig && (pv_.BaseRel(gov) == "obj" || pv_.BaseRel(gov) == "nmod")) ||
       (gov == pv_.Head(sc.trig) && pv_.BaseRel(sc.trig) == "obj" && pv_.tok(sc.trig).upos == "NOUN"))) {
    return Tie::kLocative;
  }
  const Tie by_comma = CommaTie(p, head, at_target, &sc);
  if (by_comma != Tie::kNone) return by_comma;
  const Tie by_chain = ChainTie(p, head, at_target);
  if (by_chain != Tie::kNone) return by_chain;
  // "suggested Geneva as the venue".
  if (rel == "obj") {
    for (int32_t sib : pv_.Children(gov)) {
      if (sib != head && lex_.Has(List::kVenueNoun, pv_.Lemma(sib))) return Tie::kOther;
    }
    for (int32_t c : pv_.Children(head)) {
      if (lex_.Has(List::kVenueNoun, pv_.Lemma(c))) return Tie::kOther;
    }
  }
  return Tie::kNone;
}

// For statements and seated bodies: a place tied to the clause itself or to
// a participant ("said in Kyiv", "the court in The Hague ruled", "a
// Kyiv-based analyst"), not one inside what they speak or rule about
// ("ordered a halt to the offensive in Rafah", "condemned the attack in
// Kyiv").
bool Context::TiedToClauseOrSource(const Place& p, const Event& ev, const Scope& sc) const {
  if (!pv_.has_parse()) return true;
  const uint32_t n = static_cast<uint32_t>(pv_.size());
  if (p.token_begin >= p.token_end || p.token_end > n) return false;
  if (FollowedByBased(p)) return true;
  int32_t h = HeadOfRange(p.token_begin, p.token_end);
  int32_t gov = pv_.Head(h);
  if (gov >= 0 && pv_.BaseRel(h) == "nmod" && lex_.Has(List::kAreaNoun, pv_.Lemma(gov))) {
    h = gov;
    gov = pv_.Head(h);
  }
  if (gov < 0) return false;
  if (gov == sc.trig || gov == sc.head) return true;
  // "sign an agreement in Doha": a place written with a locative
  // preposition on an agreement the act signs or reaches (signed_noun), not
  // on any object ("condemned the strike in Kyiv" is not in Kyiv).
  const int32_t og = pv_.Head(gov);
  const int32_t c = CaseChild(h);
  if ((og == sc.trig || og == sc.head) && pv_.BaseRel(gov) == "obj" && c >= 0 &&
      lex_.Has(List::kLocativePrep, pv_.Lemma(c)) && lex_.Has(List::kSignedNoun, pv_.Lemma(gov))) {
    return true;
  }
  // "will meet Zelensky in Geneva", parsed with the place on the participant.
  const Span g = doc_.tokens[static_cast<size_t>(gov)].span;
  return (ev.source && Overlaps(ev.source->span, g)) || (ev.target && Overlaps(ev.target->span, g));
}

// A local authority speaks and acts where it sits: a place below the
// country level that names the source's seat inside its own name ("the Gaza
// Health Ministry", "Gaza's health ministry", "Puntland forces"): a modifier
// of the source's head. A country in a name ("the Israel Defense Forces")
// says whose the body is, not where it acted.
bool Context::SourceSeat(const Place& p, const Event& ev) const {
  if (!pv_.has_parse() || !ev.source || p.feature == "country" || p.feature.empty()) return false;
  const Span src = ev.source->span;
  if (p.span.begin < src.begin || p.span.end > src.end || p.span == src) return false;
  const int32_t h = HeadOfRange(p.token_begin, p.token_end);
  const std::string_view rel = pv_.BaseRel(h);
  const int32_t gov = pv_.Head(h);
  if (gov < 0 || !(rel == "compound" || pv_.Rel(h) == "nmod:poss")) return false;
  const Span g = doc_.tokens[static_cast<size_t>(gov)].span;
  return Overlaps(src, g);
}

// "Kyiv-based", tokenised "Kyiv - based" or "Kyiv -based".
bool Context::FollowedByBased(const Place& p) const {
  int32_t t = static_cast<int32_t>(p.token_end);
  if (t < pv_.size() && pv_.LowerForm(t) == "-") ++t;
  if (t >= pv_.size()) return false;
  std::string_view w = pv_.LowerForm(t);
  if (!w.empty() && w[0] == '-') w.remove_prefix(1);
  return lex_.Has(List::kBasedWord, w);
}

// A place the parser left without a preposition, after a locative one and
// a few determiners, adjectives, area nouns or a possessor: "in the Yemeni
// capital city Sanaa" (parsed with "Sanaa" beside "city", not under it),
// "in Somalia's capital city Mogadishu" (parsed with "Mogadishu" on a later
// noun).
bool Context::SurfaceLocative(const Place& p, int32_t head) const {
  for (int32_t c : pv_.Children(head)) {
    if (pv_.BaseRel(c) == "case") return false;
  }
  const std::string_view rel = pv_.BaseRel(head);
  if (rel == "nsubj" || rel == "obj" || rel == "root") return false;
  if (p.token_begin > 0) {
    // "in Sistan and Baluchestan province": the preposition right before the
    // place, hung on a word inside it.
    const int32_t prev = static_cast<int32_t>(p.token_begin - 1);
    const int32_t ph = pv_.Head(prev);
    if (pv_.BaseRel(prev) == "case" && ph >= static_cast<int32_t>(p.token_begin) &&
        ph < static_cast<int32_t>(p.token_end) && lex_.Has(List::kLocativePrep, pv_.Lemma(prev))) {
      return true;
    }
  }
  const uint32_t sb = static_cast<uint32_t>(std::max(0, pv_.SentenceOf(head))) < doc_.sentences.size()
                          ? doc_.sentences[static_cast<size_t>(pv_.SentenceOf(head))].token_begin
                          : 0;
  uint32_t t = p.token_begin;
  for (int k = 0; k < 6 && t > sb; ++k) {
    const int32_t w = static_cast<int32_t>(t - 1);
    const std::string_view upos = pv_.tok(w).upos;
    // The possessive "'s" of a possessor before the area noun ("Somalia's").
    const bool possessive = k > 0 && pv_.tok(w).xpos == "POS";
    if (upos == "DET" || upos == "ADJ" || lex_.Has(List::kAreaNoun, pv_.Lemma(w)) ||
        (upos == "PROPN" && k > 0) || possessive) {
      --t;
      continue;
    }
    break;
  }
  if (t == p.token_begin || t <= sb) return false;
  return lex_.Has(List::kLocativePrep, pv_.Lemma(static_cast<int32_t>(t - 1)));
}

// The last place of a comma chain of names that a locative preposition
// opens, whatever the parser made of the chain: "in Bakinjaw, Southwest
// Region, Cameroon" (parsed with "Region" conjoined to the verb), "in
// Eruku, Kwara state, Nigeria", "in the town of Luke, Masisi Territory,
// Democratic Republic of the Congo". Each link before the place is a run of
// capitalised words, area nouns, "and", "of", "the" and hyphens; an attack's
// target preposition opens a chain for attacks ("an airstrike on Zawtar,
// Lebanon"). A clause's subject is no link's end: "In Gaza, Israel said".
Tie Context::ChainTie(const Place& p, int32_t head, bool at_target) const {
  const std::string_view rel = pv_.BaseRel(head);
  if (rel == "nsubj" || rel == "csubj") return Tie::kNone;
  const int32_t s = pv_.SentenceOf(head);
  if (s < 0 || static_cast<size_t>(s) >= doc_.sentences.size()) return Tie::kNone;
  const int32_t sb = static_cast<int32_t>(doc_.sentences[static_cast<size_t>(s)].token_begin);
  int32_t t = static_cast<int32_t>(p.token_begin);
  for (int link = 0; link < 4; ++link) {
    if (t <= sb + 1 || pv_.LowerForm(t - 1) != ",") return Tie::kNone;
    int32_t k = t - 1;  // the comma
    int n = 0, names = 0;
    while (k > sb && n < 10) {
      const int32_t w = k - 1;
      const std::string& form = pv_.tok(w).form;
      const bool upper = (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') || pv_.tok(w).upos == "PROPN";
      if (upper && w != sb) {
        ++names;
      } else if (!(lex_.Has(List::kAreaNoun, pv_.Lemma(w)) || In(pv_.LowerForm(w), {"and", "of", "the", "-"}))) {
        break;
      }
      --k;
      ++n;
    }
    if (names == 0) return Tie::kNone;
    // The chain's opener: skip a leading "the" / "of" the walk took in.
    const int32_t opener = k - 1;
    if (opener < sb) return Tie::kNone;
    const std::string& lemma = pv_.Lemma(opener);
    if (lex_.Has(List::kLocativePrep, lemma)) return Tie::kLocative;
    if (at_target && lex_.Has(List::kTargetPrep, lemma)) return Tie::kTarget;
    t = k;
  }
  return Tie::kNone;
}

// A place written where something happens, whatever the clause: "in X",
// "near X", "in the town of X", "shelled X"; with `at_target`, also the
// target of an attack ("a strike on X").
bool Context::IsWherePlace(const Place& p, bool at_target) const {
  const uint32_t n = static_cast<uint32_t>(pv_.size());
  if (p.token_begin >= p.token_end || p.token_end > n) return false;
  if (!pv_.has_parse()) {
    uint32_t b = p.token_begin;
    if (b > 0 && pv_.LowerForm(static_cast<int32_t>(b - 1)) == "the") --b;
    if (b == 0) return false;
    const std::string& w = pv_.LowerForm(static_cast<int32_t>(b - 1));
    return lex_.Has(List::kLocativePrep, w) || (at_target && lex_.Has(List::kTargetPrep, w));
  }
  const int32_t head = HeadOfRange(p.token_begin, p.token_end);
  int32_t top = head;
  const Tie tie = CaseTie(head, at_target, &top);
  if (tie != Tie::kNone || SurfaceLocative(p, head)) return true;
  return ActionObject(top, nullptr) || CommaTie(p, head, at_target, nullptr) != Tie::kNone ||
         ChainTie(p, head, at_target) != Tie::kNone;
}

// A place written after a comma qualifies the one before it: in "Kyivskyi
// district of Kharkiv, Ukraine" or "Naqoura, southern Lebanon" the event is
// at the first, more precise one; a possessor yields to the place it owns
// ("Lebanon's eastern Bekaa Valley"). Returns that one (following a chain:
// "Old Fangak, Fangak County, South Sudan"), or `place` itself.
uint32_t Context::Qualified(uint32_t place, const SentenceItems& items) const {
  uint32_t cur = place;
  for (int hop = 0; hop < 4; ++hop) {
    const Place& p = doc_.places[cur];
    // "in Lebanon's eastern Bekaa Valley": the place owned, not its owner.
    const int32_t head = HeadOfRange(p.token_begin, p.token_end);
    const int32_t owned = pv_.Rel(head) == "nmod:poss" ? pv_.Head(head) : -1;
    if (owned >= 0) {
      uint32_t in = UINT32_MAX;
      for (uint32_t i : items.places) {
        ++work_.items;
        const Place& q = doc_.places[i];
        if (static_cast<int32_t>(q.token_begin) <= owned && owned < static_cast<int32_t>(q.token_end)) in = i;
      }
      if (in != UINT32_MAX && in != cur) {
        cur = in;
        continue;
      }
    }
    if (p.token_begin < 2 || pv_.LowerForm(static_cast<int32_t>(p.token_begin - 1)) != ",") break;
    uint32_t prev = UINT32_MAX;
    for (uint32_t i : items.places) {
      ++work_.items;
      if (doc_.places[i].token_end + 1 == p.token_begin) prev = i;
    }
    if (prev == UINT32_MAX) break;
    cur = prev;
  }
  return cur;
}

// The story's dominant place: the place most often written as where
// something happens ("in X"), by gazetteer entry; ties go to the first.
int32_t Context::DominantPlace() const {
  std::map<std::string, std::pair<uint32_t, uint32_t>> count;  // key -> (n, first place)
  for (uint32_t i = 0; i < doc_.places.size(); ++i) {
    const Place& p = doc_.places[i];
    if (!IsWherePlace(p, false)) continue;
    const std::string key = p.gazetteer_id.empty() ? p.name : p.gazetteer_id;
    auto [it, fresh] = count.try_emplace(key, 0, i);
    ++it->second.first;
  }
  int32_t best = -1;
  uint32_t best_n = 0;
  for (const auto& [key, v] : count) {
    if (v.first > best_n || (v.first == best_n && static_cast<int32_t>(v.second) < best)) {
      best_n = v.first;
      best = static_cast<int32_t>(v.second);
    }
  }
  return best;
}

void Context::AttachLocation(Event* ev, const Scope& sc, const SentenceItems* items) {
  ev->location.reset();
  ev->location_precision.clear();
  const bool at_target = lex_.CodeIn(List::kAtTargetCode, ev->cameo);
  const bool speaker = lex_.CodeIn(List::kSpeakerCode, ev->cameo);
  const bool seated = ev->source && lex_.Has(List::kSeatedSector, AsciiLower(ev->source->actor.sector));
  auto set = [&](const Place& p, const char* precision) {
    ev->location = p;
    ev->location_precision = precision;
  };
  // 1. The clause: a place tied to the trigger or its clause.
  if (sc.trig >= 0 && items != nullptr) {
    const uint32_t t = static_cast<uint32_t>(sc.trig);
    int32_t best = -1;
    uint32_t best_rank = UINT32_MAX;
    for (uint32_t i : items->places) {
      ++work_.items;
      const Place& p = doc_.places[i];
      uint32_t rank;
      if (AnyIn(sc.own, p.token_begin, p.token_end)) {
        rank = Distance(p.token_begin, p.token_end, t);
      } else if (AnyIn(sc.clause, p.token_begin, p.token_end)) {
        rank = 100000 + Distance(p.token_begin, p.token_end, t);
      } else {
        continue;
      }
      const bool is_target = ev->target && Overlaps(ev->target->span, p.span);
      const bool is_source = ev->source && Overlaps(ev->source->span, p.span);
      if (rank >= best_rank) continue;
      int32_t prep = -1;
      const Tie tie = PlaceTie(p, sc, at_target, &prep);
      // An attack happens at its target ("Russia attacked Ukraine"); other
      // events' targets are not where they happened ("aid to the
      // Philippines") unless a locative preposition other than a
      // recipient's places them ("troops arrive in Haiti", "a ceasefire in
      // Ukraine"), nor is a source unless a preposition places it ("police
      // in Kenya", "a Kyiv-based analyst").
      const bool target_here = tie == Tie::kLocative && prep >= 0 && !lex_.Has(List::kRecipientPrep, pv_.Lemma(prep));
      const bool ok = (tie != Tie::kNone && (tie == Tie::kLocative || !is_source) && (!is_target || target_here)) ||
                      (is_target && at_target && !is_source) || (is_source && SourceSeat(p, *ev));
      if (!ok || ((speaker || seated) && !TiedToClauseOrSource(p, *ev, sc))) continue;
      best_rank = rank;
      best = static_cast<int32_t>(i);
    }
    if (best >= 0) {
      set(doc_.places[Qualified(static_cast<uint32_t>(best), *items)], "clause");
      return;
    }
  }
  // Statements happen where the speaker is, courts and parliaments where they
  // sit, meetings where they meet: never at a place of the sentence or story
  // they are about ("talks in Washington on the war in Ukraine").
  const bool placed_by_speaker = speaker || seated || lex_.CodeIn(List::kVenueCode, ev->cameo);
  // 2. The sentence: the nearest place written as where something happens.
  if (!placed_by_speaker && sc.trig >= 0 && items != nullptr) {
    const uint32_t t = static_cast<uint32_t>(sc.trig);
    int32_t best = -1;
    uint32_t best_rank = UINT32_MAX;
    for (uint32_t i : items->places) {
      ++work_.items;
      const Place& p = doc_.places[i];
      if (ev->source && Overlaps(ev->source->span, p.span)) continue;
      if (ev->target && Overlaps(ev->target->span, p.span)) continue;
      const uint32_t rank = Distance(p.token_begin, p.token_end, t);
      if (rank >= best_rank || !IsWherePlace(p, at_target)) continue;
      best_rank = rank;
      best = static_cast<int32_t>(i);
    }
    if (best >= 0) {
      set(doc_.places[Qualified(static_cast<uint32_t>(best), *items)], "sentence");
      return;
    }
  }
  // 3. The dateline: where the story was filed.
  if (doc_.dateline_place) {
    set(*doc_.dateline_place, "dateline");
    return;
  }
  // 4. The story's dominant place.
  if (!placed_by_speaker && dominant_ >= 0) {
    const Place& p = doc_.places[static_cast<size_t>(dominant_)];
    if ((ev->source && Overlaps(ev->source->span, p.span)) || (ev->target && Overlaps(ev->target->span, p.span))) {
      return;
    }
    set(p, "document");
  }
}

// "Gunmen opened fire at Bondi Beach in Sydney, killing 15 people and
// leaving 42 injured": an adverbial participle clause without its own
// subject or subordinator happens where the clause it depends on happens
// (as its casualties belong to that clause's event). An event whose own
// clause names no place takes the place of an event of the governing clause
// that its clause or sentence placed, whatever its code: "leaving" is
// placed at Bondi Beach even when coded as a statement.
void Context::InheritLocations(const SentenceItems& items, const std::vector<Scope>& scopes) {
  for (size_t k = 0; k < items.events.size(); ++k) {
    Event& ev = doc_.events[items.events[k]];
    const Scope& sc = scopes[k];
    if (sc.trig < 0 || ev.location_precision == "clause") continue;
    // The participle clause, and the chain of conjoined participles
    // ("killing 15 and leaving 42 injured": "leaving" hangs on "killing").
    int32_t part = sc.head;
    for (int hop = 0; hop < 4 && part >= 0 && pv_.BaseRel(part) == "conj"; ++hop) part = pv_.Head(part);
    if (part < 0 || !IsParticipleClause(part)) continue;
    const int32_t gov = pv_.Head(part);
    if (gov < 0) continue;
    bool inherited = false;
    for (size_t j = 0; j < items.events.size() && !inherited; ++j) {
      ++work_.items;
      const Event& other = doc_.events[items.events[j]];
      if (j == k || scopes[j].trig < 0 || !other.location) continue;
      if (other.location_precision != "clause" && other.location_precision != "sentence") continue;
      if (!AnyIn(scopes[j].clause, static_cast<uint32_t>(gov), static_cast<uint32_t>(gov) + 1)) continue;
      ev.location = other.location;
      ev.location_precision = "clause";
      inherited = true;
    }
    if (inherited) continue;
    // No event was coded on the governing clause ("two missiles strike the
    // centre of Sumy, killing 35"): the place tied to that clause.
    Scope g;
    g.trig = gov;
    g.head = ClauseHead(gov);
    g.own = Members(gov, false);
    g.clause = Members(g.head, false);
    work_.tokens += g.own.size() + g.clause.size();
    const bool at_target = lex_.CodeIn(List::kAtTargetCode, ev.cameo);
    int32_t best = -1;
    uint32_t best_rank = UINT32_MAX;
    for (uint32_t i : items.places) {
      ++work_.items;
      const Place& p = doc_.places[i];
      uint32_t rank;
      if (AnyIn(g.own, p.token_begin, p.token_end)) {
        rank = Distance(p.token_begin, p.token_end, static_cast<uint32_t>(gov));
      } else if (AnyIn(g.clause, p.token_begin, p.token_end)) {
        rank = 100000 + Distance(p.token_begin, p.token_end, static_cast<uint32_t>(gov));
      } else {
        continue;
      }
      if (rank >= best_rank) continue;
      const bool is_source = ev.source && Overlaps(ev.source->span, p.span);
      const Tie tie = PlaceTie(p, g, at_target);
      if (tie == Tie::kNone || (is_source && tie != Tie::kLocative)) continue;
      best_rank = rank;
      best = static_cast<int32_t>(i);
    }
    if (best >= 0) {
      ev.location = doc_.places[Qualified(static_cast<uint32_t>(best), items)];
      ev.location_precision = "clause";
    }
  }
}

// Each amount goes to the events whose clause holds it; when a participle
// clause holds it ("bombed the market, killing 12"), to the outermost ones.
void Context::AttachAmounts(const SentenceItems& items, const std::vector<Scope>& scopes) {
  for (uint32_t a : items.amounts) {
    const Amount& am = doc_.amounts[a];
    uint32_t best_depth = UINT32_MAX;
    for (size_t k = 0; k < items.events.size(); ++k) {
      ++work_.items;
      const Scope& sc = scopes[k];
      if (sc.trig < 0 || !AnyIn(sc.amount_clause, am.token_begin, am.token_end)) continue;
      best_depth = std::min(best_depth, sc.head_depth);
    }
    if (best_depth == UINT32_MAX) continue;
    for (size_t k = 0; k < items.events.size(); ++k) {
      const Scope& sc = scopes[k];
      if (sc.trig < 0 || sc.head_depth != best_depth || !AnyIn(sc.amount_clause, am.token_begin, am.token_end)) {
        continue;
      }
      doc_.events[items.events[k]].amounts.push_back(static_cast<int32_t>(a));
    }
  }
}

void Context::Run() {
  // Index by sentence. An item's sentence is that of its first token; items
  // with bad token indices are in no sentence.
  const uint32_t n = static_cast<uint32_t>(pv_.size());
  std::vector<SentenceItems> by_sentence(doc_.sentences.size());
  auto sentence_of = [&](uint32_t token) -> int32_t {
    if (token >= n) return -1;
    const int32_t s = pv_.SentenceOf(static_cast<int32_t>(token));
    return s >= 0 && static_cast<size_t>(s) < by_sentence.size() ? s : -1;
  };
  for (uint32_t i = 0; i < doc_.places.size(); ++i) {
    const int32_t s = sentence_of(doc_.places[i].token_begin);
    if (s >= 0) by_sentence[static_cast<size_t>(s)].places.push_back(i);
  }
  for (uint32_t i = 0; i < doc_.time_exprs.size(); ++i) {
    const int32_t s = sentence_of(doc_.time_exprs[i].token_begin);
    if (s >= 0) by_sentence[static_cast<size_t>(s)].times.push_back(i);
  }
  for (uint32_t i = 0; i < doc_.amounts.size(); ++i) {
    const int32_t s = sentence_of(doc_.amounts[i].token_begin);
    if (s >= 0) by_sentence[static_cast<size_t>(s)].amounts.push_back(i);
  }
  SentenceItems nowhere;  // events without a usable trigger
  std::vector<Scope> scopes(doc_.events.size());
  for (uint32_t i = 0; i < doc_.events.size(); ++i) {
    scopes[i] = MakeScope(doc_.events[i]);
    const Scope& sc = scopes[i];
    work_.tokens += sc.own.size() + sc.clause.size() + sc.amount_clause.size();
    const int32_t s = sc.trig >= 0 ? sentence_of(static_cast<uint32_t>(sc.trig)) : -1;
    (s >= 0 ? by_sentence[static_cast<size_t>(s)] : nowhere).events.push_back(i);
  }
  dominant_ = DominantPlace();
  work_.items += doc_.places.size();
  for (SentenceItems& items : by_sentence) {
    std::vector<Scope> local;
    local.reserve(items.events.size());
    for (uint32_t e : items.events) {
      Event& ev = doc_.events[e];
      ++work_.events;
      AttachDate(&ev, scopes[e], &items);
      AttachLocation(&ev, scopes[e], &items);
      ev.amounts.clear();
      local.push_back(std::move(scopes[e]));
    }
    InheritLocations(items, local);
    AttachAmounts(items, local);
  }
  for (uint32_t e : nowhere.events) {
    Event& ev = doc_.events[e];
    ++work_.events;
    AttachDate(&ev, scopes[e], nullptr);
    AttachLocation(&ev, scopes[e], nullptr);
    ev.amounts.clear();
  }
}

}  // namespace

AttachWork AttachContext(Document* doc, const AttachLexicon& lexicon) {
  AttachWork work;
  if (doc == nullptr || doc->events.empty()) return work;
  const DependencyView pv(*doc);
  Context(doc, lexicon, pv, &work).Run();
  return work;
}

}  // namespace annals
