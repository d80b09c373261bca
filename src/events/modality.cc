// Modality (see modality.h).
#include "events/modality.h"

#include <cstdlib>
#include <optional>
#include <string_view>

#include "base/civil_date.h"

namespace annals::events {
namespace {

int ModalityRank(Modality m) {
  switch (m) {
    case Modality::kNegated: return 5;
    case Modality::kHypothetical: return 4;
    case Modality::kPlanned: return 3;
    case Modality::kHistorical: return 2;
    case Modality::kReported: return 1;
    case Modality::kAsserted: return 0;
  }
  return 0;
}

// Days between an ISO date/partial date and the document date; positive when
// `value` is earlier. nullopt when either does not parse.
std::optional<long> DaysBefore(std::string_view value, std::string_view doc_date) {
  std::optional<CivilDate> doc = ParseIsoDate(doc_date);
  if (!doc || value.size() < 4) return std::nullopt;
  for (size_t i = 0; i < 4; ++i) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
  }
  CivilDate d{std::atoi(std::string(value.substr(0, 4)).c_str()), 12, 31};
  if (value.size() >= 10) {
    if (auto full = ParseIsoDate(value.substr(0, 10))) d = *full;
  } else if (value.size() >= 7 && value[4] == '-') {
    int month = std::atoi(std::string(value.substr(5, 2)).c_str());
    if (month >= 1 && month <= 12) d = CivilDate{d.year, month, DaysInMonth(d.year, month)};
  }
  return DaysFromCivil(*doc) - DaysFromCivil(d);
}

}  // namespace

int32_t ModalityReader::ClauseOf(int32_t t) const {
  // A noun event takes its tense and polarity from the verb that governs it
  // ("will hold a meeting"); a verb or predicate adjective is its own clause.
  int32_t x = t;
  for (int d = 0; d < CoderSentence::kMaxChain; ++d) {
    if (!(s_.IsNoun(x) && In(s_.base_rel(x), {"obj", "nsubj", "obl"}) && s_.head(x) >= 0)) return x;
    const int32_t g = s_.head(x);
    // "a meeting ..., followed by a trilateral meeting": a participle that
    // modifies a noun has no tense of its own; the modified noun's clause
    // gives it.
    if (s_.IsVerb(g) && s_.rel(g) == "acl" && s_.head(g) >= 0 && s_.Child(g, "aux") < 0 &&
        s_.Child(g, "nsubj") < 0 && s_.IsNoun(s_.head(g))) {
      x = s_.head(g);
      // ... up to the head of the noun phrase ("a meeting between Putin
      // and Zelensky, followed by ...", the participle hung on "Putin").
      for (int k = 0; k < CoderSentence::kMaxChain && In(s_.base_rel(x), {"nmod", "flat", "appos", "conj"}) && s_.head(x) >= 0 &&
                      s_.IsNoun(s_.head(x));
           ++k) {
        x = s_.head(x);
      }
      continue;
    }
    return g;
  }
  return x;
}

void ModalityReader::ClauseMarkers(int32_t c, std::set<Modality>* flags,
                                  std::vector<std::string>* notes, bool under_speech) const {
  if (s_.Negated(c)) {
    flags->insert(Modality::kNegated);
    notes->push_back("modality:not");
  }
  bool have_past = false;
  for (int32_t ch : s_.children(c)) {
    std::string_view r = s_.base_rel(ch);
    const std::string& l = s_.lemma(ch);
    if (r == "aux") {
      if (s_.dict().InLexicon(Lexicon::kFutureAux, l)) {
        flags->insert(Modality::kPlanned);
        notes->push_back("modality:" + l);
      } else if (s_.dict().InLexicon(Lexicon::kConditionalAux, l)) {
        // Backshifted "will" in reported speech ("said the US would buy").
        flags->insert(under_speech ? Modality::kPlanned : Modality::kHypothetical);
        notes->push_back(under_speech ? "modality:would(reported-will)" : "modality:would");
      } else if (s_.dict().InLexicon(Lexicon::kPossibilityAux, l)) {
        flags->insert(Modality::kHypothetical);
        notes->push_back("modality:" + l);
      } else if (l == "have" && (s_.tok(ch).xpos == "VBD" || s_.tree().LowerForm(ch) == "had")) {
        have_past = true;
      }
    } else if (r == "mark" && s_.dict().InLexicon(Lexicon::kConditionalMark, l)) {
      flags->insert(Modality::kHypothetical);
      notes->push_back("modality:" + l);
    } else if (r == "advmod" && s_.dict().InLexicon(Lexicon::kHedgeAdverb, l)) {
      flags->insert(Modality::kReported);
      notes->push_back("modality:" + l);
    } else if (r == "advmod" && s_.dict().InLexicon(Lexicon::kBackgroundAdverb, l)) {
      flags->insert(Modality::kHistorical);
      notes->push_back("modality:" + l);
    } else if (r == "obl" && s_.dict().InLexicon(Lexicon::kReportedCase, s_.CaseOf(ch))) {
      flags->insert(Modality::kReported);
      notes->push_back("modality:according-to");
    }
  }
  // "had attacked" is background, except in reported speech where it is the
  // backshifted past ("said Ukraine had attacked").
  if (have_past && !under_speech && s_.tok(c).xpos == "VBN") {
    flags->insert(Modality::kHistorical);
    notes->push_back("modality:pluperfect");
  }
  // A date well before the document in this clause (not in a nested clause).
  for (size_t i = 0; i < s_.doc().time_exprs.size(); ++i) {
    const TimeExpr& te = s_.doc().time_exprs[i];
    if (te.sentence != s_.sentence() || te.type != "DATE") continue;
    int32_t tok = static_cast<int32_t>(te.token_begin);
    if (!s_.Contains(tok)) continue;
    int32_t x = tok;
    bool direct = false;
    for (int d = 0; d < CoderSentence::kMaxChain && x >= 0; ++d) {
      if (x == c) {
        direct = true;
        break;
      }
      if (In(s_.base_rel(x), {"ccomp", "advcl", "parataxis", "xcomp"}) || s_.rel(x) == "acl:relcl") break;
      x = s_.head(x);
    }
    if (!direct) continue;
    std::optional<long> before = DaysBefore(te.value, s_.doc().date);
    if (before && *before > 365) {
      flags->insert(Modality::kHistorical);
      notes->push_back("modality:dated:" + te.value);
    }
  }
}

Modality ModalityReader::ModalityOf(int32_t t, std::vector<std::string>* notes, std::set<Modality>* all) const {
  std::set<Modality> flags;
  bool under_speech = quotes_.SpeechCueOf(t) >= 0;
  if (s_.IsNoun(t)) {
    for (int32_t ch : s_.children(t)) {
      const std::string& l = s_.lemma(ch);
      if (s_.base_rel(ch) == "amod" && s_.dict().InLexicon(Lexicon::kPlannedModifier, l)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + l);
      } else if (s_.base_rel(ch) == "amod" && s_.dict().InLexicon(Lexicon::kHypotheticalModifier, l)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + l);
      } else if (s_.base_rel(ch) == "det" && s_.dict().InLexicon(Lexicon::kNegatingDet, l)) {
        flags.insert(Modality::kNegated);
        notes->push_back("modality:no");
      }
    }
  }
  int32_t c = ClauseOf(t);
  if (c != t && s_.base_rel(t) == "obj" && s_.dict().InLexicon(Lexicon::kPlannedGovernor, s_.lemma(c))) {
    // "is preparing an offensive", "plans a visit".
    flags.insert(Modality::kPlanned);
    notes->push_back("modality:" + s_.lemma(c));
  }
  ClauseMarkers(c, &flags, notes, under_speech);
  // Governors: xcomp (plan to), ccomp (deny that, bet that), conj (shared
  // auxiliary), noun governors (the possibility of).
  int32_t x = c;
  for (int d = 0; d < CoderSentence::kMaxChain; ++d) {
    int32_t g = s_.head(x);
    if (g < 0) break;
    std::string_view r = s_.base_rel(x);
    const std::string& gl = s_.lemma(g);
    // "prepared to meet" is sometimes parsed as a purpose advcl.
    const bool to_clause = r == "xcomp" || (r == "advcl" && s_.CaseOf(x) == "to");
    if (r == "conj") {
      // Conjoined verbs share auxiliaries ("will meet and sign") and a
      // conjecture ("bet that ... but with a prior meeting"), not intent.
      if (s_.dict().InLexicon(Lexicon::kHypotheticalGovernor, gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      }
      ClauseMarkers(g, &flags, notes, under_speech);
    } else if (to_clause) {
      if (r == "xcomp" && s_.dict().InLexicon(Lexicon::kNegatingGovernor, gl)) {
        // "Russia denied attacking Ukraine": a denial of an act is not the act.
        flags.insert(Modality::kNegated);
        notes->push_back("modality:" + gl + "-ing");
      } else if (s_.dict().InLexicon(Lexicon::kPlannedGovernor, gl)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + gl + "-to");
      } else if (s_.dict().InLexicon(Lexicon::kHypotheticalGovernor, gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (gl == "go" && s_.Child(g, "aux") >= 0) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:going-to");
      }
      ClauseMarkers(g, &flags, notes, under_speech);
    } else if (r == "ccomp" || r == "parataxis") {
      if (s_.dict().InLexicon(Lexicon::kNegatingGovernor, gl)) {
        flags.insert(Modality::kNegated);
        notes->push_back("modality:" + gl + "-that");
      } else if (s_.dict().InLexicon(Lexicon::kHypotheticalNoun, gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (s_.dict().InLexicon(Lexicon::kHypotheticalGovernor, gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl + "-that");
      } else if (quotes_.IsCue(g)) {
        // Reported speech: the speaker's hedges ("sources say") carry over.
        int32_t s = s_.Child(g, "nsubj");
        if (s >= 0 && s_.dict().InLexicon(Lexicon::kHedgeSubject, s_.lemma(s)) && !s_.Political(s_.MentionAt(s))) {
          flags.insert(Modality::kReported);
          notes->push_back("modality:" + s_.lemma(s) + "-say");
        }
        for (int32_t ch : s_.children(g)) {
          if (s_.base_rel(ch) == "obl" && s_.dict().InLexicon(Lexicon::kReportedCase, s_.CaseOf(ch))) {
            flags.insert(Modality::kReported);
            notes->push_back("modality:according-to");
          }
        }
        break;  // the speaker's own clause says nothing about the event
      }
    } else if (In(r, {"nmod", "acl", "obl", "obj", "nsubj", "amod"})) {
      if (s_.dict().InLexicon(Lexicon::kHypotheticalNoun, gl)) {
        flags.insert(Modality::kHypothetical);
        notes->push_back("modality:" + gl);
      } else if (s_.dict().InLexicon(Lexicon::kPlannedNoun, gl)) {
        flags.insert(Modality::kPlanned);
        notes->push_back("modality:" + gl);
      }
      if (s_.IsVerb(g)) {
        ClauseMarkers(g, &flags, notes, under_speech);
        break;
      }
    } else {
      break;
    }
    x = g;
  }
  Modality best = Modality::kAsserted;
  for (Modality m : flags) {
    if (ModalityRank(m) > ModalityRank(best)) best = m;
  }
  if (all != nullptr) *all = flags;
  return best;
}

}  // namespace annals::events
