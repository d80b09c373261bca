// Loader and index for data/patterns/*.patterns (format: docs/formats/patterns.md).
//
// Each line is split into whitespace-separated words with their 1-based
// columns so an error can point at the offending word. A bad line is
// reported and skipped; it never stops the others from loading.
#include "events/pattern_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/file.h"
#include "base/word_lists.h"
#include "base/utf8.h"

namespace annals::events {
namespace {

struct Word {
  std::string_view text;
  size_t column;  // 1-based byte column
};

std::vector<Word> SplitWords(std::string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size()) break;
    if (line[i] == '#') break;  // the rest of the line is a comment
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    words.push_back({line.substr(start, i - start), start + 1});
  }
  return words;
}

bool IsLemmaWord(std::string_view w) {
  if (w.empty()) return false;
  for (unsigned char c : w) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
              c == '.' || c >= 0x80;
    if (!ok) return false;
  }
  return true;
}

bool IsCodeShape(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Parses one target slot name; false when it is not one.
bool ParseTargetSlot(std::string_view s, TargetSlot* out) {
  using K = TargetSlot::Kind;
  static constexpr std::pair<std::string_view, K> kNames[] = {
      {"obj", K::kObj},   {"iobj", K::kIobj}, {"pass", K::kPass}, {"poss", K::kPoss}, {"mod", K::kMod},
      {"subj", K::kSubj}, {"comp", K::kComp}, {"deep", K::kDeep}, {"none", K::kNone}};
  for (const auto& [name, kind] : kNames) {
    if (s == name) {
      out->kind = kind;
      return true;
    }
  }
  if (s.size() > 4 && s.substr(0, 4) == "obl:" && IsLemmaWord(s.substr(4))) {
    out->kind = K::kObl;
    out->prep = std::string(s.substr(4));
    return true;
  }
  return false;
}

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

}  // namespace

std::string_view LexiconName(Lexicon l) {
  switch (l) {
    case Lexicon::kPlannedGovernor: return "planned_governor";
    case Lexicon::kHypotheticalGovernor: return "hypothetical_governor";
    case Lexicon::kNegatingGovernor: return "negating_governor";
    case Lexicon::kPlannedModifier: return "planned_modifier";
    case Lexicon::kHypotheticalModifier: return "hypothetical_modifier";
    case Lexicon::kPlannedNoun: return "planned_noun";
    case Lexicon::kHypotheticalNoun: return "hypothetical_noun";
    case Lexicon::kLightVerb: return "light_verb";
    case Lexicon::kHedgeAdverb: return "hedge_adverb";
    case Lexicon::kHedgeSubject: return "hedge_subject";
    case Lexicon::kBackgroundAdverb: return "background_adverb";
    case Lexicon::kObjectControl: return "object_control";
    case Lexicon::kRelativePronoun: return "relative_pronoun";
    case Lexicon::kAgentNoun: return "agent_noun";
    case Lexicon::kQuantityNoun: return "quantity_noun";
    case Lexicon::kPartnerPrep: return "partner_prep";
    case Lexicon::kContentPrep: return "content_prep";
    case Lexicon::kNounPartnerPrep: return "noun_partner_prep";
    case Lexicon::kAdjacentPartnerPrep: return "adjacent_partner_prep";
    case Lexicon::kSpeakerPronoun: return "speaker_pronoun";
    case Lexicon::kGuessedCountrySector: return "guessed_country_sector";
    case Lexicon::kAccidentalCause: return "accidental_cause";
    case Lexicon::kPerpetratorVerb: return "perpetrator_verb";
    case Lexicon::kViolentMeans: return "violent_means";
    case Lexicon::kCombatantSector: return "combatant_sector";
    case Lexicon::kContestVerb: return "contest_verb";
    case Lexicon::kContestNoun: return "contest_noun";
    case Lexicon::kProblemNoun: return "problem_noun";
    case Lexicon::kUndoingWord: return "undoing_word";
    case Lexicon::kPlaceTargetCode: return "place_target_code";
    case Lexicon::kPlaceTargetPrep: return "place_target_prep";
    case Lexicon::kNegation: return "negation";
    case Lexicon::kNegatingDet: return "negating_det";
    case Lexicon::kFutureAux: return "future_aux";
    case Lexicon::kConditionalAux: return "conditional_aux";
    case Lexicon::kPossibilityAux: return "possibility_aux";
    case Lexicon::kConditionalMark: return "conditional_mark";
    case Lexicon::kReportedCase: return "reported_case";
    case Lexicon::kCount: break;
  }
  return "";
}

std::string TargetSlot::Name() const {
  switch (kind) {
    case Kind::kObj: return "obj";
    case Kind::kIobj: return "iobj";
    case Kind::kPass: return "pass";
    case Kind::kPoss: return "poss";
    case Kind::kMod: return "mod";
    case Kind::kObl: return "obl:" + prep;
    case Kind::kSubj: return "subj";
    case Kind::kComp: return "comp";
    case Kind::kDeep: return "deep";
    case Kind::kNone: return "none";
  }
  return "";
}

std::unique_ptr<PatternDictionary> PatternDictionary::Empty() {
  return std::unique_ptr<PatternDictionary>(new PatternDictionary());
}

Result<std::unique_ptr<PatternDictionary>> PatternDictionary::LoadDir(
    const std::string& data_dir, const CodeCheck& known_code, std::vector<std::string>* errors) {
  const std::string dir = JoinPath(data_dir, "patterns");
  std::error_code ec;
  std::vector<std::string> files, folders;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".patterns") files.push_back(entry.path().string());
    std::error_code dir_ec;
    if (entry.is_directory(dir_ec)) folders.push_back(entry.path().string());
  }
  if (ec) return Status::NotFound("cannot read pattern directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  auto dict = Empty();
  std::vector<std::string_view> names;
  for (size_t l = 0; l < static_cast<size_t>(Lexicon::kCount); ++l) names.push_back(LexiconName(static_cast<Lexicon>(l)));
  auto lexicons = WordLists::Load(JoinPath(data_dir, "lang/en/events.tsv"), names, errors);
  if (!lexicons.ok()) return lexicons.status();
  ANNALS_RETURN_IF_ERROR(lexicons->Add(JoinPath(data_dir, "lang/en/function_words.tsv"), errors));
  dict->lexicons_ = std::move(lexicons).value();
  auto load = [&](const std::string& f, bool imported) {
    Result<std::string> text = ReadFile(f);
    if (!text.ok()) {
      errors->push_back(text.status().message());
      return;
    }
    dict->ParseText(*text, f, known_code, errors, imported);
  };
  for (const std::string& f : files) load(f, false);
  // Generated files live apart from hand-written ones and rank below them.
  for (const std::string& folder : folders) {
    std::vector<std::string> sub;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".patterns") sub.push_back(entry.path().string());
    }
    if (ec) {
      errors->push_back("cannot read pattern directory " + folder + ": " + ec.message());
      ec.clear();
      continue;
    }
    std::sort(sub.begin(), sub.end());
    for (const std::string& f : sub) load(f, true);
  }
  dict->Index();
  if (dict->patterns_.empty()) {
    return Status::DataError("no event pattern loaded from " + dir + "/*.patterns");
  }
  return dict;
}

void PatternDictionary::Parse(std::string_view text, const std::string& path,
                              const CodeCheck& known_code, std::vector<std::string>* errors,
                              bool imported) {
  ParseText(text, path, known_code, errors, imported);
  Index();
}

void PatternDictionary::ParseText(std::string_view text, const std::string& path,
                                  const CodeCheck& known_code, std::vector<std::string>* errors,
                                  bool imported) {
  if (!IsValidUtf8(text)) {
    errors->push_back(path + ": not valid UTF-8; file skipped");
    return;
  }
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::vector<Word> words = SplitWords(line);
    if (words.empty()) continue;
    auto fail = [&](const Word& w, std::string_view message) {
      errors->push_back(AtLine(path, line_no, w.column, std::string(message) + " " + Quote(w.text)));
    };

    if (words[0].text == "@lemma") {
      if (words.size() < 3) {
        fail(words[0], "a lemma line needs a lemma and at least one form:");
        continue;
      }
      for (size_t i = 1; i < words.size(); ++i) {
        if (!IsLemmaWord(words[i].text)) {
          fail(words[i], "lemma lines take lower-case words, got");
          break;
        }
        if (i == 1) continue;
        // A hand-written form is never replaced by an imported one.
        if (imported) irregular_.emplace(std::string(words[i].text), std::string(words[1].text));
        else irregular_[std::string(words[i].text)] = std::string(words[1].text);
      }
      continue;
    }
    if (words[0].text == "@lexicon") {
      fail(words[0], "lexicons are word lists now, in data/lang/en/events.tsv:");
      continue;
    }
    if (words.size() < 3) {
      fail(words[0], "a pattern needs <id> <code> <trigger>; got only");
      continue;
    }
    Pattern p;
    p.file = path;
    p.line = line_no;
    p.id = std::string(words[0].text);
    if (by_id_.count(p.id) != 0) {
      const Pattern& first = patterns_[by_id_[p.id]];
      fail(words[0], "duplicate pattern id (first at " + first.file + ":" +
                         std::to_string(first.line) + ")");
      continue;
    }
    if (!IsCodeShape(words[1].text) || (known_code && !known_code(words[1].text))) {
      fail(words[1], "unknown CAMEO event code");
      continue;
    }
    p.code = std::string(words[1].text);

    // Trigger: lemma[/POS][+particle]...
    std::string_view trig = words[2].text;
    std::vector<std::string_view> parts = [&] {
      std::vector<std::string_view> v;
      size_t s = 0;
      for (size_t i = 0; i <= trig.size(); ++i) {
        if (i == trig.size() || trig[i] == '+') {
          v.push_back(trig.substr(s, i - s));
          s = i + 1;
        }
      }
      return v;
    }();
    std::string_view head = parts[0];
    bool bad = false;
    if (size_t slash = head.find('/'); slash != std::string_view::npos) {
      std::string_view pos_tag = head.substr(slash + 1);
      head = head.substr(0, slash);
      if (pos_tag == "V") p.pos = PosClass::kVerb;
      else if (pos_tag == "N") p.pos = PosClass::kNoun;
      else if (pos_tag == "A") p.pos = PosClass::kAdj;
      else bad = true;
    }
    // Several trigger lemmas may share the line: "ask|request|petition/V".
    for (size_t s = 0, k = 0; !bad && k <= head.size(); ++k) {
      if (k < head.size() && head[k] != '|') continue;
      std::string_view alt = head.substr(s, k - s);
      if (!IsLemmaWord(alt)) bad = true;
      else if (s == 0) p.lemma = std::string(alt);
      else p.also.emplace_back(alt);
      s = k + 1;
    }
    if (bad) {
      fail(words[2], "bad trigger (want lemma[|lemma...][/V|/N|/A][+particle]...):");
      continue;
    }
    for (size_t i = 1; i < parts.size(); ++i) {
      if (!IsLemmaWord(parts[i])) {
        bad = true;
        break;
      }
      p.particles.emplace_back(parts[i]);
    }
    if (bad) {
      fail(words[2], "bad trigger particle in");
      continue;
    }

    // Constraints and options.
    for (size_t i = 3; i < words.size() && !bad; ++i) {
      const Word& w = words[i];
      std::string_view t = w.text;
      size_t eq = t.find('=');
      std::string_view key = eq == std::string_view::npos ? t : t.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? std::string_view() : t.substr(eq + 1);
      bool has_value = eq != std::string_view::npos;
      auto need_value = [&]() {
        if (!has_value || value.empty()) {
          fail(w, "option needs a value:");
          bad = true;
        }
        return !bad;
      };
      if (key == "recip" && !has_value) {
        p.reciprocal = true;
      } else if (key == "speech" && !has_value) {
        p.speech = true;
      } else if (key == "absorb" && !has_value) {
        p.absorb = 1;
      } else if (key == "noabsorb" && !has_value) {
        p.absorb = 0;
      } else if (key == "neg") {
        Constraint c;
        c.kind = Constraint::Kind::kNeg;
        if (has_value && value != "yes" && value != "no") {
          fail(w, "neg takes yes or no:");
          bad = true;
          break;
        }
        c.negated = !has_value || value == "yes";
        p.constraints.push_back(std::move(c));
      } else if (key == "intent" || key == "refuse") {
        // Codes this pattern takes when its act is announced (intent) or
        // announced as not to happen (refuse).
        if (!need_value()) break;
        if (!IsCodeShape(value) || (known_code && !known_code(value))) {
          fail(w, "unknown CAMEO event code in");
          bad = true;
          break;
        }
        (key == "intent" ? p.intent_code : p.refuse_code) = std::string(value);
      } else if (key == "source") {
        if (!need_value()) break;
        if (value != "subj" && value != "speaker" && value != "poss") {
          fail(w, "source must be subj, speaker or poss:");
          bad = true;
          break;
        }
        p.source_slot = value == "subj"      ? SourceSlot::kSubject
                        : value == "speaker" ? SourceSlot::kSpeaker
                                             : SourceSlot::kPoss;
      } else if (key == "target") {
        if (!need_value()) break;
        size_t s = 0;
        for (size_t k = 0; k <= value.size(); ++k) {
          if (k == value.size() || value[k] == ',') {
            std::string_view slot = value.substr(s, k - s);
            TargetSlot parsed;
            if (!ParseTargetSlot(slot, &parsed)) {
              fail(w, "unknown target slot '" + std::string(slot) + "' in");
              bad = true;
              break;
            }
            p.target_slots.push_back(std::move(parsed));
            s = k + 1;
          }
        }
      } else {
        Constraint c;
        if (key == "obj") c.kind = Constraint::Kind::kObj;
        else if (key == "iobj") c.kind = Constraint::Kind::kIobj;
        else if (key == "subj") c.kind = Constraint::Kind::kSubj;
        else if (key == "xcomp") c.kind = Constraint::Kind::kXcomp;
        else if (key == "mod") c.kind = Constraint::Kind::kMod;
        else if (key == "sub") c.kind = Constraint::Kind::kSub;
        else if (key.size() > 4 && key.substr(0, 4) == "obl:" && IsLemmaWord(key.substr(4))) {
          c.kind = Constraint::Kind::kObl;
          c.prep = std::string(key.substr(4));
        } else {
          fail(w, "unknown constraint or option");
          bad = true;
          break;
        }
        if (!need_value()) break;
        size_t s = 0;
        for (size_t k = 0; k <= value.size(); ++k) {
          if (k == value.size() || value[k] == '|') {
            std::string_view v = value.substr(s, k - s);
            s = k + 1;
            if (v == "ACTOR") c.actor = true;
            else if (v == "PLACE") c.place = true;
            else if (v == "*") c.any = true;
            else if (v == "-") c.absent = true;
            else if (IsLemmaWord(v)) c.lemmas.emplace_back(v);
            else {
              fail(w, "bad value '" + std::string(v) + "' (lower-case lemmas, ACTOR, PLACE, * or -) in");
              bad = true;
              break;
            }
          }
        }
        if (!bad && c.kind == Constraint::Kind::kSub && (c.actor || c.place || c.absent)) {
          fail(w, "sub= takes lemmas only:");
          bad = true;
        }
        if (!bad) p.constraints.push_back(std::move(c));
      }
    }
    if (bad) continue;
    // "obj=-" narrows nothing worth preferring: only positive constraints count.
    p.specificity = static_cast<int>(p.particles.size());
    for (const Constraint& c : p.constraints) p.specificity += c.absent ? 0 : 1;
    p.imported = imported;
    if (imported) p.specificity -= kImportedRank;
    by_id_[p.id] = patterns_.size();
    patterns_.push_back(std::move(p));
  }
}

void PatternDictionary::Index() {
  by_lemma_.clear();
  vocabulary_.clear();
  // Hand-written triggers and lexicon words: an imported pattern without
  // constraints (a verb's default code) is not used for them, since the
  // hand-written patterns already say when that word is an event.
  std::unordered_map<std::string, bool> hand;
  auto covers = [&](const std::string& lemma, PosClass pos) {
    return hand.count(lemma + "/" + std::to_string(static_cast<int>(pos))) != 0 ||
           hand.count(lemma + "/" + std::to_string(static_cast<int>(PosClass::kAny))) != 0 ||
           hand.count(lemma) != 0;
  };
  for (const Pattern& p : patterns_) {
    if (p.imported) continue;
    hand[p.lemma + "/" + std::to_string(static_cast<int>(p.pos))] = true;
    for (const std::string& l : p.also) hand[l + "/" + std::to_string(static_cast<int>(p.pos))] = true;
  }
  for (size_t l = 0; l < static_cast<size_t>(Lexicon::kCount); ++l) {
    // contest_verb and undoing_word say when a word is *not* an event
    // ("defeats Spain 3-1 in the final", "lifted the blockade"); they do not
    // claim the verb, whose imported default still codes "the army
    // defeated the rebels".
    const auto lexicon = static_cast<Lexicon>(l);
    if (lexicon == Lexicon::kContestVerb || lexicon == Lexicon::kUndoingWord) continue;
    for (const std::string& w : lexicons_.Words(static_cast<Lexicon>(l))) hand[w] = true;
  }
  for (const Pattern& p : patterns_) {
    const bool is_default = p.imported && p.constraints.empty() && p.particles.empty();
    auto index = [&](const std::string& lemma) {
      if (is_default && covers(lemma, p.pos)) return;
      by_lemma_[lemma].push_back(&p);
      vocabulary_[lemma] = true;
    };
    index(p.lemma);
    for (const std::string& l : p.also) index(l);
    // An imported constraint word that is also an irregular form stays out
    // of the vocabulary: the noun "shot" must not stop the view from
    // repairing the tagger's lemma of the verb form "shot" (CoderSentence).
    for (const Constraint& c : p.constraints) {
      for (const std::string& l : c.lemmas) {
        if (!p.imported || irregular_.count(l) == 0) vocabulary_[l] = true;
      }
    }
    for (const std::string& l : p.particles) vocabulary_[l] = true;
  }
  for (size_t l = 0; l < static_cast<size_t>(Lexicon::kCount); ++l) {
    for (const std::string& w : lexicons_.Words(static_cast<Lexicon>(l))) vocabulary_[w] = true;
  }
}

std::string_view PatternDictionary::IrregularLemma(std::string_view form) const {
  auto it = irregular_.find(std::string(form));
  return it == irregular_.end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<const Pattern*>& PatternDictionary::ForLemma(std::string_view lemma) const {
  static const std::vector<const Pattern*> kNone;
  auto it = by_lemma_.find(std::string(lemma));
  return it == by_lemma_.end() ? kNone : it->second;
}

const Pattern* PatternDictionary::FindId(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &patterns_[it->second];
}

}  // namespace annals::events
