// Attaching date, location, amounts and attribution to events, from the
// event's own clause (rules in attach_stage.h).
#include "attach/attach_stage.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "model/dependency_view.h"

namespace annals {
namespace {

constexpr size_t kMaxClimb = 64;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "2025", "2025-09", "2025-08-19", "2025-W34", "2025-08-19T14:00".
bool IsIsoDateValue(std::string_view v) {
  if (v.size() < 4 || !IsDigit(v[0]) || !IsDigit(v[1]) || !IsDigit(v[2]) || !IsDigit(v[3])) {
    return false;
  }
  return v.size() == 4 || v[4] == '-';
}

// Verbs whose object is where the event happens.
bool IsPlaceAction(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "attack", "besiege", "bomb",  "capture", "enter", "hit",    "invade", "occupy", "raid",
      "seize",  "shell",   "storm", "strike",  "target", "visit", "tour",   "liberate"};
  for (std::string_view v : kVerbs) {
    if (v == lemma) return true;
  }
  return false;
}

class Attacher {
 public:
  Attacher(const Document& doc, const DependencyView& pv) : doc_(doc), pv_(pv) {}
  void Attach(Event* ev) const;

 private:
  int32_t TriggerToken(const Event& ev) const;
  uint32_t ClauseHead(uint32_t t) const;
  bool IsPredicate(uint32_t t) const;
  bool IsClauseBoundary(uint32_t t, bool keep_reduced_relatives) const;
  std::vector<uint8_t> Members(uint32_t root, bool keep_reduced_relatives) const;
  bool AnyIn(const std::vector<uint8_t>& set, uint32_t b, uint32_t e) const {
    const uint32_t end = std::min<uint32_t>(e, static_cast<uint32_t>(set.size()));
    for (uint32_t t = b; t < end; ++t) {
      if (set[t]) return true;
    }
    return false;
  }
  uint32_t Distance(uint32_t b, uint32_t e, uint32_t t) const {
    if (t < b) return b - t;
    if (t >= e) return t - e + 1;
    return 0;
  }
  void AttachDate(Event* ev, int32_t trig, const std::vector<uint8_t>& own,
                  const std::vector<uint8_t>& clause) const;
  void AttachLocation(Event* ev, int32_t trig, const std::vector<uint8_t>& own,
                      const std::vector<uint8_t>& clause) const;
  bool PlaceAttached(const Place& p, int32_t trig) const;
  uint32_t HeadOfRange(uint32_t b, uint32_t e) const;

  const Document& doc_;
  const DependencyView& pv_;
};

int32_t Attacher::TriggerToken(const Event& ev) const {
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

bool Attacher::IsPredicate(uint32_t t) const {
  const Token& tok = doc_.tokens[t];
  if (tok.upos == "VERB") return true;
  const std::string_view rel = pv_.BaseRel(t);
  if (rel == "root" || rel == "ccomp" || rel == "xcomp" || rel == "advcl" || rel == "acl" ||
      rel == "parataxis" || rel == "csubj") {
    return true;
  }
  for (uint32_t c : pv_.Children(t)) {
    const std::string_view r = pv_.BaseRel(c);
    if (r == "nsubj" || r == "cop") return true;
  }
  return false;
}

uint32_t Attacher::ClauseHead(uint32_t t) const {
  uint32_t cur = t;
  for (size_t i = 0; i < kMaxClimb && !IsPredicate(cur); ++i) {
    const int32_t h = pv_.Head(cur);
    if (h < 0) break;
    cur = static_cast<uint32_t>(h);
  }
  return cur;
}

// A dependent that opens a clause of its own, with its own time and place.
bool Attacher::IsClauseBoundary(uint32_t t, bool keep_reduced_relatives) const {
  const std::string_view rel = pv_.BaseRel(t);
  if (rel == "ccomp" || rel == "advcl" || rel == "parataxis" || rel == "csubj") return true;
  if (rel == "acl") {
    // "drones worth ..." / "a package costing ..." belong to the clause;
    // a full relative clause ("who attended talks in Washington") does not.
    return !keep_reduced_relatives || doc_.tokens[t].deprel == "acl:relcl";
  }
  if (rel == "conj") return IsPredicate(t);
  return false;
}

std::vector<uint8_t> Attacher::Members(uint32_t root, bool keep_reduced_relatives) const {
  std::vector<uint8_t> set(doc_.tokens.size(), 0);
  for (int32_t t : pv_.Subtree(static_cast<int32_t>(root), [&](int32_t c) { return IsClauseBoundary(static_cast<uint32_t>(c), keep_reduced_relatives); })) {
    set[t] = 1;
  }
  return set;
}

void Attacher::AttachDate(Event* ev, int32_t trig, const std::vector<uint8_t>& own,
                          const std::vector<uint8_t>& clause) const {
  ev->date = doc_.date;
  ev->date_precision = "document";
  ev->time_expr = -1;
  if (trig < 0) return;
  const uint32_t t = static_cast<uint32_t>(trig);
  int32_t best = -1;
  uint32_t best_rank = UINT32_MAX;
  for (size_t i = 0; i < doc_.time_exprs.size(); ++i) {
    const TimeExpr& x = doc_.time_exprs[i];
    if (!IsIsoDateValue(x.value)) continue;  // durations, sets, unresolved
    if ((x.type == "DURATION" || x.type == "SET") && !IsIsoDateValue(x.value)) continue;
    uint32_t rank;
    if (AnyIn(own, x.token_begin, x.token_end)) {
      rank = Distance(x.token_begin, x.token_end, t);
    } else if (AnyIn(clause, x.token_begin, x.token_end)) {
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

uint32_t Attacher::HeadOfRange(uint32_t b, uint32_t e) const {
  for (uint32_t t = b; t < e && t < static_cast<uint32_t>(pv_.size()); ++t) {
    const int32_t h = pv_.Head(t);
    if (h < static_cast<int32_t>(b) || h >= static_cast<int32_t>(e)) return t;
  }
  return e > b ? e - 1 : b;
}

bool Attacher::PlaceAttached(const Place& p, int32_t trig) const {
  const uint32_t n = static_cast<uint32_t>(pv_.size());
  if (p.token_begin >= p.token_end || p.token_end > n) return false;
  const uint32_t head = HeadOfRange(p.token_begin, p.token_end);
  auto locative = [](std::string_view w) {
    return w == "in" || w == "at" || w == "near" || w == "to" || w == "inside" || w == "outside";
  };
  if (pv_.has_parse()) {
    for (uint32_t c : pv_.Children(head)) {
      if (pv_.BaseRel(c) == "case" && locative(pv_.Lemma(c))) return true;
    }
    const int32_t gov = pv_.Head(head);
    const std::string_view rel = pv_.BaseRel(head);
    // "the Alaska summit": a place name modifying the nominal trigger.
    if (gov >= 0 && gov == trig && rel == "compound") return true;
    // "attacked Kharkiv", "visited Kyiv": the object of an action that
    // happens at a place.
    if (gov >= 0 && gov == trig && rel == "obj" && IsPlaceAction(pv_.Lemma(static_cast<uint32_t>(gov)))) {
      return true;
    }
    // "suggested Geneva as the venue".
    if (gov >= 0 && rel == "obj") {
      auto venue_word = [&](uint32_t w) {
        const std::string& l = pv_.Lemma(w);
        return l == "venue" || l == "host" || l == "site" || l == "location" || l == "place";
      };
      for (uint32_t sib : pv_.Children(static_cast<uint32_t>(gov))) {
        if (sib != head && venue_word(sib)) return true;
      }
      for (uint32_t c : pv_.Children(head)) {
        if (venue_word(c)) return true;
      }
    }
    return false;
  }
  // No parse: the word before the place (skipping "the").
  uint32_t b = p.token_begin;
  if (b > 0 && pv_.LowerForm(b - 1) == "the") --b;
  return b > 0 && locative(pv_.LowerForm(b - 1));
}

void Attacher::AttachLocation(Event* ev, int32_t trig, const std::vector<uint8_t>& own,
                              const std::vector<uint8_t>& clause) const {
  ev->location.reset();
  if (trig < 0) return;
  const uint32_t t = static_cast<uint32_t>(trig);
  auto overlaps = [](Span a, Span b) { return a.begin < b.end && b.begin < a.end; };
  int32_t best = -1;
  uint32_t best_rank = UINT32_MAX;
  for (size_t i = 0; i < doc_.places.size(); ++i) {
    const Place& p = doc_.places[i];
    // The event's participants are not where it happened.
    if (ev->source && overlaps(ev->source->span, p.span)) continue;
    if (ev->target && overlaps(ev->target->span, p.span)) continue;
    uint32_t rank;
    if (AnyIn(own, p.token_begin, p.token_end)) {
      rank = Distance(p.token_begin, p.token_end, t);
    } else if (AnyIn(clause, p.token_begin, p.token_end)) {
      rank = 100000 + Distance(p.token_begin, p.token_end, t);
    } else {
      continue;
    }
    if (rank >= best_rank || !PlaceAttached(p, trig)) continue;
    best_rank = rank;
    best = static_cast<int32_t>(i);
  }
  if (best >= 0) ev->location = doc_.places[static_cast<size_t>(best)];
}

void Attacher::Attach(Event* ev) const {
  const int32_t trig = TriggerToken(*ev);
  std::vector<uint8_t> own, clause, amount_clause;
  if (trig >= 0) {
    const uint32_t t = static_cast<uint32_t>(trig);
    if (pv_.has_parse()) {
      own = Members(t, false);
      const uint32_t head = ClauseHead(t);
      clause = Members(head, false);
      amount_clause = Members(head, true);
    } else {
      // No parse: the trigger's sentence is its clause.
      own.assign(doc_.tokens.size(), 0);
      own[t] = 1;
      clause.assign(doc_.tokens.size(), 0);
      const int32_t s = pv_.SentenceOf(t);
      if (s >= 0) {
        const Sentence& sent = doc_.sentences[static_cast<size_t>(s)];
        for (uint32_t k = sent.token_begin; k < std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(pv_.size())); ++k) {
          clause[k] = 1;
        }
      }
      amount_clause = clause;
    }
  }
  AttachDate(ev, trig, own, clause);
  AttachLocation(ev, trig, own, clause);
  ev->amounts.clear();
  if (trig >= 0) {
    for (size_t i = 0; i < doc_.amounts.size(); ++i) {
      const Amount& a = doc_.amounts[i];
      if (AnyIn(amount_clause, a.token_begin, a.token_end)) ev->amounts.push_back(static_cast<int32_t>(i));
    }
  }
}

class AttachStage : public Stage {
 public:
  std::string_view name() const override { return "attach"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerEvents | kLayerTimes |
           kLayerPlaces | kLayerAmounts;
  }
  uint32_t fills() const override { return kLayerEventContext; }
  Status Process(Document* doc) const override {
    if (doc == nullptr) return Status::Internal("attach: null document");
    if (doc->events.empty()) return Status::Ok();
    const DependencyView pv(*doc);
    const Attacher attacher(*doc, pv);
    for (Event& ev : doc->events) attacher.Attach(&ev);
    return Status::Ok();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateAttachStage(const Config& /*config*/) {
  return std::unique_ptr<Stage>(std::make_unique<AttachStage>());
}

}  // namespace annals
