// Treebank lexicon, WordNet and suffix-rule lemmatizer (see lemmatizer.h).
#include "syntax/lemmatizer.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "base/hash.h"
#include "syntax/word_features.h"

namespace annals::syntax {
namespace {

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Most frequent value per key; ties go to the smallest value so training is
// deterministic whatever the hash order.
using Counts = std::unordered_map<std::string, std::map<std::string, int>>;
std::unordered_map<std::string, std::string> Best(const Counts& counts, int min_count) {
  std::unordered_map<std::string, std::string> out;
  for (const auto& [key, values] : counts) {
    const std::string* best = nullptr;
    int best_n = 0;
    for (const auto& [v, n] : values) {
      if (n > best_n) {
        best = &v;
        best_n = n;
      }
    }
    if (best != nullptr && best_n >= min_count) out.emplace(key, *best);
  }
  return out;
}

// Suffix of at most k bytes, not splitting a UTF-8 sequence.
std::string_view Suffix(std::string_view s, size_t k) {
  if (k >= s.size()) return s;
  size_t start = s.size() - k;
  while (start < s.size() && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) ++start;
  return s.substr(start);
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Ends in consonant-vowel-consonant (final consonant not w, x or y): the
// stems English doubles before -ed/-ing/-er ("hop" -> "hopped"), so a
// single consonant there points to a silent e ("hoped" -> "hope").
bool EndsCvc(std::string_view s) {
  if (s.size() < 3) return false;
  const char a = s[s.size() - 3], b = s[s.size() - 2], c = s[s.size() - 1];
  return IsLetter(a) && !IsVowel(a) && IsVowel(b) && IsLetter(c) && !IsVowel(c) && c != 'w' &&
         c != 'x' && c != 'y';
}

// Ends in a doubled consonant that English adds before a suffix ("expell",
// "stopp"); not "ll"/"ss"/"ff"/"zz" stems that are words themselves, which
// are tried first anyway.
bool EndsDoubled(std::string_view s) {
  if (s.size() < 3) return false;
  const char a = s[s.size() - 2], b = s[s.size() - 1];
  return a == b && IsLetter(b) && !IsVowel(b);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ReplaceTypographicApostrophe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string LemmaRule(std::string_view form, std::string_view lemma) {
  const std::string lower = LowerAscii(form);
  const size_t keep = CommonPrefix(form, lemma);
  const size_t low = CommonPrefix(lower, lemma);
  const bool use_lower = low > keep;
  size_t p = use_lower ? low : keep;
  // Cut at a character boundary, never inside a UTF-8 sequence.
  while (p > 0 && p < form.size() && IsContinuation(form[p])) --p;
  std::string rule = std::to_string(form.size() - p);
  rule += use_lower ? "|L|" : "|K|";
  rule += lemma.substr(p);
  return rule;
}

bool ApplyLemmaRule(std::string_view rule, std::string_view form, std::string* lemma) {
  const size_t bar = rule.find('|');
  if (bar == std::string_view::npos || rule.size() < bar + 3) return false;
  size_t strip = 0;
  auto [p, ec] = std::from_chars(rule.data(), rule.data() + bar, strip);
  if (ec != std::errc() || strip > form.size()) return false;
  const bool lower = rule[bar + 1] == 'L';
  const std::string_view append = rule.substr(bar + 3);
  if (strip > 0 && strip < form.size() && IsContinuation(form[form.size() - strip])) return false;
  if (!append.empty() && IsContinuation(append[0])) return false;
  *lemma = lower ? LowerAscii(form) : std::string(form);
  lemma->resize(form.size() - strip);
  lemma->append(append);
  return !lemma->empty();
}

std::string Lemmatizer::Key(std::string_view form, int tag) {
  std::string key(form);
  key += '\t';
  key += std::to_string(tag);
  return key;
}

uint64_t Lemmatizer::KeyHash(std::string_view form, bool lower, int tag) {
  uint64_t h = kFnvOffset;
  for (char c : form) {
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  char digits[16];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, tag);
  (void)ec;
  h = Fnv1a64("\t", h);
  return Fnv1a64(std::string_view(digits, static_cast<size_t>(end - digits)), h);
}

Lemmatizer::HashMap Lemmatizer::Hashed(const Map& m) {
  HashMap out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.emplace(Fnv1a64(k), v);
  return out;
}

void Lemmatizer::BuildHashed() {
  exact_hashed_ = Hashed(lemma_exact_);
  lower_hashed_ = Hashed(lemma_lower_);
  rules_hashed_ = Hashed(rules_);
  feats_hashed_ = Hashed(feats_);
  treebank_lemmas_.clear();
  for (const auto& [k, v] : lemma_exact_) treebank_lemmas_.insert(Fnv1a64(v));
}

void Lemmatizer::SetTagNames(const std::vector<std::string>& upos,
                             const std::vector<std::string>& xpos) {
  tag_info_.assign(upos.size(), TagInfo{});
  for (size_t t = 0; t < upos.size() && t < xpos.size(); ++t) {
    TagInfo& info = tag_info_[t];
    const std::string& u = upos[t];
    const std::string& x = xpos[t];
    info.proper = u == "PROPN";
    info.wordnet = true;
    if (info.proper) {
      info.wordnet = false;
      info.pos = WordNetPos::kNoun;
      if (x == "NNPS") info.inflection = Inflection::kPlural;
    } else if (u == "NOUN") {
      info.pos = WordNetPos::kNoun;
      if (x == "NNS") info.inflection = Inflection::kPlural;
    } else if (u == "VERB") {
      info.pos = WordNetPos::kVerb;
      if (x == "VBZ") info.inflection = Inflection::kThirdSingular;
      if (x == "VBD" || x == "VBN") info.inflection = Inflection::kPast;
      if (x == "VBG") info.inflection = Inflection::kGerund;
    } else if (u == "ADJ" || u == "ADV") {
      info.pos = u == "ADJ" ? WordNetPos::kAdj : WordNetPos::kAdv;
      if (x == "JJR" || x == "RBR") info.inflection = Inflection::kComparative;
      if (x == "JJS" || x == "RBS") info.inflection = Inflection::kSuperlative;
    } else {
      info.wordnet = false;
    }
  }
}

void Lemmatizer::SetWordNet(std::shared_ptr<const WordNet> wordnet) { wordnet_ = std::move(wordnet); }

bool Lemmatizer::IsTreebankLemma(std::string_view lemma) const {
  return treebank_lemmas_.count(Fnv1a64(lemma)) != 0;
}

bool Lemmatizer::LexiconLemma(std::string_view form, int tag, std::string* lemma) const {
  if (auto it = exact_hashed_.find(KeyHash(form, false, tag)); it != exact_hashed_.end()) {
    *lemma = it->second;
    return true;
  }
  if (auto it = lower_hashed_.find(KeyHash(form, true, tag)); it != lower_hashed_.end()) {
    *lemma = it->second;
    return true;
  }
  return false;
}

// Morphy-style detachment for an inflected form `w` (lower-cased): each
// candidate stem must be a WordNet lemma of the tag's part of speech.
bool Lemmatizer::Detach(std::string_view w, const TagInfo& info, std::string* lemma) const {
  const WordNet& wn = *wordnet_;
  auto known = [&](std::string_view s) { return !s.empty() && wn.IsLemma(s, info.pos); };
  auto take = [&](std::string s) {
    *lemma = std::move(s);
    return true;
  };
  // A suffix that may hide a silent e ("-ed", "-ing", "-er", "-est"): the
  // bare stem, the stem + e, an undoubled consonant, and y for "-ied"/"-ier".
  auto strip_suffix = [&](std::string_view suffix, std::string_view y_suffix) {
    if (!EndsWith(w, suffix)) return false;
    const std::string_view bare = w.substr(0, w.size() - suffix.size());
    const std::string with_e = std::string(bare) + "e";
    const bool bare_ok = known(bare), e_ok = known(with_e);
    if (bare_ok && e_ok) return take(EndsCvc(bare) ? with_e : std::string(bare));
    if (bare_ok) return take(std::string(bare));
    if (e_ok) return take(with_e);
    if (EndsDoubled(bare) && known(bare.substr(0, bare.size() - 1))) {
      return take(std::string(bare.substr(0, bare.size() - 1)));
    }
    if (!y_suffix.empty() && EndsWith(w, y_suffix)) {
      const std::string y = std::string(w.substr(0, w.size() - y_suffix.size())) + "y";
      if (known(y)) return take(y);
    }
    return false;
  };
  // "-s" endings, the shortest cut first: "ceremonies" tries "ceremonie",
  // then "ceremony"; "glasses" tries "glasse", then "glass".
  auto strip_s = [&]() {
    if (!EndsWith(w, "s")) return false;
    if (std::string_view b = w.substr(0, w.size() - 1); known(b)) return take(std::string(b));
    if (EndsWith(w, "es")) {
      if (std::string_view b = w.substr(0, w.size() - 2); known(b)) return take(std::string(b));
    }
    if (EndsWith(w, "ies")) {
      const std::string y = std::string(w.substr(0, w.size() - 3)) + "y";
      if (known(y)) return take(y);
    }
    return false;
  };
  switch (info.inflection) {
    case Inflection::kPlural:
      if (strip_s()) return true;
      if (EndsWith(w, "men")) {
        const std::string man = std::string(w.substr(0, w.size() - 3)) + "man";
        if (known(man)) return take(man);
      }
      return false;
    case Inflection::kThirdSingular: return strip_s();
    case Inflection::kPast: return strip_suffix("ed", "ied");
    case Inflection::kGerund: return strip_suffix("ing", "");
    case Inflection::kComparative: return strip_suffix("er", "ier");
    case Inflection::kSuperlative: return strip_suffix("est", "iest");
    case Inflection::kBase: return false;
  }
  return false;
}

bool Lemmatizer::WordNetLemma(std::string_view w, const TagInfo& info, std::string* lemma) const {
  const WordNet& wn = *wordnet_;
  if (const std::vector<std::string>* bases = wn.Exceptions(w, info.pos)) {
    // Of several lemmas ("enrolled": enrol, enroll) the one the treebank
    // uses, else WordNet's first.
    const std::string* pick = &bases->front();
    for (const std::string& b : *bases) {
      if (IsTreebankLemma(b)) {
        pick = &b;
        break;
      }
    }
    *lemma = *pick;
    return true;
  }
  if (info.inflection == Inflection::kBase) {
    if (!wn.IsLemma(w, info.pos)) return false;
    *lemma = std::string(w);
    return true;
  }
  if (Detach(w, info, lemma)) return true;
  if (wn.IsLemma(w, info.pos)) {  // "news", "series": the form is itself a lemma
    *lemma = std::string(w);
    return true;
  }
  // A hyphenated word inflects its last part: "re-elected" -> "re-elect".
  const size_t hyphen = w.rfind('-');
  if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 2 < w.size()) {
    std::string last;
    if (WordNetLemma(w.substr(hyphen + 1), info, &last)) {
      *lemma = std::string(w.substr(0, hyphen + 1)) + last;
      return true;
    }
  }
  return false;
}

std::string Lemmatizer::Lemma(std::string_view form, int tag) const {
  if (auto it = exact_hashed_.find(KeyHash(form, false, tag)); it != exact_hashed_.end()) {
    return it->second;
  }
  const TagInfo* info =
      tag >= 0 && static_cast<size_t>(tag) < tag_info_.size() ? &tag_info_[static_cast<size_t>(tag)] : nullptr;
  if (info != nullptr && info->proper) {
    // A plural name of a people ("Romans", "Europeans") takes the singular
    // WordNet spells with a capital; any other proper noun keeps its form.
    std::string singular;
    if (wordnet_ != nullptr && info->inflection == Inflection::kPlural &&
        Detach(LowerAscii(form), *info, &singular)) {
      const std::string_view cased = wordnet_->CasedSpelling(singular, WordNetPos::kNoun);
      if (!cased.empty()) return std::string(cased);
    }
    return std::string(form);
  }
  std::string lemma;
  if (auto it = lower_hashed_.find(KeyHash(form, true, tag)); it != lower_hashed_.end()) {
    return it->second;
  }
  if (form.find("\xE2\x80\x99") != std::string_view::npos &&
      LexiconLemma(ReplaceTypographicApostrophe(form), tag, &lemma)) {
    return lemma;
  }
  const std::string lower = LowerAscii(form);
  if (info != nullptr && info->wordnet && wordnet_ != nullptr && WordNetLemma(lower, *info, &lemma)) {
    // A capitalised form keeps the capitals WordNet gives the lemma
    // ("African", "Catholic"); other lemmas are lower-case.
    if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') {
      const std::string_view cased = wordnet_->CasedSpelling(lemma, info->pos);
      if (!cased.empty()) return std::string(cased);
    }
    return lemma;
  }
  for (size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    auto it = rules_hashed_.find(KeyHash(Suffix(lower, k), false, tag));
    if (it == rules_hashed_.end()) continue;
    if (ApplyLemmaRule(it->second, form, &lemma)) return lemma;
  }
  return std::string(form);
}

const std::string& Lemmatizer::Feats(std::string_view form, int tag) const {
  static const std::string kNone = "_";
  if (auto it = feats_hashed_.find(KeyHash(form, true, tag)); it != feats_hashed_.end()) {
    return it->second;
  }
  if (tag >= 0 && tag < static_cast<int>(tag_feats_.size())) return tag_feats_[tag];
  return kNone;
}

Lemmatizer Lemmatizer::Train(const std::vector<LexiconSample>& samples, int tags) {
  Counts exact, lower, rules, feats;
  std::vector<std::map<std::string, int>> tag_feats(static_cast<size_t>(tags));
  for (const LexiconSample& s : samples) {
    exact[Key(s.form, s.tag)][s.lemma]++;
    const std::string low = LowerAscii(s.form);
    lower[Key(low, s.tag)][s.lemma]++;
    const std::string rule = LemmaRule(s.form, s.lemma);
    for (size_t k = 0; k <= std::min(kMaxSuffix, low.size()); ++k) {
      rules[Key(Suffix(low, k), s.tag)][rule]++;
    }
    feats[Key(low, s.tag)][s.feats.empty() ? "_" : s.feats]++;
    if (s.tag >= 0 && s.tag < tags) tag_feats[s.tag][s.feats.empty() ? "_" : s.feats]++;
  }
  Lemmatizer m;
  m.tags_ = tags;
  m.lemma_exact_ = Best(exact, 1);
  m.lemma_lower_ = Best(lower, 1);
  m.rules_ = Best(rules, 2);
  m.feats_ = Best(feats, 1);
  m.tag_feats_.assign(static_cast<size_t>(tags), "_");
  for (int t = 0; t < tags; ++t) {
    int best_n = 0;
    for (const auto& [v, n] : tag_feats[t]) {
      if (n > best_n) {
        best_n = n;
        m.tag_feats_[t] = v;
      }
    }
  }
  m.BuildHashed();
  return m;
}

void Lemmatizer::WriteMap(const Map& m, ByteWriter* out) {
  std::vector<std::pair<std::string, std::string>> sorted(m.begin(), m.end());
  std::sort(sorted.begin(), sorted.end());  // byte-identical files for equal models
  out->U64(sorted.size());
  for (const auto& [k, v] : sorted) {
    out->Str(k);
    out->Str(v);
  }
}

bool Lemmatizer::ReadMap(ByteReader* in, Map* m) {
  uint64_t n = 0;
  if (!in->U64(&n)) return false;
  m->clear();
  m->reserve(static_cast<size_t>(std::min<uint64_t>(n, 1u << 24)));
  for (uint64_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!in->Str(&k) || !in->Str(&v)) return false;
    m->emplace(std::move(k), std::move(v));
  }
  return true;
}

void Lemmatizer::Write(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(tags_));
  WriteMap(lemma_exact_, out);
  WriteMap(lemma_lower_, out);
  WriteMap(rules_, out);
  WriteMap(feats_, out);
  out->StrVec(tag_feats_);
}

bool Lemmatizer::Read(ByteReader* in, std::string* error) {
  uint32_t tags = 0;
  if (!in->U32(&tags) || !ReadMap(in, &lemma_exact_) || !ReadMap(in, &lemma_lower_) ||
      !ReadMap(in, &rules_) || !ReadMap(in, &feats_) || !in->StrVec(&tag_feats_) ||
      tag_feats_.size() != tags) {
    *error = "bad lemmatizer tables";
    return false;
  }
  tags_ = static_cast<int>(tags);
  BuildHashed();
  return true;
}

}  // namespace annals::syntax
