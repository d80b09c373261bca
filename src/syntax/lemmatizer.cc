// Lexicon and suffix-rule lemmatizer (see lemmatizer.h).
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

}  // namespace

std::string LemmaRule(std::string_view form, std::string_view lemma) {
  const std::string lower = LowerAscii(form);
  const size_t keep = CommonPrefix(form, lemma);
  const size_t low = CommonPrefix(lower, lemma);
  const bool use_lower = low > keep;
  const size_t p = use_lower ? low : keep;
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
  *lemma = lower ? LowerAscii(form) : std::string(form);
  lemma->resize(form.size() - strip);
  lemma->append(rule.substr(bar + 3));
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
}

std::string Lemmatizer::Lemma(std::string_view form, int tag) const {
  if (auto it = exact_hashed_.find(KeyHash(form, false, tag)); it != exact_hashed_.end()) {
    return it->second;
  }
  if (auto it = lower_hashed_.find(KeyHash(form, true, tag)); it != lower_hashed_.end()) {
    return it->second;
  }
  const std::string lower = LowerAscii(form);
  for (size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    auto it = rules_hashed_.find(KeyHash(Suffix(lower, k), false, tag));
    if (it == rules_hashed_.end()) continue;
    std::string lemma;
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
